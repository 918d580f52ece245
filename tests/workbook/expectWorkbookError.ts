import { WorkbookError } from '../../src/workbook/errors';

/**
 * Awaits `p` and expects it to be refused with a WorkbookError of `code` whose (Dutch) message matches `text`.
 * Shared by the port's contract suites (contract.ts, columnsContract.ts).
 */
export async function expectWorkbookError(p: Promise<unknown>, code: string, text: RegExp): Promise<void> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  expect((e as WorkbookError).code).toBe(code);
  expect((e as WorkbookError).message).toMatch(text);
}
