/**
 * The task pane's one connection to the workbook: every view gets this session (from
 * `useWorkbookSession`) and never calls Office.js or ExcelJS itself. The same views run
 * in Excel (Office.js adapter) and in the browser preview (memory adapter).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { analyze, type Analysis } from '../core/analyze';
import { reanalyze, type Analysed } from '../core/reanalyze';
import { readNotes, type NoteStep, type NotesState } from '../core/notes';
import type { EditResult } from '../core/edits';
import { userMessage } from '../core/errors';
import { planWithEdit, type PlanOptions } from '../core/plan';
import type { PlanOp, WorkbookSnapshot } from '../core/snapshot';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../workbook/operations';
import { applyWarningProblems } from '../workbook/applyWarnings';
import type { Problem } from '../core/problems';
import { retargetGuards } from '../workbook/guards';
import { WorkbookError } from '../workbook/errors';
import { checkPlan } from '../workbook/planCheck';
import type { ApplyResult, CellConflict, ChangedRange, WorkbookPort } from '../workbook/port';
import { createReadQueue } from './logic/readQueue';
import { DEVICE_SCOPE, migrateUnscopedDrafts, scopedDraftStorage, type ListableStorage } from './logic/drafts';

export type { WorkbookPort };

export interface HostServices {
  kind: 'excel' | 'preview';
  /** Select a cell for the user (Excel: activates the sheet and selects). */
  selectCell?: (sheet: string, cell: string) => Promise<void>;
  /**
   * Calls back (debounced) when the workbook changed outside the pane, with the ranges
   * that changed (null: not known, read everything); returns an unsubscribe.
   */
  subscribeToChanges?: (onChange: (changed: ChangedRange[] | null) => void) => Promise<() => Promise<void>>;
  /** Offer bytes as a file download/save. */
  download?: (fileName: string, bytes: Uint8Array, mime: string) => void;
  /**
   * Per-user, per-computer storage (the notulist's name, drafts not yet saved: ./logic/drafts);
   * never in the workbook. `keys` (optional) lists what is stored, to move drafts of earlier
   * versions into the open workbook's scope. The session's `host.storage` is this storage
   * with every draft key scoped by the workbook (`draftScope`), so views need not.
   */
  storage: ListableStorage;
  /**
   * The open workbook's identity, which scopes the drafts kept on this computer
   * (./logic/drafts: a draft typed in one workbook never shows in another): in Excel
   * "werkmap:<GUID>" the add-in keeps in the workbook's own settings, or "url:<address>"
   * when the workbook cannot keep one (src/workbook/office/identity.ts); in the preview
   * "werkmap:<id>" of its stored workbook. Known before the pane renders. Absent: drafts
   * are kept per computer (DEVICE_SCOPE), as before scoping.
   */
  draftScope?: string;
  /** Error message when the host is too old (e.g. ExcelApi < 1.8), else null. */
  requirementError?: string | null;
}

/** What the team is talking about right now; notes take this as their context. */
export interface DiscussionContext {
  step: NoteStep;
  koppelkans?: string;
  factor?: string;
}

/** Cells a colleague changed while the pane was writing them: nothing was overwritten; the user chooses. */
interface PendingConflict {
  conflicts: CellConflict[];
  /** What the pane tried to write, per conflicting cell ("Blad!C5" → text), to show beside the colleague's version. */
  mine: Record<string, string>;
  label: string;
  /** False after the user closed the question without choosing (Esc): it stays pending, reachable from a banner. */
  shown: boolean;
}

/**
 * What a caller of `applyOpsResult` may add: how it settles a conflict of its write when it
 * keeps the typed text itself (e.g. a field showing both versions), and what it does once the
 * write is in.
 */
interface ApplyConflictOptions {
  /**
   * Called instead of the session's own retry/re-read when the user answers the conflict question:
   * 'mine' must write the caller's current text over the colleague's, 'theirs' keep the colleague's.
   */
  onConflictChoice?: (choice: 'mine' | 'theirs') => void | Promise<void>;
  /**
   * Called with the adapter's result once the write is done and the workbook read again, in
   * the same React update as that read (not after it): what the caller changes here (its
   * draft forgotten) is drawn together with the new snapshot. Not called when the write or
   * the read fails.
   */
  onApplied?: (result: ApplyResult) => void;
}

