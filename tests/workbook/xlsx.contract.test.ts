import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';
import { protect, withTeamDefinitions } from './xlsxProtect';

// The contract over XlsxWorkbook built in memory. The same contract on a package patched in
// place is in xlsxPatched.contract.test.ts: two files, so two jest workers share the work.
// every reopen writes the workbook to .xlsx bytes and reads those back
contractSuite({
  name: 'xlsx',
  create: async () => XlsxWorkbook.create(),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
  protect,
  withTeamDefinitions,
});
