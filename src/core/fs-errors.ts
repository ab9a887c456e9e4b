/**
 * A file-system error said plainly: what went wrong and with which path, in
 * Swedish or English, without a stack trace. An error like this is about the
 * user's machine (a full disk, a read-only folder, a file where a folder was
 * expected), never a bug in samdok.
 */
import path from "node:path";
import type { Lang } from "./types.js";
import { pick, type Localized } from "../i18n/text.js";
import { toPosix } from "./paths.js";

const REASONS: Record<string, Localized> = {
  ENOENT: { sv: "sökvägen finns inte", en: "the path does not exist" },
  ENOTDIR: { sv: "en del av sökvägen är en fil, inte en mapp", en: "part of the path is a file, not a folder" },
  EISDIR: { sv: "det är en mapp, inte en fil", en: "it is a folder, not a file" },
  EACCES: { sv: "behörighet saknas", en: "permission denied" },
  EPERM: { sv: "åtgärden är inte tillåten", en: "the operation is not permitted" },
  EROFS: { sv: "filsystemet är skrivskyddat", en: "the file system is read-only" },
  ENOSPC: { sv: "disken är full", en: "the disk is full" },
  EDQUOT: { sv: "diskkvoten är slut", en: "the disk quota is used up" },
  EEXIST: { sv: "det finns redan något med det namnet", en: "something with that name already exists" },
  ENAMETOOLONG: { sv: "namnet är för långt", en: "the name is too long" },
  EMFILE: { sv: "för många filer är öppna", en: "too many files are open" },
  EXDEV: { sv: "sökvägarna ligger på olika filsystem", en: "the paths are on different file systems" },
  EBUSY: { sv: "sökvägen används (till exempel en monteringspunkt)", en: "the path is busy (a mount point, for example)" },
};

const ACTIONS: Record<string, Localized> = {
  mkdir: { sv: "skapa mappen", en: "create the folder" },
  mkdtemp: { sv: "skapa mappen", en: "create the folder" },
  open: { sv: "öppna", en: "open" },
  read: { sv: "läsa", en: "read" },
  write: { sv: "skriva", en: "write" },
  rename: { sv: "byta namn på", en: "rename" },
  unlink: { sv: "ta bort", en: "remove" },
  rmdir: { sv: "ta bort", en: "remove" },
  rm: { sv: "ta bort", en: "remove" },
  scandir: { sv: "läsa mappen", en: "read the folder" },
  copyfile: { sv: "kopiera", en: "copy" },
  stat: { sv: "läsa", en: "read" },
  lstat: { sv: "läsa", en: "read" },
};

/** The error codes said plainly; anything else is left to the caller. */
export const PLAIN_FS_CODES = new Set(Object.keys(REASONS));

export function isFsError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    PLAIN_FS_CODES.has((error as NodeJS.ErrnoException).code as string)
  );
}

/** "disken är full": the reason alone, or undefined for an error that is not a known file-system error. */
export function fsReason(error: unknown, lang: Lang): string | undefined {
  if (!isFsError(error)) return undefined;
  const reason = REASONS[error.code];
  return reason ? pick(reason, lang) : undefined;
}

/** A path as shown to a user: relative to cwd when it lies inside it, else absolute. */
export function shownPath(abs: string, cwd?: string): string {
  if (cwd === undefined) return abs;
  const rel = path.relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? toPosix(rel) : abs;
}

/**
 * "Kunde inte skriva dist/a.html: disken är full." for a file-system error
 * that names a path; undefined for anything else (a real bug keeps its stack).
 */
export function describeFsError(error: unknown, lang: Lang, cwd?: string): string | undefined {
  if (!isFsError(error) || typeof error.path !== "string" || error.path === "") return undefined;
  const reason = fsReason(error, lang) as string;
  const action = ACTIONS[error.syscall ?? ""] ?? { sv: "använda", en: "use" };
  const target = shownPath(error.path, cwd);
  const to = (error as { dest?: unknown }).dest;
  const dest = typeof to === "string" ? pick({ sv: ` till ${shownPath(to, cwd)}`, en: ` to ${shownPath(to, cwd)}` }, lang) : "";
  const verb = pick(action, lang);
  return pick({ sv: `Kunde inte ${verb} ${target}${dest}: ${reason}.`, en: `Could not ${verb} ${target}${dest}: ${reason}.` }, lang);
}
