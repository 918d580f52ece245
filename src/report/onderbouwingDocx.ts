/**
 * Renders the onderbouwing as a Word document (.docx) that a gemeente can send to the
 * raad, open and edit: a first page (wijk, date, participants, summary), the method, the
 * team's choice, the top 15 as a chart and a table, conclusions, afspraken and acties, the
 * notes chosen for it, and the scores in a landscape appendix. Headings use Word's
 * heading styles (the navigation pane and screen readers find them), table header rows
 * repeat on each page, and columns are never narrower than their longest word.
 *
 * Runs in the browser (task pane, loaded as its own chunk) and in Node (CLI); the chart
 * is rasterised by the caller (`Rasterize`), because that needs a canvas or a native
 * library that differ between the two.
 */
import { nameKey } from '../core/names';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  KOPPELKANS_DEFINITIE,
  METHOD_SCORING,
  METHOD_START_NOT_DECISION,
  METHOD_STEPS,
  dutchList,
  notChosenSentence,
  type MarkedNote,
  type OnderbouwingModel,
} from '../core/onderbouwing';
import { isoTextToDutch } from '../core/dates';
import { noteKindLabel } from '../core/notes';
import { chartGeometry, chartSvg } from '../core/topChart';
import { widestWordEm } from '../core/textMetrics';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Turns an SVG document into PNG bytes of `width` × `height` pixels (the SVG's own size
 * times the scale the caller wants). Node: resvg (src/cli/rasterize.ts); browser: a canvas.
 */
export type Rasterize = (svg: string, width: number, height: number) => Promise<Uint8Array>;

/** A4 text width in twips with 2.54 cm margins: portrait and landscape. */
const TEXT_WIDTH = { portrait: 11906 - 2 * 1440, landscape: 16838 - 2 * 1440 };

/** Body text 11 pt, tables 10 pt (Word's half-points). */
const BODY_SIZE = 22;
const TABLE_SIZE = 20;

/** Left + right cell margin in twips (Word's default is 108 each side). */
export const CELL_MARGIN = 2 * 100;

/** Twips per em at a font size in Word's half-points (11 pt = 22 half-points = 220 twips per em). */
export function twipsPerEm(halfPoints: number): number {
  return halfPoints * 10;
}

/** Body words wider than this (em) may be broken by Word rather than widen their column further. */
const MAX_BODY_WORD_EM = 13;

/**
 * Column widths in twips for a table `width` twips wide: every column at least as wide as
 * its header's widest word (bold) and its cells' widest word (up to MAX_BODY_WORD_EM),
 * plus cell margins, by the estimate of core/textMetrics (DejaVu Sans, wider than Calibri); what is left is shared by `weights`. When even the
 * minimum widths do not fit, null (the caller uses a smaller font).
 */
export function columnWidths(
  header: readonly string[],
  rows: readonly string[][],
  weights: readonly number[],
  width: number,
  halfPoints: number,
): number[] | null {
  const em = twipsPerEm(halfPoints);
  const min = header.map((h, i) => {
    const body = Math.min(MAX_BODY_WORD_EM, Math.max(0, ...rows.map((r) => widestWordEm(r[i] ?? ''))));
    return Math.ceil(Math.max(widestWordEm(h, true), body) * em + CELL_MARGIN);
  });
  const need = min.reduce((a, b) => a + b, 0);
  if (need > width) return null;
  // share the whole width by weight, then lift every column to its minimum, taking the difference from the others' surplus
  const sum = weights.reduce((a, b) => a + b, 0);
  let widths = weights.map((w) => (w / sum) * width);
  for (let pass = 0; pass < header.length; pass++) {
    const short = widths.reduce((acc, w, i) => acc + Math.max(0, min[i] - w), 0);
    if (short <= 0.5) break;
    const surplus = widths.map((w, i) => Math.max(0, w - min[i]));
    const total = surplus.reduce((a, b) => a + b, 0);
    widths = widths.map((w, i) => (w < min[i] ? min[i] : w - (surplus[i] / total) * short));
  }
  const out = widths.map((w) => Math.floor(w));
  out[out.length - 1] += width - out.reduce((a, b) => a + b, 0);
  return out;
}

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

/** A body paragraph; `keepNext` keeps it on the page of what follows (an intro with its table or chart). */
function p(text: string, opts: RunOptions = {}, keepNext = false): Paragraph {
  return new Paragraph({ children: lines(text, opts), spacing: { after: 120 }, keepNext: keepNext || undefined });
}

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/** Space before a heading in twips: a heading right under a table otherwise sits against its last row. */
const HEADING_SPACE_BEFORE: Partial<Record<Level, number>> = { [HeadingLevel.HEADING_1]: 360, [HeadingLevel.HEADING_2]: 240, [HeadingLevel.HEADING_3]: 160 };

