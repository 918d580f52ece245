/**
 * Asks what to keep when a colleague changed a cell the pane was about to write
 * (co-authoring): nothing has been overwritten yet. Shows both versions per cell, names
 * sheet and cell, and writes the pane's version only when the user chooses it. Esc closes
 * the question without choosing: nothing is written or dropped, a banner keeps it reachable,
 * and the focus goes back to where the user was (usually the field being typed in).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { CellValue } from '../core/snapshot';
import type { WorkbookSession } from './session';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  version: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

function shown(v: CellValue | string | undefined): string {
  if (v === null || v === undefined || v === '') return '(leeg)';
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  return String(v);
}

/** Focuses `el` once no dialog is open any more (Fluent moves the focus itself while a dialog unmounts). */
function focusWhenClosed(el: HTMLElement | null): void {
  if (!el) return;
  const start = Date.now();
  const tick = () => {
    if (document.querySelector('[role="dialog"], [role="alertdialog"]') && Date.now() - start < 5000) requestAnimationFrame(tick);
    else if (el.isConnected) el.focus();
  };
  requestAnimationFrame(tick);
}

/** The conflict question of `session.conflict` (a modal dialog), or its banner after Esc. */
export function ConflictDialog({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const c = session.conflict;
  const open = c !== null && c.shown;
  const versions = useRef<HTMLUListElement>(null);
  const reopen = useRef<HTMLButtonElement>(null);
  // where the focus was when the question opened (read while rendering the opening, before
  // the dialog moves it): it goes back there when the question closes
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current && typeof document !== 'undefined') {
    const active = document.activeElement;
    // reopened from the banner (which then goes): the focus still goes back to the first opener
    if (active !== reopen.current) opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  wasOpen.current = open;
  // The question can open while someone is still typing (a debounced write met a colleague's
  // change). The focus goes to the list of both versions, not to the first button, so the next
  // space or Enter chooses nothing (regression: a space pressed "Versie van collega houden" and
  // the typed reason was gone). This effect runs after Fluent's own first-element focus (a
  // parent's effects run after its children's), inside the dialog, so Tab still cycles there.
  useEffect(() => {
    if (open) versions.current?.focus();
  }, [open]);
  const back = () => focusWhenClosed(opener.current?.isConnected ? opener.current : null);
  const choose = (choice: 'mine' | 'theirs') => {
    back();
    void session.resolveConflict(choice);
  };
  return (
    <>
      {c && !c.shown && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Een collega heeft tegelijk {c.conflicts.map((x) => `${x.sheet}!${x.cell}`).join(', ')} aangepast. Er is niets overschreven; je versie is nog niet
            opgeslagen.
          </MessageBarBody>
          <MessageBarActions>
            <Button ref={reopen} size="small" onClick={session.showConflict}>
              Beide versies bekijken
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Dialog
        open={open}
        modalType="alert"
        onOpenChange={(_, d) => {
          if (d.open) return;
          // Esc: close without choosing; the conflict stays pending
          session.dismissConflict();
          back();
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Een collega heeft dit net aangepast</DialogTitle>
            <DialogContent>
              <Text as="p">Er is niets overschreven. Welke versie wil je houden? Met Esc kies je later; je tekst blijft staan.</Text>
              <ul ref={versions} className={styles.list} tabIndex={-1} aria-label="Jouw versie en die van je collega">
                {c?.conflicts.map((x) => {
                  const where = `${x.sheet}!${x.cell}`;
                  return (
                    <li key={where} data-testid="conflict">
                      <Text weight="semibold">{where}</Text>
                      <div className={styles.version}>Jouw versie: {shown(c.mine[where])}</div>
                      <div className={styles.version}>Versie van je collega: {shown(x.actual)}</div>
                    </li>
                  );
                })}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => choose('theirs')}>
                Versie van collega houden
              </Button>
              <Button onClick={() => choose('mine')}>Mijn versie opslaan</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
