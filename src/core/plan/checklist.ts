/**
 * The WUP checklist sheet: created with the basiselementen when missing; afterwards the
 * team's statuses, texts and rows are theirs. The engine keeps the status dropdown, the
 * progress table and the 8-year deadline formula up to date.
 */
import { cellAddress, rangeAddress } from '../a1';
import { CHECKLIST_LATE_TEXT, CHECKLIST_ON_TIME_TEXT, checklistDeadlineFormula, checklistLateFormula } from '../formulas';
import { diffBlock, formula, text } from '../diff';
import { STATUS_CHOICE, STATUSES } from '../checklistStatus';
import { WUP_CHECKLIST } from '../defaults';
import { formulaAt, textAt } from '../grid';
import { cleanFormula } from '../keuzelijsten';
import { CHECKLIST, COLORS } from '../layout';
import { problem } from '../problems';
import type { CellInput } from '../snapshot';
import { engineMayWrite } from '../werkblad';
import { nameOf, sheetByName, type PlanContext } from './context';
import { statusRule } from './validations';

interface ItemRow {
  row: number;
  onderdeel: string;
}

/**
 * A progress count by the engine's rule (src/core/checklist.ts), every text cleaned by the
 * text rule of src/core/names.ts (`cleanFormula`: NBSP, tab and line breaks as spaces, then
 * TRIM): an item counts when its basiselement (B) is not empty, its Onderdeel (A) is
 * exactly the table's Onderdeel in H`row`, and, with `status`, its status (C) equals it in
 * any case (Excel's "=" ignores case). No criteria: "?*" or "Klaar" would count a name of
 * spaces and miss "Klaar " (trailing space); TRIM alone would miss "Klaar" + NBSP. An empty
 * Onderdeel, which the engine carries down from the row above, cannot be followed by a
 * formula without helper cells: `checklistEmptyOnderdeel` warns about it instead. A cell
 * holding an error value matches nothing (an item not counted, under no onderdeel, or
 * without a status), as `readChecklist` counts it, with a warning naming the cell.
 */
function progressFormula(A: string, B: string, row: number, C?: string, status?: string): string {
  // each test as ISNUMBER(1/test): TRUE only for a TRUE test, FALSE for FALSE and for an error value (#N/A …) in the cell,
  // which would otherwise make the whole count an error; IFERROR over an array needs array entry in Excel 2010, this does not
  const parts = [`EXACT(${cleanFormula(A)},$H${row})`, `(${cleanFormula(B)}<>"")`];
  if (C && status) parts.push(`(${cleanFormula(C)}="${status}")`);
  return `=SUMPRODUCT(${parts.map((x) => `ISNUMBER(1/${x})`).join('*')})`;
}

