/**
 * Regressions: Stap 2's succesfactor cards were keyed by column and name, and a card's
 * draft copied all three fields, so a colleague renaming the factor, or inserting or
 * removing a factor before it, redrew the card and dropped what was being typed (or
 * saved the old name back over the colleague's); saving was not checked against the
 * value typing started from. The wijk name field kept its text but wrote over a
 * colleague's name. Rendered with react-test-renderer over the pane's real session
 * (`useWorkbookSession`) and one memory workbook; the colleague writes to the same
 * workbook and the pane hears of it through a change event, as in Excel on the web.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useMemo } from 'react';
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer';
import { analyze } from '../../src/core/analyze';
import type { EditResult } from '../../src/core/edits';
import { cellAddress } from '../../src/core/a1';
import { factorsEdit, readFactorInfo, type FactorSpec } from '../../src/core/factors';
import { textAt } from '../../src/core/grid';
import { WERKBLAD } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import { stap2Context, type Stap2Context } from '../../src/core/stap2';
import { wijkName, wijkTitle } from '../../src/core/wijk';
import { useWorkbookSession, type HostServices, type WorkbookSession } from '../../src/taskpane/session';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import { Stap1View } from '../../src/taskpane/views/Stap1View';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = new Date('2026-11-30T10:00:00+01:00');
const now = () => NOW;
const TYPED = 'Zonder draagvlak in de straat komt er geen warmtenet';

async function setup(view: 'factors' | 'stap1') {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { wijk: 'Oost', now: NOW });
  let notify: ((changed: null) => void) | null = null;
  const host: HostServices = {
    kind: 'preview',
    storage: { get: () => null, set: () => undefined },
    subscribeToChanges: async (on) => {
      notify = on;
      return async () => undefined;
    },
  };
  let session: WorkbookSession | null = null;
  function Factors({ s }: { s: WorkbookSession }) {
    const factors = useMemo(() => {
      if (!s.snapshot || !s.analysis) return [];
      const ctx = stap2Context(s.snapshot, s.analysis, s.notes);
      return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
    }, [s.snapshot, s.analysis, s.notes]);
    return <FactorsEditor session={s} factors={factors} confirm={(r) => r.onConfirm()} />;
  }
  function Pane() {
    session = useWorkbookSession(wb, host, now);
    return <FluentProvider theme={webLightTheme}>{view === 'factors' ? <Factors s={session} /> : <Stap1View session={session} />}</FluentProvider>;
  }
  let renderer: ReactTestRenderer | undefined;
  await act(async () => {
    renderer = create(<Pane />);
  });
  const settle = async () => {
    for (let i = 0; i < 20; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  };
  await settle();
  /** The colleague's own edit, built on their read of the workbook and applied with the engine's plan, as another pane would. */
  const colleague = async (build: (ctx: Stap2Context) => EditResult) => {
    const snapshot = await wb.readSnapshot({ fresh: true });
    const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
    if ('message' in ctx) throw new Error(ctx.message);
    const edit = build(ctx);
    if (!edit.ok) throw new Error(edit.message);
    await wb.apply(planWithEdit(snapshot, edit.ops, { now: NOW }).plan);
  };
  const werkblad = async () => {
    const snapshot = await wb.readSnapshot({ fresh: true });
    const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
    if ('message' in ctx) throw new Error(ctx.message);
    return readFactorInfo(ctx.sheet, ctx.werkblad);
  };
  return {
    wb,
    session: () => session!,
    root: () => renderer!.root,
    settle,
    colleague,
    werkblad,
    hear: async () => {
      await act(async () => notify?.(null));
      await settle();
    },
    unmount: () => act(() => renderer!.unmount()),
  };
}

const texts = (node: ReactTestInstance): string => node.children.map((c) => (typeof c === 'string' ? c : texts(c))).join('');
const button = (root: ReactTestInstance, label: string) => root.findAll((n) => n.type === 'button' && texts(n).trim() === label)[0] ?? null;
const card = (root: ReactTestInstance, name: string) =>
  root.findAll((n) => n.type === 'li' && typeof n.props['aria-label'] === 'string' && n.props['aria-label'].endsWith(`: ${name}`))[0] ?? null;
