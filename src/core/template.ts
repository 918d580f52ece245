/**
 * A new Koppelkansen workbook: the werkblad with the default success factors and the
 * longlist, then everything the plan builder adds (Resultaat, Prioritering, WUP
 * checklist, Notulen, dropdowns, validation, totals) — as one plan.
 */
import { columnLetter } from './a1';
import { DEFAULT_LONGLIST, DEFAULT_SUCCESFACTOREN } from './defaults';
import { text, num } from './diff';
import { COLORS, SHEET_NAMES, WERKBLAD } from './layout';
import { buildPlan, type PlanResult } from './plan';
import { longlistSheetOps } from './plan/longlist';
import { simulate } from './simulate';
import { wijkTitle } from './wijk';
import { defaultWaarom } from './factors';
import type { CellInput, Plan, PlanOp, WorkbookSnapshot } from './snapshot';

export interface TemplateOptions {
  wijk?: string;
  factors?: string[];
  longlist?: { opgave: string; koppelkans: string; toelichting: string }[];
  now?: Date;
}

function templateOps(options: TemplateOptions = {}): PlanOp[] {
  const factors = options.factors ?? DEFAULT_SUCCESFACTOREN.map((f) => f.naam);
  const longlist = options.longlist ?? DEFAULT_LONGLIST;
  const ws = SHEET_NAMES.werkblad;
  const first = WERKBLAD.firstFactorColumn;
  const totalCol = first + factors.length;
  const lastCol = columnLetter(totalCol);
  const title = wijkTitle(options.wijk ?? '');
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet: ws },
    {
      kind: 'setCells',
      sheet: ws,
      cell: 'A1',
      cells: [
        [text(title)],
        [
          text(
            'Stap 2: kies per rij een opgave (tabel B) en een koppelkans (tabel C). Stap 3: scoor elke koppelkans per succesfactor met een heel getal van -10 tot 10.',
          ),
        ],
        [text('Opgave'), text('Koppelkans'), ...factors.map((f) => text(f)), text(WERKBLAD.totalenLabel)],
        [text('Weging'), text(''), ...factors.map(() => num(1))],
        [text('Tabel B ↓'), text('Tabel C ↓'), ...factors.map((f) => text(defaultWaarom(f)))],
      ] as CellInput[][],
    },
    { kind: 'setStyle', sheet: ws, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
    { kind: 'setStyle', sheet: ws, range: 'A2', style: { italic: true } },
    {
      kind: 'setStyle',
      sheet: ws,
      range: `A3:${lastCol}3`,
      style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, wrap: true, verticalAlignment: 'center' },
    },
    { kind: 'setStyle', sheet: ws, range: `A4:${lastCol}4`, style: { bold: true, fill: COLORS.subFill } },
    { kind: 'setStyle', sheet: ws, range: `A5:${lastCol}5`, style: { italic: true, fontColor: '#595959' } },
    {
      kind: 'setStyle',
      sheet: ws,
      range: `${lastCol}${WERKBLAD.firstDataRow}:${lastCol}${WERKBLAD.firstDataRow + WERKBLAD.minPreparedRows - 1}`,
      style: { bold: true, fill: COLORS.totalFill, numberFormat: '0.##' },
    },
    {
      kind: 'setColumnWidths',
      sheet: ws,
      widths: [
        { column: 'A', width: 26 },
        { column: 'B', width: 48 },
        ...factors.map((_, i) => ({ column: columnLetter(first + i), width: 14 })),
        { column: lastCol, width: 11 },
      ],
    },
    { kind: 'freeze', sheet: ws, rows: WERKBLAD.weightRow, columns: 2 },
    // print as a few readable pages: landscape, one page wide, headers and weights on every page
    {
      kind: 'setPageSetup',
      sheet: ws,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitleRows: { first: WERKBLAD.factorRow, last: WERKBLAD.weightRow },
      printArea: `A1:${lastCol}${WERKBLAD.firstDataRow + WERKBLAD.minPreparedRows - 1}`,
    },
    ...longlistSheetOps(longlist),
  ];
  return ops;
}

/** The complete plan for a new workbook, applied on an empty workbook in one batch. */
export function newWorkbookPlan(options: TemplateOptions = {}, base: WorkbookSnapshot = { sheets: [], validations: [] }): PlanResult {
  const ops = templateOps(options);
  const after = simulate(base, ops);
  // the plan finds the wijk where every later plan does, in the werkblad's title (A1)
  const rest = buildPlan(after, { now: options.now });
  const plan: Plan = { ops: [...ops, ...rest.plan.ops] };
  return { ...rest, plan };
}
