/**
 * The notes of one koppelkans, for beside its scores: a compact composer in the current
 * context (step and factor from `session.context`, this koppelkans) and its notes,
 * newest first, editable in place.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { filterNotes } from '../../core/notes';
import type { WorkbookSession } from '../session';
import { NoteComposer } from './NoteComposer';
import { NotesList } from './NotesList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function KoppelkansNotes({ session, koppelkans }: { session: WorkbookSession; koppelkans: string }) {
  const styles = useStyles();
  const notes = useMemo(() => filterNotes(session.notes.notes, { koppelkans }), [session.notes.notes, koppelkans]);
  const context = { step: session.context.step, koppelkans, factor: session.context.koppelkans === koppelkans ? (session.context.factor ?? '') : '' };
  if (session.notes.sheet === null) return null;
  return (
    <div className={styles.stack}>
      <NoteComposer session={session} context={context} label={`Notitie bij “${koppelkans}”`} draftName={`notitie.nieuw.${koppelkans}`} />
      <NotesList session={session} notes={notes} showFilters={false} emptyText="Nog geen notities bij deze koppelkans." />
    </div>
  );
}
