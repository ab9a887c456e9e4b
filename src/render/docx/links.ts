/**
 * Where a link in a document's text goes in the Word edition. Links between
 * documents (`rutin-x.md#arbetsgång`) become internal links to the bookmarked
 * title or heading when the target is in the same file; in a single-document
 * file they point at the target's own .docx next to it. Web and mail links
 * stay external. Anything else (a file that is not published, a document left
 * out of the edition) keeps its text without a link.
 */
import path from "node:path";
import type { EditionDocument } from "../edition.js";
import { documentBookmark, headingBookmark } from "./bookmarks.js";

export type LinkTarget = { kind: "internal"; anchor: string } | { kind: "external"; url: string } | { kind: "none" };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EXTERNAL_SCHEMES = new Set(["http", "https", "mailto", "tel", "ftp", "ftps"]);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every document of the sets by path and by id, and the slugs of its headings. */
interface Index {
  byPath: Map<string, EditionDocument>;
  byId: Map<string, EditionDocument>;
  slugs: Map<EditionDocument, Set<string>>;
}

/**
 * Built once per edition: with --per-document there is a resolver per file,
 * and building this for each would be files × documents work.
 */
const indexes = new WeakMap<readonly EditionDocument[], Index>();

function indexOf(all: readonly EditionDocument[]): Index {
  let index = indexes.get(all);
  if (!index) {
    index = { byPath: new Map(), byId: new Map(), slugs: new Map() };
    for (const d of all) {
      index.byPath.set(`${d.loaded.root}\0${d.result.rootPath}`, d);
      index.byId.set(`${d.loaded.root}\0${d.doc.id}`, d);
      index.slugs.set(d, new Set((d.result.facts?.headings ?? []).map((h) => h.slug)));
    }
    indexes.set(all, index);
  }
  return index;
}

export class LinkResolver {
  private readonly byPath: Map<string, EditionDocument>;
  private readonly byId: Map<string, EditionDocument>;
  private readonly slugs: Map<EditionDocument, Set<string>>;

  /**
   * @param all every document of the sets (link targets may be filtered out)
   * @param published the documents that are in the edition
   * @param inFile the documents in the file being written
   */
  constructor(
    all: readonly EditionDocument[],
    private readonly published: ReadonlySet<EditionDocument>,
    private readonly inFile: ReadonlySet<EditionDocument>,
  ) {
    const index = indexOf(all);
    this.byPath = index.byPath;
    this.byId = index.byId;
    this.slugs = index.slugs;
  }

  resolve(from: EditionDocument, url: string): LinkTarget {
    const trimmed = url.trim();
    if (trimmed.startsWith("//")) return { kind: "external", url: `https:${trimmed}` };
    const scheme = SCHEME.exec(trimmed);
    if (scheme) {
      return EXTERNAL_SCHEMES.has((scheme[1] ?? "").toLowerCase()) ? { kind: "external", url: trimmed } : { kind: "none" };
    }
    const hashAt = trimmed.indexOf("#");
    const filePart = (hashAt === -1 ? trimmed : trimmed.slice(0, hashAt)).replace(/\?.*$/, "");
    const fragment = hashAt === -1 ? "" : decode(trimmed.slice(hashAt + 1));
    if (filePart === "") return this.toDocument(from, from, fragment);
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from.result.rootPath), decode(filePart)));
    if (joined.startsWith("../")) return { kind: "none" };
    const target = this.byPath.get(`${from.loaded.root}\0${joined}`);
    return target ? this.toDocument(from, target, fragment) : { kind: "none" };
  }

  /** A link to a document by its id (front-matter references). */
  resolveId(from: EditionDocument, id: string): LinkTarget {
    const target = this.byId.get(`${from.loaded.root}\0${id}`);
    return target ? this.toDocument(from, target, "") : { kind: "none" };
  }

  /** The title of a document of the same set, by id. */
  titleOf(from: EditionDocument, id: string): string | undefined {
    return this.byId.get(`${from.loaded.root}\0${id}`)?.doc.titel;
  }

  private toDocument(from: EditionDocument, target: EditionDocument, fragment: string): LinkTarget {
    if (this.inFile.has(target)) {
      const slug = fragment.toLowerCase();
      const anchor = slug && this.slugs.get(target)?.has(slug) ? headingBookmark(target.doc.id, slug) : documentBookmark(target.doc.id);
      return { kind: "internal", anchor };
    }
    if (target !== from && this.published.has(target)) return { kind: "external", url: `${encodeURIComponent(target.doc.id)}.docx` };
    return { kind: "none" };
  }
}
