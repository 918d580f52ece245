/**
 * The onderbouwing as a worksheet (src/core/onderbouwingSheet.ts) on hand-built models: pure
 * and fast (no analysis, no workbook file), each model and sheet built inside its test so a
 * mutation run sees every assertion. What is checked is what the team reads and prints: the
 * sheet's name, its rows as texts, which rows are titles, labels and headers, the column
 * widths, the row heights and the page setup.
 */
import { columnLetter } from '../../src/core/a1';
import { valueAt } from '../../src/core/grid';
import {
  KOPPELKANS_DEFINITIE,
  METHOD_SCORING,
  METHOD_START_NOT_DECISION,
  METHOD_STEPS,
  type MarkedNote,
  type OnderbouwingModel,
} from '../../src/core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';
import { simulate } from '../../src/core/simulate';
import type { PlanOp } from '../../src/core/snapshot';
import { EM_PER_CHARACTER, textEm, wrapLines, wrappedRowHeight } from '../../src/core/textMetrics';

const SHEET = 'Onderbouwing 03-12-2026';

function note(over: Partial<MarkedNote>): MarkedNote {
  return {
    id: 'n',
    time: '2026-12-01 10:00',
    author: 'Fatima',
    step: 'Stap 3',
    koppelkans: '',
    factor: '',
    kind: 'discussie',
    text: 'Een notitie',
    verantwoordelijke: '',
    date: '',
    row: 0,
    ...over,
  };
}

/** The smallest model: nothing recorded yet. */
function emptyModel(over: Partial<OnderbouwingModel> = {}): OnderbouwingModel {
  return {
    wijk: '',
    date: '03-12-2026',
    options: { authorNames: false, notesAppendix: false },
    deelnemers: [],
    summary: [],
    robustness: [],
    robustnessDetail: [],
    chosen: [],
    factors: [],
    scores: [],
    scoresTotal: 0,
    scoresLeftOut: null,
    top: [],
    deviations: [],
    notChosen: [],
    minderConcreet: [],
    chart: [],
    chartAlt: '',
    conclusions: [],
    actions: [],
    notesByKoppelkans: [],
    generalNotes: [],
    appendixNotes: [],
    checklist: null,
    problems: 0,
    ...over,
  };
}

const rank = (rank: number, koppelkans: string, total: number, opgave = 'Groen') => ({ rank, row: 5 + rank, opgave, koppelkans, total, scored: 2, factors: 2 });
const chosen = (place: number, koppelkans: string, over: Partial<OnderbouwingModel['chosen'][number]> = {}) => ({
  place,
  koppelkans,
  omdat: '',
  verantwoordelijke: '',
  autoRank: place,
  deviates: false,
  minderConcreet: false,
  concreetMaker: '',
  ...over,
});
const score = (rankNo: number | null, koppelkans: string, scores: (number | null)[], total: number | null, status = 'ok') => ({
  row: 6,
  opgave: 'Groen',
  koppelkans,
  scores,
  total,
  rank: rankNo,
  status,
});

/** The sheet the ops add, read back: each row's non-empty cells joined with " | ". */
function render(model: OnderbouwingModel, sheet = SHEET) {
  const ops = onderbouwingSheetOps(model, sheet);
  const after = simulate({ sheets: [], validations: [] }, ops);
  const s = after.sheets.find((x) => x.name === sheet)!;
  const body: string[] = [];
  for (let r = 1; r <= s.values.length; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= 6; c++) {
      const v = valueAt(s, r, c);
      if (v !== null && v !== '') cells.push(String(v));
    }
    body.push(cells.join(' | '));
  }
  /** Row numbers (1-based) whose first cell is `text`. */
  const rowOf = (text: string) => body.findIndex((l) => l === text || l.startsWith(`${text} | `)) + 1;
  const styles = ops.filter((o): o is Extract<PlanOp, { kind: 'setStyle' }> => o.kind === 'setStyle');
  const styleAt = (range: string) => styles.filter((o) => o.range === range).map((o) => o.style);
  const widthsOp = ops.find((o): o is Extract<PlanOp, { kind: 'setColumnWidths' }> => o.kind === 'setColumnWidths')!;
  const widths = widthsOp.widths.map((w) => w.width);
  const heightsOp = ops.find((o): o is Extract<PlanOp, { kind: 'setRowHeights' }> => o.kind === 'setRowHeights')!;
  const heightOf = new Map(heightsOp.heights.map((h) => [h.row, h.height]));
  return { ops, sheet: s, body, rowOf, styles, styleAt, widths, widthsOp, heightsOp, heightOf };
}

const FULL_FACTORS = [
  { name: 'Bewoners', weging: 2, waarom: 'Zonder bewoners geen draagvlak.' },
  { name: 'Geld', weging: null, waarom: '' },
];

