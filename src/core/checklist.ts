/** The WUP checklist: basiselementen with a status, progress per part, the 8-year rule. */
import { cellAddress } from './a1';
import { formatNumber } from './numbers';
import { agreedSerialRange, dutchYear, serialYear, ymdToSerial } from './dates';
import { textAt, valueAt } from './grid';
import { CHECKLIST, SHEET_NAMES, sameName } from './layout';
import { cleanName, isExcelError } from './names';
import { problem, type Problem } from './problems';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

import { STATUSES, type ChecklistStatus } from './checklistStatus';

export { STATUSES, type ChecklistStatus } from './checklistStatus';

export interface ChecklistItem {
  row: number;
  onderdeel: string;
  item: string;
  status: ChecklistStatus | null;
  toelichting: string;
  verantwoordelijke: string;
  /** Status, toelichting and verantwoordelijke cells (C–E) exactly as read: what a co-author safe edit expects there. */
  read?: [CellValue, CellValue, CellValue];
}

interface ChecklistProgress {
  onderdeel: string;
  klaar: number;
  bezig: number;
  total: number;
}

export interface ChecklistState {
  sheet: string;
  headerRow: number;
  items: ChecklistItem[];
  progress: ChecklistProgress[];
  overall: ChecklistProgress;
  /** The workbook's date system (1904 instead of 1900), for converting `overstapSerial`. */
  date1904: boolean;
  /** Overstap date of the last home, as an Excel serial number (in the workbook's date system). */
  overstapSerial: number | null;
  overstapYear: number | null;
  /** overstapYear − 8: the year the WUP must be adopted at the latest. */
  deadlineYear: number | null;
  late: boolean;
  /** The overstap date cell exactly as read (co-author safe edits expect it). */
  overstapRead?: CellValue;
  /**
   * The row of the overstap date (column C): beside the label "Datum overstap…" above the
   * header, else `CHECKLIST.dateRow`. The deadline formula reads this cell and the pane
   * writes the date here (`checklistDateEdit`), so both use the cell the engine reads.
   */
  dateRow: number;
  /**
   * The row of the deadline formulas (columns C and D): beside the label "Uiterlijk…" above
   * the header, else the row below the date (the template's place), never the date's own row.
   */
  deadlineRow: number;
}

export function findChecklistSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.checklist));
}

/** A calendar day as a serial number in the 1900 date system (tests, sample data); see src/core/dates.ts. */
export function yearToSerial(year: number, month = 12, day = 31): number {
  return ymdToSerial(year, month, day);
}

/** The start of the deadline label (`CHECKLIST.deadlineLabel`, "Uiterlijk WUP vastgesteld in (jaar)"), lower case. */
const DEADLINE_LABEL = CHECKLIST.deadlineLabel.toLowerCase().split(' ').slice(0, 2).join(' ');

