/**
 * The areas of an Office.js RangeAreas address, as Range.getSpecialCells and
 * Range.getMergedAreas give it (`"'Blad, 2'!$C$5:$F$5,'Blad, 2'!A10:K10,Blad!B2"`).
 */

/**
 * The A1 areas of a RangeAreas `address` without sheet names and `$`, a single cell as a
 * range of one: `["C5:F5", "A10:K10", "B2:B2"]` for the example above ("" gives none).
 * Areas are separated by commas; a comma inside a quoted sheet name ('Blad, 2') is part
 * of the name (Excel quotes a sheet name with anything but letters, digits and `_`).
 */
export function areasOf(address: string): string[] {
  const out: string[] = [];
  let part = '';
  let quoted = false;
  for (const ch of `${address},`) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      const cells = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
      const bare = cells.replace(/\$/g, '').trim().toUpperCase();
      if (bare) out.push(bare.includes(':') ? bare : `${bare}:${bare}`);
      part = '';
    } else part += ch;
  }
  return out;
}
