/**
 * Relative links in a document's text, resolved against the document's
 * folder inside the document root (POSIX paths, as rootPath is).
 */
import path from "node:path";

export interface ResolvedLink {
  /** The path as written, decoded ("" for a link to a heading in the same document). */
  written: string;
  /** The path relative to the document root, normalised; undefined for an absolute path. */
  rootPath?: string;
  /** True when the path leaves the document root. */
  outside: boolean;
  /** True when the link was written as an absolute path (/…). */
  absolute: boolean;
  /** The decoded fragment after #, if any. */
  fragment?: string;
}

/** True for URLs with a scheme (https:, mailto:, tel:) or protocol-relative ones (//host). */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Resolves a local link of the document at `fromRootPath`; undefined for external links. */
export function resolveLink(url: string, fromRootPath: string): ResolvedLink | undefined {
  if (isExternal(url)) return undefined;
  const hash = url.indexOf("#");
  const rawPath = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, "");
  const written = decode(rawPath);
  const result: ResolvedLink = { written, outside: false, absolute: written.startsWith("/") };
  if (hash !== -1) result.fragment = decode(url.slice(hash + 1));
  if (written === "") {
    result.rootPath = fromRootPath;
    return result;
  }
  if (result.absolute) return result;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromRootPath), written));
  result.outside = joined === ".." || joined.startsWith("../");
  result.rootPath = joined.replace(/\/$/, "");
  return result;
}

export function isMarkdownPath(p: string): boolean {
  return p.toLowerCase().endsWith(".md");
}

const SAME_FOLDER_DOCUMENT = /^[^/\\%?#:]+\.md(?:#.*)?$/i;

/**
 * True for a link to a Markdown file in the same folder, as written
 * (`rutin-x.md`, `rutin-x.md#arbetsgång`): no folder, escape, query or
 * scheme, so resolveLink would find it inside the root, neither absolute
 * nor outside. A cheap test for the most common link of a set.
 */
export function isSameFolderDocument(url: string): boolean {
  return SAME_FOLDER_DOCUMENT.test(url);
}
