import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import type { TestWorkbook } from './contract';

/** Protects a sheet as Excel writes it (<sheetProtection sheet="1" …>), through ExcelJS, and reads the file back. */
export async function protect(
  wb: TestWorkbook,
  sheet: string,
  options: { allowFormatCells?: boolean; allowFormatColumns?: boolean } = {},
): Promise<TestWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await (wb as XlsxWorkbook).toBuffer()) as unknown as ExcelJS.Buffer);
  await book.getWorksheet(sheet)!.protect('', { formatCells: !!options.allowFormatCells, formatColumns: !!options.allowFormatColumns });
  return XlsxWorkbook.fromBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
}
