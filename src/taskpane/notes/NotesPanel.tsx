/**
 * The notulist's panel: the composer tied to what the team discusses now (following
 * `session.context`, editable), the step conclusions ("Leg conclusie vast") and all notes,
 * filtered and editable in place. Everything is written to the Notulen sheet through
 * `session.applyOps`; nothing is kept only in the pane.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookSession } from '../session';
import { ConclusionsEditor } from './ConclusionsEditor';
import { NoteComposer } from './NoteComposer';
import { NotesList } from './NotesList';
import type { NoteContext } from './notesLogic';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function fromSession(session: WorkbookSession): NoteContext {
  return { step: session.context.step, koppelkans: session.context.koppelkans ?? '', factor: session.context.factor ?? '' };
}

export function NotesPanel({ session }: { session: WorkbookSession }) {
  const styles = useStyles();
  const [context, setContext] = useState<NoteContext>(() => fromSession(session));
  const { step, koppelkans, factor } = session.context;
  // the note's context follows the team (Scoren moving to the next koppelkans, another step)
  useEffect(() => setContext({ step, koppelkans: koppelkans ?? '', factor: factor ?? '' }), [step, koppelkans, factor]);

  if (session.notes.sheet === null) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          Er is nog geen werkblad Notulen in deze werkmap. Bereid de werkmap voor; daarna legt de notulist hier het gesprek en de conclusies vast.{' '}
          <Button size="small" disabled={!!session.busy || session.analysis?.kind !== 'koppelkansen'} onClick={() => void session.prepare()}>
            Werkmap voorbereiden
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby="notes-new">
        <Subtitle2 as="h2" id="notes-new">
          Nieuwe notitie
        </Subtitle2>
        <NoteComposer session={session} context={context} onContextChange={setContext} />
      </section>
      <section className={styles.section} aria-labelledby="notes-conclusions">
        <Subtitle2 as="h2" id="notes-conclusions">
          Conclusies per stap
        </Subtitle2>
        <ConclusionsEditor session={session} currentStep={context.step} />
      </section>
      <section className={styles.section} aria-labelledby="notes-all">
        <Subtitle2 as="h2" id="notes-all">
          Notities
        </Subtitle2>
        <NotesList session={session} />
      </section>
    </div>
  );
}
