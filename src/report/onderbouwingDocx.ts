/**
 * Renders the onderbouwing as a Word document (.docx) that a gemeente can open and
 * edit. Runs in the browser (task pane) and in Node (CLI).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { OnderbouwingModel } from '../core/onderbouwing';

function lines(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  const parts = text.split(/\r?\n/);
  return parts.map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, ...opts }));
}

function p(text: string, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ children: lines(text, opts) });
}

function h(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ text, heading: level });
}

function fmt(n: number | null): string {
  if (n === null) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ',');
}

function table(header: string[], rows: string[][]): Table {
  const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ children: lines(t, { bold }) })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((x) => cell(x, true)) }), ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) }))],
  });
}

export function onderbouwingDocument(m: OnderbouwingModel): Document {
  const children: (Paragraph | Table)[] = [];
  children.push(new Paragraph({ text: `Onderbouwing koppelkansen${m.wijk ? ` – ${m.wijk}` : ''}`, heading: HeadingLevel.TITLE }));
  children.push(p(`Wijkuitvoeringsplan: keuze van de koppelkansen. Opgesteld op ${m.date} met het werkblad Koppelkansen Kiezen.`, { italics: true }));
  if (m.problems > 0) children.push(p(`Let op: de werkmap bevat nog ${m.problems} fout(en); sommige totalen ontbreken.`, { bold: true }));

  children.push(h('1. Gekozen koppelkansen', HeadingLevel.HEADING_1));
  if (m.chosen.length === 0) children.push(p('Het team heeft nog geen eigen prioritering vastgelegd.'));
  else
    children.push(
      table(
        ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang'],
        m.chosen.map((c) => [String(c.place), c.koppelkans, c.omdat, c.verantwoordelijke, c.autoRank === null ? '–' : String(c.autoRank)]),
      ),
    );

  children.push(h('2. Waar het team afweek van de automatische volgorde', HeadingLevel.HEADING_1));
  if (m.deviations.length === 0) children.push(p('Het team volgde de automatische volgorde.'));
  else
    children.push(
      table(
        ['Koppelkans', 'Plaats team', 'Automatische rang', 'Reden'],
        m.deviations.map((d) => [d.koppelkans, String(d.place), d.autoRank === null ? '–' : String(d.autoRank), d.omdat || '(geen reden vastgelegd)']),
      ),
    );
  if (m.notChosen.length) {
    children.push(p('Uit de automatische top 15 niet gekozen:', { bold: true }));
    for (const e of m.notChosen) children.push(new Paragraph({ text: `${e.koppelkans} (rang ${e.rank}, totaal ${fmt(e.total)})`, bullet: { level: 0 } }));
  }

  children.push(h('3. Automatische top 15', HeadingLevel.HEADING_1));
  if (m.top.length === 0) children.push(p('Er zijn nog geen gescoorde koppelkansen.'));
  else children.push(table(['Rang', 'Opgave', 'Koppelkans', 'Totaal'], m.top.map((e) => [String(e.rank), e.opgave, e.koppelkans, fmt(e.total)])));

  children.push(h('4. Succesfactoren, wegingen en scores', HeadingLevel.HEADING_1));
  children.push(table(['Succesfactor', 'Weging'], m.factors.map((f) => [f.name, fmt(f.weging)])));
  children.push(p(''));
  if (m.scores.length) {
    children.push(
      table(
        ['Koppelkans', ...m.factors.map((f) => f.name), 'Totaal', 'Rang'],
        m.scores.map((s) => [s.koppelkans, ...s.scores.map((x) => (x === null ? '' : String(x))), s.status === 'invalid' ? 'ongeldig' : fmt(s.total), s.rank === null ? '–' : String(s.rank)]),
      ),
    );
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
        m.actions.map((a) => [a.kind, a.text, a.koppelkans, a.verantwoordelijke, a.date]),
      ),
    );

  children.push(h('7. Notities per koppelkans', HeadingLevel.HEADING_1));
  if (m.notesByKoppelkans.length === 0 && m.generalNotes.length === 0) children.push(p('Er zijn geen notities vastgelegd.'));
  for (const g of m.notesByKoppelkans) {
    children.push(h(g.koppelkans, HeadingLevel.HEADING_3));
    for (const n of g.notes) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${n.kind}${n.factor ? ` (${n.factor})` : ''} – ${n.author}, ${n.time}: `, bold: true }), ...lines(n.text)] }));
    }
  }
  if (m.generalNotes.length) {
    children.push(h('Algemene notities', HeadingLevel.HEADING_3));
    for (const n of m.generalNotes) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${n.step} ${n.kind} – ${n.author}, ${n.time}: `, bold: true }), ...lines(n.text)] }));
    }
  }

  if (m.checklist) {
    children.push(h('8. WUP checklist', HeadingLevel.HEADING_1));
    children.push(table(['Onderdeel', 'Klaar', 'Bezig', 'Aantal'], m.checklist.progress.map((x) => [x.onderdeel, String(x.klaar), String(x.bezig), String(x.total)])));
    if (m.checklist.deadlineYear !== null) {
      children.push(p(`Overstap laatste woning: ${m.checklist.overstapYear}. De WUP moet uiterlijk in ${m.checklist.deadlineYear} zijn vastgesteld.`));
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Gemaakt met Koppelkansen Kiezen', italics: true, size: 16 })] }));

  return new Document({
    creator: 'Koppelkansen Kiezen',
    title: `Onderbouwing koppelkansen${m.wijk ? ` – ${m.wijk}` : ''}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

export async function onderbouwingDocx(m: OnderbouwingModel): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(onderbouwingDocument(m));
  return new Uint8Array(buf);
}
