/**
 * Regression (issue 11 audit): removing a succesfactor deletes its column, and the team's
 * own defined names, conditional formats and data validations on that column broke
 * silently: a name TeamNaam on the column became #REF!, a conditional format on it went,
 * and the question said nothing of them. Now the pane reads them (SnapshotRequest.definitions)
 * and names each before anything changes (what, where, what happens); after "Toch
 * verwijderen" they are where Excel puts them; one added meanwhile makes the removal refuse.
 * Same harness as factorRemovalNamesFormulas.test.tsx (react-test-renderer over the pane's
 * real session and a memory workbook).
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { useMemo } from 'react';
import { columnLetter } from '../../src/core/a1';
import { DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { readFactorInfo } from '../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { BrokenDefinition, FactorRemoval } from '../../src/core/referenceBreaks';
import { stap2Context } from '../../src/core/stap2';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import { definitionLine, removalQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle, texts } from '../helpers/paneHarness';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const col = (i: number) => columnLetter(WERKBLAD.firstFactorColumn + i);
/** The 2nd factor's column (D on the template), the one removed; E right of it; the last factor's. */
const D = col(1);
const E = col(2);
const LAST = col(DEFAULT_SUCCESFACTOREN.length - 1);
const TEAM_LIST = { type: 'list' as const, source: `=$A$6:$A$9`, errorTitle: 'Team', errorMessage: 'Kies.', strict: false };

function Factors({ s, confirm }: { s: WorkbookSession; confirm: (r: ConfirmRequest) => void }) {
  const factors = useMemo(() => {
    if (!s.snapshot || !s.analysis) return [];
    const ctx = stap2Context(s.snapshot, s.analysis, s.notes);
    return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
  }, [s.snapshot, s.analysis, s.notes]);
  return <FactorsEditor session={s} factors={factors} confirm={confirm} />;
}

/** The template with the team's name on the 2nd factor's column, one right of it, two conditional formats and a validation of its own. */
async function setup() {
  const wb = await templateWorkbook('Oost');
  wb.defineName('TeamNaam', `='${WS}'!$${D}$6:$${D}$20`);
  wb.defineName('RechtsNaam', `='${WS}'!$${E}$6`);
  wb.addConditionalFormat(WS, [`${D}6:${D}105`], [`=${D}6>5`]);
  wb.addConditionalFormat(WS, [`C6:${LAST}105`], [`=$${D}6>0`]);
  wb.setValidation(WS, `${D}200:${D}210`, TEAM_LIST);
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

describe("removing a succesfactor names the team's names, conditional formats and validations on its column", () => {
  test('the question names each (what, where, what happens) before anything changes; confirming leaves them where Excel puts them', async () => {
    const { wb, pane, asked, name } = await setup();
    await act(async () => removeButton(pane.root(), name).props.onClick());
    await settle();
    expect(asked).toHaveLength(1);
    const q = asked[0];
    expect(q.text).toContain('Ook deze 4 namen en regels van jullie');
    expect(q.list).toEqual([
      `Naam “TeamNaam” (hele werkmap): ='${WS}'!$${D}$6:$${D}$20 geeft daarna #VERW!`,
      `Voorwaardelijke opmaak op ${WS}!${D}6:${D}105: verdwijnt, al haar cellen gaan mee met de kolom`,
      `Voorwaardelijke opmaak op ${WS}!C6:${LAST}105: =$${D}6>0 geeft daarna #VERW!`,
      `Gegevensvalidatie op ${WS}!${D}200:${D}210: verdwijnt, al haar cellen gaan mee met de kolom`,
    ]);
    expect(q.confirm).toBe('Toch verwijderen');
    // nothing changed while the question is open
    expect(await factorNames(wb)).toContain(name);
    expect(wb.getNames().map((n) => n.formula)).toEqual([`='${WS}'!$${D}$6:$${D}$20`, `='${WS}'!$${E}$6`]);
    await act(async () => q.onConfirm());
    await settle();
    expect(await factorNames(wb)).not.toContain(name);
    // as announced: the name on the column is #REF!, the one right of it moved left with its cell
    expect(wb.getNames().map((n) => n.formula)).toEqual(['=#REF!', `='${WS}'!$${D}$6`]);
    expect(wb.getConditionalFormats(WS)).toEqual([{ ranges: [`C6:${col(DEFAULT_SUCCESFACTOREN.length - 2)}105`], formulas: ['=#REF!>0'] }]);
    expect(wb.getValidation(WS, `${D}205`)).toBeNull();
    pane.unmount();
  });

  test('a name on the column added after the question makes the removal refuse, naming it; nothing is removed', async () => {
    const { wb, pane, asked, name } = await setup();
    await act(async () => removeButton(pane.root(), name).props.onClick());
    await settle();
    wb.defineName('Nieuw', `='${WS}'!$${D}$7`);
    await act(async () => asked[0].onConfirm());
    await settle();
    expect(await factorNames(wb)).toContain(name);
    expect(wb.getNames().find((n) => n.name === 'Nieuw')?.formula).toBe(`='${WS}'!$${D}$7`);
    expect(texts(pane.root())).toContain('Intussen verwijst ook naam Nieuw naar de kolom van');
    pane.unmount();
  });
});

describe('removalQuestion: names and rules', () => {
  const impact = (definitions: BrokenDefinition[], unread: FactorRemoval['unread'] = []): FactorRemoval => ({
    ok: true,
    ops: [],
    unknown: [],
    comments: [],
    scores: 0,
    other: [],
    reads: [],
    broken: [],
    mayChange: [],
    definitions,
    unread,
    seen: [],
  });
  const name: BrokenDefinition = { kind: 'name', sheet: 'Eigen', label: 'Lokaal', formula: "='W'!$D$6", effect: 'ref' };

  test('one name: the question in the singular, the name with the sheet it is local to', () => {
    const q = removalQuestion('Tempo', impact([name]))!;
    expect(q.text).toContain('Ook deze naam of regel van jullie');
    expect(q.list).toEqual([`Naam “Lokaal” (alleen op blad Eigen): ='W'!$D$6 geeft daarna #VERW!`]);
    expect(q.confirm).toBe('Toch verwijderen');
  });

  test('a rule over several ranges is named with all of them; a 3-D one "kan veranderen"', () => {
    expect(definitionLine({ kind: 'validation', sheet: 'W', label: 'D6:D9 F2', formula: '', effect: 'removed' })).toBe(
      'Gegevensvalidatie op W!D6:D9,F2: verdwijnt, al haar cellen gaan mee met de kolom',
    );
    expect(definitionLine({ kind: 'conditionalFormat', sheet: 'W', label: 'A1', formula: '=SUM(B1:B3!D5)>0', effect: 'mayChange' })).toBe(
      'Voorwaardelijke opmaak op W!A1 (kan veranderen): =SUM(B1:B3!D5)>0',
    );
  });

  test('validations the adapter cannot read are mentioned only when there is a question anyway', () => {
    expect(removalQuestion('Tempo', impact([], ['validations']))).toBeNull();
    expect(removalQuestion('Tempo', impact([name], ['validations']))!.text).toContain(
      'Eigen gegevensvalidatie kan de add-in hier niet nalezen: kijk na het verwijderen of die nog klopt.',
    );
    // a host that refused the read: every kind named
    expect(removalQuestion('Tempo', impact([name], ['validations', 'names', 'conditionalFormats']))!.text).toContain(
      'Eigen namen, eigen voorwaardelijke opmaak en eigen gegevensvalidatie kan de add-in hier niet nalezen',
    );
  });
});
