/**
 * The statuses of a WUP checklist item: the one list for the sheet's dropdown, the engine's
 * check, the pane and the messages. The first is the default of a new item.
 */
export const STATUSES = ['To do', 'Bezig', 'Klaar'] as const;
export type ChecklistStatus = (typeof STATUSES)[number];

/** The statuses as a Dutch choice for messages: "To do, Bezig of Klaar". */
export const STATUS_CHOICE = `${STATUSES.slice(0, -1).join(', ')} of ${STATUSES[STATUSES.length - 1]}`;
