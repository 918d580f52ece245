/**
 * Issue 10, "read once, analyse once": how often `koppelkansen apply` reads the input file,
 * loads it as a workbook, takes a snapshot and analyses, counted through the command's own
 * code path (not timed). The report on the written state is `analyzeWritten`, which takes
 * the werkblad rows from the plan's one analysis (tests/core/analyzeKeptRows.test.ts checks
 * they are the same objects); a full `analyze` of the written state would count 2. The written file is checked by verifyPackage (a light check of the
 * package), never loaded as a workbook again.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as analyzeModule from '../../src/core/analyze';
import * as safeWrite from '../../src/cli/safeWrite';
import * as verifyModule from '../../src/workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { writeRawWorkbook } from '../../scripts/bench/cli';
import { cliRunner } from '../helpers/cliRun';

const NOW = new Date('2026-11-28T12:00:00Z');
const run = cliRunner(NOW);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-counts-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

/** Runs `apply input -o output` and counts what it did. */
async function counted(input: string, output: string) {
  const inputPath = path.resolve(input);
  const readWithStamp = jest.spyOn(safeWrite, 'readWithStamp');
  const fromBuffer = jest.spyOn(XlsxWorkbook, 'fromBuffer');
  const readSnapshot = jest.spyOn(XlsxWorkbook.prototype, 'readSnapshot');
  // the snapshot that lets go of the loaded model once read (readSnapshot would read it again)
  const readSnapshotOnce = jest.spyOn(XlsxWorkbook.prototype, 'readSnapshotOnce');
  const analyze = jest.spyOn(analyzeModule, 'analyze');
  const analyzeWritten = jest.spyOn(analyzeModule, 'analyzeWritten');
  const verify = jest.spyOn(verifyModule, 'verifyPackage');
  const result = await run(['apply', input, '-o', output]);
  const counts = {
    code: result.code,
    inputReads: readWithStamp.mock.calls.filter(([p]) => path.resolve(p) === inputPath).length,
    workbookLoads: fromBuffer.mock.calls.length,
    snapshots: readSnapshot.mock.calls.length + readSnapshotOnce.mock.calls.length,
    analyses: analyze.mock.calls.length,
    writtenAnalyses: analyzeWritten.mock.calls.length,
    verifiedOutputs: verify.mock.calls.length,
  };
  jest.restoreAllMocks();
  return counts;
}

test('apply reads and loads the workbook once, takes one snapshot and analyses once: the written state reuses that analysis’ reading of the rows', async () => {
  // werkblad and longlist only, as a user would have them: the plan writes the rest
  const raw = path.join(dir, 'raw.xlsx');
  await writeRawWorkbook(raw, 40, 6);
  const prepared = path.join(dir, 'prepared.xlsx');
  expect(await counted(raw, prepared)).toEqual({ code: 0, inputReads: 1, workbookLoads: 1, snapshots: 1, analyses: 1, writtenAnalyses: 1, verifiedOutputs: 1 });
});

test('apply on a prepared workbook (nothing to write) analyses once: the report is the plan’s own analysis', async () => {
  const raw = path.join(dir, 'raw2.xlsx');
  await writeRawWorkbook(raw, 40, 6);
  const prepared = path.join(dir, 'prepared2.xlsx');
  expect((await run(['apply', raw, '-o', prepared])).code).toBe(0);
  const again = path.join(dir, 'again.xlsx');
  expect(await counted(prepared, again)).toEqual({
    code: 0,
    inputReads: 1,
    workbookLoads: 1,
    snapshots: 1,
    analyses: 1,
    writtenAnalyses: 0,
    verifiedOutputs: 1,
  });
});
