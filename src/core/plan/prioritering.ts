/**
 * The Prioritering sheet: the team's own order. The engine writes the header when the
 * sheet is new, the automatic rank and the "no reason" flag beside each entry (as
 * formulas), and a koppelkans dropdown. It never reorders, changes or removes what the
 * team typed; with `propose` it fills an empty list with the automatic order.
 */
import { cellAddress, columnLetter, rangeAddress } from '../a1';
import { diffBlock, formula, num, text } from '../diff';
import { prioFlagFormula, prioRankFormula, werkbladRefs } from '../formulas';
import { formulaAt, textAt } from '../grid';
import { autoRankByName, prioCheckKey, readPrioEntriesRanked } from '../prioritering';
import { COLORS, PRIORITERING } from '../layout';
import { problem } from '../problems';
import type { CellInput, CellValue, SheetSnapshot } from '../snapshot';
import { engineMayWrite } from '../werkblad';
import { nameOf, sheetByName, type PlanContext } from './context';
import { werkbladKeyRange } from '../keuzelijsten';
import { lijstenGeometry } from './longlist';
import { listRule } from './validations';

/**
 * Adds the Prioritering sheet's ops, problems (CELL_OCCUPIED for a team value in the rank or
 * Signaal column) and wanted dropdown to `ctx`; nothing without a werkblad. With
 * `ctx.options.propose` and no team entries, it fills the empty (no text, no formula) Prioriteit and Koppelkans
 * cells with the automatic order, and records the entries as they will read back, so that
 * planning again over the result writes nothing (src/core/plan/index.ts).
 */