function h(text: string, level: Level, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    children: lines(text),
    heading: level,
    pageBreakBefore,
    keepNext: true,
    spacing: { before: HEADING_SPACE_BEFORE[level] ?? 0, after: 80 },
  });
}

function bullet(children: TextRun[]): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children });
}

/** Numbers the Dutch way: "12", "12,5", "−3,25". */
function fmt(n: number | null): string {
  if (n === null) return '–';
  const r = Math.round(n * 100) / 100;
  const s = (Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(2).replace(/0$/, '')).replace('.', ',');
  return r < 0 ? `−${s}` : s;
}

/** A number as `fmt` and `rank` write it ("12", "12,5", "−3", "–" for none). */
const NUMERIC_CELL = /^(?:[−-]?\d+(?:,\d+)?|–)$/;

/**
 * Whether column `i` holds numbers (totals, weights, scores, ranks, places, counts): at
 * least one cell is a number and every other cell is a number, "–", empty or "ongeldig".
 * Such columns are right-aligned, header included, so that digits line up.
 */
export function isNumericColumn(rows: readonly string[][], i: number): boolean {
  const cells = rows.map((r) => (r[i] ?? '').trim());
  return cells.some((c) => NUMERIC_CELL.test(c) && c !== '–') && cells.every((c) => c === '' || c === 'ongeldig' || NUMERIC_CELL.test(c));
}

/**
 * A table over `width` twips: a header row that repeats on every page (Word's "repeat as
 * header row", which screen readers also use), rows that do not split across pages, and
 * fixed column widths no narrower than their longest word. `weights` share what is left.
 */
function table(header: string[], rows: string[][], weights: number[], width: number, size = TABLE_SIZE): Table {
  let fontSize = size;
  let widths = columnWidths(header, rows, weights, width, fontSize);
  while (!widths && fontSize > 14) {
    fontSize -= 2;
    widths = columnWidths(header, rows, weights, width, fontSize);
  }
  const columnWidthsTw = widths ?? weights.map((w) => Math.floor((w / weights.reduce((a, b) => a + b, 0)) * width));
  const numeric = header.map((_, i) => isNumericColumn(rows, i));
  const cell = (t: string, i: number, head = false) =>
    new TableCell({
      width: { size: columnWidthsTw[i], type: WidthType.DXA },
      margins: { left: CELL_MARGIN / 2, right: CELL_MARGIN / 2, top: 40, bottom: 40 },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'DDEBF7' } : undefined,
      // the header row keeps with the first row below it (Word's way to keep rows together): alone at the foot of a page it is
      // an orphan, and LibreOffice then dropped the rows that should follow it (the whole top-15 table went missing)
      children: [
        new Paragraph({
          alignment: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          keepNext: head || undefined,
          children: lines(t, { bold: head, size: fontSize }),
        }),
      ],
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: columnWidthsTw,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((x, i) => cell(x, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i)) })),
    ],
  });
}

/** "2027-01-15" (optionally with " hh:mm") the Dutch way: "15-01-2027"; anything else as it is (src/core/dates.ts). */
export function dutchDate(value: string): string {
  return isoTextToDutch(value);
}

function rank(n: number | null): string {
  return n === null ? '–' : String(n);
}

/** The lead of a note: its kind, step and success factor; the author and time only when chosen. */
function noteHead(n: MarkedNote, withAuthor: boolean): string {
  const parts = [noteKindLabel(n.kind)];
  if (n.step) parts.push(n.step);
  if (n.factor) parts.push(n.factor);
  let head = parts.join(', ');
  if (withAuthor && (n.author || n.time)) head += ` (${[n.author, dutchDate(n.time)].filter(Boolean).join(', ')})`;
  return `${head}: `;
}

