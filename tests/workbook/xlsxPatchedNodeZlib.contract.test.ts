import { readWithNodeZlib } from '../../src/workbook/xlsx/package/zipParts';
import type { SnapshotRequest } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';
import { protect, withTeamDefinitions } from './xlsxProtect';

// the same contract when the package is patched on Node's zlib (package/zipParts.ts), as
// the command line reads and writes a team's file; xlsxPatched covers JSZip (the preview).
// Without the pane's Stap 1 and Stap 2 scenarios (stap2Contract.ts), which took about 80 %
// of this file's time: what differs here is only the zip under the package patch (read,
// has/paths/text, set, remove, toBytes: package/packageZip.ts), and every op kind those
// scenarios send reaches it through the rest of this contract too (cells, rows, sheets,
// validations, styles, protection, columns, names and conditional formats, the stamp).
// The command line never runs the pane's steps; the preview's download, which replays
// them, patches on JSZip, where xlsxPatched runs them in full. zipParts.test.ts checks the
// zip itself (entries kept byte for byte, changed, new and removed parts, CRC-32).
//
// Every workbook this contract reads is also read as the command line reads it, from the
// package's XML without ExcelJS's model (`deferModel`, package/readSheets.ts): the snapshot,
// definitions and validations must be the same (readSheets.test.ts has the cases on purpose).
const samePackageReading: SnapshotRequest = {
  definitions: true,
  validationTargets: (s) => s.sheets.flatMap((sheet) => ['A1:Z120', 'C6', 'B2:B4'].map((range) => ({ sheet: sheet.name, range }))),
};
async function read(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const wb = await XlsxWorkbook.fromBuffer(bytes, { readZip: readWithNodeZlib });
  const fromPackage = await XlsxWorkbook.fromBuffer(bytes, { readZip: readWithNodeZlib, deferModel: true });
  expect(await fromPackage.readSnapshot(samePackageReading)).toEqual(await wb.readSnapshot(samePackageReading));
  return wb;
}
contractSuite(
  {
    name: 'xlsx patched in place on Node zlib',
    create: async () => read(await XlsxWorkbook.create().toBuffer()),
    reopen: async (wb) => read(await (wb as XlsxWorkbook).toBuffer()),
    protect,
    withTeamDefinitions,
  },
  { paneSteps: false },
);
