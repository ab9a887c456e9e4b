/**
 * Atomic writes: the data goes to a temporary file in the same folder, which
 * is then renamed over the target. A reader (or an interrupted build) sees the
 * old file or the new one, never half of one.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import path from "node:path";

let counter = 0;

/** The name of writeFileAtomic's temporary files: `.<name>.<pid>.<n>.tmp`, next to the target. */
export const ATOMIC_TEMP = /^\..+\.\d+\.\d+\.tmp$/;

function fsError(code: string, syscall: string, target: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall} '${target}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = target;
  return error;
}

/**
 * `mkdir -p` that fails fast. Node's `mkdirSync(dir, { recursive: true })`
 * loops for ever on a path it cannot create under some file systems
 * (`/proc/x` keeps the process at 100 % CPU); this walks up to the nearest
 * folder that exists and creates the missing ones one at a time, so any
 * failure is an ordinary error (ENOENT, ENOTDIR, EACCES, EROFS …) naming the
 * folder.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(current).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      const parent = path.dirname(current);
      if (parent === current) throw error;
      missing.push(current);
      current = parent;
      continue;
    }
    if (!isDir) throw fsError("ENOTDIR", "mkdir", current);
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && statSync(folder).isDirectory()) continue;
      throw error;
    }
  }
}

export function writeFileAtomic(target: string, data: string | Uint8Array, options: { fsync?: boolean } = {}): void {
  const dir = path.dirname(target);
  ensureDir(dir);
  let temp = "";
  let created = false;
  try {
    // The name can be guessed, so something may already stand there (a symbolic link planted by someone
    // else, a FIFO): "wx" creates a new file or fails, never writing through what is there.
    for (let attempt = 0; !created; attempt++) {
      temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
      try {
        writeFileSync(temp, data, { flag: "wx" });
        created = true;
      } catch (error) {
        const mine = (error as NodeJS.ErrnoException).code !== "EEXIST";
        // Any other failure (a full disk) may have left a part of our own file: the catch below removes it.
        if (mine) created = true;
        if (mine || attempt >= 20) throw error;
      }
    }
    // A cache can do without the flush to disk; editions and documents cannot.
    if (options.fsync !== false) {
      const fd = openSync(temp, "r+");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temp, target);
  } catch (error) {
    if (created) rmSync(temp, { force: true });
    // A full disk says ENOSPC without a path (the write call has none), and the
    // temporary file's name means nothing to a user: the error names the target.
    const e = error as NodeJS.ErrnoException;
    if (typeof e?.code === "string" && (e.path === undefined || e.path === temp)) e.path = target;
    throw error;
  }
}
