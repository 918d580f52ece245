/** Finding and reading the longlist: the sheet whose header row has Opgave and Koppelkans. */
import { cellAddress } from './a1';
import { textAt, valueAt } from './grid';
import { cleanName, nameKey, nameWarnings } from './names';
import { LONGLIST, SHEET_NAMES, sameName } from './layout';
import { problem, type Problem } from './problems';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

export interface LonglistEntry {
  opgave: string;
  koppelkans: string;
  toelichting: string;
  /** Row on the longlist sheet (0 for entries from the built-in default list). */
  row: number;
}

export interface LonglistLayout {
  sheet: string;
  headerRow: number;
  opgaveColumn: number;
  koppelkansColumn: number;
  toelichtingColumn: number | null;
  lastRow: number;
}

export interface Longlist {
  layout: LonglistLayout | null;
  entries: LonglistEntry[];
  /** Distinct opgaven in order of first appearance. */
  opgaven: string[];
}

const ENGINE_SHEETS = [SHEET_NAMES.werkblad, SHEET_NAMES.resultaat, SHEET_NAMES.prioritering, SHEET_NAMES.checklist, SHEET_NAMES.notulen, SHEET_NAMES.lijsten];

function findLonglistLayout(snapshot: WorkbookSnapshot): LonglistLayout | null {
  const candidates = snapshot.sheets.filter((s) => !ENGINE_SHEETS.some((n) => sameName(n, s.name)));
  // prefer the sheet with the canonical name
  candidates.sort((a, b) => Number(sameName(b.name, SHEET_NAMES.longlist)) - Number(sameName(a.name, SHEET_NAMES.longlist)));
  for (const sheet of candidates) {
    const layout = headerIn(sheet);
    if (layout) return layout;
  }
  return null;
}

function headerIn(sheet: SheetSnapshot): LonglistLayout | null {
  const rows = Math.min(sheet.values.length, LONGLIST.headerSearchRows);
  for (let r = 1; r <= rows; r++) {
    const row = sheet.values[r - 1] ?? [];
    let o = 0;
    let k = 0;
    let t = 0;
    for (let c = 1; c <= row.length; c++) {
      const label = textAt(sheet, r, c).toLowerCase();
      if (label === LONGLIST.opgaveLabel.toLowerCase() && !o) o = c;
      else if (label === LONGLIST.koppelkansLabel.toLowerCase() && !k) k = c;
      else if (label === LONGLIST.toelichtingLabel.toLowerCase() && !t) t = c;
    }
    if (o && k) {
      let last = r;
      for (let rr = sheet.values.length; rr > r; rr--) {
        if (textAt(sheet, rr, o) || textAt(sheet, rr, k)) {
          last = rr;
          break;
        }
      }
      return { sheet: sheet.name, headerRow: r, opgaveColumn: o, koppelkansColumn: k, toelichtingColumn: t || null, lastRow: last };
    }
  }
  return null;
}

export function readLonglist(snapshot: WorkbookSnapshot, problems: Problem[]): Longlist {
  const layout = findLonglistLayout(snapshot);
  if (!layout) return { layout: null, entries: [], opgaven: [] };
  const sheet = snapshot.sheets.find((s) => s.name === layout.sheet)!;
  const entries: LonglistEntry[] = [];
  const opgaven: string[] = [];
  const seen = new Set<string>();
  for (let r = layout.headerRow + 1; r <= layout.lastRow; r++) {
    const opgave = cleanName(valueAt(sheet, r, layout.opgaveColumn));
    const koppelkans = cleanName(valueAt(sheet, r, layout.koppelkansColumn));
    if (!opgave && !koppelkans) continue;
    if (!opgave) {
      problems.push(problem('LONGLIST_ROW_WITHOUT_OPGAVE', layout.sheet, cellAddress(r, layout.opgaveColumn), { koppelkans }));
    }
    if (opgave && !seen.has(nameKey(opgave))) {
      seen.add(nameKey(opgave));
      opgaven.push(opgave);
    }
    if (koppelkans) {
      entries.push({
        opgave,
        koppelkans,
        toelichting: layout.toelichtingColumn ? textAt(sheet, r, layout.toelichtingColumn) : '',
        row: r,
      });
    }
  }
  const cap = LONGLIST.maxCapacity;
  if (layout.lastRow - layout.headerRow > cap) {
    problems.push(
      problem('LONGLIST_TOO_MANY_OPGAVEN', layout.sheet, cellAddress(layout.headerRow + cap + 1, layout.koppelkansColumn), {
        count: layout.lastRow - layout.headerRow,
        max: cap,
      }),
    );
  }
  const cells: { row: number; column: number; value: CellValue }[] = [];
  for (let r = layout.headerRow + 1; r <= layout.lastRow; r++) {
    for (const column of [layout.opgaveColumn, layout.koppelkansColumn]) cells.push({ row: r, column, value: valueAt(sheet, r, column) });
  }
  problems.push(...nameWarnings(layout.sheet, cells));
  return { layout, entries, opgaven };
}

export function longlistFromEntries(entries: Omit<LonglistEntry, 'row'>[]): Longlist {
  const opgaven: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.opgave && !seen.has(nameKey(e.opgave))) {
      seen.add(nameKey(e.opgave));
      opgaven.push(e.opgave);
    }
  }
  return { layout: null, entries: entries.map((e) => ({ ...e, row: 0 })), opgaven };
}
