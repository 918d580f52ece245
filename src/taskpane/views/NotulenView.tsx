/** Notulen: the notulist's panel, the participants list and the "Onderbouwing maken" button (from ../notes). */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookSession } from '../session';
import { DeelnemersEditor } from '../notes/DeelnemersEditor';
import { NotesPanel } from '../notes/NotesPanel';
import { OnderbouwingButton } from '../notes/OnderbouwingButton';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function NotulenView({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <NotesPanel session={session} />
      <DeelnemersEditor session={session} />
      <OnderbouwingButton session={session} />
    </div>
  );
}
