/**
 * The wijk's name in the werkblad title (src/core/wijk.ts): how it is written, read back,
 * checked, and when the product refuses to write it (a team's own title, a colleague's
 * change). Written against the survivors of a StrykerJS run of wijk.ts (CONTRIBUTING.md).
 */
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { validateWijk, wijkEdit, wijkName, wijkTitle } from '../../src/core/wijk';

const WS = 'Werkblad koppelkansen kiezen';
/** A workbook whose werkblad has `a1` in A1 (nothing for undefined). */
const withTitle = (a1?: string): WorkbookSnapshot => ({ sheets: [{ name: WS, values: a1 === undefined ? [] : [[a1]] }] });
const opsOf = (res: ReturnType<typeof wijkEdit>): PlanOp[] => (res.ok ? res.ops : []);

test('wijkTitle: the prefix, a dash and the trimmed name; only the prefix without a name', () => {
  expect(wijkTitle('  Lelystad-Oost ')).toBe('Werkblad koppelkansen kiezen – Lelystad-Oost');
  expect(wijkTitle('   ')).toBe('Werkblad koppelkansen kiezen');
  expect(wijkTitle('')).toBe('Werkblad koppelkansen kiezen');
});

test('wijkName reads the name after the prefix (any case, an en dash or a hyphen), "" when there is none', () => {
  expect(wijkName(withTitle('Werkblad koppelkansen kiezen – Lelystad-Oost'))).toBe('Lelystad-Oost');
  expect(wijkName(withTitle('WERKBLAD KOPPELKANSEN KIEZEN-Noord '))).toBe('Noord');
  expect(wijkName(withTitle('Werkblad koppelkansen kiezen   –   De Wijk'))).toBe('De Wijk');
  expect(wijkName(withTitle('Werkblad koppelkansen kiezen'))).toBe('');
  expect(wijkName(withTitle('Werkblad koppelkansen kiezen Noord'))).toBe('');
  expect(wijkName(withTitle('Werkblad koppelkansen kiezen x – Noord'))).toBe('');
  expect(wijkName(withTitle('Onze wijk – Noord'))).toBe('');
  expect(wijkName({ sheets: [] })).toBe('');
});

test('validateWijk: one line of at most 80 characters (after trimming)', () => {
  expect(validateWijk('Noord')).toBeNull();
  expect(validateWijk(`  ${'x'.repeat(80)}  `)).toBeNull();
  expect(validateWijk('x'.repeat(81))).toBe('De naam van de wijk is 81 tekens; gebruik er hoogstens 80.');
  for (const bad of ['Noord\nZuid', 'Noord\rZuid', 'Noord\tZuid']) {
    expect(validateWijk(bad)).toBe('De naam van de wijk past op één regel: haal de regelovergang weg.');
  }
  expect(validateWijk('Noord\n')).toBeNull();
});

describe('wijkEdit', () => {
  it('writes the title into the werkblad A1, and nothing when it is already there', () => {
    expect(opsOf(wijkEdit(withTitle('Werkblad koppelkansen kiezen'), 'Noord'))).toEqual([
      { kind: 'setCells', sheet: WS, cell: 'A1', cells: [[{ text: 'Werkblad koppelkansen kiezen – Noord' }]] },
    ]);
    expect(opsOf(wijkEdit(withTitle(), 'Noord'))).toHaveLength(1);
    expect(wijkEdit(withTitle('Werkblad koppelkansen kiezen – Noord'), ' Noord ')).toEqual({ ok: true, ops: [] });
  });

  it('refuses without a werkblad, an invalid name, or over a title the team wrote itself', () => {
    expect(wijkEdit({ sheets: [] }, 'Noord')).toEqual({
      ok: false,
      message: 'Er is nog geen werkblad "Werkblad koppelkansen kiezen". Maak eerst de indeling aan (Start).',
    });
    expect(wijkEdit(withTitle(), 'x'.repeat(81))).toMatchObject({ ok: false, message: expect.stringContaining('81 tekens') });
    expect(wijkEdit(withTitle('Onze wijk, ons plan'), 'Noord')).toEqual({
      ok: false,
      message: `${WS}!A1 heeft een eigen titel (“Onze wijk, ons plan”). De add-in schrijft daar niet overheen: begin de titel met “Werkblad koppelkansen kiezen” of maak A1 leeg, en probeer het opnieuw.`,
    });
  });

  it('with the name the user started from: refuses when a colleague changed it, else writes expecting A1 as read', () => {
    const snap = withTitle('Werkblad koppelkansen kiezen – Zuid');
    expect(wijkEdit(snap, 'Noord', 'West')).toEqual({
      ok: false,
      message: `Een collega heeft de naam van de wijk intussen veranderd in “Zuid” (${WS}!A1). Er is niets overschreven; kies welke naam je houdt.`,
    });
    expect(wijkEdit(withTitle('Werkblad koppelkansen kiezen'), 'Noord', 'West')).toMatchObject({ ok: false, message: expect.stringContaining('“(leeg)”') });
    expect(opsOf(wijkEdit(snap, 'Noord', ' Zuid '))).toEqual([
      {
        kind: 'setCells',
        sheet: WS,
        cell: 'A1',
        cells: [[{ text: 'Werkblad koppelkansen kiezen – Noord' }]],
        expect: [['Werkblad koppelkansen kiezen – Zuid']],
      },
    ]);
  });
});
