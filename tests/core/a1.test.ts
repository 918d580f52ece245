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

test('problems in columns past column ALL (1000) sort by reading order (the old sort key row*1000+column put AMK1, column 1025, after A2)', () => {
  const at = (cell: string) => problem('NO_FACTORS', 'Blad', cell);
  const sorted = sortProblems([at('A2'), at('AMK1'), at('B1'), at(''), at('A1')]).map((p) => p.cell);
  expect(sorted).toEqual(['', 'A1', 'B1', 'AMK1', 'A2']);
});
