// PLACEHOLDER created by the task-pane helper because the notes panel did not exist yet.
// The notes helper replaces this file with the real NotesPanel (same name and props).
import { Text } from '@fluentui/react-components';
import type { WorkbookSession } from '../session';

export function NotesPanel({ session }: { session: WorkbookSession }) {
  const c = session.context;
  return (
    <Text>
      Notulen ({c.step}
      {c.koppelkans ? `, ${c.koppelkans}` : ''}): {session.notes.notes.length} notities in de werkmap.
    </Text>
  );
}
