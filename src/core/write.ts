/**
 * Atomic writes: the data goes to a temporary file in the same folder, which
 * is then renamed over the target. A reader (or an interrupted build) sees the
 * old file or the new one, never half of one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import path from "node:path";

let counter = 0;

export function writeFileAtomic(target: string, data: string | Uint8Array, options: { fsync?: boolean } = {}): void {
  const dir = path.dirname(target);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
  try {
    writeFileSync(temp, data);
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
    rmSync(temp, { force: true });
    throw error;
  }
}
