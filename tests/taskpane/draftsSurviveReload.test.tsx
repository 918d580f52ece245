/**
 * Regressions (issue 7, "a reload, a closed pane or a crash loses at most the last
 * second"): text typed in Stap 2 (an own opgave, an own koppelkans, a succesfactor card, a
 * new succesfactor) and a group score typed in Scorerondes lived only in React state, so
 * a reload or a closed pane dropped it. Each is now kept in the pane's storage: the pane
 * is rendered, typed in, unmounted, and rendered again over the same storage map (a
 * reload); the text must be back, marked as not yet saved, and gone once saved or thrown
 * away. A draft whose target a colleague removed or changed meanwhile is shown with a
 * message, never dropped.
 */
import { useMemo } from 'react';
import { act, type ReactTestInstance } from 'react-test-renderer';
import { readFactorInfo, factorsEdit } from '../../src/core/factors';
import { deselectOpgaveEdit, readStap2, selectKoppelkansEdit, selectOpgaveEdit, stap2Context } from '../../src/core/stap2';
import type { WorkbookSession } from '../../src/taskpane/session';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import { KoppelkansenPicker } from '../../src/taskpane/stappen/KoppelkansenPicker';
import { OpgavenPicker } from '../../src/taskpane/stappen/OpgavenPicker';
import { DRAFT_PREFIX } from '../../src/taskpane/logic/drafts';
import { RondesView } from '../../src/taskpane/views/RondesView';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const now = () => NOW;
const TYPED = 'Samen met de woningcorporatie de daken isoleren';

/** Stap 2's three editors, as Stap2View shows them (without its accordion). */
function Stap2({ session }: { session: WorkbookSession }) {
  const { snapshot, analysis, notes } = session;
  const model = useMemo(() => (snapshot && analysis ? readStap2(snapshot, analysis) : null), [snapshot, analysis]);
  const factors = useMemo(() => {
    if (!snapshot || !analysis) return [];
    const ctx = stap2Context(snapshot, analysis, notes);
    return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
  }, [snapshot, analysis, notes]);
  if (!model) return null;
  return (
    <>
      <OpgavenPicker session={session} model={model} confirm={(r) => r.onConfirm()} />
      <KoppelkansenPicker session={session} model={model} confirm={(r) => r.onConfirm()} />
      <FactorsEditor session={session} factors={factors} confirm={(r) => r.onConfirm()} />
    </>
  );
}

const open = async (wb: MemoryWorkbook, storage: Map<string, string>) => (await renderPanes(wb, 1, (s) => <Stap2 session={s} />, now, storage))[0];
const group = (p: RenderedPane, label: string): ReactTestInstance =>
  p.root().findAll((n) => n.type === 'div' && n.props.role === 'group' && n.props['aria-label'] === label)[0];
const inputIn = (node: ReactTestInstance, i = 0) => node.findAll((n) => n.type === 'input')[i];
const textareaIn = (node: ReactTestInstance) => node.findAll((n) => n.type === 'textarea')[0];
const card = (p: RenderedPane, name: string) =>
  p.root().findAll((n) => n.type === 'li' && typeof n.props['aria-label'] === 'string' && n.props['aria-label'].endsWith(`: ${name}`))[0];
const draftsLeft = (storage: Map<string, string>) => [...storage].filter(([k, v]) => k.startsWith(DRAFT_PREFIX) && v !== '').map(([k]) => k);

