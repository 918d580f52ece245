/**
 * The data that flows between the engine and the adapters: a snapshot of the
 * workbook going in, a list of plan operations coming out. Plain data only.
 */

/** A cell value as Excel reports it. Dates come in as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /**
   * Values of the used range, anchored at A1: values[r][c] is the cell at row r+1,
   * column c+1. Rows may be ragged; a missing cell is null (empty).
   * Error values (#DIV/0! ...) are given as the string "#DIV/0!" etc.
   */
  values: CellValue[][];
  /**
   * Formulas anchored at A1 like values: the formula text with its leading "=",
   * or null/undefined where the cell holds no formula. Ragged or absent is fine.
   */
  formulas?: (string | null | undefined)[][];
  /**
   * The formula cells (A1 addresses) that hold no cached result: a file's `<f>` without a
   * `<v>`, or a formula written without one. Such a cell's value is null, exactly like that
   * of a formula whose cached result is the empty text, which is NOT listed here. Absent or
   * empty: every formula cell has its cached result (a host that calculates, `liveFormulas`,
   * never lists any). The planner writes a product formula listed here again with the
   * engine's value (src/core/diff.ts); a score formula listed here is not scored, with a
   * warning (src/core/werkblad.ts).
   */
  noCachedResult?: string[];
  /** Hidden sheet (Excel's "hidden" or "veryHidden"). */
  hidden?: boolean;
  /**
   * Formula values are computed by the host (Office.js), not cached results in a file:
   * the planner never rewrites a formula only because its value differs from the engine's.
   */
  liveFormulas?: boolean;
  /**
   * Merged areas as A1 ranges ("C5:F5"). The engine never merges cells, so every merge
   * is the team's: the engine does not write into it (CELL_OCCUPIED). Absent or empty
   * when the sheet has none.
   */
  merges?: string[];
  /**
   * Sheet protection and the cells the team unlocked. Absent: the adapter saw no
   * protection (the sheet is not protected and every cell keeps Excel's default, locked).
   */
  protection?: SheetProtection;
}

/**
 * A sheet's protection (Excel: Controleren > Blad beveiligen) with the cells the team
 * unlocked (Celeigenschappen > Bescherming). Every other cell is locked, Excel's default;
 * locks only take effect while `protected` is true.
 */
export interface SheetProtection {
  protected: boolean;
  /** Unlocked cells as A1 ranges ("A6:D105"), not overlapping. */
  unlocked: string[];
  /** The protection still lets anybody format cells (Excel's "Cellen opmaken"). */
  allowFormatCells?: boolean;
  /** The protection still lets anybody change column widths ("Kolommen opmaken"). */
  allowFormatColumns?: boolean;
}

/** A data validation as an adapter read it from a range. */
export interface ValidationSnapshot {
  sheet: string;
  /** A1 range, e.g. "C6:J105". */
  range: string;
  rule: ValidationRule | null;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /**
   * The workbook counts dates from 1904 (workbookPr date1904) instead of 1900; every
   * serial-date conversion passes this to src/core/dates.ts. Absent = the 1900 system.
   */
  date1904?: boolean;
  /**
   * Validations currently on the ranges the engine asked about (see
   * `validationTargets`). Adapters that cannot read them leave this undefined;
   * the planner then (re)writes every validation it wants.
   */
  validations?: ValidationSnapshot[];
  /**
   * The workbook's defined names, conditional formats and data-validation rules, as the
   * team (or the product) made them: read only when asked (`SnapshotRequest.definitions`),
   * for the engine to name what a column delete breaks before it happens
   * (src/core/referenceBreaks.ts). Absent: not read.
   */
  definitions?: WorkbookDefinitions;
}

/**
 * What of the workbook refers to cells besides the cells' own formulas (issue 11: deleting
 * a factor column must name the team's names and rules it breaks).
 */
