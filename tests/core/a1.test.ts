import { cellAddress, columnLetter, columnNumber, parseCell, parseRange, rangeAddress, sheetRef, tryParseCell, tryParseRange } from '../../src/core/a1';
import { problem, sortProblems } from '../../src/core/problems';

test('columns: A, Z, AA, AZ, BA, ZZ, AAA and the last column XFD both ways', () => {
  const pairs: [string, number][] = [
    ['A', 1],
    ['Z', 26],
    ['AA', 27],
    ['AZ', 52],
    ['BA', 53],
    ['ZZ', 702],
    ['AAA', 703],
    ['XFD', 16384],
  ];
  for (const [letters, n] of pairs) {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  }
  for (let n = 1; n <= 16384; n += 97) expect(columnNumber(columnLetter(n))).toBe(n);
});

test('columns outside the worksheet (past XFD, 0, fractions, not letters) are refused', () => {
  expect(() => columnLetter(16385)).toThrow(RangeError);
  expect(() => columnLetter(0)).toThrow(RangeError);
  expect(() => columnLetter(1.5)).toThrow(RangeError);
  expect(() => columnNumber('XFE')).toThrow(RangeError);
  expect(() => columnNumber('ZZZ')).toThrow(RangeError);
  expect(() => columnNumber('AAAA')).toThrow(RangeError);
  expect(() => columnNumber('')).toThrow(RangeError);
  expect(() => columnNumber('A1')).toThrow(RangeError);
  // Letters only, from the first character on (a pattern without its ^ let digits in front).
  expect(() => columnNumber('1A')).toThrow(RangeError);
  expect(() => columnNumber('$A')).toThrow(RangeError);
});

test('cells: lower case and $ anchors are read, written back in upper case without anchors', () => {
  expect(parseCell('B7')).toEqual({ row: 7, column: 2 });
  expect(parseCell('b7')).toEqual({ row: 7, column: 2 });
  expect(parseCell('$B$7')).toEqual({ row: 7, column: 2 });
  expect(parseCell('$b7')).toEqual({ row: 7, column: 2 });
  expect(parseCell('B$7')).toEqual({ row: 7, column: 2 });
  expect(parseCell(' xfd1048576 ')).toEqual({ row: 1048576, column: 16384 });
  expect(cellAddress(1048576, 16384)).toBe('XFD1048576');
  expect(cellAddress(7, 2)).toBe('B7');
});

test('invalid cell addresses throw (parseCell) or give null (tryParseCell)', () => {
  for (const bad of ['', 'A', '7', 'A0', 'A01x', 'A1048577', 'XFE1', '$$A1', 'A$$1', 'A-1', 'A1.5', '1A', 'A1:B2', 'Blad!A1', 'R1C1', 'A 1']) {
    expect(tryParseCell(bad)).toBeNull();
    expect(() => parseCell(bad)).toThrow(RangeError);
  }
  expect(() => cellAddress(0, 1)).toThrow(RangeError);
  expect(() => cellAddress(1048577, 1)).toThrow(RangeError);
  expect(() => cellAddress(1, 16385)).toThrow(RangeError);
});

test('ranges: corners are normalised, a sheet prefix (also quoted) is ignored, one cell is a range', () => {
  const abc = { start: { row: 1, column: 1 }, end: { row: 3, column: 3 } };
  expect(parseRange('A1:C3')).toEqual(abc);
  expect(parseRange('C3:A1')).toEqual(abc);
  expect(parseRange('$c$1:a3')).toEqual(abc);
  expect(parseRange('Blad1!A1:C3')).toEqual(abc);
  expect(parseRange("'Mijn blad!'!A1:C3")).toEqual(abc);
  expect(parseRange('D4')).toEqual({ start: { row: 4, column: 4 }, end: { row: 4, column: 4 } });
  expect(parseRange('A1:XFD1048576').end).toEqual({ row: 1048576, column: 16384 });
  expect(rangeAddress(1, 1, 3, 3)).toBe('A1:C3');
  expect(rangeAddress(4, 4, 4, 4)).toBe('D4');
});

test('invalid ranges throw (parseRange) or give null (tryParseRange): whole columns/rows, three corners, empty corner', () => {
  for (const bad of ['A:A', '1:3', 'A1:B2:C3', 'A1:', ':B2', 'A1:XFE2', 'A0:B2', '']) {
    expect(tryParseRange(bad)).toBeNull();
    expect(() => parseRange(bad)).toThrow(RangeError);
  }
});

