/**
 * Text safety (src/core/textSafety.ts): what Excel makes of typed input (`parseEntry`, the
 * model the memory adapter and the fake Excel use), the escaping that keeps a team's text
 * text (`toEntryText`), and the characters an .xlsx file cannot hold. The expected values are
 * Excel's behaviour when the string is typed into a cell (a leading apostrophe keeps text,
 * "=", "+", "-", "@" start a formula, "(12)" is -12, "50%" is 0.5), written out here.
 */
import { hasXmlForbiddenCharacters, MAX_CELL_TEXT, parseEntry, toEntryText, withoutLoneSurrogates } from '../../src/core/textSafety';

describe('parseEntry: what Excel makes of a typed string', () => {
  test.each([
    ['', { kind: 'empty' }],
    ["'=1+1", { kind: 'text', value: '=1+1' }],
    ["'", { kind: 'text', value: '' }],
    ['=1+1', { kind: 'formula', value: '=1+1' }],
    ['+A1', { kind: 'formula', value: '=+A1' }],
    ['-A1', { kind: 'formula', value: '=-A1' }],
    ['@team', { kind: 'formula', value: '=@team' }],
    ['+31 6 12345678', { kind: 'formula', value: '=+31 6 12345678' }],
    ['-5', { kind: 'number', value: -5 }],
    ['+5', { kind: 'number', value: 5 }],
    ['-3,5', { kind: 'number', value: -3.5 }],
    ['- 4', { kind: 'formula', value: '=- 4' }],
    ['=5', { kind: 'formula', value: '=5' }],
    ['-', { kind: 'text', value: '-' }],
    ['=', { kind: 'text', value: '=' }],
    ['(12)', { kind: 'number', value: -12 }],
    ['(1,5)', { kind: 'number', value: -1.5 }],
    [' (2.5) ', { kind: 'number', value: -2.5 }],
    ['(fase 1)', { kind: 'text', value: '(fase 1)' }],
    ['(1,25)', { kind: 'number', value: -1.25 }],
    ['Fase (2)', { kind: 'text', value: 'Fase (2)' }],
    ['(12) stuks', { kind: 'text', value: '(12) stuks' }],
    ['(12', { kind: 'text', value: '(12' }],
    ['12)', { kind: 'text', value: '12)' }],
    ['TRUE', { kind: 'bool', value: true }],
    [' waar ', { kind: 'bool', value: true }],
    ['Onwaar', { kind: 'bool', value: false }],
    ['false', { kind: 'bool', value: false }],
    ['waarheid', { kind: 'text', value: 'waarheid' }],
    ['onwaarheid', { kind: 'text', value: 'onwaarheid' }],
    ['niet onwaar', { kind: 'text', value: 'niet onwaar' }],
    ['nietwaar', { kind: 'text', value: 'nietwaar' }],
    ['12', { kind: 'number', value: 12 }],
    [' 12 ', { kind: 'number', value: 12 }],
    ['1,5', { kind: 'number', value: 1.5 }],
    ['1.5', { kind: 'number', value: 1.5 }],
    ['12.', { kind: 'number', value: 12 }],
    [',5', { kind: 'number', value: 0.5 }],
    ['.25', { kind: 'number', value: 0.25 }],
    ['50%', { kind: 'number', value: 0.5 }],
    ['1e3', { kind: 'number', value: 1000 }],
    ['2E-2', { kind: 'number', value: 0.02 }],
    ['1e10', { kind: 'number', value: 1e10 }],
    ['00123', { kind: 'number', value: 123 }],
    ['12abc', { kind: 'text', value: '12abc' }],
    ['abc12', { kind: 'text', value: 'abc12' }],
    ['1 2', { kind: 'text', value: '1 2' }],
    ['%', { kind: 'text', value: '%' }],
    ['Geveltuinen', { kind: 'text', value: 'Geveltuinen' }],
    // text keeps its spaces: the value is what was typed, not the trimmed text
    ['  Warmtenet  ', { kind: 'text', value: '  Warmtenet  ' }],
    ['x=1', { kind: 'text', value: 'x=1' }],
  ])('%j', (input, expected) => {
    expect(parseEntry(input)).toEqual(expected);
  });

  test.each(['1/2', '2026-11-28', '28-11-2026', '12/31/2026', '1-2'])('%j is a date: a number Excel picks (NaN here)', (input) => {
    const parsed = parseEntry(input);
    expect(parsed.kind).toBe('number');
    expect(parsed.kind === 'number' && Number.isNaN(parsed.value)).toBe(true);
  });

  test.each(['1/2/3/4', '12345/1', '1/123', 'a1/2', '1/2b'])('%j is no date: text', (input) => {
    expect(parseEntry(input)).toEqual({ kind: 'text', value: input });
  });
});

