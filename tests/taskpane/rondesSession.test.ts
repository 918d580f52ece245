/**
 * Two participants scoring at the same moment on one shared workbook (co-authoring), through
 * the port the session uses: both read the workbook, then both write. Nothing is lost, and
 * each one's change of mind rewrites only their own row.
 */
import { analyze } from '../../src/core/analyze';
import { readRondes, RONDES, scoreInRonde, startRonde, summarizeRonde } from '../../src/core/rondes';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const NOW = new Date('2026-11-30T10:00:00+01:00');

test('two participants scoring at once on one memory workbook lose nothing', async () => {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  const a0 = analyze(await wb.readSnapshot());
  const k = a0.longlist.entries.slice(0, 3).map((e) => e.koppelkans);
  const f = a0.werkblad!.factors.slice(0, 2).map((x) => x.name);
  const start = startRonde(readRondes(await wb.readSnapshot()), [], NOW);
  if (!start.ok) throw new Error(start.message);
  await wb.apply({ ops: start.ops });

  // both read the same state
  const snapA = await wb.readSnapshot();
  const snapB = await wb.readSnapshot();
  const sA = readRondes(snapA);
  const sB = readRondes(snapB);
  const opsA = k.flatMap((kk, i) => f.map((ff, j) => scoreInRonde(sA, sA.rondes[0], 'Ans', kk, ff, i + j, NOW))).flatMap((r) => (r.ok ? r.ops : []));
  const opsB = k.flatMap((kk, i) => f.map((ff, j) => scoreInRonde(sB, sB.rondes[0], 'Bram', kk, ff, -(i + j), NOW))).flatMap((r) => (r.ok ? r.ops : []));
  // interleaved writes, each from a stale read
  await Promise.all([wb.apply({ ops: opsA.slice(0, 3) }), wb.apply({ ops: opsB.slice(0, 3) })]);
  await Promise.all([wb.apply({ ops: opsB.slice(3) }), wb.apply({ ops: opsA.slice(3) })]);

  const s = readRondes(await wb.readSnapshot());
  const sum = summarizeRonde(s, 1);
  expect(sum).toHaveLength(k.length * f.length);
  for (const c of sum) expect(c.scores.map((x) => x.deelnemer)).toEqual(['Ans', 'Bram']);

  // both change their mind at once, each from a stale read: only their own rows change
  const stale = readRondes(await wb.readSnapshot());
  const changeA = scoreInRonde(stale, stale.rondes[0], 'Ans', k[0], f[0], 7, NOW);
  const changeB = scoreInRonde(stale, stale.rondes[0], 'Bram', k[0], f[0], -7, NOW);
  await Promise.all([wb.apply({ ops: changeA.ok ? changeA.ops : [] }), wb.apply({ ops: changeB.ok ? changeB.ops : [] })]);
  const after = summarizeRonde(readRondes(await wb.readSnapshot()), 1).find((c) => c.koppelkans === k[0] && c.factor === f[0])!;
  expect(after.scores).toEqual([
    { deelnemer: 'Ans', score: 7 },
    { deelnemer: 'Bram', score: -7 },
  ]);
  const rows = (await wb.readSnapshot()).sheets.find((x) => x.name === RONDES.sheet)!.values.length;
  expect(rows).toBe(RONDES.firstRow + 1 + 2 * k.length * f.length - 1); // one "ronde" row + one row per score, no duplicates
});
