/**
 * The Office.js adapter of the workbook port: the add-in's view of the open workbook.
 *
 * It remembers the workbook between reads (snapshotCache.ts) and reads only what changed:
 *  - the first read (opening the pane) and `fresh` reads: one sync to walk the sheets
 *    (names, used-range addresses), then values and formulas in syncs of at most the
 *    payload budget (4 MB, under Excel on the web's 5 MB limit);
 *  - after its own writes: the written cells and the formula cells that may depend on
 *    them are loaded in the SAME sync as the last write (plans without appendRows /
 *    updateRowByKey), so the read that follows an apply costs no round trip;
 *  - after Excel's change events (`request.changed`): one sync for the walk with the
 *    changed ranges and the formula cells whose references reach them (snapshotCache.ts);
 *    a typed score in a prepared 1,000 × 12 workbook: 2 round trips, about 20 KB;
 *  - a sheet whose used range moved without a change mark, or a new sheet, is read in full.
 * Writes: no Excel.run for an empty plan; 1 sync for all writes without lookups (more only
 * past the budget); what must be read before writing (the plan's basis, guarded cells and
 * columns, where appends go) in one sync before it (applyPlan.ts); keyed row ops load their
 * lookups with the last write and cost +1 to write, appends +1 to read their rows back.
 * A pane edit (session.ts applyEdit) is built on the cache brought up to date (the walk:
 * 1 sync) and applied with that snapshot as its basis: the cells it writes are checked in
 * that one sync before the writes, so a Stap 2 operation takes the same few round trips at
 * every size (tests/workbook/office/stap2AtSize.test.ts).
 * Whole-column inserts and deletes: the cache follows them as Excel moves the cells
 * (snapshotCache.ts followPlan), so the read-back still rides along the last write.
 * A plan with setChart ops: +2 syncs (src/workbook/office/charts.ts); with setPageSetup
 * ops: +1 (src/workbook/office/pageSetup.ts; skipped with a warning without ExcelApi 1.9).
 * Protection: the walk loads each sheet's `protection` (ExcelApi 1.2); a protected sheet's
 * unlocked cells are read once more (1 sync, more for big mixed sheets) after a full read
 * or a change of its protection, and a plan that needs a locked cell, a format, a
 * validation or a column width there is refused before writing (src/workbook/protection.ts).
 * Merged cells: read with every full read of a sheet (1 sync, ExcelApi 1.13; none without it),
 * so the engine writes nothing into the team's merges (CELL_OCCUPIED).
 * Errors: Dutch messages (src/core/errors.ts); a payload limit says whether a read or a
 * change was too large.
 * `npm run bench -- office` prints the round trips and bytes per operation.
 */
import { columnNumber } from '../../core/a1';
import type { Plan, WorkbookSnapshot } from '../../core/snapshot';
import type { ApplyOptions, ApplyResult, SnapshotRequest, WorkbookPort } from '../port';
import { ApplyJob, runApplyJob } from './applyPlan';
import { SPECIAL_CELLS_API } from './basisReads';
import { drawCharts, type SetChartOp } from './charts';
import { PAYLOAD_BUDGET } from './chunking';
import { defaultExcelRun, withCellEditRetry, type ExcelRun, type RetryOptions } from './excelRun';
import { OfficeWorkbookError, toOfficeWorkbookError } from './officeErrors';
import { PAGE_LAYOUT_API } from './pageSetup';
import { ChainRefused, newReadState, readWorkbook, startRead, type ReadState } from './readSnapshot';
import { checkProtection } from '../protection';
import { checkColumnRoom, checkPlan } from '../planCheck';
import { SnapshotCache } from './snapshotCache';

/** Range.copyFrom, with which a column of formulas filled down is sent as one formula and a copy. */
const COPY_FROM_API = '1.9';

/** Plans that write more than this (bytes) read their cells back in syncs of their own. */
const READ_BACK_MAX_WRITE = 256_000;

