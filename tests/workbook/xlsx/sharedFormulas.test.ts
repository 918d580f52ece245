/**
 * A column of formulas that slide row by row is written as one shared formula, and reads
 * back as the same formulas cell by cell (ExcelJS, and the package patch itself when it
 * overwrites the group's first cell later).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { CellInput } from '../../../src/core/snapshot';
import { rowSlider, sharedFormulaRuns, storedFormula } from '../../../src/workbook/xlsx/package/sharedFormulas';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (formula: string, from: string, to: string) => string };

const TOTAAL =
  'IF(COUNTBLANK(C6:V6)=20,"",IF(OR(COUNT(C6:V6)+COUNTBLANK(C6:V6)<>20,ISLOGICAL(C6),AND(C6<>"",ISLOGICAL(C$4)),' +
  'SUMPRODUCT((C6:V6<>"")*((1-ISNUMBER(C$4:V$4))+(C$4:V$4<0)))>0),"ongeldig",ROUND(SUMPRODUCT(C$4:V$4,C6:V6),9)))';
const LIJST = "IFERROR(MATCH(LOWER(TRIM('Werkblad koppelkansen kiezen'!$A6)),$N$2:$N$393,0),0)";

describe('rowSlider gives what ExcelJS slideFormula gives', () => {
  test.each([TOTAAL, LIJST, 'SUM(a6:b6)+Blad2!C6+$D$1+E$2+$F7', '_xlfn.XLOOKUP(A6,LOG10(B6),C:C)', 'XFE6+ABC6+AB06+A1B2'])('%s', (formula) => {
    const slide = rowSlider(formula, 6)!;
    for (const to of [6, 7, 100, 10005]) expect(slide(to)).toBe(slideFormula(formula, 'W6', `W${to}`));
  });

  test('for formulas made of references, names, functions and numbers', () => {
    const token = fc.oneof(
      fc
        .tuple(fc.constantFrom('', '$'), fc.constantFrom('a', 'C', 'xfd', 'XFE', 'AB'), fc.constantFrom('', '$'), fc.integer({ min: 1, max: 9999 }))
        .map((t) => t.join('')),
      fc.constantFrom('SUM(', 'LOG10(', 'Blad1!', '_xlfn.IFS(', 'TRUE', '1E5', ')', ',', '+', ':', '0', 'naam_2'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (tokens, from, delta) => {
        const formula = tokens.join('');
        expect(rowSlider(formula, from)!(from + delta)).toBe(slideFormula(formula, `B${from}`, `B${from + delta}`));
      }),
    );
  });

  test('a reference-like text inside a literal or a quoted sheet name: no slider (Excel would not move it)', () => {
    expect(rowSlider('IF(A6="B6",1,0)', 6)).toBeNull();
    expect(rowSlider("'Ronde A6'!B6", 6)).toBeNull();
    expect(rowSlider('IF(A6="it""s $B$6",1,0)', 6)).not.toBeNull();
  });
});

describe('sharedFormulaRuns', () => {
  const f = (formula: string): CellInput => ({ formula });
  test('a column of sliding formulas is one run; a formula that does not slide breaks it', () => {
    const cells = [
      [f('=A6*2'), { number: 1 }],
      [f('=A7*2'), f('=B7')],
      [f('=A8*2'), f('=B8')],
      [f('=A8*2'), f('=B99')],
      [f('=A10*2'), { text: 'x' }],
    ];
    const runs = sharedFormulaRuns(cells, 6);
    expect(Object.fromEntries(runs)).toEqual({
      '0,0': { kind: 'first', rows: 3 },
      '1,0': { kind: 'follows' },
      '2,0': { kind: 'follows' },
      '1,1': { kind: 'first', rows: 2 },
      '2,1': { kind: 'follows' },
    });
  });

  test('row ranges and references inside literals never share; a single formula is no run', () => {
    expect(sharedFormulaRuns([[f('=SUM(6:6)')], [f('=SUM(7:7)')]], 6).size).toBe(0);
    expect(sharedFormulaRuns([[f('=SUM(6:6)')], [f('=SUM(6:6)')]], 6).size).toBe(0);
    expect(sharedFormulaRuns([[f('="A6"&A6')], [f('="A7"&A7')]], 6).size).toBe(0);
    expect(sharedFormulaRuns([[f('=A6')]], 6).size).toBe(0);
  });
});

describe('sharedFormulaRuns against rowSlider (fast-check)', () => {
  /** The runs as rowSlider defines them: a cell follows when the run's first formula slid to its row is its own text. */
  function byRowSlider(cells: CellInput[][], row: number): Map<string, unknown> {
    const out = new Map<string, unknown>();
    let start = -1;
    let slide: ((toRow: number) => string) | null = null;
    const close = (end: number) => {
      if (start >= 0 && end - start >= 2) {
        out.set(`${start},0`, { kind: 'first', rows: end - start });
        for (let i = start + 1; i < end; i++) out.set(`${i},0`, { kind: 'follows' });
      }
      start = -1;
    };
    cells.forEach((line, i) => {
      const input = line[0];
      const text = 'formula' in input ? storedFormula(input.formula) : null;
      const sharable = text !== null && text !== '' && !/(^|[^A-Za-z0-9_$.])\$?\d+\s*:\s*\$?\d+/.test(text);
      if (sharable && slide && slide(row + i) === text) return;
      close(i);
      slide = sharable ? rowSlider(text, row + i) : null;
      if (slide) start = i;
    });
    close(cells.length);
    return out;
  }

  test('the same runs for random columns with near misses (a row off, a character more or less, a row ending in 9 → 10)', () => {
    const piece = fc.constantFrom('A', '$B', 'C$', 'SUM(', ')', '*', '+1', '&"x"', 'Blad!D');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.constantFrom('ok', 'off', 'more', 'less'), { minLength: 1, maxLength: 15 }),
        (pieces, row, kinds) => {
          const cells = kinds.map((kind, i) => {
            const r = row + i + (kind === 'off' ? 1 : 0);
            let formula = `=${pieces.map((p) => (/[A-Z]$/.test(p) ? `${p}${r}` : p)).join('')}`;
            if (kind === 'more') formula += '0';
            if (kind === 'less') formula = formula.slice(0, -1) || '=1';
            return [{ formula }] as CellInput[];
          });
          expect(Object.fromEntries(sharedFormulaRuns(cells, row))).toEqual(Object.fromEntries(byRowSlider(cells, row)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the package patch writes and reads shared formulas', () => {
  async function rawWorkbook(): Promise<Uint8Array> {
    const wb = XlsxWorkbook.create();
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad' }] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [1, 2, 3, 4, 5, 6].map((n) => [{ number: n }]) }] });
    return wb.toBuffer();
  }

  async function sheetXml(bytes: Uint8Array): Promise<string> {
    const zip = await JSZip.loadAsync(bytes);
    return zip.file('xl/worksheets/sheet1.xml')!.async('string');
  }

  test('every cell reads back its own formula and cached result; the text is stored once', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rawWorkbook());
    const cells = [1, 2, 3, 4, 5].map((r) => [{ formula: `=A${r}*10+$A$1`, result: r * 10 + 1 }]);
    cells.push([{ formula: '=A1', result: 1 }]);
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B1', cells }] });
    const bytes = await wb.toBuffer();
    const xml = await sheetXml(bytes);
    expect(xml).toContain('<f t="shared" ref="B1:B5" si="0">A1*10+$A$1</f>');
    expect(xml.match(/A\d\*10/g)).toHaveLength(1);
    const back = await XlsxWorkbook.fromBuffer(bytes);
    for (let r = 1; r <= 5; r++) {
      expect(back.getFormula('Blad', `B${r}`)).toBe(`=A${r}*10+$A$1`);
      expect(back.getCell('Blad', `B${r}`)).toBe(r * 10 + 1);
    }
    expect(back.getFormula('Blad', 'B6')).toBe('=A1');
  });

  test('overwriting the first cell of a shared formula later leaves the others their own formulas', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await rawWorkbook());
    await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B1', cells: [1, 2, 3, 4].map((r) => [{ formula: `=A${r}+1` }]) }] });
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    await again.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B1', cells: [[{ number: 0 }]] }] });
    const back = await XlsxWorkbook.fromBuffer(await again.toBuffer());
    expect(back.getFormula('Blad', 'B1')).toBeNull();
    expect(back.getCell('Blad', 'B1')).toBe(0);
    for (let r = 2; r <= 4; r++) expect(back.getFormula('Blad', `B${r}`)).toBe(`=A${r}+1`);
  });
});

