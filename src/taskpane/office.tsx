// Placeholder entry for the task pane inside Excel (replaced by the task-pane UI work).
// office.js is loaded from Microsoft's CDN by taskpane.html; Office is a global here.
import { createRoot } from 'react-dom/client';

Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<h1>Koppelkansen Kiezen</h1>);
});
