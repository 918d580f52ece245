/**
 * The prepared sample workbook several suites start from: a new workbook for wijk
 * "Lelystad Oost" with the sample data (6 koppelkansen, 4 scored), prepared.
 */
import { analyze, type Analysis } from '../../src/core/analyze';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const built = new Map<number, Promise<{ made: XlsxWorkbook; analysis: Analysis }>>();

/**
 * In: the clock the workbook is made and prepared with. Out: the workbook and its analysis,
 * built once per clock for the test file (each file has its own module registry) because it
 * is deterministic; a test must not change `made` but read its bytes into a workbook of its own.
 */
export function preparedSample(now: Date): Promise<{ made: XlsxWorkbook; analysis: Analysis }> {
  let sample = built.get(now.getTime());
  if (!sample) {
    sample = (async () => {
      const made = XlsxWorkbook.create();
      await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now });
      await made.apply({ ops: sampleDataOps(analyze(await made.readSnapshot(), { now }), { koppelkansen: 6, scored: 4 }) });
      await prepareWorkbook(made, { now });
      return { made, analysis: analyze(await made.readSnapshot(), { now }) };
    })();
    built.set(now.getTime(), sample);
  }
  return sample;
}
