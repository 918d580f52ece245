/**
 * The onderbouwing as a new worksheet in the workbook: for hosts where the pane cannot
 * save a file (Excel for Windows and Mac). The same model as the Word document, as a
 * printable, editable sheet. Each run adds a new sheet with the date in its name, so a
 * sheet the team has already edited is never written over.
 */
import { cellAddress, columnLetter } from './a1';
import type { OnderbouwingModel } from './onderbouwing';
import type { CellInput, PlanOp } from './snapshot';
import { sameName } from './layout';
import { noteKindLabel } from './notes';

const text = (s: string): CellInput => ({ text: s });
const num = (n: number | null): CellInput => (n === null ? { clear: true } : { number: n });
const HEADER_FILL = '#DDEBF7';
const WIDTH = 6;

/** "Onderbouwing 29-11-2026", or with " (2)", " (3)"… when that name is taken. */
export function onderbouwingSheetName(date: string, existing: readonly string[]): string {
  const base = `Onderbouwing ${date}`.slice(0, 31);
  if (!existing.some((n) => sameName(n, base))) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`;
    if (!existing.some((n) => sameName(n, name))) return name;
  }
}

export function onderbouwingSheetOps(model: OnderbouwingModel, sheet: string): PlanOp[] {
  const rows: CellInput[][] = [];
  const headerRows: number[] = [];
  const titleRows: number[] = [];
  const add = (...cells: CellInput[]) => rows.push(cells);
  const title = (s: string) => {
    if (rows.length) add();
    add(text(s));
    titleRows.push(rows.length);
  };
  const header = (...labels: string[]) => {
    add(...labels.map(text));
    headerRows.push(rows.length);
  };
  const none = (s: string) => add(text(s));

  add(text(`Onderbouwing koppelkansen${model.wijk ? ` – ${model.wijk}` : ''}`));
  add(text(`Gemaakt op ${model.date} uit de werkmap Koppelkansen Kiezen. Dit blad is een momentopname: het verandert niet als de werkmap verandert.`));
  if (model.problems > 0) add(text(`Let op: de werkmap heeft ${model.problems} fout(en); zie Controle in de invoegtoepassing.`));

  title('Gekozen koppelkansen (Prioritering)');
  if (model.chosen.length) {
    header('Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Afwijking');
    for (const c of model.chosen) {
      add(num(c.place), text(c.koppelkans), text(c.omdat), text(c.verantwoordelijke), num(c.autoRank), text(c.deviates ? 'ja' : ''));
    }
  } else none('Het team heeft nog geen volgorde vastgelegd op Prioritering.');

  title('Succesfactoren en wegingen');
  header('Succesfactor', 'Weging');
  for (const f of model.factors) add(text(f.name), num(f.weging));

  title('Automatische top 15');
  if (model.top.length) {
    header('Rang', 'Koppelkans', 'Totaal', 'Gescoord', 'Plaats van het team');
    const placeOf = new Map(model.chosen.map((c) => [c.koppelkans.trim().toLowerCase(), c.place]));
    for (const e of model.top) {
      add(num(e.rank), text(e.koppelkans), num(e.total), text(`${e.scored} van ${e.factors}`), num(placeOf.get(e.koppelkans.trim().toLowerCase()) ?? null));
    }
  } else none('Nog geen koppelkans met een totaal.');

  title('Waar het team afwijkt van de automatische volgorde');
  if (model.deviations.length) {
    header('Koppelkans', 'Plaats', 'Automatische rang', 'Omdat…');
    for (const d of model.deviations) add(text(d.koppelkans), num(d.place), num(d.autoRank), text(d.omdat || '(nog geen reden)'));
  } else none('Geen afwijkingen.');

  title('Conclusies per stap');
  header('Stap', 'Vraag', 'Conclusie');
  for (const c of model.conclusions) add(text(c.stap), text(c.vraag), text(c.text || '(nog niet vastgelegd)'));

  title('Acties en afspraken');
  if (model.actions.length) {
    header('Soort', 'Wat', 'Verantwoordelijke', 'Datum', 'Koppelkans');
    for (const n of model.actions) add(text(noteKindLabel(n.kind)), text(n.text), text(n.verantwoordelijke), text(n.date), text(n.koppelkans));
  } else none('Geen acties of afspraken vastgelegd.');

  title('Notities per koppelkans');
  if (model.notesByKoppelkans.length || model.generalNotes.length) {
    header('Koppelkans', 'Soort', 'Stap', 'Notitie', 'Auteur', 'Tijd');
    for (const g of model.notesByKoppelkans) {
      for (const n of g.notes) add(text(g.koppelkans), text(noteKindLabel(n.kind)), text(n.step), text(n.text), text(n.author), text(n.time));
    }
    for (const n of model.generalNotes) add(text('(algemeen)'), text(noteKindLabel(n.kind)), text(n.step), text(n.text), text(n.author), text(n.time));
  } else none('Geen notities.');

  title('Scores per succesfactor');
  header('Koppelkans', ...model.factors.map((f) => f.name), 'Totaal', 'Rang');
  for (const s of model.scores) add(text(s.koppelkans), ...s.scores.map(num), num(s.total), num(s.rank));

  const width = Math.max(WIDTH, ...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): CellInput => ({ clear: true }))]);
  const last = columnLetter(width);
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet },
    { kind: 'setCells', sheet, cell: 'A1', cells: block },
    { kind: 'setStyle', sheet, range: `A1:${last}${rows.length}`, style: { wrap: true, verticalAlignment: 'top' } },
    { kind: 'setStyle', sheet, range: 'A1', style: { bold: true, fontSize: 16, wrap: false } },
    { kind: 'setStyle', sheet, range: 'A2', style: { italic: true, wrap: false } },
    {
      kind: 'setColumnWidths',
      sheet,
      widths: [
        { column: 'A', width: 34 },
        { column: 'B', width: 40 },
        { column: 'C', width: 40 },
        { column: 'D', width: 40 },
        ...Array.from({ length: width - 4 }, (_, i) => ({ column: columnLetter(i + 5), width: 18 })),
      ],
    },
  ];
  for (const r of titleRows) ops.push({ kind: 'setStyle', sheet, range: cellAddress(r, 1), style: { bold: true, fontSize: 13, wrap: false } });
  for (const r of headerRows) {
    const n = rows[r - 1].length;
    ops.push({ kind: 'setStyle', sheet, range: `A${r}:${columnLetter(n)}${r}`, style: { bold: true, fill: HEADER_FILL, border: true } });
  }
  return ops;
}
