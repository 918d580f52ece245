/**
 * Writing the user's file safely (Node only):
 * - the bytes go to a temporary file beside the target, are flushed (fsync), checked by
 *   reading them back as a workbook, and only then renamed over the target: the target
 *   is always either the old file or a complete new one, also when the process is killed;
 * - temporary files are removed on every exit path (errors, SIGINT, SIGTERM), and stale
 *   ones of an earlier, killed run are removed before the next write;
 * - a write is refused when the input changed since it was read (size, mtime, SHA-256:
 *   a colleague saved meanwhile) or when Excel's owner file "~$…" says the target is open;
 * - file-system errors become Dutch messages naming the user's file, never the temporary one.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ErrorArgs, ErrorKey } from '../core/errors';
import { CliError } from './errors';

/** A problem with the user's files (exit 2); the Dutch message names the user's file, never the temporary one. */
export class FileError<K extends Extract<ErrorKey, `file.${string}`> = Extract<ErrorKey, `file.${string}`>> extends CliError<K> {
  override readonly name = 'FileError';
  constructor(key: K, ...args: ErrorArgs<K>) {
    super(key, args, 2);
  }
}

/** The typed error for a Node file-system error `e` on `file` (what the user named). */
export function fileSystemError(e: unknown, file: string, doing: 'lezen' | 'schrijven'): FileError {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'lezen' ? new FileError('file.notFound', file) : new FileError('file.noFolder', file, path.dirname(file));
    case 'EACCES':
    case 'EPERM':
      return new FileError('file.permission', file, doing);
    case 'EISDIR':
      return new FileError('file.isFolder', file);
    case 'ENOTDIR':
      return new FileError('file.pathNotFolder', file, doing);
    case 'EROFS':
      return new FileError('file.readOnly', file);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileError('file.diskFull', file);
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileError('file.busy', file);
    case 'ENAMETOOLONG':
      return new FileError('file.nameTooLong', file);
    default:
      return new FileError('file.other', file, doing, code);
  }
}

/** What the input looked like when it was read. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
}

function stampOf(bytes: Uint8Array, stat: fs.Stats): FileStamp {
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads `file` with Dutch errors; returns its bytes and stamp. */
export function readWithStamp(file: string): { bytes: Buffer; stamp: FileStamp } {
  try {
    const bytes = fs.readFileSync(file);
    return { bytes, stamp: stampOf(bytes, fs.statSync(file)) };
  } catch (e) {
    throw fileSystemError(e, file, 'lezen');
  }
}

/** Throws when `file` no longer matches `stamp` (someone saved it after we read it). */
export function assertUnchanged(file: string, stamp: FileStamp): void {
  let now: FileStamp;
  try {
    const bytes = fs.readFileSync(file);
    now = stampOf(bytes, fs.statSync(file));
  } catch (e) {
    throw new FileError('file.vanished', file, fileSystemError(e, file, 'lezen').message);
  }
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.sha256 !== stamp.sha256) {
    throw new FileError('file.changedSinceRead', file);
  }
}

/**
 * Excel's owner file for `file`: "~$" + the name, or for longer names "~$" + the name
 * without its first two characters (how Excel names it). The user's name, when readable,
 * is in it (first byte: length, then the name).
 */
function excelLock(file: string): { lockFile: string; user?: string } | null {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const candidates = [`~$${base}`, ...(base.length > 2 ? [`~$${base.slice(2)}`] : [])];
  for (const name of candidates) {
    const lockFile = path.join(dir, name);
    try {
      const bytes = fs.readFileSync(lockFile);
      const n = bytes[0];
      const user =
        n > 0 && n < 120 && bytes.length > n
          ? bytes
              .subarray(1, 1 + n)
              .toString('latin1')
              .trim()
          : undefined;
      return { lockFile, user: user && /^[\x20-\x7e\u00a0-\u00ff]+$/.test(user) ? user : undefined };
    } catch {
      // no owner file by this name
    }
  }
  return null;
}

export function assertNotOpenInExcel(file: string): void {
  const lock = excelLock(file);
  if (lock) {
    throw new FileError('file.openInExcel', file, path.basename(lock.lockFile), lock.user);
  }
}

// ---- temporary files ----

const TMP_SUFFIX = '.koppelkansen.tmp';
const live = new Set<string>();
let handlersInstalled = false;

function removeLiveSync(): void {
  for (const f of live) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // best effort on the way out
    }
  }
  live.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removeLiveSync);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      removeLiveSync();
      process.exit(code);
    });
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of earlier runs for `file` whose process is gone (killed with SIGKILL, power loss). */
function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // someone else's file we cannot remove: leave it
    }
  }
}

export interface SafeWriteOptions {
  /** Checks the written bytes (e.g. reads them back as a workbook); throws when they are not good. */
  verify?: (bytes: Uint8Array) => Promise<void>;
  /** Called right before the rename (last moment to refuse, e.g. the input changed). */
  beforeRename?: () => void;
}

/**
 * Writes `bytes` to `file` atomically: temporary file beside it (same directory, so the
 * rename is atomic), fsync, verify, checks, rename, fsync of the directory. The target
 * is never half-written; the temporary file is gone afterwards on every path.
 */
export async function writeFileSafely(file: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  installHandlers();
  removeStaleTemporaries(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}${TMP_SUFFIX}`);
  live.add(tmp);
  try {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(tmp, 'wx');
    } catch (e) {
      throw fileSystemError(e, file, 'schrijven');
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (e) {
      throw fileSystemError(e, file, 'schrijven');
    } finally {
      await handle.close();
    }
    if (options.verify) {
      try {
        await options.verify(await fs.promises.readFile(tmp));
      } catch (e) {
        // a check that knows better what went wrong (the input was damaged already) says so itself
        if (e instanceof FileError) throw e;
        throw new FileError('file.verifyFailed', file, e instanceof Error ? e.message : String(e));
      }
    }
    options.beforeRename?.();
    try {
      await fs.promises.rename(tmp, file);
    } catch (e) {
      throw fileSystemError(e, file, 'schrijven');
    }
    live.delete(tmp);
    try {
      const dir = await fs.promises.open(path.dirname(file), 'r');
      await dir.sync().finally(() => dir.close());
    } catch {
      // not every platform can fsync a directory
    }
  } finally {
    if (live.has(tmp)) {
      live.delete(tmp);
      await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}