// issue 9: a score column filled down in Excel is saved as one shared formula; ExcelJS's `cell.value` leaves out a
// falsy cached result, so a row whose formula gave 0 (or FALSE) read as an empty, unscored cell while Totalen counted it
test('regression: a shared formula whose cached result is 0 or FALSE read as empty', async () => {
  const sheet =
    '<row r="1"><c r="A1"><f t="shared" ref="A1:A5" si="0">B1-B1</f><v>0</v></c><c r="B1"><v>2</v></c></row>' +
    '<row r="2"><c r="A2"><f t="shared" si="0"/><v>0</v></c><c r="B2"><v>5</v></c></row>' +
    '<row r="3"><c r="A3" t="b"><f t="shared" si="0"/><v>0</v></c></row>' +
    '<row r="4"><c r="A4" t="str"><f t="shared" si="0"/><v></v></c></row>' +
    '<row r="5"><c r="A5"><f t="shared" si="0"/><v>3</v></c></row>';
  const wb = await XlsxWorkbook.fromBuffer(await packageWith(sheet));
  const s = (await wb.readSnapshot()).sheets[0];
  expect(s.values.map((r) => r[0])).toEqual([0, 0, false, null, 3]);
  expect(s.formulas!.map((r) => r[0])).toEqual(['=B1-B1', '=B2-B2', '=B3-B3', '=B4-B4', '=B5-B5']);
  // a cached empty text is a result (the ordinary empty score), not a missing one
  expect(s.noCachedResult ?? []).toEqual([]);
});

/** An .xlsx package (written by ExcelJS) whose one sheet holds `rows`, the XML of its <row> elements, as they stand. */
async function packageWith(rows: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Blad');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  zip.file(part, xml.replace(/<sheetData\s*\/>|<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`));
  return zip.generateAsync({ type: 'uint8array' });
}
