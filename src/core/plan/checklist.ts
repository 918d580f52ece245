/**
 * The WUP checklist sheet: created with the basiselementen when missing; afterwards the
 * team's statuses, texts and rows are theirs. The engine keeps the status dropdown, the
 * progress table and the 8-year deadline formula up to date.
 */
import { cellAddress, rangeAddress } from '../a1';
import { checklistDeadlineFormula, checklistLateFormula } from '../formulas';
import { diffBlock, formula, text } from '../diff';
import { STATUS_CHOICE, STATUSES } from '../checklistStatus';
import { WUP_CHECKLIST } from '../defaults';
import { formulaAt, textAt } from '../grid';
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

  // deadline (8 years before the overstap of the last home) and its warning
  const dateCell = cellAddress(CHECKLIST.dateRow, V);
  const deadlineCell = cellAddress(CHECKLIST.deadlineRow, V);
  const wantDeadline: [number, number, string][] = [
    [CHECKLIST.deadlineRow, V, checklistDeadlineFormula(dateCell)],
    [CHECKLIST.deadlineRow, V + 1, checklistLateFormula(deadlineCell)],
  ];
  for (const [r, c, f] of wantDeadline) {
    if (engineMayWrite(sheet, r, c)) ctx.ops.push(...diffBlock(name, sheet, r, c, [[formula(f)]]));
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
  const grid: CellInput[][] = [CHECKLIST.progressHeaders.map((h) => text(h))];
  parts.forEach((p, i) => {
    const r = CHECKLIST.headerRow + 1 + i;
    grid.push([
      text(p),
      formula(`=COUNTIFS(${A},H${r},${C},"Klaar")`),
      formula(`=COUNTIFS(${A},H${r},${C},"Bezig")`),
      formula(`=COUNTIFS(${A},H${r},${B},"?*")`),
      formula(`=IF(K${r}=0,"",I${r}/K${r})`),
    ]);
  });
  const totalRow = CHECKLIST.headerRow + 1 + parts.length;
  const s = CHECKLIST.headerRow + 1;
  const e = totalRow - 1;
  grid.push([
    text('Totaal'),
    formula(`=SUM(I${s}:I${e})`),
    formula(`=SUM(J${s}:J${e})`),
    formula(`=SUM(K${s}:K${e})`),
    formula(`=IF(K${totalRow}=0,"",I${totalRow}/K${totalRow})`),
  ]);
  // clear a longer, older table: its rows have the engine's formulas in I..L; a team's
  // caption or note under the table (text in H only) is not the engine's and stays
  if (sheet) {
    for (let r = totalRow + 1; r <= sheet.values.length; r++) {
      if (textAt(sheet, r, P) && formulaAt(sheet, r, P + 1)) grid.push(Array.from({ length: 5 }, () => ({ clear: true as const })));
      else break;
    }
  }
  ctx.ops.push(...diffBlock(name, sheet, CHECKLIST.headerRow, P, grid));

  ctx.validations.push({ sheet: name, range: rangeAddress(first, 3, last, 3), rule: statusRule() });

  if (!sheet) {
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: name, range: `A${CHECKLIST.dateRow}:A${CHECKLIST.deadlineRow}`, style: { bold: true } },
      { kind: 'setStyle', sheet: name, range: dateCell, style: { numberFormat: 'dd-mm-yyyy', fill: COLORS.inputFill } },
      { kind: 'setStyle', sheet: name, range: `A${CHECKLIST.headerRow}:E${CHECKLIST.headerRow}`, style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } },
      { kind: 'setStyle', sheet: name, range: `H${CHECKLIST.headerRow}:L${CHECKLIST.headerRow}`, style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } },
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
    );
  }
}