function noteParagraph(n: MarkedNote, withAuthor: boolean): Paragraph {
  return bullet([new TextRun({ text: xmlSafe(noteHead(n, withAuthor)), italics: true }), ...lines(n.text)]);
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

/** The chart as an image: SVG with a PNG fallback (Word before 2019 and LibreOffice show the PNG), 15.9 cm wide. */
export async function chartImage(m: OnderbouwingModel, rasterize: Rasterize): Promise<ImageRun | null> {
  if (m.chart.length === 0) return null;
  const g = chartGeometry(m.chart);
  const svg = chartSvg(g, `Automatische top 15${m.wijk ? ` – ${m.wijk}` : ''}`);
  const scale = 2;
  const png = await rasterize(svg, g.width * scale, g.height * scale);
  // 600 px ≈ 15.9 cm at 96 dpi: the text width of an A4 page with 2.54 cm margins
  const width = 600;
  const height = Math.round((g.height / g.width) * width);
  return new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(svg),
    fallback: { type: 'png', data: png },
    transformation: { width, height },
    altText: { name: 'Grafiek automatische top 15', title: 'Grafiek van de automatische top 15', description: xmlSafe(m.chartAlt) },
  });
}

/**
 * The Word document for a model. `chart` is the chart image (from `chartImage`), or null
 * when there is nothing to draw or no rasteriser.
 */
