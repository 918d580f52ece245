/**
 * Regression: drafts (text typed in the pane, not yet saved) were kept per COMPUTER, so a
 * conclusion or Deelnemers list typed in workbook A showed up in workbook B as "Nog niet
 * opgeslagen" (one computer opens many workbooks in Excel; the preview starts several).
 * Now every draft key is scoped by the open workbook's identity, centrally in the session.
 * Each test renders real panes (react-test-renderer over `useWorkbookSession`) over two
 * memory workbooks that share ONE per-computer storage Map, as two workbooks on one computer.
 */
import type { ReactNode } from 'react';
import type { ReactTestInstance } from 'react-test-renderer';
import { DEVICE_SCOPE, draftKey, scopedKey, writeDraft } from '../../src/taskpane/logic/drafts';
import { ConclusionsEditor } from '../../src/taskpane/notes/ConclusionsEditor';
import { DeelnemersEditor } from '../../src/taskpane/notes/DeelnemersEditor';
import type { WorkbookSession } from '../../src/taskpane/session';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, texts, typeIn, workbookScopeOf } from '../helpers/paneHarness';

const NOW = new Date('2026-11-30T10:00:00+01:00');
const now = () => NOW;

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  return wb;
}

async function open(wb: MemoryWorkbook, storage: Map<string, string>, view: (s: WorkbookSession) => ReactNode) {
  const [pane] = await renderPanes(wb, 1, view, now, storage);
  return pane;
}

const textareas = (root: ReactTestInstance) => root.findAll((n) => n.type === 'textarea');
const conclusions = (s: WorkbookSession) => <ConclusionsEditor session={s} currentStep="Stap 2" />;
const deelnemers = (s: WorkbookSession) => <DeelnemersEditor session={s} />;

describe('drafts belong to the workbook they were typed in', () => {
  test('a draft typed in one workbook does not appear in another', async () => {
    const [a, b] = [await workbook(), await workbook()];
    const storage = new Map<string, string>();

    const inA = await open(a, storage, conclusions);
    await typeIn(textareas(inA.root())[0], 'Alleen voor wijk Oost');
    expect(texts(inA.root())).toContain('Nog niet opgeslagen');
    inA.unmount();

    // workbook B on the same computer: its own, empty conclusion, nothing marked as kept
    const inB = await open(b, storage, conclusions);
    expect(textareas(inB.root())[0].props.value).toBe('');
    expect(texts(inB.root())).not.toContain('Nog niet opgeslagen');
    inB.unmount();

    // back in workbook A: the draft is still there
    const againA = await open(a, storage, conclusions);
    expect(textareas(againA.root())[0].props.value).toBe('Alleen voor wijk Oost');
    expect(texts(againA.root())).toContain('Nog niet opgeslagen (bewaard op deze computer)');
    againA.unmount();
  });

  test('the Deelnemers draft of one workbook does not appear in another, and each keeps its own', async () => {
    const [a, b] = [await workbook(), await workbook()];
    const storage = new Map<string, string>();

    const inA = await open(a, storage, deelnemers);
    await typeIn(textareas(inA.root())[0], 'Ans\nBram');
    inA.unmount();
    const inB = await open(b, storage, deelnemers);
    expect(textareas(inB.root())[0].props.value).toBe('');
    await typeIn(textareas(inB.root())[0], 'Cees');
    inB.unmount();

    const againA = await open(a, storage, deelnemers);
    expect(textareas(againA.root())[0].props.value).toBe('Ans\nBram');
    againA.unmount();
    const againB = await open(b, storage, deelnemers);
    expect(textareas(againB.root())[0].props.value).toBe('Cees');
    againB.unmount();
    // one key per workbook, both under the product's prefix (so the preview's retention wipes them)
    expect([...storage.keys()].sort()).toEqual(
      [scopedKey(draftKey('deelnemers'), workbookScopeOf(a)), scopedKey(draftKey('deelnemers'), workbookScopeOf(b))].sort(),
    );
    expect([...storage.keys()].every((k) => k.startsWith('koppelkansen.concept.'))).toBe(true);
  });
});

describe('drafts kept by an earlier version (unscoped, per computer)', () => {
  const old = (storage: Map<string, string>, text: string) => {
    const raw = { get: (k: string) => storage.get(k) ?? null, set: (k: string, v: string) => void storage.set(k, v) };
    writeDraft(raw, draftKey('conclusie.Stap 2'), { text, base: '' });
  };

  test('move into the first workbook opened after the update, once, instead of being dropped', async () => {
    const [a, b] = [await workbook(), await workbook()];
    const storage = new Map<string, string>();
    old(storage, 'Getypt voor de update');

    const inA = await open(a, storage, conclusions);
    expect(textareas(inA.root())[0].props.value).toBe('Getypt voor de update');
    expect(texts(inA.root())).toContain('Nog niet opgeslagen (bewaard op deze computer)');
    inA.unmount();
    // the unscoped key is gone: it now lives in workbook A only
    expect(storage.has(draftKey('conclusie.Stap 2'))).toBe(false);
    expect(storage.has(scopedKey(draftKey('conclusie.Stap 2'), workbookScopeOf(a)))).toBe(true);

    const inB = await open(b, storage, conclusions);
    expect(textareas(inB.root())[0].props.value).toBe('');
    inB.unmount();
  });

  test('an old draft never overwrites a draft the workbook already has', async () => {
    const a = await workbook();
    const storage = new Map<string, string>();
    const inA = await open(a, storage, conclusions);
    await typeIn(textareas(inA.root())[0], 'Nieuw, per werkmap');
    inA.unmount();
    old(storage, 'Oud, per computer');

    const againA = await open(a, storage, conclusions);
    expect(textareas(againA.root())[0].props.value).toBe('Nieuw, per werkmap');
    againA.unmount();
    // the old one is kept where it was, not dropped
    expect(storage.get(draftKey('conclusie.Stap 2'))).toContain('Oud, per computer');
  });
});

test('a host without a workbook identity keeps drafts per computer, under a documented scope', async () => {
  expect(scopedKey(draftKey('deelnemers'), DEVICE_SCOPE)).toBe('koppelkansen.concept.@deze-computer.deelnemers');
  // keys that are no drafts (the notulist's name) are not scoped
  expect(scopedKey('koppelkansen.auteur', 'werkmap:x')).toBe('koppelkansen.auteur');
});
