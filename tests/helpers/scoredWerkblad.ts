/**
 * The scored werkblad the LibreOffice cross-checks of factor columns share
 * (tests/crosscheck/columns.libreoffice.test.ts, factors.libreoffice.test.ts): four
 * koppelkansen under one opgave with scores for the template's 8 factors (empty cells
 * included) and weights that are not all 1, `plain` to read a cell LibreOffice computed, and
 * `templateFromFile`, the template read back from a file (also used by ownNames.libreoffice.test.ts).
 */
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { WERKBLAD } from '../../src/core/layout';
import type { PlanOp } from '../../src/core/snapshot';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

/** Scores of rows 6–9, factors C..J (null: not scored). */
export const FACTOR_SCORES: (number | null)[][] = [
  [5, 3, -2, 10, 0, 1, 2, 3],
  [1, 1, 1, -10, 1, 1, 1, 1],
  [7, null, null, -4, null, null, 2, null],
  [-1, -2, -3, 9, -5, -6, -7, -8],
];

/** Weights of the factors C..J (row 4). */
const FACTOR_WEIGHTS = [1.5, 1, 2, 1, 0.5, 1, 1, 3];

/** The ops that write FACTOR_SCORES (opgave Gezondheid, koppelkansen "Koppelkans 1" …) and FACTOR_WEIGHTS on werkblad `sheet`. */
export function scoredWerkbladOps(sheet: string): PlanOp[] {
  return [
    {
      kind: 'setCells',
      sheet,
      cell: `A${WERKBLAD.firstDataRow}`,
      cells: FACTOR_SCORES.map((row, i) => [
        { text: 'Gezondheid' },
        { text: `Koppelkans ${i + 1}` },
        ...row.map((n) => (n === null ? { clear: true as const } : { number: n })),
      ]),
    },
    { kind: 'setCells', sheet, cell: 'C4', cells: [FACTOR_WEIGHTS.map((n) => ({ number: n }))] },
  ];
}

/** A cell as ExcelJS read it from a recalculated file: a formula's cached result, a value, or null. */
export function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result ?? null;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return '';
  return v ?? null;
}

/**
 * A new template workbook (wijk "Testwijk") written to `dir/in.xlsx` and read back from that
 * file, so every later write patches an existing package as the CLI does.
 * @param dir an existing directory
 * @param now the creation time the template records
 * @returns the workbook read from the file
 */
export async function templateFromFile(dir: string, now: Date): Promise<XlsxWorkbook> {
  const created = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(created, { wijk: 'Testwijk', now });
  const file = path.join(dir, 'in.xlsx');
  await created.writeFileAtomic(file);
  return XlsxWorkbook.fromFile(file);
}
