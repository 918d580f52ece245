/** The notulist's components for the task pane views. */
export { NotesPanel } from './NotesPanel';
export { KoppelkansNotes } from './KoppelkansNotes';
export { OnderbouwingButton } from './OnderbouwingButton';
export { DeelnemersEditor } from './DeelnemersEditor';
export { NoteComposer } from './NoteComposer';
export { NotesList } from './NotesList';
export { ConclusionsEditor } from './ConclusionsEditor';
export { AUTHOR_KEY } from './notesLogic';
