/**
 * The task pane: the tabs Start, Controle, Scoren, Resultaat, Prioritering, WUP checklist
 * and Notulen over one workbook session. The same component runs inside Excel and in the
 * browser preview; only the port and the host services differ.
 */
import { useWorkbookSession, type HostServices, type WorkbookPort } from './session';
import { AppFrame } from './AppFrame';
import { TaskPane } from './TaskPane';

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export interface AppProps {
  port: WorkbookPort;
  /** Must keep its identity between renders (the session subscribes to it). */
  host: HostServices;
  dark: boolean;
}

export function App({ port, host, dark }: AppProps) {
  const session = useWorkbookSession(port, host);
  return (
    <AppFrame dark={dark}>
      <main>
        <h1 style={visuallyHidden}>Koppelkansen Kiezen</h1>
        <TaskPane session={session} />
      </main>
    </AppFrame>
  );
}
