/**
 * Excel's MATCH returns #VALUE! for a lookup value over 255 characters (LibreOffice has no
 * such limit, so the agreement corpus cannot see it). Issue 9 review: Keuzelijsten E had no
 * IFERROR, so one long opgave broke every dropdown in Excel. Every MATCH the product writes
 * that looks up a name (an escaped key, `escapeFormula`) must sit inside an IFERROR.
 */
import { prioRankFormula } from '../../src/core/formulas';
import { koppelkansListSource, LIJST_COLUMNS, lijstenFormulas, type LijstenGeometry } from '../../src/core/keuzelijsten';
import { columnLetter } from '../../src/core/a1';
import type { WerkbladLayout } from '../../src/core/werkblad';

const g: LijstenGeometry = {
  longlistSheet: 'Longlist',
  opgaveColumn: 1,
  koppelkansColumn: 2,
  firstRow: 2,
  rows: 6,
  werkbladSheet: 'Werkblad',
  lijstenSheet: 'Keuzelijsten',
  werkbladFirstRow: 6,
  werkbladLastRow: 9,
};

/** Column S of Keuzelijsten holds each werkblad row's escaped key (the koppelkans dropdown looks it up). */
const S = columnLetter(LIJST_COLUMNS.wGroup);

/** Start indexes of MATCH( calls whose lookup value is an escaped name (SUBSTITUTE of "~", or column S). */
function nameMatches(f: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`MATCH\\((SUBSTITUTE\\(|Keuzelijsten!\\$${S}\\d)`, 'g');
  for (let m = re.exec(f); m; m = re.exec(f)) out.push(m.index);
  return out;
}

/** Whether the character at `at` lies inside the first argument-list of some IFERROR(…). */
function insideIferror(f: string, at: number): boolean {
  const re = /IFERROR\(/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    if (m.index > at) break;
    let depth = 0;
    let end = -1;
    let inString = false;
    for (let i = m.index + 'IFERROR'.length; i < f.length; i++) {
      const ch = f[i];
      if (ch === '"') inString = !inString;
      if (inString) continue;
      if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end > at) return true;
  }
  return false;
}

describe('a name longer than 255 characters cannot break the formulas in Excel', () => {
  it('the checker itself sees a bare MATCH and an enclosed one', () => {
    expect(nameMatches('=MATCH(SUBSTITUTE(A1,"~","~~"),B:B,0)').map((i) => insideIferror('=MATCH(SUBSTITUTE(A1,"~","~~"),B:B,0)', i))).toEqual([false]);
    const ok = '=IFERROR(MATCH(SUBSTITUTE(A1,"~","~~"),B:B,0),3)';
    expect(nameMatches(ok).map((i) => insideIferror(ok, i))).toEqual([true]);
  });

  it('every name MATCH on Keuzelijsten and Prioritering has an IFERROR fallback', () => {
    const formulas = [...lijstenFormulas(g).entries()].filter(([, f]) => typeof f === 'string').map(([at, f]) => [`Keuzelijsten ${at}`, f as string]);
    const layout = {
      sheet: 'Werkblad',
      firstDataRow: 6,
      preparedEndRow: 9,
      totalenColumn: 6,
      firstFactorColumn: 3,
      lastFactorColumn: 5,
    } as unknown as WerkbladLayout;
    formulas.push(['Prioritering E5', prioRankFormula(layout, 5, 'Keuzelijsten!$Z$6:$Z$9')]);
    formulas.push(['Werkblad B6 (dropdown)', koppelkansListSource('Keuzelijsten', 6)]);
    let seen = 0;
    const bare: string[] = [];
    for (const [where, f] of formulas) {
      for (const at of nameMatches(f)) {
        seen++;
        if (!insideIferror(f, at)) bare.push(`${where}: ${f}`);
      }
    }
    expect(seen).toBeGreaterThan(6);
    expect(bare).toEqual([]);
  });
});
