import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite, type TestWorkbook } from './contract';

/** Protects a sheet as Excel writes it (<sheetProtection sheet="1" …>), through ExcelJS, and reads the file back. */
async function protect(wb: TestWorkbook, sheet: string, options: { allowFormatCells?: boolean; allowFormatColumns?: boolean } = {}): Promise<TestWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await (wb as XlsxWorkbook).toBuffer()) as unknown as ExcelJS.Buffer);
  await book.getWorksheet(sheet)!.protect('', { formatCells: !!options.allowFormatCells, formatColumns: !!options.allowFormatColumns });
  return XlsxWorkbook.fromBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
}

// every reopen writes the workbook to .xlsx bytes and reads those back
contractSuite({
  name: 'xlsx',
  create: async () => XlsxWorkbook.create(),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
  protect,
});

// the same contract when every write patches an existing package in place (a workbook
// read from a file): the path the CLI and the preview's download take for a team's file
contractSuite({
  name: 'xlsx patched in place',
  create: async () => XlsxWorkbook.fromBuffer(await XlsxWorkbook.create().toBuffer()),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
  protect,
});
