/**
 * A simulated colleague for the browser preview (never part of the Excel build): in Excel
 * on the web or Teams a co-author edits the shared workbook while the pane is open, and
 * Excel reports the change later through its change events. The preview has no co-authors,
 * so `window.koppelkansenCollega` lets end-to-end tests (and a demo in the browser console)
 * play one: it writes to the same workbook the pane uses, without the pane's guards, and
 * then delivers the change event when asked to.
 */
import type { CellValue, PlanOp } from '../../core/snapshot';
import { parseCell } from '../../core/a1';
import { valueAt } from '../../core/grid';
import type { ApplyResult, ChangedRange, WorkbookPort } from '../../workbook/port';
import type { HostServices } from '../session';

type Listener = (changed: ChangedRange[] | null) => void;

/** A source of change events for the preview host, as Excel's `onChanged` is for the add-in. */
export interface ChangeFeed {
  subscribe: NonNullable<HostServices['subscribeToChanges']>;
  /** Delivers a change event to every subscriber (null: anything may have changed). */
  emit: (changed: ChangedRange[] | null) => void;
}

export function createChangeFeed(): ChangeFeed {
  const listeners = new Set<Listener>();
  return {
    subscribe: async (onChange) => {
      listeners.add(onChange);
      return async () => {
        listeners.delete(onChange);
      };
    },
    emit: (changed) => {
      for (const l of [...listeners]) l(changed);
    },
  };
}

/** What `window.koppelkansenCollega` offers. */
interface Colleague {
  /**
   * Applies `ops` to the workbook as a colleague would (no `expect` guards of the pane's).
   * With `notify` (default true) the pane hears of it at once through a change event
   * naming each op's sheet; with false it hears nothing yet, as when Excel's sync is slow.
   */
  apply: (ops: PlanOp[], options?: { notify?: boolean }) => Promise<ApplyResult>;
  /** The value of one cell (A1 address) as the workbook holds it now; null when empty. */
  cell: (sheet: string, address: string) => Promise<CellValue>;
  /** The values of a sheet as the workbook holds them now (rows from 1, columns from A); [] when there is no such sheet. */
  rows: (sheet: string) => Promise<CellValue[][]>;
}

declare global {
  interface Window {
    koppelkansenCollega?: Colleague;
  }
}

/**
 * Puts a colleague on `target.koppelkansenCollega` who edits through `port` (the preview's
 * workbook) and tells the pane through `feed`. Out: a function that removes it again.
 */
export function installColleague(target: Window, port: WorkbookPort, feed: ChangeFeed): () => void {
  const colleague: Colleague = {
    apply: async (ops, options = {}) => {
      const result = await port.apply({ ops });
      if (options.notify !== false) feed.emit([...new Set(ops.map((o) => o.sheet))].map((sheet) => ({ sheet })));
      return result;
    },
    cell: async (sheet, address) => {
      const snapshot = await port.readSnapshot({ fresh: true });
      const s = snapshot.sheets.find((x) => x.name === sheet);
      if (!s) return null;
      const { row, column } = parseCell(address);
      return valueAt(s, row, column);
    },
    rows: async (sheet) => {
      const snapshot = await port.readSnapshot({ fresh: true });
      return snapshot.sheets.find((x) => x.name === sheet)?.values.map((r) => [...r]) ?? [];
    },
  };
  target.koppelkansenCollega = colleague;
  return () => {
    if (target.koppelkansenCollega === colleague) delete target.koppelkansenCollega;
  };
}
