/**
 * `koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N]`: the participants'
 * scores from workbooks collected by mail, merged into the rounds of the first workbook
 * (src/core/rondes.ts `mergeRondes`). The first file is the base; it is never modified.
 */
import * as path from 'path';
import { mergeRondes, readRondes, type MergeSource } from '../core/rondes';
import type { WorkbookPort } from '../workbook/port';

export interface SamenvoegenResult {
  lines: string[];
  added: number;
}

/** Merges `sources` into `base` (applied to the port); returns Dutch lines for the terminal. */
export async function samenvoegen(base: WorkbookPort, sources: { file: string; port: WorkbookPort }[], now: Date, ronde?: number): Promise<SamenvoegenResult> {
  const baseState = readRondes(await base.readSnapshot());
  const inputs: MergeSource[] = [];
  for (const s of sources) inputs.push({ name: path.basename(s.file).replace(/\.xlsx$/i, ''), snapshot: await s.port.readSnapshot() });
  const merged = mergeRondes(baseState, inputs, now, ronde);
  if (merged.ops.length) await base.apply({ ops: merged.ops });
  const lines = [...merged.messages];
  lines.push(
    merged.added
      ? `${merged.added} score${merged.added === 1 ? '' : 's'} van ${merged.participants.length} deelnemer${merged.participants.length === 1 ? '' : 's'} samengevoegd.`
      : 'Niets nieuws om samen te voegen.',
  );
  return { lines, added: merged.added };
}
