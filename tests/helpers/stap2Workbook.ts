/** A fresh template workbook in memory and a helper that runs a pane edit like the session does. */
import { analyze, type Analysis } from '../../src/core/analyze';
import type { EditResult } from '../../src/core/edits';
import { readNotes, type NotesState } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { stap2Context, type Stap2Context } from '../../src/core/stap2';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';

export const NOW = new Date('2026-11-28T12:00:00Z');

export interface State {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  notes: NotesState;
  ctx: Stap2Context;
}

export async function templateWorkbook(wijk?: string): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { wijk, now: NOW });
  return wb;
}

export async function state(wb: MemoryWorkbook): Promise<State> {
  const snapshot = await wb.readSnapshot();
  const analysis = analyze(snapshot, { now: NOW });
  const notes = readNotes(snapshot);
  const ctx = stap2Context(snapshot, analysis, notes);
  if ('message' in ctx) throw new Error(ctx.message);
  return { snapshot, analysis, notes, ctx };
}

/** Builds an edit on a fresh snapshot, plans the rest on top and applies both in one batch. */
export async function edit(wb: MemoryWorkbook, build: (s: State) => EditResult): Promise<EditResult> {
  const s = await state(wb);
  const res = build(s);
  if (!res.ok) return res;
  await wb.apply(planWithEdit(s.snapshot, res.ops, { now: NOW }).plan);
  return res;
}

export async function mustEdit(wb: MemoryWorkbook, build: (s: State) => EditResult): Promise<void> {
  const res = await edit(wb, build);
  if (!res.ok) throw new Error(res.message);
}
