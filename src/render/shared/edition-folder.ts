/**
 * The edition's folder changes as a whole. `samdok build` writes the new
 * edition into a fresh folder beside the output folder (same parent, so on
 * the same file system): `.dist.samdok-new-<pid>-<random>`. Only when every
 * file is on disk is that folder swapped in for `dist/`. A reader, a web
 * server or a build killed with SIGKILL sees the previous edition or the new
 * one, never 38 new files beside 127 old ones.
 *
 * The new folder starts as the previous one: its files are carried over
 * (hard links, or copies where a link cannot be made) before the edition is
 * rendered into it, so files samdok did not write (a README, a report, the
 * other format's edition) stay, and the manifests (`.samdok-html.txt`,
 * `.samdok-docx.txt`) drop the pages that are no longer part of the edition.
 * Every writer replaces a file by renaming a new one over it, never by
 * writing into it, so a linked file of the previous edition is never changed.
 *
 * The folder that is swapped out is deleted, so samdok refuses an output
 * folder that is not its own: the current folder or one above it, a folder
 * holding the documents, or a folder with other content than a previous
 * edition or loose files (a subfolder, a Markdown file, a project file).
 *
 * Leftovers of an interrupted build are cleaned when the next build starts:
 * stale `.dist.samdok-new-*` folders, and the temporary files (`*.tmp`) an
 * earlier samdok left in the output folder. A build killed in the instant
 * between the two renames of the swap leaves no `dist/` but a complete
 * `.dist.samdok-old-*`; the next build puts it back first.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  chmodSync,
  type Dirent,
  type Stats,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Lang } from "../../core/types.js";
import { UsageError } from "../../core/errors.js";
import { ATOMIC_TEMP, ensureDir, writeFileAtomic } from "../../core/write.js";
import { isInside } from "../../core/paths.js";
import { fsReason, shownPath } from "../../core/fs-errors.js";
import { pick } from "../../i18n/text.js";

/** The list of files the last Word build wrote, so the next one can remove files no longer in the edition. */
export const DOCX_MANIFEST = ".samdok-docx.txt";
/** The list of files the last PDF build wrote (pdf/index.ts). */
export const PDF_MANIFEST = ".samdok-pdf.txt";
/**
 * A build of several sets writes each set's edition into a subfolder and the
 * index of the sets beside them: this lists the subfolders (`orebro/`) and
 * the index the last such build wrote, so the next build can remove a set
 * that is gone, or all of them when it writes one edition again.
 */
export const SETS_MANIFEST = ".samdok-samlingar.txt";
/** The manifests of the editions samdok writes (HTML_MANIFEST in html/index.ts, DOCX_MANIFEST …): a folder holding one is a samdok edition. */
export const EDITION_MANIFESTS = [".samdok-html.txt", DOCX_MANIFEST, PDF_MANIFEST, SETS_MANIFEST];
/** The file name of the consolidated Word edition: a folder of .docx files beside it is an older Word edition (before its manifest). */
const LEGACY_DOCX_EDITION = "samlad-utgava.docx";

const SIBLING = /^\.(.+)\.samdok-(new|old)-(\d+)-[0-9a-f]+$/;

/** Stage folder → the output folder as the user named it, for the folders of builds running in this process. */
const active = new Map<string, string>();

/** A path inside a stage folder, as it will be once the edition is swapped in (for messages). */
export function publicPath(abs: string): string {
  for (const [stage, out] of active) {
    if (isInside(stage, abs)) return path.join(out, path.relative(stage, abs));
  }
  return abs;
}

