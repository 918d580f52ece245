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
import { cellAddress, columnLetter } from './a1';
import { KOPPELKANS_DEFINITIE, METHOD_SCORING, METHOD_START_NOT_DECISION, METHOD_STEPS, dutchList, type OnderbouwingModel } from './onderbouwing';
import type { CellInput, PlanOp } from './snapshot';
import { sameName } from './layout';
import { noteKindLabel } from './notes';

const text = (s: string): CellInput => ({ text: s });
const num = (n: number | null): CellInput => (n === null ? { clear: true } : { number: n });
const HEADER_FILL = '#DDEBF7';
const WIDTH = 6;
/** Column widths in characters: A numbers and labels, B names, C long text, D people, E and F short values. */
const BASE_WIDTHS = [10, 40, 50, 20, 13, 12];

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
 */
export function onderbouwingSheetOps(model: OnderbouwingModel, sheet: string): PlanOp[] {
  const rows: CellInput[][] = [];
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  const subTitleRows: number[] = [];
  const longest: number[] = [];
  const add = (...cells: CellInput[]) => rows.push(cells);
  const title = (s: string) => {
    if (rows.length) add();
    add(text(s));
    titleRows.push(rows.length);
  };
  const subTitle = (s: string) => {
    add(text(s));
    subTitleRows.push(rows.length);
  };
  const header = (...labels: string[]) => {
    add(...labels.map(text));
    headerRows.push(rows.length);
    labels.forEach((l, i) => (longest[i] = Math.max(longest[i] ?? 0, ...l.split(/\s+/).map((w) => w.length))));
  };
  /** A paragraph: its text in column B (wide, wrapped), an optional label in A. */
  const para = (s: string, label = '') => add(label ? text(label) : { clear: true }, text(s));

  // first page
  add(text(`Onderbouwing koppelkansen${model.wijk ? ` – ${model.wijk}` : ''}`));
  add(
    text(
      `Keuze van koppelkansen voor het wijkuitvoeringsplan (WUP)${model.wijk ? ` van ${model.wijk}` : ''}, ${model.date}. Dit blad is een momentopname: het verandert niet als de werkmap verandert.`,
    ),
  );
  para(model.deelnemers.length ? `${dutchList(model.deelnemers)}.` : 'Niet vastgelegd.', 'Deelnemers');
  title('Samenvatting');
  for (const s of model.summary) para(s);

  title('1. Werkwijze');
  para(KOPPELKANS_DEFINITIE);
  para('Het team volgde de werkwijze “Koppelkansen kiezen” uit het Spoorboekje van de gemeente Lelystad (hoofdstuk 3), in vier stappen:');
  for (const s of METHOD_STEPS) add(text(s.stap), text(s.titel), text(s.wat));
  subTitle('Scores, totalen en rangen');
  for (const s of METHOD_SCORING) para(s);
  subTitle('Succesfactoren en wegingen');
  header('Weging', 'Succesfactor', 'Waarom deze succesfactor');
  for (const f of model.factors) add(num(f.weging), text(f.name), text(f.waarom));
  subTitle('Startpunt, geen besluit');
  para(METHOD_START_NOT_DECISION);

  title('2. De keuze van het team');
  if (model.chosen.length) {
    header('Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Afwijking');
    for (const c of model.chosen) {
      add(
        num(c.place),
        text(c.koppelkans + (c.minderConcreet ? ' (minder concreet)' : '')),
        text(c.omdat),
        text(c.verantwoordelijke),
        num(c.autoRank),
        text(c.deviates ? 'ja' : ''),
      );
    }
    subTitle('Afwijkingen van de automatische volgorde');
    if (model.deviations.length) {
      header('Plaats', 'Koppelkans', 'Waarom (Omdat…)', 'Automatische rang');
      for (const d of model.deviations) add(num(d.place), text(d.koppelkans), text(d.omdat || '(geen reden vastgelegd)'), num(d.autoRank));
    } else para('Het team volgde de automatische volgorde.');
    if (model.notChosen.length) para(`Uit de automatische top 15 niet gekozen: ${dutchList(model.notChosen.map((e) => `${e.koppelkans} (rang ${e.rank})`))}.`);
    if (model.minderConcreet.length) {
      subTitle('Nog minder concrete koppelkansen');
      header('Plaats', 'Koppelkans', 'Maakt hem concreet');
      for (const x of model.minderConcreet) add(num(x.place), text(x.koppelkans), text(x.wie || '(nog niemand aangewezen)'));
    }
  } else para('Het team heeft nog geen eigen volgorde vastgelegd.');

  title('3. Automatische top 15');
  if (model.top.length) {
    para('De rangorde volgens de gewogen totalen; gelijke totalen delen een rang.');
    header('Rang', 'Koppelkans', 'Opgave', 'Totaal', 'Plaats bij het team');
    const placeOf = new Map(model.chosen.map((c) => [c.koppelkans.trim().toLowerCase(), c.place]));
    for (const e of model.top) add(num(e.rank), text(e.koppelkans), text(e.opgave), num(e.total), num(placeOf.get(e.koppelkans.trim().toLowerCase()) ?? null));
  } else para('Er zijn nog geen gescoorde koppelkansen.');

  if (model.robustness.length || model.robustnessDetail.length) {
    subTitle('Hoe vast ligt de automatische volgorde?');
    for (const s of [...model.robustness, ...model.robustnessDetail]) para(s);
  }

  title('4. Conclusies per stap');
  header('Stap', 'Vraag', 'Conclusie');
  for (const c of model.conclusions) add(text(c.stap), text(c.vraag), text(c.text || '(geen conclusie vastgelegd)'));

  title('5. Afspraken en acties');
  if (model.actions.length) {
    header('Soort', 'Wat', 'Koppelkans', 'Verantwoordelijke', 'Datum');
    for (const n of model.actions) add(text(noteKindLabel(n.kind)), text(n.text), text(n.koppelkans), text(n.verantwoordelijke), text(n.date));
  } else para('Er zijn geen afspraken of acties vastgelegd.');

  title('6. Uit het gesprek');
  const withAuthor = model.options.authorNames;
  const noteRow = (kind: string, koppelkans: string, t: string, step: string, author: string) =>
    add(text(noteKindLabel(kind)), text(koppelkans), text(t), text(step), ...(withAuthor ? [text(author)] : []));
  if (model.notesByKoppelkans.length || model.generalNotes.length) {
    header('Soort', 'Koppelkans', 'Notitie', 'Stap', ...(withAuthor ? ['Auteur'] : []));
    for (const g of model.notesByKoppelkans) for (const n of g.notes) noteRow(n.kind, g.koppelkans, n.text, n.step, n.author);
    for (const n of model.generalNotes) noteRow(n.kind, '(algemeen)', n.text, n.step, n.author);
  } else para('De notulist heeft geen andere notities voor deze onderbouwing gekozen.');

  if (model.checklist) {
    title('7. Basiselementen van de WUP');
    header('Klaar', 'Onderdeel', 'Bezig', 'Aantal');
    for (const x of model.checklist.progress) add(num(x.klaar), text(x.onderdeel), num(x.bezig), num(x.total));
  }

  let appendix = 0;
  if (model.appendixNotes.length) {
    title(`Bijlage ${++appendix}: overige notities uit het gesprek`);
    header('Soort', 'Koppelkans', 'Notitie', 'Stap', ...(withAuthor ? ['Auteur'] : []));
    for (const n of model.appendixNotes) noteRow(n.kind, n.koppelkans || '(algemeen)', n.text, n.step, n.author);
  }
  if (model.scores.length) {
    title(`Bijlage ${++appendix}: scores per koppelkans en succesfactor`);
    header('Rang', 'Koppelkans', ...model.factors.map((f) => f.name), 'Totaal');
    for (const s of model.scores) add(num(s.rank), text(s.koppelkans), ...s.scores.map(num), s.status === 'invalid' ? text('ongeldig') : num(s.total));
  }

  const width = Math.max(WIDTH, ...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): CellInput => ({ clear: true }))]);
  const last = columnLetter(width);
  const widths = Array.from({ length: width }, (_, i) => Math.max(BASE_WIDTHS[i] ?? 12, (longest[i] ?? 0) + 2));
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet },
    { kind: 'setCells', sheet, cell: 'A1', cells: block },
    { kind: 'setStyle', sheet, range: `A1:${last}${rows.length}`, style: { wrap: true, verticalAlignment: 'top' } },
    { kind: 'setStyle', sheet, range: 'A1', style: { bold: true, fontSize: 16, wrap: false } },
    { kind: 'setStyle', sheet, range: 'A2', style: { italic: true, wrap: false } },
    { kind: 'setColumnWidths', sheet, widths: widths.map((w, i) => ({ column: columnLetter(i + 1), width: w })) },
  ];
  for (const r of titleRows) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { bold: true, fontSize: 13, wrap: false } });
  for (const r of subTitleRows) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { bold: true, wrap: false } });
  ops.push({ kind: 'setStyle', sheet, range: 'A3', style: { bold: true } });
  for (const r of headerRows) {
    const n = rows[r - 1].length;
    ops.push({ kind: 'setStyle', sheet, range: `A${r}:${columnLetter(n)}${r}`, style: { bold: true, fill: HEADER_FILL, border: true } });
  }
  // "Druk het af": portrait, one page wide, the whole document, no repeated rows
  ops.push({ kind: 'setPageSetup', sheet, orientation: 'portrait', fitToWidth: 1, printArea: `A1:${last}${rows.length}` });
  return ops;
}