describe('toEntryText: typed text stays text', () => {
  const risky = [
    '=1+1',
    '+31 6 12345678',
    '-',
    '- opruimen',
    '@team',
    "'al met apostrof",
    ' met spatie ervoor',
    '\tmet tab',
    '00123',
    '12',
    '1,5',
    '.5',
    ',5',
    '1/2',
    '2026-11-28',
    '(12)',
    '(fase 1)',
    'TRUE',
    'Waar',
    'onwaar ',
    'FALSE',
    '#N/B',
    '#n/a',
    '#WAARDE!',
    '#VALUE!',
    '#REF!',
    '#DIV/0!',
    '#NAME?',
    '#NAAM?',
    '#NUM!',
    '#GETAL!',
    '#NULL!',
    '#LEEG!',
    '12abc',
  ];
  test.each(risky)('%j gets an apostrophe and reads back as the same text', (text) => {
    expect(toEntryText(text)).toBe(`'${text}`);
    expect(parseEntry(toEntryText(text))).toEqual({ kind: 'text', value: text });
  });

  test.each(['Geveltuinen', 'Warmtenet (fase 1)', 'x=1', 'true story', 'waarom', 'N/B', '#hashtag', 'Buurt 12', 'Ééntje'])(
    '%j is safe as it is: no apostrophe',
    (text) => {
      expect(toEntryText(text)).toBe(text);
      expect(parseEntry(text)).toEqual({ kind: 'text', value: text });
    },
  );

  test('empty stays empty (clearing, not an apostrophe)', () => {
    expect(toEntryText('')).toBe('');
  });
});

describe('characters an .xlsx file cannot hold', () => {
  test.each([
    ['a\u0001b', true],
    ['\u0000', true],
    ['\u0008', true],
    ['\u000B', true],
    ['\u000C', true],
    ['\u000E', true],
    ['\u001F', true],
    ['\uFFFE', true],
    ['\uFFFF', true],
    ['half \uD83D emoji', true],
    ['\uDE00 tail half', true],
    ['tab\tnewline\ncr\r', false],
    ['emoji 😀 whole', false],
    ['gewone tekst', false],
    ['', false],
  ])('%j: %s', (text, expected) => {
    expect(hasXmlForbiddenCharacters(text)).toBe(expected);
  });

  test('asking twice in a row gives the same answer (the global patterns do not remember where they stopped)', () => {
    expect(hasXmlForbiddenCharacters('abc\u0001')).toBe(true);
    expect(hasXmlForbiddenCharacters('\u0002')).toBe(true);
    expect(hasXmlForbiddenCharacters('abc \uD83D')).toBe(true);
    expect(hasXmlForbiddenCharacters('\uD83D')).toBe(true);
  });

  test('withoutLoneSurrogates drops half emoji only; whole emoji and other text stay', () => {
    expect(withoutLoneSurrogates('a\uD83Db\uDE00c 😀 \u0001')).toBe('abc 😀 \u0001');
    expect(withoutLoneSurrogates('gewone tekst')).toBe('gewone tekst');
  });

  test("Excel's limit of characters in one cell", () => {
    expect(MAX_CELL_TEXT).toBe(32767);
  });
});
