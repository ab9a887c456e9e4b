/**
 * What a redline edition asks git (`samdok build --redline REF`): the
 * repository, the commit REF names, the documents of the sets as they were
 * at that commit, and when each document of the edition was last committed
 * (Word's change date). Each question is one git process, whatever the
 * number of documents: an edition of 1,000 documents must not start 1,000.
 *
 * Only regular files count as documents at REF (git modes 100644 and
 * 100755): a committed symbolic link is a link's target, never followed and
 * never read, and only paths under the sets' roots are read at all.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../core/types.js";
import { Git, GitFailure } from "../core/git.js";
import { UsageError } from "../core/errors.js";
import { toPosix } from "../core/paths.js";
import { pick } from "../i18n/text.js";

/** The repository the sets are in. */
export interface Repository {
  git: Git;
  /** The repository's root, absolute, as the file system spells it. */
  top: string;
  shallow: boolean;
}

/** A file of a commit's tree: its path (repository-relative, POSIX) and blob. */
export interface TreeEntry {
  path: string;
  blob: string;
}

/** The real path, as the file system spells it; the path itself when it cannot be resolved. */
export function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/**
 * The repository `start` is in. Outside git (no git installed, no
 * repository) a usage error: a redline compares with a version in git, and
 * there is none.
 */
export function openRepository(start: string, ref: string, lang: Lang): Repository {
  const outside = (why: string): UsageError =>
    new UsageError(
      pick(
        {
          sv: `--redline ${ref} jämför med en version i git, men ${start} ligger inte i något git-arkiv (${why}). Bygg ändringsutgåvan i en klon av dokumentarkivet.`,
          en: `--redline ${ref} compares with a version in git, but ${start} is in no git repository (${why}). Build the redline edition in a clone of the document repository.`,
        },
        lang,
      ),
    );
  let out: string;
  try {
    out = new Git(start, lang).text(["rev-parse", "--show-toplevel", "--is-shallow-repository"]);
  } catch (error) {
    if (error instanceof GitFailure) throw outside(error.message.split("\n")[0] ?? "");
    if (error instanceof UsageError) throw outside(pick({ sv: "git hittades inte", en: "git was not found" }, lang));
    throw error;
  }
  const [first = "", second = ""] = out.split("\n");
  const top = realPath(first.trim());
  return { git: new Git(top, lang), top, shallow: second.trim() === "true" };
}

/** The commit `ref` names (40 hex digits), or a usage error that names REF. */
export function resolveRevision(repo: Repository, ref: string, lang: Lang): string {
  const hint = repo.shallow
    ? pick(
        {
          sv: " Arkivet är en grund klon: hämta hela historiken (git fetch --unshallow, eller fetch-depth: 0 i GitHub Actions).",
          en: " The repository is a shallow clone: fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions).",
        },
        lang,
      )
    : "";
  const unknown = (): UsageError =>
    new UsageError(
      pick(
        {
          sv: `--redline: "${ref}" är ingen version i git här. Ange en tagg, gren eller commit (till exempel v1.0 eller main), eller in-force för den version som gäller.${hint}`,
          en: `--redline: "${ref}" is no version in git here. Name a tag, branch or commit (for example v1.0 or main), or in-force for the version in force.${hint}`,
        },
        lang,
      ),
    );
  // An option-like ref ("--output=x") would be read by git as an option: refused before git sees it.
  if (ref === "" || ref.startsWith("-") || /[\0\n]/.test(ref)) throw unknown();
  try {
    const hash = repo.git.text(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]).trim();
    if (/^[0-9a-f]{40,64}$/.test(hash)) return hash;
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
  }
  throw unknown();
}

/** `abs` relative to the repository's root (POSIX), through the real folders; undefined outside it. */
export function repoPathOf(repo: Repository, abs: string): string | undefined {
  const dir = realPath(path.dirname(abs));
  const rel = path.relative(repo.top, dir);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return toPosix(path.join(rel, path.basename(abs)));
}

/** "" for the repository's root, else "folder/" (for prefix tests). */
export function asPrefix(repoPath: string): string {
  return repoPath === "" || repoPath === "." ? "" : `${repoPath}/`;
}

