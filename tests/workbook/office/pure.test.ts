/** The Office adapter's pure parts: grids, cell entries, chunking, validation mapping, widths, errors. */
import { anchorGrid, formulaOf } from '../../../src/workbook/office/usedRangeGrid';
import { blockAddress, cellBlocks, jsonBytes, toFormulaEntry } from '../../../src/workbook/office/cellWrites';
import { chunkItems, FILL_MIN_ROWS, PAYLOAD_BUDGET, splitBlock, writeItems } from '../../../src/workbook/office/chunking';
import { fromOfficeValidation, toOfficeValidation } from '../../../src/workbook/office/validationMapping';
import { columnWidthPoints } from '../../../src/workbook/office/styles';
import { OfficeWorkbookError, toOfficeWorkbookError } from '../../../src/workbook/office/officeErrors';
import { withCellEditRetry } from '../../../src/workbook/office/excelRun';
import type { CellInput, PlanOp, ValidationRule } from '../../../src/core/snapshot';

describe('used range → A1-anchored grid', () => {
  test('a used range starting at C3 is padded with empty rows above and nulls to the left', () => {
    const g = anchorGrid(
      "'Mijn blad'!C3:D4",
      [
        [1, 'x'],
        ['', true],
      ],
      [
        [1, 'x'],
        ['', true],
      ],
    );
    expect(g.values).toEqual([[], [], [null, null, 1, 'x'], [null, null, null, true]]);
    expect(g.formulas).toEqual([[], [], [null, null, null, null], [null, null, null, null]]);
  });

  test('a formula is a formula only when it starts with "=" and differs from the value', () => {
    expect(formulaOf('=SUM(A1:A3)', 6)).toBe('=SUM(A1:A3)');
    expect(formulaOf('=x', '=x')).toBeNull(); // text "=x" entered with an apostrophe
    expect(formulaOf('="=x"', '=x')).toBe('="=x"');
    expect(formulaOf('hallo', 'hallo')).toBeNull();
    expect(formulaOf(5, 5)).toBeNull();
  });
});

describe('cell inputs → Range.formulas entries', () => {
  test('text that looks like a formula, number or boolean is written with an apostrophe', () => {
    expect(toFormulaEntry({ text: '=SUM(A1)' })).toBe("'=SUM(A1)");
    expect(toFormulaEntry({ text: '+31 6 1234' })).toBe("'+31 6 1234");
    expect(toFormulaEntry({ text: '00123' })).toBe("'00123");
    expect(toFormulaEntry({ text: 'TRUE' })).toBe("'TRUE");
    expect(toFormulaEntry({ text: 'Groene daken' })).toBe('Groene daken');
  });

  test('numbers, booleans and formulas are written as they are; clear is ""', () => {
    expect(toFormulaEntry({ number: -3.5 })).toBe(-3.5);
    expect(toFormulaEntry({ bool: false })).toBe(false);
    expect(toFormulaEntry({ formula: '=SUM(C6:N6)' })).toBe('=SUM(C6:N6)');
    expect(toFormulaEntry({ clear: true })).toBe('');
    expect(() => toFormulaEntry({ number: NaN })).toThrow();
  });

  test('ragged rows become rectangular blocks; an empty row writes nothing', () => {
    const t = (s: string): CellInput => ({ text: s });
    const blocks = cellBlocks(6, 3, [[t('a'), t('b')], [t('c'), t('d')], [], [t('e')], [t('f'), t('g')]]);
    expect(blocks.map(blockAddress)).toEqual(['C6:D7', 'C9', 'C10:D10']);
  });

  test('jsonBytes counts UTF-8 bytes, not characters', () => {
    expect(jsonBytes('ab')).toBe(4);
    expect(jsonBytes('é')).toBe(4); // quotes + 2 bytes
    expect(jsonBytes('€')).toBe(5);
    expect(jsonBytes('😀')).toBe(6);
  });

  test('jsonBytes agrees with Node over payloads larger than its buffer, pairs split at the buffer edge included', () => {
    // 3-byte and 4-byte characters so that the 64 KiB buffer fills mid-character
    const rows = Array.from({ length: 3000 }, (_, i) => [{ text: `€${'😀'.repeat(i % 7)}é${i}` }, { formula: '=A1' }]);
    const payloads: unknown[] = [rows, 'x'.repeat(65_535) + '😀😀', '€'.repeat(30_000), { lone: '\ud800' }, undefined];
    for (const p of payloads) expect(jsonBytes(p)).toBe(Buffer.byteLength(JSON.stringify(p) ?? '', 'utf8'));
  });
});

function bigSetCells(rows: number, columns: number, text: (r: number, c: number) => string): PlanOp {
  return {
    kind: 'setCells',
    sheet: 'Werkblad',
    cell: 'A6',
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => ({ text: text(r, c) }))),
  };
}

