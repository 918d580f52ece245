/** Dates in the pane: the one dates module of the engine (src/core/dates.ts). */
export { isoToDutch, serialToIso } from '../../core/dates';