describe('onderbouwingSheetName', () => {
  it('names the sheet after the date, and numbers it when that name is taken (case and spaces aside)', () => {
    expect(onderbouwingSheetName('03-12-2026', [])).toBe('Onderbouwing 03-12-2026');
    expect(onderbouwingSheetName('03-12-2026', ['Werkblad', 'Onderbouwing 02-12-2026'])).toBe('Onderbouwing 03-12-2026');
    expect(onderbouwingSheetName('03-12-2026', ['onderbouwing  03-12-2026 '])).toBe('Onderbouwing 03-12-2026 (2)');
    expect(onderbouwingSheetName('03-12-2026', ['Onderbouwing 03-12-2026', 'ONDERBOUWING 03-12-2026 (2)'])).toBe('Onderbouwing 03-12-2026 (3)');
    // a gap is filled: (2) is free again
    expect(onderbouwingSheetName('03-12-2026', ['Onderbouwing 03-12-2026', 'Onderbouwing 03-12-2026 (3)'])).toBe('Onderbouwing 03-12-2026 (2)');
  });

  it('keeps a name within Excel’s 31 characters, cutting the base before the number', () => {
    const date = '3 december 2026, 10:00 uur';
    const base = `Onderbouwing ${date}`.slice(0, 31);
    expect(base).toHaveLength(31);
    expect(onderbouwingSheetName(date, [])).toBe(base);
    expect(onderbouwingSheetName(date, [base])).toBe(`${base.slice(0, 27)} (2)`);
    const taken = [base, ...Array.from({ length: 8 }, (_, i) => `${base.slice(0, 27)} (${i + 2})`)];
    const tenth = onderbouwingSheetName(date, taken);
    expect(tenth).toBe(`${base.slice(0, 26)} (10)`);
    expect(tenth).toHaveLength(31);
  });
});

describe('onderbouwingSheetOps: the sheet and its page', () => {
  it('adds only the new sheet and writes only inside it, one block from A1, every row five cells wide', () => {
    const { ops, body } = render(emptyModel());
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: SHEET });
    for (const op of ops) expect('sheet' in op && op.sheet).toBe(SHEET);
    const cells = ops.filter((o) => o.kind === 'setCells');
    expect(cells).toHaveLength(1);
    const block = cells[0].kind === 'setCells' ? cells[0] : null;
    expect(block!.cell).toBe('A1');
    expect(block!.cells).toHaveLength(body.length);
    for (const row of block!.cells) {
      expect(row).toHaveLength(5);
      for (const c of row) expect('clear' in c || 'text' in c || 'number' in c).toBe(true);
    }
    // a row of one text is padded with cleared cells
    expect(block!.cells[0].slice(1)).toEqual([{ clear: true }, { clear: true }, { clear: true }, { clear: true }]);
  });

  it('prints portrait, one page wide, the whole document; top-aligned; the title large and bold', () => {
    const { ops, body, styleAt } = render(emptyModel());
    const n = body.length;
    expect(ops).toContainEqual({ kind: 'setPageSetup', sheet: SHEET, orientation: 'portrait', fitToWidth: 1, printArea: `A1:E${n}` });
    expect(ops.filter((o) => o.kind === 'setPageSetup')).toHaveLength(1);
    expect(styleAt(`A1:E${n}`)).toContainEqual({ verticalAlignment: 'top' });
    expect(styleAt('A1')).toEqual([{ bold: true, fontSize: 16 }]);
    // the row heights come last but one, the page setup last
    expect(ops[ops.length - 1].kind).toBe('setPageSetup');
    expect(ops[ops.length - 2].kind).toBe('setRowHeights');
  });

  it('keeps the five base column widths when no header word is longer', () => {
    const { widthsOp } = render(emptyModel());
    expect(widthsOp.widths).toEqual([
      { column: 'A', width: 10 },
      { column: 'B', width: 26 },
      { column: 'C', width: 36 },
      { column: 'D', width: 19 },
      { column: 'E', width: 13 },
    ]);
  });

  it('widens a column to the longest word of its headers plus two, and never narrows one', () => {
    const long = 'Bewonersparticipatiebereidheid'; // 30 characters, in column D of the scores table
    const { widths } = render(
      emptyModel({
        factors: [
          { name: 'A', weging: 1, waarom: '' },
          { name: `de ${long}`, weging: 1, waarom: '' },
        ],
        scores: [score(1, 'Park', [1, 2], 3)],
      }),
    );
    expect(widths).toEqual([10, 26, 36, long.length + 2, 13]);
    // a shorter word later in the same column does not narrow it again
    const { widths: w2 } = render(
      emptyModel({
        factors: [
          { name: 'A', weging: 1, waarom: '' },
          { name: 'Verantwoordelijkheidsgevoel', weging: 1, waarom: '' },
        ],
        scores: [score(1, 'Park', [1, 2], 3)],
        checklist: null,
      }),
    );
    expect(w2[3]).toBe('Verantwoordelijkheidsgevoel'.length + 2);
  });
});

