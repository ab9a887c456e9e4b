/**
 * A document's versions over time: one record per version, from git, with
 * the working copy as the newest state. Commands ask for the timelines of the
 * documents they have loaded (`loadTimelines`); everything else about versions
 * in force and parties (in-force.ts) is pure and works on these records.
 *
 * Git is asked once for all documents: one `git log` over the sets' folders
 * and one `git cat-file --batch` for every old text. Outside git (no git, no
 * repository, no commits) a timeline holds the working copy alone and says so
 * (`git: false`); that is a notice, never an error.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../types.js";
import type { Status } from "../document.js";
import { Git, GitFailure } from "../git.js";
import { parseFrontMatter } from "../front-matter.js";
import { decodeDocument, MAX_FILE_BYTES } from "../read.js";
import { parseDocumentVersion, compareParsedVersions } from "../document-version.js";
import { UsageError } from "../errors.js";
import { readBlobs, readLog, type RepositoryLog, type Snapshot } from "./git-log.js";

/** One version of a document: the state of its latest commit (or the working copy). */
export interface VersionRecord {
  /** The `version` as written ("2.0"); "" when the state had none that could be read. */
  version: string;
  status: Status | string;
  /** The front matter, parsed the safe way (core/front-matter.ts). */
  data: Record<string, unknown>;
  /** The whole text (NFC, LF, no BOM). */
  text: string;
  /** 40 hex digits; absent for the working copy. */
  commit?: string;
  /** Commit date, YYYY-MM-DD; absent for the working copy. */
  committed?: string;
  /** Path relative to the repository's root at that commit. */
  path?: string;
  /** True for the state in the working tree when it differs from the last commit. */
  workingCopy?: true;
}

export interface DocumentTimeline {
  absPath: string;
  /** Path relative to the repository's root, when the document is in one. */
  repoPath?: string;
  /** Committed versions, oldest first, one per version (its latest commit). */
  committed: VersionRecord[];
  /** The document as it is in the working tree, always present. */
  workingCopy: VersionRecord;
  /** True when the working copy differs from its last commit (or was never committed). */
  uncommitted: boolean;
  /** False when git could not be asked: the timeline is the working copy alone. */
  git: boolean;
  /** True when the repository is a shallow clone: older versions may be missing. */
  shallow?: boolean;
}

/** The versions, oldest first, with the working copy in place of (or after) its committed version. */
export function versionsOf(t: DocumentTimeline): VersionRecord[] {
  if (!t.uncommitted) return t.committed;
  const rest = t.committed.filter((r) => r.version !== t.workingCopy.version);
  return [...rest, t.workingCopy];
}

/** A state of a document, read from its text; undefined when the front matter cannot be parsed. */
export function recordOf(text: string, extra: Partial<VersionRecord> = {}): VersionRecord | undefined {
  const parsed = parseFrontMatter(text, { positions: false });
  if (!parsed.ok) return undefined;
  const data = parsed.value.data;
  const version = typeof data.version === "string" ? data.version : "";
  const status = typeof data.status === "string" ? data.status : "";
  return { version, status, data, text, ...extra };
}

function decode(bytes: Buffer): string | undefined {
  const decoded = decodeDocument(bytes);
  return decoded.ok ? decoded.text : undefined;
}

/**
 * The version a state's front matter names, read from its top-level
 * `version:` line without parsing the YAML: enough to group a file's states
 * by version, so that only the latest state of each version is parsed.
 * Undefined when the line is not in that plain form (then the state is parsed).
 */
function versionLine(text: string): string | undefined {
  return topLevelLine(text, "version", "[0-9]+\\.[0-9]+");
}

/** A top-level `key: value` of the front matter in its plain form (value matching `pattern`), read without parsing the YAML. */
function topLevelLine(text: string, key: string, pattern: string): string | undefined {
  if (!text.startsWith("---")) return undefined;
  const end = text.search(/\n---[ \t]*(\n|$)/);
  const head = end === -1 ? text : text.slice(0, end);
  const m = new RegExp(`^${key}:[ \\t]*(["']?)(${pattern})\\1[ \\t]*(#.*)?$`, "m").exec(head);
  return m ? m[2] : undefined;
}

/**
 * The committed versions from a file's snapshots (newest first): one record
 * per version, each its latest commit whose front matter can be read, oldest
 * first. A version that comes back after a later one (a revert) is the same
 * version: its latest state wins.
 */
function versionsFrom(snapshots: readonly Snapshot[], blobs: ReadonlyMap<string, Buffer>, id: unknown): VersionRecord[] {
  const byVersion = new Map<string, VersionRecord>();
  const order: string[] = [];
  const settled = new Set<string>();
  for (const s of snapshots) {
    const bytes = blobs.get(s.blob);
    const text = bytes ? decode(bytes) : undefined;
    if (text === undefined) continue;
    // A state with another id is another document (files swapped, or a new document in an old one's
    // place): the trail ends there, so that no edition publishes another document's text as this one's.
    const quickId = topLevelLine(text, "id", "[a-z0-9][a-z0-9-]*");
    if (quickId !== undefined && quickId !== id) break;
    const quick = versionLine(text);
    if (quick !== undefined && settled.has(quick)) continue;
    const record = recordOf(text, { commit: s.commit, committed: s.committed, path: s.path });
    if (!record) continue;
    if (record.data.id !== id) break;
    if (quick !== undefined) settled.add(quick);
    if (byVersion.has(record.version)) continue;
    byVersion.set(record.version, record);
    order.push(record.version);
  }
  return order.reverse().map((v) => byVersion.get(v) as VersionRecord);
}