export interface OfficeWorkbookOptions {
  /** Retry timing while the user edits a cell. */
  retry?: RetryOptions;
  /** Bytes per sync before a plan is split (tests lower it); default 4 MB. */
  payloadBudget?: number;
  /** Office.context.requirements.isSetSupported (tests give their own); default: the host's. */
  isSetSupported?: (name: string, version: string) => boolean;
}

function hostSupports(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly readState: ReadState = newReadState();
  private readonly cache = new SnapshotCache();
  /** Sheets this adapter added since its last read: the cache's sheet list does not hold them yet. */
  private readonly addedSinceRead = new Set<string>();

  constructor(
    private readonly run: ExcelRun = defaultExcelRun,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.readState.supports = (name, version) => (this.options.isSetSupported ?? hostSupports)(name, version);
  }

  private get budget(): number {
    return this.options.payloadBudget ?? PAYLOAD_BUDGET;
  }

  async readSnapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    if (request.changed?.length) this.cache.markHeard(request.changed);
    this.addedSinceRead.clear();
    const read = (context: Excel.RequestContext) => readWorkbook(context, request, this.readState, this.cache, this.budget);
    try {
      return await withCellEditRetry(
        async () => {
          try {
            return await this.run(read);
          } catch (err) {
            if (!(err instanceof ChainRefused)) throw err;
            this.readState.listFirst = true;
            return this.run(read);
          }
        },
        this.options.retry,
        'read',
      );
    } catch (err) {
      this.cache.reset(); // a read that failed half-way leaves nothing to trust
      throw err;
    }
  }

  /** Office.js draws native charts (setChart ops), after the plan's other writes. */
  readonly canDrawCharts = true;
  /**
   * Whole columns are inserted and deleted by Excel itself (`Range.insert(right)` /
   * `Range.delete(left)` on the columns, ExcelApi 1.1), which moves every reference, merge,
   * validation and conditional format; the cache moves its cells and formulas the same way
   * (SnapshotCache.followPlan), or is read again whole when it cannot.
   */
  readonly canShiftColumns = true;

  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    // charts change no cell: drawn in their own run after the writes, outside the snapshot cache
    const charts = plan.ops.filter((op): op is SetChartOp => op.kind === 'setChart');
    // (the product's part, Plan.ownFrom, starts at the same op without the charts before it)
    const cellPlan: Plan = charts.length ? withoutCharts(plan) : plan;
    // a plan Excel would refuse (an unknown sheet, a name in use, text or a number Excel
    // cannot hold, a protected area) is refused before any write, with the same checks and
    // Dutch messages as the other adapters (src/workbook/planCheck.ts, protection.ts): Excel
    // would refuse it one sync at a time, leaving the plan half applied. Judged on the sheets
    // last read, so it costs no sync; the pane always reads before it writes. An adapter
    // that has not read yet leaves the refusal to Excel (OfficeWorkbookError).
    if (this.cache.sheets) {
      const snapshot = this.cache.toSnapshot();
      checkPlan(plan, [...snapshot.sheets.map((s) => s.name), ...this.addedSinceRead], { charts: this.canDrawCharts, columns: this.canShiftColumns });
      const sheetOf = (name: string) => snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      checkProtection(plan, sheetOf);
      checkColumnRoom(plan, snapshot);
    }
    const pageLayout = cellPlan.ops.some((op) => op.kind === 'setPageSetup') && (this.options.isSetSupported ?? hostSupports)('ExcelApi', PAGE_LAYOUT_API);
    const supports = this.options.isSetSupported ?? hostSupports;
    const basis = options.basis && { snapshot: options.basis, withAreas: supports('ExcelApi', SPECIAL_CELLS_API) };
    const job = new ApplyJob(cellPlan, this.budget, pageLayout, supports('ExcelApi', COPY_FROM_API), basis);
    // appended rows get their heights only on a sheet read as unprotected (Excel refuses a
    // row height on a protected sheet; on a sheet not read yet Excel grows wrapped rows itself),
    // their formats only where the sheet's protection allows formatting cells
    const known = job.appends.length + job.updates.length && this.cache.sheets ? this.cache.toSnapshot().sheets : [];
    for (const t of job.updates) {
      const sheet = known.find((s) => s.name.toLowerCase() === t.op.sheet.toLowerCase());
      t.heightsAllowed = !!sheet && !sheet.protection?.protected;
    }
    for (const t of job.appends) {
      const sheet = known.find((s) => s.name.toLowerCase() === t.op.sheet.toLowerCase());
      t.heightsAllowed = !!sheet && !sheet.protection?.protected;
      t.formatsAllowed = !!sheet && (!sheet.protection?.protected || !!sheet.protection.allowFormatCells);
    }
    if (job.isEmpty && charts.length === 0) return job.result();
    if (!job.isEmpty) {
      // the formulas the plan's new stamp describes, and a column insert or delete (it moves cells and
      // formulas on every sheet): the cache follows them (followPlan), or forgets everything
      const followed = this.cache.followPlan(cellPlan.ops);
      // appended rows are marked where they land, once the job placed them (placeAppends below)
      if (followed)
        this.cache.markPlan(
          cellPlan.ops.filter((op) => op.kind !== 'appendRows'),
          followed,
        );
      else this.cache.reset();
      this.cache.writtenBytes += job.writeBytes;
      // the walk read back with the writes sees the plan's new sheets too: room for them in its chain
      this.readState.chainLength += cellPlan.ops.filter((op) => op.kind === 'addSheet').length;
      // read the written cells and their dependents back with the last write, when the cache is in use
      // small plans (a typed score, a note) read their cells back in the sync of the last write;
      // big ones (prepare) in syncs of their own, so that no response can pass the limit
      const readBack = !!this.cache.sheets && !this.readState.listFirst && job.writeBytes <= READ_BACK_MAX_WRITE;
      try {
        await withCellEditRetry(
          () =>
            this.run(async (context) => {
              const along = readBack
                ? () => {
                    this.markAppended(job);
                    const started = startRead(context, {}, this.readState, this.cache, this.budget);
                    return async () => {
                      await started.finish();
                    };
                  }
                : undefined;
              if (await runApplyJob(context, job, options.onProgress, along)) this.cache.freshAfterApply = true;
              else if (job.refusedWhole)
                this.cache.reset(); // nothing written: what the cache followed did not happen
              else this.markAppended(job);
            }),
          this.options.retry,
        );
      } catch (err) {
        this.cache.reset();
        throw err;
      }
    }
    if (job.refusedWhole) return job.result();
    for (const op of cellPlan.ops) if (op.kind === 'addSheet') this.addedSinceRead.add(op.sheet);
    if (charts.length) await withCellEditRetry(() => this.run((context) => drawCharts(context, charts)), this.options.retry);
    options.onProgress?.(1);
    const result = job.result();
    return { ...result, operations: result.operations + charts.length };
  }

  /** Marks the rows the job's appends were placed in (where they are now), for the read after the writes. */
  private markAppended(job: ApplyJob): void {
    if (!this.cache.sheets) return;
    for (const t of job.appends) {
      if (t.row === undefined || !t.op.rows.length) continue;
      const first = columnNumber(t.op.firstColumn);
      const width = Math.max(1, ...t.op.rows.map((r) => r.length));
      this.cache.markWritten(t.op.sheet, { start: { row: t.row, column: first }, end: { row: t.row + t.op.rows.length - 1, column: first + width - 1 } });
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await withCellEditRetry(
        () =>
          this.run(async (context) => {
            const ws = context.workbook.worksheets.getItem(sheet);
            ws.activate();
            ws.getRange(cell).select();
            await context.sync();
          }),
        this.options.retry,
      );
    } catch (err) {
      const e = toOfficeWorkbookError(err);
      throw new OfficeWorkbookError(e.kind, { code: e.code, where: `${sheet}!${cell}`, cause: err });
    }
  }
}

/** The plan without its setChart ops (drawn after the writes), its `ownFrom` counted on what is left. */
function withoutCharts(plan: Plan): Plan {
  const ops = plan.ops.filter((op) => op.kind !== 'setChart');
  if (plan.ownFrom === undefined) return { ops };
  return { ops, ownFrom: plan.ops.slice(0, plan.ownFrom).filter((op) => op.kind !== 'setChart').length };
}
