/**
 * Renders the onderbouwing as a Word document (.docx) that a gemeente can open and
 * edit. Runs in the browser (task pane, loaded as its own chunk) and in Node (CLI).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { OnderbouwingModel } from '../core/onderbouwing';
import type { Note } from '../core/notes';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A4 text width in twips with 2.54 cm margins: portrait and landscape. */
const TEXT_WIDTH = { portrait: 11906 - 2 * 1440, landscape: 16838 - 2 * 1440 };

/**
 * Characters that XML 1.0 does not allow (control characters other than tab and line
 * breaks, lone surrogates) would make Word refuse the whole file: they are left out.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: XML 1.0 forbids them
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

type RunOptions = { bold?: boolean; italics?: boolean; size?: number };

/** Text with its line breaks kept (Excel's Alt+Enter becomes a line break in Word). */
function lines(text: string, opts: RunOptions = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, ...opts }));
}

function p(text: string, opts: RunOptions = {}): Paragraph {
  return new Paragraph({ children: lines(text, opts) });
}

function h(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ children: lines(text), heading: level });
}

function bullet(children: TextRun[]): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children });
}

function fmt(n: number | null): string {
  if (n === null) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ',');
}

/** A table over the text width; `weights` share the width between the columns. */
function table(header: string[], rows: string[][], weights: number[], width: number, size?: number): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((w / sum) * width));
  const cell = (t: string, i: number, head = false) =>
    new TableCell({
      width: { size: columnWidths[i], type: WidthType.DXA },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DDEBF7' } : undefined,
      children: [new Paragraph({ children: lines(t, { bold: head, size }) })],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((x, i) => cell(x, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i)) })),
    ],
  });
}

