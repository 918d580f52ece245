/** Reading the team's own order on the Prioritering sheet. Never rewritten by the engine. */
import { cellAddress } from './a1';
import { textAt, valueAt } from './grid';
import { cleanName, isExcelError, nameKey, trimText } from './names';
import { PRIORITERING, SHEET_NAMES, sameName } from './layout';
import { problem, type Problem } from './problems';
import { deviatingEntries, type RankEntry } from './ranking';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

export interface PrioLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  /**
   * `controle` and `afwijking` are the engine's record of its last check (the place and
   * koppelkans it saw, and whether the entry deviates): the Signaal formula
   * compares them with the sheet, because no Excel 2010 formula can compute the
   * minimal-move rule itself.
   */
  columns: {
    prioriteit: number;
    koppelkans: number;
    omdat: number;
    verantwoordelijke: number;
    rang: number;
    signaal: number;
    controle: number;
    afwijking: number;
  };
  /** Last row with a team entry in the team's columns; firstRow-1 when none. */
  lastRow: number;
}

/**
 * The engine's record of one entry at its last check, as the Signaal formula rebuilds it
 * from the sheet: the place (1-based) and the koppelkans's key under the matching rule
 * (src/core/names.ts: trimmed, spaces collapsed, lower case), joined by "|", for example
 * "3|meer groen". It records the team's order only: the
 * automatic rank is left out on purpose, so a score change that moves automatic ranks
 * does not read as a reorder by hand.
 */
export function prioCheckKey(place: number, koppelkans: string): string {
  return `${place}|${nameKey(koppelkans)}`;
}

export interface PrioEntry {
  row: number;
  /** The place: the Prioriteit number when it is one, else the position in the list. */
  place: number;
  koppelkans: string;
  omdat: string;
  verantwoordelijke: string;
  /** The automatic rank, null when the koppelkans has no total. */
  autoRank: number | null;
  deviates: boolean;
  needsReason: boolean;
}

export function findPrioSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.prioritering));
}

export function readPrioLayout(sheet: SheetSnapshot): PrioLayout {
  const H = PRIORITERING.headers;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, sheet.values.length) && !headerRow; r++) {
    const labels = (sheet.values[r - 1] ?? []).map((_, c) => textAt(sheet, r, c + 1).toLowerCase());
    if (labels.includes('koppelkans') && labels.some((l) => l.startsWith('omdat'))) headerRow = r;
  }
  const find = (label: string, fallback: number): number => {
    if (!headerRow) return fallback;
    const row = sheet.values[headerRow - 1] ?? [];
    const key = label.toLowerCase().replace('…', '');
    for (let c = 1; c <= row.length; c++) {
      const t = textAt(sheet, headerRow, c).toLowerCase().replace('…', '').replace('...', '');
      if (t === key) return c;
    }
    return fallback;
  };
  const columns = {
    prioriteit: find(H[0], 1),
    koppelkans: find(H[1], 2),
    omdat: find(H[2], 3),
    verantwoordelijke: find(H[3], 4),
    rang: find(H[4], 5),
    signaal: find(H[5], 6),
    controle: find(H[6], 0),
    afwijking: find(H[7], 0),
  };
  // the check columns: by their labels, else the first free header cells right of the others
  let next = Math.max(columns.prioriteit, columns.koppelkans, columns.omdat, columns.verantwoordelijke, columns.rang, columns.signaal) + 1;
  const hr0 = headerRow || PRIORITERING.headerRow;
  const free = (): number => {
    while (textAt(sheet, hr0, next) !== '' || next === columns.controle || next === columns.afwijking) next++;
    return next++;
  };
  if (!columns.controle) columns.controle = free();
  if (!columns.afwijking) columns.afwijking = free();
  const hr = headerRow || PRIORITERING.headerRow;
  const teamCols = [columns.prioriteit, columns.koppelkans, columns.omdat, columns.verantwoordelijke];
  let lastRow = hr;
  for (let r = sheet.values.length; r > hr; r--) {
    if (teamCols.some((c) => textAt(sheet, r, c) !== '')) {
      lastRow = r;
      break;
    }
  }
  return { sheet: sheet.name, headerRow: hr, firstRow: hr + 1, columns, lastRow };
}

export function readPrioEntries(
  sheet: SheetSnapshot,
  layout: PrioLayout,
  ranking: RankEntry[],
  werkbladKoppelkansen: Set<string>,
  problems: Problem[],
  werkbladRows: readonly { row: number; koppelkans: string }[] = [],
): PrioEntry[] {
  const rankOf = autoRankByName(ranking, werkbladRows);
  return readPrioEntriesRanked(sheet, layout, (key) => rankOf.get(key) ?? null, werkbladKoppelkansen, problems);
}

