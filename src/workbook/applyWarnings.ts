/**
 * An adapter's apply warnings (ApplyResult.warnings) as problems, in the one Dutch message
 * table (src/core/problems.ts), so the pane lists them like the CLI does.
 */
import { problem, type Problem } from '../core/problems';
import type { ApplyWarning } from './port';

/** One problem per warning, on the sheet and cell it is about (cell A1 for page setup: it is the sheet's). */
export function applyWarningProblems(warnings: ApplyWarning[] | undefined): Problem[] {
  return (warnings ?? []).map((w) => {
    switch (w.kind) {
      case 'pageSetupKept':
        return problem('PAGE_SETUP_KEPT', w.sheet, 'A1', { name: w.name, theirs: w.theirs, ours: w.ours });
      case 'pageSetupUnsupported':
        return problem('PAGE_SETUP_UNSUPPORTED', w.sheet, 'A1');
      case 'forbiddenCharacters':
        return problem('TEXT_CHARACTERS', w.sheet, w.cell);
    }
  });
}
