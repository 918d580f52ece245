/**
 * Issue 11 audit, the pane's side of gaps A and B (src/taskpane/stappen/FactorsEditor.tsx,
 * stap2Actions.ts):
 * - A: "Eerder"/"Later" rewrite the factor block by value, so a team formula that reads
 *   the moved cells (Eigen!A1 `='Werkblad…'!D7*2`) computes from another factor afterwards.
 *   The pane now names each such formula by sheet and cell with its text and asks first;
 *   cancelling changes nothing; a formula added after the question makes the move refuse.
 * - B: removing a factor counted "n.v.t.", a remark and a formula in its column as scores.
 *   The question now counts only valid scores and names the other cells with their content;
 *   content typed there after the question makes the removal refuse.
 * Rendered with react-test-renderer over the pane's real session and a memory workbook
 * (tests/helpers/paneHarness.tsx); the question is caught where Stap2View hands it to its
 * ConfirmDialog, as in factorRemovalNamesFormulas.test.tsx.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { useMemo } from 'react';
import { columnLetter } from '../../src/core/a1';
import { readFactorInfo } from '../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { FactorMove } from '../../src/core/referenceBreaks';
import { stap2Context } from '../../src/core/stap2';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import { moveQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { CellInput } from '../../src/core/snapshot';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle, texts, type RenderedPane } from '../helpers/paneHarness';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
/** The 2nd factor's column (D on the template) and the 3rd's (E). */
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);
const TEAM_FORMULA = `='${WS}'!${D}7*2`;

function Factors({ s, confirm }: { s: WorkbookSession; confirm: (r: ConfirmRequest) => void }) {
  const factors = useMemo(() => {
    if (!s.snapshot || !s.analysis) return [];
    const ctx = stap2Context(s.snapshot, s.analysis, s.notes);
    return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
  }, [s.snapshot, s.analysis, s.notes]);
  return <FactorsEditor session={s} factors={factors} confirm={confirm} />;
}

/** The template with D6:D… and E6:E… filled (`d`, `e`) and the team formula `formula` on sheet Eigen A1 (none when null); `more` adds more after. */
async function setup(d: CellInput[], e: CellInput[], formula: string | null, more: (wb: MemoryWorkbook) => Promise<void> = async () => undefined) {
  const wb = await templateWorkbook('Oost');
  await wb.apply({
    ops: [
      ...(formula
        ? [
            { kind: 'addSheet' as const, sheet: 'Eigen' },
            { kind: 'setCells' as const, sheet: 'Eigen', cell: 'A1', cells: [[{ formula }]] },
          ]
        : []),
      ...(d.length ? [{ kind: 'setCells' as const, sheet: WS, cell: `${D}6`, cells: d.map((c) => [c]) }] : []),
      ...(e.length ? [{ kind: 'setCells' as const, sheet: WS, cell: `${E}6`, cells: e.map((c) => [c]) }] : []),
    ],
  });
  await more(wb);
  const names = (await state(wb)).ctx.werkblad.factors.map((f) => f.name);
  const asked: ConfirmRequest[] = [];
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <Factors s={s} confirm={(r) => asked.push(r)} />,
    () => NOW,
  );
  return { wb, pane, asked, names };
}

const button = (root: ReactTestInstance, label: string) => root.findAll((n) => n.type === 'button' && n.props['aria-label'] === label)[0];
const factorNames = async (wb: MemoryWorkbook) => (await state(wb)).ctx.werkblad.factors.map((f) => f.name);
const click = async (pane: RenderedPane, label: string) => {
  await act(async () => button(pane.root(), label).props.onClick());
  await settle();
};