/** Reads the checklist; `date1904` is the workbook's date system (WorkbookSnapshot.date1904). */
export function readChecklist(sheet: SheetSnapshot, now: Date, problems: Problem[], date1904 = false): ChecklistState {
  let headerRow: number = CHECKLIST.headerRow;
  for (let r = 1; r <= Math.min(12, sheet.values.length); r++) {
    const labels = (sheet.values[r - 1] ?? []).map((_, c) => textAt(sheet, r, c + 1).toLowerCase());
    if (labels.includes('basiselement') && labels.includes('status')) {
      headerRow = r;
      break;
    }
  }
  const items: ChecklistItem[] = [];
  /** Rows whose Onderdeel is an error value: the progress formulas count them under no onderdeel, and so does the engine. */
  const uncounted = new Set<number>();
  let onderdeel = '';
  const errorAt = (r: number, c: number, column: string, effect: string, v: CellValue) =>
    problems.push(problem('CHECKLIST_ERROR_VALUE', sheet.name, cellAddress(r, c), { value: String(v), column, effect }));
  for (let r = headerRow + 1; r <= sheet.values.length; r++) {
    // Onderdeel and Status compared cleaned by the text rule (src/core/names.ts), as the progress formulas do
    const ov = valueAt(sheet, r, 1);
    const bv = valueAt(sheet, r, 2);
    const cv = valueAt(sheet, r, 3);
    // an error value (#N/A …) in Onderdeel, Basiselement or Status: the progress formulas take it as a cell that matches
    // nothing (ISNUMBER(1/…), planChecklist), so the engine does the same and says so, naming the cell
    if (isExcelError(bv)) {
      errorAt(r, 2, 'Basiselement', 'deze regel niet mee', bv);
      continue;
    }
    const oError = isExcelError(ov);
    const o = oError ? '' : typeof ov === 'string' ? cleanName(ov) : textAt(sheet, r, 1);
    const item = textAt(sheet, r, 2);
    if (o) onderdeel = o;
    if (!item) continue;
    if (oError) {
      errorAt(r, 1, 'Onderdeel', 'deze regel bij geen enkel onderdeel', ov);
      uncounted.add(r);
    } else if (typeof ov === 'number' || typeof ov === 'boolean') {
      // Excel shows a number or TRUE/FALSE in the user's language (1,5, WAAR); the formulas compare that text, the engine cannot know it
      const kind = typeof ov === 'boolean' ? 'een waarheidswaarde' : 'een getal';
      problems.push(problem('CHECKLIST_ONDERDEEL_NOT_TEXT', sheet.name, cellAddress(r, 1), { value: o, kind }));
    }
    // the engine carries the Onderdeel down; the workbook's progress formulas cannot (see planChecklist)
    if (!o && !oError && onderdeel) problems.push(problem('CHECKLIST_EMPTY_ONDERDEEL', sheet.name, cellAddress(r, 1), { onderdeel }));
    const raw = textAt(sheet, r, 3);
    const status = isExcelError(cv) ? null : (STATUSES.find((s) => s.toLowerCase() === cleanName(raw).toLowerCase()) ?? null);
    if (isExcelError(cv)) errorAt(r, 3, 'Status', 'deze regel mee zonder status', cv);
    else if (raw && !status) problems.push(problem('CHECKLIST_BAD_STATUS', sheet.name, cellAddress(r, 3), { value: raw }));
    items.push({
      row: r,
      onderdeel,
      item,
      status,
      toelichting: textAt(sheet, r, 4),
      verantwoordelijke: textAt(sheet, r, 5),
      read: [valueAt(sheet, r, 3), valueAt(sheet, r, 4), valueAt(sheet, r, 5)],
    });
  }
  const order: string[] = [];
  const byPart = new Map<string, ChecklistProgress>();
  for (const it of items) {
    if (uncounted.has(it.row)) continue;
    let p = byPart.get(it.onderdeel);
    if (!p) {
      p = { onderdeel: it.onderdeel, klaar: 0, bezig: 0, total: 0 };
      byPart.set(it.onderdeel, p);
      order.push(it.onderdeel);
    }
    p.total++;
    if (it.status === 'Klaar') p.klaar++;
    if (it.status === 'Bezig') p.bezig++;
  }
  const progress = order.map((o) => byPart.get(o)!);
  const overall = progress.reduce((a, p) => ({ onderdeel: 'Totaal', klaar: a.klaar + p.klaar, bezig: a.bezig + p.bezig, total: a.total + p.total }), {
    onderdeel: 'Totaal',
    klaar: 0,
    bezig: 0,
    total: 0,
  });

  // the overstap date: the cell beside the label (default C3)
  let dateRow: number = CHECKLIST.dateRow;
  let deadlineLabelRow = 0;
  for (let r = 1; r < headerRow; r++) {
    const label = textAt(sheet, r, 1).toLowerCase();
    if (label.startsWith('datum overstap')) dateRow = r;
    else if (label.startsWith(DEADLINE_LABEL)) deadlineLabelRow = r;
  }
  const deadlineRow = deadlineLabelRow || dateRow + (CHECKLIST.deadlineRow - CHECKLIST.dateRow);
  const dv = valueAt(sheet, dateRow, CHECKLIST.valueColumn);
  let overstapSerial: number | null = null;
  const dateCell = cellAddress(dateRow, CHECKLIST.valueColumn);
  const range = agreedSerialRange(date1904);
  if (typeof dv === 'number' && Number.isFinite(dv) && dv >= range.min && dv < range.maxExclusive) overstapSerial = dv;
  else if (typeof dv === 'number' && Number.isFinite(dv) && dv > 0) {
    // a number Excel shows as a day before March 1900 or after 9999 (or not at all): the formula leaves the deadline empty too
    problems.push(problem('CHECKLIST_DATE_OUT_OF_RANGE', sheet.name, dateCell, { value: formatNumber(dv), from: date1904 ? '2-1-1904' : '1-3-1900' }));
  } else if (dv !== null && dv !== '') {
    problems.push(problem('CHECKLIST_BAD_DATE', sheet.name, dateCell, { value: String(dv) }));
  }
  const overstapYear = overstapSerial === null ? null : serialYear(overstapSerial, date1904);
  const deadlineYear = overstapYear === null ? null : overstapYear - CHECKLIST.yearsAhead;
  const late = deadlineYear !== null && dutchYear(now) > deadlineYear;
  if (overstapYear !== null && deadlineYear !== null) {
    problems.push(problem(late ? 'CHECKLIST_LATE' : 'CHECKLIST_DEADLINE', sheet.name, dateCell, { year: overstapYear, deadline: deadlineYear }));
  }
  return {
    sheet: sheet.name,
    headerRow,
    items,
    progress,
    overall,
    overstapSerial,
    overstapYear,
    deadlineYear,
    late,
    overstapRead: dv,
    date1904,
    dateRow,
    deadlineRow,
  };
}
