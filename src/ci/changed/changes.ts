/**
 * What changed in one set, as the change rules see it: git's list of changed
 * paths turned into changed documents (now and at the base), new documents
 * and deleted ones, with every document of the set at the base by id.
 */
import path from "node:path";
import type { Change } from "../../core/git.js";
import { decodeDocument } from "../../core/read.js";
import { readDocumentFile } from "../../core/read-regular.js";
import { parseFrontMatter } from "../../core/front-matter.js";
import { isMarkdown } from "../../core/discover.js";
import type { BaseDocument, ChangedDocument, HeadDocument } from "../../rules/lib/change-context.js";
import { configPathOf, isDocumentPath, rootPathOf, type Repository, type SetInfo, type SetPlaces } from "./repository.js";

/** One set's changes, read. */
export interface SetChanges {
  /** The set's samdok.config.json changed (or was renamed): every document is reported. */
  configChanged: boolean;
  /** Changed, renamed and new documents, each with its base version when it had one. */
  changed: ChangedDocument[];
  /** Base documents that are gone (not renamed or moved). */
  deleted: BaseDocument[];
  /** Every document of the set at the base, by id. */
  baseById: Map<string, BaseDocument[]>;
  /**
   * Base documents moved as documents into another set: not gone (no SD306),
   * but every link to their old place in this set is now broken.
   */
  movedAway: BaseDocument[];
  /**
   * Root paths, now and at the base, of the set's changed files that are no
   * documents (a picture, an attachment): a document that links one is
   * reported, so that a deleted picture or one replaced by a link out of the
   * root is seen (SD134, SD009).
   */
  otherFiles: string[];
}

/** Front matter and body of a file's bytes, or undefined when it cannot be parsed. */
function parseSource(bytes: Uint8Array): { data: Record<string, unknown>; body: string } | undefined {
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return undefined;
  let split: ReturnType<typeof parseFrontMatter>;
  try {
    split = parseFrontMatter(decoded.text);
  } catch {
    return undefined; // never stops the run (a base version is not validated)
  }
  if (!split.ok) return undefined;
  const lines = decoded.text.split("\n");
  return { data: split.value.data, body: lines.slice(split.value.bodyLine - 1).join("\n") };
}

/** A document as it was at the base; without data and body when its bytes cannot be parsed. */
export function baseDocument(repoPath: string, bytes: Uint8Array | undefined, repo: Repository): BaseDocument {
  const doc: BaseDocument = { repoPath, display: repo.display(repoPath) };
  const parsed = bytes ? parseSource(bytes) : undefined;
  if (parsed) {
    doc.data = parsed.data;
    doc.body = parsed.body;
  }
  return doc;
}

/** The changes that touch the set: a path in it now, or renamed from it. */
export function changesIn(info: SetInfo, changes: readonly Change[], places: SetPlaces): Change[] {
  return changes.filter((c) => places.setOf(c.path) === info || (c.from !== undefined && places.setOf(c.from) === info));
}

/** The set's changes read against the base: what changed, what is new, what is gone. */
export function readChanges(info: SetInfo, setChanges: readonly Change[], places: SetPlaces, repo: Repository): SetChanges {
  const configRel = configPathOf(info);
  const configChanged = setChanges.some((c) => c.path === configRel || c.from === configRel);
  const baseDocs = readBase(info, setChanges, places, repo);
  const { changed, added, deleted, movedAway } = sortChanges(info, setChanges, baseDocs, places, repo);
  pairMoves(added, deleted);
  changed.push(...added);
  const otherFiles: string[] = [];
  for (const c of setChanges) {
    for (const p of [c.path, c.from]) {
      if (p !== undefined && places.setOf(p) === info && !isDocumentPath(rootPathOf(info, p))) otherFiles.push(rootPathOf(info, p));
    }
  }
  return { configChanged, changed, deleted, baseById: byId(baseDocs), movedAway, otherFiles };
}

