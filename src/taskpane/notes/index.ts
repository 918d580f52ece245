/** The notulist's components for the task pane views. */
export { NotesPanel } from './NotesPanel';
export { KoppelkansNotes } from './KoppelkansNotes';
export { OnderbouwingButton } from './OnderbouwingButton';
export { AUTHOR_KEY } from './notesLogic';
