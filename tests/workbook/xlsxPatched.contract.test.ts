import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';
import { protect, withTeamDefinitions } from './xlsxProtect';

// the same contract when every write patches an existing package in place (a workbook
// read from a file): the path the CLI and the preview's download take for a team's file
contractSuite({
  name: 'xlsx patched in place',
  create: async () => XlsxWorkbook.fromBuffer(await XlsxWorkbook.create().toBuffer()),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
  protect,
  withTeamDefinitions,
});
