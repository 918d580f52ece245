/**
 * Applies a plan in as few syncs as possible:
 *  - every write that needs no lookup goes into one sync (more only when a request would
 *    pass Excel on the web's 5 MB limit: see chunking.ts);
 *  - the lookups of appendRows/updateRowByKey are loaded in that same sync, written in one
 *    more, and appended rows are read back in one more to check that a co-author did not
 *    take the same rows at the same moment (then they are written again, below).
 *  - setPageSetup ops read what the sheets have set in the sync of the last write and
 *    set the rest in one more (pageSetup.ts).
 *  - what must be read before anything is written goes into ONE sync before the writes:
 *    the columns of guarded column inserts/deletes (`expect`: a column a co-author changed
 *    refuses the whole plan, WorkbookError 'columnsChanged', see columnGuards.ts), the cells
 *    the plan writes when it comes with its basis (`ApplyOptions.basis`: a cell that is no
 *    longer what the plan was built on refuses the whole plan, WorkbookError 'cellsChanged',
 *    see basisReads.ts; unless a guarded setCells meets a co-author's change too: then
 *    nothing is written and the result carries the guards' conflicts), and, in a plan
 *    without keyed row ops (or one that reads first anyway), the cells of guarded setCells
 *    and where appended rows go on a sheet the plan's other writes do not touch. Their
 *    writes then ride along with the plan's last write, and so can the adapter's read-back.
 * So: 1 sync without lookups, 2 with guarded cells or a basis (3 with appends: their rows
 * are read back), retries after a co-author conflict excepted; +1 with page setup. Keyed
 * row ops (updateRowByKey, deleteRowByKey) and appends on a sheet the plan also writes are
 * looked up with the last write and carried out after the plan's other writes (+1, +1 for
 * appends' read-back).
 *
 * The job keeps its progress outside the request context, so when Excel refuses a sync
 * because the user is editing a cell and the run is retried, nothing is written twice.
 */
import { parseCell } from '../../core/a1';
import type { Plan } from '../../core/snapshot';
import type { ApplyResult, ApplyWarning } from '../port';
import { forbiddenTextCells } from './cellWrites';
import { chunkItems, isLookupOp, PAYLOAD_BUDGET, writeItems, type SizedItem } from './chunking';
import {
  queueHeightReads,
  queueLookups,
  queueLookupWrites,
  queueVerify,
  resolveLookups,
  verifyAppend,
  type AppendTask,
  type GuardTask,
  type UpdateTask,
} from './lookups';
import { OfficeWorkbookError } from './officeErrors';
import { checkColumnGuardsLive, queueColumnGuardReads } from './columnGuards';
import { columnGuards, type ColumnGuard } from '../../core/keyedRows';
import { queuePageSetupReads, queuePageSetupWrites, type PageSetupRead, type SetPageSetupOp } from './pageSetup';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { CellConflict } from '../../core/keyedRows';
import { basisTargets, cellsChangedError, type BasisTarget } from '../basis';
import { basisBatches, basisReadConflict, queueBasisReads } from './basisReads';
import { queueWriteItem, SheetCache } from './writeOps';

/** How often appended rows are placed again after a co-author took them. */
const MAX_APPEND_CONFLICTS = 3;

export class ApplyJob {
  readonly chunks: SizedItem[][];
  nextChunk = 0;
  readonly appends: AppendTask[] = [];
  readonly updates: UpdateTask[] = [];
  readonly guards: GuardTask[] = [];
  /** Guarded column ops (`expect`), checked in one sync before any write; emptied once checked. */
  columnGuards: ColumnGuard[];
  /** The plan's basis (ApplyOptions.basis) and its cells to check before any write, in batches; emptied once checked. */
  basis: { snapshot: WorkbookSnapshot; batches: BasisTarget[][]; withAreas: boolean } | null = null;
  /** The first cell of an earlier basis batch that is no longer what the basis shows: refuses the plan once the guards are read. */
  basisConflict: CellConflict | null = null;
  /** Nothing of the plan was written: a cell changed since its basis and the guarded cells' conflicts spoke first (basis.ts). */
  refusedWhole = false;
  /** Lower-case names of the sheets the plan's writes without lookups touch. */
  private readonly writtenSheets = new Set<string>();
  /** setPageSetup ops, set after the plan's writes (see pageSetup.ts); emptied once done. */
  pageSetups: SetPageSetupOp[];
  readonly warnings: ApplyWarning[] = [];
  /** Cells of the plain setCells whose text held characters XML forbids (known before any write). */
  private readonly forbidden: { sheet: string; cell: string }[] = [];
  private readonly opCount: number;
  private syncsDone = 0;

