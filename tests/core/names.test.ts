/**
 * The matching rule for opgave and koppelkans names (src/core/names.ts), pinned down rule by
 * rule: these tests were written against the survivors of a StrykerJS run on names.ts
 * (CONTRIBUTING.md, "Mutation testing"), which before them was reached mostly through
 * whole-workbook tests.
 */
import { cleanName, excelErrorNames, nameKey, nameWarnings, trimText } from '../../src/core/names';
import { textAt } from '../../src/core/grid';
import { readPrioEntriesRanked, type PrioLayout } from '../../src/core/prioritering';
import type { Problem } from '../../src/core/problems';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { analyze } from '../../src/core/analyze';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { prioriteringWorkbook } from '../helpers/prioriteringFixture';

/** The warnings for one name in Werkblad!B6. */
const warningsFor = (name: string) => nameWarnings('Werkblad', [{ row: 6, column: 2, value: name }]);

describe('cleanName: the name as the formulas see it', () => {
  it('reads an empty cell (null or absent) as no name, not as the text "null"', () => {
    expect(cleanName(null)).toBe('');
    expect(cleanName(undefined)).toBe('');
    expect(cleanName('')).toBe('');
  });

  it('gives booleans as Excel writes them and numbers as their text', () => {
    expect(cleanName(true)).toBe('TRUE');
    expect(cleanName(false)).toBe('FALSE');
    expect(cleanName(12)).toBe('12');
    expect(cleanName(1.5)).toBe('1.5');
    expect(cleanName(0)).toBe('0');
  });

  it('reads an Excel error value as no name (the formulas wrap it in IFERROR), but keeps a name that only contains one', () => {
    for (const [e] of excelErrorNames()) {
      expect(cleanName(e)).toBe('');
    }
    expect(cleanName('Warmtenet #N/A')).toBe('Warmtenet #N/A');
    expect(cleanName('#n/a')).toBe('#n/a');
  });

  it('counts a non-breaking space, tab, line feed and carriage return as a space', () => {
    expect(cleanName('Warmtenet\u00a0Noord')).toBe('Warmtenet Noord');
    expect(cleanName('Warmtenet\tNoord')).toBe('Warmtenet Noord');
    expect(cleanName('Warmtenet\nNoord')).toBe('Warmtenet Noord');
    expect(cleanName('Warmtenet\rNoord')).toBe('Warmtenet Noord');
    expect(cleanName('Warmtenet\r\n\u00a0\tNoord')).toBe('Warmtenet Noord');
  });

  it('trims both ends and collapses every inner run of spaces to one, as TRIM', () => {
    expect(cleanName(' Warmtenet Noord ')).toBe('Warmtenet Noord');
    expect(cleanName('   Warmtenet    Noord   ')).toBe('Warmtenet Noord');
    expect(cleanName('a  b   c    d')).toBe('a b c d');
    expect(cleanName('a b c')).toBe('a b c');
    expect(cleanName('  ')).toBe('');
    expect(cleanName(' ')).toBe('');
  });

  it('keeps case and every other character literally', () => {
    expect(cleanName('Zon*Dak? ~A <=>')).toBe('Zon*Dak? ~A <=>');
    expect(cleanName('Café ÉÉN')).toBe('Café ÉÉN');
  });
});

describe('nameKey: the comparison key', () => {
  it('is the cleaned name in lower case', () => {
    expect(nameKey('  Warmtenet\u00a0 NOORD ')).toBe('warmtenet noord');
    expect(nameKey('ÉÉN')).toBe('één');
    expect(nameKey(true)).toBe('true');
    expect(nameKey(null)).toBe('');
    expect(nameKey('#N/A')).toBe('');
  });

  it('makes names that differ only in case and spacing equal, and others not', () => {
    expect(nameKey('Warmtenet Noord')).toBe(nameKey(' warmtenet\tnoord'));
    expect(nameKey('Warmtenet Noord')).not.toBe(nameKey('Warmtenet Noord 2'));
    expect(nameKey('Zon*')).not.toBe(nameKey('Zon?'));
  });
});

