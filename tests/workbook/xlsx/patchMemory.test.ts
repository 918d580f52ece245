/** patchPackage's memory options (the command line's one-shot write): ops given away as applied, garbage collected where it piles up. */
import JSZip from 'jszip';
import type { PlanOp } from '../../../src/core/snapshot';
import { patchPackage } from '../../../src/workbook/xlsx/package/patchPackage';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) out[name] = await zip.files[name].async('string');
  return out;
}

async function source(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad1' }] });
  return wb.toBuffer();
}

/** 1,200 rows of a sliding formula and a text: a large op. */
function largeOps(): PlanOp[] {
  const cells = Array.from({ length: 1200 }, (_, i) => [{ formula: `=B${i + 1}*2`, result: 0 }, { text: `rij ${i + 1}` }]);
  return [
    { kind: 'setCells', sheet: 'Blad1', cell: 'A1', cells },
    { kind: 'setCells', sheet: 'Blad1', cell: 'D1', cells: [[{ number: 1 }]] },
  ];
}

test('consume: every op is taken out of the array, and the package is the one written without it', async () => {
  const src = await source();
  const kept = largeOps();
  const given = largeOps();
  const plain = await patchPackage(src, kept);
  const consumed = await patchPackage(src, given, { consume: true });
  expect(given).toEqual([]);
  expect(kept).toEqual(largeOps());
  expect(await parts(consumed.bytes)).toEqual(await parts(plain.bytes));
});

test('collect is called after a large op, not after small ones', async () => {
  const src = await source();
  const calls: string[] = [];
  const small: PlanOp[] = [{ kind: 'setCells', sheet: 'Blad1', cell: 'A1', cells: [[{ text: 'klein' }]] }];
  await patchPackage(src, small, { collect: () => calls.push('small') });
  expect(calls).toEqual([]);
  const ops = largeOps();
  // the large op is given away before collect runs
  await patchPackage(src, ops, { consume: true, collect: () => calls.push(`large, ${ops.length} left`) });
  expect(calls).toEqual(['large, 1 left']);
});
