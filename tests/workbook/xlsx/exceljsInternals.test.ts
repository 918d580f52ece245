/**
 * The ExcelJS internals this project reaches past the public API fail this test when
 * they change, before they break a workbook:
 *  - src/workbook/xlsx/largeValidations.ts replaces DataValidationsXform.prototype.parseClose
 *    (lib/xlsx/xform/sheet/data-validations-xform.js) and reads the private fields
 *    `_address`, `_dataValidation` and `model` that parseOpen sets;
 *  - src/workbook/xlsx/package/sheet.ts calls slideFormula (lib/utils/shared-formula.js), and
 *    package/sharedFormulas.ts writes shared formulas that ExcelJS reads back with it (its
 *    rowSlider follows the same rule: tests/workbook/xlsx/sharedFormulas.test.ts);
 *  - src/workbook/xlsx/validations.ts reads `worksheet.dataValidations.model` and calls
 *    `.add(range, dv)`, which exist at run time but not in ExcelJS's types.
 * package.json pins ExcelJS to an exact version (no range), so an upgrade is a deliberate
 * edit. After one: read the two files, check the patch still matches the original
 * parseClose, then update PINNED and the hashes below.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';

const PINNED = '4.4.0';
/** SHA-256 of the private files, as read and patched for PINNED. */
const PRIVATE_FILES: Record<string, string> = {
  'lib/xlsx/xform/sheet/data-validations-xform.js': 'ab4801384abae56811d38c4a9997f0142da9a1b4b459ac6fbc695dfb0e383c77',
  'lib/utils/shared-formula.js': 'df7a3eaa2ac6d967dc83e8f1f60d01950b082e3168b16ec32f785e08f2e1969f',
};

const ROOT = join(__dirname, '..', '..', '..');
const EXCELJS_DIR = join(require.resolve('exceljs/package.json'), '..');

interface XformInstance {
  model: Record<string, unknown>;
  _address?: unknown;
  _dataValidation?: unknown;
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
}

function freshXform(): { Xform: new () => XformInstance; patched: boolean } {
  let result!: { Xform: new () => XformInstance; patched: boolean };
  jest.isolateModules(() => {
    const Xform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as new () => XformInstance;
    result = { Xform, patched: Boolean((Xform.prototype as unknown as Record<symbol, unknown>)[Symbol.for('koppelkansen.largeValidations')]) };
  });
  return result;
}

test('package.json pins ExcelJS exactly, and the installed and locked versions are that one', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(pkg.dependencies.exceljs).toBe(PINNED);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  expect(lock.packages['node_modules/exceljs'].version).toBe(PINNED);
  const installed = JSON.parse(readFileSync(join(EXCELJS_DIR, 'package.json'), 'utf8')) as { version: string };
  expect(installed.version).toBe(PINNED);
});

test.each(Object.entries(PRIVATE_FILES))('the private file %s is byte for byte the one the patch was written against', (file, sha256) => {
  const actual = createHash('sha256')
    .update(readFileSync(join(EXCELJS_DIR, file)))
    .digest('hex');
  expect({ file, sha256: actual }).toEqual({ file, sha256 });
});

describe('DataValidationsXform (replaced by largeValidations.ts)', () => {
  it('parseOpen sets the private _address and _dataValidation that the patched parseClose reads', () => {
    const { Xform, patched } = freshXform();
    expect(patched).toBe(false); // the original, not our patch
    expect(typeof Xform.prototype.parseOpen).toBe('function');
    expect(typeof Xform.prototype.parseClose).toBe('function');
    const x = new Xform();
    x.parseOpen({ name: 'dataValidations', attributes: {} });
    expect(x.model).toEqual({});
    x.parseOpen({ name: 'dataValidation', attributes: { sqref: 'B2:C3 E5', type: 'list', allowBlank: '1' } });
    expect(x._address).toBe('B2:C3 E5');
    expect(x._dataValidation).toEqual({ type: 'list', allowBlank: true, formulae: [] });
    x.parseOpen({ name: 'formula1', attributes: {} });
    x.parseText('"ja,nee"');
    x.parseClose('formula1');
    expect(x._dataValidation).toEqual({ type: 'list', allowBlank: true, formulae: ['"ja,nee"'] });
  });

  it('the original parseClose expands a range into one model entry per cell (what the patch avoids for large ranges)', () => {
    const { Xform } = freshXform();
    const x = new Xform();
    x.parseOpen({ name: 'dataValidations', attributes: {} });
    x.parseOpen({ name: 'dataValidation', attributes: { sqref: 'B2:C3 E5', type: 'whole', operator: 'between' } });
    expect(x.parseClose('dataValidation')).toBe(true);
    expect(Object.keys(x.model).sort()).toEqual(['B2', 'B3', 'C2', 'C3', 'E5']);
    // no formulae: the original drops formulae and operator, as the patch does
    expect(x.model.B2).toEqual({ type: 'whole' });
    expect(x.parseClose('dataValidations')).toBe(false);
  });

  it('with the patch installed, a whole-column range stays one entry and small ranges are expanded as before', async () => {
    const { installLargeValidationPatch } = await import('../../../src/workbook/xlsx/largeValidations');
    expect(installLargeValidationPatch()).toBe(true);
    const Xform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as new () => XformInstance;
    const x = new Xform();
    x.parseOpen({ name: 'dataValidations', attributes: {} });
    x.parseOpen({ name: 'dataValidation', attributes: { sqref: 'D:D B2:B3', type: 'list' } });
    x.parseClose('dataValidation');
    expect(Object.keys(x.model).sort()).toEqual(['B2', 'B3', 'D1:D1048576']);
  });
});

test('slideFormula (shared-formula.js, used by the package writer) moves relative references only', () => {
  const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (formula: string, from: string, to: string) => string };
  expect(typeof slideFormula).toBe('function');
  expect(slideFormula('A1+$B$2+C$3+$D4', 'E5', 'F7')).toBe('B3+$B$2+D$3+$D6');
});

test('worksheet.dataValidations (not in ExcelJS types) has the model and add() that validations.ts uses', () => {
  const ws = new ExcelJS.Workbook().addWorksheet('x') as unknown as {
    dataValidations: { model: Record<string, unknown>; add(address: string, dv: object): unknown };
  };
  expect(ws.dataValidations.model).toEqual({});
  ws.dataValidations.add('A1:A3', { type: 'list', formulae: ['"a"'] });
  expect(Object.keys(ws.dataValidations.model)).toEqual(['A1:A3']);
});
