/**
 * The one home of Excel serial dates: every conversion between a cell's serial number
 * and a date goes through here, with the workbook's date system.
 *
 * Excel stores a date as the number of days since an epoch (Microsoft: "Date systems in
 * Excel"): in the 1900 date system day 1 is 1900-01-01 and Excel counts the
 * non-existent 1900-02-29 (so from March 1900 on, serial 0 is 1899-12-30); in the 1904
 * date system (workbookPr date1904, older Mac workbooks) day 0 is 1904-01-01, 1,462
 * days later. A time is the fraction of the day. Dates are taken in UTC, so that no time
 * zone shifts a day. Display is on `Intl` (nl-NL).
 */

/** Which epoch the workbook counts from (a snapshot's `date1904`). */
export type DateSystem = { date1904?: boolean } | boolean | undefined;

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system (epoch 1899-12-30, after the leap-year bug). */
const UNIX_EPOCH_1900 = 25_569;
/** Days between the 1900 and the 1904 epochs. */
const OFFSET_1904 = 1_462;

function is1904(system: DateSystem): boolean {
  return typeof system === 'boolean' ? system : !!system?.date1904;
}

function unixEpochSerial(system: DateSystem): number {
  return UNIX_EPOCH_1900 - (is1904(system) ? OFFSET_1904 : 0);
}

/** The serial number (days, fraction = time) as a UTC date; null when not a finite number. */
function serialToDate(serial: number, system?: DateSystem): Date | null {
  if (!Number.isFinite(serial)) return null;
  const d = new Date(Math.round((serial - unixEpochSerial(system)) * MS_PER_DAY));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A date (its UTC instant) as a serial number; whole days stay whole, times to 1e-9 days. */
export function dateToSerial(d: Date, system?: DateSystem): number {
  const serial = d.getTime() / MS_PER_DAY + unixEpochSerial(system);
  const rounded = Math.round(serial);
  return Math.abs(serial - rounded) < 1e-9 ? rounded : Math.round(serial * 1e9) / 1e9;
}

/** The serial number of a calendar day (month 1-12); 31 December by default. */
export function ymdToSerial(year: number, month = 12, day = 31, system?: DateSystem): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + unixEpochSerial(system);
}

/**
 * The serial numbers (days, in the workbook's date system) that are a calendar day all three
 * readers agree on: Excel, LibreOffice (recalculating for a colleague) and the engine.
 * Out: `{ min, maxExclusive }`, a serial `s` is such a day when `min <= s < maxExclusive`.
 *
 * - The end is 1 January 10000: Excel's last date is 31-12-9999 (Microsoft, "Excel
 *   specifications and limits"); YEAR of a later serial is #NUM! in Excel, while LibreOffice
 *   and JavaScript go on counting.
 * - The start in the 1900 system is 1 March 1900 (serial 61): before it Excel counts the
 *   non-existent 29 February 1900 (serial 1 is 1 January 1900 in Excel, 31 December 1899 in
 *   LibreOffice and here), so the first 60 days have another date in each. In the 1904 system
 *   every serial from 1 (2 January 1904) on agrees; 0 is no date for the checklist either.
 */
export function agreedSerialRange(system?: DateSystem): { min: number; maxExclusive: number } {
  return { min: is1904(system) ? 1 : 61, maxExclusive: ymdToSerial(10000, 1, 1, system) };
}

/** The calendar year of a serial date (UTC), or null. */
export function serialYear(serial: number, system?: DateSystem): number | null {
  return serialToDate(serial, system)?.getUTCFullYear() ?? null;
}

/** "yyyy-mm-dd" (as <input type="date"> and the notes use it), with " hh:mm" on request; "" when not a date (or before the year 1). */
export function serialToIso(serial: number | null, system?: DateSystem, withTime = false): string {
  if (serial === null) return '';
  const d = serialToDate(serial, system);
  if (!d || d.getUTCFullYear() < 1) return '';
  return formatDutchDate(d, { clock: 'workbook', order: 'ymd', time: withTime });
}

/** "yyyy-mm-dd" → serial number, or null when it is not such a (valid) date. */
export function isoToSerial(iso: string, system?: DateSystem): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return ymdToSerial(y, mo, d, system);
}

/**
 * The clock a date is read on, and why each use has its own:
 * - `workbook` (UTC): a workbook's serial dates and "yyyy-mm-dd" texts are zone-less
 *   calendar days and times (Excel stores no time zone). This module keeps them as UTC
 *   dates, so reading them in UTC shows exactly the day and time that was typed, on any
 *   machine.
 * - `nl` (Europe/Amsterdam): a moment, such as when a note was written or when the add-in
 *   computed its sentences (`new Date()`), shown on the clock of the Dutch team that reads
 *   it (CET/CEST, daylight saving time included), not on the machine's own zone: a CI
 *   server in UTC or a laptop abroad gives the same text as an office in Lelystad.
 */
