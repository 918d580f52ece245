/**
 * The Excel serial dates of src/core/dates.ts, with the serials Excel itself shows
 * (Microsoft, "Date systems in Excel"): 1 January 2024 is 45292 in the 1900 date system
 * and 43830 in the 1904 one, 1 March 1900 is 61 (after Excel's non-existent 29 February 1900).
 */
import { dateToSerial, dutchYear, formatDutchDate, isoTextToDutch, isoToDutch, isoToSerial, serialToIso, serialYear, ymdToSerial } from '../../src/core/dates';

test('a calendar day as Excel counts it, in the 1900 and the 1904 date system', () => {
  expect(ymdToSerial(2024, 1, 1)).toBe(45292);
  expect(ymdToSerial(1900, 3, 1)).toBe(61);
  expect(ymdToSerial(2024, 2, 29)).toBe(45351);
  expect(ymdToSerial(2024, 1, 1, true)).toBe(43830);
  expect(ymdToSerial(2024, 1, 1, { date1904: true })).toBe(43830);
  expect(ymdToSerial(2024, 1, 1, { date1904: false })).toBe(45292);
  expect(ymdToSerial(2024, 1, 1, {})).toBe(45292);
});

test('ymdToSerial defaults to 31 December (the year a checklist item is due by)', () => {
  expect(ymdToSerial(2030)).toBe(47848);
  expect(ymdToSerial(2030, 12)).toBe(47848);
  expect(ymdToSerial(2030, 6)).toBe(ymdToSerial(2030, 6, 31));
});

test('dateToSerial: whole days stay whole, a time is the fraction of the day, both date systems', () => {
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)), true)).toBe(43830);
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 6)))).toBe(45292.25);
  // One millisecond is 1.16e-8 days: kept to 1e-9 days, not rounded away to the whole day.
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 0, 0, 0, 1)))).toBe(45292.000000012);
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 0, 0, 1)))).toBeCloseTo(45292 + 1 / 86400, 9);
  expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 0, 0, 1))) - 45292).toBeGreaterThan(0);
  expect(dateToSerial(new Date(Date.UTC(2023, 11, 31, 23, 59, 59))) - 45292).toBeLessThan(0);
});

test('serialYear: the UTC calendar year of a serial, null when the cell is no finite number', () => {
  expect(serialYear(45292)).toBe(2024);
  expect(serialYear(45291.99)).toBe(2023);
  expect(serialYear(43830, true)).toBe(2024);
  expect(serialYear(43830)).toBe(2019);
  expect(serialYear(Number.NaN)).toBeNull();
  expect(serialYear(Number.POSITIVE_INFINITY)).toBeNull();
  // Past the largest JavaScript date (8.64e15 ms from 1970): no date, not "NaN".
  expect(serialYear(1e12)).toBeNull();
});

test('serialToIso: yyyy-mm-dd with zero padding, the time on request, "" for no date', () => {
  expect(serialToIso(45292)).toBe('2024-01-01');
  expect(serialToIso(43830, true)).toBe('2024-01-01');
  expect(serialToIso(43830, { date1904: true })).toBe('2024-01-01');
  expect(serialToIso(47848)).toBe('2030-12-31');
  expect(serialToIso(45292.75)).toBe('2024-01-01');
  expect(serialToIso(45292.75, undefined, true)).toBe('2024-01-01 18:00');
  expect(serialToIso(45292 + (9 * 60 + 5) / 1440, undefined, true)).toBe('2024-01-01 09:05');
  expect(serialToIso(null)).toBe('');
  expect(serialToIso(Number.NaN)).toBe('');
  expect(serialToIso(1e12)).toBe('');
});

test('isoToSerial: only a real yyyy-mm-dd day, surrounding spaces allowed, in the workbook date system', () => {
  expect(isoToSerial('2024-01-01')).toBe(45292);
  expect(isoToSerial(' 2024-01-01 ')).toBe(45292);
  expect(isoToSerial('2024-01-01', true)).toBe(43830);
  expect(isoToSerial('2024-02-29')).toBe(45351);
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-32', '2024-1-1', '24-01-01', 'x2024-01-01', '2024-01-01x', '']) {
    expect(isoToSerial(bad)).toBeNull();
  }
  // Date.UTC reads the years 0-99 as 1900-1999: "0024-01-01" is no day of 1924.
  expect(isoToSerial('0024-01-01')).toBeNull();
  // Round trip with serialToIso in both date systems.
  for (const system of [false, true]) {
    expect(serialToIso(isoToSerial('2031-07-15', system), system)).toBe('2031-07-15');
  }
});

