/**
 * The onderbouwing as a new worksheet in the workbook: for hosts where the pane cannot
 * save a file (Excel for Windows and Mac). The same model and the same structure as the
 * Word document (first page, method, the team's choice, top 15, conclusions, afspraken
 * and acties, notes, scores), as a printable, editable sheet. Each run adds a new sheet
 * with the date in its name, so a sheet the team has already edited is never written over.
 *
 * Layout: column A holds numbers and short labels, B–F the text; paragraphs go into B,
 * wrapped. Columns are at least as wide as the longest word of their headers.
 */
import { nameKey } from './names';
import { cellAddress, columnLetter } from './a1';
import {
  KOPPELKANS_DEFINITIE,
  METHOD_SCORING,
  METHOD_START_NOT_DECISION,
  METHOD_STEPS,
  dutchList,
  notChosenSentence,
  type OnderbouwingModel,
} from './onderbouwing';
import type { CellInput, PlanOp } from './snapshot';
import { sameName } from './layout';
import { noteKindLabel } from './notes';
import { EM_PER_CHARACTER, wrapLines, wrappedRowHeight } from './textMetrics';

const text = (s: string): CellInput => ({ text: s });
const num = (n: number | null): CellInput => (n === null ? { clear: true } : { number: n });
const HEADER_FILL = '#DDEBF7';
/** Five columns: every table fits in them, so the sheet prints portrait, one page wide, at a readable size. */
const WIDTH = 5;
/** Column widths in characters: A numbers and labels, B names, C long text, D people, E short values. */
const BASE_WIDTHS = [10, 26, 36, 19, 13];
/** Score columns per table in the scores appendix (C to E, after Rang and Koppelkans). */
const SCORE_COLUMNS = WIDTH - 2;

/** Balanced slices of at most `size` (9 in slices of 3 gives 3, 3, 3; 7 gives 3, 2, 2). */
function slices<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const n = Math.ceil((items.length - at) / (count - i));
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/** "Onderbouwing 29-11-2026", or with " (2)", " (3)"… when that name is taken. */
export function onderbouwingSheetName(date: string, existing: readonly string[]): string {
  const base = `Onderbouwing ${date}`.slice(0, 31);
  if (!existing.some((n) => sameName(n, base))) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!existing.some((n) => sameName(n, name))) return name;
  }
}

/**
 * The plan ops that add sheet `sheet` holding the onderbouwing of `model`. Only
 * `addSheet` and writes inside that new sheet: nothing else in the workbook changes.
 *
 * Print layout (A4 or Letter portrait, one page wide, as many pages tall as needed):
 * five columns of together about 105 characters; tables use them as they are, with
 * wrapped text and row heights that fit it (a file's rows are not fitted by Excel or
 * LibreOffice); paragraphs, titles and the first page's lines are broken into lines
 * of one cell each in column A (B for the text after a label) that run over the empty
 * cells to their right, so they read across the page. The scores appendix comes in
 * tables of at most three succesfactoren (and the total), each with Rang and Koppelkans.
 */
