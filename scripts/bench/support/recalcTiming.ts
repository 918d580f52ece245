/**
 * Timing LibreOffice's recalculation itself, without its start-up or file I/O.
 *
 * `soffice --convert-to` (tests/helpers/libreoffice.ts) costs about 7 s of start-up
 * whatever the workbook, with ±1 s of noise, which swamps the formulas of a 1,000-row
 * workbook. Here one headless LibreOffice runs a StarBasic macro placed in its private
 * temporary profile (user/basic/Standard): for every job it opens the workbook hidden
 * (with recalculation on load switched off, OOXMLRecalcMode = 1), optionally turns the
 * formulas of every sheet but one into their values (so only that sheet's formulas are
 * left to compute, reading fixed values from the others), then times `calculateAll()`
 * (a hard recalculation of every formula cell, XCalculatable) with GetSystemTicks (ms)
 * several times, and appends the figures to a result file. No Python-UNO bridge is
 * needed: Basic comes with every LibreOffice.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { sofficePath } from '../../../tests/helpers/libreoffice';

/** One workbook to time. */
export interface RecalcJob {
  /** The .xlsx to open (never changed on disk). */
  file: string;
  /** Times `calculateAll()` runs on the opened workbook (the first one included). */
  repeats: number;
  /** When set, the formulas of every other sheet are replaced by their values first. */
  onlySheet?: string;
  /** When true, the recalculated workbook is saved as .xlsx (to a temporary file) and the save timed. */
  save?: boolean;
  /**
   * `calculateAll()` calls timed together as one run (default 1); the run's figures are
   * per call (block ÷ batch), so CPU time's 10 ms steps become 10 / batch ms.
   */
  batch?: number;
}

/** Wall and CPU time of one step (ms). */
interface StepTime {
  /** GetSystemTicks, ms. */
  wallMs: number;
  /** LibreOffice's CPU time (every thread, user + system; /proc/self/stat, 10 ms steps). */
  cpuMs: number;
}

/** The figures of one job. */
export interface RecalcTiming {
  /** Opening the file (no recalculation on load). */
  load: StepTime;
  /** Each run, in order: ms per calculateAll() (a block of `batch` calls ÷ batch). */
  runs: StepTime[];
  /** Resolution of a run's CPU figure (ms): 10 ms ÷ batch. */
  cpuStepMs: number;
  /** Saving as .xlsx; zero when the job did not save. */
  save: StepTime;
  /** Formula cells left to compute (after `onlySheet`). */
  formulaCells: number;
}

/** Recalculation on load: 1 = never (the timed calculateAll() does it). */
const RECALC_NEVER = `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>1</value></prop></item>
`;

/**
 * The macro. Job file (path in $KK_RECALC_JOB), one line per job, tab-separated:
 * file URL, repeats, sheet to keep (or empty), URL to save the result to as .xlsx (or
 * empty), calculateAll() calls per timed run. Result file ($KK_RECALC_OUT): per job one line "ok<TAB>formula cells<TAB>load
 * wall/cpu ms<TAB>save wall/cpu ms<TAB>run wall/cpu ms…", or "error<TAB>message"; "done"
 * at the end.
 */
const MACRO = `
Function CpuMs() As Double
  Dim f As Integer, st As String, tail As Variant, rest As Variant
  f = FreeFile()
  Open "/proc/self/stat" For Input As #f
  Line Input #f, st
  Close #f
  tail = Split(st, ") ")
  rest = Split(tail(UBound(tail)), " ")
  CpuMs = (CDbl(rest(11)) + CDbl(rest(12))) * 10
End Function

Function CountFormulas(doc As Object) As Long
  Dim n As Long, s As Integer, ranges As Object, addr As Variant, a As Integer
  n = 0
  For s = 0 To doc.Sheets.Count - 1
    ranges = doc.Sheets.getByIndex(s).queryContentCells(com.sun.star.sheet.CellFlags.FORMULA)
    addr = ranges.getRangeAddresses()
    For a = 0 To UBound(addr)
      n = n + (addr(a).EndColumn - addr(a).StartColumn + 1) * (addr(a).EndRow - addr(a).StartRow + 1)
    Next a
  Next s
  CountFormulas = n
End Function

Sub FreezeOthers(doc As Object, keep As String)
  Dim s As Integer, sh As Object, ranges As Object, r As Integer, rg As Object
  For s = 0 To doc.Sheets.Count - 1
    sh = doc.Sheets.getByIndex(s)
    If sh.Name <> keep Then
      ranges = sh.queryContentCells(com.sun.star.sheet.CellFlags.FORMULA)
      For r = 0 To ranges.Count - 1
        rg = ranges.getByIndex(r)
        rg.setDataArray(rg.getDataArray())
      Next r
    End If
  Next s
End Sub

Sub Bench
  Dim jobFile As String, outFile As String, line As String, parts As Variant
  Dim inF As Integer, outF As Integer, doc As Object, i As Integer, k As Integer, batch As Integer, t0 As Long, c0 As Double, res As String
  Dim props(0) As New com.sun.star.beans.PropertyValue, filter(0) As New com.sun.star.beans.PropertyValue
  Dim loadRes As String, saveRes As String, runs As String
  filter(0).Name = "FilterName"
  filter(0).Value = "Calc MS Excel 2007 XML"
  jobFile = Environ("KK_RECALC_JOB")
  outFile = Environ("KK_RECALC_OUT")
  inF = FreeFile()
  Open jobFile For Input As #inF
  Do While Not EOF(inF)
    Line Input #inF, line
    If Len(line) > 0 Then
      parts = Split(line, Chr(9))
      On Error GoTo Failed
      props(0).Name = "Hidden"
      props(0).Value = True
      c0 = CpuMs()
      t0 = GetSystemTicks()
      doc = StarDesktop.loadComponentFromURL(parts(0), "_blank", 0, props())
      loadRes = (GetSystemTicks() - t0) & "/" & (CpuMs() - c0)
      If parts(2) <> "" Then FreezeOthers(doc, parts(2))
      res = "ok" & Chr(9) & CountFormulas(doc) & Chr(9) & loadRes
      runs = ""
      batch = 1
      If UBound(parts) >= 4 Then batch = CInt(parts(4))
      For i = 1 To CInt(parts(1))
        c0 = CpuMs()
        t0 = GetSystemTicks()
        For k = 1 To batch
          doc.calculateAll()
        Next k
        runs = runs & Chr(9) & (GetSystemTicks() - t0) & "/" & (CpuMs() - c0)
      Next i
      saveRes = "0/0"
      If UBound(parts) >= 3 Then
        If parts(3) <> "" Then
          c0 = CpuMs()
          t0 = GetSystemTicks()
          doc.storeToURL(parts(3), filter())
          saveRes = (GetSystemTicks() - t0) & "/" & (CpuMs() - c0)
        End If
      End If
      res = res & Chr(9) & saveRes & runs
      doc.close(True)
      GoTo Report
Failed:
      res = "error" & Chr(9) & Error$ & " (line " & Erl & ")"
      Resume Report
Report:
      On Error GoTo 0
      outF = FreeFile()
      Open outFile For Append As #outF
      Print #outF, res
      Close #outF
    End If
  Loop
  Close #inF
  outF = FreeFile()
  Open outFile For Append As #outF
  Print #outF, "done"
  Close #outF
  StarDesktop.terminate()
End Sub
`;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A private profile with the recalculation setting and the macro as Standard.Module1.
 * LibreOffice fills a new profile on its first start and then overwrites the Standard
 * library with its own empty one, so the profile is initialised first
 * (`--terminate_after_init`, about a second) and the macro and setting written after.
 */