export interface WorkbookDefinitions {
  names: DefinedNameSnapshot[];
  rules: RangeRuleSnapshot[];
  /**
   * Kinds this adapter cannot read, so `names`/`rules` hold none of them (the Office.js
   * adapter: Excel offers no way to list a sheet's data validations). Absent: everything read.
   */
  unread?: DefinitionKind[];
  /**
   * The cell comments and notes of every sheet (Excel: Opmerking / Notitie; the xlsx
   * `comments` parts, which hold both), in sheet order. Absent when the adapter reads
   * neither; `unread` names a kind it could not read ('comments': Office.js below ExcelApi
   * 1.10, 'notes': below 1.18).
   */
  comments?: CellCommentSnapshot[];
}

/** What `WorkbookDefinitions` may leave unread. */
export type DefinitionKind = 'names' | 'conditionalFormats' | 'validations' | 'comments' | 'notes';

/** A comment or note on a cell. */
export interface CellCommentSnapshot {
  sheet: string;
  /** The cell it is on, A1 without "$" ("E9"). */
  cell: string;
  /** Its text (a threaded comment: the first entry's). */
  text: string;
}

/** A defined name (Excel: Formules > Namen beheren). */
export interface DefinedNameSnapshot {
  name: string;
  /** The sheet the name is local to (Excel's "Bereik"); absent: the whole workbook. */
  scope?: string;
  /** What it refers to, with its leading "=", e.g. "='Werkblad koppelkansen kiezen'!$D$6:$D$105". */
  formula: string;
}

/** A conditional format or a data-validation rule: the cells it applies to and its formulas. */
export interface RangeRuleSnapshot {
  kind: 'conditionalFormat' | 'validation';
  sheet: string;
  /** The cells it applies to (OOXML sqref), A1 ranges without sheet name: ["D6:D105", "F6"]. */
  ranges: string[];
  /**
   * Its formulas, each with a leading "=": a conditional format's conditions, a validation's
   * formula1/formula2 (a list written out, "To do,Bezig,Klaar", is no formula and left out).
   */
  formulas: string[];
}

export type ValidationRule =
  | {
      type: 'list';
      /** The list source as an Excel formula, with its leading "=". */
      source: string;
      prompt?: string;
      errorTitle: string;
      errorMessage: string;
      /** true: refuse other values (Excel "Stop"); false: only warn. */
      strict: boolean;
    }
  | {
      type: 'wholeNumber';
      min: number;
      max: number;
      prompt?: string;
      errorTitle: string;
      errorMessage: string;
      strict: boolean;
    }
  | {
      type: 'decimal';
      /** Greater than or equal to. */
      min: number;
      prompt?: string;
      errorTitle: string;
      errorMessage: string;
      strict: boolean;
    };

/**
 * What goes into one cell. `text` is literal text that must stay text even when it
 * begins with "=", "+", "-" or "@" (adapters take care of the escaping);
 * `formula` is an Excel formula in en-US syntax with its leading "=".
 */
export type CellInput =
  | { text: string }
  | { number: number }
  /**
   * `result`: the value the engine computed for the formula, written as the cell's
   * cached result so a file shows it before anything recalculates (Protected View,
   * previews); "" for an empty-text result. Absent: the formula is written without one.
   */
  | { formula: string; result?: number | string | boolean }
  | { bool: boolean }
  | { clear: true };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** RGB hex like "#1F4E79"; null removes the fill (no fill, gridlines show). */
  fill?: string | null;
  /** RGB hex; null sets the automatic (default) font colour. */
  fontColor?: string | null;
  fontSize?: number;
  wrap?: boolean;
  numberFormat?: string;
  horizontalAlignment?: 'left' | 'center' | 'right';
  verticalAlignment?: 'top' | 'center' | 'bottom';
  border?: boolean;
  /**
   * The cell's lock state (Celeigenschappen > Bescherming > Geblokkeerd); only takes
   * effect while the sheet is protected. Absent: unchanged.
   */
  locked?: boolean;
}

