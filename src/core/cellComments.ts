/**
 * Excel cell comments and notes as the snapshot carries them (`WorkbookDefinitions.comments`,
 * read by every adapter on request): the shared pieces of the questions that name them
 * before a factor edit (referenceBreaks.ts) or a deselect in Stap 2 (stap2.ts).
 * Pure; imports nothing of the plan, so stap2.ts can use it without an import cycle.
 */
import { parseCell } from './a1';
import { sameSheet } from './columnShift';
import type { CellCommentSnapshot, WorkbookSnapshot } from './snapshot';

/** A cell comment an edit concerns: 'removed' goes with a deleted cell; 'stays' keeps its cell while the cell gets other content or is cleared. */
export interface AffectedComment extends CellCommentSnapshot {
  effect: 'removed' | 'stays';
}

/** The key of a comment in `seen` ("comment|sheet|E9"). */
export function commentKey(c: Pick<CellCommentSnapshot, 'sheet' | 'cell'>): string {
  return `comment|${c.sheet.toLowerCase()}|${c.cell.toUpperCase()}`;
}

/**
 * The kinds of cell comments `snapshot` does not hold: both when it carries no definitions
 * or no comments, else what `definitions.unread` names ('comments': Office.js below ExcelApi
 * 1.10, 'notes': below 1.18).
 */
export function commentKindsUnread(snapshot: WorkbookSnapshot): ('comments' | 'notes')[] {
  if (!snapshot.definitions?.comments) return ['comments', 'notes'];
  const unread = snapshot.definitions.unread ?? [];
  return (['comments', 'notes'] as const).filter((k) => unread.includes(k));
}

/**
 * The comments of `snapshot.definitions` on sheet `sheetName` in any column of the 1-based
 * `rows`, as 'stays' (clearing a cell's content leaves its comment on the cell in Excel
 * (`Range.formulas` written ""), in the xlsx writer (comments parts untouched) and in the
 * memory adapter). In the order read; [] when the snapshot holds none.
 */
export function commentsOnRows(snapshot: WorkbookSnapshot, sheetName: string, rows: readonly number[]): AffectedComment[] {
  const wanted = new Set(rows);
  return (snapshot.definitions?.comments ?? [])
    .filter((c) => sameSheet(c.sheet, sheetName) && wanted.has(parseCell(c.cell).row))
    .map((c) => ({ ...c, effect: 'stays' as const }));
}

/**
 * The 1-based rows of sheet `sheetName` that hold an Excel comment or note in any cell
 * (`snapshot.definitions.comments`; empty when the snapshot is absent or was read without
 * them). Stap 2 never chooses such a row for a new opgave or koppelkans (stap2.ts
 * `rowIsFree`): the comment belongs to its cell and stays there when the row is cleared (a
 * deselect), so it is about what stood there before, not about what would be written next.
 */
export function commentedRows(snapshot: WorkbookSnapshot | undefined, sheetName: string): Set<number> {
  return new Set((snapshot?.definitions?.comments ?? []).filter((c) => sameSheet(c.sheet, sheetName)).map((c) => parseCell(c.cell).row));
}