/**
 * The automatic rank of each koppelkans name as the Prioritering rank formula finds it
 * (`prioRankFormula`: MATCH on the werkblad's keys): name key (src/core/names.ts `nameKey`)
 * → the rank of the FIRST werkblad row with that name, null when that row has no total
 * (even when a later row with the same name has one). Without `werkbladRows`, the first
 * entry of `ranking` per name. The engine (`readPrioEntries`) and the pane's live reorder
 * (src/taskpane/logic/reorder.ts) both use this, so they agree with the workbook.
 */
export function autoRankByName(ranking: readonly RankEntry[], werkbladRows: readonly { row: number; koppelkans: string }[] = []): Map<string, number | null> {
  const rankByRow = new Map(ranking.map((e) => [e.row, e.rank]));
  const rankOf = new Map<string, number | null>();
  for (const r of werkbladRows) {
    const k = nameKey(r.koppelkans);
    if (k && !rankOf.has(k)) rankOf.set(k, rankByRow.get(r.row) ?? null);
  }
  if (werkbladRows.length === 0) for (const e of ranking) if (!rankOf.has(nameKey(e.koppelkans))) rankOf.set(nameKey(e.koppelkans), e.rank);
  return rankOf;
}

/**
 * True when an Omdat… text holds no reason, by the rule of the Signaal formula
 * (`prioFlagFormula`) and `readPrioEntriesRanked`: empty after the text rule's trim
 * (src/core/names.ts `trimText`: spaces, NBSP, tabs, line breaks; U+2003 is text), or an
 * error value (#N/A …, as a snapshot gives it), which IFERROR makes "".
 */
export function isNoReason(omdat: CellValue): boolean {
  if (omdat === null) return true;
  if (typeof omdat !== 'string') return false;
  return isExcelError(omdat) || trimText(omdat) === '';
}

/**
 * `readPrioEntries` with the automatic rank given as a lookup: `rankOf(key)` is the rank of
 * the koppelkans whose name has that key (src/core/names.ts nameKey), null when it has none.
 * Appends the entries' problems (place, duplicate, not on the werkblad, no reason) to
 * `problems` in row order, the missing reasons last.
 */
export function readPrioEntriesRanked(
  sheet: SheetSnapshot,
  layout: PrioLayout,
  rankOf: (key: string) => number | null,
  werkbladKoppelkansen: Set<string>,
  problems: Problem[],
): PrioEntry[] {
  const entries: PrioEntry[] = [];
  const seen = new Map<string, string>();
  /** Rows whose Omdat… holds no reason: empty by the text rule, or an error value. */
  const noReason = new Set<number>();
  const c = layout.columns;
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    const koppelkans = cleanName(valueAt(sheet, r, c.koppelkans));
    if (!koppelkans) continue;
    const pv = valueAt(sheet, r, c.prioriteit);
    let place = r - layout.firstRow + 1;
    if (typeof pv === 'number' && Number.isInteger(pv) && pv >= 1) place = pv;
    else if (pv !== null && pv !== '') {
      problems.push(problem('PRIO_BAD_PLACE', sheet.name, cellAddress(r, c.prioriteit), { value: String(pv) }));
    }
    const key = nameKey(koppelkans);
    const other = seen.get(key);
    if (other) problems.push(problem('PRIO_DUPLICATE', sheet.name, cellAddress(r, c.koppelkans), { koppelkans, other }));
    else seen.set(key, cellAddress(r, c.koppelkans));
    const autoRank = rankOf(key);
    if (!werkbladKoppelkansen.has(key)) {
      problems.push(problem('PRIO_NOT_ON_WERKBLAD', sheet.name, cellAddress(r, c.koppelkans), { koppelkans }));
    }
    const omdat = textAt(sheet, r, c.omdat);
    // an error value (#N/A …) in Omdat… is no reason, as the Signaal formula reads it (IFERROR → ""); the text stays as read
    if (isNoReason(valueAt(sheet, r, c.omdat))) noReason.add(r);
    entries.push({ row: r, place, koppelkans, omdat, verantwoordelijke: textAt(sheet, r, c.verantwoordelijke), autoRank, deviates: false, needsReason: false });
  }
  // the minimal-move rule over the team's order (by place, then row)
  const ordered = [...entries].sort((a, b) => a.place - b.place || a.row - b.row);
  const deviates = deviatingEntries(ordered.map((e) => e.autoRank));
  ordered.forEach((e, i) => {
    e.deviates = deviates[i];
    e.needsReason = e.deviates && noReason.has(e.row);
  });
  for (const e of entries) {
    if (e.needsReason)
      problems.push(problem('PRIO_NO_REASON', sheet.name, cellAddress(e.row, c.omdat), { koppelkans: e.koppelkans, place: e.place, rank: e.autoRank ?? 0 }));
  }
  return entries;
}
