import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { dutchDate, onderbouwingDocx, onderbouwingFileName, xmlSafe } from '../../src/report/onderbouwingDocx';
import { addNote } from '../../src/core/notes';
import { simulate } from '../../src/core/simulate';
import { CONCLUSION_QUESTIONS } from '../../src/core/layout';
import { docxDocumentXml, docxText, documentText } from '../helpers/docxText';
import { CONCLUSIONS, FACTORS, NOW, OMDAT_1, OMDAT_3, ROWS, TEAM, WIJK, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

let text: string;
let xml: string;

beforeAll(async () => {
  const bytes = await onderbouwingDocx(buildOnderbouwingModel(sampleSnapshot(), NOW));
  xml = await docxDocumentXml(bytes);
  text = documentText(xml);
});

/** The text between a heading and the next one of the listed headings. */
function section(title: string): string {
  const start = text.indexOf(`\n${title}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + title.length + 2);
  const next = rest.search(/\n(\d\. [A-Z]|Bijlage)/);
  return next < 0 ? rest : rest.slice(0, next);
}

/** Table rows of a section as arrays of cells. */
function rows(part: string): string[][] {
  return part
    .split('\n')
    .filter((l) => l.includes(' | '))
    .map((l) => l.replace(/ \| $/, '').split(' | ').map((c) => c.trim()));
}

describe('the onderbouwing document', () => {
  it('names the wijk in the title', () => {
    expect(text.split('\n')[0]).toBe(`Onderbouwing koppelkansen – ${WIJK}`);
  });

  it('lists the chosen koppelkansen in the team’s order with Omdat… (line breaks kept) and verantwoordelijke', () => {
    const table = rows(section('1. Gekozen koppelkansen'));
    // the header, then one row per choice; the first "Omdat…" spans two lines
    const flat = section('1. Gekozen koppelkansen');
    expect(table[0]).toEqual(['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang']);
    const order = TEAM.map(([, i]) => flat.indexOf(ROWS[i].koppelkans));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flat).toContain(`1 | ${ROWS[2].koppelkans} | ${OMDAT_1} | Fatima | 3`);
    expect(flat).toContain(`2 | ${ROWS[0].koppelkans} |  | -Jan | 1`);
    expect(flat).toContain(`3 | ${ROWS[16].koppelkans} | ${OMDAT_3} | Woningcorporatie | 17`);
  });

  it('shows where the team deviated from the automatic order, with the reason or its absence', () => {
    const part = section('2. Waar het team afweek van de automatische volgorde');
    expect(part).toContain(`${ROWS[2].koppelkans} | 1 | 3 | ${OMDAT_1}`);
    expect(part).toContain(`${ROWS[1].koppelkans} | 4 | 2 | (geen reden vastgelegd)`);
    // the top-15 koppelkansen the team left out
    expect(part).toContain('Uit de automatische top 15 niet gekozen:');
    expect(part).toContain(`${ROWS[3].koppelkans} (rang 4, totaal 15)`);
    expect(part).not.toContain(`${ROWS[0].koppelkans} (rang`);
  });

  it('gives the automatic top 15 with totals and the team’s place beside it', () => {
    const table = rows(section('3. Automatische top 15'));
    expect(table[0]).toEqual(['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Plaats team']);
    expect(table).toHaveLength(1 + 15);
    expect(table[1]).toEqual(['1', ROWS[0].opgave, ROWS[0].koppelkans, '18', '2']);
    expect(table[3]).toEqual(['3', ROWS[2].opgave, ROWS[2].koppelkans, '16', '1']);
    expect(table[4]).toEqual(['4', ROWS[3].opgave, ROWS[3].koppelkans, '15', '–']);
    expect(text).not.toContain(`16 | ${ROWS[16].opgave} | ${ROWS[16].koppelkans}`);
  });

  it('gives the success factors with their weights, and the scores per factor in the appendix', () => {
    const weights = rows(section('4. Succesfactoren en wegingen'));
    expect(weights.slice(1)).toEqual(FACTORS.map((f, j) => [f, j === 1 ? '2' : '1']));
    const appendix = text.slice(text.indexOf('Bijlage: scores per koppelkans en succesfactor'));
    const scores = rows(appendix);
    expect(scores[0]).toEqual(['Koppelkans', ...FACTORS.map((f, j) => (j === 1 ? `${f} (×2)` : f)), 'Totaal', 'Rang']);
    expect(scores).toHaveLength(1 + ROWS.length);
    expect(scores[1]).toEqual([ROWS[0].koppelkans, '10', '1', '1', '1', '1', '1', '1', '1', '18', '1']);
    expect(scores[18]).toEqual([ROWS[17].koppelkans, '-7', '1', '1', '1', '1', '1', '1', '1', '1', '18']);
  });

  it('puts the scores appendix in a landscape section', () => {
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toMatch(/w:orient="landscape"/);
  });

  it('has each step’s conclusion under the guide’s question, "=" text and line breaks kept', () => {
    const part = section('5. Conclusies per stap');
    for (const q of CONCLUSION_QUESTIONS) expect(part).toContain(`${q.stap}: ${q.vraag}`);
    expect(part).toContain(CONCLUSIONS['Stap 2']);
    expect(part).toContain(`${CONCLUSION_QUESTIONS[2].vraag}\n${CONCLUSIONS['Stap 3']}`);
    expect(part).toContain(`${CONCLUSION_QUESTIONS[0].vraag}\n(nog geen conclusie vastgelegd)`);
  });

  it('lists the actions and agreements with their owners', () => {
    const table = rows(section('6. Acties en afspraken'));
    expect(table.slice(1)).toEqual([
      ['actie', 'Bewonersavond plannen', ROWS[0].koppelkans, 'Piet', '15-01-2027'],
      ['afspraak', 'Volgend overleg over zes weken', '', 'Gemeente', ''],
    ]);
  });

  it('groups the notes per koppelkans in the team’s order, with author, time, kind and factor', () => {
    const part = section('7. Notities per koppelkans');
    const first = part.indexOf(`${ROWS[2].koppelkans}\n(plaats 1 in de keuze van het team; automatische rang 3)`);
    const second = part.indexOf(`${ROWS[0].koppelkans}\n(plaats 2 in de keuze van het team; automatische rang 1)`);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(part).toContain(`Stap 3, redenering (${FACTORS[1]}) – Piet, 28-11-2026 14:01: Eerste regel\nTweede regel`);
    expect(part).toContain('Stap 3, discussie – Fatima, 28-11-2026 14:02: =SOM(A1) is geen formule');
    expect(part).toContain('Stap 4, actie, verantwoordelijke Piet, vóór 15-01-2027');
    expect(part).toContain('Algemene notities\nStap 2, discussie – Fatima, 28-11-2026 14:00: Algemene opmerking over de wijkgrenzen');
  });

  it('writes line breaks as Word line breaks, not as literal text', () => {
    expect(xml).toMatch(/Eerste regel<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>Tweede regel/);
  });

  it('keeps the notes of one koppelkans together whatever their case', async () => {
    const base = sampleSnapshot();
    const res = addNote(
      { author: 'Piet', step: 'Stap 3', koppelkans: ` ${ROWS[2].koppelkans.toUpperCase()} `, factor: '', kind: 'discussie', text: 'In hoofdletters getypt', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!res.ok) throw new Error(res.message);
    const model = buildOnderbouwingModel(simulate(base, res.ops), NOW);
    const group = model.notesByKoppelkans.filter((g) => g.koppelkans.toLowerCase() === ROWS[2].koppelkans.toLowerCase());
    expect(group).toHaveLength(1);
    expect(group[0].notes.map((n) => n.text)).toContain('In hoofdletters getypt');
  });

  it('leaves out characters Word cannot read instead of producing a broken file', async () => {
    const base = sampleSnapshot();
    const res = addNote({ author: 'Piet', step: 'Stap 3', koppelkans: '', factor: '', kind: 'discussie', text: 'bel\u0007 en\u000btab', verantwoordelijke: '', date: '' }, NOW);
    if (!res.ok) throw new Error(res.message);
    const out = await docxText(await onderbouwingDocx(buildOnderbouwingModel(simulate(base, res.ops), NOW)));
    expect(out).toContain('bel entab');
    expect(xmlSafe('a\u0000b\uD800c\u00e9')).toBe('abcé');
  });

  it('says so when the team has not chosen yet and nothing was noted', async () => {
    const empty = await docxText(await onderbouwingDocx(buildOnderbouwingModel(simulate(sampleSnapshot(), []), NOW)));
    expect(empty).toContain('Gekozen koppelkansen');
    const model = buildOnderbouwingModel({ sheets: [] }, NOW);
    const none = await docxText(await onderbouwingDocx(model));
    expect(none).toContain('Het team heeft nog geen eigen prioritering vastgelegd.');
    expect(none).toContain('Er zijn geen notities vastgelegd.');
    expect(none).toContain('Er zijn nog geen gescoorde koppelkansen.');
  });
});

describe('the file name', () => {
  it('names the wijk and is safe on Windows', () => {
    expect(onderbouwingFileName('Lelystad Oost')).toBe('Onderbouwing koppelkansen – Lelystad Oost.docx');
    expect(onderbouwingFileName('Noord/Zuid: "fase 1"?')).toBe('Onderbouwing koppelkansen – Noord Zuid fase 1.docx');
    expect(onderbouwingFileName('  ')).toBe('Onderbouwing koppelkansen.docx');
  });
  it('writes dates the Dutch way', () => {
    expect(dutchDate('2027-01-15')).toBe('15-01-2027');
    expect(dutchDate('2026-11-28 14:05')).toBe('28-11-2026 14:05');
    expect(dutchDate('volgende week')).toBe('volgende week');
  });
});
