/**
 * Where things are in pull-request mode. Git speaks in paths relative to the
 * repository's root, the loaded sets in paths relative to their own roots,
 * and messages in paths relative to the working directory; this module turns
 * one into the other, and says which loaded set a repository path belongs to.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { DocumentResult } from "../../core/types.js";
import type { DocumentSet, RunOptions } from "../../core/pipeline/index.js";
import { CONFIG_FILE } from "../../core/config.js";
import { isMarkdown } from "../../core/discover.js";
import { toPosix } from "../../core/paths.js";
import type { Git } from "../../core/git.js";

/** The repository as the run sees it: its root, the merge base, how paths are shown and which ones the user named. */
export interface Repository {
  git: Git;
  /** The repository's root (absolute, symbolic links resolved). */
  top: string;
  /** The merge base of the ref and HEAD: what "before" means. */
  base: string;
  /** A repository-relative path as messages show it: relative to the working directory. */
  display(rel: string): string;
  /** The repository-relative path of an absolute path (symbolic links resolved). */
  repoRel(abs: string): string;
  /** Does the path lie under one of the paths the user named? */
  inScope(rel: string): boolean;
}

/** A loaded set placed in the repository. */
export interface SetInfo {
  set: DocumentSet;
  /** The set's root relative to the repository's root ("" when it is the root). */
  rootRel: string;
  /** Documents by repository-relative path. */
  byRepoPath: Map<string, DocumentResult>;
}

/** The loaded sets in the repository, and the set a repository path belongs to. */
export interface SetPlaces {
  infos: SetInfo[];
  setOf(rel: string): SetInfo | undefined;
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** `p` is `prefix` or lies below it (repository-relative POSIX paths; "" is the root). */
export const under = (p: string, prefix: string): boolean => prefix === "" || p === prefix || p.startsWith(`${prefix}/`);

/**
 * The repository around the working directory. `top` is git's root (asked
 * first, so that "not a git repository" is the first thing the user hears).
 */
export function openRepository(git: Git, top: string, base: string, options: RunOptions): Repository {
  const topReal = real(top);
  const cwdReal = real(options.cwd);
  const repoRel = (abs: string): string => toPosix(path.relative(topReal, real(abs)));
  const scopes = options.paths.map((p) => repoRel(path.resolve(options.cwd, p)));
  return {
    git,
    top: topReal,
    base,
    display: (rel) => toPosix(path.relative(cwdReal, path.join(topReal, rel))) || rel,
    repoRel,
    inScope: (rel) => scopes.some((s) => under(rel, s)),
  };
}

/** Each loaded set with its place in the repository; a path belongs to the set with the deepest root above it. */
export function placeSets(sets: readonly DocumentSet[], repo: Repository): SetPlaces {
  const infos: SetInfo[] = sets.map((set) => {
    const rootRel = repo.repoRel(set.loaded.root);
    const byRepoPath = new Map<string, DocumentResult>();
    for (const doc of set.documents) byRepoPath.set(rootRel === "" ? doc.rootPath : `${rootRel}/${doc.rootPath}`, doc);
    return { set, rootRel, byRepoPath };
  });
  const setOf = (rel: string): SetInfo | undefined => {
    let best: SetInfo | undefined;
    for (const info of infos) if (under(rel, info.rootRel) && (!best || info.rootRel.length > best.rootRel.length)) best = info;
    return best;
  };
  return { infos, setOf };
}

/** A repository path relative to the set's root. */
export function rootPathOf(info: SetInfo, repoPath: string): string {
  return info.rootRel === "" ? repoPath : repoPath.slice(info.rootRel.length + 1);
}

/** The repository path of the set's samdok.config.json. */
export function configPathOf(info: SetInfo): string {
  return info.rootRel === "" ? CONFIG_FILE : `${info.rootRel}/${CONFIG_FILE}`;
}

/** Would `listMarkdown` have found this path below a set's root (no hidden folders, no node_modules)? */
export function isDocumentPath(rel: string): boolean {
  if (!isMarkdown(rel)) return false;
  const dirs = rel.split("/").slice(0, -1);
  return !dirs.some((d) => d.startsWith(".") || d === "node_modules");
}
