/** Dates in the pane: the one dates module of the engine (src/core/dates.ts). */
export { formatDutchDate, isoToDutch, serialToIso } from '../../core/dates';
