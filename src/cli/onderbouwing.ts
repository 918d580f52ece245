import { buildOnderbouwingModel } from '../core/onderbouwing';
import { onderbouwingDocx } from '../report/onderbouwingDocx';
import type { WorkbookPort } from '../workbook/port';

export async function buildOnderbouwing(port: WorkbookPort, options: { now?: Date } = {}): Promise<Uint8Array> {
  const snapshot = await port.readSnapshot();
  return onderbouwingDocx(buildOnderbouwingModel(snapshot, options.now));
}