export function planChecklist(ctx: PlanContext): void {
  if (!ctx.analysis.werkblad) return;
  const name = nameOf(ctx, 'checklist');
  const sheet = sheetByName(ctx.snapshot, name);
  const V = CHECKLIST.valueColumn;
  let items: ItemRow[];
  if (!sheet) {
    ctx.ops.push({ kind: 'addSheet', sheet: name });
    const head: CellInput[][] = [
      [text(CHECKLIST.title)],
      [text(`Houd per basiselement de status bij: ${STATUS_CHOICE}.`)],
      [text(CHECKLIST.dateLabel)],
      [text(CHECKLIST.deadlineLabel)],
    ];
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: 'A1', cells: head });
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(CHECKLIST.headerRow, 1), cells: [CHECKLIST.headers.map((h) => text(h))] });
    const rows: CellInput[][] = [];
    items = [];
    let r = CHECKLIST.firstRow;
    for (const part of WUP_CHECKLIST) {
      for (const item of part.items) {
        rows.push([text(part.onderdeel), text(item), text(STATUSES[0])]);
        items.push({ row: r++, onderdeel: part.onderdeel });
      }
    }
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(CHECKLIST.firstRow, 1), cells: rows });
  } else {
    items = (ctx.analysis.checklist?.items ?? []).map((i) => ({ row: i.row, onderdeel: i.onderdeel }));
  }

  // deadline (8 years before the overstap of the last home) and its warning, in the rows the engine found by their labels
  // (a team's row inserted above moves them): the formula reads the date cell the engine reads
  const state = sheet ? ctx.analysis.checklist : null;
  const dateRow = state?.dateRow ?? CHECKLIST.dateRow;
  const deadlineRow = state?.deadlineRow ?? CHECKLIST.deadlineRow;
  const headerRow = state?.headerRow ?? CHECKLIST.headerRow;
  const dateCell = cellAddress(dateRow, V);
  const deadlineCell = cellAddress(deadlineRow, V);
  const deadline = state?.deadlineYear ?? null;
  const wantDeadline: [number, number, string, number | string][] = [
    [deadlineRow, V, checklistDeadlineFormula(dateCell, !!ctx.snapshot.date1904), deadline ?? ''],
    [deadlineRow, V + 1, checklistLateFormula(deadlineCell), deadline === null ? '' : state!.late ? CHECKLIST_LATE_TEXT : CHECKLIST_ON_TIME_TEXT],
  ];
  for (const [r, c, f, result] of wantDeadline) {
    if (engineMayWrite(sheet, r, c)) ctx.ops.push(...diffBlock(name, sheet, r, c, [[formula(f, result)]]));
    else ctx.problems.push(problem('CELL_OCCUPIED', name, cellAddress(r, c), { value: textAt(sheet!, r, c) }));
  }

  if (items.length === 0) return;
  const first = Math.min(...items.map((i) => i.row));
  const last = Math.max(...items.map((i) => i.row));
  const parts: string[] = [];
  for (const i of items) if (i.onderdeel && !parts.includes(i.onderdeel)) parts.push(i.onderdeel);

  // progress table: engine-owned columns H..L
  const P = CHECKLIST.progressColumn;
  const A = `$A$${first}:$A$${last}`;
  const B = `$B$${first}:$B$${last}`;
  const C = `$C$${first}:$C$${last}`;
  // the engine's counts (cached results): from the analysis, or the new sheet's "To do" items
  const counts = new Map<string, { klaar: number; bezig: number; total: number }>();
  if (sheet && ctx.analysis.checklist) for (const p of ctx.analysis.checklist.progress) counts.set(p.onderdeel, p);
  else for (const i of items) counts.set(i.onderdeel, { klaar: 0, bezig: 0, total: (counts.get(i.onderdeel)?.total ?? 0) + 1 });
  const sum = { klaar: 0, bezig: 0, total: 0 };
  const grid: CellInput[][] = [CHECKLIST.progressHeaders.map((h) => text(h))];
  parts.forEach((p, i) => {
    const r = headerRow + 1 + i;
    const c = counts.get(p) ?? { klaar: 0, bezig: 0, total: 0 };
    sum.klaar += c.klaar;
    sum.bezig += c.bezig;
    sum.total += c.total;
    grid.push([
      text(p),
      formula(progressFormula(A, B, r, C, 'Klaar'), c.klaar),
      formula(progressFormula(A, B, r, C, 'Bezig'), c.bezig),
      formula(progressFormula(A, B, r), c.total),
      formula(`=IF(K${r}=0,"",I${r}/K${r})`, c.total === 0 ? '' : c.klaar / c.total),
    ]);
  });
  const totalRow = headerRow + 1 + parts.length;
  const s = headerRow + 1;
  const e = totalRow - 1;
  grid.push([
    text('Totaal'),
    formula(`=SUM(I${s}:I${e})`, sum.klaar),
    formula(`=SUM(J${s}:J${e})`, sum.bezig),
    formula(`=SUM(K${s}:K${e})`, sum.total),
    formula(`=IF(K${totalRow}=0,"",I${totalRow}/K${totalRow})`, sum.total === 0 ? '' : sum.klaar / sum.total),
  ]);
  // clear a longer, older table: its rows have the engine's formulas in I..L; a team's
  // caption or note under the table (text in H only) is not the engine's and stays
  if (sheet) {
    for (let r = totalRow + 1; r <= sheet.values.length; r++) {
      if (textAt(sheet, r, P) && formulaAt(sheet, r, P + 1)) grid.push(Array.from({ length: 5 }, () => ({ clear: true as const })));
      else break;
    }
  }
  ctx.ops.push(...diffBlock(name, sheet, headerRow, P, grid));

  ctx.validations.push({ sheet: name, range: rangeAddress(first, 3, last, 3), rule: statusRule() });

  if (!sheet) {
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: name, range: `A${CHECKLIST.dateRow}:A${CHECKLIST.deadlineRow}`, style: { bold: true } },
      { kind: 'setStyle', sheet: name, range: dateCell, style: { numberFormat: 'dd-mm-yyyy', fill: COLORS.inputFill } },
      {
        kind: 'setStyle',
        sheet: name,
        range: `A${CHECKLIST.headerRow}:E${CHECKLIST.headerRow}`,
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
      },
      {
        kind: 'setStyle',
        sheet: name,
        range: `H${CHECKLIST.headerRow}:L${CHECKLIST.headerRow}`,
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
      },
      { kind: 'setStyle', sheet: name, range: `L${s}:L${totalRow}`, style: { numberFormat: '0%' } },
      { kind: 'setStyle', sheet: name, range: `H${totalRow}:L${totalRow}`, style: { bold: true } },
      { kind: 'setStyle', sheet: name, range: `D${first}:D${last}`, style: { wrap: true } },
      {
        kind: 'setColumnWidths',
        sheet: name,
        widths: [
          { column: 'A', width: 34 },
          { column: 'B', width: 52 },
          { column: 'C', width: 12 },
          { column: 'D', width: 44 },
          { column: 'E', width: 22 },
          { column: 'H', width: 34 },
          { column: 'I', width: 8 },
          { column: 'J', width: 8 },
          { column: 'K', width: 8 },
          { column: 'L', width: 11 },
        ],
      },
      { kind: 'freeze', sheet: name, rows: CHECKLIST.headerRow, columns: 0 },
      {
        kind: 'setPageSetup',
        sheet: name,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitleRows: { first: CHECKLIST.headerRow, last: CHECKLIST.headerRow },
        printArea: `A1:L${totalRow}`,
      },
    );
  }
}
