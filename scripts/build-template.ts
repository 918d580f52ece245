/**
 * Generates the template workbook from the data in assets/ (longlist, success factors,
 * WUP checklist): the same engine and plan as `koppelkansen new`, never a hand-edited
 * binary. Usage: npm run template [-- OUT.xlsx] (default dist/Koppelkansen-Kiezen.xlsx)
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';

async function run(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'dist/Koppelkansen-Kiezen.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const code = await main(['new', out, '--force']);
  process.exitCode = code;
}

void run();