test('isoToDutch: "2030-12-31" reads as "31-12-2030"; other text is left as it is', () => {
  expect(isoToDutch('2030-12-31')).toBe('31-12-2030');
  expect(isoToDutch('2024-03-05')).toBe('05-03-2024');
  expect(isoToDutch('eind 2030')).toBe('eind 2030');
  expect(isoToDutch('x2030-12-31')).toBe('x2030-12-31');
  expect(isoToDutch('2030-12-31 10:00')).toBe('2030-12-31 10:00');
  expect(isoToDutch('')).toBe('');
});

test('isoToDutch leaves a day that does not exist as typed (Date.UTC would roll "2030-02-30" over into March)', () => {
  expect(isoToDutch('2030-02-30')).toBe('2030-02-30');
  expect(isoToDutch('2030-13-01')).toBe('2030-13-01');
});

test('isoTextToDutch: a note time or action date in the Dutch order, zone-less; other text as it is', () => {
  expect(isoTextToDutch('2027-01-15')).toBe('15-01-2027');
  expect(isoTextToDutch('2026-11-28 14:05')).toBe('28-11-2026 14:05');
  expect(isoTextToDutch(' 2026-11-28 00:00 ')).toBe('28-11-2026 00:00');
  expect(isoTextToDutch('2026-11-28 24:00')).toBe('2026-11-28 24:00');
  expect(isoTextToDutch('2026-02-30')).toBe('2026-02-30');
  expect(isoTextToDutch('volgende week')).toBe('volgende week');
  expect(isoTextToDutch('')).toBe('');
});

test('isoTextToDutch: a date cell holding more than a date or a time is shown as typed, never cut to its date', () => {
  expect(isoTextToDutch('2027-01-15 of eerder')).toBe('2027-01-15 of eerder');
  expect(isoTextToDutch('uiterlijk 2027-01-15')).toBe('uiterlijk 2027-01-15');
  expect(isoTextToDutch('2027-01-15 14:05 overleg')).toBe('2027-01-15 14:05 overleg');
});

test('isoTextToDutch: 23:59 is the last time of a day; a minute 60 does not exist and is left as typed', () => {
  expect(isoTextToDutch('2027-01-15 23:59')).toBe('15-01-2027 23:59');
  expect(isoTextToDutch('2027-01-15 10:59')).toBe('15-01-2027 10:59');
  expect(isoTextToDutch('2027-01-15 10:60')).toBe('2027-01-15 10:60');
});

test('formatDutchDate: one formatter, on an explicit clock, in every variant', () => {
  // 23:30 UTC on 30 November is 00:30 on 1 December in the Netherlands (CET, UTC+1)
  const late = new Date('2026-11-30T23:30:00Z');
  expect(formatDutchDate(late, { clock: 'nl' })).toBe('01-12-2026');
  expect(formatDutchDate(late, { clock: 'nl', time: true })).toBe('01-12-2026 00:30');
  expect(formatDutchDate(late, { clock: 'nl', order: 'ymd', time: true })).toBe('2026-12-01 00:30');
  expect(formatDutchDate(late, { clock: 'nl', month: 'long' })).toBe('1 december 2026');
  expect(formatDutchDate(late, { clock: 'nl', month: 'long', time: true })).toBe('1 december 2026 om 00:30');
  expect(formatDutchDate(late, { clock: 'workbook' })).toBe('30-11-2026');
  expect(formatDutchDate(late, { clock: 'workbook', order: 'ymd', time: true })).toBe('2026-11-30 23:30');
  // summer time: UTC+2
  expect(formatDutchDate(new Date('2026-07-01T22:15:00Z'), { clock: 'nl', time: true })).toBe('02-07-2026 00:15');
  // midnight is 00, never 24
  expect(formatDutchDate(new Date('2026-07-01T22:00:00Z'), { clock: 'nl', time: true })).toBe('02-07-2026 00:00');
  expect(formatDutchDate(new Date(Number.NaN), { clock: 'nl' })).toBe('');
});

test('dutchYear: the year on the Dutch clock, as TODAY() in a Dutch Excel (the first hour of a new year is 23:00 UTC)', () => {
  expect(dutchYear(new Date('2028-12-31T22:59:00Z'))).toBe(2028);
  expect(dutchYear(new Date('2028-12-31T23:00:00Z'))).toBe(2029);
});
