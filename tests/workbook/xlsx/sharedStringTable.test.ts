/**
 * The shared-string table as the package patch changes it (package/sharedStrings.ts): texts
 * appended where Excel reads them, counts set, every other byte of the part as it was.
 */
import fc from 'fast-check';
import { readSharedStrings } from '../../../src/workbook/xlsx/package/readSheets';
import { SharedStringTable } from '../../../src/workbook/xlsx/package/sharedStrings';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

describe('SharedStringTable', () => {
  test('a plain text already in the table gets its first index; rich texts are not reused; new texts go at the end with the counts', () => {
    const xml = `${head}<sst xmlns="${MAIN}" count="5" uniqueCount="3"><si><t>Groen</t></si><si><r><t>Wa</t></r><r><t>ter</t></r></si><si><t>Groen</t></si></sst>`;
    const table = new SharedStringTable(xml);
    expect(table.add('Groen')).toBe(0);
    expect(table.add('Water')).toBe(3);
    expect(table.add('Water')).toBe(3);
    expect(table.add(' spatie')).toBe(4);
    const out = table.serialize();
    expect(out).toBe(
      `${head}<sst xmlns="${MAIN}" count="9" uniqueCount="5"><si><t>Groen</t></si><si><r><t>Wa</t></r><r><t>ter</t></r></si><si><t>Groen</t></si>` +
        '<si><t>Water</t></si><si><t xml:space="preserve"> spatie</t></si></sst>',
    );
    expect(readSharedStrings(out)).toEqual(['Groen', 'Water', 'Groen', 'Water', ' spatie']);
  });

  test('texts go before the extLst, with the root’s prefix; "&", "<" and ">" are escaped', () => {
    const xml = `${head}<x:sst xmlns:x="${MAIN}" uniqueCount="1" note="a>b"><x:si><x:t>A</x:t></x:si><x:extLst><x:ext uri="{1}"/></x:extLst></x:sst>`;
    const table = new SharedStringTable(xml);
    expect(table.add('R&D <plan>')).toBe(1);
    expect(table.serialize()).toBe(
      `${head}<x:sst xmlns:x="${MAIN}" uniqueCount="2" note="a&gt;b"><x:si><x:t>A</x:t></x:si><x:si><x:t>R&amp;D &lt;plan&gt;</x:t></x:si><x:extLst><x:ext uri="{1}"/></x:extLst></x:sst>`,
    );
  });

  test('comments and attribute values that look like the table’s tags are left alone (regression: texts went into a comment after the table, and counts into one before it or into another attribute)', () => {
    const xml = `${head}<!-- <sst count="9"> --><sst xmlns="${MAIN}" note=' count="1" ' count="1" uniqueCount="1"><si><t>A</t></si></sst><!-- </sst> -->`;
    const table = new SharedStringTable(xml);
    expect(table.add('B')).toBe(1);
    const out = table.serialize();
    expect(out).toBe(
      `${head}<!-- <sst count="9"> --><sst xmlns="${MAIN}" note=" count=&quot;1&quot; " count="2" uniqueCount="2"><si><t>A</t></si><si><t>B</t></si></sst><!-- </sst> -->`,
    );
    expect(readSharedStrings(out)).toEqual(['A', 'B']);
  });

  test('a table without a count gets none made up (it would not count the cells of every sheet)', () => {
    const table = new SharedStringTable(`${head}<sst xmlns="${MAIN}" uniqueCount="1"><si><t>A</t></si></sst>`);
    table.add('A');
    table.add('B');
    expect(table.serialize()).toBe(`${head}<sst xmlns="${MAIN}" uniqueCount="2"><si><t>A</t></si><si><t>B</t></si></sst>`);
  });

  test('an empty table written as one element is opened up', () => {
    const table = new SharedStringTable(`${head}<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`);
    expect(table.changed).toBe(false);
    expect(table.add('Eerste')).toBe(0);
    expect(table.changed).toBe(true);
    expect(table.serialize()).toBe(`${head}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Eerste</t></si></sst>`);
  });

  test('malformed XML and another root are errors', () => {
    expect(() => new SharedStringTable(`${head}<sst xmlns="${MAIN}"><si><t>A</si></sst>`)).toThrow(/malformed XML in the shared strings/);
    expect(() => new SharedStringTable(`${head}<worksheet xmlns="${MAIN}"/>`)).toThrow(/no <sst> root/);
  });

  test('random tables and additions read back as the texts by the indices add gave (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '&', '<', '>', 'é', '\n'), maxLength: 5 });
    const entry = fc.oneof(
      text.map((t) => ({ plain: true, t, xml: '' })),
      fc
        .tuple(text, text)
        .map(([a, b]) => ({ plain: false, t: a + b, xml: `<r><t xml:space="preserve">${esc(a)}</t></r><r><t xml:space="preserve">${esc(b)}</t></r>` })),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.array(text, { maxLength: 8 }), fc.boolean(), (entries, adds, extLst) => {
        const body = entries.map((e) => (e.plain ? `<si><t xml:space="preserve">${esc(e.t)}</t></si>` : `<si>${e.xml}</si>`)).join('');
        const xml = `${head}<sst xmlns="${MAIN}" count="${entries.length}">${body}${extLst ? '<extLst/>' : ''}</sst>`;
        const table = new SharedStringTable(xml);
        const indices = adds.map((t) => table.add(t));
        const read = readSharedStrings(table.serialize());
        adds.forEach((t, i) => expect(read[indices[i]]).toBe(t));
        expect(read.slice(0, entries.length)).toEqual(entries.map((e) => e.t));
        // a plain text is never added twice
        expect(new Set(read.slice(entries.length)).size).toBe(read.length - entries.length);
      }),
      { numRuns: 300 },
    );
  });
});

function esc(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