export type PlanOp =
  | { kind: 'addSheet'; sheet: string; hidden?: boolean }
  /**
   * Writes a rectangular block with its top-left cell at `cell` (A1). With `expect`
   * (same shape as `cells`: what the pane last read there) the write is guarded: when any
   * cell no longer holds its expected value at apply time (a co-author changed it), nothing
   * of this op is written and the differing cells are reported in `ApplyResult.conflicts`.
   */
  | { kind: 'setCells'; sheet: string; cell: string; cells: CellInput[][]; expect?: CellValue[][] }
  | { kind: 'setValidation'; sheet: string; range: string; rule: ValidationRule }
  | { kind: 'setStyle'; sheet: string; range: string; style: CellStyle }
  | { kind: 'setColumnWidths'; sheet: string; widths: { column: string; width: number }[] }
  /**
   * Row heights in points (Excel's unit, 0 to 409; a line of Calibri 11 is 15 points), set
   * as the row's own height (OOXML row@ht with customHeight). For rows with wrapped text:
   * neither Excel nor LibreOffice fits a row's height to wrapped text written by a file.
   * The engine plans it only for sheets it adds itself.
   */
  | { kind: 'setRowHeights'; sheet: string; heights: { row: number; height: number }[] }
  | { kind: 'freeze'; sheet: string; rows: number; columns: number }
  /**
   * Inserts `count` whole columns before column `column` (letters) of `sheet`, as Excel's
   * "Bladkolommen invoegen" (Office.js: the columns' `Range.insert(right)`, ExcelApi 1.1):
   * everything at or right of `column` moves right, and every reference in the workbook that
   * points at it moves along (formulas on every sheet, validations, merges, print area,
   * column widths, styles), by the rule of src/core/columnShift.ts. The new columns are
   * empty. Refused (WorkbookError, nothing changed) when content would be pushed past XFD.
   * With `expect` the op is guarded (see deleteColumns): the `count` columns from `column`
   * on (the ones the insert pushes right) must still hold, from row 1 down, what the caller
   * read there; nothing is lost by an insert, so cells below `expect` are not compared.
   */
  | { kind: 'insertColumns'; sheet: string; column: string; count: number; expect?: CellValue[][] }
  /**
   * Deletes `count` whole columns from column `column` (letters) of `sheet` on, as Excel's
   * "Bladkolommen verwijderen" (Office.js `Range.delete(left)`): the columns' cells go,
   * everything right of them moves left, references move along, a reference to a deleted
   * cell becomes #REF! and a range spanning the columns shrinks (src/core/columnShift.ts).
   * The planner checks first that nothing of the team's is in the columns.
   * With `expect` (rows from row 1 down, `count` values each: the columns' cells as the
   * caller read them, a formula cell by its value) the op is guarded against a co-author:
   * when a cell of the block no longer holds its value, or a cell of the columns below the
   * block holds anything, the WHOLE plan is refused before anything changes (WorkbookError
   * 'columnsChanged', Dutch, naming sheet and cell as they are in the workbook): unlike a
   * guarded setCells a column shift cannot be left out alone, every later op counts on it.
   * A guarded column op comes before every op of the plan that is not a column op
   * (checkPlan), so each adapter checks all guards against the workbook before it writes,
   * each column traced back through the plan's earlier column ops (keyedRows.ts
   * `columnGuardConflicts`).
   */
  | { kind: 'deleteColumns'; sheet: string; column: string; count: number; expect?: CellValue[][] }
  /**
   * Appends rows below the sheet's used range (never above `minRow`), resolved by
   * the adapter at apply time, so that two people appending at once do not write
   * the same row. Used for notes: co-authoring safe. `heights`: the appended rows' own
   * heights in points (index by index; null or missing: Excel's default), as setRowHeights
   * sets them, for rows with wrapped text (Excel does not grow a row in a file it opens).
   * Only the appended rows get a height, never a row already there; on a protected sheet
   * the heights are left out (the cells are still written where the protection allows).
   * `formats`: the look of the appended rows' cells in the named columns (e.g. the note
   * text's wrap and top alignment in H), set only on the appended rows, only the properties
   * the style names (the cells' other formatting stays), so a row appended below a block
   * the template formatted looks like the rows in it. No `locked` (the lock state of a
   * row is not the op's to set). Left out on a protected sheet that does not allow cell
   * formatting ("Cellen opmaken"), where Excel refuses it.
   */
  | {
      kind: 'appendRows';
      sheet: string;
      minRow: number;
      firstColumn: string;
      rows: CellInput[][];
      heights?: (number | null)[];
      formats?: { column: string; style: CellStyle }[];
    }
  /**
   * Replaces the row whose column `keyColumn` holds `key` (searched at apply time,
   * from `minRow` down); never touches any other row. With `expect` (the row's cells from
   * `firstColumn`, as last read) it is guarded like setCells. `height`: the row height
   * (points) the new cells need (`points`, null: one line) and the height the product gave
   * the row for the cells it replaces (`replaces`, null: one line); the adapter sets it only
   * when the row's height now is Excel's default or `replaces` (the product's own), never a
   * height the team set (see keyedRows.ts `updatedRowHeight`); left out on a protected sheet.
   */
  | {
      kind: 'updateRowByKey';
      sheet: string;
      minRow: number;
      keyColumn: string;
      key: string;
      firstColumn: string;
      cells: CellInput[];
      expect?: CellValue[];
      height?: { points: number | null; replaces: number | null };
    }
  /**
   * Empties the cells `firstColumn`..`lastColumn` of the row whose column `keyColumn`
   * holds `key` (values and formulas; formats stay and no row moves, so what a co-author
   * is typing in other rows is never shifted). Guarded by `expect` like updateRowByKey; a
   * key that is not there is reported in `ApplyResult.missingKeys`.
   */
  | { kind: 'deleteRowByKey'; sheet: string; minRow: number; keyColumn: string; key: string; firstColumn: string; lastColumn: string; expect?: CellValue[] }
  /**
   * Page setup so the sheet prints as a few readable pages (Excel: Pagina-indeling). Every
   * field is a default: the adapter sets it only where the sheet has no setting of its own
   * (the team's print area, print titles, orientation and scaling are kept), so applying it
   * twice is applying it once. `fitToWidth`: the sheet is scaled to that many pages wide and
   * any number of pages tall (Excel's "Aanpassen aan: N pagina('s) breed, automatisch hoog";
   * OOXML sheetPr/pageSetUpPr@fitToPage with pageSetup@fitToWidth, fitToHeight="0").
   * `printTitleRows`: rows repeated at the top of every page (defined name
   * _xlnm.Print_Titles, e.g. 'Werkblad'!$1:$5). `printArea`: A1 range (defined name
   * _xlnm.Print_Area).
   */
  | {
      kind: 'setPageSetup';
      sheet: string;
      orientation?: 'portrait' | 'landscape';
      fitToWidth?: number;
      printTitleRows?: { first: number; last: number };
      printArea?: string;
    }
  /**
   * A native bar chart named `name` on `sheet` (replacing the product's earlier chart of that
   * name): one series, `values` (A1 range, one column) against `categories` (same height),
   * first row on top, placed over `anchor` (A1 range). `highlight` lists the 0-based points
   * drawn in `highlightColor` (the team's choices), the rest in `color`. Only the Office.js
   * adapter can draw charts (`WorkbookPort.canDrawCharts`); the memory and .xlsx adapters
   * refuse a plan with this op before changing anything.
   */
  | {
      kind: 'setChart';
      sheet: string;
      name: string;
      title: string;
      categories: string;
      values: string;
      anchor: string;
      color: string;
      highlight: number[];
      highlightColor: string;
    };

export interface Plan {
  ops: PlanOp[];
  /**
   * Where the product's own part of the plan starts (planWithEdit: the engine's plan that
   * follows the edit's ops): the ops from this index on write the product's own cells (its
   * formulas, labels, Resultaat, the lists, the "Berekend door de add-in" texts), which the
   * engine writes again whatever another pane or an earlier plan left there. Read only by
   * the basis check (src/workbook/basis.ts): such a cell refuses the plan only when the team
   * typed a value where the plan was built on an empty cell or a formula. Absent: every op
   * is judged as the team's (any change to a cell it writes refuses the plan).
   */
  ownFrom?: number;
}