const waaromField = (c: ReactTestInstance) => c.findAll((n) => n.type === 'textarea')[0];
const typeIn = async (field: ReactTestInstance, value: string) => {
  await act(async () => field.props.onChange({ target: { value }, currentTarget: { value } }));
};
const keep = (ctx: Stap2Context): FactorSpec[] => ctx.werkblad.factors.map((f) => ({ from: f.index }));

describe('Stap 2 succesfactor cards keep what was typed', () => {
  it('a colleague renames the factor whose waarom is typed: the text stays on its card and saving keeps their name (regression: the card was redrawn empty)', async () => {
    const t = await setup('factors');
    const [, target] = await t.werkblad();
    await typeIn(waaromField(card(t.root(), target.name)), TYPED);
    await t.colleague((ctx) =>
      factorsEdit(
        ctx.sheet,
        ctx.werkblad,
        keep(ctx).map((s, i) => (i === 1 ? { from: i, name: 'Draagvlak in de buurt' } : s)),
      ),
    );
    await t.hear();
    const renamed = card(t.root(), 'Draagvlak in de buurt');
    expect(waaromField(renamed).props.value).toBe(TYPED);
    await act(async () => button(renamed, 'Opslaan').props.onClick());
    await t.settle();
    const after = (await t.werkblad())[1];
    expect(after.name).toBe('Draagvlak in de buurt');
    expect(after.waarom).toBe(TYPED);
    t.unmount();
  });

  it('a colleague inserts a factor before the one being typed in: the text stays with that factor, not with the column (regression: keyed by column)', async () => {
    const t = await setup('factors');
    const [, target] = await t.werkblad();
    await typeIn(waaromField(card(t.root(), target.name)), TYPED);
    await t.colleague((ctx) => factorsEdit(ctx.sheet, ctx.werkblad, [{ name: 'Betaalbaarheid', weging: 1, waarom: 'Iedereen moet mee kunnen' }, ...keep(ctx)]));
    await t.hear();
    expect(waaromField(card(t.root(), 'Betaalbaarheid')).props.value).toBe('Iedereen moet mee kunnen');
    const moved = card(t.root(), target.name);
    expect(waaromField(moved).props.value).toBe(TYPED);
    await act(async () => button(moved, 'Opslaan').props.onClick());
    await t.settle();
    const after = await t.werkblad();
    expect(after.find((f) => f.name === target.name)?.waarom).toBe(TYPED);
    expect(after.find((f) => f.name === 'Betaalbaarheid')?.waarom).toBe('Iedereen moet mee kunnen');
    t.unmount();
  });

  it('a colleague removes a factor before the one being typed in: the text stays with its factor', async () => {
    const t = await setup('factors');
    const [first, target] = await t.werkblad();
    await typeIn(waaromField(card(t.root(), target.name)), TYPED);
    await t.colleague((ctx) => factorsEdit(ctx.sheet, ctx.werkblad, keep(ctx).slice(1)));
    await t.hear();
    expect(card(t.root(), first.name)).toBeNull();
    expect(waaromField(card(t.root(), target.name)).props.value).toBe(TYPED);
    t.unmount();
  });

  it('a colleague removes the factor being typed in: the pane says so, keeps the text, and can add it again', async () => {
    const t = await setup('factors');
    const [, target] = await t.werkblad();
    await typeIn(waaromField(card(t.root(), target.name)), TYPED);
    await t.colleague((ctx) =>
      factorsEdit(
        ctx.sheet,
        ctx.werkblad,
        keep(ctx).filter((_, i) => i !== 1),
      ),
    );
    await t.hear();
    expect(texts(t.root())).toContain(`De succesfactor “${target.name}” is intussen door iemand anders verwijderd`);
    expect(texts(t.root())).toContain(TYPED);
    await act(async () => button(t.root(), 'Opnieuw toevoegen').props.onClick());
    await t.settle();
    const after = await t.werkblad();
    expect(after.find((f) => f.name === target.name)?.waarom).toBe(TYPED);
    expect(texts(t.root())).not.toContain('door iemand anders verwijderd');
    t.unmount();
  });

  it('a colleague changes the same waarom meanwhile, unheard: saving writes nothing, shows both versions and asks; "Mijn versie opslaan" then writes mine', async () => {
    const t = await setup('factors');
    const [, target] = await t.werkblad();
    await typeIn(waaromField(card(t.root(), target.name)), TYPED);
    const theirs = 'Collega: de woningcorporatie moet meedoen';
    const sheet = t.session().analysis!.werkblad!.layout.sheet;
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet, cell: cellAddress(WERKBLAD.waaromRow, target.column), cells: [[{ text: theirs }]] }] });
    await act(async () => button(card(t.root(), target.name), 'Opslaan').props.onClick());
    await t.settle();
    expect((await t.werkblad())[1].waarom).toBe(theirs);
    const c = card(t.root(), target.name);
    expect(waaromField(c).props.value).toBe(TYPED);
    expect(texts(c)).toContain('Een collega heeft deze succesfactor intussen aangepast');
    expect(texts(c)).toContain(`collega “${theirs}”, jij “${TYPED}”`);
    await act(async () => button(c, 'Mijn versie opslaan').props.onClick());
    await t.settle();
    expect((await t.werkblad())[1].waarom).toBe(TYPED);
    expect(texts(t.root())).not.toContain('Een collega heeft deze succesfactor');
    t.unmount();
  });

  it('"Versie van collega houden" drops only the conflicting field; a typed weging saves on its own without undoing their waarom', async () => {
    const t = await setup('factors');
    const [, target] = await t.werkblad();
    const c0 = card(t.root(), target.name);
    await typeIn(waaromField(c0), TYPED);
    await typeIn(c0.findAll((n) => n.type === 'input')[1], '2');
    const theirs = 'Collega: de woningcorporatie moet meedoen';
    const sheet = t.session().analysis!.werkblad!.layout.sheet;
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet, cell: cellAddress(WERKBLAD.waaromRow, target.column), cells: [[{ text: theirs }]] }] });
    await t.hear();
    await act(async () => button(card(t.root(), target.name), 'Versie van collega houden').props.onClick());
    const c = card(t.root(), target.name);
    expect(waaromField(c).props.value).toBe(theirs);
    await act(async () => button(c, 'Opslaan').props.onClick());
    await t.settle();
    const after = (await t.werkblad())[1];
    expect(after.waarom).toBe(theirs);
    expect(after.weging).toBe(2);
    t.unmount();
  });
});

