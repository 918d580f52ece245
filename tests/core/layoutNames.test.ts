/**
 * The workbook layout (src/core/layout.ts), pure and fast: the sheet-name rule (`normalizeName`,
 * `sameName`: without case, surrounding spaces and repeated inner spaces) and what the rest of
 * the engine counts on in the layout's constants (names Excel accepts, rows and columns that
 * agree with each other, headers that line up with their widths). Scored with StrykerJS
 * (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec c").
 */
import fc from 'fast-check';
import {
  CHECKLIST,
  COLORS,
  CONCLUSION_QUESTIONS,
  LONGLIST,
  NOTULEN,
  PRIORITERING,
  RESULTAAT,
  SHEET_NAMES,
  STAP1_PROMPTS,
  WERKBLAD,
  normalizeName,
  sameName,
} from '../../src/core/layout';

describe('normalizeName', () => {
  it('lowercases, drops spaces at both ends and turns each run of inner white space into one space', () => {
    expect(normalizeName('Werkblad koppelkansen kiezen')).toBe('werkblad koppelkansen kiezen');
    expect(normalizeName('  Resultaat ')).toBe('resultaat');
    expect(normalizeName('WUP   checklist')).toBe('wup checklist');
    expect(normalizeName('WUP\t\n checklist')).toBe('wup checklist');
    expect(normalizeName('\u00a0Notulen\u00a0')).toBe('notulen');
    expect(normalizeName('a b')).toBe('a b');
    expect(normalizeName('')).toBe('');
    expect(normalizeName('   ')).toBe('');
  });

  it('keeps every other character, and the single spaces between words', () => {
    expect(normalizeName("Opgaven & koppel-kansen (2)'")).toBe("opgaven & koppel-kansen (2)'");
    expect(normalizeName('ÉÉN Blad')).toBe('één blad');
  });

  it('is idempotent and has no white space at either end or twice in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\u00a0', 'é', 'X', '-') }), (s) => {
        const n = normalizeName(s);
        expect(normalizeName(n)).toBe(n);
        expect(n).toBe(n.toLowerCase());
        expect(n).not.toMatch(/^\s|\s$|\s\s|[\t\u00a0]/);
      }),
    );
  });
});

describe('sameName', () => {
  it('is true for names that differ only in case or spacing', () => {
    expect(sameName('Resultaat', 'resultaat')).toBe(true);
    expect(sameName(' Werkblad  koppelkansen kiezen', 'werkblad koppelkansen KIEZEN ')).toBe(true);
    expect(sameName('WUP checklist', 'WUP checklist')).toBe(true);
  });

  it('is false for other names, also when only a space inside a word or a character differs', () => {
    expect(sameName('Resultaat', 'Resultaten')).toBe(false);
    expect(sameName('WUP checklist', 'WUPchecklist')).toBe(false);
    expect(sameName('Notulen', 'Notulen 2')).toBe(false);
    expect(sameName('Blad1', 'Blad2')).toBe(false);
  });

  it('agrees with comparing the normalized names, both ways round', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', ' ', '\t'), maxLength: 6 });
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sameName(a, b)).toBe(normalizeName(a) === normalizeName(b));
        expect(sameName(b, a)).toBe(sameName(a, b));
      }),
    );
  });
});

describe('the layout constants', () => {
  it('every sheet name is one Excel accepts (1 to 31 characters, none of : \\ / ? * [ ]), all different', () => {
    const names = Object.values(SHEET_NAMES);
    for (const n of names) {
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[:\\/?*[\]]/);
      expect(n).toBe(n.trim());
    }
    expect(new Set(names.map(normalizeName)).size).toBe(names.length);
  });

  it('the werkblad: factor labels, weights and waarom above the data rows, factors from C on', () => {
    expect(WERKBLAD.factorRow).toBeLessThan(WERKBLAD.weightRow);
    expect(WERKBLAD.weightRow).toBeLessThan(WERKBLAD.firstDataRow);
    expect(WERKBLAD.waaromRow).toBe(WERKBLAD.firstDataRow - 1);
    expect([WERKBLAD.opgaveColumn, WERKBLAD.koppelkansColumn, WERKBLAD.firstFactorColumn]).toEqual([1, 2, 3]);
    expect(WERKBLAD.titlePrefix).toBe(SHEET_NAMES.werkblad);
    expect(WERKBLAD.minPreparedRows).toBeGreaterThan(WERKBLAD.spareRows);
  });

  it('the header rows and their widths line up', () => {
    expect(NOTULEN.columnWidths).toHaveLength(NOTULEN.headers.length);
    expect(NOTULEN.headers[NOTULEN.textColumn - 1]).toBe('Tekst');
    expect(NOTULEN.headers[NOTULEN.onderbouwingColumn - 1]).toBe('In onderbouwing');
    expect(NOTULEN.firstRow).toBe(NOTULEN.headerRow + 1);
    expect(NOTULEN.firstConclusionRow + CONCLUSION_QUESTIONS.length).toBeLessThan(NOTULEN.logTitleRow);
    expect(RESULTAAT.firstRow).toBe(RESULTAAT.headerRow + 1);
    expect(RESULTAAT.minRows).toBeGreaterThanOrEqual(RESULTAAT.topN);
    expect(PRIORITERING.firstRow).toBe(PRIORITERING.headerRow + 1);
    expect(CHECKLIST.firstRow).toBe(CHECKLIST.headerRow + 1);
    expect(CHECKLIST.progressColumn).toBeGreaterThan(CHECKLIST.headers.length);
    expect(LONGLIST.maxCapacity).toBeGreaterThanOrEqual(LONGLIST.minCapacity);
  });

  it('the guide texts: four conclusion steps in order, the Stap 1 prompts of Dromen then Drempels', () => {
    expect(CONCLUSION_QUESTIONS.map((q) => q.stap)).toEqual(['Stap 1', 'Stap 2', 'Stap 3', 'Stap 4']);
    expect(STAP1_PROMPTS.map((p) => p.soort)).toEqual(['Dromen', 'Drempels']);
    for (const p of STAP1_PROMPTS) for (const v of p.vragen) expect(v.vraag).toMatch(/\?$/);
  });

  it('the colours are RGB hex', () => {
    for (const c of Object.values(COLORS)) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });
});
