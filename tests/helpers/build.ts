/** Small workbooks built in code for tests. */
import type { CellValue, DefinedNameSnapshot, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { SHEET_NAMES } from '../../src/core/layout';
import type { RankEntry } from '../../src/core/ranking';

export interface WerkbladSpec {
  factors?: string[];
  weights?: CellValue[];
  /** [opgave, koppelkans, ...scores] */
  rows?: CellValue[][];
  totalen?: boolean;
  sheetName?: string;
}

export function werkbladSheet(spec: WerkbladSpec = {}): SheetSnapshot {
  const factors = spec.factors ?? ['Draagvlak', 'Politiek', 'Doorbraak'];
  const weights = spec.weights ?? factors.map(() => 1);
  const values: CellValue[][] = [
    ['Werkblad koppelkansen kiezen'],
    [],
    ['Opgave', 'Koppelkans', ...factors, ...(spec.totalen === false ? [] : ['Totalen'])],
    ['Weging', null, ...weights],
    [],
    ...(spec.rows ?? []),
  ];
  return { name: spec.sheetName ?? SHEET_NAMES.werkblad, values };
}

function longlistSheet(entries: [string, string][], name: string = SHEET_NAMES.longlist): SheetSnapshot {
  return { name, values: [['Opgave', 'Koppelkans', 'Toelichting'], ...entries.map(([o, k]) => [o, k, ''])] };
}

const SMALL_LONGLIST: [string, string][] = [
  ['Groen', 'Groene daken op transformatorhuisjes'],
  ['Groen', 'Geveltuinen'],
  ['Werk', 'Stageplekken voor wijkbewoners'],
  ['Gezondheid', 'CO2-gestuurde ventilatie'],
];

export function workbook(spec: WerkbladSpec = {}, extra: SheetSnapshot[] = []): WorkbookSnapshot {
  return { sheets: [werkbladSheet(spec), longlistSheet(SMALL_LONGLIST), ...extra] };
}

/** A RankEntry of opgave Groen for the chart tests: row = rank + 5, 8 of 8 factors scored. */
export const rankEntry = (rank: number, koppelkans: string, total: number): RankEntry => ({
  rank,
  row: rank + 5,
  opgave: 'Groen',
  koppelkans,
  total,
  scored: 8,
  factors: 8,
});

/**
 * A workbook of plain sheets for the reference checks: per sheet a map A1 → cell (a text
 * starting with "=" is a formula, anything else a value; columns A–Z only), sheets in tab
 * order, with the team's defined `names` (none by default) and no rules.
 */
export function plainBook(sheets: [string, Record<string, string | number>][], names: DefinedNameSnapshot[] = []): WorkbookSnapshot {
  return {
    sheets: sheets.map(([name, cells]) => {
      const formulas: (string | null)[][] = [];
      const values: (string | number | null)[][] = [];
      for (const [a1, v] of Object.entries(cells)) {
        const col = a1.charCodeAt(0) - 64;
        const row = Number(a1.slice(1));
        while (formulas.length < row) formulas.push([]);
        while (values.length < row) values.push([]);
        if (typeof v === 'string' && v.startsWith('=')) formulas[row - 1][col - 1] = v;
        else values[row - 1][col - 1] = v;
      }
      return { name, values, formulas };
    }),
    definitions: { names, rules: [] },
  };
}
