/**
 * Typed errors with one Dutch message table (src/core/errors.ts). The pane decided by a
 * regular expression whether a message was already Dutch; these tests are named after what
 * that got wrong.
 */
import { ERROR_MESSAGES, errorText, KoppelkansenError, userMessage, type ErrorKey } from '../../src/core/errors';
import { WorkbookError } from '../../src/workbook/errors';
import { OfficeWorkbookError, toOfficeWorkbookError } from '../../src/workbook/office/officeErrors';
import { CliError, UsageError } from '../../src/cli/errors';
import { FileError, fileSystemError } from '../../src/cli/safeWrite';
import { errorMessage } from '../../src/taskpane/session';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const GENERIC = /^Er ging iets mis: .*Probeer het opnieuw; blijft het misgaan, sla de werkmap op en laad de add-in opnieuw\.$/;

test('a Dutch adapter error without the words the old guess looked for is shown as is, not as "Er ging iets mis"', () => {
  // "… is geen getal dat Excel kan opslaan. Er is niets gewijzigd." has none of de/het/een/niet/probeer/werkmap/cel
  const e = new WorkbookError('invalidNumber', ['Werkblad', 'B3', Number.NaN], 'Werkblad', 'B3');
  expect(errorMessage(e)).toBe('Werkblad!B3: NaN is geen getal dat Excel kan opslaan. Er is niets gewijzigd.');
  expect(errorMessage(new OfficeWorkbookError('busy'))).toBe('Excel is even te druk. Wacht een paar seconden en probeer opnieuw.');
});

test('an English error that happens to contain "de" or "cel" gets the generic Dutch hint, not shown raw', () => {
  expect(errorMessage(new Error('Cannot parse cel de A1 of the sheet'))).toMatch(GENERIC);
  expect(errorMessage(new RangeError('invalid cell address ZZZZ1'))).toBe(
    'Er ging iets mis: invalid cell address ZZZZ1. Probeer het opnieuw; blijft het misgaan, sla de werkmap op en laad de add-in opnieuw.',
  );
  // a plain Error with a Dutch text is not a known kind either: only the classes decide
  expect(errorMessage(new Error('Het werkblad bestaat niet'))).toMatch(GENERIC);
  expect(userMessage('kapot')).toMatch(GENERIC);
});

test('the adapters throw typed errors whose text comes from the table', async () => {
  const wb = new MemoryWorkbook();
  const err = await wb
    .apply({ ops: [{ kind: 'setCells', sheet: 'Bestaat niet', address: 'A1', values: [[{ text: 'x' }]] }] } as never)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(WorkbookError);
  expect(err).toBeInstanceOf(KoppelkansenError);
  expect((err as WorkbookError).code).toBe('unknownSheet');
  expect((err as WorkbookError).key).toBe('workbook.unknownSheet');
  expect((err as Error).message).toBe(errorText('workbook.unknownSheet', 'Bestaat niet'));
});

test('every Office error kind has its message in the table, with the place in front', () => {
  const e = toOfficeWorkbookError({ code: 'AccessDenied' }, 'Notulen!A12');
  expect(e.kind).toBe('accessDenied');
  expect(e.message).toBe(`Notulen!A12: ${errorText('excel.accessDenied')}`);
  expect(toOfficeWorkbookError(new Error('boom')).message).toBe(errorText('excel.general'));
});

test('the command line errors are typed and keep their exit code', () => {
  const usage = new UsageError('cli.unknownOption', '--bogus');
  expect(usage.message).toBe('onbekende optie --bogus');
  expect(new CliError('file.exists', ['uit.xlsx', true]).exitCode).toBe(2);
  const fs = fileSystemError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'in.xlsx', 'lezen');
  expect(fs).toBeInstanceOf(FileError);
  expect(fs.key).toBe('file.permission');
  expect(fs.message).toBe('geen toestemming om in.xlsx te lezen; controleer de rechten op het bestand en de map');
  expect(fileSystemError({ code: 'EWHATEVER' }, 'a.xlsx', 'schrijven').message).toBe('kan a.xlsx niet schrijven (EWHATEVER)');
});

test('every message in the table is Dutch text without leftovers of a template', () => {
  const sample: Record<string, unknown[]> = { 'workbook.sheetProtected': [[{ sheet: 'Blad', cells: ['A1'], other: ['de opmaak'] }]] };
  for (const key of Object.keys(ERROR_MESSAGES) as ErrorKey[]) {
    const fn = ERROR_MESSAGES[key] as (...a: unknown[]) => string;
    const args = Array.from({ length: fn.length }, (_, i) => sample[key]?.[i] ?? (i === 2 && key === 'workbook.textTooLong' ? 40000 : `X${i}`));
    const text = fn(...args);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/undefined|\$\{|\[object/);
  }
});