describe('typed text that is not yet saved survives a reload', () => {
  it('an own opgave being typed is back after a reload, marked not saved, and gone once added (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const storage = new Map<string, string>();
    const first = await open(wb, storage);
    const form = group(first, 'Eigen opgave toevoegen');
    await typeIn(inputIn(form), 'Daken isoleren');
    await typeIn(textareaIn(group(first, 'Eigen opgave toevoegen')), TYPED);
    first.unmount();

    const again = await open(wb, storage);
    const restored = group(again, 'Eigen opgave toevoegen');
    expect(inputIn(restored).props.value).toBe('Daken isoleren');
    expect(textareaIn(restored).props.value).toBe(TYPED);
    expect(texts(restored)).toContain('Nog niet opgeslagen');
    await act(async () => button(restored, 'Opgave toevoegen')!.props.onClick());
    await settle();
    const after = await state(wb);
    expect(readStap2(after.snapshot, after.analysis)!.opgaven.some((o) => o.opgave === 'Daken isoleren')).toBe(true);
    expect(draftsLeft(storage)).toEqual([]);
    again.unmount();

    const third = await open(wb, storage);
    expect(inputIn(group(third, 'Eigen opgave toevoegen')).props.value).toBe('');
    third.unmount();
  });

  it('an own koppelkans being typed is back after a reload; when its opgave was unchosen meanwhile the pane says so (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const opgaven = [...new Set((await state(wb)).analysis.longlist.entries.map((e) => e.opgave))];
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, opgaven[0]));
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, opgaven[1]));
    const storage = new Map<string, string>();
    const first = await open(wb, storage);
    await typeIn(inputIn(group(first, 'Eigen koppelkans toevoegen')), 'Dakisolatie met zonnepanelen');
    await typeIn(textareaIn(group(first, 'Eigen koppelkans toevoegen')), TYPED);
    first.unmount();

    const again = await open(wb, storage);
    expect(inputIn(group(again, 'Eigen koppelkans toevoegen')).props.value).toBe('Dakisolatie met zonnepanelen');
    expect(textareaIn(group(again, 'Eigen koppelkans toevoegen')).props.value).toBe(TYPED);
    expect(texts(group(again, 'Eigen koppelkans toevoegen'))).toContain('Nog niet opgeslagen');
    again.unmount();

    // a colleague takes the draft's opgave off while the pane is closed
    await mustEdit(wb, (s) => deselectOpgaveEdit(s.ctx, opgaven[0]));
    const later = await open(wb, storage);
    const form = group(later, 'Eigen koppelkans toevoegen');
    expect(textareaIn(form).props.value).toBe(TYPED);
    expect(texts(form)).toContain(`bij de opgave “${opgaven[0]}”, maar die is intussen niet meer gekozen`);
    await act(async () => button(form, 'Tekst weggooien')!.props.onClick());
    expect(draftsLeft(storage)).toEqual([]);
    later.unmount();
  });

  it('a succesfactor card being edited is back after a reload, and a colleague change meanwhile shows both versions (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const storage = new Map<string, string>();
    const [, target] = (await state(wb)).ctx.werkblad.factors;
    const first = await open(wb, storage);
    await typeIn(textareaIn(card(first, target.name)), TYPED);
    await typeIn(inputIn(card(first, target.name), 1), '3');
    first.unmount();

    const again = await open(wb, storage);
    expect(textareaIn(card(again, target.name)).props.value).toBe(TYPED);
    expect(inputIn(card(again, target.name), 1).props.value).toBe('3');
    expect(texts(card(again, target.name))).toContain('Nog niet opgeslagen');
    again.unmount();

    // a colleague writes another waarom while the pane is closed: both versions, nothing written
    await mustEdit(wb, (s) =>
      factorsEdit(
        s.ctx.sheet,
        s.ctx.werkblad,
        s.ctx.werkblad.factors.map((f) => (f.index === target.index ? { from: f.index, waarom: 'Tekst van een collega' } : { from: f.index })),
      ),
    );
    const later = await open(wb, storage);
    const c = card(later, target.name);
    expect(textareaIn(c).props.value).toBe(TYPED);
    expect(texts(c)).toContain('Een collega heeft deze succesfactor intussen aangepast');
    expect(texts(c)).toContain('collega “Tekst van een collega”');
    await act(async () => button(c, 'Mijn versie opslaan')!.props.onClick());
    await settle();
    const { ctx } = await state(wb);
    const saved = readFactorInfo(ctx.sheet, ctx.werkblad)[target.index];
    expect(saved.waarom).toBe(TYPED);
    expect(saved.weging).toBe(3);
    expect(draftsLeft(storage)).toEqual([]);
    later.unmount();
  });

  it('a succesfactor card whose factor a colleague removed while the pane was closed comes back as a removed card with the text (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const storage = new Map<string, string>();
    const [, target] = (await state(wb)).ctx.werkblad.factors;
    const first = await open(wb, storage);
    await typeIn(textareaIn(card(first, target.name)), TYPED);
    first.unmount();
    await mustEdit(wb, (s) =>
      factorsEdit(
        s.ctx.sheet,
        s.ctx.werkblad,
        s.ctx.werkblad.factors.filter((f) => f.index !== target.index).map((f) => ({ from: f.index })),
      ),
    );
    const again = await open(wb, storage);
    const removed = card(again, target.name);
    expect(removed.props['aria-label']).toBe(`Verwijderde succesfactor: ${target.name}`);
    expect(texts(removed)).toContain('verwijderd of hernoemd');
    expect(texts(removed)).toContain(TYPED);
    await act(async () => button(removed, 'Tekst weggooien')!.props.onClick());
    expect(draftsLeft(storage)).toEqual([]);
    again.unmount();
  });

  it('a new succesfactor being typed is back after a reload (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const storage = new Map<string, string>();
    const first = await open(wb, storage);
    await typeIn(inputIn(group(first, 'Succesfactor toevoegen')), 'Betaalbaarheid');
    await typeIn(textareaIn(group(first, 'Succesfactor toevoegen')), TYPED);
    first.unmount();
    const again = await open(wb, storage);
    const form = group(again, 'Succesfactor toevoegen');
    expect(inputIn(form).props.value).toBe('Betaalbaarheid');
    expect(textareaIn(form).props.value).toBe(TYPED);
    await act(async () => button(form, 'Succesfactor toevoegen')!.props.onClick());
    await settle();
    expect((await state(wb)).ctx.werkblad.factors.some((f) => f.name === 'Betaalbaarheid')).toBe(true);
    expect(draftsLeft(storage)).toEqual([]);
    again.unmount();
  });
});

