/** The part of xlsx-populate (no bundled types) the tests use: writing a password-encrypted .xlsx (ECMA-376 agile encryption). */
declare module 'xlsx-populate' {
  interface PopulatedWorkbook {
    outputAsync(options?: { password?: string }): Promise<Buffer>;
  }
  const XlsxPopulate: { fromDataAsync(data: Uint8Array): Promise<PopulatedWorkbook> };
  export default XlsxPopulate;
}
