import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';

// every reopen writes the workbook to .xlsx bytes and reads those back
contractSuite({
  name: 'xlsx',
  create: async () => XlsxWorkbook.create(),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
});
