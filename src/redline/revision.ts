/**
 * `--redline REF` with a git revision: each document of the edition is
 * compared with the same document at REF. The sets' files at REF are listed
 * in one `git ls-tree` and read in one `git cat-file --batch`; a document is
 * found at REF by its id (so a renamed file is still the same document),
 * else by its path (a document whose id was changed). A file that is the
 * same at REF as now is not parsed again.
 *
 * A document at REF that is no longer in the edition is listed as removed:
 * "borttagen" when no document of the sets has its id now, "upphävd" when
 * it is still there but was repealed since REF.
 */
import path from "node:path";
import type { LoadedConfig } from "../core/config.js";
import type { Out } from "../cli/io.js";
import type { Edition, EditionDocument, EditionFilters } from "../render/edition.js";
import type { RedlineRemoved } from "./types.js";
import { readBlobs } from "../core/history/git-log.js";
import { decodeDocument, MAX_FILE_BYTES } from "../core/read.js";
import { asPrefix, documentsAt, realPath, repoPathOf, resolveRevision, type Repository } from "./repository.js";
import { noteRemovedSet } from "./per-set.js";
import { comparedWith, readBase, sameAs, type Compared, type ReadBase, type ReadContext } from "./read-base.js";

/** A set's root in the repository. */
export interface SetRoot {
  set: LoadedConfig;
  /** Repository-relative, POSIX; "" for the repository's root. */
  path: string;
}

export interface RevisionOptions extends ReadContext {
  ref: string;
  /** The paths the build was given (absolute): a document of REF outside them is not "removed". */
  paths: readonly string[];
  filters: EditionFilters;
  stderr: Out;
}

/** What a comparison with REF found. */
export interface Found {
  label: string;
  /** Each published document's earlier version; absent: new since REF. */
  bases: Map<EditionDocument, Compared>;
  removed: RedlineRemoved[];
}

/** A document file at REF. */
interface AtRef {
  path: string;
  root: SetRoot;
  bytes: Uint8Array;
  text: string;
  /** Its id and front matter, once known (from the identical document of today, or read). */
  id?: string;
  data?: Record<string, unknown>;
  read?: ReadBase;
}

/**
 * A document's key: its set and its id. Two sets may each have a document
 * of the same id; they are different documents, and never compared.
 */
function keyOf(d: EditionDocument | AtRef): string {
  const root = "loaded" in d ? d.loaded.root : d.root.set.root;
  const id = "loaded" in d ? d.doc.id : (d.id ?? "");
  return `${root}\0${id}`;
}

/** The deepest set root `p` is under (a set inside another set's folder is its own set). */
function rootOf(p: string, roots: readonly SetRoot[]): SetRoot | undefined {
  let best: SetRoot | undefined;
  for (const r of roots) {
    const prefix = asPrefix(r.path);
    if (p.startsWith(prefix) && (!best || prefix.length > asPrefix(best.path).length)) best = r;
  }
  return best;
}

/** The sets' documents at `commit`, decoded; a file too large or not UTF-8 is no document. */
function filesAt(repo: Repository, commit: string, roots: readonly SetRoot[]): AtRef[] {
  const entries = documentsAt(
    repo,
    commit,
    roots.map((r) => r.path),
  );
  const blobs = readBlobs(
    repo.git,
    entries.map((e) => e.blob),
    MAX_FILE_BYTES,
  );
  const files: AtRef[] = [];
  for (const e of entries) {
    const bytes = blobs.get(e.blob);
    const root = rootOf(e.path, roots);
    if (!bytes || !root) continue;
    const decoded = decodeDocument(bytes);
    if (decoded.ok) files.push({ path: e.path, root, bytes, text: decoded.text });
  }
  return files;
}

/** How readers are told what the edition is compared with: "v1.0 (a1b2c3d4e5f6)", or the short hash alone when REF is one. */
export function revisionLabel(ref: string, commit: string): string {
  const short = commit.slice(0, 12);
  return /^[0-9a-f]{4,64}$/i.test(ref) && commit.startsWith(ref.toLowerCase()) ? short : `${ref} (${short})`;
}

