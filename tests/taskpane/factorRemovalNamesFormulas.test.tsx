/**
 * Regression (issue 11 audit): removing a succesfactor deletes its column, and a formula
 * the team typed elsewhere that points at that column becomes #REF! (`=#REF!*2`). The pane
 * asked only when the column held scores, and never named such formulas. Now it asks
 * before anything changes, naming each formula by sheet and cell ("Eigen!A1"), also when
 * the column holds no score; cancelling writes nothing; a formula added meanwhile makes the
 * removal refuse instead of breaking it unannounced. Rendered with react-test-renderer over
 * the pane's real session and a memory workbook (tests/helpers/paneHarness.tsx); the
 * question is caught where Stap2View hands it to its ConfirmDialog (Fluent's Dialog does not
 * render in react-test-renderer), and "Annuleren" is that dialog closing without onConfirm.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { useMemo } from 'react';
import { columnLetter } from '../../src/core/a1';
import { readFactorInfo } from '../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { stap2Context } from '../../src/core/stap2';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { BrokenDefinition, BrokenFormula, FactorRemoval } from '../../src/core/referenceBreaks';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { removalQuestion } from '../../src/taskpane/stappen/stap2Actions';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle, texts, type RenderedPane } from '../helpers/paneHarness';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
/** The 2nd factor's column (D on the template). */
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const TEAM_FORMULA = `='${WS}'!${D}7*2`;

function Factors({ s, confirm }: { s: WorkbookSession; confirm: (r: ConfirmRequest) => void }) {
  const factors = useMemo(() => {
    if (!s.snapshot || !s.analysis) return [];
    const ctx = stap2Context(s.snapshot, s.analysis, s.notes);
    return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
  }, [s.snapshot, s.analysis, s.notes]);
  return <FactorsEditor session={s} factors={factors} confirm={confirm} />;
}

async function setup(scores: number[]): Promise<{ wb: MemoryWorkbook; pane: RenderedPane; asked: ConfirmRequest[]; name: string }> {
  const wb = await templateWorkbook('Oost');
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: TEAM_FORMULA }]] },
      ...(scores.length ? [{ kind: 'setCells' as const, sheet: WS, cell: `${D}6`, cells: scores.map((n) => [{ number: n }]) }] : []),
    ],
  });
  const name = (await state(wb)).ctx.werkblad.factors[1].name;
  const asked: ConfirmRequest[] = [];
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <Factors s={s} confirm={(r) => asked.push(r)} />,
    () => NOW,
  );
  return { wb, pane, asked, name };
}

const removeButton = (root: ReactTestInstance, name: string) => root.findAll((n) => n.type === 'button' && n.props['aria-label'] === `Verwijderen: ${name}`)[0];
const factorNames = async (wb: MemoryWorkbook) => (await state(wb)).ctx.werkblad.factors.map((f) => f.name);

describe('removing a succesfactor names the team formulas that would break', () => {
  test('a column without scores but with a team formula on it still asks, names Eigen!A1, and cancelling changes nothing', async () => {
    const { wb, pane, asked, name } = await setup([]);
    const before = await factorNames(wb);
    await act(async () => removeButton(pane.root(), name).props.onClick());
    await settle();
    expect(asked).toHaveLength(1);
    const q = asked[0];
    expect(q.title).toBe(`“${name}” verwijderen?`);
    expect(q.text).toContain('#VERW!');
    expect(q.text).not.toMatch(/score/);
    expect(q.list).toEqual([`Eigen!A1: ${TEAM_FORMULA}`]);
    expect(q.confirm).toBe('Toch verwijderen');
    // asked before anything changed; "Annuleren" closes the dialog without onConfirm: still nothing changed
    await settle();
    expect(await factorNames(wb)).toEqual(before);
    expect(wb.getFormula('Eigen', 'A1')).toBe(TEAM_FORMULA);
    expect(pane.session().busy).toBeNull();
    pane.unmount();
  });

  test('with scores the question says how many go and names the formula; confirming removes the column and the formula gets #REF!, as announced', async () => {
    const { wb, pane, asked, name } = await setup([3, 4]);
    await act(async () => removeButton(pane.root(), name).props.onClick());
    await settle();
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain('2 scores');
    expect(asked[0].list).toEqual([`Eigen!A1: ${TEAM_FORMULA}`]);
    expect(asked[0].confirm).toBe('Verwijderen met scores');
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).not.toContain(name);
    expect(wb.getFormula('Eigen', 'A1')).toBe('=#REF!*2');
    pane.unmount();
  });

  test('a team formula added after the question makes the removal refuse, naming it; nothing is removed', async () => {
    const { wb, pane, asked, name } = await setup([]);
    await act(async () => removeButton(pane.root(), name).props.onClick());
    await settle();
    // a colleague types another formula on the column while the question is open
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'B2', cells: [[{ formula: `=SUM('${WS}'!${D}6:${D}9)` }]] }] });
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).toContain(name);
    expect(wb.getFormula('Eigen', 'A1')).toBe(TEAM_FORMULA);
    expect(texts(pane.root())).toContain('Intussen verwijst ook Eigen!B2 naar de kolom van');
    pane.unmount();
  });

  test('no score and no formula on the column: removed at once, without a question', async () => {
    const { wb, pane, asked } = await setup([]);
    const third = (await state(wb)).ctx.werkblad.factors[2].name;
    await act(async () => removeButton(pane.root(), third).props.onClick());
    await settle();
    expect(asked).toEqual([]);
    expect(await factorNames(wb)).not.toContain(third);
    // the team formula on the 2nd factor's column is untouched
    expect(wb.getFormula('Eigen', 'A1')).toBe(TEAM_FORMULA);
    pane.unmount();
  });
});

