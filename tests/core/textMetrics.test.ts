import { EM_PER_CHARACTER, textEm, widestWordEm, wrapLines, wrappedRowHeight } from '../../src/core/textMetrics';

describe('textEm: the width estimate per character (DejaVu Sans, in em)', () => {
  it('puts narrow letters and punctuation at 0.3, brackets, slashes and spaces at 0.4, m/w/%/@ at 1.0', () => {
    expect(textEm("iljI.,:;'!|")).toBeCloseTo(11 * 0.3, 10);
    expect(textEm('ftr()[]-/ "')).toBeCloseTo(11 * 0.4, 10);
    expect(textEm('mwMW…%@')).toBeCloseTo(7 * 1.0, 10);
  });

  it('puts other capitals at 0.76 and digits and other lower case at 0.64', () => {
    expect(textEm('ABZ')).toBeCloseTo(3 * 0.76, 10);
    expect(textEm('09')).toBeCloseTo(2 * 0.64, 10);
    expect(textEm('aé')).toBeCloseTo(2 * 0.64, 10);
  });

  it('counts a character outside the 16-bit range once, and an empty text as 0', () => {
    expect(textEm('😀')).toBeCloseTo(0.64, 10);
    expect(textEm('')).toBe(0);
  });

  it('makes bold text 12 % wider', () => {
    expect(textEm('Wijk 12', true)).toBeCloseTo(textEm('Wijk 12') * 1.12, 10);
    expect(textEm('Wijk 12', false)).toBe(textEm('Wijk 12'));
  });
});

describe('widestWordEm: the widest piece a line may not break', () => {
  it('splits at spaces of any kind and after slashes and hyphens (the slash or hyphen stays with the word before it)', () => {
    expect(widestWordEm('aa  bbb')).toBe(textEm('bbb'));
    expect(widestWordEm('aa\tbbb\ncc')).toBe(textEm('bbb'));
    expect(widestWordEm('aaaa/b')).toBe(textEm('aaaa/'));
    expect(widestWordEm('b/aaaa')).toBe(textEm('aaaa'));
    expect(widestWordEm('aaaa-b')).toBe(textEm('aaaa-'));
    expect(widestWordEm('aaaa\u2010b')).toBe(textEm('aaaa\u2010'));
  });

  it('is 0 for a text without words, and bold when asked', () => {
    expect(widestWordEm('')).toBe(0);
    expect(widestWordEm('   ')).toBe(0);
    expect(widestWordEm('Verantwoordelijke', true)).toBe(textEm('Verantwoordelijke', true));
  });
});

describe('wrapLines: greedy line breaks at spaces', () => {
  it('keeps a line that fits exactly and breaks one that is a hair too wide', () => {
    const width = textEm('aaa bbb');
    expect(wrapLines('aaa bbb ccc', width)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapLines('aaa bbb ccc', width - 0.01)).toEqual(['aaa', 'bbb', 'ccc']);
  });

  it('measures bold text as bold', () => {
    const width = textEm('aaa bbb');
    expect(wrapLines('aaa bbb', width)).toEqual(['aaa bbb']);
    expect(wrapLines('aaa bbb', width, true)).toEqual(['aaa', 'bbb']);
  });

  it('keeps the text’s own line breaks (LF, CRLF, CR), empty lines included, and joins runs of spaces', () => {
    expect(wrapLines('a\r\nb\rc\nd', 100)).toEqual(['a', 'b', 'c', 'd']);
    expect(wrapLines('a\n\nb', 100)).toEqual(['a', '', 'b']);
    expect(wrapLines('  a   b  ', 100)).toEqual(['a b']);
    expect(wrapLines('', 100)).toEqual(['']);
  });

  it('gives a word wider than a line a line of its own, without an empty line before it', () => {
    expect(wrapLines('kort buitengewoonlangwoord kort', textEm('kort kort'))).toEqual(['kort', 'buitengewoonlangwoord', 'kort']);
    expect(wrapLines('buitengewoonlangwoord', 1)).toEqual(['buitengewoonlangwoord']);
  });
});

describe('wrappedRowHeight: the row height wrapped cells need', () => {
  // a column 10 characters wide holds 10 × 0.6 − 1 = 5 em of text
  const TEN = 10;

  it('measures a column in units of EM_PER_CHARACTER, less 1 em of margin', () => {
    expect(EM_PER_CHARACTER * TEN - 1).toBe(5);
    const justFits = 'aaa bbb'; // 4.24 em
    expect(textEm(justFits)).toBeLessThanOrEqual(5);
    expect(wrappedRowHeight([justFits], [TEN])).toBeNull();
    // 7.5 units hold 3.5 em: the same text needs two lines
    expect(wrappedRowHeight([justFits], [7.5])).toBe(2 * 15 + 2);
  });

  it('is 15 points per line plus 2, after the cell that needs most lines', () => {
    expect(wrappedRowHeight(['aaa bbb ccc'], [TEN])).toBe(32);
    expect(wrappedRowHeight(['aaa bbb ccc', 'aaa\nbbb\nccc'], [TEN, TEN])).toBe(47);
    expect(wrappedRowHeight(['aaa\nbbb\nccc', 'aaa bbb ccc'], [TEN, TEN])).toBe(47);
  });

  it('is null (the default height) when every cell fits one line', () => {
    expect(wrappedRowHeight(['aaa', 'bbb'], [TEN, TEN])).toBeNull();
    expect(wrappedRowHeight([], [])).toBeNull();
  });

  it('counts no cell without a width, not even its own line breaks', () => {
    expect(wrappedRowHeight(['x', 'aaa bbb ccc'], [TEN])).toBeNull();
    expect(wrappedRowHeight(['x', 'aaa\nbbb'], [TEN])).toBeNull();
  });

  it('measures bold cells as bold (4.24 em fits 4.4 em, 4.75 em does not)', () => {
    const width = (4.4 + 1) / EM_PER_CHARACTER;
    expect(wrappedRowHeight(['aaa bbb'], [width])).toBeNull();
    expect(wrappedRowHeight(['aaa bbb'], [width], true)).toBe(32);
  });

  it('stops at Excel’s highest row, 409 points (27 lines still fit, 28 do not)', () => {
    const lines = (n: number) => Array.from({ length: n }, () => 'x').join('\n');
    expect(wrappedRowHeight([lines(27)], [TEN])).toBe(27 * 15 + 2);
    expect(wrappedRowHeight([lines(28)], [TEN])).toBe(409);
  });
});