describe('Stap 1 wijk name is guarded by the name typing started from', () => {
  it('a colleague renames the wijk while a name is typed: nothing overwritten, both shown, the user chooses (regression: theirs was overwritten)', async () => {
    const t = await setup('stap1');
    const input = () => t.root().findAll((n) => n.type === 'input')[0];
    await typeIn(input(), 'Oost-Midden');
    const sheet = t.session().analysis!.werkblad!.layout.sheet;
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet, cell: 'A1', cells: [[{ text: wijkTitle('Lelystad Oost') }]] }] });
    await act(async () => button(t.root(), 'Naam opslaan').props.onClick());
    await t.settle();
    expect(wijkName(await t.wb.readSnapshot({ fresh: true }))).toBe('Lelystad Oost');
    expect(input().props.value).toBe('Oost-Midden');
    expect(texts(t.root())).toContain('Een collega heeft de naam van de wijk intussen veranderd in “Lelystad Oost”');
    await act(async () => button(t.root(), 'Mijn versie opslaan').props.onClick());
    await t.settle();
    const snap = await t.wb.readSnapshot({ fresh: true });
    expect(wijkName(snap)).toBe('Oost-Midden');
    expect(
      textAt(
        snap.sheets.find((s) => s.name === sheet)!,
        1,
        1,
      ),
    ).toBe(wijkTitle('Oost-Midden'));
    t.unmount();
  });

  it('"Versie van collega houden" shows their name and writes nothing', async () => {
    const t = await setup('stap1');
    const input = () => t.root().findAll((n) => n.type === 'input')[0];
    await typeIn(input(), 'Oost-Midden');
    const sheet = t.session().analysis!.werkblad!.layout.sheet;
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet, cell: 'A1', cells: [[{ text: wijkTitle('Lelystad Oost') }]] }] });
    await t.hear();
    expect(input().props.value).toBe('Oost-Midden');
    await act(async () => button(t.root(), 'Versie van collega houden').props.onClick());
    expect(input().props.value).toBe('Lelystad Oost');
    expect(wijkName(await t.wb.readSnapshot({ fresh: true }))).toBe('Lelystad Oost');
    t.unmount();
  });
});