describe('onderbouwingSheetOps: the first page', () => {
  it('titles the sheet with the wijk, and says the date and that it is a snapshot, in italic lines', () => {
    const { body, styleAt } = render(emptyModel({ wijk: 'Lelystad Oost' }));
    expect(body[0]).toBe('Onderbouwing koppelkansen – Lelystad Oost');
    const intro = `Keuze van koppelkansen voor het wijkuitvoeringsplan (WUP) van Lelystad Oost, 03-12-2026. Dit blad is een momentopname: het verandert niet als de werkmap verandert.`;
    const lines = wrapLines(intro, 104 * EM_PER_CHARACTER - 1);
    expect(lines.length).toBeGreaterThan(1);
    expect(body.slice(1, 1 + lines.length)).toEqual(lines);
    for (let r = 2; r < 2 + lines.length; r++) expect(styleAt(`A${r}`)).toEqual([{ italic: true }]);
    // the line after them is the Deelnemers label, not italic
    expect(styleAt(`A${2 + lines.length}`)).toEqual([{ bold: true }]);
  });

  it('without a wijk: no dash, no "van"', () => {
    const { body } = render(emptyModel());
    expect(body[0]).toBe('Onderbouwing koppelkansen');
    expect(body.slice(1, 4).join(' ')).toContain('wijkuitvoeringsplan (WUP), 03-12-2026. Dit blad');
  });

  it('names the participants after a bold label, the text from column B; "Niet vastgelegd." when nobody is listed', () => {
    const none = render(emptyModel());
    const at = none.rowOf('Deelnemers');
    expect(none.body[at - 1]).toBe('Deelnemers | Niet vastgelegd.');
    expect(valueAt(none.sheet, at, 2)).toBe('Niet vastgelegd.');
    expect(none.styleAt(`A${at}`)).toEqual([{ bold: true }]);
    const three = render(emptyModel({ deelnemers: ['Anna', 'Bert', 'Cor'] }));
    expect(three.body[three.rowOf('Deelnemers') - 1]).toBe('Deelnemers | Anna, Bert en Cor.');
  });

  it('breaks a long participants list into lines of columns B to E, the label only on the first', () => {
    const names = Array.from({ length: 30 }, (_, i) => `Deelnemer${i + 1}`);
    const { body, sheet, rowOf, styleAt } = render(emptyModel({ deelnemers: names }));
    const text = `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}.`;
    const lines = wrapLines(text, 94 * EM_PER_CHARACTER - 1);
    expect(lines.length).toBeGreaterThan(2);
    const at = rowOf('Deelnemers');
    lines.forEach((l, i) => {
      expect(valueAt(sheet, at + i, 1)).toBe(i ? null : 'Deelnemers');
      expect(valueAt(sheet, at + i, 2)).toBe(l);
    });
    expect(styleAt(`A${at + 1}`)).toEqual([]);
    expect(body[at + lines.length - 1]).toBe(''); // the empty line before Samenvatting
  });

  it('puts the summary under its title, each sentence a paragraph of lines across the page, an empty line between', () => {
    const long = 'Het team koos vijf koppelkansen. '.repeat(6).trim();
    const { body, rowOf, styleAt, heightOf } = render(emptyModel({ summary: ['Kort.', long] }));
    const t = rowOf('Samenvatting');
    expect(body[t - 2]).toBe('');
    expect(styleAt(`A${t}`)).toEqual([{ bold: true, fontSize: 13 }]);
    expect(heightOf.get(t)).toBe(18);
    expect(body[t]).toBe('Kort.');
    expect(body[t + 1]).toBe('');
    const lines = wrapLines(long, 104 * EM_PER_CHARACTER - 1);
    expect(lines.length).toBeGreaterThan(1);
    expect(body.slice(t + 2, t + 2 + lines.length)).toEqual(lines);
    expect(body[t + 2 + lines.length]).toBe('');
    expect(body[t + 3 + lines.length]).toBe('1. Werkwijze');
    for (const l of lines) expect(textEm(l)).toBeLessThanOrEqual(104 * EM_PER_CHARACTER - 1);
  });
});

