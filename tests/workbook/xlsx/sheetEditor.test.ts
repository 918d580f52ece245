/**
 * The worksheet part editor keeps rows as text: rows (and cells) an edit does not touch
 * keep their exact bytes, whatever quoting or entities another program wrote; touched
 * rows are rebuilt with the part's own namespace prefix; rows and cells without their
 * number get one; <dimension> follows the cells.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SheetEditor, type CellWriteContext } from '../../../src/workbook/xlsx/package/sheet';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function context(): CellWriteContext & { texts: string[]; formulas: number } {
  const texts: string[] = [];
  const ctx = {
    texts,
    formulas: 0,
    strings: {
      add: (text: string) => {
        const i = texts.indexOf(text);
        if (i >= 0) return i;
        texts.push(text);
        return texts.length - 1;
      },
    },
    onForbidden: () => undefined,
    onFormula: () => {
      ctx.formulas++;
    },
  };
  return ctx;
}

function sheet(rows: string, opts: { prefix?: string; sheetData?: string; dimension?: string } = {}): string {
  const p = opts.prefix ?? '';
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sd = opts.sheetData ?? `<${p}sheetData>${rows}</${p}sheetData>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns}><${p}dimension ref="${opts.dimension ?? 'A1:C3'}"/>${sd}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
}

function wellFormed(xml: string): void {
  const errors: string[] = [];
  new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
}

describe('SheetEditor (rows as text)', () => {
  // another program's style: single quotes, entities for quotes, a shared string, an inline string
  const row1 = `<row r="1" spans='1:3'><c r="A1" t='s'><v>0</v></c><c r="B1"><f>IF(A1=&quot;x&quot;,1,2)</f><v>2</v></c></row>`;
  const row3 = `<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c><c r="C3" s="2"/></row>`;

  test('no edit: the part comes back as read, byte for byte', () => {
    const text = sheet(row1 + row3);
    const ed = new SheetEditor(text);
    ed.finish();
    expect(ed.serialize()).toBe(text);
  });

  test('a cell written in a new row: every other row keeps its bytes, the new row goes in order', () => {
    const text = sheet(row1 + row3);
    const ed = new SheetEditor(text);
    ed.writeCell(2, 2, { number: 42 }, context());
    ed.finish();
    const out = ed.serialize();
    wellFormed(out);
    expect(out).toContain(`${row1}<row r="2"><c r="B2"><v>42</v></c></row>${row3}`);
    expect(out).toContain('<dimension ref="A1:C3"/>');
  });

  test('in a touched row only the written cell is rebuilt; its format stays, its old value goes', () => {
    const ed = new SheetEditor(sheet(row1 + row3));
    const ctx = context();
    ed.writeCell(3, 3, { formula: '=A3&"!"' }, ctx);
    ed.finish();
    const out = ed.serialize();
    wellFormed(out);
    expect(out).toContain(`<c r="A3" t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c><c r="C3" s="2"><f>A3&amp;"!"</f></c>`);
    expect(out).toContain(row1);
    expect(ctx.formulas).toBe(1);
  });

  test('a written cell kept as text only is read again when a later op writes or clears it', () => {
    const ed = new SheetEditor(sheet(row1 + row3));
    const ctx = context();
    ed.writeCell(3, 3, { formula: '=A3&"!"' }, ctx);
    ed.writeCell(3, 3, { number: 5 }, ctx);
    ed.writeCell(3, 4, { text: 'weg' }, ctx);
    ed.writeCell(3, 4, { clear: true }, ctx);
    ed.writeCell(3, 5, { formula: '=IF(A3<1,"a","b")', result: 'b' }, ctx);
    ed.writeCell(3, 6, { bool: true }, ctx);
    ed.finish();
    const out = ed.serialize();
    wellFormed(out);
    expect(out).toContain(
      `<c r="A3" t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c><c r="C3" s="2"><v>5</v></c><c r="E3" t="str"><f>IF(A3&lt;1,"a","b")</f><v>b</v></c><c r="F3" t="b"><v>1</v></c></row>`,
    );
  });

  test('text goes to the shared strings; clearing a cell without a format removes it', () => {
    const ed = new SheetEditor(sheet(row1 + row3));
    const ctx = context();
    ed.writeCell(1, 3, { text: 'nieuw <&>' }, ctx);
    ed.writeCell(1, 1, { clear: true }, ctx);
    ed.finish();
    const out = ed.serialize();
    expect(ctx.texts).toEqual(['nieuw <&>']);
    expect(out).toContain(`<row r="1" spans="1:3"><c r="B1"><f>IF(A1=&quot;x&quot;,1,2)</f><v>2</v></c><c r="C1" t="s"><v>0</v></c></row>`);
  });

  test('a part with a namespace prefix gets new rows and cells with that prefix', () => {
    const ed = new SheetEditor(sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', { prefix: 'x:' }));
    ed.writeCell(2, 1, { bool: true }, context());
    ed.finish();
    const out = ed.serialize();
    wellFormed(out);
    expect(out).toContain('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="b"><x:v>1</x:v></x:c></x:row>');
    expect(out).toContain('<x:dimension ref="A1:A2"/>');
  });

  test('an empty, self-closing sheetData gets its first row', () => {
    const ed = new SheetEditor(sheet('', { sheetData: '<sheetData/>', dimension: 'A1' }));
    ed.writeCell(4, 2, { text: 'a' }, context());
    ed.finish();
    const out = ed.serialize();
    wellFormed(out);
    expect(out).toContain('<sheetData><row r="4"><c r="B4" t="s"><v>0</v></c></row></sheetData>');
    expect(out).toContain('<dimension ref="B4"/>');
  });

  test('rows and cells without their number are numbered in order, and an edit lands in the right one', () => {
    const ed = new SheetEditor(sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'));
    ed.writeCell(2, 2, { number: 9 }, context());
    ed.finish();
    const out = ed.serialize();
    expect(out).toContain('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>9</v></c></row>');
  });

  test("a row's extLst stays after its cells", () => {
    const ext = '<extLst><ext uri="{X}"><y/></ext></extLst>';
    const ed = new SheetEditor(sheet(`<row r="1"><c r="A1"><v>1</v></c>${ext}</row>`));
    ed.writeCell(1, 2, { number: 2 }, context());
    ed.finish();
    expect(ed.serialize()).toContain(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>${ext}</row>`);
  });

  test('overwriting the anchor of a shared formula gives the other cells their own formula', () => {
    const rows =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>';
    const ed = new SheetEditor(sheet(rows));
    ed.writeCell(1, 1, { number: 0 }, context());
    ed.finish();
    const out = ed.serialize();
    expect(out).toContain('<c r="A1"><v>0</v></c>');
    expect(out).toContain('<c r="A2"><f>B2*2</f><v>4</v></c>');
    expect(out).toContain('<c r="A3"><f>B3*2</f><v>6</v></c>');
    expect(out).not.toContain('t="shared"');
  });

  test('regression: a malformed part is refused, not half-written', () => {
    expect(() => new SheetEditor(sheet('<row r="1"><c r="A1"><v>1</c></row>'))).toThrow(/malformed/);
  });
});

describe('SheetEditor: rows kept as text between edits (memory)', () => {
  /** 1,200 rows of two cells, the first row without its number, one row with a prefixless extLst-like child. */
  function bigSheet(): string {
    let rows = '<row spans="1:2"><c t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>';
    for (let r = 2; r <= 1200; r++) rows += `<row r="${r}" spans="1:2"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="1"><v>${r}</v></c></row>`;
    return sheet(rows, { dimension: 'A1:B1200' });
  }

  /** Each row's cells as "ref=text" strings, from the serialised part. */
  function cellsByRow(xml: string): Map<number, string[]> {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const out = new Map<number, string[]>();
    const rows = doc.getElementsByTagNameNS(MAIN, 'row');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const cells = row.getElementsByTagNameNS(MAIN, 'c');
      const list: string[] = [];
      for (let j = 0; j < cells.length; j++) list.push(`${cells[j].getAttribute('r')}=${cells[j].textContent}`);
      out.set(Number(row.getAttribute('r')), list);
    }
    return out;
  }

  test('a plan touching every row holds at most a few hundred row models, and rows touched again keep every cell', () => {
    const ed = new SheetEditor(bigSheet());
    const ctx = context();
    const rows = (ed as unknown as { rows: Map<number, { model?: unknown }> }).rows;
    const held = () => [...rows.values()].filter((slot) => slot.model).length;
    for (let r = 1; r <= 1200; r++) ed.writeCell(r, 3, { formula: `=B${r}*2`, result: r * 2 }, ctx, r === 1 ? { si: '0', ref: 'C1:C1200' } : { si: '0' });
    expect(held()).toBeLessThan(500);
    // touched again: read back from the rows' new text
    for (let r = 1; r <= 1200; r++) ed.writeCell(r, 5, { number: r }, ctx);
    ed.setRowHeight(7, 30);
    expect(held()).toBeLessThan(500);
    ed.finish();
    const xml = ed.serialize();
    wellFormed(xml);
    const byRow = cellsByRow(xml);
    expect(byRow.size).toBe(1200);
    expect(byRow.get(1)).toEqual(['A1=0', 'B1=1', 'C1=B1*22', 'E1=1']);
    for (const r of [2, 499, 500, 501, 1000, 1200]) expect(byRow.get(r)).toEqual([`A${r}=0`, `B${r}=${r}`, `C${r}=${r * 2}`, `E${r}=${r}`]);
    expect(xml).toContain('<row r="7" spans="1:5" ht="30" customHeight="1">');
    expect(xml).toContain('<c r="B600" s="1"><v>600</v></c>');
    expect(xml).toContain('<dimension ref="A1:E1200"/>');
  });
});