type DateClock = 'workbook' | 'nl';

const TIME_ZONE: Record<DateClock, string> = { workbook: 'UTC', nl: 'Europe/Amsterdam' };

/** How {@link formatDutchDate} writes a date. */
export interface DutchDateOptions {
  /** Which clock the date is read on (see {@link DateClock}). */
  clock: DateClock;
  /** Adds " hh:mm" (24-hour clock, 00-23). Default false. */
  time?: boolean;
  /**
   * `dmy` (default): "31-12-2030", day-month-year as Dutch readers write it (nl-NL's
   * numeric form); `ymd`: "2030-12-31", the sortable ISO 8601 order the notes keep in their
   * cells and <input type="date"> uses.
   */
  order?: 'dmy' | 'ymd';
  /** `long`: "31 december 2030" (the month in words, day without a leading zero; with the time "31 december 2030 om 09:05"); default `numeric`. */
  month?: 'numeric' | 'long';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(clock: DateClock, time: boolean, month: 'numeric' | 'long'): Intl.DateTimeFormat {
  const id = `${clock}|${time}|${month}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('nl-NL', {
      timeZone: TIME_ZONE[clock],
      year: 'numeric',
      month: month === 'long' ? 'long' : '2-digit',
      day: month === 'long' ? 'numeric' : '2-digit',
      ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    } as const);
    formatters.set(id, f);
  }
  return f;
}

/**
 * A date as Dutch text, on `Intl.DateTimeFormat('nl-NL')` with an explicit time zone
 * (never the machine's): "31-12-2030", "31-12-2030 09:05", "2030-12-31 09:05",
 * "31 december 2030" or "31 december 2030 om 09:05" (see {@link DutchDateOptions}). The parts (day, month, year, hour,
 * minute) come from Intl in the clock's zone; only their order and separators are fixed
 * here, so the text is the same on every ICU version. "" for an invalid date.
 */
export function formatDutchDate(d: Date, options: DutchDateOptions): string {
  if (Number.isNaN(d.getTime())) return '';
  const month = options.month ?? 'numeric';
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatter(options.clock, !!options.time, month).formatToParts(d)) parts[p.type] = p.value;
  const date =
    month === 'long'
      ? `${parts.day} ${parts.month} ${parts.year}`
      : options.order === 'ymd'
        ? `${parts.year}-${parts.month}-${parts.day}`
        : `${parts.day}-${parts.month}-${parts.year}`;
  if (!options.time) return date;
  return month === 'long' ? `${date} om ${parts.hour}:${parts.minute}` : `${date} ${parts.hour}:${parts.minute}`;
}

/** "2030-12-31" → "31-12-2030" (Intl, nl-NL); other text, and a day that does not exist ("2030-02-30"), unchanged. */
export function isoToDutch(iso: string): string {
  const serial = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? isoToSerial(iso) : null;
  const d = serial === null ? null : serialToDate(serial);
  return d ? formatDutchDate(d, { clock: 'workbook' }) : iso;
}

/**
 * A "yyyy-mm-dd" text with an optional " hh:mm" after it (a note's time, an action's
 * date) in the Dutch order: "2027-01-15 14:05" → "15-01-2027 14:05"; the text is a
 * zone-less workbook value, so nothing is shifted. Other text (or a day or time that does
 * not exist) is returned as it is.
 */
export function isoTextToDutch(value: string): string {
  const t = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?$/.exec(t);
  const day = m ? isoToSerial(m[1]) : null;
  if (!m || day === null) return value;
  if (m[2] === undefined) return formatDutchDate(serialToDate(day)!, { clock: 'workbook' });
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return value;
  return formatDutchDate(serialToDate(day + (h * 60 + min) / 1440)!, { clock: 'workbook', time: true });
}

/**
 * The calendar year of a moment on the Dutch clock (Europe/Amsterdam): what TODAY() gives
 * in a Dutch team's Excel, so the engine's "already past" agrees with the workbook's
 * formulas also in the first hour of a new year (23:00-24:00 UTC on 31 December).
 */
export function dutchYear(d: Date): number {
  const year = formatter('nl', false, 'numeric')
    .formatToParts(d)
    .find((p) => p.type === 'year')?.value;
  return Number(year);
}