/** "2027-01-15" (optionally with a time) the Dutch way: "15-01-2027"; anything else as it is. */
export function dutchDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(value.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}${m[4]}` : value;
}

function rank(n: number | null): string {
  return n === null ? '–' : String(n);
}

function noteHead(n: Note, withStep: boolean): string {
  const parts = [withStep && n.step ? `${n.step}, ${n.kind}` : n.kind];
  if (n.factor) parts.push(`(${n.factor})`);
  let head = parts.join(' ');
  if (n.verantwoordelijke) head += `, verantwoordelijke ${n.verantwoordelijke}`;
  if (n.date) head += `, vóór ${dutchDate(n.date)}`;
  return `${head} – ${n.author || 'onbekend'}${n.time ? `, ${dutchDate(n.time)}` : ''}: `;
}

function noteParagraph(n: Note, withStep: boolean): Paragraph {
  return bullet([new TextRun({ text: xmlSafe(noteHead(n, withStep)), bold: true }), ...lines(n.text)]);
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 16 })],
      }),
    ],
  });
}

export function onderbouwingDocument(m: OnderbouwingModel): Document {
  const W = TEXT_WIDTH.portrait;
  const title = `Onderbouwing koppelkansen${m.wijk ? ` – ${m.wijk}` : ''}`;
  const placeOf = new Map(m.chosen.map((c) => [c.koppelkans.trim().toLowerCase(), c.place]));
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ children: lines(title), heading: HeadingLevel.TITLE }));
  children.push(p(`Wijkuitvoeringsplan: keuze van de koppelkansen${m.wijk ? ` voor de wijk ${m.wijk}` : ''}. Opgesteld op ${m.date} met het werkblad Koppelkansen Kiezen.`, { italics: true }));
  if (m.problems > 0) children.push(p(`Let op: de werkmap bevat nog ${m.problems} fout(en); sommige totalen ontbreken.`, { bold: true }));

  children.push(h('1. Gekozen koppelkansen', HeadingLevel.HEADING_1));
  if (m.chosen.length === 0) children.push(p('Het team heeft nog geen eigen prioritering vastgelegd.'));
  else {
    children.push(p('De volgorde van het team (tabblad Prioritering), met de reden en wie verantwoordelijk is.'));
    children.push(
      table(
        ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang'],
        m.chosen.map((c) => [String(c.place), c.koppelkans, c.omdat, c.verantwoordelijke, rank(c.autoRank)]),
        [1.7, 4, 4.5, 2.6, 1.9],
        W,
      ),
    );
  }

  children.push(h('2. Waar het team afweek van de automatische volgorde', HeadingLevel.HEADING_1));
  if (m.chosen.length === 0) children.push(p('Er is nog geen keuze van het team om te vergelijken.'));
  else if (m.deviations.length === 0) children.push(p('Het team volgde de automatische volgorde.'));
  else
    children.push(
      table(
        ['Koppelkans', 'Plaats team', 'Automatische rang', 'Reden (Omdat…)'],
        m.deviations.map((d) => [d.koppelkans, String(d.place), rank(d.autoRank), d.omdat || '(geen reden vastgelegd)']),
        [4, 1.5, 1.9, 5.5],
        W,
      ),
    );
  if (m.chosen.length && m.notChosen.length) {
    children.push(p('Uit de automatische top 15 niet gekozen:', { bold: true }));
    for (const e of m.notChosen) children.push(bullet(lines(`${e.koppelkans} (rang ${e.rank}, totaal ${fmt(e.total)})`)));
  }

  children.push(h('3. Automatische top 15', HeadingLevel.HEADING_1));
  if (m.top.length === 0) children.push(p('Er zijn nog geen gescoorde koppelkansen.'));
  else {
    children.push(p('De rangorde volgens de gewogen totalen (tabblad Resultaat); gelijke totalen delen een rang.'));
    children.push(
      table(
        ['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Plaats team'],
        m.top.map((e) => [String(e.rank), e.opgave, e.koppelkans, fmt(e.total), rank(placeOf.get(e.koppelkans.trim().toLowerCase()) ?? null)]),
        [1, 3, 5, 1.2, 1.6],
        W,
      ),
    );
  }

  children.push(h('4. Succesfactoren en wegingen', HeadingLevel.HEADING_1));
  if (m.factors.length === 0) children.push(p('Er zijn geen succesfactoren gevonden.'));
  else {
    children.push(table(['Succesfactor', 'Weging'], m.factors.map((f) => [f.name, fmt(f.weging)]), [5, 1.5], W));
    if (m.scores.length) children.push(p('De scores per koppelkans en succesfactor staan in de bijlage.'));
  }

  children.push(h('5. Conclusies per stap', HeadingLevel.HEADING_1));
  for (const c of m.conclusions) {
    children.push(h(`${c.stap}: ${c.vraag}`, HeadingLevel.HEADING_3));
    children.push(p(c.text || '(nog geen conclusie vastgelegd)', { italics: !c.text }));
  }

  children.push(h('6. Acties en afspraken', HeadingLevel.HEADING_1));
  if (m.actions.length === 0) children.push(p('Er zijn geen acties of afspraken vastgelegd.'));
  else
    children.push(
      table(
        ['Soort', 'Wat', 'Koppelkans', 'Verantwoordelijke', 'Datum'],
        m.actions.map((a) => [a.kind, a.text, a.koppelkans, a.verantwoordelijke, dutchDate(a.date)]),
        [1.9, 4.6, 3, 2.4, 1.9],
        W,
      ),
    );

  children.push(h('7. Notities per koppelkans', HeadingLevel.HEADING_1));
  if (m.notesByKoppelkans.length === 0 && m.generalNotes.length === 0) children.push(p('Er zijn geen notities vastgelegd.'));
  for (const g of m.notesByKoppelkans) {
    children.push(h(g.koppelkans, HeadingLevel.HEADING_3));
    const where = [g.place !== null ? `plaats ${g.place} in de keuze van het team` : 'niet gekozen', g.autoRank !== null ? `automatische rang ${g.autoRank}` : 'geen totaal'];
    children.push(p(`(${where.join('; ')})`, { italics: true }));
    for (const n of g.notes) children.push(noteParagraph(n, true));
  }
  if (m.generalNotes.length) {
    children.push(h('Algemene notities', HeadingLevel.HEADING_3));
    for (const n of m.generalNotes) children.push(noteParagraph(n, true));
  }

  if (m.checklist) {
    children.push(h('8. WUP checklist', HeadingLevel.HEADING_1));
    children.push(table(['Onderdeel', 'Klaar', 'Bezig', 'Aantal'], m.checklist.progress.map((x) => [x.onderdeel, String(x.klaar), String(x.bezig), String(x.total)]), [5, 1, 1, 1], W));
    if (m.checklist.deadlineYear !== null) {
      children.push(p(`Overstap laatste woning: ${m.checklist.overstapYear}. De WUP moet uiterlijk in ${m.checklist.deadlineYear} zijn vastgesteld.`));
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Gemaakt met Koppelkansen Kiezen', italics: true, size: 16 })] }));

  const sections: ISectionOptions[] = [{ footers: { default: footer() }, children }];
  if (m.scores.length) {
    // the scores table is wide (a column per succesfactor): a landscape appendix
    const L = TEXT_WIDTH.landscape;
    const weight = (w: number | null) => (w === null || w === 1 ? '' : ` (×${fmt(w)})`);
    sections.push({
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
      footers: { default: footer() },
      children: [
        h('Bijlage: scores per koppelkans en succesfactor', HeadingLevel.HEADING_1),
        p('Hele getallen van −10 tot 10; leeg is niet gescoord. Tussen haakjes de weging van een succesfactor als die niet 1 is.', { italics: true }),
        table(
          ['Koppelkans', ...m.factors.map((f) => `${f.name}${weight(f.weging)}`), 'Totaal', 'Rang'],
          m.scores.map((s) => [s.koppelkans, ...s.scores.map((x) => (x === null ? '' : String(x))), s.status === 'invalid' ? 'ongeldig' : fmt(s.total), rank(s.rank)]),
          [3, ...m.factors.map(() => 1.1), 1, 0.8],
          L,
          16,
        ),
      ],
    });
  }

  return new Document({
    creator: 'Koppelkansen Kiezen',
    title: xmlSafe(title),
    description: 'Onderbouwing van de keuze van koppelkansen voor het wijkuitvoeringsplan',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections,
  });
}

export async function onderbouwingDocx(m: OnderbouwingModel): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(onderbouwingDocument(m));
  return new Uint8Array(buf);
}

/** The file name offered for download: "Onderbouwing koppelkansen – <wijk>.docx", safe on Windows. */
export function onderbouwingFileName(wijk: string): string {
  const safe = xmlSafe(wijk)
    // eslint-disable-next-line no-control-regex -- Windows forbids control characters in file names
    .replace(/[<>:"/\\|?*\u0000-\u001F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 80);
  return safe ? `Onderbouwing koppelkansen – ${safe}.docx` : 'Onderbouwing koppelkansen.docx';
}
