/**
 * Which documents of a set pull-request mode reports: the changed ones,
 * every one that points at a changed or deleted document (by id in the front
 * matter, or by a link in the text, so that a link to a renamed or deleted
 * document is seen to break, and every one that links a changed picture or
 * attachment), and after a change of the set's
 * samdok.config.json every document of the set.
 */
import path from "node:path";
import type { DocumentResult } from "../../core/types.js";
import { decodeLinkText, isExternal, resolvePath, splitLink } from "../../core/links.js";
import { ID_LINK_FIELDS } from "../../rules/sd007-id-lankar.js";
import { rootPathOf, type SetInfo } from "./repository.js";
import type { SetChanges } from "./changes.js";

/** The documents of the set to report (before the change rules add those they report on). */
export function selectReported(info: SetInfo, changes: SetChanges): Set<DocumentResult> {
  const report = new Set<DocumentResult>();
  if (changes.configChanged) for (const doc of info.set.documents) report.add(doc);
  for (const c of changes.changed) report.add(c.head.result);
  const { ids, rootPaths } = targets(info, changes);
  for (const doc of info.set.documents) {
    if (!report.has(doc) && pointsAt(doc, ids, rootPaths)) report.add(doc);
  }
  return report;
}

/** The ids and root paths, now and at the base, of every changed and deleted document. */
function targets(info: SetInfo, changes: SetChanges): { ids: Set<string>; rootPaths: Set<string> } {
  const ids = new Set<string>();
  const rootPaths = new Set<string>();
  for (const c of changes.changed) {
    if (typeof c.head.data?.id === "string") ids.add(c.head.data.id);
    if (typeof c.base?.data?.id === "string") ids.add(c.base.data.id);
    rootPaths.add(c.head.result.rootPath);
    if (c.base) rootPaths.add(rootPathOf(info, c.base.repoPath));
  }
  for (const d of [...changes.deleted, ...changes.movedAway]) {
    if (typeof d.data?.id === "string") ids.add(d.data.id);
    rootPaths.add(rootPathOf(info, d.repoPath));
  }
  for (const p of changes.otherFiles) rootPaths.add(p);
  return { ids, rootPaths };
}

/** Does the document point at one of the ids (front matter) or paths (links in the text)? */
function pointsAt(doc: DocumentResult, ids: ReadonlySet<string>, rootPaths: ReadonlySet<string>): boolean {
  const data = doc.data ?? {};
  for (const field of ID_LINK_FIELDS) {
    const value = data[field];
    const list = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v === "string" && ids.has(v))) return true;
  }
  const dir = path.posix.dirname(doc.rootPath);
  // Images too: a changed, deleted or replaced picture is checked in the documents that show it.
  for (const link of doc.facts?.links ?? []) {
    const target = linkTarget(link.url, dir);
    if (target !== undefined && rootPaths.has(target)) return true;
  }
  return false;
}

/**
 * The root-relative path a link written in a document in `fromDir` points at, read as core/links.ts
 * reads links; undefined for an external link, a link within the same document, a path written from
 * the root (`/x.md`) or one that leaves the root. A trailing `/` is kept (`rutin.md/` is no document).
 * A percent-encoded leading slash (`%2Fx.md`) is joined to a subfolder, as the Word edition reads it;
 * from the root's own folder (joined to "", not ".") it stays `/x.md`, which names no document.
 */
export function linkTarget(url: string, fromDir: string): string | undefined {
  if (url.startsWith("/") || isExternal(url)) return undefined;
  const written = decodeLinkText(splitLink(url).path);
  if (written === "") return undefined;
  const found = resolvePath(written, fromDir === "." ? "" : fromDir, { absolute: "from-folder", trailingSlash: "keep" });
  return found.outside ? undefined : found.rootPath;
}
