import { analyze } from '../../src/core/analyze';
import { textAt, valueAt } from '../../src/core/grid';
import { buildOnderbouwingModel, notChosenSentence } from '../../src/core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';
import { simulate } from '../../src/core/simulate';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import {
  CONCLUSIONS,
  DEELNEMERS_LIST,
  MARKED_NOTE,
  NOW,
  OMDAT_1,
  OMDAT_3,
  ROWS,
  SECRET_NOTES,
  TEAM,
  UNMARKED_PREFIX,
  WIJK,
  sampleSnapshot,
} from '../helpers/onderbouwingWorkbook';

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
  const name = onderbouwingSheetName(
    model.date,
    snapshot.sheets.map((s) => s.name),
  );
  const after = simulate(snapshot, onderbouwingSheetOps(model, name));
  const sheet = after.sheets.find((s) => s.name === name)!;
  const body = lines(sheet);

  it('is a new sheet named after the date, never one that exists', () => {
    expect(name).toBe('Onderbouwing 28-11-2026');
    expect(onderbouwingSheetName('28-11-2026', ['Onderbouwing 28-11-2026'])).toBe('Onderbouwing 28-11-2026 (2)');
    expect(onderbouwingSheetName('28-11-2026', ['onderbouwing 28-11-2026 ', 'Onderbouwing 28-11-2026 (2)'])).toBe('Onderbouwing 28-11-2026 (3)');
    expect(
      onderbouwingSheetName('28-11-2026', ['Onderbouwing 28-11-2026', ...Array.from({ length: 20 }, (_, i) => `Onderbouwing 28-11-2026 (${i + 2})`)]).length,
    ).toBeLessThanOrEqual(31);
    expect(after.sheets.length).toBe(snapshot.sheets.length + 1);
  });

  it('follows the Word document’s structure: first page, method, choice, top 15, conclusions, afspraken en acties, notes, scores', () => {
    expect(textAt(sheet, 1, 1)).toBe(`Onderbouwing koppelkansen – ${WIJK}`);
    expect(body).toContain(`Deelnemers | ${DEELNEMERS_LIST[0]}, Fatima en Piet.`);
    const titles = [
      'Samenvatting',
      '1. Werkwijze',
      '2. De keuze van het team',
      '3. Automatische top 15',
      '4. Conclusies per stap',
      '5. Afspraken en acties',
      '6. Uit het gesprek',
      '7. Basiselementen van de WUP',
      'Bijlage 1: scores per koppelkans en succesfactor',
    ];
    const at = titles.map((t) => body.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // paragraphs run over the page in lines of one cell: read together they are the model's sentences
    const flowing = body.join(' ').replace(/\s+/g, ' ');
    for (const s of model.summary) expect(flowing).toContain(s.replace(/\s+/g, ' '));
    // the koppelkansen of the top 15 the team left out: named under the top-15 table as in the Word document, not in a second table
    expect(body.indexOf('Niet gekozen uit de automatische top 15')).toBeGreaterThan(body.indexOf('3. Automatische top 15'));
    expect(body.indexOf('Niet gekozen uit de automatische top 15')).toBeLessThan(body.indexOf('4. Conclusies per stap'));
    expect(flowing).toContain(notChosenSentence(model.notChosen));
    const [place, index, , owner] = TEAM[0];
    expect(body).toContain(`${place} | ${ROWS[index].koppelkans} | ${OMDAT_1} | ${owner} | ${index + 1}`);
    expect(body.some((l) => l.startsWith(`3 | ${ROWS[16].koppelkans} | ${OMDAT_3}`))).toBe(true);
    const top = body.indexOf('3. Automatische top 15');
    expect(body[top + 3]).toMatch(new RegExp(`^1 \\| ${ROWS[0].koppelkans.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| ${ROWS[0].opgave} \\| 18 \\| 2$`));
    expect(body.some((l) => l.includes(CONCLUSIONS['Stap 3']))).toBe(true);
    for (const n of model.actions) expect(body.some((l) => l.includes(n.text) && l.includes(n.verantwoordelijke))).toBe(true);
    expect(body.some((l) => l.includes(MARKED_NOTE))).toBe(true);
  });

  it('leaves out what the Word document leaves out: unmarked discussion, notes marked "niet in de onderbouwing", author names', () => {
    const all = body.join('\n');
    expect(all).not.toContain(UNMARKED_PREFIX);
    for (const n of SECRET_NOTES) expect(all).not.toContain(n.text!.split(' ')[0]);
    const notes = body.slice(body.indexOf('6. Uit het gesprek'), body.indexOf('7. Basiselementen van de WUP'));
    expect(notes.join('\n')).not.toMatch(/Fatima|Piet/);
    const withAll = buildOnderbouwingModel(snapshot, NOW, { notesAppendix: true, authorNames: true });
    const more = lines(simulate(snapshot, onderbouwingSheetOps(withAll, name)).sheets.find((s) => s.name === name)!).join('\n');
    expect(more).toContain(`${UNMARKED_PREFIX} 1:`);
    for (const n of SECRET_NOTES) expect(more).not.toContain(n.text!.split(' ')[0]);
  });

  it('prints one page wide on portrait pages: five columns of at most 110 characters, every score in a table of its factor', () => {
    const ops = onderbouwingSheetOps(model, name);
    const widths = ops.find((o) => o.kind === 'setColumnWidths');
    if (widths?.kind !== 'setColumnWidths') throw new Error('no column widths');
    expect(widths.widths.length).toBe(5);
    expect(widths.widths.reduce((a, w) => a + w.width, 0)).toBeLessThanOrEqual(110);
    expect(Math.max(...sheet.values.map((r) => r.length))).toBeLessThanOrEqual(5);
    expect(ops).toContainEqual({ kind: 'setPageSetup', sheet: name, orientation: 'portrait', fitToWidth: 1, printArea: `A1:E${sheet.values.length}` });
    const scores = body.slice(body.indexOf('Bijlage 1: scores per koppelkans en succesfactor'));
    for (const f of model.factors) expect(scores.filter((l) => l.startsWith('Rang | Koppelkans |') && l.includes(f.name))).toHaveLength(1);
    expect(scores.filter((l) => l.startsWith(`1 | ${ROWS[0].koppelkans} |`)).length).toBeGreaterThanOrEqual(2);
  });

  it('gives rows with wrapped text the height of their lines (Excel and LibreOffice do not fit rows written by a file)', () => {
    const ops = onderbouwingSheetOps(model, name);
    const heights = ops.find((o) => o.kind === 'setRowHeights');
    if (heights?.kind !== 'setRowHeights') throw new Error('no row heights');
    const widths = ops.find((o) => o.kind === 'setColumnWidths');
    if (widths?.kind !== 'setColumnWidths') throw new Error('no column widths');
    const heightOf = new Map(heights.heights.map((h) => [h.row, h.height]));
    // the first conclusion (with a line break) and a long factor reason take two lines or more
    const conclusion = body.findIndex((l) => l.includes(CONCLUSIONS['Stap 2'])) + 1;
    expect(heightOf.get(conclusion)).toBeGreaterThanOrEqual(2 * 15);
    const reason = body.findIndex((l) => l.includes(model.factors[0].waarom)) + 1;
    const chars = model.factors[0].waarom.length;
    expect(heightOf.get(reason) ?? 15).toBeGreaterThanOrEqual(Math.floor(chars / (2 * widths.widths[2].width)) * 15);
    for (const h of heights.heights) expect(h.height).toBeLessThanOrEqual(409);
    // paragraph lines run over empty neighbours: nothing beside them, and they are not wrapped
    const wraps = ops.filter((o) => o.kind === 'setStyle' && o.style.wrap === true).map((o) => (o.kind === 'setStyle' ? o.range : ''));
    const summaryRow = body.findIndex((l) => model.summary[0].startsWith(l)) + 1;
    expect(summaryRow).toBeGreaterThan(0);
    for (const r of wraps) {
      const [, a, b] = /^A(\d+):E(\d+)$/.exec(r)!;
      expect(summaryRow < Number(a) || summaryRow > Number(b)).toBe(true);
    }
  });

  it('sizes every column at least to the longest word of its headers', () => {
    const ops = onderbouwingSheetOps(model, name);
    const widths = ops.find((o) => o.kind === 'setColumnWidths');
    if (widths?.kind !== 'setColumnWidths') throw new Error('no column widths');
    const headerRows = ops.filter((o) => o.kind === 'setStyle' && o.style.fill).map((o) => (o.kind === 'setStyle' ? Number(/\d+$/.exec(o.range)![0]) : 0));
    expect(headerRows.length).toBeGreaterThan(5);
    for (const r of headerRows) {
      (sheet.values[r - 1] ?? []).forEach((v, c) => {
        const longest = Math.max(
          0,
          ...String(v ?? '')
            .split(/\s+/)
            .map((w) => w.length),
        );
        expect(widths.widths[c].width).toBeGreaterThanOrEqual(longest + 1);
      });
    }
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
