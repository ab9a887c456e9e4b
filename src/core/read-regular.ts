/**
 * The one way a document (a *.md file) is read: only a regular file is ever
 * opened. A FIFO (named pipe) blocks the reader forever when it is opened, a
 * device may never end or have side effects, and a socket cannot be read; a
 * pull request or a shared folder can put any of them where a document is
 * expected, also behind a symbolic link. So the path is stat'ed first (links
 * followed: a link to a document inside the root is allowed, run.ts refuses
 * one that leads out), then opened with O_NONBLOCK (a FIFO swapped in after
 * the check opens at once instead of blocking) and the open file is checked
 * again with fstat before a byte is read. A file larger than the documents'
 * limit (read.ts) is not read at all: it could hold gigabytes.
 *
 * Failures are thrown as errors with a `code`, like node:fs does, so that an
 * injected reader (tests) and this one are handled alike: `ESPECIAL` for a
 * file that is not a regular file (`kind` says what it is), `EFBIG` for one
 * over the limit (`size`), and node's own codes (ENOENT, EACCES, EISDIR …).
 * Attachments and pictures are read through safe-file.ts instead, which also
 * keeps them inside the document root. What a reader is told about a file
 * that cannot be read is worded in src/messages/read.ts.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import type { Localized } from "../i18n/text.js";
import { MAX_FILE_BYTES, tooLargeMessage } from "./read.js";
import { fill } from "../messages/template.js";
import { READ_ERROR_REASON, READ_MESSAGES, SPECIAL_KIND } from "../messages/read.js";

/** What a file that is not a regular file is. */
export type SpecialKind = "fifo" | "socket" | "device" | "other";

export class NotRegularFileError extends Error {
  readonly code = "ESPECIAL";
  constructor(
    readonly path: string,
    readonly kind: SpecialKind,
  ) {
    super(`not a regular file (${kind}): ${path}`);
  }
}

export class FileTooLargeError extends Error {
  readonly code = "EFBIG";
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`file too large (${size} bytes): ${path}`);
  }
}

/** What `stats` is when it is neither a regular file nor a folder; undefined for those. */
export function specialKind(stats: Stats): SpecialKind | undefined {
  if (stats.isFile() || stats.isDirectory()) return undefined;
  if (stats.isFIFO()) return "fifo";
  if (stats.isSocket()) return "socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "device";
  return "other";
}

/** What `abs` is, links followed, when it exists and is neither a regular file nor a folder. Never opens it. */
export function specialKindOf(abs: string): SpecialKind | undefined {
  try {
    return specialKind(statSync(abs));
  } catch {
    return undefined;
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

function isDirectoryError(abs: string): Error {
  return Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${abs}'`), { code: "EISDIR" });
}

/**
 * The one way samdok reads a file it did not write: the bytes of `abs`,
 * which must be a regular file of at most `maxBytes`. It is stat'ed first,
 * opened with O_NONBLOCK (a FIFO swapped in after the check opens at once),
 * checked again with fstat, and never read past the limit. `noFollow`
 * refuses a symbolic link too (lstat, O_NOFOLLOW): for a path already
 * resolved (safe-file.ts) or one samdok owns (the cache). Throws as
 * described above; never blocks.
 */
export function readRegular(abs: string, maxBytes: number, options: { noFollow?: boolean } = {}): Buffer {
  const before = options.noFollow ? lstatSync(abs) : statSync(abs);
  if (before.isDirectory()) throw isDirectoryError(abs);
  if (before.isSymbolicLink()) throw new NotRegularFileError(abs, "other");
  const kind = specialKind(before);
  if (kind) throw new NotRegularFileError(abs, kind);
  if (before.size > maxBytes) throw new FileTooLargeError(abs, before.size);
  const fd = openSync(abs, OPEN_FLAGS | (options.noFollow ? NOFOLLOW : 0));
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw isDirectoryError(abs);
    const now = specialKind(stats);
    if (now) throw new NotRegularFileError(abs, now);
    if (stats.size > maxBytes) throw new FileTooLargeError(abs, stats.size);
    // One byte more than the size says: a file that grows while it is read is caught below.
    const data = Buffer.allocUnsafe(stats.size + 1);
    let at = 0;
    while (at < data.length) {
      const n = readSync(fd, data, at, data.length - at, null);
      if (n === 0) break;
      at += n;
    }
    if (at > maxBytes) throw new FileTooLargeError(abs, at);
    return data.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of the document at `abs` (links followed), at most `maxBytes`; see readRegular. */
export function readDocumentFile(abs: string, maxBytes: number = MAX_FILE_BYTES): Buffer {
  return readRegular(abs, maxBytes);
}

/** Why a file that is not a regular file is not read, for SD001. */
export function notRegularMessage(kind: SpecialKind): Localized {
  return fill(READ_MESSAGES.notRegular, { what: SPECIAL_KIND[kind] });
}

/** Why reading a document failed, for SD001, from an error `readDocumentFile` (or an injected reader) threw. */
export function readErrorMessage(error: unknown): Localized {
  if (error instanceof NotRegularFileError) return notRegularMessage(error.kind);
  if (error instanceof FileTooLargeError) return tooLargeMessage(error.size);
  const code = (error as NodeJS.ErrnoException).code;
  // The system's own message for a failure without words of samdok's.
  const why =
    typeof code === "string" && Object.hasOwn(READ_ERROR_REASON, code)
      ? fill(READ_ERROR_REASON[code as keyof typeof READ_ERROR_REASON])
      : String((error as Error).message);
  return fill(READ_MESSAGES.cannotRead, { why });
}