describe('nameWarnings', () => {
  it('names the sheet and cell of each risky name, in the order given, and passes safe names and empty cells (numbers and booleans: see below)', () => {
    const out = nameWarnings('Werkblad koppelkansen kiezen', [
      { row: 6, column: 2, value: 'Warmtenet Noord' },
      { row: 7, column: 1, value: 'a\u200bb' },
      { row: 10, column: 2, value: null },
      { row: 11, column: 3, value: 'İstanbul' },
    ]);
    expect(out.map((p) => [p.sheet, p.cell, p.code, p.severity])).toEqual([
      ['Werkblad koppelkansen kiezen', 'A7', 'NAME_NOT_COMPARABLE', 'warning'],
      ['Werkblad koppelkansen kiezen', 'C11', 'NAME_NOT_COMPARABLE', 'warning'],
    ]);
    expect(out[0].message).toMatch(/onzichtbaar/);
    expect(out[1].message).toContain('"İ"');
  });

  it('quotes the cleaned name, cut to its first 60 characters', () => {
    const long = `  ${'x'.repeat(59)}Y${'z'.repeat(240)}`; // 300 characters after the spaces: over the lookup limit
    const [w] = warningsFor(long);
    expect(w.message).toContain(`"${'x'.repeat(59)}Y"`);
    expect(w.message).not.toContain('Yz');
    expect(warningsFor('\u00a0İk\u00a0')[0].message).toContain('"İk"');
  });

  describe("the lookup limit (Excel's 255 characters for MATCH/COUNTIF, after escaping)", () => {
    const tooLong = (name: string) => warningsFor(name).some((w) => /255/.test(w.message));

    it('measures the key, not the typed text: surrounding and repeated spaces do not count', () => {
      expect(tooLong('a'.repeat(255))).toBe(false);
      expect(tooLong('a'.repeat(256))).toBe(true);
      expect(tooLong(`${' '.repeat(100)}${'a'.repeat(255)}${' '.repeat(100)}`)).toBe(false);
      expect(tooLong(`a${' '.repeat(300)}b`)).toBe(false);
    });

    it('counts the escape character in front of each ~, * and ?', () => {
      for (const c of ['~', '*', '?']) {
        expect(tooLong(c.repeat(128))).toBe(true); // 256 after escaping
        expect(tooLong(`${c.repeat(127)}a`)).toBe(false); // 255 after escaping
      }
      expect(tooLong(`${'a'.repeat(200)}`)).toBe(false); // long but plain: no escapes
      expect(tooLong(`${'*'.repeat(56)}${'a'.repeat(144)}`)).toBe(true); // 56 × 2 + 144 = 256
      expect(tooLong(`${'*'.repeat(55)}${'a'.repeat(145)}`)).toBe(false); // 55 × 2 + 145 = 255
    });
  });

  describe('characters Excel compares differently', () => {
    it('flags a character whose lower case is more than one character (İ → i + dot)', () => {
      expect(warningsFor('İ')).toHaveLength(1);
    });

    it('flags a character whose lower case does not change back to it (ϴ → θ → Θ), and reports the first one', () => {
      const [w] = warningsFor('aϴbİ');
      expect(w.message).toContain('"ϴ"');
    });

    it('passes Greek, Cyrillic and final sigma, whose case round-trips', () => {
      for (const name of ['ΣΑΣ ς', 'Москва', 'ωΩ', 'Ǆ']) expect(warningsFor(name)).toEqual([]);
    });

    it('reports an invisible character before a case problem in the same name', () => {
      const [w] = warningsFor('İ\u200b');
      expect(w.message).toMatch(/onzichtbaar/);
    });
  });
});

describe('names that are no text (issue 9 review: TRUE and 1.5 as names were neither handled nor warned)', () => {
  it('warns about a boolean or number name, naming the cell, in Dutch as Excel shows it', () => {
    const out = nameWarnings('Werkblad', [
      { row: 6, column: 2, value: true },
      { row: 7, column: 2, value: 1.5 },
      { row: 8, column: 2, value: 'Gewoon' },
    ]);
    expect(out.map((p) => [p.cell, p.code, p.severity])).toEqual([
      ['B6', 'NAME_NOT_COMPARABLE', 'warning'],
      ['B7', 'NAME_NOT_COMPARABLE', 'warning'],
    ]);
    expect(out[0].message).toContain('"WAAR"');
    expect(out[0].message).toMatch(/waarheidswaarde/);
    expect(out[1].message).toContain('"1,5"');
    expect(out[1].message).toMatch(/getal.*Typ de naam als tekst/);
  });

  it('a FALSE name is named as a Dutch Excel shows it: "ONWAAR"', () => {
    const [w] = nameWarnings('Werkblad', [{ row: 9, column: 2, value: false }]);
    expect(w.cell).toBe('B9');
    expect(w.message).toContain('"ONWAAR"');
  });

  it('analyze warns about them on the werkblad and on Prioritering', async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const wb = await prioriteringWorkbook(['Eerste', 'Tweede'], now, [
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'B6', cells: [[{ bool: true }]] },
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'B7', cells: [[{ number: 1.5 }]] },
      { kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `B${PRIORITERING.firstRow}`, cells: [[{ bool: true }], [{ number: 1.5 }]] },
    ]);
    const a = analyze(await wb.readSnapshot(), { now });
    const where = a.problems.filter((p) => p.code === 'NAME_NOT_COMPARABLE').map((p) => `${p.sheet}!${p.cell}`);
    expect(where).toEqual(
      expect.arrayContaining([
        `${SHEET_NAMES.werkblad}!B6`,
        `${SHEET_NAMES.werkblad}!B7`,
        `${SHEET_NAMES.prioritering}!B${PRIORITERING.firstRow}`,
        `${SHEET_NAMES.prioritering}!B${PRIORITERING.firstRow + 1}`,
      ]),
    );
  });
});