  /**
   * `pageLayout`: the host has Worksheet.pageLayout (ExcelApi 1.9); without it page setup is
   * skipped with a warning. `fill`: the host has Range.copyFrom (ExcelApi 1.9), so a column of
   * formulas filled down is sent as one formula and a copy (chunking.ts writeItems).
   * `basis`: the snapshot the plan was built on (ApplyOptions.basis), with `withAreas` when the
   * host has Range.getSpecialCells (ExcelApi 1.9; see basisReads.ts).
   */
  constructor(plan: Plan, budget: number = PAYLOAD_BUDGET, pageLayout = true, fill = false, basis?: { snapshot: WorkbookSnapshot; withAreas: boolean }) {
    this.opCount = plan.ops.length;
    this.columnGuards = columnGuards(plan.ops);
    this.chunks = chunkItems(writeItems(plan.ops, budget, fill), budget);
    for (const chunk of this.chunks) for (const it of chunk) this.writtenSheets.add(it.item.sheet.toLowerCase());
    if (basis) {
      const targets = basisTargets(plan, basis.snapshot);
      // a quarter of the budget: the batch rides along with the other reads before the writes
      if (targets.length) this.basis = { ...basis, batches: basisBatches(targets, basis.snapshot, budget / 4, basis.withAreas) };
    }
    const setups = plan.ops.filter((op): op is SetPageSetupOp => op.kind === 'setPageSetup');
    this.pageSetups = pageLayout ? setups : [];
    if (!pageLayout) for (const sheet of new Set(setups.map((op) => op.sheet))) this.warnings.push({ kind: 'pageSetupUnsupported', sheet });
    for (const op of plan.ops) {
      if (op.kind === 'setCells' && op.expect === undefined) {
        const { row, column } = parseCell(op.cell);
        for (const cell of forbiddenTextCells(row, column, op.cells)) this.forbidden.push({ sheet: op.sheet, cell });
      }
      if (!isLookupOp(op)) continue;
      if (op.kind === 'appendRows') this.appends.push({ op, written: false, verified: false, conflicts: 0 });
      else if (op.kind === 'setCells') this.guards.push({ op, written: false });
      else this.updates.push({ op, written: false });
    }
  }

  /** Estimated request bytes of the writes (all chunks). */
  get writeBytes(): number {
    return this.chunks.reduce((n, chunk) => n + chunk.reduce((m, it) => m + it.bytes, 0), 0);
  }

  /** The plan has ops resolved or checked at apply time (appendRows, updateRowByKey, deleteRowByKey, guarded setCells). */
  get hasLookups(): boolean {
    return this.appends.length + this.updates.length + this.guards.length > 0;
  }

  get isEmpty(): boolean {
    return this.opCount === 0;
  }

  /** Appends whose rows can be found before the writes: on a sheet none of the plan's other writes touches. */
  get earlyAppends(): AppendTask[] {
    return this.appends.filter((t) => !this.writtenSheets.has(t.op.sheet.toLowerCase()));
  }

  /**
   * Something is read before the first write (see the file comment): always the column
   * guards and the basis; guarded cells and early appends too when no keyed row op makes
   * the plan look up with its last write anyway (they then ride along there, as before).
   */
  get readsFirst(): boolean {
    if (this.columnGuards.length > 0 || !!this.basis?.batches.length || this.basisConflict) return true;
    if (this.updates.length) return false;
    return this.guards.some((t) => t.conflicts === undefined) || this.earlyAppends.some((t) => t.row === undefined);
  }

  needsLookups(): boolean {
    return this.appends.some((t) => t.row === undefined) || this.updates.some((t) => t.row === undefined) || this.guards.some((t) => t.conflicts === undefined);
  }

