/**
 * Where a link in a document's text points: another document of the set
 * (`annat.md#rubrik` → that document and the heading's slug), a heading in
 * the same document, a file next to the documents, or the web. Every edition
 * format decides how to write each kind; this module only resolves, reading
 * the address as core/links.ts does, with `/x.md` taken from the set's folder.
 */
import path from "node:path";
import type { EditionDocument } from "../edition.js";
import { isInside } from "../../core/paths.js";
import { externalAddress, headingSlugFor, resolveLocal } from "../../core/links.js";
import { extractFacts, parseBody } from "../../core/markdown.js";
import { MAX_ATTACHMENT_BYTES, resolveInside, type FileProblem } from "../../core/safe-file.js";

export type ResolvedLink =
  /** A web, mail or telephone address (or anything with a scheme; sanitising decides what survives). */
  | { kind: "external"; url: string }
  /** A document of the set (possibly the same one); `slug` when the (decoded) fragment names one of its headings. */
  | { kind: "document"; target: EditionDocument; slug?: string; fragment?: string }
  /**
   * A regular file inside the set's folder that is not a document (checked by resolveInside): `absPath`
   * and `rootPath` as linked (NFC), which may differ from the name on disk; read it with readRegularFile.
   * `fragment` is decoded.
   */
  | { kind: "file"; absPath: string; rootPath: string; fragment?: string }
  /** A relative path that leads nowhere in the set (missing, outside the set's folder, or not a file that may be published). */
  | { kind: "missing"; path: string; problem?: FileProblem };

export class LinkIndex {
  private readonly byPath = new Map<string, EditionDocument>();
  private readonly byId = new Map<string, EditionDocument>();
  private readonly slugs = new Map<EditionDocument, string[]>();

  /** @param all every document of the sets: a link may point at one that is not in the edition. */
  constructor(all: readonly EditionDocument[]) {
    for (const d of all) {
      this.byPath.set(key(d, d.result.rootPath), d);
      this.byId.set(key(d, d.doc.id), d);
    }
  }

  /** A document of the same set by id (front-matter references), if there is one. */
  byIdIn(from: EditionDocument, id: string): EditionDocument | undefined {
    return this.byId.get(key(from, id));
  }

  /** The GitHub slugs of a document's headings, in order (what `#fragment` links use). */
  headingSlugs(doc: EditionDocument): string[] {
    let slugs = this.slugs.get(doc);
    if (!slugs) {
      const headings = doc.result.facts?.headings ?? extractFacts(parseBody(doc.text, doc.result.bodyLine ?? 1)).headings;
      slugs = headings.map((h) => h.slug);
      this.slugs.set(doc, slugs);
    }
    return slugs;
  }

  /**
   * Where `url`, written in `from`, leads. The address is trimmed; `/x.md` is taken from the set's
   * folder and a trailing `/` is kept (`rutin.md/` is no document), as the HTML edition always read them.
   */
  resolve(from: EditionDocument, url: string): ResolvedLink {
    const trimmed = url.trim();
    const external = externalAddress(trimmed);
    if (external !== undefined) return { kind: "external", url: external };
    const link = resolveLocal(trimmed, from.result.rootPath, { absolute: "from-root", trailingSlash: "keep" });
    const { written, rootPath, fragment } = link;
    if (written === "") return this.toDocument(from, fragment);
    const target = this.byPath.get(key(from, rootPath));
    if (target) return this.toDocument(target, fragment);
    const absPath = path.join(from.loaded.root, ...rootPath.split("/"));
    if (link.outside || !isInside(from.loaded.root, absPath)) return { kind: "missing", path: written };
    // Its real path (symbolic links followed, the name matched by NFC) must be a regular file inside the
    // root: a link may lead to /proc/self/environ or a FIFO. Whoever reads it uses readRegularFile.
    const found = resolveInside(from.loaded.root, absPath, MAX_ATTACHMENT_BYTES);
    if (!found.ok) return { kind: "missing", path: written, problem: found.problem };
    return fragment === undefined ? { kind: "file", absPath, rootPath } : { kind: "file", absPath, rootPath, fragment };
  }

  private toDocument(target: EditionDocument, fragment: string | undefined): ResolvedLink {
    if (fragment === undefined || fragment === "") return { kind: "document", target };
    const slug = headingSlugFor(this.headingSlugs(target), fragment);
    return slug === undefined ? { kind: "document", target, fragment } : { kind: "document", target, slug, fragment };
  }
}

function key(d: EditionDocument, value: string): string {
  return `${d.loaded.root}\0${value}`;
}