export interface WorkbookSession {
  port: WorkbookPort;
  /** The host, with `storage` scoped to the open workbook for drafts (see HostServices.draftScope). */
  host: HostServices;
  snapshot: WorkbookSnapshot | null;
  analysis: Analysis | null;
  notes: NotesState;
  /** Label of the operation in progress (Dutch), or null. */
  busy: string | null;
  /** 0..1 while a long operation reports progress. */
  progress: number | null;
  /** How many operations (applyOps, prepare, createLayout) have finished, for tests and screen readers to wait on. */
  completed: number;
  /** The last failure as a Dutch message with what to do, or null. */
  error: string | null;
  clearError: () => void;
  /**
   * Reads the workbook again: what changed (`changed`, as change events name it), or
   * every cell (`fresh`), with every formula read back too (`verifyFormulas`: "Opnieuw
   * controleren"); without either, what the port knows changed plus any sheet that grew.
   */
  refresh: (request?: RefreshRequest) => Promise<void>;
  /**
   * Applies ops in one batch, then re-reads. Returns false (and sets `error`) on failure,
   * also when a keyed row was gone (a colleague deleted it) or a guarded cell had been
   * changed by a colleague (then `conflict` asks the user what to keep).
   */
  applyOps: (ops: PlanOp[], label: string) => Promise<boolean>;
  /**
   * An edit built on a read of the workbook made right before it (`build` gets the snapshot,
   * analysis and notes of that read: what the port knows brought up to date, not every cell
   * again), followed by the engine's plan for the result, applied in one batch with that
   * snapshot as its basis (`ApplyOptions.basis`). Returns the edit's Dutch refusal as
   * `message`; when a cell the plan writes is no longer what the read showed (a co-author's
   * change), nothing is written, the workbook is read again and `message` names the cell;
   * when a co-author changed one of the edit's guarded cells meanwhile, that cell is not
   * written, the workbook is prepared again and `message` says so. `options.definitions`: the fresh read also reads
   * the workbook's names, conditional formats and validations (`SnapshotRequest.definitions`),
   * for an edit that must know what a column delete breaks (removing a succesfactor).
   */
  applyEdit: (
    build: (fresh: FreshState) => EditResult,
    label: string,
    options?: { definitions?: boolean },
  ) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Like applyOps, but gives the adapter's result (null on failure) for views that track what they wrote. */
  applyOpsResult: (ops: PlanOp[], label: string, options?: ApplyConflictOptions) => Promise<ApplyResult | null>;
  /** Cells a colleague changed meanwhile, waiting for the user's choice; null when none. */
  conflict: PendingConflict | null;
  /** Resolves `conflict`: 'mine' writes the pane's version over the colleague's, 'theirs' keeps the colleague's. */
  resolveConflict: (choice: 'mine' | 'theirs') => Promise<void>;
  /** Closes the conflict question without choosing (Esc): nothing is written or dropped; `conflict.shown` turns false. */
  dismissConflict: () => void;
  /** Opens the conflict question again after `dismissConflict`. */
  showConflict: () => void;
  /** Werkmap voorbereiden: the engine's full plan. */
  prepare: (options?: PlanOptions) => Promise<boolean>;
  /** Creates the Koppelkansen layout in an empty workbook. */
  createLayout: (wijk?: string) => Promise<boolean>;
  context: DiscussionContext;
  setContext: (c: DiscussionContext) => void;
}

interface RefreshRequest {
  /** Read every cell again (SnapshotRequest.fresh). */
  fresh?: boolean;
  /** Also read every formula back ("Opnieuw controleren"; SnapshotRequest.verifyFormulas). */
  verifyFormulas?: boolean;
  changed?: ChangedRange[];
}

/** What an edit is built on: a read of the workbook made right before it is applied. */
export interface FreshState {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  notes: NotesState;
  /**
   * The port inserts and deletes whole columns (`WorkbookPort.canShiftColumns`): a factor
   * edit then shifts columns instead of rewriting the factor block (src/core/factors.ts).
   */
  canShiftColumns: boolean;
}