describe('onderbouwingSheetOps: the chapters', () => {
  it('tells the method: the definition, the four steps as a table, the scoring, the factors with weight and reason, the start', () => {
    const { body, sheet, rowOf, styleAt } = render(emptyModel({ factors: FULL_FACTORS }));
    const flowing = body.join(' ');
    expect(flowing).toContain(KOPPELKANS_DEFINITIE.slice(0, 40));
    for (const s of METHOD_STEPS) expect(body).toContain(`${s.stap} | ${s.titel} | ${s.wat}`);
    for (const s of METHOD_SCORING) expect(flowing.replace(/\s+/g, ' ')).toContain(s.slice(0, 50));
    const sub = rowOf('Scores, totalen en rangen');
    expect(styleAt(`A${sub}`)).toEqual([{ bold: true }]);
    const h = rowOf('Weging');
    expect(body[h - 1]).toBe('Weging | Succesfactor | Waarom deze succesfactor');
    expect(styleAt(`A${h}:C${h}`)).toEqual([{ bold: true, fill: '#DDEBF7', border: true }]);
    expect(body[h]).toBe('2 | Bewoners | Zonder bewoners geen draagvlak.');
    expect(valueAt(sheet, h + 1, 1)).toBe(2);
    // a factor without a weight: an empty cell, not 0
    expect(valueAt(sheet, h + 2, 1)).toBeNull();
    expect(body[h + 1]).toBe('Geld');
    expect(body[h + 2]).toBe('Startpunt, geen besluit');
    expect(flowing).toContain(METHOD_START_NOT_DECISION.slice(0, 40));
  });

  it('without a team order: one sentence, no tables of deviations', () => {
    const { body } = render(emptyModel());
    const t = body.indexOf('2. De keuze van het team');
    expect(body[t + 1]).toBe('Het team heeft nog geen eigen volgorde vastgelegd.');
    expect(body).not.toContain('Afwijkingen van de automatische volgorde');
    expect(body.some((l) => l.startsWith('Plaats | Koppelkans'))).toBe(false);
  });

  it('shows the team’s choice with reason, responsible and automatic rank; "(minder concreet)" after a name so marked', () => {
    const { body, sheet, rowOf } = render(
      emptyModel({
        chosen: [
          chosen(1, 'Park', { omdat: 'Omdat het kan', verantwoordelijke: 'Jan', autoRank: 2 }),
          chosen(2, 'Plein', { minderConcreet: true, autoRank: null }),
        ],
      }),
    );
    const h = rowOf('Plaats');
    expect(body[h - 1]).toBe('Plaats | Koppelkans | Omdat… | Verantwoordelijke | Rang');
    expect(body[h]).toBe('1 | Park | Omdat het kan | Jan | 2');
    expect(body[h + 1]).toBe('2 | Plein (minder concreet)');
    expect(valueAt(sheet, h + 2, 5)).toBeNull();
    expect(body[h + 2]).toBe('Afwijkingen van de automatische volgorde');
    expect(body.slice(h + 3).join(' ')).toContain('Het team volgde de automatische volgorde.');
    expect(body).not.toContain('Nog minder concrete koppelkansen');
  });

  it('lists the deviations with their reason, "(geen reden vastgelegd)" when none, and who makes a koppelkans concrete', () => {
    const { body, sheet, rowOf, styleAt } = render(
      emptyModel({
        chosen: [chosen(1, 'Plein', { autoRank: 2 }), chosen(2, 'Park', { autoRank: 1 })],
        deviations: [
          { koppelkans: 'Plein', place: 1, autoRank: 2, omdat: 'Urgent' },
          { koppelkans: 'Park', place: 2, autoRank: null, omdat: '' },
        ],
        minderConcreet: [
          { koppelkans: 'Plein', place: 1, wie: 'Anna' },
          { koppelkans: 'Park', place: 2, wie: '' },
        ],
      }),
    );
    const d = rowOf('Afwijkingen van de automatische volgorde');
    expect(body[d]).toBe('Plaats | Koppelkans | Waarom (Omdat…) | Automatische rang');
    expect(styleAt(`A${d + 1}:D${d + 1}`)).toEqual([{ bold: true, fill: '#DDEBF7', border: true }]);
    expect(body[d + 1]).toBe('1 | Plein | Urgent | 2');
    expect(body[d + 2]).toBe('2 | Park | (geen reden vastgelegd)');
    expect(valueAt(sheet, d + 3, 4)).toBeNull();
    expect(body[d + 3]).toBe('Nog minder concrete koppelkansen');
    expect(styleAt(`A${d + 4}`)).toEqual([{ bold: true }]);
    expect(body[d + 4]).toBe('Plaats | Koppelkans | Maakt hem concreet');
    expect(body[d + 5]).toBe('1 | Plein | Anna');
    expect(body[d + 6]).toBe('2 | Park | (nog niemand aangewezen)');
    expect(body).not.toContain('Het team volgde de automatische volgorde.');
  });

  it('without scores: one sentence under the top 15', () => {
    const { body } = render(emptyModel());
    const t = body.indexOf('3. Automatische top 15');
    expect(body[t + 1]).toBe('Er zijn nog geen gescoorde koppelkansen.');
    expect(body).not.toContain('Niet gekozen uit de automatische top 15');
  });

  it('shows the top 15 with the team’s place found by name (case and spaces aside), and names what the team left out', () => {
    const { body, sheet, rowOf } = render(
      emptyModel({
        chosen: [chosen(1, 'groen  PARK ')],
        top: [rank(1, 'Groen park', 12.5, 'Natuur'), rank(2, 'Plein', 7)],
        notChosen: [rank(2, 'Plein', 7)],
      }),
    );
    const h = rowOf('Rang');
    expect(body[h - 2]).toBe('De rangorde volgens de gewogen totalen; gelijke totalen delen een rang.');
    expect(body[h - 1]).toBe('Rang | Koppelkans | Opgave | Totaal | Plaats bij het team');
    expect(body[h]).toBe('1 | Groen park | Natuur | 12.5 | 1');
    expect(valueAt(sheet, h + 1, 4)).toBe(12.5);
    expect(body[h + 1]).toBe('2 | Plein | Groen | 7');
    expect(valueAt(sheet, h + 2, 5)).toBeNull();
    expect(body[h + 2]).toBe('Niet gekozen uit de automatische top 15');
    expect(body[h + 3]).toContain('Eén koppelkans uit de automatische top 15 koos het team niet: Plein (rang 2).');
  });

  it('no "niet gekozen" part when the team chose the whole top', () => {
    const { body } = render(emptyModel({ chosen: [chosen(1, 'Park')], top: [rank(1, 'Park', 3)] }));
    expect(body).not.toContain('Niet gekozen uit de automatische top 15');
    expect(body[body.indexOf('3. Automatische top 15') + 3]).toBe('1 | Park | Groen | 3 | 1');
  });

  it('says how robust the order is: the summary sentences, then the details, under one subtitle; nothing without them', () => {
    const none = render(emptyModel({ top: [rank(1, 'Park', 3)] }));
    expect(none.body).not.toContain('Hoe vast ligt de automatische volgorde?');
    const both = render(emptyModel({ robustness: ['Vast.'], robustnessDetail: ['Detail een.', 'Detail twee.'] }));
    const s = both.rowOf('Hoe vast ligt de automatische volgorde?');
    expect(both.styleAt(`A${s}`)).toEqual([{ bold: true }]);
    expect(both.body.slice(s, s + 3)).toEqual(['Vast.', 'Detail een.', 'Detail twee.']);
    const onlyDetail = render(emptyModel({ robustnessDetail: ['Alleen detail.'] }));
    expect(onlyDetail.body[onlyDetail.rowOf('Hoe vast ligt de automatische volgorde?')]).toBe('Alleen detail.');
    const onlySummary = render(emptyModel({ robustness: ['Alleen samenvatting.'] }));
    expect(onlySummary.body[onlySummary.rowOf('Hoe vast ligt de automatische volgorde?')]).toBe('Alleen samenvatting.');
  });

  it('lists the conclusions per step, "(geen conclusie vastgelegd)" for an empty one', () => {
    const { body, rowOf } = render(
      emptyModel({
        conclusions: [
          { stap: 'Stap 1', vraag: 'Wat is het verhaal?', text: 'Groen en veilig.', row: 3 },
          { stap: 'Stap 2', vraag: 'Welke opgaven?', text: '', row: 4 },
        ],
      }),
    );
    const h = rowOf('Stap');
    expect(body[h - 2]).toBe('4. Conclusies per stap');
    expect(body[h - 1]).toBe('Stap | Vraag | Conclusie');
    expect(body[h]).toBe('Stap 1 | Wat is het verhaal? | Groen en veilig.');
    expect(body[h + 1]).toBe('Stap 2 | Welke opgaven? | (geen conclusie vastgelegd)');
  });

  it('lists afspraken and acties with their kind’s label, or says there are none', () => {
    const none = render(emptyModel());
    expect(none.body[none.body.indexOf('5. Afspraken en acties') + 1]).toBe('Er zijn geen afspraken of acties vastgelegd.');
    const { body } = render(
      emptyModel({
        actions: [
          note({ kind: 'actie', text: 'Bel de school', koppelkans: 'Park', verantwoordelijke: 'Jan', date: '2026-12-10' }),
          note({ kind: 'afspraak', text: 'Volgende keer', verantwoordelijke: 'Anna' }),
        ],
      }),
    );
    const t = body.indexOf('5. Afspraken en acties');
    expect(body[t + 1]).toBe('Soort | Wat | Koppelkans | Verantwoordelijke | Datum');
    expect(body[t + 2]).toBe('Actie | Bel de school | Park | Jan | 2026-12-10');
    expect(body[t + 3]).toBe('Afspraak | Volgende keer | Anna');
  });

  it('shows the notes per koppelkans, then the general ones as "(algemeen)", without authors unless asked', () => {
    const none = render(emptyModel());
    expect(none.body[none.body.indexOf('6. Uit het gesprek') + 1]).toBe('De notulist heeft geen andere notities voor deze onderbouwing gekozen.');
    const model = emptyModel({
      notesByKoppelkans: [
        {
          koppelkans: 'Park',
          place: 1,
          autoRank: 1,
          notes: [note({ kind: 'conclusie', text: 'Doen', step: 'Stap 4' }), note({ kind: 'eigen', text: 'Zelf getypt' })],
        },
      ],
      generalNotes: [note({ kind: 'redenering', text: 'Algemeen punt', author: 'Piet' })],
    });
    const { body, rowOf, styleAt } = render(model);
    const h = rowOf('Soort');
    expect(body[h - 2]).toBe('6. Uit het gesprek');
    expect(body[h - 1]).toBe('Soort | Koppelkans | Notitie | Stap');
    expect(styleAt(`A${h}:D${h}`)).toHaveLength(1);
    expect(body[h]).toBe('Conclusie | Park | Doen | Stap 4');
    expect(body[h + 1]).toBe('eigen | Park | Zelf getypt | Stap 3');
    expect(body[h + 2]).toBe('Redenering | (algemeen) | Algemeen punt | Stap 3');
    const withAuthors = render({ ...model, options: { authorNames: true, notesAppendix: false } });
    const a = withAuthors.rowOf('Soort');
    expect(withAuthors.body[a - 1]).toBe('Soort | Koppelkans | Notitie | Stap | Auteur');
    expect(withAuthors.styleAt(`A${a}:E${a}`)).toHaveLength(1);
    expect(withAuthors.body[a + 2]).toBe('Redenering | (algemeen) | Algemeen punt | Stap 3 | Piet');
  });

  it('shows only general notes under their header too', () => {
    const { body } = render(emptyModel({ generalNotes: [note({ text: 'Alleen dit' })] }));
    const t = body.indexOf('6. Uit het gesprek');
    expect(body[t + 1]).toBe('Soort | Koppelkans | Notitie | Stap');
    expect(body[t + 2]).toBe('Discussie | (algemeen) | Alleen dit | Stap 3');
  });

  it('adds the WUP checklist’s progress as chapter 7 only when the workbook has one', () => {
    expect(render(emptyModel()).body).not.toContain('7. Basiselementen van de WUP');
    const checklist = {
      progress: [
        { onderdeel: 'Warmte', klaar: 2, bezig: 1, total: 4 },
        { onderdeel: 'Isolatie', klaar: 0, bezig: 0, total: 3 },
      ],
    } as unknown as OnderbouwingModel['checklist'];
    const { body, sheet } = render(emptyModel({ checklist }));
    const t = body.indexOf('7. Basiselementen van de WUP');
    expect(t).toBeGreaterThan(body.indexOf('6. Uit het gesprek'));
    expect(body[t + 1]).toBe('Klaar | Onderdeel | Bezig | Aantal');
    expect(body[t + 2]).toBe('2 | Warmte | 1 | 4');
    expect(valueAt(sheet, t + 4, 1)).toBe(0);
    expect(body[t + 3]).toBe('0 | Isolatie | 0 | 3');
  });
});

