/**
 * Where a link in a document's text goes in the Word edition. Links between
 * documents (`rutin-x.md#arbetsgång`) become internal links to the bookmarked
 * title or heading when the target is in the same file; in a single-document
 * file they point at the target's own .docx next to it, at the heading's
 * bookmark when the link names a heading. Web and mail links
 * stay external. Anything else (a file that is not published, a document left
 * out of the edition) keeps its text without a link.
 */
import type { EditionDocument } from "../edition.js";
import { externalAddress, headingSlugFor, resolveLocal, schemeOf } from "../../core/links.js";
import { documentBookmark, headingBookmark } from "./bookmarks.js";

export type LinkTarget = { kind: "internal"; anchor: string } | { kind: "external"; url: string } | { kind: "none" };

/** The schemes a Word edition links to; any other address (`javascript:`, `file:`) keeps its text only. */
const EXTERNAL_SCHEMES = new Set(["http", "https", "mailto", "tel", "ftp", "ftps"]);

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

  /**
   * Where `url`, written in `from`, leads in the Word edition. The address is trimmed; `/x.md` is
   * joined to the document's folder like a relative path and a trailing `/` is kept, as the Word
   * edition always read them (the HTML edition takes `/x.md` from the set's folder).
   */
  resolve(from: EditionDocument, url: string): LinkTarget {
    const trimmed = url.trim();
    const external = externalAddress(trimmed);
    if (external !== undefined)
      return EXTERNAL_SCHEMES.has(schemeOf(external) ?? "") ? { kind: "external", url: external } : { kind: "none" };
    const link = resolveLocal(trimmed, from.result.rootPath, { absolute: "from-folder", trailingSlash: "keep" });
    const fragment = link.fragment ?? "";
    if (link.written === "") return this.toDocument(from, from, fragment);
    if (link.outside) return { kind: "none" };
    const target = this.byPath.get(`${from.loaded.root}\0${link.rootPath}`);
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

  /**
   * A link to a heading of a document in another file opens that file at the
   * heading: the relative address carries the heading's bookmark after "#",
   * which Word keeps as the link's anchor (wml.ts, splitExternal) and follows
   * when it opens the file. A link to the document itself opens it at the top.
   */
  private toDocument(from: EditionDocument, target: EditionDocument, fragment: string): LinkTarget {
    const slug = headingSlugFor(this.slugs.get(target) ?? [], fragment);
    if (this.inFile.has(target)) {
      const anchor = slug !== undefined ? headingBookmark(target.doc.id, slug) : documentBookmark(target.doc.id);
      return { kind: "internal", anchor };
    }
    if (target !== from && this.published.has(target)) {
      const file = `${encodeURIComponent(target.doc.id)}.docx`;
      return { kind: "external", url: slug !== undefined ? `${file}#${headingBookmark(target.doc.id, slug)}` : file };
    }
    return { kind: "none" };
  }
}
