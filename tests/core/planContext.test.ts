/**
 * The plan context's helpers (src/core/plan/context.ts): `sheetByName` finds a sheet under
 * the workbook's name rule (case, spaces and NBSP do not matter; the first match wins;
 * none: undefined), `nameOf` gives a part's name as the workbook spells it, or its canonical
 * name when the part does not exist yet. Pure, built in each test.
 */
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES, type SheetRole } from '../../src/core/layout';
import { nameOf, sheetByName, type PlanContext } from '../../src/core/plan/context';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

function context(snapshot: WorkbookSnapshot): PlanContext {
  return { snapshot, analysis: analyze(snapshot), options: {}, ops: [], problems: [], validations: [] };
}

describe('sheetByName', () => {
  test('finds the sheet whatever the case and spacing, the first of two that match', () => {
    const a = { name: 'Eerste', values: [] };
    const b = { name: 'Mijn  Blad', values: [[1]] };
    const c = { name: 'mijn blad', values: [[2]] };
    const wb: WorkbookSnapshot = { sheets: [a, b, c] };
    expect(sheetByName(wb, 'Eerste')).toBe(a);
    expect(sheetByName(wb, ' MIJN\u00a0blad ')).toBe(b);
    expect(sheetByName(wb, 'mijn blad')).toBe(b);
  });

  test('undefined for a name no sheet has, or a workbook without sheets', () => {
    expect(sheetByName({ sheets: [{ name: 'Eerste', values: [] }] }, 'Eerst')).toBeUndefined();
    expect(sheetByName({ sheets: [{ name: 'Eerste', values: [] }] }, 'Eerste blad')).toBeUndefined();
    expect(sheetByName({ sheets: [] }, 'Eerste')).toBeUndefined();
  });
});

describe('nameOf', () => {
  test('the name a part has in the workbook, in its own case and spacing', () => {
    const wb = workbook({ sheetName: 'WERKBLAD KOPPELKANSEN  KIEZEN' }, [
      { name: 'resultaat', values: [] },
      { name: 'Keuzelijsten ', values: [] },
    ]);
    const ctx = context(wb);
    expect(nameOf(ctx, 'werkblad')).toBe('WERKBLAD KOPPELKANSEN  KIEZEN');
    expect(nameOf(ctx, 'resultaat')).toBe('resultaat');
    expect(nameOf(ctx, 'lijsten')).toBe('Keuzelijsten ');
    expect(nameOf(ctx, 'longlist')).toBe(SHEET_NAMES.longlist);
  });

  test.each(Object.keys(SHEET_NAMES) as SheetRole[])('%s: the canonical name when the part does not exist yet', (role) => {
    const ctx = context({ sheets: [] });
    expect(nameOf(ctx, role)).toBe(SHEET_NAMES[role]);
  });

  test('a longlist under another name is named by the analysis', () => {
    const ctx = context({ sheets: [{ name: 'W', values: [] }] });
    ctx.analysis = { ...ctx.analysis, sheets: { ...ctx.analysis.sheets, longlist: 'Mijn lijst' } };
    expect(nameOf(ctx, 'longlist')).toBe('Mijn lijst');
    expect(nameOf(ctx, 'notulen')).toBe(SHEET_NAMES.notulen);
  });
});
