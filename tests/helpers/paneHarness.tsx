/**
 * The pane under test, without a browser: one or more task panes (each its own
 * `useWorkbookSession`, as two colleagues in Excel on the web) rendered with
 * react-test-renderer over ONE workbook (a memory workbook, or the preview's RecordingPort over one). A pane hears of a colleague's write only
 * through its change event (`hear`), as in Excel; `settle` lets every pending effect,
 * read and write finish. Shared by the tests that check that typed text is kept.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer';
import { useWorkbookSession, type HostServices, type WorkbookSession } from '../../src/taskpane/session';
import type { Plan } from '../../src/core/snapshot';
import type { ApplyOptions, ApplyResult, SnapshotRequest, WorkbookPort } from '../../src/workbook/port';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** One rendered pane: its session, its tree, and its change event. */
export interface RenderedPane {
  session: () => WorkbookSession;
  root: () => ReactTestInstance;
  /** Delivers a change event ("something changed, read everything") to this pane and waits until it settled. */
  hear: () => Promise<void>;
  unmount: () => void;
}

/** Each memory workbook's identity, as the preview gives each stored workbook its own id (drafts are scoped by it). */
const workbookIds = new WeakMap<WorkbookPort, string>();
let workbookCount = 0;
/** The draft scope of `wb`: the same for every pane and render over it, another for every other workbook. */
export function workbookScopeOf(wb: WorkbookPort): string {
  let id = workbookIds.get(wb);
  if (!id) workbookIds.set(wb, (id = `werkmap:test-${++workbookCount}`));
  return id;
}

/** Lets effects, reads and writes of every pane finish (rounds of the event loop inside act). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/**
 * Renders `count` panes (1-based order in the result) over `wb`, each showing
 * `view(session, index)` inside Fluent's provider. `now` is every session's clock.
 * Storage is per pane and in memory (the notulist's name, drafts and the like), starting with
 * `storage` (key → value) when given. Pass a Map instead to share it: the pane then reads and
 * writes that Map itself, so unmounting and rendering again with the same Map is a reload
 * of the pane on the same computer (one pane per Map). Drafts are scoped by the workbook
 * (`workbookScopeOf(wb)`): two workbooks rendered with one Map are two workbooks on one computer.
 */
export async function renderPanes(
  wb: WorkbookPort,
  count: number,
  view: (session: WorkbookSession, index: number) => ReactNode,
  now: () => Date,
  storage: Record<string, string> | Map<string, string> = {},
): Promise<RenderedPane[]> {
  const panes: RenderedPane[] = [];
  for (let i = 0; i < count; i++) {
    let notify: ((changed: null) => void) | null = null;
    const stored = storage instanceof Map ? storage : new Map<string, string>(Object.entries(storage));
    const host: HostServices = {
      kind: 'preview',
      storage: {
        get: (k) => stored.get(k) ?? null,
        set: (k, v) => void stored.set(k, v),
        remove: (k) => void stored.delete(k),
        keys: () => [...stored.keys()],
      },
      draftScope: workbookScopeOf(wb),
      subscribeToChanges: async (on) => {
        notify = on;
        return async () => undefined;
      },
    };
    let session: WorkbookSession | null = null;
    function Pane() {
      session = useWorkbookSession(wb, host, now);
      return <FluentProvider theme={webLightTheme}>{view(session, i)}</FluentProvider>;
    }
    let renderer: ReactTestRenderer | undefined;
    await act(async () => {
      renderer = create(<Pane />);
    });
    panes.push({
      session: () => session!,
      root: () => renderer!.root,
      hear: async () => {
        await act(async () => notify?.(null));
        await settle();
      },
      unmount: () => void act(() => renderer!.unmount()),
    });
  }
  await settle();
  return panes;
}

/** All text inside a node, as a screen reader would read it in order. */
export const texts = (node: ReactTestInstance): string => node.children.map((c) => (typeof c === 'string' ? c : texts(c))).join('');

/** The first button whose text is exactly `label`, or null. */
export const button = (root: ReactTestInstance, label: string): ReactTestInstance | null =>
  root.findAll((n) => n.type === 'button' && texts(n).trim() === label)[0] ?? null;

/** Types `value` into an input or textarea at once (Fluent's onChange), as the user's keystrokes end up. */
export async function typeIn(field: ReactTestInstance, value: string): Promise<void> {
  await act(async () => field.props.onChange({ target: { value }, currentTarget: { value } }));
}

/** Leaves a field (its onBlur), as Tab or a click elsewhere does. */
export async function leave(field: ReactTestInstance): Promise<void> {
  await act(async () => field.props.onBlur?.({ target: field, currentTarget: field }));
}

/**
 * A port with a colleague: `colleague` runs once, right before the next plan is applied
 * (after the pane's read), and writes through the same workbook; then the plan goes to
 * `inner` as it came.
 */
export class ColleagueBeforeWrite implements WorkbookPort {
  colleague: (() => Promise<void>) | null = null;
  constructor(readonly inner: WorkbookPort) {}
  get canShiftColumns(): boolean {
    return this.inner.canShiftColumns === true;
  }
  readSnapshot(request?: SnapshotRequest) {
    return this.inner.readSnapshot(request);
  }
  async apply(plan: Plan, options?: ApplyOptions): Promise<ApplyResult> {
    const c = this.colleague;
    this.colleague = null;
    if (c) await c();
    return this.inner.apply(plan, options);
  }
}