// the issue 9 audit: the engine trimmed other text cells with JavaScript's trim() (NBSP, tabs, U+2003 …), the formulas
// with TRIM (spaces only): an Omdat… of one NBSP was "no reason" to the engine and a reason to the Signaal formula
describe('the text rule for the other text cells a formula reads (textAt, trimText)', () => {
  const sheetOf = (values: CellValue[][]): SheetSnapshot => ({ name: 'Blad', values });

  it('drops spaces, NBSP, tabs and line breaks at both ends, keeps everything inside, and keeps U+2003 and U+FEFF', () => {
    expect(trimText(' \u00a0\t\r\nOmdat  het\nkan \t\u00a0')).toBe('Omdat  het\nkan');
    expect(trimText('\u00a0')).toBe('');
    expect(trimText('\u2003')).toBe('\u2003');
    expect(trimText('\ufeffx ')).toBe('\ufeffx');
    const s = sheetOf([['\u00a0\t', ' a\u00a0b ', '\u2003', true, 1.5, null]]);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => textAt(s, 1, c))).toEqual(['', 'a\u00a0b', '\u2003', 'WAAR', '1.5', '', '']);
  });

  it('an Omdat… of only NBSP or tabs is no reason for a deviating entry; one of U+2003 is one (as the Signaal formula sees it)', () => {
    const head = ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke'];
    // automatic ranks 3, 2, 1 in places 1, 2, 3: the first two deviate
    const s = sheetOf([head, [1, 'C', '\u00a0'], [2, 'B', '\u2003'], [3, 'A', '\t ']]);
    const layout: PrioLayout = {
      sheet: 'Blad',
      headerRow: 1,
      firstRow: 2,
      lastRow: 4,
      columns: { prioriteit: 1, koppelkans: 2, omdat: 3, verantwoordelijke: 4, rang: 5, signaal: 6, controle: 7, afwijking: 8 },
    };
    const ranks: Record<string, number> = { a: 1, b: 2, c: 3 };
    const problems: Problem[] = [];
    const entries = readPrioEntriesRanked(s, layout, (k) => ranks[k] ?? null, new Set(['a', 'b', 'c']), problems);
    expect(entries.map((e) => [e.koppelkans, e.omdat, e.deviates, e.needsReason])).toEqual([
      ['C', '', true, true],
      ['B', '\u2003', true, false],
      ['A', '', false, false],
    ]);
    expect(problems.filter((p) => p.code === 'PRIO_NO_REASON').map((p) => p.cell)).toEqual(['C2']);
  });
});

// issue 9: a longlist opgave typed as the text "#N/A" was dropped without a word: the snapshot gives an error value
// as its text, so the engine read it as the error (no name) while the workbook's formulas listed it as an opgave
describe('a name cell that reads as an error value (regression: a longlist opgave typed as "#N/A" was silently dropped)', () => {
  it('warns with NAME_ERROR_VALUE, naming the cell, the Dutch error name and both readings', () => {
    const out = nameWarnings('Opgaven en koppelkansen', [
      { row: 5, column: 1, value: '#N/A' },
      { row: 6, column: 1, value: '#SPILL!' },
      { row: 7, column: 1, value: '#N/A ' },
      { row: 8, column: 1, value: 'N/A' },
    ]);
    expect(out.map((p) => [p.sheet, p.cell, p.code, p.severity])).toEqual([
      ['Opgaven en koppelkansen', 'A5', 'NAME_ERROR_VALUE', 'warning'],
      ['Opgaven en koppelkansen', 'A6', 'NAME_ERROR_VALUE', 'warning'],
    ]);
    expect(out[0].message).toContain('#N/B (#N/A)');
    expect(out[0].message).toMatch(/foutwaarde.*getypte tekst/);
    expect(out[1].message).toContain('#SPILL!');
  });

  it('analyze warns about one on the longlist, the werkblad and Prioritering', async () => {
    const now = new Date('2026-11-28T12:00:00Z');
    const wb = await prioriteringWorkbook(['Eerste', 'Tweede'], now);
    const before = analyze(await wb.readSnapshot(), { now });
    const longlist = before.longlist.layout!;
    const next = longlist.lastRow + 1;
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: longlist.sheet, cell: `A${next}`, cells: [[{ text: '#N/A' }, { text: 'Eigen koppelkans' }]] },
        { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'A8', cells: [[{ text: '#REF!' }, { text: 'Derde' }]] },
        { kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `B${PRIORITERING.firstRow + 2}`, cells: [[{ text: '#VALUE!' }]] },
      ],
    });
    const a = analyze(await wb.readSnapshot(), { now });
    const where = a.problems.filter((p) => p.code === 'NAME_ERROR_VALUE').map((p) => `${p.sheet}!${p.cell}`);
    expect(where.sort()).toEqual(
      [`${longlist.sheet}!A${next}`, `${SHEET_NAMES.prioritering}!B${PRIORITERING.firstRow + 2}`, `${SHEET_NAMES.werkblad}!A8`].sort(),
    );
    expect(a.longlist.opgaven).not.toContain('#N/A');
  });
});
