/** The Notulen sheet: created when missing, never cleared or rewritten by the engine. */
import { cellAddress, columnLetter } from '../a1';
import { text } from '../diff';
import { CONCLUSION_QUESTIONS, COLORS, NOTULEN } from '../layout';
import { textAt } from '../grid';
import { findNotesHeaderRow } from '../notes';
import { nameOf, sheetByName, type PlanContext } from './context';
import type { CellInput, PlanOp } from '../snapshot';
import { wrappedRowHeight } from '../textMetrics';
import { DEELNEMERS } from '../deelnemers';

/** Width of column E, where the conclusions' questions wrap (Excel character units). */
const QUESTION_WIDTH = NOTULEN.columnWidths[NOTULEN.conclusionQuestionColumn - 1];

const gap = (n: number): CellInput[] => Array.from({ length: n }, () => ({ text: '' }));

/** Heights of the conclusion rows whose question wraps in column E (width 36), as one setRowHeights op or none. */
function conclusionRowHeights(sheet: string): PlanOp[] {
  const heights: { row: number; height: number }[] = [];
  CONCLUSION_QUESTIONS.forEach((q, i) => {
    const height = wrappedRowHeight([q.vraag], [QUESTION_WIDTH]);
    if (height) heights.push({ row: NOTULEN.firstConclusionRow + i, height });
  });
  return heights.length ? [{ kind: 'setRowHeights', sheet, heights }] : [];
}

export function planNotulen(ctx: PlanContext): void {
  if (!ctx.analysis.werkblad) return;
  const name = nameOf(ctx, 'notulen');
  const existing = sheetByName(ctx.snapshot, name);
  if (existing) {
    // a Notulen sheet from before column K: add its label when that cell is free (the team's text stays)
    const headerRow = findNotesHeaderRow(existing);
    const col = NOTULEN.onderbouwingColumn;
    if (!textAt(existing, headerRow, col) && !existing.formulas?.[headerRow - 1]?.[col - 1]) {
      ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(headerRow, col), cells: [[text(NOTULEN.headers[col - 1])]] });
      ctx.ops.push({
        kind: 'setStyle',
        sheet: name,
        range: cellAddress(headerRow, col),
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
      });
    }
    return;
  }
  const last = columnLetter(NOTULEN.headers.length);
  ctx.ops.push(
    { kind: 'addSheet', sheet: name },
    {
      kind: 'setCells',
      sheet: name,
      cell: 'A1',
      cells: [[text(NOTULEN.title)], [text('De notulist legt het gesprek, de redenering, de conclusies, afspraken en verantwoordelijken vast.')]],
    },
    {
      kind: 'setCells',
      sheet: name,
      cell: cellAddress(NOTULEN.conclusionsHeaderRow, 1),
      cells: [
        [text('Leg conclusie vast'), ...gap(3), text('Vraag'), ...gap(2), text('Conclusie')],
        ...CONCLUSION_QUESTIONS.map((q) => [text(q.stap), ...gap(3), text(q.vraag)]),
        // the editable list of participants (src/core/deelnemers.ts), right below the conclusions
        [text(DEELNEMERS.label), ...gap(3), text('Wie deden mee? Eén naam per regel.')],
      ],
    },
    { kind: 'setCells', sheet: name, cell: cellAddress(NOTULEN.logTitleRow, 1), cells: [[text('Verslag')]] },
    { kind: 'setCells', sheet: name, cell: cellAddress(NOTULEN.headerRow, 1), cells: [NOTULEN.headers.map((h) => text(h))] },
    { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
    {
      kind: 'setStyle',
      sheet: name,
      range: `A${NOTULEN.conclusionsHeaderRow}:${last}${NOTULEN.conclusionsHeaderRow}`,
      style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
    },
    {
      kind: 'setStyle',
      sheet: name,
      range: `E${NOTULEN.firstConclusionRow}:H${NOTULEN.firstConclusionRow + CONCLUSION_QUESTIONS.length}`,
      style: { wrap: true, verticalAlignment: 'top' },
    },
    {
      kind: 'setStyle',
      sheet: name,
      range: `H${NOTULEN.firstConclusionRow}:H${NOTULEN.firstConclusionRow + CONCLUSION_QUESTIONS.length}`,
      style: { fill: COLORS.inputFill },
    },
    { kind: 'setStyle', sheet: name, range: `A${NOTULEN.logTitleRow}`, style: { bold: true, fontSize: 12 } },
    {
      kind: 'setStyle',
      sheet: name,
      range: `A${NOTULEN.headerRow}:${last}${NOTULEN.headerRow}`,
      style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
    },
    // the note rows' text: wrapped from the top (notes appended further down get it with their row)
    {
      kind: 'setStyle',
      sheet: name,
      range: `${columnLetter(NOTULEN.textColumn)}${NOTULEN.firstRow}:${columnLetter(NOTULEN.textColumn)}${NOTULEN.firstRow + 500}`,
      style: { ...NOTULEN.textStyle },
    },
    {
      kind: 'setColumnWidths',
      sheet: name,
      widths: NOTULEN.columnWidths.map((width, i) => ({ column: columnLetter(i + 1), width })),
    },
    // the questions wrap in E (36 wide): rows tall enough to show them whole
    ...conclusionRowHeights(name),
    // print landscape, one page wide, the log's header on every page; no print area: the
    // log grows by a row per note (and the team may add columns), a fixed area would leave
    // them off the paper, so Excel prints the used range
    { kind: 'setPageSetup', sheet: name, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: NOTULEN.headerRow, last: NOTULEN.headerRow } },
  );
}
