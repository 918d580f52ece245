/**
 * A port that passes everything to another port and remembers every plan it applied.
 * The preview replays those plans onto an .xlsx (the template's or the opened file) for
 * "Download .xlsx", so styles, validations and widths come out as Excel would get them.
 */
import type { Plan } from '../../core/snapshot';
import type { ApplyOptions, ApplyResult, SnapshotRequest, WorkbookPort } from '../../workbook/port';

export class RecordingPort implements WorkbookPort {
  private readonly applied: Plan[] = [];
  /** Called after every plan that changed something (the preview keeps the workbook in the browser). */
  onApplied: ((port: RecordingPort) => void) | null = null;

  constructor(private readonly inner: WorkbookPort) {}

  /**
   * The inner port's capability, passed on: the engine plans factor add/remove as whole
   * columns inserted/deleted when the port can (src/core/factors.ts), and the download
   * replays those ops with the .xlsx adapter, which can too. Without it the preview fell
   * back to rewriting the factor block (issue 11).
   */
  get canShiftColumns(): boolean {
    return this.inner.canShiftColumns === true;
  }

  readSnapshot(request?: SnapshotRequest) {
    return this.inner.readSnapshot(request);
  }

  async apply(plan: Plan, options?: ApplyOptions): Promise<ApplyResult> {
    const result = await this.inner.apply(plan, options);
    if (plan.ops.length) {
      // structuredClone: the same copy IndexedDB makes when the preview stores the plans
      this.applied.push(structuredClone(plan));
      this.onApplied?.(this);
    }
    return result;
  }

  /** The plans applied so far, oldest first (copies). */
  plans(): Plan[] {
    return this.applied.map((p) => structuredClone(p));
  }
}