export interface TimelineInput {
  absPath: string;
  /** The working copy's text (NFC, LF), or how to read it: read only when git is there to compare it with. */
  text: string | (() => string);
  /**
   * The document root (the set's folder), absolute: a version from before the
   * file was moved in from outside it is not one of this document's versions.
   */
  root?: string;
}

export interface TimelineOptions {
  cwd: string;
  lang: Lang;
  /**
   * Only the versions git knows: outside git the result is empty instead of
   * the working copies alone (due and report, which have the working copies
   * already, need not read and parse them again).
   */
  gitOnly?: boolean;
  /** Follow one file's renames with `git log --follow` instead of reading the folders' log. */
  follow?: boolean;
}

function textOf(d: TimelineInput): string {
  return typeof d.text === "string" ? d.text : d.text();
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The real path, as the file system spells it (`.native`: on Windows and macOS the letters' true case, which git's paths have). */
function realFolder(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/**
 * The timelines of `docs`, by absolute path. One `git log` over the folders
 * the documents are in (or `--follow` of the one document), one
 * `git cat-file --batch` for the texts of every version.
 */
export function loadTimelines(docs: readonly TimelineInput[], options: TimelineOptions): Map<string, DocumentTimeline> {
  const result = new Map<string, DocumentTimeline>();
  const alone = (d: TimelineInput, git: boolean): DocumentTimeline => {
    const text = textOf(d);
    const workingCopy = recordOf(text) ?? { version: "", status: "", data: {}, text };
    return { absPath: d.absPath, committed: [], workingCopy: { ...workingCopy, workingCopy: true }, uncommitted: true, git };
  };
  if (docs.length === 0) return result;
  const first = docs[0] as TimelineInput;
  const git = new Git(path.dirname(first.absPath), options.lang);
  // One git process for the repository's root and whether it is a shallow clone; a repository
  // without commits fails at `git log` below and is then treated like no repository.
  let top: string;
  let shallow = false;
  try {
    const [first = "", second = ""] = git.text(["rev-parse", "--show-toplevel", "--is-shallow-repository"]).split("\n");
    top = first.trim();
    shallow = second.trim() === "true";
  } catch (error) {
    if (!(error instanceof GitFailure) && !(error instanceof UsageError)) throw error;
    if (options.gitOnly !== true) for (const d of docs) result.set(d.absPath, alone(d, false));
    return result;
  }
  const root = realFolder(top);
  const repoPathOf = (abs: string): string | undefined => {
    const dir = realFolder(path.dirname(abs));
    const rel = path.relative(root, dir);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
    // The file's name as the file system spells it (a name typed in another case on Windows), unless
    // the file is a link elsewhere: then the name in the folder (links are not documents anyway).
    const real = realFolder(abs);
    const name = path.dirname(real) === dir ? path.basename(real) : path.basename(abs);
    return toPosix(path.join(rel, name));
  };
  const folders = [...new Set(docs.map((d) => repoPathOf(d.absPath)).filter((p): p is string => p !== undefined))].map((p) =>
    path.posix.dirname(p),
  );
  const prefixes = [...new Set(folders)].filter((f, _, all) => !all.some((o) => o !== f && (o === "." || f.startsWith(`${o}/`))));
  const single = options.follow === true && docs.length === 1 ? repoPathOf(first.absPath) : undefined;
  const log: RepositoryLog | undefined = readLog(
    git,
    prefixes.map((p) => (p === "." ? "" : p)),
    single,
  );
  if (!log) {
    if (options.gitOnly !== true) for (const d of docs) result.set(d.absPath, alone(d, false));
    return result;
  }
  const trails = new Map<string, Snapshot[]>();
  for (const d of docs) {
    const rp = repoPathOf(d.absPath);
    const rootRel = d.root === undefined ? undefined : path.relative(root, realFolder(d.root));
    const prefix = rootRel === undefined || rootRel === "" ? "" : `${toPosix(rootRel)}/`;
    const inside = (p: string): boolean => prefix === "" || p.startsWith(prefix);
    trails.set(d.absPath, rp === undefined ? [] : log.snapshots(rp, inside));
  }
  const blobs = readBlobs(
    git,
    [...trails.values()].flatMap((s) => s.map((x) => x.blob)),
    MAX_FILE_BYTES,
  );
  for (const d of docs) {
    const snapshots = trails.get(d.absPath) ?? [];
    const base = alone(d, true);
    const committed = versionsFrom(snapshots, blobs, base.workingCopy.data.id);
    const head = snapshots[0];
    const headBytes = head ? blobs.get(head.blob) : undefined;
    const headText = headBytes ? decode(headBytes) : undefined;
    const timeline: DocumentTimeline = { ...base, committed, uncommitted: headText !== base.workingCopy.text };
    const rp = repoPathOf(d.absPath);
    if (rp !== undefined) timeline.repoPath = rp;
    if (shallow) timeline.shallow = true;
    result.set(d.absPath, timeline);
  }
  return result;
}

/** Sorts records by version number, oldest first; records without a readable version keep their place at the start. */
export function byVersion(records: readonly VersionRecord[]): VersionRecord[] {
  return [...records].sort((a, b) => {
    const pa = parseDocumentVersion(a.version);
    const pb = parseDocumentVersion(b.version);
    if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
    return compareParsedVersions(pa, pb);
  });
}
