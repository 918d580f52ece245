/**
 * The "minder concreet" mark of Stap 2, from the workbook to the onderbouwing: marked in the
 * pane with who makes it concrete, chosen on Prioritering, it is named in the onderbouwing's
 * model and summary (the report tests build that model by hand; this follows the real path).
 */
import { prioriteringEdit } from '../../src/core/edits';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { findPrioSheet, readPrioLayout } from '../../src/core/prioritering';
import { minderConcreetEdit, selectKoppelkansEdit } from '../../src/core/stap2';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

test('a koppelkans marked "minder concreet" in Stap 2 is named in the onderbouwing with its verantwoordelijke once the team chose it', async () => {
  const wb = await templateWorkbook('Noord');
  const [k1, k2] = (await state(wb)).analysis.longlist.entries.filter((e) => e.opgave === 'Gezondheid');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, k1.opgave, k1.koppelkans));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, k2.opgave, k2.koppelkans));
  await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, k2.row, true, 'Fatima de Vries'));
  await mustEdit(wb, (s) => {
    const sheet = findPrioSheet(s.snapshot)!;
    return prioriteringEdit(
      readPrioLayout(sheet),
      sheet,
      [k1, k2].map((k) => ({ koppelkans: k.koppelkans, omdat: '', verantwoordelijke: '' })),
    );
  });
  const model = buildOnderbouwingModel((await state(wb)).snapshot, NOW);
  expect(model.chosen.map((c) => [c.koppelkans, c.minderConcreet, c.concreetMaker])).toEqual([
    [k1.koppelkans, false, ''],
    [k2.koppelkans, true, 'Fatima de Vries'],
  ]);
  expect(model.minderConcreet).toEqual([{ koppelkans: k2.koppelkans, place: 2, wie: 'Fatima de Vries' }]);
  expect(model.summary.join(' ')).toMatch(/minder concreet/);
});
