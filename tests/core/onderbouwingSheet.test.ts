import { analyze } from '../../src/core/analyze';
import { textAt, valueAt } from '../../src/core/grid';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';
import { simulate } from '../../src/core/simulate';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { CONCLUSIONS, NOW, OMDAT_1, OMDAT_3, ROWS, TEAM, WIJK, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

/** Every row of the sheet as its texts, empty cells left out, joined with " | ". */
function lines(sheet: SheetSnapshot): string[] {
  const out: string[] = [];
  for (let r = 1; r <= sheet.values.length; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= (sheet.values[r - 1]?.length ?? 0); c++) {
      const v = valueAt(sheet, r, c);
      if (v !== null && v !== '') cells.push(String(v));
    }
    out.push(cells.join(' | '));
  }
  return out;
}

describe('the onderbouwing as a worksheet', () => {
  const snapshot = sampleSnapshot();
  const model = buildOnderbouwingModel(snapshot, NOW);
  const name = onderbouwingSheetName(model.date, snapshot.sheets.map((s) => s.name));
  const after = simulate(snapshot, onderbouwingSheetOps(model, name));
  const sheet = after.sheets.find((s) => s.name === name)!;
  const body = lines(sheet);

  it('is a new sheet named after the date, never one that exists', () => {
    expect(name).toBe('Onderbouwing 28-11-2026');
    expect(onderbouwingSheetName('28-11-2026', ['Onderbouwing 28-11-2026'])).toBe('Onderbouwing 28-11-2026 (2)');
    expect(onderbouwingSheetName('28-11-2026', ['onderbouwing 28-11-2026 ', 'Onderbouwing 28-11-2026 (2)'])).toBe('Onderbouwing 28-11-2026 (3)');
    expect(onderbouwingSheetName('28-11-2026', ['Onderbouwing 28-11-2026', ...Array.from({ length: 20 }, (_, i) => `Onderbouwing 28-11-2026 (${i + 2})`)]).length).toBeLessThanOrEqual(31);
    expect(after.sheets.length).toBe(snapshot.sheets.length + 1);
  });

  it('holds the team order with Omdat… and owner, the weights, the top 15, the deviations, conclusions, actions and notes', () => {
    expect(textAt(sheet, 1, 1)).toBe(`Onderbouwing koppelkansen – ${WIJK}`);
    const [place, index, , owner] = TEAM[0];
    expect(body).toContain(`${place} | ${ROWS[index].koppelkans} | ${OMDAT_1} | ${owner} | ${index + 1} | ja`);
    expect(body.some((l) => l.startsWith(`3 | ${ROWS[16].koppelkans} | ${OMDAT_3}`))).toBe(true);
    for (const title of ['Gekozen koppelkansen (Prioritering)', 'Succesfactoren en wegingen', 'Automatische top 15', 'Waar het team afwijkt van de automatische volgorde', 'Conclusies per stap', 'Acties en afspraken', 'Notities per koppelkans', 'Scores per succesfactor']) {
      expect(body).toContain(title);
    }
    const top = body.indexOf('Automatische top 15');
    expect(body[top + 2]).toMatch(new RegExp(`^1 \\| ${ROWS[0].koppelkans.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| 18 \\|`));
    expect(body.some((l) => l.includes(CONCLUSIONS['Stap 3']))).toBe(true);
    for (const n of model.actions) expect(body.some((l) => l.includes(n.text) && l.includes(n.verantwoordelijke))).toBe(true);
    for (const g of model.notesByKoppelkans) for (const n of g.notes) expect(body.some((l) => l.includes(n.text))).toBe(true);
  });

  it('changes nothing else: the workbook reads the same (no second longlist, no new problems)', () => {
    const before = analyze(snapshot, { now: NOW });
    const then = analyze(after, { now: NOW });
    expect(then.sheets).toEqual(before.sheets);
    expect(then.problems).toEqual(before.problems);
    expect(then.ranking).toEqual(before.ranking);
    for (const s of snapshot.sheets) expect(after.sheets.find((x) => x.name === s.name)!.values).toEqual(s.values);
  });

  it('writes through the .xlsx adapter; "=" text stays text', async () => {
    const file = XlsxWorkbook.create();
    await file.apply({ ops: onderbouwingSheetOps(model, name) });
    const back = await XlsxWorkbook.fromBuffer(await file.toBuffer());
    const read = (await back.readSnapshot()).sheets.find((s) => s.name === name)!;
    expect(lines(read)).toEqual(body);
  });
});
