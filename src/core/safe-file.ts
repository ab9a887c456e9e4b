/**
 * The one safe way to use a file a document links to (an attachment or a
 * picture): it must be a regular file whose real path, symbolic links
 * followed, lies inside the document root, and it must not be too large.
 *
 * A pull request can add a symbolic link (git stores them), so a link to
 * `bilagor/miljo.txt` may really lead to `/proc/self/environ`, `/etc/passwd`
 * or a picture of another set. A file on the machine can also be a FIFO
 * (reading it blocks forever) or a device. Validation (SD134) reports these
 * with `resolveInside`; the editions read only through `readRegularFile`,
 * which checks again on the open file, so nothing outside the root is ever
 * published, even when validation was skipped or answered from the cache.
 *
 * Names are compared after NFC normalisation: macOS writes `vårdplan.pdf`
 * with a decomposed ä (NFD), while the text, normalised on reading, links it
 * in NFC. When the exact path does not exist, each folder is searched for an
 * entry whose NFC form is the wanted name; the real name on disk is read.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { Lang } from "./types.js";
import { FileTooLargeError, NotRegularFileError, readRegular } from "./read-regular.js";

/** Attachments (pdf, Office files …) larger than this are not published. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** Pictures larger than this are neither published nor embedded. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

/**
 * Why a file cannot be used: `missing` (nothing there, or a broken symbolic
 * link), `outside` (its real path leaves the document root), `special` (not a
 * regular file: a FIFO, device, socket, or anything under /proc, /sys or /dev),
 * `directory` (a folder), `too-large` (over the limit).
 */
export type FileProblem = "missing" | "outside" | "special" | "directory" | "too-large";

export type InsideResult = { ok: true; real: string; size: number } | { ok: false; problem: FileProblem; size?: number };

export type ReadResult = { ok: true; real: string; data: Buffer } | { ok: false; problem: FileProblem; size?: number };

/** Pseudo file systems: their files claim to be regular (or size 0) but are the machine's state. */
const SYSTEM_PREFIXES = ["/proc", "/sys", "/dev"];

function isInsideReal(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

export function isSystemPath(real: string): boolean {
  if (path.sep !== "/") return false;
  return SYSTEM_PREFIXES.some((p) => real === p || real.startsWith(`${p}/`));
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * `abs` (inside `root` as written) as it is named on disk: the path itself
 * when it exists, else each missing part looked up in its folder by NFC.
 */
export function findOnDisk(root: string, abs: string): string | undefined {
  if (exists(abs)) return abs;
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  let current = root;
  for (const part of rel.split(path.sep)) {
    const next = path.join(current, part);
    if (exists(next)) {
      current = next;
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return undefined;
    }
    const wanted = part.normalize("NFC");
    const match = entries.find((e) => e.normalize("NFC") === wanted);
    if (match === undefined) return undefined;
    current = path.join(current, match);
  }
  return current;
}

function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return path.resolve(root);
  }
}

/**
 * Where `abs` really is, and whether it may be used: a regular file inside
 * the real document root, at most `maxBytes`. Never opens the file.
 */
export function resolveInside(root: string, abs: string, maxBytes: number): InsideResult {
  const resolvedRoot = path.resolve(root);
  const resolvedAbs = path.resolve(abs);
  if (!isInsideReal(resolvedRoot, resolvedAbs)) return { ok: false, problem: "outside" };
  const onDisk = findOnDisk(resolvedRoot, resolvedAbs);
  if (onDisk === undefined) return { ok: false, problem: "missing" };
  let real: string;
  try {
    real = realpathSync.native(onDisk);
  } catch {
    // A broken symbolic link, a loop, or a folder that cannot be read.
    return { ok: false, problem: "missing" };
  }
  if (!isInsideReal(realRoot(resolvedRoot), real)) return { ok: false, problem: "outside" };
  if (isSystemPath(real)) return { ok: false, problem: "special" };
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch {
    return { ok: false, problem: "missing" };
  }
  if (stats.isDirectory()) return { ok: false, problem: "directory" };
  if (!stats.isFile()) return { ok: false, problem: "special" };
  if (stats.size > maxBytes) return { ok: false, problem: "too-large", size: stats.size };
  return { ok: true, real, size: stats.size };
}

/**
 * Reads a file a document links to, after `resolveInside` has allowed it,
 * through `readRegular` without following a symbolic link: a link or FIFO
 * put in its place after the check is refused, never read or waited for.
 */
export function readRegularFile(root: string, abs: string, maxBytes: number): ReadResult {
  const inside = resolveInside(root, abs, maxBytes);
  if (!inside.ok) return inside;
  try {
    return { ok: true, real: inside.real, data: readRegular(inside.real, maxBytes, { noFollow: true }) };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { ok: false, problem: "too-large", size: error.size };
    // ELOOP: the file became a symbolic link after it was checked.
    if (error instanceof NotRegularFileError || (error as NodeJS.ErrnoException).code === "ELOOP") return { ok: false, problem: "special" };
    return { ok: false, problem: "missing" };
  }
}

/** A size in MB for messages: "2048,0" in Swedish, "2048.0" in English. */
export function megabytes(size: number, lang: Lang): string {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return lang === "sv" ? mb.replace(".", ",") : mb;
}

/**
 * Whether writing `abs` stays inside the real document root: the nearest
 * part of the path that exists, with its symbolic links resolved, must lie
 * in the root. A folder of the set that is a link out of it (to a user's
 * home, to /etc) makes this false, so nothing is written through it.
 */
export function writesInside(root: string, abs: string): boolean {
  let current = path.resolve(abs);
  for (;;) {
    let real: string | undefined;
    try {
      real = realpathSync.native(current);
    } catch {
      real = undefined;
    }
    if (real !== undefined) return isInsideReal(realRoot(path.resolve(root)), real);
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}