export function planPrioritering(ctx: PlanContext): void {
  const wb = ctx.analysis.werkblad;
  if (!wb) return;
  const name = nameOf(ctx, 'prioritering');
  const sheet = sheetByName(ctx.snapshot, name);
  const existing = ctx.analysis.prioritering;
  const layout = existing?.layout ?? {
    sheet: name,
    headerRow: PRIORITERING.headerRow,
    firstRow: PRIORITERING.firstRow,
    columns: { prioriteit: 1, koppelkans: 2, omdat: 3, verantwoordelijke: 4, rang: 5, signaal: 6, controle: 7, afwijking: 8 },
    lastRow: PRIORITERING.headerRow,
  };
  const c = layout.columns;
  const entries = existing?.entries ?? [];

  if (!sheet) {
    ctx.ops.push({ kind: 'addSheet', sheet: name });
    ctx.ops.push({
      kind: 'setCells',
      sheet: name,
      cell: 'A1',
      cells: [
        [text(PRIORITERING.title)],
        [
          text(
            'Zet hier jullie eigen volgorde. Wijkt een plaats af van de automatische rang, schrijf dan bij "Omdat…" waarom. Spreek af wie verantwoordelijk is.',
          ),
        ],
      ],
    });
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(layout.headerRow, 1), cells: [PRIORITERING.headers.map((h) => text(h))] });
  } else {
    // fill in missing labels of the engine's own columns only
    const hdr: [number, string][] = [
      [c.rang, PRIORITERING.headers[4]],
      [c.signaal, PRIORITERING.headers[5]],
      [c.controle, PRIORITERING.headers[6]],
      [c.afwijking, PRIORITERING.headers[7]],
    ];
    for (const [col, label] of hdr) {
      if (!textAt(sheet, layout.headerRow, col))
        ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(layout.headerRow, col), cells: [[text(label)]] });
    }
  }

  let lastEntryRow = layout.lastRow;
  // the engine's check record per row (see prioFlagFormula): what it saw and its verdict
  const checks = new Map<number, { key: string; deviates: boolean }>();
  // the engine's values of the rank and flag formulas (the cached results)
  const results = new Map<number, [number | string, string]>();
  // the place as the engine reads it (a whole Prioriteit number of 1 or more, else the position), as the Signaal formula does
  const keep = (e: (typeof entries)[number]) => {
    checks.set(e.row, { key: prioCheckKey(e.place, e.koppelkans), deviates: e.deviates });
    results.set(e.row, [e.autoRank ?? '–', e.needsReason ? PRIORITERING.deviationFlag : '']);
  };
  entries.forEach(keep);
  if (ctx.options.propose && entries.length === 0) {
    const top = ctx.analysis.top.filter((e) => e.koppelkans);
    // the sheet as it reads after the proposal: the team's cells where they hold something, the proposal elsewhere
    const after: SheetSnapshot = { name, values: (sheet?.values ?? []).map((line) => [...(line ?? [])]) };
    top.forEach((e, i) => {
      const r = layout.firstRow + i;
      const line: [number, CellInput, CellValue][] = [
        [c.prioriteit, num(i + 1), i + 1],
        [c.koppelkans, text(e.koppelkans), e.koppelkans],
      ];
      for (const [col, input, value] of line) {
        // a cell the team filled, or gave a formula (a numbering formula may show nothing yet), is theirs
        if (sheet && (textAt(sheet, r, col) || formulaAt(sheet, r, col))) continue;
        ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(r, col), cells: [[input]] });
        // a snapshot may leave rows out (a sparse array): such a row is empty
        (after.values[r - 1] ??= [])[col - 1] = value;
      }
    });
    lastEntryRow = Math.max(lastEntryRow, layout.firstRow + top.length - 1);
    // the check record and the cached rank and Signaal as the entries will read back (a Prioriteit number or an
    // Omdat… the team typed in a row counts), by the rank rule of the rank formula's MATCH (autoRankByName)
    const rankOf = autoRankByName(ctx.analysis.ranking, wb.rows);
    const readBack = readPrioEntriesRanked(after, { ...layout, lastRow: lastEntryRow }, (key) => rankOf.get(key) ?? null, new Set(), []);
    readBack.forEach(keep);
  }

  const end = Math.max(lastEntryRow + PRIORITERING.spareRows, layout.firstRow + PRIORITERING.minRows - 1);
  const keys = werkbladKeyRange(nameOf(ctx, 'lijsten'), lijstenGeometry(ctx));
  // the formulas read the cells the engine reads: the columns found by their labels, the list from the layout's first row
  const read = { ...c, firstRow: layout.firstRow };
  const cells: (CellInput | undefined)[][] = [];
  for (let r = layout.firstRow; r <= end; r++) {
    const line: (CellInput | undefined)[] = [];
    const [rank, flag] = results.get(r) ?? ['', ''];
    for (const [col, f, result] of [
      [c.rang, prioRankFormula(wb.layout, r, keys, read), rank],
      [c.signaal, prioFlagFormula(wb.layout, r, read), flag],
    ] as [number, string, number | string][]) {
      if (engineMayWrite(sheet, r, col)) line[col - c.rang] = formula(f, result);
      else {
        line[col - c.rang] = undefined;
        ctx.problems.push(problem('CELL_OCCUPIED', name, cellAddress(r, col), { value: textAt(sheet!, r, col) }));
      }
    }
    cells.push(line);
  }
  if (c.signaal === c.rang + 1) ctx.ops.push(...diffBlock(name, sheet, layout.firstRow, c.rang, cells));
  else {
    ctx.ops.push(
      ...diffBlock(
        name,
        sheet,
        layout.firstRow,
        c.rang,
        cells.map((l) => [l[0]]),
      ),
    );
    ctx.ops.push(
      ...diffBlock(
        name,
        sheet,
        layout.firstRow,
        c.signaal,
        cells.map((l) => [l[c.signaal - c.rang]]),
      ),
    );
  }
  // the check record: the engine's own columns (found by their labels), values only
  const record = (r: number): [CellInput, CellInput] => {
    const k = checks.get(r);
    return k ? [text(k.key), num(k.deviates ? 1 : 0)] : [{ clear: true }, { clear: true }];
  };
  const recordRows = Array.from({ length: Math.max(end, lastEntryRow) - layout.firstRow + 1 }, (_, i) => record(layout.firstRow + i));
  if (c.afwijking === c.controle + 1) ctx.ops.push(...diffBlock(name, sheet, layout.firstRow, c.controle, recordRows));
  else {
    ctx.ops.push(
      ...diffBlock(
        name,
        sheet,
        layout.firstRow,
        c.controle,
        recordRows.map((l) => [l[0]]),
      ),
    );
    ctx.ops.push(
      ...diffBlock(
        name,
        sheet,
        layout.firstRow,
        c.afwijking,
        recordRows.map((l) => [l[1]]),
      ),
    );
  }

  const refs = werkbladRefs(wb.layout);
  ctx.validations.push({
    sheet: name,
    range: rangeAddress(layout.firstRow, c.koppelkans, end, c.koppelkans),
    rule: listRule(`=${refs.koppelkansen}`, 'koppelkans', wb.layout.sheet),
  });

  if (!sheet) {
    const last = columnLetter(PRIORITERING.headers.length);
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: name, range: `A2:${last}2`, style: { wrap: false, italic: true } },
      {
        kind: 'setStyle',
        sheet: name,
        range: `A${layout.headerRow}:${last}${layout.headerRow}`,
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
      },
      { kind: 'setStyle', sheet: name, range: rangeAddress(layout.firstRow, c.omdat, end, c.omdat), style: { wrap: true, verticalAlignment: 'top' } },
      { kind: 'setStyle', sheet: name, range: rangeAddress(layout.firstRow, c.signaal, end, c.signaal), style: { fontColor: '#C00000', bold: true } },
      { kind: 'setStyle', sheet: name, range: rangeAddress(layout.firstRow, c.controle, end, c.afwijking), style: { fontColor: '#595959', fontSize: 9 } },
      {
        kind: 'setColumnWidths',
        sheet: name,
        widths: [
          { column: 'A', width: 11 },
          { column: 'B', width: 50 },
          { column: 'C', width: 60 },
          { column: 'D', width: 24 },
          { column: 'E', width: 18 },
          { column: 'F', width: 24 },
          { column: 'G', width: 22 },
          { column: 'H', width: 10 },
        ],
      },
      { kind: 'freeze', sheet: name, rows: layout.headerRow, columns: 0 },
      {
        kind: 'setPageSetup',
        sheet: name,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitleRows: { first: layout.headerRow, last: layout.headerRow },
        printArea: `A1:${last}${end}`,
      },
    );
  }
}