  /**
   * Nothing is written after the write being queued now, when all goes well: no append to
   * read back and no lookup left to resolve (what is resolved is queued with this write).
   */
  writesNothingAfter(): boolean {
    return !this.appends.length && !this.needsLookups();
  }

  /** Syncs this job expects to make when nothing goes wrong (for progress). */
  get expectedSyncs(): number {
    const lookups = this.appends.length + this.updates.length + this.guards.length > 0 ? 2 : 0;
    const basis = this.basis ? this.basis.batches.length - 1 : 0;
    return this.chunks.length + lookups + basis + (this.appends.length ? 1 : 0) + (this.pageSetups.length ? 1 : 0) + (this.columnGuards.length ? 1 : 0);
  }

  synced(onProgress?: (fraction: number) => void): void {
    this.syncsDone++;
    onProgress?.(Math.min(1, this.syncsDone / Math.max(1, this.expectedSyncs)));
  }

  result(): ApplyResult {
    if (this.refusedWhole) {
      const conflicts = this.guards.flatMap((t) => t.conflicts ?? []);
      return {
        operations: 0,
        appendedAt: this.appends.map(() => 0),
        missingKeys: [],
        conflicts,
        ...(this.warnings.length ? { warnings: [...this.warnings] } : {}),
      };
    }
    const missingKeys = this.updates.filter((t) => t.row === null).map((t) => t.op.key);
    const refused = [...this.updates, ...this.guards].filter((t) => t.conflicts?.length);
    // the cells as finally written (an append placed again after a co-author's rows names its last rows)
    const forbidden = [
      ...this.forbidden,
      ...[...this.guards, ...this.updates, ...this.appends]
        .filter((t) => t.written)
        .flatMap((t) => (t.forbidden ?? []).map((cell) => ({ sheet: t.op.sheet, cell }))),
    ];
    const warnings: ApplyWarning[] = [...this.warnings, ...forbidden.map((f) => ({ kind: 'forbiddenCharacters' as const, ...f }))];
    return {
      operations: this.opCount - missingKeys.length - refused.length,
      appendedAt: this.appends.map((t) => t.row ?? 0),
      missingKeys,
      conflicts: refused.flatMap((t) => t.conflicts ?? []),
      ...(warnings.length ? { warnings } : {}),
    };
  }
}

/**
 * Runs the job. `alongLast` queues more requests (the adapter's read-back) into the sync of
 * the last write when nothing is written after it (no appends to read back, no keyed rows
 * still to look up); its result runs after it, and the job then returns true.
 */