function alive(pid: number, name: string, parent: string): boolean {
  if (pid === process.pid) return active.has(path.join(parent, name));
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

function fsyncPath(p: string): void {
  try {
    const fd = openSync(p, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot flush a folder; the files themselves were flushed.
  }
}

/** Removes samdok's temporary files (`.name.<pid>.<n>.tmp`) of processes that are gone, in a folder and below. */
function removeStaleTemps(dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) removeStaleTemps(abs);
    else if (e.isFile() && ATOMIC_TEMP.test(e.name)) {
      const pid = Number(/\.(\d+)\.\d+\.tmp$/.exec(e.name)?.[1]);
      if (pid === process.pid || !alive(pid, e.name, dir)) rmSync(abs, { force: true });
    }
  }
}

/** The lines of a manifest (one path per line); none when there is no such file. */
export function readManifest(file: string): string[] {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Removes what a manifest line names, inside `root` only: a file, or (a line
 * ending in `/`) a folder that holds a samdok edition. Folders the removal
 * leaves empty go too.
 */
function removeEntry(root: string, entry: string): void {
  const rel = entry.replace(/\/$/, "");
  const parts = rel.split("/");
  if (rel === "" || path.isAbsolute(rel) || parts.includes("..") || parts.includes(".")) return;
  const abs = path.join(root, ...parts);
  const st = lstatOrUndefined(abs);
  if (!st) return;
  try {
    if (entry.endsWith("/")) {
      if (!st.isDirectory() || !readdirSync(abs).some((name) => EDITION_MANIFESTS.includes(name))) return;
      rmSync(abs, { recursive: true, force: true });
    } else if (st.isFile()) {
      rmSync(abs, { force: true });
    } else {
      return;
    }
    for (let dir = path.dirname(abs); dir !== root && isInside(root, dir); dir = path.dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  } catch {
    // Left as it is; the new edition does not link to it.
  }
}

type Kind = { kind: "missing" | "empty" | "edition" | "loose" } | { kind: "foreign"; example: string };

/** What the output folder holds now. */
function classify(out: string): Kind {
  if (!lstatOrUndefined(out)) return { kind: "missing" };
  const entries = readdirSync(out, { withFileTypes: true }).filter((e) => !(e.isFile() && ATOMIC_TEMP.test(e.name)));
  if (entries.length === 0) return { kind: "empty" };
  if (entries.some((e) => e.isFile() && EDITION_MANIFESTS.includes(e.name))) return { kind: "edition" };
  if (entries.some((e) => e.name === LEGACY_DOCX_EDITION) && entries.every((e) => e.isFile() && e.name.endsWith(".docx")))
    return { kind: "edition" };
  // Loose files (a report written there before the first build) are taken over; anything
  // that looks like a project or a set of documents is not.
  const odd = entries.find((e) => !e.isFile() || /\.md$/i.test(e.name) || ["samdok.config.json", "package.json"].includes(e.name));
  return odd ? { kind: "foreign", example: odd.name + (odd.isDirectory() ? "/" : "") } : { kind: "loose" };
}

export interface OpenOptions {
  cwd: string;
  /** The paths being built (folders or files), absolute. */
  sources: readonly string[];
  lang: Lang;
}

export class EditionFolder {
  /** The output folder (its real path, when the name given is a symbolic link). */
  readonly out: string;
  /** Where this build writes its edition, until commit(). */
  readonly stage: string;
  private readonly shown: string;
  private readonly lang: Lang;
  private done = false;

  private constructor(out: string, stage: string, shown: string, lang: Lang) {
    this.out = out;
    this.stage = stage;
    this.shown = shown;
    this.lang = lang;
  }

  /**
   * Checks the output folder, cleans what interrupted builds left beside it
   * and creates the empty stage folder. Fails fast, before any validation, on
   * a folder that cannot be written.
   * @param requested the output folder, absolute
   */
  static open(requested: string, options: OpenOptions): EditionFolder {
    const lang = options.lang;
    const shown = shownPath(requested, options.cwd);
    const say = (sv: string, en: string): UsageError => new UsageError(pick({ sv, en }, lang));
    const hint = pick(
      {
        sv: "samdok byter ut hela utgåvans mapp när den byggs, så ge utgåvan en egen mapp, till exempel --out dist.",
        en: "samdok replaces the whole edition folder when it builds, so give the edition a folder of its own, for example --out dist.",
      },
      lang,
    );

    // Compared by real paths, so a symbolic link in either path cannot hide the current folder.
    // dist -> /var/www/samdok: the folder the link leads to is the one replaced, the link stays.
    let out = requested;
    if (lstatOrUndefined(requested)) {
      try {
        out = realpathSync(requested);
      } catch {
        throw say(
          `--out ${shown} är en symbolisk länk som inte leder någonstans.`,
          `--out ${shown} is a symbolic link that leads nowhere.`,
        );
      }
    }
    const forms = (p: string): string[] => {
      try {
        return [p, realpathSync(p)];
      } catch {
        return [p];
      }
    };
    const holds = (p: string): boolean => [requested, out].some((o) => forms(p).some((f) => isInside(o, f)));
    if (path.dirname(out) === out || holds(options.cwd) || holds(os.homedir())) {
      throw say(
        `--out ${shown} är den aktuella mappen, hemmappen eller en mapp ovanför dem. ${hint}`,
        `--out ${shown} is the current folder, the home folder or a folder above them. ${hint}`,
      );
    }
    const source = options.sources.find(holds);
    if (source !== undefined) {
      throw say(
        `--out ${shown} innehåller dokumenten som byggs (${shownPath(source, options.cwd)}). ${hint}`,
        `--out ${shown} holds the documents being built (${shownPath(source, options.cwd)}). ${hint}`,
      );
    }
    const current = lstatOrUndefined(out);
    if (current && !current.isDirectory()) {
      throw say(
        `--out ${shown} är en fil, inte en mapp. Ange en mapp för utgåvan.`,
        `--out ${shown} is a file, not a folder. Name a folder for the edition.`,
      );
    }

    const parent = path.dirname(out);
    const cannot = (error: unknown): never => {
      const reason = fsReason(error, lang);
      if (reason === undefined) throw error;
      const where = (error as NodeJS.ErrnoException).path;
      const detail = typeof where === "string" && where !== out ? ` (${shownPath(where, options.cwd)})` : "";
      throw new UsageError(
        pick(
          {
            sv: `Kan inte skriva utgåvan i ${shown}: ${reason}${detail}.`,
            en: `Cannot write the edition to ${shown}: ${reason}${detail}.`,
          },
          lang,
        ),
        { cause: error },
      );
    };
    try {
      ensureDir(parent);
    } catch (error) {
      cannot(error);
    }

    // What interrupted builds left: stale stage folders go; a previous edition moved aside
    // by a swap that never finished comes back.
    const base = path.basename(out);
    let siblings: string[] = [];
    try {
      siblings = readdirSync(parent);
    } catch (error) {
      cannot(error);
    }
    const stale = siblings
      .map((name) => ({ name, m: SIBLING.exec(name) }))
      .filter((s) => s.m && s.m[1] === base && !alive(Number(s.m[3]), s.name, parent));
    const olds = stale
      .filter((s) => s.m?.[2] === "old")
      .sort((a, b) => lstatSync(path.join(parent, b.name)).mtimeMs - lstatSync(path.join(parent, a.name)).mtimeMs);
    if (!lstatOrUndefined(out) && olds[0]) {
      try {
        renameSync(path.join(parent, olds[0].name), out);
        olds.shift();
      } catch {
        // Left for the next build.
      }
    }
    for (const s of [...stale.filter((x) => x.m?.[2] === "new"), ...olds]) {
      try {
        rmSync(path.join(parent, s.name), { recursive: true, force: true });
      } catch {
        // Left for the next build.
      }
    }

    const kind = classify(out);
    if (kind.kind === "foreign") {
      throw say(
        `--out ${shown} innehåller annat än en tidigare utgåva från samdok (till exempel ${kind.example}). ${hint} Välj en ny eller tom mapp, eller töm ${shown}.`,
        `--out ${shown} holds other things than a previous samdok edition (for example ${kind.example}). ${hint} Choose a new or empty folder, or empty ${shown}.`,
      );
    }
    if (kind.kind === "edition") removeStaleTemps(out);

    const stage = path.join(parent, `.${base}.samdok-new-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      mkdirSync(stage);
      // The new folder gets the old one's permissions (a web server may need to read it).
      const mode = lstatOrUndefined(out)?.mode;
      if (mode !== undefined) chmodSync(stage, mode & 0o7777);
    } catch (error) {
      rmSync(stage, { recursive: true, force: true });
      // In a folder that exists, "no such file" means no folder can be made there (/proc).
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw say(
          `Kan inte skapa utgåvans mapp ${shown}: det går inte att skapa mappar i ${shownPath(parent, options.cwd)}.`,
          `Cannot create the edition folder ${shown}: no folder can be created in ${shownPath(parent, options.cwd)}.`,
        );
      }
      // The stage folder's name means nothing to a user: the error is about the output folder.
      if (error instanceof Error) (error as NodeJS.ErrnoException).path = out;
      cannot(error);
    }
    active.set(stage, requested);
    return new EditionFolder(out, stage, shown, lang);
  }

  /** Carries the previous edition's files over into the stage folder (samdok's temporary files excepted). */
  carryOver(): void {
    if (!lstatOrUndefined(this.out)) return;
    const walk = (from: string, to: string): void => {
      for (const e of readdirSync(from, { withFileTypes: true })) {
        const src = path.join(from, e.name);
        const dst = path.join(to, e.name);
        if (e.isDirectory()) {
          mkdirSync(dst);
          chmodSync(dst, statSync(src).mode & 0o7777);
          walk(src, dst);
        } else if (e.isFile()) {
          if (ATOMIC_TEMP.test(e.name)) continue;
          try {
            linkSync(src, dst);
          } catch {
            copyFileSync(src, dst);
            const st = statSync(src);
            utimesSync(dst, st.atime, st.mtime);
            fsyncPath(dst);
          }
        } else if (e.isSymbolicLink()) {
          // A link to a folder would let the build write, and the stale-file cleanup delete, outside the edition.
          if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) {
            throw new UsageError(
              pick(
                {
                  sv: `${shownPath(src)} i utgåvans mapp är en symbolisk länk till en mapp. samdok skriver och städar bara inuti utgåvans mapp och följer inte länken. Ta bort länken och bygg igen. Den tidigare utgåvan är orörd.`,
                  en: `${shownPath(src)} in the edition folder is a symbolic link to a folder. samdok writes and cleans up only inside the edition folder and does not follow the link. Remove the link and build again. The previous edition is untouched.`,
                },
                this.lang,
              ),
            );
          }
          symlinkSync(readlinkSync(src), dst);
        } else {
          throw new UsageError(
            pick(
              {
                sv: `${shownPath(src)} i utgåvans mapp är varken en fil, en mapp eller en länk, och följer inte med till nästa utgåva. Ta bort den och bygg igen. Den tidigare utgåvan är orörd.`,
                en: `${shownPath(src)} in the edition folder is neither a file, a folder nor a link, and cannot move to the next edition. Remove it and build again. The previous edition is untouched.`,
              },
              this.lang,
            ),
          );
        }
      }
    };
    try {
      walk(this.out, this.stage);
    } catch (error) {
      const reason = fsReason(error, this.lang);
      if (reason === undefined) throw error;
      const where = (error as NodeJS.ErrnoException).path;
      const detail = typeof where === "string" ? ` (${publicPath(where)})` : "";
      throw new UsageError(
        pick(
          {
            sv: `Kunde inte föra över den förra utgåvans filer till den nya${detail}: ${reason}. Den tidigare utgåvan är orörd.`,
            en: `Could not carry the previous edition's files over to the new one${detail}: ${reason}. The previous edition is untouched.`,
          },
          this.lang,
        ),
        { cause: error },
      );
    }
  }

  /**
   * Readies the stage folder, after carryOver(), for this build's layout: one
   * edition in the folder itself (`sets` undefined), or one per set in the
   * subfolders `sets` names. What the previous build's layout left and this
   * one does not write goes: a set no longer built, every set's folder when
   * one edition is written again, the single edition's files (as its
   * manifests list them) when the sets get folders. Only folders that hold
   * a samdok edition are removed; anything else stays.
   */
  arrangeSets(sets: readonly string[] | undefined): void {
    const keep = new Set((sets ?? []).map((s) => `${s}/`));
    for (const entry of readManifest(path.join(this.stage, SETS_MANIFEST))) {
      if (!keep.has(entry)) removeEntry(this.stage, entry);
    }
    if (sets === undefined) {
      rmSync(path.join(this.stage, SETS_MANIFEST), { force: true });
      return;
    }
    for (const manifest of EDITION_MANIFESTS.filter((m) => m !== SETS_MANIFEST)) {
      const file = path.join(this.stage, manifest);
      for (const entry of readManifest(file)) removeEntry(this.stage, entry);
      rmSync(file, { force: true });
    }
  }

  /** Records the sets' folders and the top-level files (the index of the sets) a build of several sets wrote. */
  recordSets(sets: readonly string[], files: readonly string[]): void {
    writeFileAtomic(path.join(this.stage, SETS_MANIFEST), [...sets.map((s) => `${s}/`), ...files].sort().join("\n") + "\n");
  }

  /** Swaps the stage folder in for the output folder. */
  commit(): void {
    const parent = path.dirname(this.out);
    const syncTree = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) syncTree(path.join(dir, e.name));
      fsyncPath(dir);
    };
    const failed = (error: unknown): never => {
      const reason = fsReason(error, this.lang);
      if (reason === undefined) throw error;
      throw new UsageError(
        pick(
          {
            sv: `Kunde inte byta ut utgåvans mapp ${this.shown} mot den nya: ${reason}. Den tidigare utgåvan är orörd.`,
            en: `Could not replace the edition folder ${this.shown} with the new one: ${reason}. The previous edition is untouched.`,
          },
          this.lang,
        ),
        { cause: error },
      );
    };
    syncTree(this.stage);
    if (!lstatOrUndefined(this.out)) {
      try {
        renameSync(this.stage, this.out);
      } catch (error) {
        failed(error);
      }
    } else {
      // Linux could exchange the two folders in one step (renameat2 RENAME_EXCHANGE), but
      // Node has no call for it. Two renames instead: between them, for an instant, there is
      // no output folder at all (a reader gets "not found", never a mix), and a build killed
      // right there leaves the previous edition complete in .<out>.samdok-old-*, which the
      // next build puts back before it starts.
      const old = path.join(parent, `.${path.basename(this.out)}.samdok-old-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        renameSync(this.out, old);
      } catch (error) {
        failed(error);
      }
      try {
        renameSync(this.stage, this.out);
      } catch (error) {
        try {
          renameSync(old, this.out);
        } catch {
          // The next build puts it back.
        }
        failed(error);
      }
      this.done = true;
      active.delete(this.stage);
      fsyncPath(parent);
      try {
        rmSync(old, { recursive: true, force: true });
      } catch {
        // The next build removes it.
      }
      return;
    }
    this.done = true;
    active.delete(this.stage);
    fsyncPath(parent);
  }

  /** Removes the stage folder of a build that did not commit (a failure, a refusal). Safe to call twice. */
  discard(): void {
    if (this.done) return;
    this.done = true;
    active.delete(this.stage);
    try {
      rmSync(this.stage, { recursive: true, force: true });
    } catch {
      // The next build removes it.
    }
  }
}