describe('onderbouwingSheetOps: the appendices', () => {
  it('numbers the appendices: the other notes first when asked for, then the scores', () => {
    const scores = [score(1, 'Park', [3, null], 6)];
    const only = render(emptyModel({ factors: FULL_FACTORS, scores }));
    expect(only.body).toContain('Bijlage 1: scores per koppelkans en succesfactor');
    expect(only.body.some((l) => l.startsWith('Bijlage 2'))).toBe(false);
    const both = render(
      emptyModel({
        factors: FULL_FACTORS,
        scores,
        appendixNotes: [note({ text: 'Overig', koppelkans: '' }), note({ text: 'Over park', koppelkans: 'Park', kind: 'redenering' })],
      }),
    );
    const a = both.body.indexOf('Bijlage 1: overige notities uit het gesprek');
    expect(a).toBeGreaterThan(0);
    expect(both.styleAt(`A${a + 1}`)).toEqual([{ bold: true, fontSize: 13 }]);
    expect(both.body[a + 1]).toBe('Soort | Koppelkans | Notitie | Stap');
    expect(both.body[a + 2]).toBe('Discussie | (algemeen) | Overig | Stap 3');
    expect(both.body[a + 3]).toBe('Redenering | Park | Over park | Stap 3');
    expect(both.body.indexOf('Bijlage 2: scores per koppelkans en succesfactor')).toBeGreaterThan(a);
    const notesOnly = render(emptyModel({ appendixNotes: [note({ text: 'Overig' })] }));
    expect(notesOnly.body).toContain('Bijlage 1: overige notities uit het gesprek');
    expect(notesOnly.body.some((l) => l.startsWith('Bijlage 2'))).toBe(false);
    expect(render(emptyModel()).body.some((l) => l.startsWith('Bijlage'))).toBe(false);
  });

  it('shows the scores in one table when the factors and the total fit in three columns: an empty score empty, an invalid total "ongeldig"', () => {
    const { body, sheet } = render(
      emptyModel({
        factors: FULL_FACTORS,
        scores: [score(1, 'Park', [3, null], 6), score(null, 'Plein', [1], null, 'invalid'), score(null, 'Pad', [], null)],
      }),
    );
    const t = body.indexOf('Bijlage 1: scores per koppelkans en succesfactor');
    expect(body[t + 1]).toBe('Rang | Koppelkans | Bewoners | Geld | Totaal');
    expect(body[t + 2]).toBe('1 | Park | 3 | 6');
    expect(valueAt(sheet, t + 3, 4)).toBeNull();
    expect(body[t + 3]).toBe('Plein | 1 | ongeldig');
    expect(valueAt(sheet, t + 4, 1)).toBeNull();
    expect(body[t + 4]).toBe('Pad');
    expect(body).toHaveLength(t + 5);
    expect(body.some((l) => l.startsWith('Deel '))).toBe(false);
  });

  it('splits more columns into balanced tables ("Deel 1 van 3"), each with Rang and Koppelkans, an empty line between', () => {
    const factors = Array.from({ length: 8 }, (_, i) => ({ name: `F${i + 1}`, weging: 1, waarom: '' }));
    const { body, rowOf, styleAt } = render(emptyModel({ factors, scores: [score(1, 'Park', [1, 2, 3, 4, 5, 6, 7, 8], 36)] }));
    const t = body.indexOf('Bijlage 1: scores per koppelkans en succesfactor');
    expect(body.slice(t + 1)).toEqual([
      'Deel 1 van 3',
      'Rang | Koppelkans | F1 | F2 | F3',
      '1 | Park | 1 | 2 | 3',
      '',
      'Deel 2 van 3',
      'Rang | Koppelkans | F4 | F5 | F6',
      '1 | Park | 4 | 5 | 6',
      '',
      'Deel 3 van 3',
      'Rang | Koppelkans | F7 | F8 | Totaal',
      '1 | Park | 7 | 8 | 36',
    ]);
    expect(styleAt(`A${rowOf('Deel 2 van 3')}`)).toEqual([{ bold: true }]);
    // 6 factors and the total: 3, 2, 2 (not 3, 3, 1)
    const seven = render(emptyModel({ factors: factors.slice(0, 6), scores: [score(1, 'Park', [1, 2, 3, 4, 5, 6], 21)] }));
    const heads = seven.body.filter((l) => l.startsWith('Rang | Koppelkans'));
    expect(heads).toEqual(['Rang | Koppelkans | F1 | F2 | F3', 'Rang | Koppelkans | F4 | F5', 'Rang | Koppelkans | F6 | Totaal']);
    // 3 factors and the total: 2 and 2
    const four = render(emptyModel({ factors: factors.slice(0, 3), scores: [score(1, 'Park', [1, 2, 3], 6)] }));
    expect(four.body.filter((l) => l.startsWith('Rang | Koppelkans'))).toEqual(['Rang | Koppelkans | F1 | F2', 'Rang | Koppelkans | F3 | Totaal']);
    expect(four.body).toContain('Deel 2 van 2');
    // no factors: the total alone
    const none = render(emptyModel({ scores: [score(1, 'Park', [], 0)] }));
    expect(none.body.filter((l) => l.startsWith('Rang | Koppelkans'))).toEqual(['Rang | Koppelkans | Totaal']);
    expect(none.body[none.body.length - 1]).toBe('1 | Park | 0');
  });

  it('says under the scores which koppelkansen it leaves out, after an empty line', () => {
    const left = 'Deze bijlage toont de 1 koppelkansen met de hoogste rang van de 2.';
    const { body } = render(emptyModel({ scores: [score(1, 'Park', [], 1)], scoresTotal: 2, scoresLeftOut: left }));
    expect(body.slice(-3)).toEqual(['1 | Park | 1', '', left]);
    const without = render(emptyModel({ scores: [score(1, 'Park', [], 1)] }));
    expect(without.body[without.body.length - 1]).toBe('1 | Park | 1');
  });
});