describe('removalQuestion: the words of the question', () => {
  const f = (sheet: string, cell: string, kind: 'ref' | 'mayChange', formula = '=W!D1') => ({ sheet, cell, formula, kind });
  const impact = (scores: number, broken: BrokenFormula[], mayChange: BrokenFormula[], definitions: BrokenDefinition[] = []): FactorRemoval => ({
    ok: true,
    ops: [],
    unknown: [],
    comments: [],
    scores,
    other: [],
    broken,
    mayChange,
    definitions,
    unread: [],
    reads: [],
    seen: [],
  });

  test('nothing goes: no question', () => {
    expect(removalQuestion('Tempo', impact(0, [], []))).toBeNull();
  });

  test('only scores: the question as before, without a list', () => {
    const q = removalQuestion('Tempo', impact(1, [], []))!;
    expect(q.text).toBe('Deze succesfactor heeft 1 score; die gaat verloren. De scores van de andere succesfactoren blijven staan.');
    expect(q.list).toEqual([]);
    expect(q.confirm).toBe('Verwijderen met scores');
  });

  test('formulas that break and 3-D ones that may change are named apart, each with its place and formula', () => {
    const q = removalQuestion(
      'Tempo',
      impact(0, [f('Eigen', 'A1', 'ref'), f('Eigen', 'B2', 'ref')], [f('Som', 'C3', 'mayChange', `=SUM(Blad1:Blad3!D5)${'+1'.repeat(50)}`)]),
    )!;
    expect(q.text).toContain('Deze 2 formules van jullie verwijzen naar de kolom van deze succesfactor en geven daarna de fout #VERW!');
    expect(q.text).toContain('Deze formule rekent over meerdere bladen met het werkblad ertussen (een 3D-verwijzing)');
    expect(q.text).toContain('de uitkomst kan veranderen');
    expect(q.list).toEqual(['Eigen!A1: =W!D1', 'Eigen!B2: =W!D1', `Som!C3 (kan veranderen): =SUM(Blad1:Blad3!D5)${'+1'.repeat(29)}+…`]);
    expect(q.confirm).toBe('Toch verwijderen');
  });

  test('a formula through a broken name says which name; formulas whose cells cannot be checked are named as such', () => {
    const q = removalQuestion('Tempo', {
      ...impact(0, [{ ...f('Eigen', 'A1', 'ref', '=SUM(TeamNaam)'), name: 'TeamNaam' }], []),
      unknown: [
        { sheet: 'Eigen', cell: 'A2', formula: '=INDIRECT(B1)', kind: 'unknown' },
        { sheet: 'Eigen', cell: 'A3', formula: "=OFFSET('W'!C6,0,B2)", kind: 'unknown' },
      ],
      definitions: [{ kind: 'name', sheet: '', label: 'Rij', formula: "=OFFSET('W'!$C$6,0,1)", effect: 'unknown' }],
    })!;
    expect(q.text).toContain('Bij deze 2 formules van jullie kan niet worden nagegaan naar welke cellen ze verwijzen');
    expect(q.text).toContain('kijk na het verwijderen of ze nog kloppen');
    expect(q.list).toEqual([
      'Eigen!A1: =SUM(TeamNaam) (via naam TeamNaam)',
      'Eigen!A2 (kan niet worden nagegaan): =INDIRECT(B1)',
      "Eigen!A3 (kan niet worden nagegaan): =OFFSET('W'!C6,0,B2)",
      "Naam “Rij” (hele werkmap) (kan niet worden nagegaan): =OFFSET('W'!$C$6,0,1)",
    ]);
  });
});
