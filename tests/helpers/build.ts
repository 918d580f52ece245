/** Small workbooks built in code for tests. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
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
