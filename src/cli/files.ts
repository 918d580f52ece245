/**
 * Reading and writing the user's files for the commands: Dutch CliErrors (exit 2) for
 * everything the file system or the file's contents refuse.
 */
import { XlsxWorkbook } from '../workbook/xlsx/XlsxWorkbook';
import { CliError } from './errors';
import { assertNotOpenInExcel, FileError, readWithStamp, writeFileSafely, type FileStamp, type SafeWriteOptions } from './safeWrite';

/** What kind of file `bytes` are when they are no readable .xlsx (Dutch, for the message). */
export function notXlsxReason(bytes: Uint8Array, file: string): string {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (head === 'd0cf11e0a1b11ae1') {
    // an OLE compound file: a password-protected .xlsx (EncryptedPackage) or an old .xls
    const utf16 = Buffer.from(bytes).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
    return utf16
      ? `${file} is beveiligd met een wachtwoord; open het in Excel, haal de beveiliging weg (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw`
      : `${file} is een oud Excel-bestand (.xls); sla het in Excel op als Excel-werkmap (.xlsx)`;
  }
  if (head.startsWith('504b0304') && Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('opendocument')) {
    return `${file} is een OpenDocument-rekenblad (.ods), geen Excel-werkmap; sla het op als .xlsx`;
  }
  return `${file} is geen leesbaar Excel-bestand (.xlsx)`;
}

/**
 * Reads `file` as a workbook, with the stamp (size, time, hash) to detect a later save.
 * @throws CliError (exit 2) when the file cannot be read or is no readable .xlsx.
 */
export async function loadWorkbook(file: string): Promise<{ wb: XlsxWorkbook; buffer: Buffer; stamp: FileStamp }> {
  let read: { bytes: Buffer; stamp: FileStamp };
  try {
    read = readWithStamp(file);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), 2);
  }
  try {
    return { wb: await XlsxWorkbook.fromBuffer(read.bytes), buffer: read.bytes, stamp: read.stamp };
  } catch {
    throw new CliError(notXlsxReason(read.bytes, file), 2);
  }
}

/** Writes `bytes` to the user's file `out` safely (temporary file, then rename); Dutch CliError on failure. */
export async function writeOutput(out: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  try {
    await writeFileSafely(out, bytes, options);
  } catch (e) {
    if (e instanceof FileError) throw new CliError(e.message, e.code);
    throw e;
  }
}

/** Reads the written bytes back as a workbook: a package that does not open is never put in place. */
export async function verifyWorkbook(bytes: Uint8Array): Promise<void> {
  const back = await XlsxWorkbook.fromBuffer(bytes);
  await back.readSnapshot();
}

/** Excel's owner file says the target is open: refuse before writing (CliError, exit 2). */
export function assertNotOpen(out: string): void {
  try {
    assertNotOpenInExcel(out);
  } catch (e) {
    if (e instanceof FileError) throw new CliError(e.message, e.code);
    throw e;
  }
}
