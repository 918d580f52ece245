/** Name warnings: the names the workbook's formulas cannot compare by the matching rule (src/core/names.ts). */
import { nameWarnings } from '../../src/core/names';

/** The warning's message for a name in Werkblad!B6, or null when there is none. */
const nameRisk = (name: string): string | null => nameWarnings('Werkblad', [{ row: 6, column: 2, value: name }])[0]?.message ?? null;

describe('name warnings', () => {
  it('finds nothing in Latin-1 names (the fast path), whatever their case', () => {
    for (const name of ['Warmtenet Noord', 'Café ÉÈË', 'Straße', 'ÿ µ ×', 'A~*?<>=', '']) expect(nameRisk(name)).toBeNull();
    // U+0085 (next line) is the one Latin-1 character with a risk: an invisible one, found before the case check
    for (let c = 0; c < 256; c++) if (c !== 0x85) expect(nameRisk(`x${String.fromCharCode(c)}`)).toBeNull();
    expect(nameRisk('a\u0085b')).toMatch(/onzichtbaar/);
  });

  it('still finds characters Excel compares differently, invisible characters and over-long names', () => {
    expect(nameRisk('İstanbul')).toMatch(/İ/);
    expect(nameRisk('ΣΑΣ ς')).toBeNull();
    expect(nameRisk('ϴ')).toMatch(/ϴ/);
    expect(nameRisk('a\u200bb')).toMatch(/onzichtbaar/);
    expect(nameRisk('a'.repeat(256))).toMatch(/255/);
    expect(nameRisk('*'.repeat(128))).toMatch(/255/);
    expect(nameRisk('*'.repeat(127))).toBeNull();
  });
});
