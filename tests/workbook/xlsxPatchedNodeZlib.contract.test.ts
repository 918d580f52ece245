import { readWithNodeZlib } from '../../src/workbook/xlsx/package/zipParts';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';
import { protect, withTeamDefinitions } from './xlsxProtect';

// the same contract when the package is patched on Node's zlib (package/zipParts.ts), as
// the command line reads and writes a team's file; xlsxPatched covers JSZip (the preview)
const read = (bytes: Uint8Array) => XlsxWorkbook.fromBuffer(bytes, { readZip: readWithNodeZlib });
contractSuite({
  name: 'xlsx patched in place on Node zlib',
  create: async () => read(await XlsxWorkbook.create().toBuffer()),
  reopen: async (wb) => read(await (wb as XlsxWorkbook).toBuffer()),
  protect,
  withTeamDefinitions,
});