describe('onderbouwingSheetOps: wrapping and row heights', () => {
  it('wraps the table rows only, one style op per run of them; paragraph lines run over their neighbours', () => {
    const { ops, body, rowOf } = render(emptyModel({ factors: FULL_FACTORS }));
    const wraps = ops.filter((o) => o.kind === 'setStyle' && o.style.wrap === true).map((o) => (o.kind === 'setStyle' ? o.range : ''));
    const steps = rowOf(METHOD_STEPS[0].stap);
    const weging = rowOf('Weging');
    expect(wraps).toContain(`A${steps}:E${steps + METHOD_STEPS.length - 1}`);
    // the factors' header and its rows: one run
    expect(wraps).toContain(`A${weging}:E${weging + 2}`);
    // the conclusions' header alone (no conclusions)
    const stap = body.indexOf('Stap | Vraag | Conclusie') + 1;
    expect(wraps).toContain(`A${stap}:E${stap}`);
    expect(wraps).toHaveLength(3);
  });

  it('a table at the very end of the sheet is wrapped to its last row', () => {
    const { ops, body } = render(emptyModel({ scores: [score(1, 'Park', [], 1), score(2, 'Plein', [], 0)] }));
    const wraps = ops.filter((o) => o.kind === 'setStyle' && o.style.wrap === true).map((o) => (o.kind === 'setStyle' ? o.range : ''));
    const n = body.length;
    expect(wraps[wraps.length - 1]).toBe(`A${n - 2}:E${n}`);
  });

  it('gives the title 21 pt, section titles 18 pt, and a table row with wrapped text the height of its lines, in row order', () => {
    const longWhy = 'Omdat de bewoners van de wijk al jaren vragen om meer groen en een veilige plek om te spelen en elkaar te ontmoeten.';
    const { body, heightsOp, heightOf, widths, rowOf } = render(
      emptyModel({ factors: [{ name: 'Bewoners', weging: 1, waarom: longWhy }], conclusions: [{ stap: 'Stap 1', vraag: 'Kort?', text: 'Ja.', row: 3 }] }),
    );
    expect(heightOf.get(1)).toBe(21);
    for (const t of ['Samenvatting', '1. Werkwijze', '2. De keuze van het team', '4. Conclusies per stap', '6. Uit het gesprek'])
      expect(heightOf.get(rowOf(t))).toBe(18);
    const why = rowOf('1'); // the factor's row starts with its weight
    expect(body[why - 1]).toBe(`1 | Bewoners | ${longWhy}`);
    const expected = wrappedRowHeight(['', 'Bewoners', longWhy], widths, false);
    expect(expected).toBeGreaterThanOrEqual(2 * 15 + 2);
    expect(heightOf.get(why)).toBe(expected);
    // the steps' rows are long too
    const step = rowOf(METHOD_STEPS[1].stap);
    expect(heightOf.get(step)).toBe(wrappedRowHeight([METHOD_STEPS[1].stap, METHOD_STEPS[1].titel, METHOD_STEPS[1].wat], widths));
    // a short row gets no height of its own; paragraph lines neither
    expect(heightOf.has(rowOf('Stap 1 | Kort?'))).toBe(false);
    expect(heightOf.has(2)).toBe(false);
    const rows = heightsOp.heights.map((h) => h.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('measures a header row as bold text', () => {
    // a header word that fits regular but not bold: "Verantwoordelijke" in a 19-wide column is 17 letters
    const { heightOf, rowOf, widths } = render(
      emptyModel({ chosen: [chosen(1, 'Park', { autoRank: 2 })], deviations: [{ koppelkans: 'Park', place: 1, autoRank: 2, omdat: 'Kort' }] }),
    );
    const h = rowOf('Plaats');
    const labels = ['Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Rang'];
    expect(heightOf.get(h) ?? null).toBe(wrappedRowHeight(labels, widths, true));
    const row = rowOf('Afwijkingen van de automatische volgorde') + 1;
    expect(heightOf.get(row) ?? null).toBe(wrappedRowHeight(['Plaats', 'Koppelkans', 'Waarom (Omdat…)', 'Automatische rang'], widths, true));
  });

  it('keeps a number’s cell out of the height: only texts are measured', () => {
    const { heightOf, rowOf } = render(emptyModel({ top: [rank(1, 'Park', 1234567890123456)] }));
    expect(heightOf.has(rowOf('1 | Park'))).toBe(false);
  });
});

describe('onderbouwingSheetOps: what the survivors of the first mutation run showed', () => {
  it('gives the adapters only cleared cells, texts and numbers: an empty score, weight or rank and the space under a label are cleared', () => {
    const ops = onderbouwingSheetOps(
      emptyModel({
        deelnemers: Array.from({ length: 30 }, (_, i) => `Deelnemer${i + 1}`),
        factors: FULL_FACTORS,
        chosen: [chosen(1, 'Park', { autoRank: null })],
        scores: [score(null, 'Park', [null, 1], null)],
      }),
      SHEET,
    );
    const block = ops.find((o): o is Extract<PlanOp, { kind: 'setCells' }> => o.kind === 'setCells')!;
    const kinds = new Set<string>();
    for (const row of block.cells)
      for (const c of row) {
        if ('clear' in c) expect(c).toEqual({ clear: true });
        else if ('number' in c) expect(Number.isFinite(c.number)).toBe(true);
        else expect(typeof (c as { text: unknown }).text).toBe('string');
        kinds.add(Object.keys(c).join());
      }
    expect([...kinds].sort()).toEqual(['clear', 'number', 'text']);
    // the weight of "Geld" (none) and the second line of the Deelnemers: cleared, as written
    const at = (text: string) => block.cells.findIndex((r) => 'text' in r[1] && r[1].text === text);
    expect(block.cells[at('Geld')][0]).toEqual({ clear: true });
    const deelnemers = block.cells.findIndex((r) => 'text' in r[0] && r[0].text === 'Deelnemers');
    expect(block.cells[deelnemers + 1][0]).toEqual({ clear: true });
    expect(block.cells[at('Park')]).toEqual([{ number: 1 }, { text: 'Park' }, { text: '' }, { text: '' }, { clear: true }]);
  });

  it('introduces the four steps and the team’s table with a sentence each', () => {
    const { body } = render(emptyModel({ chosen: [chosen(1, 'Park')] }));
    const steps = body.indexOf(`${METHOD_STEPS[0].stap} | ${METHOD_STEPS[0].titel} | ${METHOD_STEPS[0].wat}`);
    const before = body.slice(body.indexOf('1. Werkwijze'), steps).join(' ');
    expect(before).toContain('Het team volgde de werkwijze “Koppelkansen kiezen” uit het Spoorboekje van de gemeente Lelystad (hoofdstuk 3), in vier stappen:');
    const team = body.slice(body.indexOf('2. De keuze van het team'), body.indexOf('Plaats | Koppelkans | Omdat… | Verantwoordelijke | Rang')).join(' ');
    expect(team).toContain(
      'De koppelkansen die het team meeneemt in het wijkuitvoeringsplan, in de volgorde van het team, met de reden en wie verantwoordelijk is. Rang is de automatische rang die uit de scores volgt.',
    );
  });

  it('measures a table row in regular type: a conclusion that fits on one line in regular type gets no taller row', () => {
    const text = 'Een veilige en groene wijk voor ons'; // one line in column C, two in bold
    const { rowOf, heightOf, widths } = render(emptyModel({ conclusions: [{ stap: 'Stap 1', vraag: 'Kort?', text, row: 3 }] }));
    expect(wrappedRowHeight(['Stap 1', 'Kort?', text], widths, false)).toBeNull();
    expect(wrappedRowHeight(['Stap 1', 'Kort?', text], widths, true)).toBe(32);
    expect(heightOf.has(rowOf('Stap 1 | Kort?'))).toBe(false);
  });

  it('names the authors in the appendix of other notes too, when asked', () => {
    const { body } = render(emptyModel({ options: { authorNames: true, notesAppendix: true }, appendixNotes: [note({ text: 'Overig', author: 'Piet' })] }));
    const a = body.indexOf('Bijlage 1: overige notities uit het gesprek');
    expect(body[a + 1]).toBe('Soort | Koppelkans | Notitie | Stap | Auteur');
    expect(body[a + 2]).toBe('Discussie | (algemeen) | Overig | Stap 3 | Piet');
  });
});

describe('onderbouwingSheetOps: styles by kind of row', () => {
  it('makes titles bold 13 pt, subtitles and labels bold, headers bold on a fill with borders over their own columns', () => {
    const { styles, body } = render(emptyModel({ chosen: [chosen(1, 'Park')] }));
    const bold13 = styles.filter((s) => s.style.fontSize === 13).map((s) => Number(s.range.slice(1)));
    expect(bold13.map((r) => body[r - 1])).toEqual([
      'Samenvatting',
      '1. Werkwijze',
      '2. De keuze van het team',
      '3. Automatische top 15',
      '4. Conclusies per stap',
      '5. Afspraken en acties',
      '6. Uit het gesprek',
    ]);
    // every title has an empty line above it
    for (const r of bold13) expect(body[r - 2]).toBe('');
    const boldOnly = styles.filter((s) => s.style.bold && !s.style.fontSize && !s.style.fill).map((s) => body[Number(s.range.slice(1)) - 1]);
    expect(boldOnly).toEqual([
      'Scores, totalen en rangen',
      'Succesfactoren en wegingen',
      'Startpunt, geen besluit',
      'Afwijkingen van de automatische volgorde',
      expect.stringMatching(/^Deelnemers \| /),
    ]);
    const headers = styles.filter((s) => s.style.fill);
    for (const h of headers) {
      expect(h.style).toEqual({ bold: true, fill: '#DDEBF7', border: true });
      const [, from, last, to] = /^A(\d+):([A-Z])(\d+)$/.exec(h.range)!;
      expect(from).toBe(to);
      const cells = body[Number(from) - 1].split(' | ');
      expect(last).toBe(columnLetter(cells.length));
    }
    expect(headers.map((h) => body[Number(/\d+$/.exec(h.range)![0]) - 1])).toEqual([
      'Weging | Succesfactor | Waarom deze succesfactor',
      'Plaats | Koppelkans | Omdat… | Verantwoordelijke | Rang',
      'Stap | Vraag | Conclusie',
    ]);
  });
});
