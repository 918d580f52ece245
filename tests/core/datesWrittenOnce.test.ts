/**
 * Issue 9: the workbook's date system (1900 or 1904) in every serial-date conversion, and
 * that conversion written once (src/core/dates.ts). The issue found it written five times;
 * these checks fail when serial-date arithmetic appears again outside dates.ts, or when a
 * conversion is called without the workbook's date system.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Code lines (comments left out) of every source file but dates.ts: "file:line: text". */
function codeLines(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (rel === 'core/dates.ts') continue;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*(\*|\/\*)/.test(code)) return;
        out.push(`${rel}:${i + 1}: ${code.trim()}`);
      });
  }
  return out;
}

test('no serial-date arithmetic outside src/core/dates.ts (the 1900 epoch 25569, the 1904 offset 1462, ms per day)', () => {
  const found = codeLines().filter((l) => /\b(25_?569|1_?462|86_?400_?000|864e5)\b/.test(l.slice(l.indexOf(': ') + 2)));
  expect(found).toEqual([]);
});

test('every serial-date conversion outside dates.ts is given the workbook’s date system', () => {
  const calls = codeLines().filter((l) => /\b(dateToSerial|serialYear|serialToIso|isoToSerial|ymdToSerial)\(/.test(l) && !/\bimport\b|\bexport \{/.test(l));
  // checklist.yearToSerial is the 1900 system by definition (tests and the new sample workbook, which is in 1900)
  const without = calls.filter((l) => !/1904/.test(l) && !/^core\/checklist\.ts:\d+: return ymdToSerial\(year, month, day\);$/.test(l));
  expect(calls.length).toBeGreaterThanOrEqual(5);
  expect(without).toEqual([]);
});
