import { buildOnderbouwingModel, type OnderbouwingOptions } from '../core/onderbouwing';
import { onderbouwingDocx } from '../report/onderbouwingDocx';
import type { WorkbookPort } from '../workbook/port';
import { rasterizeSvg } from './rasterize';

/**
 * The onderbouwing of the workbook behind `port` as .docx bytes, with the top-15 chart
 * rasterised by resvg: the same model and renderer as the pane's "Onderbouwing maken".
 */
export async function buildOnderbouwing(port: WorkbookPort, options: { now?: Date } & OnderbouwingOptions = {}): Promise<Uint8Array> {
  const snapshot = await port.readSnapshot();
  return onderbouwingDocx(buildOnderbouwingModel(snapshot, options.now, options), rasterizeSvg);
}
