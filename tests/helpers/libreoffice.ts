/**
 * Recalculating an .xlsx with headless LibreOffice, for the formula cross-check.
 *
 * The trap: a file written by ExcelJS says it comes from Microsoft Excel, and LibreOffice
 * then trusts the cached results in the file and exports them unchanged instead of
 * computing the formulas. Each call therefore runs LibreOffice with a private user
 * profile (a fresh temporary folder) whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate").
 * A private profile also keeps parallel calls (jest workers) from sharing one profile lock.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

const DEFAULT_TIMEOUT_MS = 60_000;

/** 0 = always recalculate on load (1 = never, 2 = ask; headless "ask" means never). */
const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface RecalculateOptions {
  /** false runs LibreOffice with an empty profile, i.e. its defaults (only to show the trap). */
  forceRecalc?: boolean;
  /** Per call; the whole LibreOffice process group is killed when it runs out. */
  timeoutMs?: number;
}

/** The first `soffice` or `libreoffice` executable on PATH, or null. */
export function sofficePath(): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export function hasLibreOffice(): boolean {
  return sofficePath() !== null;
}

function makeProfile(forceRecalc: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-lo-profile-'));
  if (forceRecalc) {
    fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
  }
  return dir;
}

/**
 * Converts `inputPath` to a new .xlsx in `outDir` with every formula recalculated by
 * LibreOffice and resolves to the new file's path (`outDir/<input name>.xlsx`).
 * Rejects with a clear error when LibreOffice is missing, fails, writes nothing, or does
 * not finish within the timeout (60 s by default).
 */
export function recalculateXlsx(inputPath: string, outDir: string, options: RecalculateOptions = {}): Promise<string> {
  return convertWithLibreOffice(inputPath, outDir, 'xlsx', options);
}

/** Whether LibreOffice Writer is installed (its core library; setup.sh installs libreoffice-writer-nogui). */
export function hasLibreOfficeWriter(): boolean {
  return hasLibreOffice() && fs.existsSync('/usr/lib/libreoffice/program/libswlo.so');
}

/**
 * Converts a document (.docx) to PDF with LibreOffice Writer, in a private profile, and
 * resolves to the PDF's path (`outDir/<input name>.pdf`). Same errors as recalculateXlsx.
 */
export function convertToPdf(inputPath: string, outDir: string, options: { timeoutMs?: number } = {}): Promise<string> {
  return convertWithLibreOffice(inputPath, outDir, 'pdf', { ...options, forceRecalc: false });
}

function convertWithLibreOffice(inputPath: string, outDir: string, target: 'xlsx' | 'pdf', options: RecalculateOptions): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) is not on PATH: run `bash scripts/setup.sh`'));
  const input = path.resolve(inputPath);
  if (!fs.existsSync(input)) return Promise.reject(new Error(`No such file to recalculate: ${input}`));
  const out = path.resolve(outDir);
  const output = path.join(out, path.basename(input).replace(/\.[^.]+$/, '') + `.${target}`);
  if (output === input) {
    return Promise.reject(new Error(`LibreOffice would overwrite its input ${input}: use another outDir`));
  }
  fs.mkdirSync(out, { recursive: true });
  fs.rmSync(output, { force: true }); // never mistake an old result for this one
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const profile = makeProfile(options.forceRecalc ?? true);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    target,
    '--outdir',
    out,
    input,
  ];

  return runSoffice(soffice, args, profile, timeoutMs, {
    timedOut: `LibreOffice did not finish converting ${input} within ${timeoutMs / 1000} s and was stopped.`,
    failed: (exit) => `LibreOffice failed on ${input} (exit ${exit}).`,
    missing: (files) => `LibreOffice wrote no ${files.join(', ')} (is ${input} a valid workbook?).`,
    outputs: [output],
  }).then(() => output);
}

/**
 * Recalculates several workbooks in ONE LibreOffice run (one start-up, forced
 * recalculation) and resolves to the new paths, in the order of `inputPaths`. The
 * timeout covers the whole batch (default: 60 s plus 20 s a file).
 */
export async function recalculateXlsxBatch(inputPaths: string[], outDir: string, options: RecalculateOptions = {}): Promise<string[]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not on PATH: run `bash scripts/setup.sh`');
  const inputs = inputPaths.map((p) => path.resolve(p));
  const out = path.resolve(outDir);
  fs.mkdirSync(out, { recursive: true });
  const outputs = inputs.map((i) => path.join(out, path.basename(i).replace(/\.[^.]+$/, '') + '.xlsx'));
  if (new Set(outputs).size !== outputs.length) throw new Error('recalculateXlsxBatch needs input files with different names');
  for (let i = 0; i < inputs.length; i++) {
    if (outputs[i] === inputs[i]) throw new Error(`recalculateXlsxBatch would overwrite its input ${inputs[i]}: use another outDir`);
    fs.rmSync(outputs[i], { force: true });
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS + 20_000 * inputs.length;
  const profile = makeProfile(options.forceRecalc ?? true);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'xlsx',
    '--outdir',
    out,
    ...inputs,
  ];
  await runSoffice(soffice, args, profile, timeoutMs, {
    timedOut: `LibreOffice did not finish recalculating ${inputs.length} files within ${timeoutMs / 1000} s.`,
    failed: (exit) => `LibreOffice failed (exit ${exit}).`,
    missing: (files) => `LibreOffice wrote no ${files.join(', ')}.`,
    outputs,
  });
  return outputs;
}

/**
 * Runs soffice with `args` in its own process group, kills it (and soffice.bin) after
 * `timeoutMs` ms, removes the private `profile` directory whatever happens, and resolves
 * when it exited 0 and wrote every file in `messages.outputs`. Rejects with the matching
 * message followed by LibreOffice's own output.
 */
function runSoffice(
  soffice: string,
  args: string[],
  profile: string,
  timeoutMs: number,
  messages: { timedOut: string; failed: (exit: string) => string; missing: (files: string[]) => string; outputs: string[] },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Own process group: soffice is a wrapper that starts soffice.bin; on timeout kill both.
    const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      fs.rmSync(profile, { recursive: true, force: true });
      if (err) reject(err);
      else resolve();
    };
    child.on('error', (e) => finish(new Error(`Could not start LibreOffice (${soffice}): ${e.message}`)));
    child.on('close', (code, signal) => {
      if (timedOut) return finish(new Error(`${messages.timedOut}\n${log.trim()}`));
      if (code !== 0) return finish(new Error(`${messages.failed(String(code ?? signal))}\n${log.trim()}`));
      const missing = messages.outputs.filter((o) => !fs.existsSync(o));
      if (missing.length) return finish(new Error(`${messages.missing(missing)}\n${log.trim()}`));
      finish(null);
    });
  });
}
