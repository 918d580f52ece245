import JSZip from 'jszip';
import {
  buildOnderbouwingModel,
  notChosenSentence,
  reasonInSentence,
  reasonPhrase,
  summarySentences,
  type OnderbouwingOptions,
} from '../../src/core/onderbouwing';
import {
  CELL_MARGIN,
  columnWidths,
  dutchDate,
  isNumericColumn,
  onderbouwingDocx,
  onderbouwingFileName,
  twipsPerEm,
  xmlSafe,
} from '../../src/report/onderbouwingDocx';
import { addNote } from '../../src/core/notes';
import { simulate } from '../../src/core/simulate';
import { CONCLUSION_QUESTIONS, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { widestWordEm } from '../../src/core/textMetrics';
import { analyze } from '../../src/core/analyze';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { rasterizeSvg } from '../../src/cli/rasterize';
import { docxDocumentXml, docxText, documentText } from '../helpers/docxText';
import {
  CONCLUSIE_NOTE,
  CONCLUSIONS,
  DEELNEMERS_LIST,
  FACTORS,
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

let bytes: Uint8Array;
let text: string;
let xml: string;

async function render(options: OnderbouwingOptions = {}) {
  const b = await onderbouwingDocx(buildOnderbouwingModel(sampleSnapshot(), NOW, options), rasterizeSvg);
  const x = await docxDocumentXml(b);
  return { bytes: b, xml: x, text: documentText(x) };
}

beforeAll(async () => {
  ({ bytes, xml, text } = await render());
});

/** The text between a heading and the next numbered heading or appendix. */
function section(title: string, from = text): string {
  const start = from.indexOf(`\n${title}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = from.slice(start + title.length + 2);
  const next = rest.search(/\n(\d\. [A-Z]|Bijlage)/);
  return next < 0 ? rest : rest.slice(0, next);
}

/** Table rows of a part as arrays of cells. */
function rows(part: string): string[][] {
  return part
    .split('\n')
    .filter((l) => l.includes(' | '))
    .map((l) =>
      l
        .replace(/ \| $/, '')
        .split(' | ')
        .map((c) => c.trim()),
    );
}

const SECTIONS = [
  'Samenvatting',
  '1. Werkwijze',
  'Scores, totalen en rangen',
  'Succesfactoren en wegingen',
  'Startpunt, geen besluit',
  '2. De keuze van het team',
  'Afwijkingen van de automatische volgorde',
  '3. Automatische top 15',
  'Hoe vast ligt de automatische volgorde?',
  '4. Conclusies per stap',
  '5. Afspraken en acties',
  '6. Uit het gesprek',
  '7. Basiselementen van de WUP',
  'Bijlage 1: scores per koppelkans en succesfactor',
];

describe('the onderbouwing document for a filled workbook', () => {
  it('has every section, each as a Word heading (navigation pane, screen readers)', () => {
    for (const s of SECTIONS) expect(text).toContain(`\n${s}\n`);
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Title|Heading\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => [
      m[1],
      documentText(m[0]).trim(),
    ]);
    expect(headings[0]).toEqual(['Title', `Onderbouwing koppelkansen – ${WIJK}`]);
    for (const s of SECTIONS) expect(headings.map(([, t]) => t)).toContain(s);
    expect(headings.find(([, t]) => t === '1. Werkwijze')?.[0]).toBe('Heading1');
    expect(headings.find(([, t]) => t === 'Scores, totalen en rangen')?.[0]).toBe('Heading2');
  });

  it('opens with the wijk and date, the participants (list and note authors) and a plain summary', () => {
    const first = text.slice(0, text.indexOf('\n1. Werkwijze\n'));
    expect(first).toContain(`van ${WIJK}, 28-11-2026.`);
    // the editable list first, then the notes' authors not on it
    expect(first).toContain(`Deelnemers: ${DEELNEMERS_LIST[0]}, Fatima en Piet.`);
    const summary = section('Samenvatting');
    expect(summary).toContain(
      `Het team kiest 4 koppelkansen om mee te nemen in het wijkuitvoeringsplan voor ${WIJK}, in deze volgorde: ${ROWS[2].koppelkans}, ${ROWS[0].koppelkans}, ${ROWS[16].koppelkans} en ${ROWS[1].koppelkans}.`,
    );
    expect(summary).toContain(`De belangrijkste redenen: ${ROWS[2].koppelkans}, omdat`);
    expect(summary).toMatch(/Op \d van de 4 plaatsen wijkt de volgorde van het team af van de automatische volgorde/);
    expect(summary).toContain(`de grootste verschuiving is ${ROWS[16].koppelkans} (automatisch rang 17, bij het team plaats 3)`);
    expect(summary).toContain('Eén gekozen koppelkans staat niet in de automatische top 15.');
    // the first page ends before the method (a page break)
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*1\. Werkwijze/);
  });

  it('says how robust the automatic order is: the gevoeligheid summary on the first page, the details with the top 15', () => {
    const g = computeGevoeligheid(analyze(sampleSnapshot(), { now: NOW }).werkblad!).sentences;
    expect(g.summary.length).toBeGreaterThan(0);
    const summary = section('Samenvatting');
    for (const s of g.summary) expect(summary).toContain(s);
    const detail = section('Hoe vast ligt de automatische volgorde?');
    for (const s of g.boundary) expect(detail).toContain(s);
    // a weight that can change the top 15 is explained; one that cannot is already said in the summary
    const r = computeGevoeligheid(analyze(sampleSnapshot(), { now: NOW }).werkblad!);
    r.members.forEach((iv, i) => {
      if (iv.lower.at !== null || iv.upper.at !== null) expect(detail).toContain(g.members[i]);
      else expect(detail).not.toContain(g.members[i]);
    });
    expect(r.members.some((iv) => iv.lower.at !== null || iv.upper.at !== null)).toBe(true);
  });

  it('explains the method for outsiders: the four steps, the scale, the factors with weights and why, totals and ties, start not decision', () => {
    const method = section('1. Werkwijze');
    for (const stap of ['Stap 1', 'Stap 2', 'Stap 3', 'Stap 4']) expect(method).toContain(`${stap} – `);
    expect(method).toContain('van −10 tot en met 10');
    expect(method).toContain('som van score × weging');
    expect(method).toContain('Gelijke totalen delen een rang');
    expect(method).toContain('startpunt van het gesprek, niet het besluit');
    const factors = rows(method.slice(method.indexOf('Succesfactoren en wegingen')));
    expect(factors[0]).toEqual(['Succesfactor', 'Weging', 'Waarom deze succesfactor']);
    expect(factors.slice(1).map((r) => r.slice(0, 2))).toEqual(FACTORS.map((f, j) => [f, j === 1 ? '2' : '1']));
    for (const r of factors.slice(1)) expect(r[2].length).toBeGreaterThan(20);
  });

  it("shows the team's own waarom of a factor (werkblad row 5), not the built-in reason (regression: the table always printed the default)", () => {
    const base = sampleSnapshot();
    const own = 'Zonder draagvlak in de straat komt er geen enkele koppelkans van de grond.';
    const model = buildOnderbouwingModel(
      simulate(base, [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `C${WERKBLAD.waaromRow}`, cells: [[{ text: own }]] }]),
      NOW,
    );
    expect(model.factors[0]).toMatchObject({ name: FACTORS[0], waarom: own });
    // a factor whose row-5 cell is empty keeps the built-in reason
    const cleared = buildOnderbouwingModel(
      simulate(base, [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `D${WERKBLAD.waaromRow}`, cells: [[{ clear: true }]] }]),
      NOW,
    );
    expect(cleared.factors[1].waarom).toBe(DEFAULT_SUCCESFACTOREN[1].waarom);
  });

  it('gives the team’s order with Omdat… (line breaks kept) and verantwoordelijke, and explains the deviations', () => {
    const part = section('2. De keuze van het team');
    const table = rows(part);
    expect(table[0]).toEqual(['Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Rang']);
    // the team's reasons get room: the rank header was "Automatische rang", whose long word left "Omdat…" 2.5 cm (14 letters a line)
    const grid = /2\. De keuze van het team.*?<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? '';
    const cols = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(5);
    expect(cols[2] / cols.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.25);
    expect(part).toContain(`1 | ${ROWS[2].koppelkans} | ${OMDAT_1} | Fatima | 3`);
    expect(part).toContain(`2 | ${ROWS[0].koppelkans} |  | -Jan | 1`);
    expect(part).toContain(`3 | ${ROWS[16].koppelkans} | ${OMDAT_3} | Woningcorporatie | 17`);
    const order = TEAM.map(([, i]) => part.indexOf(ROWS[i].koppelkans));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const dev = part.slice(part.indexOf('Afwijkingen van de automatische volgorde'));
    expect(dev).toContain(`${ROWS[2].koppelkans} | 1 | 3 | ${OMDAT_1}`);
    // only what the team moved needs a reason (minimal moves): the entry at place 4 with rank 2 was not moved
    expect(dev).not.toContain(`${ROWS[1].koppelkans} | 4 | 2`);
  });

  it('summary reason shown without the "=" escape prefix and without a doubled "omdat … Omdat"', async () => {
    const summary = section('Samenvatting');
    // OMDAT_1 is "=Omdat de wijk het vraagt\nen het goedkoop is": the sentence reads as the team wrote it
    expect(summary).toContain(`De belangrijkste redenen: ${ROWS[2].koppelkans}, omdat de wijk het vraagt en het goedkoop is;`);
    expect(summary).not.toMatch(/omdat\s*['=]/i);
    expect(summary).not.toMatch(/omdat\s+omdat/i);
    // the whole kind: an Excel text apostrophe, "Omdat…" with an ellipsis or colon, lower case
    const model = buildOnderbouwingModel(sampleSnapshot(), NOW);
    for (const omdat of ["'Omdat de wijk het vraagt", 'Omdat… de wijk het vraagt', 'omdat: de wijk het vraagt', '= omdat de wijk het vraagt']) {
      const chosen = model.chosen.map((c, i) => (i === 0 ? { ...c, omdat } : c));
      const sentences = summarySentences({ ...model, chosen }).join(' ');
      expect(sentences).toContain(`${ROWS[2].koppelkans}, omdat de wijk het vraagt;`);
    }
    // a reason that is only an escape or only "Omdat" is no reason
    expect(reasonInSentence("'")).toBe('');
    expect(reasonInSentence('Omdat…')).toBe('');
    // a word that merely starts with "omdat" is kept
    expect(reasonInSentence('Omdathuis is een naam')).toBe('Omdathuis is een naam');
    // a reason written as a phrase, not an "omdat" clause, is not glued to "omdat" ("omdat kans bij de renovatie" is not Dutch)
    expect(summary).toContain(`${ROWS[16].koppelkans} (kans bij de renovatie van 2027)`);
    expect(summary).not.toMatch(/omdat kans/i);
    expect(reasonPhrase('Groene daken', 'De wijk vraagt erom')).toBe('Groene daken (de wijk vraagt erom)');
    expect(reasonPhrase('Groene daken', "'Omdat de wijk erom vraagt")).toBe('Groene daken, omdat de wijk erom vraagt');
  });

  it('numeric table columns (totals, weights, scores, ranks) right-aligned instead of left', () => {
    /** The alignment of every cell paragraph, per row and column, of the table whose header row starts with `firstHeader` and ends with `lastHeader`. */
    const alignments = (firstHeader: string, lastHeader = '') => {
      const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
      const tbl = tables.find(
        (t) =>
          documentText(t).trim().startsWith(firstHeader) &&
          documentText(t)
            .trim()
            .split('\n')[0]
            .replace(/\s*\|\s*$/, '')
            .endsWith(lastHeader),
      );
      expect(tbl).toBeDefined();
      return [...tbl!.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => /<w:jc w:val="(\w+)"\/>/.exec(c[0])?.[1] ?? 'left'),
      );
    };
    // Rang | Opgave | Koppelkans | Totaal | Plaats bij het team
    for (const row of alignments('Rang')) expect(row).toEqual(['right', 'left', 'left', 'right', 'right']);
    // Succesfactor | Weging | Waarom
    for (const row of alignments('Succesfactor')) expect(row).toEqual(['left', 'right', 'left']);
    // the scores appendix: every column but the koppelkans is a number
    const scores = alignments('Koppelkans |', 'Totaal | Rang');
    expect(scores.length).toBe(ROWS.length + 1);
    for (const row of scores) expect(row).toEqual(['left', ...row.slice(1).map(() => 'right')]);
    expect(isNumericColumn([['1'], ['–'], ['−3,5'], ['']], 0)).toBe(true);
    expect(isNumericColumn([['1'], ['-Jan']], 0)).toBe(false);
    expect(isNumericColumn([['–'], ['']], 0)).toBe(false);
  });

  it('top-15 koppelkansen not chosen: listed once, in the top-15 table, and the count and the highest three named under it (no second table of the same rows)', () => {
    const model = buildOnderbouwingModel(sampleSnapshot(), NOW);
    expect(model.notChosen.length).toBeGreaterThan(5);
    // not in chapter 2: there it pushed the chart with its heading to the next page (half a page blank)
    expect(section('2. De keuze van het team')).not.toContain('Niet gekozen uit de automatische top 15');
    const part = section('3. Automatische top 15');
    const tableEnd = part.lastIndexOf(' | ');
    const notChosen = part.slice(part.indexOf('\nNiet gekozen uit de automatische top 15\n'));
    expect(part.indexOf('\nNiet gekozen uit de automatische top 15\n')).toBeGreaterThan(tableEnd);
    expect(notChosen).toContain(
      `Van de automatische top 15 koos het team ${model.notChosen.length} koppelkansen niet, waaronder de drie hoogst geplaatste: ${ROWS[3].koppelkans} (rang 4), ${ROWS[4].koppelkans} (rang 5) en ${ROWS[5].koppelkans} (rang 6). In de tabel hierboven hebben ze geen plaats bij het team.`,
    );
    // the table above holds each of them, without a place at the team
    const top = rows(part);
    for (const e of model.notChosen) expect(top).toContainEqual([String(e.rank), e.opgave, e.koppelkans, String(e.total), '–']);
    // each koppelkans name appears in one table only, not in a second one that repeats the top 15
    const tables = text.split('\n').filter((l) => l.includes(' | ') && l.includes(ROWS[5].koppelkans));
    expect(tables).toHaveLength(2); // the top-15 table and the scores appendix
    // a heading of its own (navigable)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*Niet gekozen uit de automatische top 15/);
  });

  it('names every not-chosen koppelkans when there are three or fewer', () => {
    expect(notChosenSentence([])).toBe('');
    expect(notChosenSentence([{ rank: 2, koppelkans: 'Groene daken ' }])).toBe(
      'Eén koppelkans uit de automatische top 15 koos het team niet: Groene daken (rang 2). In de tabel hierboven heeft hij geen plaats bij het team.',
    );
    expect(
      notChosenSentence([
        { rank: 2, koppelkans: 'A' },
        { rank: 2, koppelkans: 'B' },
        { rank: 4, koppelkans: 'C' },
      ]),
    ).toBe(
      'Deze 3 koppelkansen uit de automatische top 15 koos het team niet: A (rang 2), B (rang 2) en C (rang 4). In de tabel hierboven hebben ze geen plaats bij het team.',
    );
  });

  it('top-15 chart kept with its heading and intro (keepNext), and not glued to the long table (no needless page break)', () => {
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => m[0]);
    const chartAt = paragraphs.findIndex((x) => x.includes('<w:drawing>'));
    expect(chartAt).toBeGreaterThan(0);
    const headingAt = paragraphs.findIndex((x) => documentText(x).trim() === '3. Automatische top 15');
    expect(headingAt).toBeGreaterThan(0);
    expect(headingAt).toBeLessThan(chartAt);
    // everything from the heading to the chart keeps with the next paragraph
    for (const x of paragraphs.slice(headingAt, chartAt)) expect(x).toContain('<w:keepNext/>');
    // the chart itself does not keep with the table below: that would move chart and table as one block
    expect(paragraphs[chartAt]).not.toContain('<w:keepNext/>');
    expect(paragraphs[chartAt]).not.toContain('<w:pageBreakBefore/>');
  });

  it('heading and intro of a table kept on the page of the table (no orphaned "Afwijkingen" heading at a page foot)', () => {
    // the paragraph right before every table keeps with it, and so does its heading
    const body = xml.slice(xml.indexOf('<w:body>'));
    const beforeTables = [...body.matchAll(/(<w:p>(?:(?!<w:p>).)*?<\/w:p>)<w:tbl>/g)].map((m) => m[1]).filter((x) => !x.includes('<w:drawing>')); // the chart deliberately does not keep with the top-15 table
    expect(beforeTables.length).toBeGreaterThanOrEqual(6);
    for (const x of beforeTables) expect(x).toContain('<w:keepNext/>');
  });

  it('marks the koppelkansen that are still "minder concreet" with who makes them concrete', async () => {
    const model = buildOnderbouwingModel(sampleSnapshot(), NOW);
    model.chosen[1] = { ...model.chosen[1], minderConcreet: true, concreetMaker: 'Team Groen' };
    model.minderConcreet = [{ koppelkans: model.chosen[1].koppelkans, place: 2, wie: 'Team Groen' }];
    const out = await docxText(await onderbouwingDocx(model));
    expect(out).toContain(`${ROWS[0].koppelkans} (minder concreet)`);
    expect(rows(section('Nog minder concrete koppelkansen', out))).toEqual([
      ['Plaats', 'Koppelkans', 'Maakt hem concreet'],
      ['2', ROWS[0].koppelkans, 'Team Groen'],
    ]);
  });

  it('gives the automatic top 15 as a chart image with alternative text, and as a table', async () => {
    const part = section('3. Automatische top 15');
    const table = rows(part);
    expect(table[0]).toEqual(['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Plaats bij het team']);
    expect(table).toHaveLength(1 + 15);
    expect(table[3]).toEqual(['3', ROWS[2].opgave, ROWS[2].koppelkans, '16', '1']);
    // the image: in the package (SVG and its PNG fallback), placed in the document with a description
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    const png = await zip.file(media.find((f) => f.endsWith('.png'))!)!.async('uint8array');
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const docPr = /<wp:docPr [^>]*>/.exec(xml)?.[0] ?? '';
    const descr = documentText(/descr="([^"]*)"/.exec(docPr)?.[1] ?? '');
    expect(docPr).toMatch(/title="Grafiek van de automatische top 15"/);
    expect(descr).toMatch(/^Staafdiagram van de automatische top 15 van Lelystad Oost/);
    expect(descr).toContain(`1. ${ROWS[0].koppelkans}: 18, keuze 2`);
    expect(descr).toContain(`15. ${ROWS[14].koppelkans}: 4`);
    // the chart comes right after the section's heading, before its table
    const drawing = xml.indexOf('<w:drawing>');
    expect(drawing).toBeGreaterThan(xml.indexOf('3. Automatische top 15'));
    expect(drawing).toBeLessThan(xml.indexOf('Plaats bij het team</w:t>', xml.indexOf('3. Automatische top 15')));
  });

  it('has each step’s conclusion under the guide’s question, "=" text and line breaks kept', () => {
    const part = section('4. Conclusies per stap');
    for (const q of CONCLUSION_QUESTIONS) expect(part).toContain(`${q.stap}: ${q.vraag}`);
    expect(part).toContain(CONCLUSIONS['Stap 2']);
    expect(part).toContain(`${CONCLUSION_QUESTIONS[2].vraag}\n${CONCLUSIONS['Stap 3']}`);
    expect(part).toContain(`${CONCLUSION_QUESTIONS[0].vraag}\n(geen conclusie vastgelegd)`);
  });

  it('lists the afspraken and acties with their owners', () => {
    expect(rows(section('5. Afspraken en acties')).slice(1)).toEqual([
      ['Actie', 'Bewonersavond plannen', ROWS[0].koppelkans, 'Piet', '15-01-2027'],
      ['Afspraak', 'Volgend overleg over zes weken', '', 'Gemeente', ''],
    ]);
  });

  it('shows from the conversation only conclusions and notes marked for it, without author names', () => {
    const part = section('6. Uit het gesprek');
    expect(part).toContain(MARKED_NOTE);
    expect(part).toContain(CONCLUSIE_NOTE);
    expect(part.indexOf(ROWS[2].koppelkans)).toBeLessThan(part.indexOf(ROWS[0].koppelkans)); // the team's order
    expect(text).not.toContain(UNMARKED_PREFIX);
    expect(text).not.toContain('Algemene opmerking over de wijkgrenzen');
    expect(text).not.toContain('=SOM(A1) is geen formule');
    // no name and time beside the notes
    expect(part).not.toMatch(/Fatima|Piet|14:0\d/);
  });

  it('never shows anything of a note marked "niet in de onderbouwing", with every option on', async () => {
    const all = await render({ authorNames: true, notesAppendix: true });
    expect(all.text).toContain('Bijlage 1: overige notities uit het gesprek');
    expect(all.text).toContain(`${UNMARKED_PREFIX} 1:`);
    for (const n of SECRET_NOTES) {
      const marker = n.text!.split(' ')[0];
      expect(all.text).not.toContain(marker);
      expect(all.xml).not.toContain(marker);
      expect(text).not.toContain(marker);
    }
    // names only when chosen
    expect(section('6. Uit het gesprek', all.text)).toMatch(/\((Fatima|Piet), 28-11-2026 14:\d\d\)/);
  });

  it('puts only the scores appendix in landscape, and numbers the pages', () => {
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toMatch(/w:orient="landscape"/);
    expect(sections[1]).toMatch(/w:orient="landscape"/);
    const appendix = rows(text.slice(text.indexOf('Bijlage 1: scores per koppelkans en succesfactor')));
    expect(appendix[0]).toEqual(['Koppelkans', ...FACTORS.map((f, j) => (j === 1 ? `${f} (×2)` : f)), 'Totaal', 'Rang']);
    expect(appendix[1]).toEqual([ROWS[0].koppelkans, '10', '1', '1', '1', '1', '1', '1', '1', '18', '1']);
    expect(appendix[18]).toEqual([ROWS[17].koppelkans, '−7', '1', '1', '1', '1', '1', '1', '1', '1', '18']);
  });

  it('numbers the pages in the footer', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('speaks of the work, not of the tool: no tabs, sheets or buttons', () => {
    expect(text).not.toMatch(/tabblad|\bknop|klik|Prioritering|Resultaat|Werkmap voorbereiden|Onderbouwing maken/i);
  });
});

describe('tables', () => {
  /** Every table: its grid column widths, its header cells' text and font size (half-points). */
  function tables(x: string) {
    return [...x.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
      const grid = [...m[1].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
      const firstRow = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(m[1])![1];
      const cells = [...firstRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: documentText(c[1]).trim(),
        width: Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>|<w:tcW w:w="(\d+)" w:type="dxa"\/>/.exec(c[1])?.slice(1).find(Boolean)),
        size: Number(/<w:sz w:val="(\d+)"\/>/.exec(c[1])?.[1] ?? 22),
      }));
      return { grid, cells, repeats: /<w:tblHeader\/>/.test(firstRow), fixed: /<w:tblLayout w:type="fixed"\/>/.test(m[1]) };
    });
  }

  it('have a header row that repeats on every page, and fixed column widths', () => {
    const all = tables(xml);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const t of all) {
      expect(t.repeats).toBe(true);
      expect(t.fixed).toBe(true);
      expect(t.grid).toEqual(t.cells.map((c) => c.width));
    }
  });

  it('never break a header word: each column is wider than its widest header word', () => {
    for (const t of tables(xml)) {
      for (const c of t.cells) {
        const need = widestWordEm(c.text, true) * twipsPerEm(c.size) + CELL_MARGIN;
        // and an independent floor: 0.62 em per character of the longest word (bold sans-serif average)
        const longest = Math.max(...c.text.split(/\s+/).map((w) => [...w].length));
        expect(c.width).toBeGreaterThanOrEqual(Math.floor(need));
        expect(c.width).toBeGreaterThanOrEqual(Math.floor(longest * 0.62 * twipsPerEm(c.size)));
      }
    }
  });

  it('size columns from their words even when the weights say otherwise, and give up (null) when nothing fits', () => {
    const w = columnWidths(['Verantwoordelijke', 'Omdat…'], [['Woningcorporatie', 'kort']], [0.1, 10], 6000, 20)!;
    expect(w[0]).toBeGreaterThanOrEqual(widestWordEm('Verantwoordelijke', true) * twipsPerEm(20) + CELL_MARGIN - 1);
    expect(w.reduce((a, b) => a + b, 0)).toBe(6000);
    expect(columnWidths(['Verantwoordelijke', 'Verantwoordelijke'], [], [1, 1], 2000, 22)).toBeNull();
  });
});

describe('edge cases', () => {
  it('writes line breaks as Word line breaks, not as literal text', () => {
    expect(xml).toMatch(/=Omdat de wijk het vraagt<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>en het goedkoop is/);
  });

  it('keeps the notes of one koppelkans together whatever their case', async () => {
    const base = sampleSnapshot();
    const res = addNote(
      {
        author: 'Piet',
        step: 'Stap 3',
        koppelkans: ` ${ROWS[2].koppelkans.toUpperCase()} `,
        factor: '',
        kind: 'conclusie',
        text: 'In hoofdletters getypt',
        verantwoordelijke: '',
        date: '',
      },
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
    const res = addNote(
      { author: 'Piet', step: 'Stap 3', koppelkans: '', factor: '', kind: 'conclusie', text: 'bel\u0007 en\u000btab', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!res.ok) throw new Error(res.message);
    const out = await docxText(await onderbouwingDocx(buildOnderbouwingModel(simulate(base, res.ops), NOW), rasterizeSvg));
    expect(out).toContain('bel entab');
    expect(xmlSafe('a\u0000b\uD800c\u00e9')).toBe('abcé');
  });

  it('says so when the team has not chosen yet and nothing was noted', async () => {
    const model = buildOnderbouwingModel({ sheets: [] }, NOW);
    const none = await docxText(await onderbouwingDocx(model, rasterizeSvg));
    expect(none).toContain('Het team heeft nog geen eigen volgorde vastgelegd.');
    expect(none).toContain('Deelnemers: niet vastgelegd.');
    expect(none).toContain('De notulist heeft geen andere notities voor deze onderbouwing gekozen.');
    expect(none).toContain('Er zijn nog geen gescoorde koppelkansen.');
    expect(none).not.toContain('<w:drawing>');
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