/** True for a path discovery would read as a document: *.md, no hidden folder or node_modules on the way (core/discover.ts). */
function isDocumentPath(relative: string): boolean {
  const parts = relative.split("/");
  const name = parts.pop() ?? "";
  return name.toLowerCase().endsWith(".md") && !parts.some((p) => p.startsWith(".") || p === "node_modules");
}

/**
 * The Markdown files under `roots` (repository-relative folders, "" for the
 * root) at `commit`, in one `git ls-tree`: regular files only, under a
 * root, where discovery would look.
 */
export function documentsAt(repo: Repository, commit: string, roots: readonly string[]): TreeEntry[] {
  const prefixes = [...new Set(roots.map(asPrefix))];
  const args = ["-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--full-tree", commit];
  if (!prefixes.includes("")) args.push("--", ...prefixes);
  const entries: TreeEntry[] = [];
  for (const line of repo.git.text(args).split("\0")) {
    // "<mode> SP <type> SP <object> TAB <path>"
    const tab = line.indexOf("\t");
    if (tab === -1) continue;
    const [mode = "", type = "", blob = ""] = line.slice(0, tab).split(" ");
    const p = line.slice(tab + 1);
    if (type !== "blob" || (mode !== "100644" && mode !== "100755")) continue;
    const root = prefixes.find((prefix) => p.startsWith(prefix));
    if (root === undefined || !isDocumentPath(p.slice(root.length))) continue;
    entries.push({ path: p, blob });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** When the documents were committed, as Word's change dates need it. */
export interface CommitDates {
  /** Repository path → the ISO time of the last commit that touched it. */
  lastTouched: Map<string, string>;
  /** Commit (40 hex) → its ISO time. */
  commitTime: Map<string, string>;
  /** Paths whose working copy differs from HEAD (modified, staged, untracked). */
  dirty: Set<string>;
}

/** "2026-11-20T12:00:00+01:00" → "2026-11-20T11:00:00Z" (seconds, UTC): the form w:date takes. */
export function isoSeconds(time: string | Date): string {
  const d = typeof time === "string" ? new Date(time) : time;
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The commit times of everything under `roots` (one `git log`) and the
 * paths whose working copy is not HEAD's (one `git status`). A repository
 * without commits has none of either.
 */
export function commitDates(repo: Repository, roots: readonly string[]): CommitDates {
  const lastTouched = new Map<string, string>();
  const commitTime = new Map<string, string>();
  const dirty = new Set<string>();
  const pathspecs = [...new Set(roots.map((r) => (asPrefix(r) === "" ? ":/" : `:(literal,top)${r}`)))];
  let log = "";
  try {
    log = repo.git.text([
      "-c",
      "core.quotePath=false",
      "log",
      "--format=%x1e%H%x1f%cI",
      "-z",
      "--name-only",
      "--no-renames",
      "--no-color",
      "--no-show-signature",
      "--",
      ...pathspecs,
    ]);
  } catch (error) {
    if (!(error instanceof GitFailure)) throw error;
  }
  for (const chunk of log.split("\x1e")) {
    const headerEnd = chunk.indexOf("\0");
    const header = headerEnd === -1 ? chunk : chunk.slice(0, headerEnd);
    const [hash = "", time = ""] = header.split("\x1f");
    if (!/^[0-9a-f]{40,64}$/.test(hash)) continue;
    const iso = isoSeconds(time.trim());
    commitTime.set(hash, iso);
    if (headerEnd === -1) continue;
    for (const p of chunk
      .slice(headerEnd + 1)
      .replace(/^\n/, "")
      .split("\0")) {
      if (p !== "" && !lastTouched.has(p)) lastTouched.set(p, iso);
    }
  }
  const status = repo.git.text([
    "--no-optional-locks",
    "-c",
    "core.quotePath=false",
    "status",
    "--porcelain=v1",
    "-z",
    "--untracked-files=all",
    "--no-renames",
    "--",
    ...pathspecs,
  ]);
  // "XY path\0": the path is relative to the root, since git runs there.
  for (const entry of status.split("\0")) if (entry.length > 3) dirty.add(entry.slice(3));
  return { lastTouched, commitTime, dirty };
}
