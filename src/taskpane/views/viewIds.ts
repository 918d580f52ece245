/**
 * The task pane's tabs, in order, with the guide's step each belongs to (notes made on a tab
 * are filed under that step). Its own module so that views can name a tab without importing
 * TaskPane, which imports them (an import cycle).
 */
import type { NoteStep } from '../../core/notes';

export const VIEWS = [
  { id: 'start', label: 'Start', step: 'Stap 2' },
  { id: 'stap1', label: 'Stap 1', step: 'Stap 1' },
  { id: 'stap2', label: 'Stap 2', step: 'Stap 2' },
  { id: 'controle', label: 'Controle', step: 'Stap 2' },
  { id: 'scoren', label: 'Scoren', step: 'Stap 3' },
  { id: 'rondes', label: 'Rondes', step: 'Stap 3' },
  { id: 'resultaat', label: 'Resultaat', step: 'Stap 4' },
  { id: 'prioritering', label: 'Prioritering', step: 'Stap 4' },
  { id: 'checklist', label: 'WUP checklist', step: 'WUP checklist' },
  { id: 'notulen', label: 'Notulen', step: null },
] as const satisfies readonly { id: string; label: string; step: NoteStep | null }[];

export type ViewId = (typeof VIEWS)[number]['id'];