describe('moving a succesfactor names the team formulas that would compute from another factor', () => {
  test('regression: "Later" moved the scores under Eigen!A1 without a word; now it asks, naming the formula, and cancelling changes nothing', async () => {
    const { wb, pane, asked, names } = await setup([{ number: 3 }, { number: 4 }], [{ number: -2 }, { number: 8 }], TEAM_FORMULA);
    await click(pane, `Later: ${names[1]}`);
    expect(asked).toHaveLength(1);
    expect(asked[0].title).toBe(`“${names[1]}” later zetten?`);
    expect(asked[0].text).toContain('deze formule van jullie blijft naar dezelfde cellen verwijzen en rekent daarna met de scores van een andere succesfactor');
    expect(asked[0].list).toEqual([`Eigen!A1: ${TEAM_FORMULA}`]);
    expect(asked[0].confirm).toBe('Toch verplaatsen');
    // not confirmed ("Annuleren"): nothing moved
    expect(await factorNames(wb)).toEqual(names);
    expect(wb.getCell(WS, `${D}7`)).toBe(4);
    pane.unmount();
  });

  test('confirming moves the factor with its scores; the formula keeps its text, as the question said', async () => {
    const { wb, pane, asked, names } = await setup([{ number: 3 }, { number: 4 }], [{ number: -2 }, { number: 8 }], TEAM_FORMULA);
    await click(pane, `Later: ${names[1]}`);
    await act(async () => asked[0].onConfirm());
    await settle();
    const now = await factorNames(wb);
    expect(now.slice(1, 3)).toEqual([names[2], names[1]]);
    expect([wb.getCell(WS, `${D}7`), wb.getCell(WS, `${E}7`)]).toEqual([8, 4]);
    expect(wb.getFormula('Eigen', 'A1')).toBe(TEAM_FORMULA);
    pane.unmount();
  });

  test('a team formula added after the question makes the move refuse, naming it; nothing moves', async () => {
    const { wb, pane, asked, names } = await setup([{ number: 3 }, { number: 4 }], [], TEAM_FORMULA);
    await click(pane, `Eerder: ${names[1]}`);
    expect(asked).toHaveLength(1);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'B2', cells: [[{ formula: `=SUM('${WS}'!${D}6:${D}9)` }]] }] });
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).toEqual(names);
    expect(texts(pane.root())).toContain('Intussen rekent ook Eigen!B2 met cellen die veranderen');
    pane.unmount();
  });

  test('regression: a team name on the moved column, the formula using it and an INDIRECT were not in the question; now each is named, the INDIRECT as not checkable', async () => {
    const { wb, pane, asked, names } = await setup([{ number: 3 }, { number: 4 }], [{ number: -2 }, { number: 8 }], '=SUM(TeamGewicht)', async (w) => {
      w.defineName('TeamGewicht', `='${WS}'!$${E}$6:$${E}$100`);
      await w.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'A2', cells: [[{ formula: '=INDIRECT(B1)' }]] }] });
    });
    await click(pane, `Later: ${names[1]}`);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain('deze 2 formules en namen van jullie blijven naar dezelfde cellen verwijzen');
    expect(asked[0].text).toContain('Bij deze formule van jullie kan niet worden nagegaan naar welke cellen hij verwijst');
    expect(asked[0].list).toEqual([
      'Eigen!A1: =SUM(TeamGewicht) (via naam TeamGewicht)',
      `Naam “TeamGewicht” (hele werkmap): ='${WS}'!$${E}$6:$${E}$100 staat daarna voor de cellen van een andere succesfactor`,
      'Eigen!A2 (kan niet worden nagegaan): =INDIRECT(B1)',
    ]);
    // a name added after the question: the move refuses, naming it
    wb.defineName('Nieuw', `='${WS}'!$${D}$7`, 'Eigen');
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).toEqual(names);
    expect(texts(pane.root())).toContain('Intussen rekent ook naam Nieuw met cellen die veranderen');
    pane.unmount();
  });

  test('no team formula reads the moved cells: moved at once, without a question', async () => {
    const { wb, pane, asked, names } = await setup([{ number: 3 }], [], TEAM_FORMULA);
    await click(pane, `Later: ${names[4]}`);
    expect(asked).toEqual([]);
    expect((await factorNames(wb)).slice(4, 6)).toEqual([names[5], names[4]]);
    pane.unmount();
  });
});

