/**
 * `readElement` reads plain elements without a parser (xmlText.ts `readElementFast`) and
 * the rest with saxes (`readElementSax`): both must give the same element, and malformed
 * XML must still throw.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { readElement, readElementSax } from '../../../src/workbook/xlsx/package/xmlText';
import { preparedSample } from '../../helpers/preparedSample';
import { NOW, teamWorkbook } from './teamWorkbook';

/** readElement's outcome: the element, or the fact that it threw. */
function outcome(read: (xml: string) => unknown, xml: string): unknown {
  try {
    return read(xml);
  } catch {
    return 'throws';
  }
}

/** Every cell element and every row's start tag (closed) of every worksheet of `bytes`. */
async function cellsAndRows(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    for (const m of xml.matchAll(/<c\b[^>]*\/>|<c\b[^>]*>[\s\S]*?<\/c>/g)) out.push(m[0]);
    for (const m of xml.matchAll(/<row\b[^>]*>/g)) out.push(m[0].endsWith('/>') ? m[0] : `${m[0]}</row>`);
  }
  return out;
}

describe('readElement reads as saxes reads', () => {
  test('every cell and row of the prepared sample and a team workbook', async () => {
    const { made } = await preparedSample(NOW);
    const elements = [...(await cellsAndRows(await made.toBuffer())), ...(await cellsAndRows(await teamWorkbook()))];
    expect(elements.length).toBeGreaterThan(1000);
    for (const xml of elements) expect(readElement(xml)).toEqual(readElementSax(xml));
  });

  test.each([
    ['entities and character references', '<c r="A1" t="str"><f>"a"&amp;"&lt;b&gt;"&#10;&#x263A;</f><v>a&apos;&quot;</v></c>'],
    ['single-quoted attributes with a double quote inside', `<c r='A1' x:y='say "hi"'><v>1</v></c>`],
    ['white space around "=" and before the end', '<c r = "A1"  s="2" ><v>1</v ></c >'],
    ['a prefixed element', '<x:c r="A1"><x:is><x:r><x:t>rich</x:t></x:r></x:is></x:c>'],
    ['self-closing root and children', '<c r="A1"/>'],
    ['a comment (saxes)', '<c r="A1"><!-- note --><v>1</v></c>'],
    ['CDATA (saxes)', '<c r="A1"><v><![CDATA[1<2]]></v></c>'],
    ['a tab in an attribute value (normalised by saxes)', '<c r="A1" x="a\tb"><v>1</v></c>'],
    ['a carriage return in text (saxes)', '<c r="A1"><v>1\r\n2</v></c>'],
    ['">" in text (saxes)', '<c r="A1"><v>a>b</v></c>'],
  ])('%s', (_case, xml) => {
    expect(readElement(xml)).toEqual(readElementSax(xml));
  });

  test.each([
    ['an unknown entity', '<c r="A1"><v>&nbsp;</v></c>'],
    ['a bare ampersand', '<c r="A1"><v>a & b</v></c>'],
    ['a reference to a character XML forbids', '<c r="A1"><v>&#1;</v></c>'],
    ['a control character', '<c r="A1"><v>\u0001</v></c>'],
    ['an unclosed child', '<c r="A1"><v>1</c>'],
    ['crossed tags', '<c r="A1"><f><v></f></v></c>'],
    ['a duplicated attribute', '<c r="A1" r="B2"/>'],
    ['attributes without space between them', '<c r="A1"s="2"/>'],
    ['an unquoted attribute', '<c r=A1/>'],
    ['a mismatched end tag', '<c r="A1"></d>'],
  ])('malformed: %s throws', (_case, xml) => {
    expect(() => readElementSax(xml)).toThrow();
    expect(() => readElement(xml)).toThrow();
  });

  test('random elements and fragments: the same element, or both throw', () => {
    const piece = fc.constantFrom(
      '<c',
      '<x:c',
      '<v>',
      '</v>',
      '<f ',
      '/>',
      '>',
      '</c>',
      '</x:c>',
      ' r="A1"',
      " s='2'",
      ' t="s"',
      '=',
      '"',
      "'",
      'abc',
      ' ',
      '\t',
      '\n',
      '&amp;',
      '&lt;',
      '&#65;',
      '&#x1F600;',
      '&#0;',
      '&bogus;',
      '&',
      '<!--x-->',
      '<![CDATA[<]]>',
      'é',
      '<is><t>',
      '</t></is>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const xml = pieces.join('');
        expect(outcome(readElement, xml)).toEqual(outcome(readElementSax, xml));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('r', 's', 't', 'x:y'), fc.string({ maxLength: 6 })), { maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom('v', 'f', 'is', 'x:v'), fc.string({ maxLength: 8 })), { maxLength: 3 }),
        fc.string({ maxLength: 5 }),
        (attrs, kids, text) => {
          const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
          const xml = `<c${attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join('')}>${esc(text)}${kids.map(([k, t]) => `<${k}>${esc(t)}</${k}>`).join('')}</c>`;
          expect(outcome(readElement, xml)).toEqual(outcome(readElementSax, xml));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
