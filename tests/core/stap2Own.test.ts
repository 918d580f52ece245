/**
 * An own opgave or koppelkans (src/core/stap2.ts `ownOpgaveEdit`, `ownKoppelkansEdit`): the
 * exact row appended to the longlist and the Dutch refusals. Written against the survivors
 * of a StrykerJS run of stap2.ts (CONTRIBUTING.md, "Mutation testing"), whose own-opgave and
 * own-koppelkans mutants the workbook tests of stap2.test.ts did not tell apart.
 */
import { SHEET_NAMES } from '../../src/core/layout';
import { ownKoppelkansEdit, ownOpgaveEdit, validateName } from '../../src/core/stap2';
import type { PlanOp } from '../../src/core/snapshot';
import { state, templateWorkbook } from '../helpers/stap2Workbook';

const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'ok' : r.message);
const appendOp = (ops: PlanOp[]) => ops[0];

describe('an own opgave or koppelkans', () => {
  it('an own opgave: one row below the longlist header, opgave trimmed, koppelkans cleared, toelichting trimmed (or cleared), then selected', async () => {
    const s = await state(await templateWorkbook());
    const ll = s.analysis.longlist.layout!;
    const res = ownOpgaveEdit(s.ctx, s.analysis, '  Eigen opgave ', '  Waarom wij  ');
    if (!res.ok) throw new Error(res.message);
    expect(appendOp(res.ops)).toEqual({
      kind: 'appendRows',
      sheet: SHEET_NAMES.longlist,
      minRow: ll.headerRow + 1,
      firstColumn: 'A',
      rows: [[{ text: 'Eigen opgave' }, { clear: true }, { text: 'Waarom wij' }]],
    });
    expect(res.ops.length).toBeGreaterThan(1); // and selected on the werkblad
    const bare = ownOpgaveEdit(s.ctx, s.analysis, 'Nog een', '   ');
    expect(bare.ok && appendOp(bare.ops)).toMatchObject({ rows: [[{ text: 'Nog een' }, { clear: true }, { clear: true }]] });
  });

  it('an own koppelkans: opgave and koppelkans trimmed in one row; the same name under another opgave is fine', async () => {
    const s = await state(await templateWorkbook());
    const e = s.analysis.longlist.entries[0];
    const other = s.analysis.longlist.opgaven.find((o) => o !== e.opgave)!;
    const res = ownKoppelkansEdit(s.ctx, s.analysis, ` ${other} `, ` ${e.koppelkans} `, ' toe ');
    if (!res.ok) throw new Error(res.message);
    expect(appendOp(res.ops)).toMatchObject({ kind: 'appendRows', firstColumn: 'A', rows: [[{ text: other }, { text: e.koppelkans }, { text: 'toe' }]] });
  });

  it('refusals say what to do, in Dutch, naming the name', async () => {
    const s = await state(await templateWorkbook());
    const e = s.analysis.longlist.entries[0];
    expect(message(ownOpgaveEdit(s.ctx, s.analysis, ` ${e.opgave.toUpperCase()} `, ''))).toBe(
      `De opgave “${e.opgave.toUpperCase()}” staat al op de longlist: kies hem in de lijst.`,
    );
    expect(message(ownKoppelkansEdit(s.ctx, s.analysis, e.opgave, ` ${e.koppelkans.toLowerCase()}`, ''))).toBe(
      `“${e.koppelkans.toLowerCase()}” staat al op de longlist bij ${e.opgave}: kies hem in de lijst.`,
    );
    expect(message(ownKoppelkansEdit(s.ctx, s.analysis, '  ', 'Nieuw', ''))).toBe('Kies eerst de opgave waar de koppelkans bij hoort.');
    expect(message(ownKoppelkansEdit(s.ctx, s.analysis, e.opgave, ' ', ''))).toBe('Geef de koppelkans een naam.');
    expect(message(ownOpgaveEdit(s.ctx, s.analysis, 'a\tb', ''))).toBe('De naam van een opgave past op één regel: haal de regelovergang weg.');
    const noLonglist = { ...s.analysis, longlistInWorkbook: false };
    const hint = 'De werkmap heeft geen blad met de longlist (Opgave, Koppelkans). Kies "Werkmap voorbereiden" op Controle; dan komt de longlist erin.';
    expect(message(ownOpgaveEdit(s.ctx, noLonglist, 'Nieuw', ''))).toBe(hint);
    expect(message(ownKoppelkansEdit(s.ctx, noLonglist, e.opgave, 'Nieuw', ''))).toBe(hint);
  });

  it('a name of 255 characters is fine, 256 is refused with the count', () => {
    expect(validateName('x'.repeat(255), 'koppelkans')).toBeNull();
    expect(validateName(` ${'x'.repeat(256)} `, 'koppelkans')).toBe('De naam is 256 tekens; een keuzelijst in Excel toont er hoogstens 255.');
    expect(validateName('a\rb', 'opgave')).toBe('De naam van een opgave past op één regel: haal de regelovergang weg.');
  });
});