function makeProfile(soffice: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-lo-timing-'));
  const init = spawnSync(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(dir).href}`, '--headless', '--norestore', '--nolockcheck', '--terminate_after_init'],
    {
      timeout: 120_000,
      encoding: 'utf8',
    },
  );
  const user = path.join(dir, 'user');
  const registry = path.join(user, 'registrymodifications.xcu');
  const module1 = path.join(user, 'basic', 'Standard', 'Module1.xba');
  if (init.status !== 0 || !fs.existsSync(registry) || !fs.existsSync(module1)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`LibreOffice could not set up a profile (exit ${init.status ?? init.signal}): ${init.stderr}`);
  }
  const xcu = fs.readFileSync(registry, 'utf8');
  fs.writeFileSync(registry, xcu.replace('</oor:items>', `${RECALC_NEVER}</oor:items>`));
  fs.writeFileSync(
    module1,
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xmlEscape(MACRO)}</script:module>
`,
  );
  return dir;
}

/**
 * Runs every job in one headless LibreOffice and resolves to their timings, in order.
 * Rejects when LibreOffice is missing, a job fails (its Basic error), or the whole batch
 * takes longer than `timeoutMs` (the process group is then killed).
 */
export async function timeRecalculation(jobs: RecalcJob[], timeoutMs = 1_800_000): Promise<RecalcTiming[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not on PATH: run `bash scripts/setup.sh`');
  const profile = makeProfile(soffice);
  const jobFile = path.join(profile, 'jobs.tsv');
  const outFile = path.join(profile, 'timings.tsv');
  const saveUrl = (i: number) => pathToFileURL(path.join(profile, `saved-${i}.xlsx`)).href;
  fs.writeFileSync(
    jobFile,
    jobs.map((j, i) => [pathToFileURL(path.resolve(j.file)).href, j.repeats, j.onlySheet ?? '', j.save ? saveUrl(i) : '', j.batch ?? 1].join('\t')).join('\n') +
      '\n',
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nolockcheck', 'macro:///Standard.Module1.Bench'],
        { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KK_RECALC_JOB: jobFile, KK_RECALC_OUT: outFile } },
      );
      let log = '';
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
        reject(new Error(`LibreOffice did not finish timing ${jobs.length} workbooks within ${timeoutMs / 1000} s.\n${log.trim()}`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`Could not start LibreOffice (${soffice}): ${e.message}`));
      });
      child.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const lines = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8').split(/\r?\n/).filter(Boolean) : [];
    if (lines[lines.length - 1] !== 'done') throw new Error(`LibreOffice's timing macro did not finish (${lines.length} lines written):\n${lines.join('\n')}`);
    return jobs.map((job, i) => {
      const parts = (lines[i] ?? '').split('\t');
      if (parts[0] !== 'ok')
        throw new Error(`LibreOffice could not time ${job.file}${job.onlySheet ? ` (only ${job.onlySheet})` : ''}: ${parts.slice(1).join(' ')}`);
      const step = (x: string): StepTime => {
        const [wallMs, cpuMs] = x.split('/').map(Number);
        return { wallMs, cpuMs };
      };
      const batch = job.batch ?? 1;
      const perCall = (x: string): StepTime => {
        const { wallMs, cpuMs } = step(x);
        return { wallMs: wallMs / batch, cpuMs: cpuMs / batch };
      };
      return {
        formulaCells: Number(parts[1]),
        load: step(parts[2]),
        save: step(parts[3]),
        runs: parts.slice(4).map(perCall),
        cpuStepMs: 10 / batch,
      };
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
