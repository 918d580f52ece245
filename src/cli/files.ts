/**
 * Reading and writing the user's files for the commands: Dutch FileErrors (exit 2) for
 * everything the file system or the file's contents refuse.
 */
import * as fs from 'fs';
import { WorkbookError } from '../workbook/errors';
import { verifyPackage } from '../workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../workbook/xlsx/XlsxWorkbook';
import { readWithNodeZlib } from '../workbook/xlsx/package/zipParts';
import { assertNotOpenInExcel, FileError, readWithStamp, writeFileSafely, type FileStamp, type SafeWriteOptions } from './safeWrite';

/**
 * The typed error for `bytes` that are no readable .xlsx: what kind of file they are instead
 * (password-protected, old .xls, OpenDocument, a zip without a workbook, anything else).
 * `cause` is what reading them threw.
 */
function notXlsxError(bytes: Uint8Array, file: string, cause?: unknown): FileError {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (head === 'd0cf11e0a1b11ae1') {
    // an OLE compound file: a password-protected .xlsx (EncryptedPackage) or an old .xls
    const encrypted = Buffer.from(bytes).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
    return encrypted ? new FileError('file.passwordProtected', file) : new FileError('file.oldExcel', file);
  }
  if (head.startsWith('504b0304') && Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('opendocument')) {
    return new FileError('file.openDocument', file);
  }
  if (cause instanceof WorkbookError && cause.code === 'notAWorkbook') return new FileError('file.noWorkbookPart', file);
  return new FileError('file.notXlsx', file);
}

/**
 * Reads `file` as a workbook, with the stamp (size, time, hash) to detect a later save.
 * @throws FileError (exit 2) when the file cannot be read or is no readable .xlsx.
 */
export async function loadWorkbook(file: string): Promise<{ wb: XlsxWorkbook; buffer: Buffer; stamp: FileStamp }> {
  const read = readWithStamp(file);
  try {
    // Node's zlib for the package (native inflate, deflate and CRC-32), not JSZip's JavaScript one;
    // the sheets read from the package's XML, ExcelJS's model built only when an operation needs it
    return { wb: await XlsxWorkbook.fromBuffer(read.bytes, { readZip: readWithNodeZlib, deferModel: true }), buffer: read.bytes, stamp: read.stamp };
  } catch (e) {
    // a package that reads but is damaged in a way the reader names (a sheet without a part of its own)
    if (e instanceof WorkbookError && e.code === 'brokenSheetPart') throw e;
    throw notXlsxError(read.bytes, file, e);
  }
}

/** Writes `bytes` to the user's file `out` safely (temporary file, then rename); FileError on failure. */
export async function writeOutput(out: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  await writeFileSafely(out, bytes, options);
}

/**
 * Checks the written bytes before they replace anything: a package that does not open
 * (damaged zip, missing or malformed part, a sheet without its part) is never put in
 * place. A light check of the package (package/verify.ts), not a second load of the
 * workbook: at 10,000 rows that load took longer than everything else and doubled memory.
 * @throws Error naming the part (the safe write reports it as file.verifyFailed).
 */
export async function verifyWorkbook(bytes: Uint8Array): Promise<void> {
  await verifyPackage(bytes);
}

/**
 * `verifyWorkbook` for a new version of the user's file `input`: when the new version fails
 * the check, `input` itself (read again) is checked the same way, and when it fails too the
 * damage was there before (a part the patch copies as it was: a theme, docProps,
 * [Content_Types].xml), which is said as such instead of as the program's fault.
 * @throws FileError 'file.inputDamaged' naming the input's damaged part; else verifyPackage's Error
 */
export function verifyNewVersionOf(input: string): (bytes: Uint8Array) => Promise<void> {
  return async (bytes) => {
    try {
      await verifyPackage(bytes);
    } catch (e) {
      let inputError: unknown = null;
      try {
        await verifyPackage(fs.readFileSync(input));
      } catch (f) {
        inputError = f;
      }
      if (!inputError) throw e;
      const message = inputError instanceof Error ? inputError.message : 'onleesbaar';
      throw new FileError('file.inputDamaged', input, /^(?:part|parts) (\S+)/.exec(message)?.[1] ?? message);
    }
  };
}

/** Excel's owner file says the target is open: refuse before writing (FileError, exit 2). */
export function assertNotOpen(out: string): void {
  assertNotOpenInExcel(out);
}
