/**
 * Keyboard focus after a write (WCAG 2.4.3, focus order). A control that wrote to the
 * workbook may be gone afterwards (a removed succesfactor's card) or disabled (an "Opslaan"
 * button with nothing left to save, every control while the pane is busy); the browser then
 * drops the focus to the page's body and a keyboard user starts again at the top of the page.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** How long after a write the focus is watched (ms): the pane renders the outcome and the browser drops a disabled control's focus lazily, at its next style update. */
const WATCH_MS = 3000;
const STEP_MS = 50;

/**
 * True when the keyboard focus is nowhere a user can go on from: on the body, or on a
 * control that is disabled or no longer in the page (the browser moves such a focus to the
 * body at its next style update; reading the layout first makes it do so now).
 */
function focusDropped(): boolean {
  document.body.getBoundingClientRect();
  const active = document.activeElement as (HTMLElement & { disabled?: boolean }) | null;
  return !active || active === document.body || active === document.documentElement || !active.isConnected || active.disabled === true;
}

/** The latest watch: a newer write's watch ends the older one, so focus only ever goes where the last write wants it. */
let watching = 0;

/** Watches the focus for WATCH_MS (or until a newer watch starts) and, whenever it is dropped, moves it to `fallback()`. */
async function restoreDroppedFocus(fallback: () => HTMLElement | null | undefined): Promise<void> {
  const mine = ++watching;
  for (let waited = 0; waited <= WATCH_MS && mine === watching; waited += STEP_MS) {
    if (focusDropped()) {
      const target = fallback();
      if (target && !(target as HTMLElement & { disabled?: boolean }).disabled) target.focus();
    }
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
}

/**
 * Runs `action` (a write through the session) and returns its result as soon as it has
 * one. Then, for a short while as the pane renders the outcome, whenever the focus is
 * dropped (see focusDropped) it moves the focus to `fallback()`, the control where the user
 * goes on (the card that took a removed one's place, the field an own opgave was typed
 * in, the same checkbox again). Focus on any other live control, such as where the user
 * moved it, is left alone; nothing happens without a DOM.
 */
export async function keepFocus<T>(action: () => Promise<T>, fallback: () => HTMLElement | null | undefined): Promise<T> {
  watching++; // a write starting now ends an older watch: its focus is this write's business
  const result = await action();
  if (typeof document !== 'undefined') void restoreDroppedFocus(fallback);
  return result;
}

/** The first element under `root` matching `selector` whose `data-*` attribute `key` (camelCase) equals `value`, or null. */
export function byData(root: ParentNode | null | undefined, selector: string, key: string, value: string): HTMLElement | null {
  if (!root) return null;
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).find((el) => el.dataset[key] === value) ?? null;
}

/**
 * Keyboard focus around a modal question (WCAG 2.4.3): `open` is whether it is shown.
 * Remembers the control that had the focus as it opened (before the dialog moves the focus
 * in) and, once it closes, moves the focus back there whenever it is dropped (see
 * focusDropped) in the short while after, as long as that control is in the page and
 * enabled. Fluent's Dialog does this only for a DialogTrigger or an opener marked with
 * `useRestoreFocusTarget` (as Prioritering and the notes do for their one button each); the
 * Stap 2 questions open from many controls (the pickers' checkboxes, the factor cards'
 * buttons), after a read of the workbook, and left the focus on the page's body after
 * Escape or "Annuleren". A write the answer starts (keepFocus) takes over the focus once it
 * has its result. Source: the pane's own rule, see keepFocus.
 */
export function useFocusReturn(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // a layout effect runs before the dialog's own effect moves the focus into it
  useLayoutEffect(() => {
    if (open && !wasOpen.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  }, [open]);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closed || typeof document === 'undefined') return;
    const target = opener.current;
    opener.current = null;
    if (target && target !== document.body) void restoreDroppedFocus(() => (target.isConnected ? target : null));
  }, [open]);
}
