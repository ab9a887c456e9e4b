/**
 * Replacing a file that a person may be editing at the same time.
 *
 * `samdok revise` reads a document, works on it for a moment (validating the
 * whole set) and writes it back. A colleague who saves the same file in that
 * moment must not lose what they wrote. So the original is remembered when it
 * is read (a SHA-256 of its bytes, its size and its modification time), the
 * new text goes to a temporary file in the same folder and is flushed to disk,
 * and only then is the original checked again: when anything differs, the
 * temporary file is removed and `FileChangedError` is thrown, leaving the file
 * exactly as the colleague saved it. The check that runs last (size and time)
 * is one `stat`, immediately followed by the rename, so the window in which a
 * save can still be lost is as short as the file system allows.
 *
 * The new file keeps the original's permissions (mode).
 */
import { createHash } from "node:crypto";
import { readDocumentFile } from "./read-regular.js";
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What a file was when it was read. */
export interface FileSnapshot {
  /** SHA-256 of the bytes, hex. */
  hash: string;
  size: bigint;
  mtimeNs: bigint;
  /** Permission bits (`mode & 0o7777`). */
  mode: number;
}

/** The file on disk is no longer what was read: nothing was written. */
export class FileChangedError extends Error {
  override name = "FileChangedError";
  constructor(readonly target: string) {
    super(`file changed since it was read: ${target}`);
  }
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Reads a file and remembers what it was. The time and size are taken before
 * the bytes, so a save during the read shows up as a change later.
 */
export function readWithSnapshot(
  target: string,
  read: (p: string) => Uint8Array = (p) => readDocumentFile(p),
): { bytes: Uint8Array; snapshot: FileSnapshot } {
  const stat = statSync(target, { bigint: true });
  const bytes = read(target);
  return { bytes, snapshot: { hash: hashBytes(bytes), size: stat.size, mtimeNs: stat.mtimeNs, mode: Number(stat.mode & 0o7777n) } };
}

let counter = 0;

export interface CheckedWriteOptions {
  /** Called after the temporary file is written and before the original is checked (tests use it to save "concurrently"). */
  beforeCommit?: (target: string) => void;
}

function unchanged(target: string, snapshot: FileSnapshot): boolean {
  try {
    if (hashBytes(readDocumentFile(target)) !== snapshot.hash) return false;
    // Last, and right before the rename: a save while the bytes were hashed changes the time.
    const stat = statSync(target, { bigint: true });
    return stat.isFile() && stat.size === snapshot.size && stat.mtimeNs === snapshot.mtimeNs;
  } catch {
    return false;
  }
}

/**
 * Replaces `target` with `data` atomically, provided it is still as it was
 * when `snapshot` was taken; otherwise throws `FileChangedError` and leaves
 * it alone. No temporary file is left behind either way.
 */
export function writeFileChecked(target: string, data: Uint8Array, snapshot: FileSnapshot, options: CheckedWriteOptions = {}): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = openSync(temp, "wx", 0o600);
    try {
      writeFileSync(fd, data);
      // The mode given to open is reduced by the umask; this one is not.
      fchmodSync(fd, snapshot.mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeCommit?.(target);
    if (!unchanged(target, snapshot)) throw new FileChangedError(target);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

/** Makes the rename itself durable where the platform allows it. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Not possible on every platform (Windows); the data itself is on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
