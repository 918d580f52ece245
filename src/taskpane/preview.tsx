// Placeholder entry for the same pane in a plain browser tab (replaced by the UI work).
// No office.js here: the preview works against a workbook held in the page.
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (container) createRoot(container).render(<h1>Koppelkansen Kiezen</h1>);
