/**
 * Recalculating an .xlsx with headless LibreOffice. A file written by ExcelJS claims to
 * come from Microsoft Excel, and LibreOffice then exports the cached results instead of
 * computing: a private user profile sets OOXMLRecalcMode = 0 ("always recalculate").
 */
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export function hasLibreOffice(): boolean {
  return sofficePath() !== null;
}

/** A profile folder that forces recalculation on load (or not, to show the trap). */
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
 * LibreOffice; returns the new file's path.
 */
export function recalculateXlsx(inputPath: string, outDir: string, options: { forceRecalc?: boolean; timeoutMs?: number } = {}): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error('LibreOffice (soffice) not found: run scripts/setup.sh'));
  fs.mkdirSync(outDir, { recursive: true });
  const profile = makeProfile(options.forceRecalc ?? true);
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, inputPath];
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: options.timeoutMs ?? 60000 }, (err, stdout, stderr) => {
      fs.rmSync(profile, { recursive: true, force: true });
      const out = path.join(outDir, path.basename(inputPath).replace(/\.[^.]+$/, '.xlsx'));
      if (err) return reject(new Error(`LibreOffice conversion failed or timed out: ${err.message}\n${stderr}`));
      if (!fs.existsSync(out)) return reject(new Error(`LibreOffice wrote no output for ${inputPath}: ${stdout}${stderr}`));
      resolve(out);
    });
  });
}