export async function runApplyJob(
  context: Excel.RequestContext,
  job: ApplyJob,
  onProgress?: (fraction: number) => void,
  alongLast?: () => () => Promise<void>,
): Promise<boolean> {
  const workbook = context.workbook;
  let after: (() => Promise<void>) | null = null;
  let setupReads: PageSetupRead[] | null = null;

  // 0. before anything is written, in one sync: the guarded column ops' columns, the cells the
  // plan writes (its basis), the guarded cells, where early appends go (see the file comment)
  while (job.basis && job.basis.batches.length > 1) {
    // a basis too large for one response: all but its last batch in syncs of their own
    const reads = queueBasisReads(new SheetCache(workbook), job.basis.batches[0], job.basis.withAreas);
    await context.sync();
    job.basisConflict = basisReadConflict(reads, job.basis.snapshot) ?? null;
    job.basis.batches.shift();
    job.synced(onProgress);
    // a changed cell found: the other batches need no read; the guarded cells are still read below, to speak first
    if (job.basisConflict) job.basis.batches = [];
  }
  if (job.readsFirst) {
    const sheets = new SheetCache(workbook);
    const columnReads = job.columnGuards.length ? queueColumnGuardReads(sheets, job.columnGuards) : null;
    const basisReads = job.basis?.batches.length ? queueBasisReads(sheets, job.basis.batches[0], job.basis.withAreas) : null;
    const early = job.earlyAppends;
    const loads = queueLookups(sheets, early, [], job.guards);
    await context.sync();
    if (columnReads) checkColumnGuardsLive(job.columnGuards, columnReads);
    if (basisReads && job.basis) job.basisConflict = basisReadConflict(basisReads, job.basis.snapshot) ?? null;
    resolveLookups(loads, early, [], job.guards);
    job.columnGuards = [];
    job.basis = null;
    job.synced(onProgress);
    const changed = job.basisConflict;
    if (changed) {
      // a guarded cell a co-author changed speaks first: nothing is written, its conflicts are the result
      if (job.guards.some((t) => t.conflicts?.length)) {
        job.refusedWhole = true;
        return false;
      }
      throw cellsChangedError(changed);
    }
  }

  // 1. the writes that need no lookup, and those of the lookups resolved above; the other lookups,
  // the page setup reads and (when nothing is written after it) the read-back ride along with the last of them
  while (job.nextChunk < job.chunks.length) {
    const sheets = new SheetCache(workbook);
    for (const it of job.chunks[job.nextChunk]) queueWriteItem(sheets, it.item);
    const last = job.nextChunk === job.chunks.length - 1;
    const written = last ? queueLookupWrites(sheets, job.appends, job.updates, job.guards) : [];
    const loads = last && job.needsLookups() ? queueLookups(sheets, job.appends, job.updates, job.guards) : null;
    const reads = last && job.pageSetups.length ? queuePageSetupReads(sheets, job.pageSetups) : null;
    const alongside = last && alongLast && job.writesNothingAfter() ? alongLast() : null;
    await context.sync();
    job.nextChunk++;
    for (const t of written) t.written = true;
    if (loads) resolveLookups(loads, job.appends, job.updates, job.guards);
    if (reads) setupReads = reads;
    job.synced(onProgress);
    if (alongside) after = alongside;
  }

  // 2. page setup where the sheets have none of their own: read (unless read above), then set
  if (job.pageSetups.length) {
    if (!setupReads) {
      setupReads = queuePageSetupReads(new SheetCache(workbook), job.pageSetups);
      await context.sync();
    }
    const { queued, warnings } = queuePageSetupWrites(setupReads);
    if (queued) await context.sync();
    job.warnings.push(...warnings);
    job.pageSetups = [];
    job.synced(onProgress);
  }
  if (after) {
    await after();
    return true;
  }

  for (;;) {
    // 3. lookups not loaded yet (a plan of lookups only, or appends placed again)
    if (job.needsLookups()) {
      const sheets = new SheetCache(workbook);
      const loads = queueLookups(sheets, job.appends, job.updates, job.guards);
      await context.sync();
      resolveLookups(loads, job.appends, job.updates, job.guards);
      job.synced(onProgress);
    }

    // 4. write what the lookups resolved; an updated row's height is read first (+1 sync, only for edits that carry one)
    if (queueHeightReads(new SheetCache(workbook), job.updates)) {
      await context.sync();
      job.synced(onProgress);
    }
    const sheets = new SheetCache(workbook);
    const queued = queueLookupWrites(sheets, job.appends, job.updates, job.guards);
    if (queued.length) {
      // nothing written after this sync (no appends to read back, no page setup): the read-back rides along
      const alongside = alongLast && !after && job.writesNothingAfter() && !job.pageSetups.length ? alongLast() : null;
      await context.sync();
      for (const t of queued) t.written = true;
      job.synced(onProgress);
      if (alongside) {
        await alongside();
        return true;
      }
    }

    // 5. read the appended rows back: a co-author who wrote the same rows at the same moment wins them;
    // with nothing else left to write (no lookups, no page setup) the read-back rides along, and
    // counts when every append stays where it went
    const verifySheets = new SheetCache(workbook);
    const checks = job.appends.filter((t) => t.written && !t.verified).map((t) => ({ t, range: queueVerify(verifySheets, t) }));
    if (!checks.length) return false;
    const alongside = alongLast && !after && !job.needsLookups() && !job.pageSetups.length ? alongLast() : null;
    await context.sync();
    job.synced(onProgress);
    if (alongside) await alongside();
    for (const { t, range } of checks) {
      if (!range || verifyAppend(t, range)) {
        t.verified = true;
        continue;
      }
      t.conflicts++;
      if (t.conflicts > MAX_APPEND_CONFLICTS) {
        throw new OfficeWorkbookError('appendConflict', { where: `${t.op.sheet}!${t.op.firstColumn}${t.row}` });
      }
      t.row = undefined;
      t.written = false;
    }
    if (!job.appends.some((t) => !t.verified)) return alongside !== null;
  }
}
