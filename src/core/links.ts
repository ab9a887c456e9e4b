/**
 * Where a link in a document's text points, read the same way everywhere:
 * validation (SD133 and the rules on linked files), the HTML and Word
 * editions, and `validate --changed-since` (which documents point at a
 * changed one). What each of them then does with the answer (a finding, an
 * internal link, a bookmark, a document to report) is theirs.
 *
 * A link's address is read in four steps:
 * 1. An address with a scheme (`https:`, `mailto:`) or a protocol-relative
 *    one (`//host`) is external; nothing below applies to it.
 * 2. The rest is split at the first `#` into a path and a fragment; a query
 *    (`?…`) ends the path and is ignored (a set is files, not a web server).
 * 3. Both parts are percent-decoded (`f%C3%B6rsta%20dokumentet.md`); a part
 *    that is not valid percent-encoding is kept as written. Nothing is
 *    NFC-normalised here: the text already is (core/read.ts), and a file
 *    name macOS stored in NFD is matched on disk by core/safe-file.ts.
 * 4. The path is joined to the linking document's folder (POSIX paths
 *    relative to the document root, as rootPath is) and normalised; an
 *    empty path is the linking document itself (`#syfte`).
 *
 * Where the readers deliberately differ, the difference is an option of
 * resolveLink, named after what it decides (see LinkReading), never a copy.
 */
import path from "node:path";

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** True for URLs with a scheme (https:, mailto:, tel:) or protocol-relative ones (//host). */
export function isExternal(url: string): boolean {
  return SCHEME.test(url) || url.startsWith("//");
}

/**
 * The address an edition gives an external link, or undefined for a local
 * one: a protocol-relative `//host/x` becomes `https://host/x`, since an
 * edition is read from a file and has no page whose protocol it could take.
 * The editions decide which schemes they keep (the HTML sanitiser, Word's list).
 */
export function externalAddress(url: string): string | undefined {
  if (url.startsWith("//")) return `https:${url}`;
  return SCHEME.test(url) ? url : undefined;
}

/** The scheme of an address in lower case (`https`, `mailto`), or undefined when it has none. */
export function schemeOf(url: string): string | undefined {
  return SCHEME.exec(url)?.[1]?.toLowerCase();
}

/** Percent-decodes a part of a link; text that is not valid percent-encoding (`100%`) stays as written. */
export function decodeLinkText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The two parts of a local link as written (not decoded): the path before
 * the first `#` without its query, and the fragment after that `#` (undefined
 * when there is no `#`; "" for a bare `#`).
 */
export function splitLink(url: string): { path: string; fragment?: string } {
  const hashAt = url.indexOf("#");
  const filePart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, "");
  return hashAt === -1 ? { path: filePart } : { path: filePart, fragment: url.slice(hashAt + 1) };
}

/**
 * How a path written from the root (`/x.md`) is read. Validation leaves it
 * unresolved (SD134 tells the author it does not work in the editions); the
 * HTML edition takes it from the set's folder; the Word edition joins it to
 * the document's folder like any relative path (path.posix.join), which is
 * what it always did. `--changed-since` never follows a `/x.md` as written,
 * and reads a decoded one (`%2Fx.md`) as the Word edition does (ci/changed/).
 */
export type AbsolutePaths = "unresolved" | "from-root" | "from-folder";

export interface LinkReading {
  /** How `/x.md` is read (default "unresolved", as validation reads it). */
  absolute?: AbsolutePaths;
  /**
   * Whether a `/` that ends the resolved path is dropped (default "drop", as
   * validation does: `bilagor/` names the folder `bilagor`). The editions and
   * `--changed-since` keep it, so that `rutin.md/` is no document to them.
   */
  trailingSlash?: "drop" | "keep";
}

/** A path inside the document root, as resolvePath finds it. */
export interface RootPath {
  /** The normalised POSIX path relative to the document root; undefined for `/x` read as "unresolved". */
  rootPath?: string;
  /** True when the path leaves the document root (`..` or `../…`). */
  outside: boolean;
}

/** A reading that resolves every path, `/x` too: rootPath is always there. */
export type ResolvingReading = LinkReading & { absolute: "from-root" | "from-folder" };

