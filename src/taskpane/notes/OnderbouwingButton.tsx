// PLACEHOLDER created by the task-pane helper because the button did not exist yet.
// The notes helper replaces this file with the real OnderbouwingButton (same name and props).
import { Button } from '@fluentui/react-components';
import type { WorkbookSession } from '../session';

export function OnderbouwingButton({ session }: { session: WorkbookSession }) {
  return <Button disabled={!session.analysis}>Onderbouwing maken</Button>;
}
