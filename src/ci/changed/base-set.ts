/**
 * The set-wide findings the set had at the base, for telling which findings
 * on an untouched document the pull request caused. A document the pull
 * request did not change is reported when it points at one it did change; its
 * own findings (an overdue revision, SD301) were there before and are none of
 * the change's business, but a set rule's finding on it (a link that now
 * breaks, SD133) may be new. The set as it was at the base is the untouched
 * documents as they are plus the base versions of the changed and deleted
 * ones (read from git, analysed like any document, without cache), and a
 * finding the set rules make there too is not the change's doing.
 */
import path from "node:path";
import type { Diagnostic, DocumentResult } from "../../core/types.js";
import { analyseSets } from "../../core/pipeline/analyse.js";
import { clearPositionCache, runSetRules, type RunOptions } from "../../core/pipeline/index.js";
import type { SetChanges } from "./changes.js";
import { isDocumentPath, rootPathOf, type Repository, type SetInfo, type SetPlaces } from "./repository.js";

/** The set rules' findings at the base, on the documents the change left as they were. */
export async function baseSetFindings(
  info: SetInfo,
  changes: SetChanges,
  places: SetPlaces,
  repo: Repository,
  options: Pick<RunOptions, "cwd" | "lang" | "today">,
): Promise<Map<DocumentResult, Diagnostic[]>> {
  const { set } = info;
  const changedNow = new Set(changes.changed.map((c) => c.head.result));
  const basePaths = [
    ...changes.changed.flatMap((c) => (c.base ? [c.base.repoPath] : [])),
    ...changes.deleted.map((d) => d.repoPath),
    ...changes.movedAway.map((d) => d.repoPath),
  ].filter((p) => places.setOf(p) === info && isDocumentPath(rootPathOf(info, p)));
  const blobs = repo.git.readAt(repo.base, basePaths);
  const bytesByAbs = new Map<string, Uint8Array>();
  for (const p of basePaths) {
    const bytes = blobs.get(p);
    if (bytes) bytesByAbs.set(path.join(set.loaded.root, rootPathOf(info, p)), bytes);
  }
  const readBase = (abs: string): Uint8Array => {
    const bytes = bytesByAbs.get(abs);
    if (!bytes) throw Object.assign(new Error(`not at the base: ${abs}`), { code: "ENOENT" });
    return bytes;
  };
  const [analysed] = await analyseSets([{ loaded: set.loaded, files: [...bytesByAbs.keys()].sort() }], {
    paths: [],
    cwd: options.cwd,
    lang: options.lang,
    today: options.today,
    jobs: 1,
    readFile: readBase,
  });
  // The set as the pipeline orders it: by absolute path.
  const byAbs = new Map<string, DocumentResult>();
  for (const doc of set.documents) if (!changedNow.has(doc)) byAbs.set(path.join(set.loaded.root, doc.rootPath), doc);
  for (const doc of analysed?.documents ?? []) byAbs.set(path.join(set.loaded.root, doc.rootPath), doc);
  const documents = [...byAbs.keys()].sort().map((abs) => byAbs.get(abs) as DocumentResult);
  // Positions are remembered by absolute path: the base versions share them with the files as they are now.
  clearPositionCache();
  try {
    return runSetRules({ loaded: set.loaded, documents }, options.lang, options.today);
  } finally {
    clearPositionCache();
  }
}

/** A finding's identity across the two runs: the same rule, place and words. */
const keyOf = (d: Diagnostic): string => `${d.ruleId}\0${d.line}\0${d.column}\0${d.message}`;

/**
 * Splits a document's set-rule findings now into those the base had too
 * (`before`) and those it did not (`caused`), each base finding matching at
 * most one finding now.
 */
export function splitByBase(now: readonly Diagnostic[], atBase: readonly Diagnostic[]): { caused: Diagnostic[]; before: Diagnostic[] } {
  const left = new Map<string, number>();
  for (const d of atBase) left.set(keyOf(d), (left.get(keyOf(d)) ?? 0) + 1);
  const caused: Diagnostic[] = [];
  const before: Diagnostic[] = [];
  for (const d of now) {
    const n = left.get(keyOf(d)) ?? 0;
    if (n > 0) {
      left.set(keyOf(d), n - 1);
      before.push(d);
    } else caused.push(d);
  }
  return { caused, before };
}
