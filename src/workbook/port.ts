/**
 * The port between the engine and a workbook: read a snapshot in one batch, apply a
 * plan in one batch. Implemented by the memory adapter (tests, browser preview), the
 * xlsx adapter (ExcelJS, command line) and the Office.js adapter (the add-in).
 */
import type { CellValue, Plan, WorkbookSnapshot } from '../core/snapshot';

export interface RangeRef {
  sheet: string;
  /** A1 range, e.g. "C6:J105". */
  range: string;
}

export interface SnapshotRequest {
  /**
   * Called with the snapshot's sheets once they are read; returns the ranges whose
   * data validations the engine wants to compare. Adapters read them in the same or
   * one more batch and put them in `snapshot.validations`.
   */
  validationTargets?: (snapshot: WorkbookSnapshot) => RangeRef[];
}

export interface ApplyResult {
  /** Number of plan operations carried out. */
  operations: number;
  /** Where appended rows ended up (first row number per appendRows op, in op order). */
  appendedAt: number[];
  /** updateRowByKey / deleteRowByKey ops whose key was not found (nothing written for them). */
  missingKeys: string[];
  /**
   * Cells of guarded ops (`expect`) that no longer held what the caller last read: those
   * ops wrote nothing. One entry per differing cell.
   */
  conflicts: CellConflict[];
}

/** A cell a co-author changed since the caller read it: what was expected, what is there now. */
export interface CellConflict {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  expected: CellValue;
  actual: CellValue;
  /** The key of the updateRowByKey / deleteRowByKey op, when it was one. */
  key?: string;
}

export interface ApplyOptions {
  /** Progress 0..1 for long operations. */
  onProgress?: (fraction: number) => void;
}

export interface WorkbookPort {
  readSnapshot(request?: SnapshotRequest): Promise<WorkbookSnapshot>;
  apply(plan: Plan, options?: ApplyOptions): Promise<ApplyResult>;
  /** Selects a cell for the user (the add-in); a no-op where there is no UI. */
  selectCell?(sheet: string, cell: string): Promise<void>;
}