/** The documents of the edition compared with REF, and those of REF no longer in it. */
export function revisionBases(edition: Edition, repo: Repository, roots: readonly SetRoot[], options: RevisionOptions): Found {
  const commit = resolveRevision(repo, options.ref, options.lang);
  const short = commit.slice(0, 12);
  const files = filesAt(repo, commit, roots);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const published = new Set(edition.documents);
  const pathOf = new Map(edition.all.map((d) => [d, repoPathOf(repo, d.absPath)]));
  for (const d of edition.documents) if (!pathOf.has(d)) pathOf.set(d, repoPathOf(repo, d.absPath));
  const bases = new Map<EditionDocument, Compared>();
  const used = new Set<AtRef>();
  const fromOf = (f: AtRef): Compared["from"] => ({ commit: short, path: f.path });

  // The same file as today: its id and fields are today's, and nothing is parsed.
  for (const [d, p] of pathOf) {
    const f = p === undefined ? undefined : byPath.get(p);
    if (!f || f.text !== d.text) continue;
    f.id = d.doc.id;
    f.data = d.result.data ?? {};
    if (published.has(d) && !bases.has(d)) {
      bases.set(d, sameAs(d, fromOf(f)));
      used.add(f);
    }
  }
  // The others are read for their ids.
  for (const f of files) {
    if (f.id !== undefined) continue;
    const read = readBase(f.bytes, f.path, f.path.slice(asPrefix(f.root.path).length), f.root.set, options);
    if (!read || typeof read.data.id !== "string") continue;
    f.read = read;
    f.id = read.data.id;
    f.data = read.data;
  }
  const byId = new Map<string, AtRef>();
  for (const f of files) if (f.id !== undefined && !byId.has(keyOf(f))) byId.set(keyOf(f), f);
  const today = new Set(edition.all.map(keyOf));
  for (const d of edition.documents) {
    if (bases.has(d)) continue;
    const p = pathOf.get(d);
    let f = byId.get(keyOf(d));
    if (!f || used.has(f)) {
      // By path only when the document there at REF is no other document of today's.
      const there = p === undefined ? undefined : byPath.get(p);
      f = there?.read && there.id !== undefined && !today.has(keyOf(there)) && !used.has(there) ? there : undefined;
    }
    if (!f?.read) continue;
    used.add(f);
    bases.set(d, comparedWith(f.text, f.read, fromOf(f), d, options.stderr, options.lang));
  }
  return { label: revisionLabel(options.ref, commit), bases, removed: removedSince(edition, files, used, pathOf, repo, options) };
}

/**
 * The paths the build was given, repository-relative (POSIX, "" for the
 * root); undefined when none were given (then all of the sets count).
 */
function namedPaths(repo: Repository, paths: readonly string[]): string[] | undefined {
  if (paths.length === 0) return undefined;
  return paths.flatMap((abs) => {
    const rel = path.relative(repo.top, realPath(abs));
    return rel.startsWith("..") || path.isAbsolute(rel) ? [] : [rel.split(path.sep).join("/")];
  });
}

/** True when the file at REF is under one of the named paths. */
function named(f: AtRef, paths: readonly string[] | undefined): boolean {
  return paths === undefined || paths.some((p) => p === "" || f.path === p || f.path.startsWith(`${p}/`));
}

/** True when the document at REF passes the edition's filters (by its fields then). */
function selected(data: Record<string, unknown>, filters: EditionFilters): boolean {
  const is = (list: string[] | undefined, value: unknown): boolean => !list?.length || (typeof value === "string" && list.includes(value));
  return is(filters.status, data.status) && is(filters.type, data.dokumenttyp) && is(filters.spar, data.spar);
}

/**
 * The documents of REF no longer in the edition: gone from the sets
 * ("borttagen"), or still there but repealed since REF ("upphävd"). A
 * document of REF that the build's paths or filters leave out is not
 * listed; one that is merely not in force (a draft) is not removed either.
 */
function removedSince(
  edition: Edition,
  files: readonly AtRef[],
  used: ReadonlySet<AtRef>,
  pathOf: ReadonlyMap<EditionDocument, string | undefined>,
  repo: Repository,
  options: RevisionOptions,
): RedlineRemoved[] {
  const published = new Set(edition.documents);
  const now = new Map<string, EditionDocument>();
  for (const d of edition.all) if (!now.has(keyOf(d))) now.set(keyOf(d), d);
  const atRef = new Set(files.map(keyOf));
  const atPath = new Map([...pathOf].filter((e): e is [EditionDocument, string] => e[1] !== undefined).map(([d, p]) => [p, d]));
  const paths = namedPaths(repo, options.paths);
  const removed: RedlineRemoved[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const data = f.data;
    if (used.has(f) || f.id === undefined || !data || seen.has(keyOf(f))) continue;
    seen.add(keyOf(f));
    if (!named(f, paths) || !selected(data, options.filters)) continue;
    const titel = typeof data.titel === "string" ? data.titel : f.id;
    const current = now.get(keyOf(f));
    if (current) {
      if (!published.has(current) && current.doc.status === "upphävd" && data.status !== "upphävd")
        removed.push(noteRemovedSet({ id: f.id, titel, path: f.path, reason: "upphävd" }, f.root.set.root));
      continue;
    }
    // Its file is still there under another id that REF did not have: the same document, renamed (and not published).
    const there = atPath.get(f.path);
    if (there && !atRef.has(keyOf(there))) continue;
    removed.push(noteRemovedSet({ id: f.id, titel, path: f.path, reason: "borttagen" }, f.root.set.root));
  }
  return removed;
}