/** Every document of the set at the base, for ids and for comparing, by repository path. */
function readBase(info: SetInfo, setChanges: readonly Change[], places: SetPlaces, repo: Repository): Map<string, BaseDocument> {
  const basePaths = repo.git
    .filesAt(repo.base, info.rootRel)
    .filter((p) => places.setOf(p) === info && isDocumentPath(rootPathOf(info, p)));
  // Renamed-in documents may come from outside the set.
  for (const c of setChanges) if (c.from && isMarkdown(c.from) && !basePaths.includes(c.from)) basePaths.push(c.from);
  const blobs = repo.git.readAt(repo.base, basePaths);
  const baseDocs = new Map<string, BaseDocument>();
  for (const p of basePaths) {
    const bytes = blobs.get(p);
    if (bytes) baseDocs.set(p, baseDocument(p, bytes, repo));
  }
  return baseDocs;
}

function byId(baseDocs: ReadonlyMap<string, BaseDocument>): Map<string, BaseDocument[]> {
  const baseById = new Map<string, BaseDocument[]>();
  for (const doc of baseDocs.values()) {
    const id = doc.data?.id;
    if (typeof id !== "string") continue;
    baseById.set(id, [...(baseById.get(id) ?? []), doc]);
  }
  return baseById;
}

/** A loaded document as it is now, with its front matter and body read afresh for comparing. */
function headOf(info: SetInfo, rel: string, repo: Repository): HeadDocument | undefined {
  const result = info.byRepoPath.get(rel);
  if (!result) return undefined;
  const h: HeadDocument = { result };
  try {
    // Only a regular file is opened: a FIFO would block (read-regular.ts).
    const parsed = parseSource(readDocumentFile(path.join(repo.top, rel)));
    if (parsed) {
      h.data = parsed.data;
      h.body = parsed.body;
    }
  } catch {
    // Unreadable now: SD001 already says so; nothing to compare.
  }
  return h;
}

/** Each change as a changed or new document now, or a deleted one from the base. */
function sortChanges(
  info: SetInfo,
  setChanges: readonly Change[],
  baseDocs: ReadonlyMap<string, BaseDocument>,
  places: SetPlaces,
  repo: Repository,
): { changed: ChangedDocument[]; added: ChangedDocument[]; deleted: BaseDocument[]; movedAway: BaseDocument[] } {
  const changed: ChangedDocument[] = [];
  const added: ChangedDocument[] = [];
  const deleted: BaseDocument[] = [];
  const movedAway: BaseDocument[] = [];
  for (const c of setChanges) {
    if (c.kind === "deleted") {
      const doc = baseDocs.get(c.path);
      if (doc && places.setOf(c.path) === info) deleted.push(doc);
      continue;
    }
    const now = places.setOf(c.path) === info ? headOf(info, c.path, repo) : undefined;
    const from = c.kind === "renamed" ? c.from : c.kind === "modified" ? c.path : undefined;
    const before = from !== undefined ? baseDocs.get(from) : undefined;
    if (!now) {
      // Renamed out of the set: at the base it was ours. Into a file that is no document, or out of
      // every set (an archive folder), it is gone from the set (SD306); into another set as a
      // document, it moved, and the links to its old place here still break.
      if (c.kind === "renamed" && before && c.from !== undefined && places.setOf(c.from) === info) {
        const target = places.setOf(c.path);
        if (target === undefined || !isDocumentPath(rootPathOf(target, c.path))) deleted.push(before);
        else movedAway.push(before);
      }
      continue;
    }
    const entry: ChangedDocument = { head: now, moved: before !== undefined && before.repoPath !== c.path };
    if (before) entry.base = before;
    (before ? changed : added).push(entry);
  }
  return { changed, added, deleted, movedAway };
}

/**
 * A deleted document and a new one with the same id are one document that
 * moved (a rename git did not recognise because the text changed too much):
 * the new one gets the deleted one as its base, and the deletion is dropped.
 */
function pairMoves(added: ChangedDocument[], deleted: BaseDocument[]): void {
  for (const entry of added) {
    const id = entry.head.data?.id;
    if (typeof id !== "string") continue;
    const matches = deleted.filter((d) => d.data?.id === id);
    const twins = added.filter((a) => a.head.data?.id === id);
    const gone = matches[0];
    if (matches.length === 1 && twins.length === 1 && gone) {
      entry.base = gone;
      entry.moved = true;
      deleted.splice(deleted.indexOf(gone), 1);
    }
  }
}
