import { analyze } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import { yearToSerial } from '../../src/core/checklist';
import { checklistDateEdit } from '../../src/core/edits';
import { CHECKLIST_LATE_TEXT } from '../../src/core/formulas';
import { formulaAt, valueAt } from '../../src/core/grid';
import { CHECKLIST, SHEET_NAMES } from '../../src/core/layout';
import { workbook } from '../helpers/build';

function prepared(now = new Date('2026-11-28')) {
  const wb = workbook({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] });
  return simulate(wb, buildPlan(wb, { now }).plan.ops);
}

test('the checklist holds the basiselementen grouped by part, To do when new', () => {
  const a = analyze(prepared());
  const c = a.checklist!;
  expect(c.progress.map((p) => [p.onderdeel, p.total])).toEqual([
    ['Wijkanalyse', 3],
    ['Definitieve duurzame energievoorziening', 7],
    ['Uitvoeringsstrategie', 3],
    ['Participatie', 2],
  ]);
  expect(c.overall).toMatchObject({ klaar: 0, total: 15 });
});

test('progress per part counts Klaar and Bezig', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values[CHECKLIST.firstRow - 1][2] = 'Klaar';
  s.values[CHECKLIST.firstRow][2] = 'Bezig';
  s.values[CHECKLIST.firstRow + 1][2] = 'klaar';
  const c = analyze(wb).checklist!;
  expect(c.progress[0]).toMatchObject({ klaar: 2, bezig: 1, total: 3 });
  expect(c.overall).toMatchObject({ klaar: 2, bezig: 1, total: 15 });
});

test('an unknown status is a warning with its cell', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values[CHECKLIST.firstRow - 1][2] = 'Half af';
  const p = analyze(wb).problems.find((x) => x.code === 'CHECKLIST_BAD_STATUS')!;
  expect(p.cell).toBe(`C${CHECKLIST.firstRow}`);
});

test('8-year rule: overstap 31-12-2030 means the WUP is adopted in 2022 at the latest', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = yearToSerial(2030);
  const early = analyze(wb, { now: new Date('2021-06-01') }).checklist!;
  expect(early).toMatchObject({ overstapYear: 2030, deadlineYear: 2022, late: false });
  const late = analyze(wb, { now: new Date('2026-11-28') });
  expect(late.checklist!.late).toBe(true);
  expect(late.problems.find((p) => p.code === 'CHECKLIST_LATE')!.message).toContain('2022');
});

test('a date that is not a date is reported', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = 'eind 2030';
  expect(analyze(wb).problems.some((p) => p.code === 'CHECKLIST_BAD_DATE' && p.cell === 'C3')).toBe(true);
});

test('regression: an overstap date past 31-12-9999 (Excel: YEAR gives #NUM!) or before March 1900 (Excel and LibreOffice count other days) gave the engine a deadline; now none, and a warning naming the cell, in both date systems', () => {
  const at = (serial: number, date1904 = false) => {
    const wb = prepared();
    if (date1904) wb.date1904 = true;
    const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
    s.values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = serial;
    const a = analyze(wb);
    const warning = a.problems.find((p) => p.code === 'CHECKLIST_DATE_OUT_OF_RANGE');
    return [a.checklist!.deadlineYear, warning ? `${warning.cell}: ${warning.message}` : null];
  };
  // 1900: 2958465 is 31-12-9999, 61 is 1-3-1900; 1904: 2957003 is 31-12-9999, 1 is 2-1-1904
  expect(at(2958465)).toEqual([9991, null]);
  expect(at(2958466)[0]).toBeNull();
  expect(at(2958466)[1]).toBe(
    'C3: Het getal 2958466 is geen datum die Excel kan tonen (van 1-3-1900 tot en met 31-12-9999). Vul de datum van de overstap van de laatste woning in.',
  );
  expect(at(61)).toEqual([1892, null]);
  expect(at(60)[0]).toBeNull();
  expect(at(1.5)[1]).toContain('Het getal 1,5 is geen datum');
  expect(at(2957003, true)).toEqual([9991, null]);
  expect(at(2957004, true)[1]).toContain('(van 2-1-1904 tot en met 31-12-9999)');
  expect(at(1, true)).toEqual([1896, null]);
});