/**
 * Resolves a decoded, non-empty path written in a document in `folder`
 * (relative to the document root, "." for the root itself).
 */
export function resolvePath(written: string, folder: string, reading: ResolvingReading): RootPath & { rootPath: string };
export function resolvePath(written: string, folder: string, reading?: LinkReading): RootPath;
export function resolvePath(written: string, folder: string, reading: LinkReading = {}): RootPath {
  const absolute = written.startsWith("/");
  if (absolute && (reading.absolute ?? "unresolved") === "unresolved") return { outside: false };
  const joined =
    absolute && reading.absolute === "from-root"
      ? path.posix.normalize(written.slice(1))
      : path.posix.normalize(path.posix.join(folder, written));
  const outside = joined === ".." || joined.startsWith("../");
  return { rootPath: (reading.trailingSlash ?? "drop") === "drop" ? joined.replace(/\/$/, "") : joined, outside };
}

export interface ResolvedLink {
  /** The path as written, decoded ("" for a link to a heading in the same document). */
  written: string;
  /** The path relative to the document root, normalised (the linking document's own for ""); undefined for an unresolved absolute path. */
  rootPath?: string;
  /** True when the path leaves the document root. */
  outside: boolean;
  /** True when the link was written as an absolute path (/…). */
  absolute: boolean;
  /** The decoded fragment after #, if any. */
  fragment?: string;
}

/**
 * Resolves a link of the document at `fromRootPath`; undefined for an
 * external link. `reading` says how the caller reads `/x` and a trailing `/`
 * (the defaults are validation's).
 */
export function resolveLink(url: string, fromRootPath: string, reading: LinkReading = {}): ResolvedLink | undefined {
  return isExternal(url) ? undefined : resolveLocal(url, fromRootPath, reading);
}

/** resolveLink for an address the caller already knows is not external (isExternal, externalAddress). */
export function resolveLocal(url: string, fromRootPath: string, reading: ResolvingReading): ResolvedLink & { rootPath: string };
export function resolveLocal(url: string, fromRootPath: string, reading?: LinkReading): ResolvedLink;
export function resolveLocal(url: string, fromRootPath: string, reading: LinkReading = {}): ResolvedLink {
  const parts = splitLink(url);
  const written = decodeLinkText(parts.path);
  const result: ResolvedLink = { written, outside: false, absolute: written.startsWith("/") };
  if (parts.fragment !== undefined) result.fragment = decodeLinkText(parts.fragment);
  if (written === "") {
    result.rootPath = fromRootPath;
    return result;
  }
  const found = resolvePath(written, path.posix.dirname(fromRootPath), reading);
  result.outside = found.outside;
  if (found.rootPath !== undefined) result.rootPath = found.rootPath;
  return result;
}

/**
 * The heading slug a decoded fragment names among a document's `slugs` (the
 * GitHub slugs of core/markdown.ts), compared in lower case: the editions
 * lead `#Syfte` to the heading `syfte` (GitHub's slugs are lower case).
 * Undefined for "" and for a fragment that names no heading. (SD133 compares
 * the fragment exactly, to tell the author the slug to write.)
 */
export function headingSlugFor(slugs: ReadonlySet<string> | readonly string[], fragment: string): string | undefined {
  if (fragment === "") return undefined;
  const wanted = fragment.toLowerCase();
  const found = "has" in slugs ? slugs.has(wanted) : slugs.includes(wanted);
  return found ? wanted : undefined;
}

const SAME_FOLDER_DOCUMENT = /^[^/\\%?#:]+\.md(?:#.*)?$/i;

/**
 * True for a link to a Markdown file in the same folder, as written
 * (`rutin-x.md`, `rutin-x.md#arbetsgång`): no folder, escape, query or
 * scheme, so resolveLink would find it inside the root, neither absolute
 * nor outside, and a Markdown path (isMarkdown, core/discover.ts). A cheap
 * test for the most common link of a set (SD009 and SD134 skip these).
 */
export function isSameFolderDocument(url: string): boolean {
  return SAME_FOLDER_DOCUMENT.test(url);
}
