/**
 * The Dutch date texts do not depend on the machine's time zone (issue 9, issue 14: one
 * date module on Intl). A moment (a note's time, a round's time, the onderbouwing's date)
 * is shown on the Dutch clock (Europe/Amsterdam, summer time included); a workbook's
 * zone-less serial date as it was typed. Pinned here for moments around midnight and both
 * daylight-saving switches, computed in this process and in two child processes whose
 * machine clock is 14 hours ahead of UTC (Pacific/Kiritimati) and 8 behind (America/Los_Angeles),
 * so a call site that falls back to the machine's local time (getDate, getHours) shows.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { probe } from './fixtures/datesProbe';

const EXPECTED: Record<string, Record<string, string>> = {
  '2026-03-29T00:59:00Z': {
    date: '29-03-2026',
    dateTime: '29-03-2026 01:59',
    iso: '2026-03-29 01:59',
    long: '29 maart 2026 om 01:59',
    workbook: '29-03-2026 00:59',
    note: '2026-03-29 01:59',
    ronde: '2026-03-29 01:59',
    onderbouwing: '29-03-2026',
  },
  '2026-03-29T01:00:00Z': {
    date: '29-03-2026',
    dateTime: '29-03-2026 03:00',
    iso: '2026-03-29 03:00',
    long: '29 maart 2026 om 03:00',
    workbook: '29-03-2026 01:00',
    note: '2026-03-29 03:00',
    ronde: '2026-03-29 03:00',
    onderbouwing: '29-03-2026',
  },
  '2026-10-25T00:30:00Z': {
    date: '25-10-2026',
    dateTime: '25-10-2026 02:30',
    iso: '2026-10-25 02:30',
    long: '25 oktober 2026 om 02:30',
    workbook: '25-10-2026 00:30',
    note: '2026-10-25 02:30',
    ronde: '2026-10-25 02:30',
    onderbouwing: '25-10-2026',
  },
  '2026-10-25T01:30:00Z': {
    date: '25-10-2026',
    dateTime: '25-10-2026 02:30',
    iso: '2026-10-25 02:30',
    long: '25 oktober 2026 om 02:30',
    workbook: '25-10-2026 01:30',
    note: '2026-10-25 02:30',
    ronde: '2026-10-25 02:30',
    onderbouwing: '25-10-2026',
  },
  '2026-11-30T22:59:00Z': {
    date: '30-11-2026',
    dateTime: '30-11-2026 23:59',
    iso: '2026-11-30 23:59',
    long: '30 november 2026 om 23:59',
    workbook: '30-11-2026 22:59',
    note: '2026-11-30 23:59',
    ronde: '2026-11-30 23:59',
    onderbouwing: '30-11-2026',
  },
  '2026-11-30T23:30:00Z': {
    date: '01-12-2026',
    dateTime: '01-12-2026 00:30',
    iso: '2026-12-01 00:30',
    long: '1 december 2026 om 00:30',
    workbook: '30-11-2026 23:30',
    note: '2026-12-01 00:30',
    ronde: '2026-12-01 00:30',
    onderbouwing: '01-12-2026',
  },
  '2026-12-31T23:00:00Z': {
    date: '01-01-2027',
    dateTime: '01-01-2027 00:00',
    iso: '2027-01-01 00:00',
    long: '1 januari 2027 om 00:00',
    workbook: '31-12-2026 23:00',
    note: '2027-01-01 00:00',
    ronde: '2027-01-01 00:00',
    onderbouwing: '01-01-2027',
  },
  serials: {
    '46357': '2026-12-01',
    '46356.999305556': '2026-11-30 23:59',
    '44895 (1904)': '2026-12-01 00:00',
    isoToDutch: '29-03-2026',
    isoTextToDutch: '25-10-2026 02:30',
  },
};

const ROOT = path.join(__dirname, '..', '..');

function probeIn(tz: string): unknown {
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(__dirname, 'fixtures', 'datesProbe.ts')], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`probe under TZ=${tz} failed: ${res.stderr || res.error}`);
  return JSON.parse(res.stdout);
}

test('the texts in this process (machine zone ' + (process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone) + ')', () => {
  expect(probe()).toEqual(EXPECTED);
});

test.each(['Pacific/Kiritimati', 'America/Los_Angeles'])('the same texts on a machine in %s', (tz) => {
  expect(probeIn(tz)).toEqual(EXPECTED);
});