describe('removing a succesfactor counts only scores and names the other cells', () => {
  const D_CONTENT: CellInput[] = [{ number: 3 }, { number: 5 }, { text: 'n.v.t.' }, { number: -1 }];

  test('regression: the question said "4 scores" for 3 scores and "n.v.t."; now 3 scores and the cell by name, with the remark and formula far below', async () => {
    const { wb, pane, asked, names } = await setup(D_CONTENT, [], null);
    await wb.apply({
      ops: [{ kind: 'setCells', sheet: WS, cell: `${D}120`, cells: [[{ text: 'navragen bij de GGD' }], [{ formula: `=SUM(${D}6:${D}9)` }]] }],
    });
    await pane.hear();
    await settle();
    await click(pane, `Verwijderen: ${names[1]}`);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain('Deze succesfactor heeft 3 scores; die gaan verloren.');
    expect(asked[0].text).toContain('In de kolom staan ook 3 andere cellen van jullie (geen score van -10 tot en met 10); die gaan ook verloren.');
    expect(asked[0].list).toEqual([
      `${WS}!${D}8 (gaat verloren): n.v.t.`,
      `${WS}!${D}120 (gaat verloren): navragen bij de GGD`,
      `${WS}!${D}121 (gaat verloren): =SUM(${D}6:${D}9)`,
    ]);
    // the card says it too
    expect(texts(pane.root())).toContain('3 scores en 3 andere cellen');
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).not.toContain(names[1]);
    pane.unmount();
  });

  test('text typed in the column after the question makes the removal refuse, naming the cell; nothing is removed', async () => {
    const { wb, pane, asked, names } = await setup(D_CONTENT, [], null);
    await click(pane, `Verwijderen: ${names[1]}`);
    expect(asked[0].list).toEqual([`${WS}!${D}8 (gaat verloren): n.v.t.`]);
    // a colleague types a remark in the column while the question is open, and another changes D8
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${D}30`, cells: [[{ text: 'bellen' }]] }] });
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).toContain(names[1]);
    expect(texts(pane.root())).toContain(`Intussen staat er ook iets in ${WS}!${D}30 in de kolom van “${names[1]}”`);
    pane.unmount();
  });

  test('only other content, no score: the question still asks and names the cell', async () => {
    const { pane, asked, names } = await setup([{ text: 'n.v.t.' }], [], null);
    await click(pane, `Verwijderen: ${names[1]}`);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toBe(
      'In de kolom staat ook iets anders van jullie (geen score van -10 tot en met 10); dat gaat ook verloren. Zet eerst ergens anders neer wat je wilt bewaren, of verwijder de succesfactor toch.',
    );
    expect(asked[0].confirm).toBe('Toch verwijderen');
    pane.unmount();
  });
});

describe('moveQuestion: the words', () => {
  const m = (n: number): FactorMove => ({
    ok: true,
    ops: [],
    reads: Array.from({ length: n }, (_, i) => ({ sheet: 'Eigen', cell: `A${i + 1}`, formula: `=W!D${i + 1}${'+1'.repeat(50)}`, kind: 'reads' as const })),
    unknown: [],
    comments: [],
    definitions: [],
    unread: [],
    seen: [],
  });

  test('nothing reads the moved cells: no question', () => {
    expect(moveQuestion('Tempo', -1, m(0))).toBeNull();
  });

  test('two formulas: counted, each named with its place and its formula cut at 80 characters', () => {
    const q = moveQuestion('Tempo', -1, m(2))!;
    expect(q.title).toBe('“Tempo” eerder zetten?');
    expect(q.text).toBe(
      'De scores verhuizen mee met hun succesfactor naar de andere kolom, maar deze 2 formules van jullie blijven naar dezelfde cellen verwijzen en rekenen daarna met de scores van een andere succesfactor. Pas ze na het verplaatsen aan, of laat de volgorde zoals hij is.',
    );
    expect(q.list).toEqual([`Eigen!A1: =W!D1${'+1'.repeat(37)}…`, `Eigen!A2: =W!D2${'+1'.repeat(37)}…`]);
  });
});