test('the deadline formula holds the same bounds as the engine, per date system', () => {
  const formulaIn = (date1904: boolean) => {
    const wb = prepared();
    if (date1904) wb.date1904 = true;
    const ops = buildPlan(wb, { now: new Date('2026-11-28') }).plan.ops;
    const sim = simulate(wb, ops);
    return formulaAt(
      sim.sheets.find((x) => x.name === SHEET_NAMES.checklist)!,
      CHECKLIST.deadlineRow,
      CHECKLIST.valueColumn,
    );
  };
  expect(formulaIn(false)).toContain('C3>=61,C3<2958466');
  expect(formulaIn(true)).toContain('C3>=1,C3<2957004');
});

test('an item with an empty Onderdeel: the engine carries it down and warns that the workbook progress table does not count it (issue 9 review)', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values[CHECKLIST.firstRow][0] = null;
  const a = analyze(wb);
  expect(a.checklist!.progress[0]).toMatchObject({ onderdeel: 'Wijkanalyse', total: 3 });
  const p = a.problems.filter((x) => x.code === 'CHECKLIST_EMPTY_ONDERDEEL');
  expect(p.map((x) => [x.sheet, x.cell, x.severity])).toEqual([[SHEET_NAMES.checklist, `A${CHECKLIST.firstRow + 1}`, 'warning']]);
  expect(p[0].message).toMatch(/"Wijkanalyse".*voortgangstabel.*Vul het onderdeel in/);
});

test('the progress formulas follow the engine rule, not COUNTIFS criteria (issue 9 review: "Klaar " was not counted)', () => {
  const ops = buildPlan(workbook({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }), { now: new Date('2026-11-28') }).plan.ops;
  const formulas = JSON.stringify(ops.filter((o) => o.kind === 'setCells' && o.sheet === SHEET_NAMES.checklist));
  expect(formulas).not.toContain('COUNTIFS');
  expect(formulas).toContain('TRIM(');
});

// issue 9 audit: the engine read the overstap date beside its label, the deadline formula and the pane's date edit used C3
// and C4 and the progress table row 6 whatever the sheet held: with a row inserted above, the plan wrote the deadline
// formula over the team's date cell (CELL_OCCUPIED), the "al voorbij" formula compared YEAR(TODAY()) with the date, and a
// second progress table went over the first
test('a row inserted above the checklist: the deadline formulas, the progress table and the date edit follow the rows the engine reads', () => {
  const wb = prepared();
  const s = wb.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  s.values.unshift([]);
  s.formulas?.unshift([]);
  s.values[CHECKLIST.dateRow][CHECKLIST.valueColumn - 1] = yearToSerial(2030);
  const now = new Date('2026-11-28');
  const plan = buildPlan(wb, { now });
  expect(plan.problems.filter((p) => p.sheet === SHEET_NAMES.checklist && p.code === 'CELL_OCCUPIED')).toEqual([]);
  const after = simulate(wb, plan.plan.ops);
  const a = analyze(after, { now });
  const c = a.checklist!;
  expect(c).toMatchObject({
    dateRow: CHECKLIST.dateRow + 1,
    deadlineRow: CHECKLIST.deadlineRow + 1,
    headerRow: CHECKLIST.headerRow + 1,
    deadlineYear: 2022,
    late: true,
  });
  const cs = after.sheets.find((x) => x.name === SHEET_NAMES.checklist)!;
  const d = CHECKLIST.deadlineRow + 1;
  expect(formulaAt(cs, d, 3)).toContain(`C${CHECKLIST.dateRow + 1}`);
  expect(valueAt(cs, d, 3)).toBe(2022);
  expect(formulaAt(cs, d, 4)).toContain(`C${d}`);
  expect(valueAt(cs, d, 4)).toBe(CHECKLIST_LATE_TEXT);
  // the date stays the team's
  expect(valueAt(cs, CHECKLIST.dateRow + 1, 3)).toBe(yearToSerial(2030));
  // the progress table on the header row the engine found, nothing on the row above it
  expect(valueAt(cs, CHECKLIST.headerRow + 1, CHECKLIST.progressColumn)).toBe('Onderdeel');
  expect(valueAt(cs, CHECKLIST.headerRow, CHECKLIST.progressColumn)).toBeNull();
  expect(c.progress.map((p) => p.total)).toEqual([3, 7, 3, 2]);
  // the pane's date edit writes (and guards) the cell the engine reads
  const edit = checklistDateEdit(c, '2031-06-30');
  expect(edit.ok && edit.ops.map((o) => (o.kind === 'setCells' ? o.cell : o.kind))).toEqual([`C${CHECKLIST.dateRow + 1}`]);
  // a second plan writes nothing on the checklist
  expect(buildPlan(after, { now }).plan.ops.filter((o) => 'sheet' in o && o.sheet === SHEET_NAMES.checklist)).toEqual([]);
});
