/**
 * Asks what to keep when a colleague changed a cell the pane was about to write
 * (co-authoring): nothing has been overwritten yet. Shows both versions per cell, names
 * sheet and cell, and writes the pane's version only when the user chooses it.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
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

export function ConflictDialog({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const c = session.conflict;
  return (
    <Dialog open={c !== null} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Een collega heeft dit net aangepast</DialogTitle>
          <DialogContent>
            <Text as="p">Er is niets overschreven. Welke versie wil je houden?</Text>
            <ul className={styles.list}>
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
            <Button appearance="primary" onClick={() => void session.resolveConflict('theirs')}>
              Versie van collega houden
            </Button>
            <Button onClick={() => void session.resolveConflict('mine')}>Mijn versie opslaan</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
