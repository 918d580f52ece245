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

/** The calendar year of a serial date (UTC), or null. */
export function serialYear(serial: number, system?: DateSystem): number | null {
  return serialToDate(serial, system)?.getUTCFullYear() ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "yyyy-mm-dd" (as <input type="date"> and the notes use it), with " hh:mm" on request; "" when not a date. */
export function serialToIso(serial: number | null, system?: DateSystem, withTime = false): string {
  if (serial === null) return '';
  const d = serialToDate(serial, system);
  if (!d) return '';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
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

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const DUTCH_LONG = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A date as the Dutch read it: "31-12-2030" (short) or "31 december 2030" (long). */
function formatDutchDate(d: Date, style: 'short' | 'long' = 'short'): string {
  return style === 'long' ? DUTCH_LONG.format(d) : DUTCH_DATE.format(d);
}

/** "2030-12-31" → "31-12-2030" (Intl, nl-NL); other text unchanged. */
export function isoToDutch(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? formatDutchDate(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
}
