/**
 * Entry of the browser preview: the task pane against a workbook held in the page (no
 * office.js). ExcelJS is loaded on demand for opening and downloading .xlsx files.
 */
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './preview/PreviewApp';

const container = document.getElementById('root');
if (container) createRoot(container).render(<PreviewApp />);