test('sheetRef quotes names with spaces, quotes or that look like a cell address', () => {
  expect(sheetRef('Keuzelijsten')).toBe('Keuzelijsten');
  expect(sheetRef('Werkblad koppelkansen kiezen')).toBe("'Werkblad koppelkansen kiezen'");
  expect(sheetRef("Jan's blad")).toBe("'Jan''s blad'");
  expect(sheetRef('AB12')).toBe("'AB12'");
});

test('sheetRef leaves a name unquoted when only part of it looks like a cell address (Blad2024, A1B)', () => {
  // Excel writes these without quotes, so a formula read back matches the one written.
  expect(sheetRef('Blad2024')).toBe('Blad2024');
  expect(sheetRef('A1B')).toBe('A1B');
  expect(sheetRef('XFD1048576')).toBe("'XFD1048576'");
});

// The cases below are how Excel itself writes these sheet names into formulas (the quoted and
// unquoted names of XlsxWriter's quote_sheetname tests, extracted from Excel files).
test('sheetRef quotes sheet names Excel reads as an R1C1 reference (R, C, RC, R1C1, C5, R2C3b); bare, =R!A1 and =RC!A1 were no reference to the sheet', () => {
  for (const name of [
    'R',
    'r',
    'C',
    'c',
    'RC',
    'rc',
    'R4C',
    'RC2',
    'rc2',
    'RC8',
    'R1C1',
    'r1c2',
    'rc2z',
    'R1C1b',
    'R1C1R',
    'R2C3',
    'C5',
    'C16384Z',
    'RC16383',
    'RC16384Z',
    'R1048576',
    'R1048576C',
    'R1C16384',
    'R1C16385',
    'R1C16384Z',
    'R1048575C1',
    'R1048576C16384',
    'R1048576C16385',
  ])
    expect([name, sheetRef(name)]).toEqual([name, `'${name}'`]);
});

test('sheetRef leaves names bare that only start with R or C and are no R1C1 reference (CR, RCZ, R0C0, Rondes, Checklist)', () => {
  for (const name of [
    'CR',
    'CZ',
    'RCZ',
    'RRC',
    'R0C0',
    'bR1C1',
    'bR1C1b',
    'C16385Z',
    'PC16384Z',
    'RC16385Z',
    'R1048577C',
    'R1048577C1',
    'R1048577C16384',
    'ZR1048576C16384',
    'C123456789012345678901Z',
    'R123456789012345678901Z',
    'Rondes',
    'Checklist',
    'Resultaat',
    'A',
    'B',
    'Q',
  ])
    expect([name, sheetRef(name)]).toEqual([name, name]);
});

test('sheetRef quotes a name Excel reads as a cell inside the sheet, in any case and with leading zeros (a1, XFD1, XFD01048576), and leaves outside ones bare (A0, XFE1, A1048577)', () => {
  for (const name of ['A1', 'a1', 'XFD1', 'xfd1', 'A1048576', 'B1048576', 'XFD048576', 'XFD1048576', 'XFD01048576', 'C16385'])
    expect([name, sheetRef(name)]).toEqual([name, `'${name}'`]);
  for (const name of ['A0', 'XFD', 'xfd', 'XFE1', 'ZZZ1', 'B1048577', 'A1048577', 'B1048576a', 'XFD01048577', 'A123456789012345678901'])
    expect([name, sheetRef(name)]).toEqual([name, name]);
});

test('sheetRef quotes names with a leading digit, dot or other non-word character and TRUE/FALSE; accented letters stay bare like Excel writes them', () => {
  for (const name of [
    '1',
    '1234',
    '1Sheet1',
    '2024',
    '.Sheet1',
    '.',
    '-Sheet1',
    '#Sheet1',
    'Sheet-1',
    'Sheet#1',
    'Sheet 1',
    ' ',
    'Sheet\u27e61',
    'TRUE',
    'false',
  ])
    expect([name, sheetRef(name)]).toEqual([name, `'${name}'`]);
  for (const name of ['Sheet1', 'Sheet.1', 'Sheet_1', '_', '_Sheet1', 'été', 'mangé', 'Opgaven_2024', 'TRUE1'])
    expect([name, sheetRef(name)]).toEqual([name, name]);
  expect(sheetRef("Sheet''1")).toBe("'Sheet''''1'");
});

test('problems in columns past column ALL (1000) sort by reading order (the old sort key row*1000+column put AMK1, column 1025, after A2)', () => {
  const at = (cell: string) => problem('NO_FACTORS', 'Blad', cell);
  const sorted = sortProblems([at('A2'), at('AMK1'), at('B1'), at(''), at('A1')]).map((p) => p.cell);
  expect(sorted).toEqual(['', 'A1', 'B1', 'AMK1', 'A2']);
});