export function onderbouwingSheetOps(model: OnderbouwingModel, sheet: string): PlanOp[] {
  const rows: CellInput[][] = [];
  /** Per row: null for a line that runs over its neighbours (no wrap), else whether it is a header. */
  const wrapped: (null | 'header' | 'cells')[] = [];
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  const subTitleRows: number[] = [];
  const labelRows: number[] = [];
  const italicRows: number[] = [];
  const longest: number[] = [];
  const widths = BASE_WIDTHS.slice();
  const em = (from: number, to = WIDTH) => widths.slice(from, to).reduce((a, b) => a + b, 0) * EM_PER_CHARACTER - 1;
  const line = (...cells: CellInput[]) => {
    rows.push(cells);
    wrapped.push(null);
  };
  const cellsRow = (...cells: CellInput[]) => {
    rows.push(cells);
    wrapped.push('cells');
  };
  const title = (s: string) => {
    if (rows.length) line();
    line(text(s));
    titleRows.push(rows.length);
  };
  const subTitle = (s: string) => {
    line(text(s));
    subTitleRows.push(rows.length);
  };
  const header = (...labels: string[]) => {
    rows.push(labels.map(text));
    wrapped.push('header');
    headerRows.push(rows.length);
    labels.forEach((l, i) => {
      longest[i] = Math.max(longest[i] ?? 0, ...l.split(/\s+/).map((w) => w.length));
      widths[i] = Math.max(widths[i], (longest[i] ?? 0) + 2);
    });
  };
  /** A paragraph in lines across the page: from column A, or after a bold label in A from column B. */
  const para = (s: string, label = '') => {
    wrapLines(s, label ? em(1) : em(0)).forEach((l, i) => {
      if (label) {
        line(i ? { clear: true } : text(label), text(l));
        if (!i) labelRows.push(rows.length);
      } else line(text(l));
    });
  };

  // first page
  line(text(`Onderbouwing koppelkansen${model.wijk ? ` – ${model.wijk}` : ''}`));
  for (const l of wrapLines(
    `Keuze van koppelkansen voor het wijkuitvoeringsplan (WUP)${model.wijk ? ` van ${model.wijk}` : ''}, ${model.date}. Dit blad is een momentopname: het verandert niet als de werkmap verandert.`,
    em(0),
  )) {
    line(text(l));
    italicRows.push(rows.length);
  }
  para(model.deelnemers.length ? `${dutchList(model.deelnemers)}.` : 'Niet vastgelegd.', 'Deelnemers');
  title('Samenvatting');
  model.summary.forEach((s, i) => {
    if (i) line();
    para(s);
  });

  title('1. Werkwijze');
  para(KOPPELKANS_DEFINITIE);
  para('Het team volgde de werkwijze “Koppelkansen kiezen” uit het Spoorboekje van de gemeente Lelystad (hoofdstuk 3), in vier stappen:');
  for (const s of METHOD_STEPS) cellsRow(text(s.stap), text(s.titel), text(s.wat));
  subTitle('Scores, totalen en rangen');
  for (const s of METHOD_SCORING) para(s);
  subTitle('Succesfactoren en wegingen');
  header('Weging', 'Succesfactor', 'Waarom deze succesfactor');
  for (const f of model.factors) cellsRow(num(f.weging), text(f.name), text(f.waarom));
  subTitle('Startpunt, geen besluit');
  para(METHOD_START_NOT_DECISION);

  title('2. De keuze van het team');
  if (model.chosen.length) {
    para(
      'De koppelkansen die het team meeneemt in het wijkuitvoeringsplan, in de volgorde van het team, met de reden en wie verantwoordelijk is. Rang is de automatische rang die uit de scores volgt.',
    );
    header('Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Rang');
    for (const c of model.chosen) {
      cellsRow(num(c.place), text(c.koppelkans + (c.minderConcreet ? ' (minder concreet)' : '')), text(c.omdat), text(c.verantwoordelijke), num(c.autoRank));
    }
    subTitle('Afwijkingen van de automatische volgorde');
    if (model.deviations.length) {
      header('Plaats', 'Koppelkans', 'Waarom (Omdat…)', 'Automatische rang');
      for (const d of model.deviations) cellsRow(num(d.place), text(d.koppelkans), text(d.omdat || '(geen reden vastgelegd)'), num(d.autoRank));
    } else para('Het team volgde de automatische volgorde.');
    if (model.minderConcreet.length) {
      subTitle('Nog minder concrete koppelkansen');
      header('Plaats', 'Koppelkans', 'Maakt hem concreet');
      for (const x of model.minderConcreet) cellsRow(num(x.place), text(x.koppelkans), text(x.wie || '(nog niemand aangewezen)'));
    }
  } else para('Het team heeft nog geen eigen volgorde vastgelegd.');

  title('3. Automatische top 15');
  if (model.top.length) {
    para('De rangorde volgens de gewogen totalen; gelijke totalen delen een rang.');
    header('Rang', 'Koppelkans', 'Opgave', 'Totaal', 'Plaats bij het team');
    const placeOf = new Map(model.chosen.map((c) => [nameKey(c.koppelkans), c.place]));
    for (const e of model.top) cellsRow(num(e.rank), text(e.koppelkans), text(e.opgave), num(e.total), num(placeOf.get(nameKey(e.koppelkans)) ?? null));
    if (model.notChosen.length) {
      subTitle('Niet gekozen uit de automatische top 15');
      para(notChosenSentence(model.notChosen));
    }
  } else para('Er zijn nog geen gescoorde koppelkansen.');

  if (model.robustness.length || model.robustnessDetail.length) {
    subTitle('Hoe vast ligt de automatische volgorde?');
    for (const s of [...model.robustness, ...model.robustnessDetail]) para(s);
  }

  title('4. Conclusies per stap');
  header('Stap', 'Vraag', 'Conclusie');
  for (const c of model.conclusions) cellsRow(text(c.stap), text(c.vraag), text(c.text || '(geen conclusie vastgelegd)'));

  title('5. Afspraken en acties');
  if (model.actions.length) {
    header('Soort', 'Wat', 'Koppelkans', 'Verantwoordelijke', 'Datum');
    for (const n of model.actions) cellsRow(text(noteKindLabel(n.kind)), text(n.text), text(n.koppelkans), text(n.verantwoordelijke), text(n.date));
  } else para('Er zijn geen afspraken of acties vastgelegd.');

  title('6. Uit het gesprek');
  const withAuthor = model.options.authorNames;
  const noteRow = (kind: string, koppelkans: string, t: string, step: string, author: string) =>
    cellsRow(text(noteKindLabel(kind)), text(koppelkans), text(t), text(step), ...(withAuthor ? [text(author)] : []));
  if (model.notesByKoppelkans.length || model.generalNotes.length) {
    header('Soort', 'Koppelkans', 'Notitie', 'Stap', ...(withAuthor ? ['Auteur'] : []));
    for (const g of model.notesByKoppelkans) for (const n of g.notes) noteRow(n.kind, g.koppelkans, n.text, n.step, n.author);
    for (const n of model.generalNotes) noteRow(n.kind, '(algemeen)', n.text, n.step, n.author);
  } else para('De notulist heeft geen andere notities voor deze onderbouwing gekozen.');

  if (model.checklist) {
    title('7. Basiselementen van de WUP');
    header('Klaar', 'Onderdeel', 'Bezig', 'Aantal');
    for (const x of model.checklist.progress) cellsRow(num(x.klaar), text(x.onderdeel), num(x.bezig), num(x.total));
  }

  let appendix = 0;
  if (model.appendixNotes.length) {
    title(`Bijlage ${++appendix}: overige notities uit het gesprek`);
    header('Soort', 'Koppelkans', 'Notitie', 'Stap', ...(withAuthor ? ['Auteur'] : []));
    for (const n of model.appendixNotes) noteRow(n.kind, n.koppelkans || '(algemeen)', n.text, n.step, n.author);
  }
  if (model.scores.length) {
    title(`Bijlage ${++appendix}: scores per koppelkans en succesfactor`);
    const columns = [
      ...model.factors.map((f, i) => ({ label: f.name, value: (s: (typeof model.scores)[number]) => num(s.scores[i] ?? null) })),
      {
        label: 'Totaal',
        value: (s: (typeof model.scores)[number]) => (s.status === 'invalid' ? text('ongeldig') : num(s.total)),
      },
    ];
    const parts = slices(columns, SCORE_COLUMNS);
    parts.forEach((part, i) => {
      if (parts.length > 1) {
        if (i) line();
        subTitle(`Deel ${i + 1} van ${parts.length}`);
      }
      header('Rang', 'Koppelkans', ...part.map((c) => c.label));
      for (const s of model.scores) cellsRow(num(s.rank), text(s.koppelkans), ...part.map((c) => c.value(s)));
    });
    if (model.scoresLeftOut) {
      line();
      para(model.scoresLeftOut);
    }
  }

  const width = Math.max(WIDTH, ...rows.map((r) => r.length));
  while (widths.length < width) widths.push(12);
  const block = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): CellInput => ({ clear: true }))]);
  const last = columnLetter(width);
  // heights of the rows whose wrapped text takes more than one line
  const heights: { row: number; height: number }[] = [];
  rows.forEach((r, i) => {
    if (wrapped[i] === null) return;
    const height = wrappedRowHeight(
      r.map((c) => ('text' in c ? c.text : '')),
      widths,
      wrapped[i] === 'header',
    );
    if (height) heights.push({ row: i + 1, height });
  });
  // larger type: the document title (16 pt) and section titles (13 pt)
  heights.push({ row: 1, height: 21 }, ...titleRows.map((row) => ({ row, height: 18 })));
  heights.sort((a, b) => a.row - b.row);
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet },
    { kind: 'setCells', sheet, cell: 'A1', cells: block },
    { kind: 'setStyle', sheet, range: `A1:${last}${rows.length}`, style: { verticalAlignment: 'top' } },
    { kind: 'setStyle', sheet, range: 'A1', style: { bold: true, fontSize: 16 } },
    { kind: 'setColumnWidths', sheet, widths: widths.map((w, i) => ({ column: columnLetter(i + 1), width: w })) },
  ];
  // wrap only in table rows, a run of rows per op
  for (let i = 0; i < rows.length; i++) {
    if (wrapped[i] === null) continue;
    let j = i;
    while (j + 1 < rows.length && wrapped[j + 1] !== null) j++;
    ops.push({ kind: 'setStyle', sheet, range: `A${i + 1}:${last}${j + 1}`, style: { wrap: true } });
    i = j;
  }
  for (const r of italicRows) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { italic: true } });
  for (const r of titleRows) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { bold: true, fontSize: 13 } });
  for (const r of [...subTitleRows, ...labelRows]) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { bold: true } });
  for (const r of headerRows) {
    const n = rows[r - 1].length;
    ops.push({ kind: 'setStyle', sheet, range: `A${r}:${columnLetter(n)}${r}`, style: { bold: true, fill: HEADER_FILL, border: true } });
  }
  ops.push({ kind: 'setRowHeights', sheet, heights });
  // "Druk het af": portrait, one page wide and as many tall as needed, the whole document, no repeated rows
  ops.push({ kind: 'setPageSetup', sheet, orientation: 'portrait', fitToWidth: 1, printArea: `A1:${last}${rows.length}` });
  return ops;
}
