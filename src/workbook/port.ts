/**
 * The port between the engine and a workbook: read a snapshot in one batch, apply a
 * plan in one batch. Implemented by the memory adapter (tests, browser preview), the
 * xlsx adapter (ExcelJS, command line) and the Office.js adapter (the add-in).
 */
import type { CellConflict, RowOutcomes } from '../core/keyedRows';
import type { Plan, WorkbookSnapshot } from '../core/snapshot';

export interface RangeRef {
  sheet: string;
  /** A1 range, e.g. "C6:J105". */
  range: string;
}

/** A change the caller heard about (Excel's change events): a range, or a whole sheet. */
export interface ChangedRange {
  /** The sheet's name, or its id as the host reports it in change events. */
  sheet: string;
  /** A1 range on that sheet; absent: anything on the sheet may have changed (rows inserted, sorted…). */
  range?: string;
}

/**
 * What a read needs. Every adapter returns the same snapshot whatever the hints say (the
 * contract suite checks this); an adapter that remembers the workbook between reads (the
 * Office.js one) uses them to read only what changed.
 */
export interface SnapshotRequest {
  /**
   * Ranges that changed since this port's previous read (besides its own writes, which
   * the port tracks itself). An adapter that caches re-reads them and what depends on
   * them; others ignore this.
   */
  changed?: ChangedRange[];
  /**
   * The read right after this port's own `apply` with nothing heard in between: an
   * adapter that read its writes back with them may answer from memory (no round trip).
   */
  afterApply?: boolean;
  /**
   * Forget anything remembered and read every cell again (the read an edit is built on, so
   * its guards compare with what is really there). Formulas may still come from the formula
   * stamp where an adapter keeps one (src/core/formulaStamp.ts): values are read afresh, the
   * formula text is not read back unless `verifyFormulas` asks for it.
   */
  fresh?: boolean;
  /**
   * A `fresh` read that also reads every formula back instead of trusting the formula stamp
   * ("Opnieuw controleren"): it catches a formula a colleague edited in place. Costs the
   * formulas' bytes (about 8× a values-only read of a prepared workbook); implies `fresh`.
   */
  verifyFormulas?: boolean;
  /**
   * Called with the snapshot's sheets once they are read (the same sheets the read
   * returns); returns the ranges whose
   * data validations the engine wants to compare. Adapters read them in the same or
   * one more batch and put them in `snapshot.validations`.
   */
  validationTargets?: (snapshot: WorkbookSnapshot) => RangeRef[];
  /**
   * Also read the workbook's defined names, conditional formats and data-validation rules
   * into `snapshot.definitions` (see `WorkbookDefinitions`), for the question before a
   * factor column is deleted. The Office.js adapter loads them with its first sync (the
   * walk) and reads the conditional formats' ranges in one sync more.
   */
  definitions?: boolean;
}

/** What an apply did: the operations carried out and what its row ops came to (src/core/keyedRows.ts). */
export interface ApplyResult extends RowOutcomes {
  /** Number of plan operations carried out. */
  operations: number;
  /** What the adapter did not do as the plan asked, and why (absent: nothing to say). */
  warnings?: ApplyWarning[];
}

/**
 * Something an adapter left as it was while applying a plan:
 *  - 'pageSetupKept': the sheet already had its own print area / print titles (`name`), which
 *    differ from the plan's (`ours`); the team's (`theirs`) stay;
 *  - 'pageSetupUnsupported': this Excel cannot set page layout through Office.js (ExcelApi
 *    1.9 missing); the sheet keeps its page setup;
 *  - 'forbiddenCharacters': the text written into `cell` holds a character XML forbids
 *    (U+FFFE, U+FFFF, most C0 controls: the file stores it as Excel's "_xHHHH_" escape)
 *    or a lone surrogate (dropped: no file can hold it).
 */
export type ApplyWarning =
  | { kind: 'pageSetupKept'; sheet: string; name: 'Print_Area' | 'Print_Titles'; theirs: string; ours: string }
  | { kind: 'pageSetupUnsupported'; sheet: string }
  | { kind: 'forbiddenCharacters'; sheet: string; cell: string };

export type { CellConflict };

export interface ApplyOptions {
  /** Progress 0..1 for long operations. */
  onProgress?: (fraction: number) => void;
  /**
   * The snapshot the plan was built on (a pane edit built on the adapter's last read, not on
   * a re-read of every cell). Before anything is written, every cell an unguarded `setCells`
   * writes must still be what it shows (src/workbook/basis.ts): otherwise the whole plan is
   * refused with WorkbookError 'cellsChanged' (Dutch, naming sheet and cell) and nothing is
   * written. The cells of the plan's own part (`Plan.ownFrom`) refuse it only where the team
   * typed a value over an empty cell or a formula. When a guarded setCells of the plan also
   * meets a co-author's change, the guard speaks first: nothing is written and the result
   * carries its conflicts (operations 0). The Office.js adapter reads only those cells
   * (values, and where formulas are), in the sync it reads its guards in, before the writes.
   */
  basis?: WorkbookSnapshot;
}

export interface WorkbookPort {
  readSnapshot(request?: SnapshotRequest): Promise<WorkbookSnapshot>;
  apply(plan: Plan, options?: ApplyOptions): Promise<ApplyResult>;
  /**
   * True when `apply` can draw native charts (setChart ops): only the Office.js adapter.
   * The memory and .xlsx adapters (ExcelJS writes no charts) refuse such a plan.
   */
  readonly canDrawCharts?: boolean;
  /**
   * True when `apply` can carry out insertColumns/deleteColumns (whole columns moved with
   * every reference, src/core/columnShift.ts); an adapter without it refuses such a plan
   * before changing anything, and the engine plans factor changes without them.
   */
  readonly canShiftColumns?: boolean;
  /** Selects a cell for the user (the add-in); a no-op where there is no UI. */
  selectCell?(sheet: string, cell: string): Promise<void>;
}