describe('Scorerondes: a group score being typed survives a reload', () => {
  const nameField = (p: RenderedPane) => p.root().findAll((n) => n.type === 'input' && n.props['aria-label'] === undefined && n.props.type !== 'checkbox')[0];
  const cellOf = (p: RenderedPane) => p.root().findAll((n) => n.type === 'section' && n.props['data-testid'] === 'ronde-cel')[0];

  async function revealedRound() {
    const wb = await templateWorkbook('Oost');
    const entry = (await state(wb)).analysis.longlist.entries[0];
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, entry.opgave, entry.koppelkans));
    const [p] = await renderPanes(wb, 1, (s) => <RondesView session={s} />, now);
    await act(async () => button(p.root(), 'Nieuwe ronde (alles)')!.props.onClick());
    await settle();
    await typeIn(nameField(p), 'Anna');
    const score = p.root().findAll((n) => n.type === 'input' && String(n.props['aria-label']).startsWith('Jouw score voor'))[0];
    await typeIn(score, '4');
    await leave(score);
    await settle();
    await act(async () => button(p.root(), 'Ronde 1 onthullen')!.props.onClick());
    await settle();
    p.unmount();
    return wb;
  }
  const openRondes = async (wb: MemoryWorkbook, storage: Map<string, string>) => (await renderPanes(wb, 1, (s) => <RondesView session={s} />, now, storage))[0];

  it('the typed group score and reason are back after a reload and gone once adopted (regression: lost on reload)', async () => {
    const wb = await revealedRound();
    const storage = new Map<string, string>();
    const first = await openRondes(wb, storage);
    await typeIn(inputIn(cellOf(first)), '6');
    await typeIn(textareaIn(cellOf(first)), 'De groep weegt het draagvlak zwaarder');
    first.unmount();

    const again = await openRondes(wb, storage);
    expect(inputIn(cellOf(again)).props.value).toBe('6');
    expect(textareaIn(cellOf(again)).props.value).toBe('De groep weegt het draagvlak zwaarder');
    expect(texts(cellOf(again))).toContain('Nog niet opgeslagen');
    await act(async () => button(cellOf(again), 'Vaststellen')!.props.onClick());
    await settle();
    expect(texts(cellOf(again))).toContain('vastgesteld: 6');
    expect(draftsLeft(storage)).toEqual([]);
    again.unmount();
  });

  it('a colleague adopted the cell while the pane was closed: the typed score is shown with the message, not dropped (regression: lost on reload)', async () => {
    const wb = await revealedRound();
    const storage = new Map<string, string>();
    const first = await openRondes(wb, storage);
    await typeIn(inputIn(cellOf(first)), '6');
    first.unmount();
    const [colleague] = await renderPanes(wb, 1, (s) => <RondesView session={s} />, now);
    await typeIn(inputIn(cellOf(colleague)), '2');
    await act(async () => button(cellOf(colleague), 'Vaststellen')!.props.onClick());
    await settle();
    colleague.unmount();

    const again = await openRondes(wb, storage);
    const cell = cellOf(again);
    expect(texts(cell)).toContain('Een collega heeft deze score intussen vastgesteld op 2');
    expect(texts(cell)).toContain('score “6”');
    await act(async () => button(cell, 'Tekst weggooien')!.props.onClick());
    expect(draftsLeft(storage)).toEqual([]);
    again.unmount();
  });
});