describe('chunking to the payload limit', () => {
  test('a werkblad of 1,000 koppelkansen × 12 factors is one chunk', () => {
    const rows = Array.from({ length: 1000 }, (_, r) => [
      { text: `Opgave ${r % 7}` },
      { text: `Koppelkans nummer ${r} met een redelijk lange omschrijving` },
      ...Array.from({ length: 12 }, (_, c) => ({ number: ((r + c) % 21) - 10 })),
      { formula: `=IF(COUNT(C${r + 6}:N${r + 6})=0,"",SUMPRODUCT(C$4:N$4,C${r + 6}:N${r + 6}))` },
    ]) as CellInput[][];
    const items = writeItems([{ kind: 'setCells', sheet: 'Werkblad', cell: 'A6', cells: rows }]);
    expect(items).toHaveLength(1);
    expect(chunkItems(items)).toHaveLength(1);
  });

  test('a setCells over the budget is split into row blocks that each fit and together cover every row', () => {
    const op = bigSetCells(30000, 12, (r, c) => `tekst ${r}-${c} ${'x'.repeat(10)}`);
    const items = writeItems([op]);
    expect(items.length).toBeGreaterThan(1);
    for (const it of items) expect(it.bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const rows = items.map((it) => (it.item.kind === 'cells' ? it.item.block : null)!);
    expect(rows[0].row).toBe(6);
    rows.forEach((b, i) => i > 0 && expect(b.row).toBe(rows[i - 1].row + rows[i - 1].entries.length));
    expect(rows.reduce((n, b) => n + b.entries.length, 0)).toBe(30000);
    const chunks = chunkItems(items);
    for (const c of chunks) expect(c.reduce((n, it) => n + it.bytes, 0)).toBeLessThanOrEqual(PAYLOAD_BUDGET);
  });

  test('splitBlock keeps a single over-sized row whole rather than losing it', () => {
    const block = { row: 1, column: 1, entries: [['x'.repeat(500)], ['y'.repeat(500)]] };
    expect(splitBlock(block, 300).map((b) => b.entries.length)).toEqual([1, 1]);
  });

  test('ops keep their order across chunks', () => {
    const ops: PlanOp[] = [{ kind: 'addSheet', sheet: 'A' }, bigSetCells(20000, 12, () => 'z'.repeat(30)), { kind: 'freeze', sheet: 'A', rows: 1, columns: 0 }];
    const flat = chunkItems(writeItems(ops))
      .flat()
      .map((it) => it.item.kind);
    expect(flat[0]).toBe('addSheet');
    expect(flat[flat.length - 1]).toBe('freeze');
  });
});

describe('a column of formulas filled down (Range.copyFrom, ExcelApi 1.9)', () => {
  const total = (r: number) => ({ formula: `=IF(COUNTBLANK(C${r}:V${r})=20,"",SUMPRODUCT(C${r}:V${r},$C$4:$V$4))` });
  const column = (rows: number, at: (r: number) => CellInput = total): CellInput[][] => Array.from({ length: rows }, (_, i) => [at(i + 6)]);
  const kinds = (items: ReturnType<typeof writeItems>) =>
    items.map(({ item }) =>
      item.kind === 'fill' ? `fill ${item.row}+${item.count}` : item.kind === 'cells' ? `cells ${item.block.row}+${item.block.entries.length}` : item.kind,
    );

  test('regression: the Totalen column of 10,000 rows was sent formula by formula (14 MB at 20 factors); with copyFrom it is one formula and a copy', () => {
    const op: PlanOp = { kind: 'setCells', sheet: 'Werkblad', cell: 'W6', cells: column(10_000) };
    const filled = writeItems([op], PAYLOAD_BUDGET, true);
    expect(filled).toEqual([
      { item: { kind: 'fill', sheet: 'Werkblad', row: 6, column: 23, count: 10_000, formula: total(6).formula }, bytes: expect.any(Number) },
    ]);
    expect(filled[0].bytes).toBeLessThan(1_000);
    // a host without ExcelApi 1.9 gets every formula, in chunks under the budget
    const sent = writeItems([op], PAYLOAD_BUDGET, false);
    expect(sent.every(({ item }) => item.kind === 'cells')).toBe(true);
    expect(sent.reduce((n, it) => n + it.bytes, 0)).toBeGreaterThan(500_000);
  });

  test('a cell that is not the copy breaks the run: runs of at least FILL_MIN_ROWS are filled, the rest sent as cells', () => {
    const odd = (r: number): CellInput => (r === 6 + 40 ? { formula: '=1+1' } : r === 6 + 41 ? { text: 'eigen' } : total(r));
    expect(kinds(writeItems([{ kind: 'setCells', sheet: 'W', cell: 'W6', cells: column(100, odd) }], PAYLOAD_BUDGET, true))).toEqual([
      'fill 6+40',
      'cells 46+2',
      'fill 48+58',
    ]);
    const short = FILL_MIN_ROWS - 1;
    expect(kinds(writeItems([{ kind: 'setCells', sheet: 'W', cell: 'W6', cells: column(short) }], PAYLOAD_BUDGET, true))).toEqual([`cells 6+${short}`]);
  });

  test('a formula whose numbers grow but are no references (MATCH(6,…), MATCH(7,…)) is not the copy Excel would make: sent as cells', () => {
    const counted = (r: number): CellInput => ({ formula: `=IFERROR(INDEX($A$1:$A$500,MATCH(${r - 5},$B$1:$B$500,0)),"")` });
    expect(kinds(writeItems([{ kind: 'setCells', sheet: 'K', cell: 'C6', cells: column(50, counted) }], PAYLOAD_BUDGET, true))).toEqual(['cells 6+50']);
  });

  test('blocks wider than one column are sent as cells', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [total(i + 6), total(i + 6)]);
    expect(kinds(writeItems([{ kind: 'setCells', sheet: 'W', cell: 'W6', cells: rows }], PAYLOAD_BUDGET, true))).toEqual(['cells 6+40']);
  });
});