export function onderbouwingDocument(m: OnderbouwingModel, chart: ImageRun | null = null): Document {
  const W = TEXT_WIDTH.portrait;
  const withAuthor = m.options.authorNames;
  const title = `Onderbouwing koppelkansen${m.wijk ? ` – ${m.wijk}` : ''}`;
  const placeOf = new Map(m.chosen.map((c) => [nameKey(c.koppelkans), c.place]));
  const children: (Paragraph | Table)[] = [];

  // first page: title, wijk and date, participants, summary
  children.push(new Paragraph({ children: lines(title), heading: HeadingLevel.TITLE }));
  children.push(p(`Keuze van koppelkansen voor het wijkuitvoeringsplan (WUP)${m.wijk ? ` van ${m.wijk}` : ''}, ${m.date}.`, { italics: true }));
  children.push(
    new Paragraph({
      spacing: { after: 240 },
      children: [new TextRun({ text: 'Deelnemers: ', bold: true }), ...lines(m.deelnemers.length ? `${dutchList(m.deelnemers)}.` : 'niet vastgelegd.')],
    }),
  );
  children.push(h('Samenvatting', HeadingLevel.HEADING_1));
  for (const s of m.summary) children.push(p(s));

  // 1. method, for readers who were not in the room
  children.push(h('1. Werkwijze', HeadingLevel.HEADING_1, true));
  children.push(p(KOPPELKANS_DEFINITIE));
  children.push(
    p(
      `Het team${m.wijk ? ` voor ${m.wijk}` : ''} volgde de werkwijze “Koppelkansen kiezen” uit het Spoorboekje van de gemeente Lelystad (hoofdstuk 3), in vier stappen:`,
    ),
  );
  for (const s of METHOD_STEPS) {
    children.push(
      new Paragraph({ numbering: undefined, bullet: { level: 0 }, children: [new TextRun({ text: `${s.stap} – ${s.titel}. `, bold: true }), ...lines(s.wat)] }),
    );
  }
  children.push(h('Scores, totalen en rangen', HeadingLevel.HEADING_2));
  for (const s of METHOD_SCORING) children.push(p(s));
  children.push(h('Succesfactoren en wegingen', HeadingLevel.HEADING_2));
  if (m.factors.length === 0) children.push(p('Er zijn geen succesfactoren vastgelegd.'));
  else {
    children.push(p('Het team scoorde elke koppelkans op deze succesfactoren, met deze wegingen:', {}, true));
    children.push(
      table(
        ['Succesfactor', 'Weging', 'Waarom deze succesfactor'],
        m.factors.map((f) => [f.name, fmt(f.weging), f.waarom]),
        [3, 1, 6],
        W,
      ),
    );
  }
  children.push(h('Startpunt, geen besluit', HeadingLevel.HEADING_2));
  children.push(p(METHOD_START_NOT_DECISION));

  // 2. the team's choice
  children.push(h('2. De keuze van het team', HeadingLevel.HEADING_1));
  if (m.chosen.length === 0) children.push(p('Het team heeft nog geen eigen volgorde vastgelegd.'));
  else {
    children.push(
      p(
        'De koppelkansen die het team meeneemt in het wijkuitvoeringsplan, in de volgorde van het team, met de reden en wie verantwoordelijk is. Rang is de automatische rang die uit de scores volgt.',
        {},
        true,
      ),
    );
    children.push(
      table(
        // "Rang" as in chapter 3 (the intro says it is the automatic one): "Automatische" as a header word took the room of the team's reasons
        ['Plaats', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Rang'],
        m.chosen.map((c) => [String(c.place), c.koppelkans + (c.minderConcreet ? ' (minder concreet)' : ''), c.omdat, c.verantwoordelijke, rank(c.autoRank)]),
        [1, 4, 5, 2.6, 1.6],
        W,
      ),
    );
    children.push(h('Afwijkingen van de automatische volgorde', HeadingLevel.HEADING_2));
    if (m.deviations.length === 0) children.push(p('Het team volgde de automatische volgorde.'));
    else {
      children.push(p('Hier koos het team een andere plaats dan de rang die uit de scores volgt, en waarom.', {}, true));
      children.push(
        table(
          ['Koppelkans', 'Plaats bij het team', 'Automatische rang', 'Waarom (Omdat…)'],
          m.deviations.map((d) => [d.koppelkans, String(d.place), rank(d.autoRank), d.omdat || '(geen reden vastgelegd)']),
          [4, 1.6, 1.6, 6],
          W,
        ),
      );
    }
    if (m.minderConcreet.length) {
      children.push(h('Nog minder concrete koppelkansen', HeadingLevel.HEADING_2));
      children.push(
        p(
          'Deze koppelkansen zijn belangrijk, maar nog niet concreet genoeg om uit te voeren. Zoals het Spoorboekje vraagt, is iemand verantwoordelijk om ze concreet te maken.',
          {},
          true,
        ),
      );
      children.push(
        table(
          ['Plaats', 'Koppelkans', 'Maakt hem concreet'],
          m.minderConcreet.map((x) => [String(x.place), x.koppelkans, x.wie || '(nog niemand aangewezen)']),
          [1, 6, 3],
          W,
        ),
      );
    }
  }

  // 3. the automatic top 15: chart and table
  children.push(h('3. Automatische top 15', HeadingLevel.HEADING_1));
  if (m.top.length === 0) children.push(p('Er zijn nog geen gescoorde koppelkansen.'));
  else {
    // heading and intro stay with the chart; the chart does not keep with the (long) table, which may start on the next page
    children.push(
      p(
        'De rangorde volgens de gewogen totalen; gelijke totalen delen een rang. De koppelkansen die het team koos zijn donker en dragen hun plaats (“keuze 1”).',
        {},
        !!chart,
      ),
    );
    if (chart) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [chart], spacing: { after: 120 } }));
    children.push(
      table(
        ['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Plaats bij het team'],
        m.top.map((e) => [String(e.rank), e.opgave, e.koppelkans, fmt(e.total), rank(placeOf.get(nameKey(e.koppelkans)) ?? null)]),
        [1, 3, 5, 1.2, 1.6],
        W,
      ),
    );
    if (m.notChosen.length) {
      // after the table, not in chapter 2: there it pushed the chart (kept with its heading) to the next page and left half a page blank;
      // a few names, not a second table of the rows just above
      children.push(h('Niet gekozen uit de automatische top 15', HeadingLevel.HEADING_2));
      children.push(p(notChosenSentence(m.notChosen)));
    }
  }

  if (m.robustness.length || m.robustnessDetail.length) {
    children.push(h('Hoe vast ligt de automatische volgorde?', HeadingLevel.HEADING_2));
    children.push(p('Wat er met de top 15 gebeurt als één weging of één score anders was geweest, telkens met de andere gelijk:', {}, true));
    for (const s of [...m.robustness, ...m.robustnessDetail]) children.push(bullet(lines(s)));
  }

  // 4. conclusions
  children.push(h('4. Conclusies per stap', HeadingLevel.HEADING_1));
  for (const c of m.conclusions) {
    children.push(h(`${c.stap}: ${c.vraag}`, HeadingLevel.HEADING_3));
    children.push(p(c.text || '(geen conclusie vastgelegd)', { italics: !c.text }));
  }

  // 5. afspraken en acties
  children.push(h('5. Afspraken en acties', HeadingLevel.HEADING_1));
  if (m.actions.length === 0) children.push(p('Er zijn geen afspraken of acties vastgelegd.'));
  else
    children.push(
      table(
        ['Soort', 'Wat', 'Koppelkans', 'Verantwoordelijke', 'Datum'],
        m.actions.map((a) => [noteKindLabel(a.kind), a.text, a.koppelkans, a.verantwoordelijke, dutchDate(a.date)]),
        [1.6, 5, 3, 2.4, 1.8],
        W,
      ),
    );

  // 6. notes chosen for the onderbouwing
  children.push(h('6. Uit het gesprek', HeadingLevel.HEADING_1));
  if (m.notesByKoppelkans.length === 0 && m.generalNotes.length === 0) {
    children.push(p('De notulist heeft geen andere notities voor deze onderbouwing gekozen.'));
  } else {
    children.push(p('Conclusies en notities die de notulist voor deze onderbouwing heeft gekozen.', {}, true));
    for (const g of m.notesByKoppelkans) {
      children.push(h(g.koppelkans, HeadingLevel.HEADING_3));
      const where = [
        g.place !== null ? `plaats ${g.place} in de keuze van het team` : 'niet gekozen',
        g.autoRank !== null ? `automatische rang ${g.autoRank}` : 'geen totaal',
      ];
      children.push(p(`(${where.join('; ')})`, { italics: true }, true));
      for (const n of g.notes) children.push(noteParagraph(n, withAuthor));
    }
    if (m.generalNotes.length) {
      children.push(h('Algemeen', HeadingLevel.HEADING_3));
      for (const n of m.generalNotes) children.push(noteParagraph(n, withAuthor));
    }
  }

  if (m.checklist) {
    children.push(h('7. Basiselementen van de WUP', HeadingLevel.HEADING_1));
    children.push(
      table(
        ['Onderdeel', 'Klaar', 'Bezig', 'Aantal'],
        m.checklist.progress.map((x) => [x.onderdeel, String(x.klaar), String(x.bezig), String(x.total)]),
        [5, 1, 1, 1],
        W,
      ),
    );
    if (m.checklist.deadlineYear !== null) {
      children.push(p(`Overstap laatste woning: ${m.checklist.overstapYear}. De WUP moet uiterlijk in ${m.checklist.deadlineYear} zijn vastgesteld.`));
    }
  }
  children.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Gemaakt met Koppelkansen Kiezen', italics: true, size: 16 })] }),
  );

  const sections: ISectionOptions[] = [{ footers: { default: footer() }, children }];
  let appendix = 0;
  if (m.appendixNotes.length) {
    appendix++;
    sections.push({
      footers: { default: footer() },
      children: [
        h(`Bijlage ${appendix}: overige notities uit het gesprek`, HeadingLevel.HEADING_1),
        p('Discussie en redenering zoals de notulist die vastlegde, zonder de notities die niet in de onderbouwing horen.', { italics: true }),
        ...m.appendixNotes.map((n) => noteParagraph({ ...n, text: n.koppelkans ? `${n.koppelkans}: ${n.text}` : n.text }, withAuthor)),
      ],
    });
  }
  if (m.scores.length) {
    // the scores table is wide (a column per succesfactor): the only landscape pages
    appendix++;
    const L = TEXT_WIDTH.landscape;
    const weight = (w: number | null) => (w === null || w === 1 ? '' : ` (×${fmt(w)})`);
    sections.push({
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
      footers: { default: footer() },
      children: [
        h(`Bijlage ${appendix}: scores per koppelkans en succesfactor`, HeadingLevel.HEADING_1),
        p(
          'Hele getallen van −10 tot en met 10; leeg is niet gescoord. Tussen haakjes de weging van een succesfactor als die niet 1 is.',
          { italics: true },
          true,
        ),
        table(
          ['Koppelkans', ...m.factors.map((f) => `${f.name}${weight(f.weging)}`), 'Totaal', 'Rang'],
          m.scores.map((s) => [
            s.koppelkans,
            ...s.scores.map((x) => (x === null ? '' : fmt(x))),
            s.status === 'invalid' ? 'ongeldig' : fmt(s.total),
            rank(s.rank),
          ]),
          [3.2, ...m.factors.map(() => 1.1), 1, 0.8],
          L,
          16,
        ),
        ...(m.scoresLeftOut ? [p(m.scoresLeftOut, { italics: true })] : []),
      ],
    });
  }

  return new Document({
    creator: 'Koppelkansen Kiezen',
    title: xmlSafe(title),
    description: 'Onderbouwing van de keuze van koppelkansen voor het wijkuitvoeringsplan',
    styles: { default: { document: { run: { font: 'Calibri', size: BODY_SIZE } } } },
    sections,
  });
}

/**
 * The .docx bytes for a model. With `rasterize` the top-15 chart is drawn as an image
 * (SVG with a PNG fallback); without it the document has the table only.
 */
export async function onderbouwingDocx(m: OnderbouwingModel, rasterize?: Rasterize): Promise<Uint8Array> {
  const chart = rasterize ? await chartImage(m, rasterize) : null;
  const buf = await Packer.toArrayBuffer(onderbouwingDocument(m, chart));
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
