/**
 * office-addin-mock loads under jest thanks to the office-addin-manifest stub
 * (jest.config.js moduleNameMapper; the real package's import chain is ESM-only).
 */
import { OfficeMockObject } from 'office-addin-mock';

test('office-addin-manifest resolves to the local CommonJS stub under jest', () => {
  const manifest = require('office-addin-manifest');
  expect(require.resolve('office-addin-manifest')).toMatch(/tests[\\/]stubs[\\/]office-addin-manifest\.js$/);
  expect(manifest.OfficeApp.Excel).toBe('excel');
});

test('an OfficeMockObject returns a loaded value only after load() and sync()', async () => {
  const address = "'Werkblad koppelkansen kiezen'!D7";
  const score = 7;
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        range: { address, values: [[score]] },
        getSelectedRange() {
          return this.range;
        },
      },
    },
  }) as unknown as { context: { workbook: { getSelectedRange(): { address: unknown; values: unknown; load(p: string): void } }; sync(): Promise<void> } };

  const range = excel.context.workbook.getSelectedRange();
  range.load('address, values');
  // The mock never throws on an unsynced read: it returns a sentinel string instead.
  expect(range.values).toMatch(/sync\(\) was not called/);
  await excel.context.sync();
  expect(range.address).toBe(address);
  expect(range.values).toEqual([[score]]);
});
