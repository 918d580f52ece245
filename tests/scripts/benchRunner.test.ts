/** The bench runner's closing table: figures with their targets, and what this run did not measure. */
import { formatTable, targetTable } from '../../scripts/bench';
import type { BenchSection } from '../../scripts/bench/support/section';

const section = (id: string): BenchSection => ({ id, title: id, order: 0, estimate: '', run: async () => [] });

describe('npm run bench: the closing table of figures with a target', () => {
  test('met, missed and unmeasured figures are marked yes, NO and n/a', () => {
    const all = ['engine', 'office', 'formulas', 'cli', 'preview'].map(section);
    const table = targetTable(
      [
        ['cli', { figure: 'apply ÷ LibreOffice, 1,000 × 20', value: '0.40', target: '≤ 0.5', met: true }],
        ['cli', { figure: 'apply ÷ LibreOffice, 10,000 × 20', value: '0.80', target: '≤ 0.5', met: false }],
        ['formulas', { figure: 'cost growth', value: '…', target: '≤ 10×', met: null }],
      ],
      all,
      all,
    );
    expect(table.rows.map((r) => r[4])).toEqual(['yes', 'NO', 'n/a']);
  });

  test('a figure whose section was not chosen or does not exist yet gets its own line', () => {
    const all = ['engine', 'cli'].map(section);
    const table = targetTable([], [all[1]], all);
    const text = formatTable(table).join('\n');
    expect(text).toMatch(/engine .*\(section not run\)/);
    expect(text).toMatch(/preview .*\(no section yet\)/);
    expect(text).not.toMatch(/cli .*\(section not run\)/);
  });
});
