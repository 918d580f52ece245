/**
 * Excel's limit of 32,767 characters in a cell (issue 8): a text the team typed in the
 * pane that is longer is refused by the pane before anything is written, with a Dutch
 * message naming the cell, by the same rule the adapters and the CLI's apply use
 * (src/workbook/planCheck.ts, MAX_CELL_TEXT in src/core/textSafety.ts).
 */
import { MAX_CELL_TEXT } from '../../src/core/textSafety';
import { SHEET_NAMES } from '../../src/core/layout';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle } from '../helpers/paneHarness';

const NOW = new Date('2026-11-30T10:00:00+01:00');

test('a 40,000-character text typed in the pane is refused at the field, in Dutch, naming the cell; the workbook is unchanged', async () => {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  const before = JSON.stringify(await wb.readSnapshot());
  const [pane] = await renderPanes(
    wb,
    1,
    () => null,
    () => NOW,
  );
  const long = 'lang '.repeat(8000);
  // any field's edit: a text into the Prioritering's "Omdat…" column (the edit builders check only their own rules)
  const write = (t: string) =>
    pane.session().applyEdit(() => ({ ok: true, ops: [{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: 'C5', cells: [[{ text: t }]] }] }), 'Opslaan');
  expect(long.length).toBeGreaterThan(MAX_CELL_TEXT);
  const done = write(long);
  await settle();
  const outcome = await done;
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.message).toMatch(/40\.000 tekens/);
  expect(outcome.message).toMatch(/32\.767/);
  expect(outcome.message).toMatch(/Prioritering!C5:/);
  expect(JSON.stringify(await wb.readSnapshot())).toBe(before);
  // exactly the limit is written
  const fits = 'x'.repeat(MAX_CELL_TEXT);
  const ok = write(fits);
  await settle();
  expect(await ok).toEqual({ ok: true });
  pane.unmount();
});