describe('validation rules ⇄ Office.js', () => {
  const rules: ValidationRule[] = [
    {
      type: 'list',
      source: '=Lijsten!$A$2:$A$1500',
      prompt: 'Kies een koppelkans.',
      errorTitle: 'Niet in de lijst',
      errorMessage: 'Kies uit de lijst.',
      strict: false,
    },
    { type: 'wholeNumber', min: -10, max: 10, errorTitle: 'Ongeldige score', errorMessage: 'Een heel getal van -10 tot 10.', strict: true },
    { type: 'decimal', min: 0, prompt: 'Weging', errorTitle: 'Ongeldige weging', errorMessage: '0 of meer.', strict: true },
  ];

  test.each(rules)('a $type rule reads back as the same rule', (rule) => {
    const o = toOfficeValidation(rule);
    const type = { list: 'List', wholeNumber: 'WholeNumber', decimal: 'Decimal' }[rule.type];
    expect(fromOfficeValidation(type, o.rule, o.errorAlert, o.prompt)).toEqual(rule);
  });

  test('operands reported as strings are read as numbers', () => {
    expect(
      fromOfficeValidation(
        'WholeNumber',
        { wholeNumber: { formula1: '-10', formula2: '10', operator: 'Between' } },
        { style: 'Stop', title: 't', message: 'm' },
      ),
    ).toMatchObject({
      type: 'wholeNumber',
      min: -10,
      max: 10,
      strict: true,
    });
  });

  test('no rule, several rules or a kind the engine never writes read as null', () => {
    expect(fromOfficeValidation('None', {})).toBeNull();
    expect(fromOfficeValidation('Inconsistent', {})).toBeNull();
    expect(fromOfficeValidation('TextLength', { textLength: { formula1: 5, operator: 'LessThan' } })).toBeNull();
    expect(fromOfficeValidation('WholeNumber', { wholeNumber: { formula1: 1, operator: 'GreaterThan' } })).toBeNull();
  });

  test('a warning-only list uses the Warning style; texts are clipped to Excel limits', () => {
    const o = toOfficeValidation({ ...rules[0], errorTitle: 'T'.repeat(40), errorMessage: 'M'.repeat(300) });
    expect(o.errorAlert.style).toBe('Warning');
    expect(o.errorAlert.title).toHaveLength(32);
    expect(o.errorAlert.message).toHaveLength(255);
    expect(o.rule.list).toEqual({ inCellDropDown: true, source: '=Lijsten!$A$2:$A$1500' });
  });
});

test('column widths in characters become points: 8.43 characters is Excel’s 48 pt default', () => {
  expect(columnWidthPoints(8.43)).toBeCloseTo(48, 1);
  expect(columnWidthPoints(14)).toBeCloseTo(77.25, 2);
  expect(columnWidthPoints(0)).toBe(0);
});

describe('Office errors', () => {
  test('codes map to Dutch messages with what to do', () => {
    const e = toOfficeWorkbookError({ code: 'AccessDenied', message: 'x' });
    expect(e).toBeInstanceOf(OfficeWorkbookError);
    expect(e.kind).toBe('accessDenied');
    expect(e.message).toMatch(/beveiligd/);
    expect(toOfficeWorkbookError({ code: 'SomethingNew' }).kind).toBe('general');
    expect(toOfficeWorkbookError(new Error('boom')).kind).toBe('general');
  });

  test('the cell-edit retry waits 500 ms, 1 s, 2 s and then gives the Dutch message', async () => {
    const waits: number[] = [];
    let calls = 0;
    const attempt = async () => {
      calls++;
      throw Object.assign(new Error('busy'), { code: 'InvalidOperationInCellEditMode' });
    };
    await expect(withCellEditRetry(attempt, { sleep: async (ms) => void waits.push(ms) })).rejects.toThrow(
      'Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer opnieuw.',
    );
    expect(waits).toEqual([500, 1000, 2000]);
    expect(calls).toBe(4);
  });

  test('other errors are not retried', async () => {
    let calls = 0;
    const attempt = async () => {
      calls++;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- Office.js errors reach us as plain objects with a code in some hosts
      throw { code: 'ItemNotFound' };
    };
    await expect(withCellEditRetry(attempt, { sleep: async () => undefined })).rejects.toMatchObject({ kind: 'notFound' });
    expect(calls).toBe(1);
  });
});