/**
 * The Dutch text the pane shows for anything thrown: the adapters' typed errors carry their
 * message from the one table in src/core/errors.ts; anything else is unexpected and gets the
 * generic hint (decided by the error's class, never by guessing from its text).
 */
export function errorMessage(e: unknown): string {
  return userMessage(e);
}

const systemNow = (): Date => new Date();

/**
 * Analyses the snapshots of one workbook as they come, each worked out from the one before
 * (src/core/reanalyze.ts: a typed score reads one row again, not all 5,000; anything else is
 * analysed in full). The result is always what `analyze` gives for the snapshot.
 */
function createAnalyser(): (snapshot: WorkbookSnapshot, now: Date) => Analysis {
  let last: Analysed | null = null;
  return (snapshot, now) => {
    const analysis = reanalyze(last, snapshot, { now });
    last = { snapshot, analysis };
    return analysis;
  };
}

export function useWorkbookSession(port: WorkbookPort, host: HostServices, now: () => Date = systemNow): WorkbookSession {
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [context, setContext] = useState<DiscussionContext>({ step: 'Stap 2' });
  const [completed, setCompleted] = useState(0);
  const [conflict, setConflict] = useState<(PendingConflict & { retry: PlanOp[]; owner?: ApplyConflictOptions['onConflictChoice'] }) | null>(null);
  /** What the last prepare/create left as it was (the team's page setup, an Excel without page layout): listed with the problems. */
  const [writeNotes, setWriteNotes] = useState<Problem[]>([]);
  // one read at a time; hints that arrive while a read is under way are merged and read right after it
  const readQueue = useMemo(
    () =>
      createReadQueue<RefreshRequest>(
        async (next) =>
          setSnapshot(
            await port.readSnapshot({ fresh: next.fresh, verifyFormulas: next.verifyFormulas, changed: next.changed?.length ? next.changed : undefined }),
          ),
        (q, r) => ({
          fresh: q.fresh || r.fresh,
          verifyFormulas: q.verifyFormulas || r.verifyFormulas,
          changed: [...(q.changed ?? []), ...(r.changed ?? [])],
        }),
        (e) => setError(errorMessage(e)),
      ),
    [port],
  );
  const refresh = useCallback(
    (request: RefreshRequest = {}) =>
      readQueue.request({ fresh: request.fresh, verifyFormulas: request.verifyFormulas, changed: [...(request.changed ?? [])] }),
    [readQueue],
  );

  /**
   * Runs a write `fn` with the busy label shown, then reads the workbook again. `after` (when
   * given) runs right after the re-read is handed to React, in the same update: a view's own
   * change (forgetting a draft that is now in the workbook) is drawn together with the new
   * snapshot instead of in a render of its own.
   *
   * The busy label and the progress (`fn` reports it through its argument) are shown from the
   * first task after the write started (a timer), never before: a write that takes a round trip
   * to Excel shows them at once as before; a write that finishes without leaving the page's
   * microtasks (the preview's workbook in memory) never renders them, so a typed score costs one
   * render of the pane and the grid, not four (its progress, the busy label, its end).
   */
  const run = useCallback(
    async (label: string, fn: (onProgress: (fraction: number) => void) => Promise<unknown>, after?: () => void): Promise<boolean> => {
      setError(null);
      let shown = false;
      let reported: number | null = null;
      const show = setTimeout(() => {
        shown = true;
        setBusy(label);
        setProgress(reported);
      }, 0);
      const onProgress = (fraction: number) => {
        reported = fraction;
        if (shown) setProgress(fraction);
      };
      try {
        await fn(onProgress);
        setSnapshot(await port.readSnapshot({ afterApply: true }));
        after?.();
        return true;
      } catch (e) {
        setError(errorMessage(e));
        return false;
      } finally {
        clearTimeout(show);
        setBusy(null);
        setProgress(null);
        setCompleted((n) => n + 1);
      }
    },
    [port],
  );

  /** Adds an apply's warnings (text with characters a file cannot hold as such, page setup) to the listed problems, once per cell. */
  const noteWriteWarnings = useCallback((result: ApplyResult) => {
    const added = applyWarningProblems(result.warnings);
    if (!added.length) return;
    const key = (p: Problem) => `${p.code}|${p.sheet}|${p.cell}`;
    setWriteNotes((prev) => {
      const known = new Set(prev.map(key));
      return [...prev, ...added.filter((p) => !known.has(key(p)))];
    });
  }, []);
  const applyOpsResult = useCallback(
    async (ops: PlanOp[], label: string, options: ApplyConflictOptions = {}): Promise<ApplyResult | null> => {
      let result: ApplyResult | null = null;
      const ok = await run(
        label,
        async (onProgress) => {
          result = ops.length ? await port.apply({ ops }, { onProgress }) : { operations: 0, appendedAt: [], missingKeys: [], conflicts: [] };
        },
        options.onApplied && (() => result && options.onApplied?.(result)),
      );
      if (!ok || !result) return null;
      const r: ApplyResult = result;
      noteWriteWarnings(r);
      if (r.missingKeys.length) {
        setError(
          r.missingKeys.length === 1
            ? 'Deze regel is intussen door een collega verwijderd; je wijziging is niet opgeslagen. Voeg hem zo nodig opnieuw toe.'
            : `${r.missingKeys.length} regels zijn intussen door een collega verwijderd; je wijzigingen daarin zijn niet opgeslagen.`,
        );
      }
      if (r.conflicts.length) {
        const refused = retargetGuards(ops, r.conflicts);
        setConflict({ conflicts: r.conflicts, mine: refused.mine, label, shown: true, retry: refused.ops, owner: options.onConflictChoice });
      }
      return r;
    },
    [port, run, noteWriteWarnings],
  );
  const applyEdit = useCallback(
    async (
      build: (fresh: FreshState) => EditResult,
      label: string,
      options: { definitions?: boolean } = {},
    ): Promise<{ ok: true } | { ok: false; message: string }> => {
      let outcome: { ok: true } | { ok: false; message: string } = { ok: true };
      const done = await run(label, async (onProgress) => {
        // what the port knows, brought up to date (what it heard changed, sheets that grew): not every
        // cell again. The plan is applied with this snapshot as its basis: a cell it writes that is no
        // longer what this read showed (a change not heard yet, a colleague's change meanwhile) refuses
        // the whole plan before anything is written (WorkbookError 'cellsChanged'; the product's own
        // cells, Plan.ownFrom, only where the team typed over nothing or a formula), and the guards
        // (expect) of the edit's own cells compare with this read at the moment of writing (a guard's
        // conflict speaks first: then nothing is written and the conflicts below name the edit's cell)
        const snapshot = await port.readSnapshot(options.definitions ? { definitions: true } : {});
        const at = now();
        const fresh: FreshState = {
          snapshot,
          analysis: analyze(snapshot, { now: at }),
          notes: readNotes(snapshot),
          canShiftColumns: port.canShiftColumns === true,
        };
        const edit = build(fresh);
        if (!edit.ok) {
          outcome = edit;
          return;
        }
        if (!edit.ops.length) return;
        const plan = planWithEdit(snapshot, edit.ops, { now: at }).plan;
        // what the team typed that no cell can hold (a text over Excel's 32,767 characters, …) is
        // refused here, by the rule every adapter applies (checkPlan), and told at the field
        // that sent it, in Dutch, naming the cell; nothing is written
        try {
          checkPlan(
            plan,
            snapshot.sheets.map((x) => x.name),
            { charts: port.canDrawCharts === true, columns: port.canShiftColumns === true },
          );
        } catch (e) {
          if (!(e instanceof WorkbookError)) throw e;
          outcome = { ok: false, message: userMessage(e) };
          return;
        }
        let result: ApplyResult;
        try {
          result = await port.apply(plan, { onProgress, basis: snapshot });
        } catch (e) {
          // a colleague changed a column the edit inserts at or deletes, or a cell the plan writes: the adapter refused the whole plan
          if (!(e instanceof WorkbookError) || (e.code !== 'columnsChanged' && e.code !== 'cellsChanged')) throw e;
          outcome = { ok: false, message: userMessage(e) };
          // read everything again, so the pane shows the colleague's change
          await port.readSnapshot({ fresh: true });
          return;
        }
        noteWriteWarnings(result);
        if (result.conflicts?.length) {
          // the edit wrote nothing; bring the formulas back in line with what is there
          await prepareWorkbook(port, { now: now() });
          const cells = [...new Set(result.conflicts.map((c) => `${c.sheet}!${c.cell}`))].slice(0, 3).join(', ');
          outcome = { ok: false, message: `Iemand anders veranderde tegelijk ${cells}. Er is niets overschreven; bekijk de werkmap en probeer het opnieuw.` };
        }
      });
      return done ? outcome : { ok: false, message: 'Dat lukte niet; zie de melding bovenaan.' };
    },
    [port, run, now, noteWriteWarnings],
  );
  const applyOps = useCallback(
    async (ops: PlanOp[], label: string) => {
      const r = await applyOpsResult(ops, label);
      return r !== null && r.conflicts.length === 0 && r.missingKeys.length === 0;
    },
    [applyOpsResult],
  );
  const resolveConflict = useCallback(
    async (choice: 'mine' | 'theirs') => {
      const c = conflict;
      setConflict(null);
      if (!c) return;
      if (c.owner) await c.owner(choice);
      else if (choice === 'mine') await applyOpsResult(c.retry, c.label);
      else await refresh({ fresh: true });
    },
    [conflict, applyOpsResult, refresh],
  );
  const dismissConflict = useCallback(() => setConflict((c) => (c ? { ...c, shown: false } : c)), []);
  const showConflict = useCallback(() => setConflict((c) => (c ? { ...c, shown: true } : c)), []);
  const prepare = useCallback(
    (options: PlanOptions = {}) =>
      run('Werkmap voorbereiden…', async (onProgress) => {
        const r = await prepareWorkbook(port, { now: now(), ...options }, { onProgress });
        if (r.applied) setWriteNotes(applyWarningProblems(r.applied.warnings));
      }),
    [port, run, now],
  );
  const createLayout = useCallback(
    (wijk?: string) =>
      run('Koppelkansen-indeling aanmaken…', async (onProgress) => {
        const r = await createKoppelkansenWorkbook(port, { wijk, now: now() }, { onProgress });
        setWriteNotes(applyWarningProblems(r.applied?.warnings));
      }),
    [port, run, now],
  );

  // the workbook's identity scopes every draft kept on this computer, for every view at once;
  // drafts of earlier versions (unscoped) move into the first workbook opened, once
  const scopedHost = useMemo<HostServices>(() => {
    const scope = host.draftScope || DEVICE_SCOPE;
    migrateUnscopedDrafts(host.storage, scope);
    return { ...host, storage: scopedDraftStorage(host.storage, scope) };
  }, [host]);

  useEffect(() => {
    void refresh();
    let unsubscribe: (() => Promise<void>) | null = null;
    let cancelled = false;
    if (host.subscribeToChanges) {
      void host
        .subscribeToChanges((changed) => void refresh(changed === null ? { fresh: true } : { changed }))
        .then((u) => {
          if (cancelled) void u();
          else unsubscribe = u;
        });
    }
    return () => {
      cancelled = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [host, refresh]);

  // one per pane: any snapshot is followed correctly (another workbook's is analysed in full)
  const [analyser] = useState(createAnalyser);
  const analysis = useMemo(() => {
    if (!snapshot) return null;
    const a = analyser(snapshot, now());
    return writeNotes.length ? { ...a, problems: [...a.problems, ...writeNotes] } : a;
  }, [snapshot, now, writeNotes, analyser]);
  const notes = useMemo(() => (snapshot ? readNotes(snapshot) : readNotes({ sheets: [] })), [snapshot]);

  return {
    port,
    host: scopedHost,
    snapshot,
    analysis,
    notes,
    busy,
    progress,
    completed,
    error,
    clearError: () => setError(null),
    refresh,
    applyOps,
    applyEdit,
    applyOpsResult,
    conflict: conflict ? { conflicts: conflict.conflicts, mine: conflict.mine, label: conflict.label, shown: conflict.shown } : null,
    resolveConflict,
    dismissConflict,
    showConflict,
    prepare,
    createLayout,
    context,
    setContext,
  };
}
