import type { Analysis } from '../analyze';
import { sameName, SHEET_NAMES } from '../layout';
import type { Problem } from '../problems';
import type { PlanOp, SheetSnapshot, ValidationRule, WorkbookSnapshot } from '../snapshot';

export interface PlanOptions {
  /** Fill an empty Prioritering with the automatic order as a starting point. */
  propose?: boolean;
  now?: Date;
}

export interface WantedValidation {
  sheet: string;
  range: string;
  rule: ValidationRule;
}

export interface PlanContext {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  options: PlanOptions;
  ops: PlanOp[];
  /** Problems found while planning (e.g. a cell the engine will not overwrite). */
  problems: Problem[];
  validations: WantedValidation[];
}

export function sheetByName(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, name));
}

/** The actual name of a part, or its canonical name when it does not exist yet. */
export function nameOf(ctx: PlanContext, role: keyof typeof SHEET_NAMES): string {
  return ctx.analysis.sheets[role] ?? SHEET_NAMES[role];
}
