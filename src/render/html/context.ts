/**
 * What every page of one HTML build shares: the edition, link resolution,
 * page names and anchors, the files to copy along, and the warnings.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Edition, EditionDocument } from "../edition.js";
import { LinkIndex } from "../shared/edition-links.js";
import { headingIds, idPart, pageNames, validId } from "./anchors.js";
import { samdokVersion } from "../../core/version.js";
import { isInside } from "../../core/paths.js";
import { MAX_ATTACHMENT_BYTES, MAX_PICTURE_BYTES, readRegularFile } from "../../core/safe-file.js";
import { pick, type Localized } from "../../i18n/text.js";

/** Files a document may link to and have copied into the edition. No HTML or SVG: they could carry scripts. */
const FILE_TYPES = new Set([
  "pdf",
  "docx",
  "doc",
  "xlsx",
  "xls",
  "pptx",
  "odt",
  "ods",
  "odp",
  "txt",
  "csv",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
]);
const IMAGE_TYPES = new Set(["png", "jpg", "jpeg", "gif", "webp"]);

/** Ids a document page itself uses outside the document's text. */
export const PAGE_RESERVED_IDS: ReadonlySet<string> = new Set(["innehall"]);

export type Mode = "page" | "samlad";

export class HtmlBuild {
  readonly links: LinkIndex;
  readonly names: Map<EditionDocument, string>;
  readonly inEdition: ReadonlySet<EditionDocument>;
  readonly version = samdokVersion();
  /** Files to copy: absolute source path → path in the edition. */
  readonly attachments = new Map<string, string>();
  private readonly attachmentData = new Map<string, Uint8Array>();
  readonly warnings: string[] = [];
  private readonly headingIdCache = new Map<string, Map<string, string>>();

  constructor(readonly edition: Edition) {
    this.links = new LinkIndex(edition.all);
    this.names = pageNames(edition.documents);
    this.inEdition = new Set(edition.documents);
  }

  pageFile(doc: EditionDocument): string {
    return `${this.name(doc)}.html`;
  }

  /** The document's anchor in the consolidated edition. */
  anchor(doc: EditionDocument): string {
    return validId(this.name(doc));
  }

  private name(doc: EditionDocument): string {
    const name = this.names.get(doc);
    if (name === undefined) throw new Error(`not in the edition: ${doc.doc.id}`);
    return name;
  }

  /** slug → id of a document's headings, on its page or in the consolidated edition. */
  headingIds(doc: EditionDocument, mode: Mode): Map<string, string> {
    const key = `${mode}\0${doc.loaded.root}\0${doc.result.rootPath}`;
    let ids = this.headingIdCache.get(key);
    if (!ids) {
      const slugs = this.links.headingSlugs(doc);
      ids = mode === "page" ? headingIds(slugs, undefined, PAGE_RESERVED_IDS) : headingIds(slugs, this.anchor(doc));
      this.headingIdCache.set(key, ids);
    }
    return ids;
  }

  /** A link to a document of the edition (and one of its headings) from a page in `mode`. */
  href(target: EditionDocument, mode: Mode, slug?: string, from?: EditionDocument): string {
    const heading = slug === undefined ? undefined : this.headingIds(target, mode).get(slug);
    if (mode === "samlad") return `#${heading ?? this.anchor(target)}`;
    if (from === target) return heading ? `#${heading}` : "#innehall";
    return `${this.pageFile(target)}${heading ? `#${heading}` : ""}`;
  }

  /**
   * Copies a file next to the documents into `filer/` (named by content, so
   * that two builds agree and two files never clash). Undefined for types
   * that are not published.
   */
  attach(absPath: string, image: boolean): string | undefined {
    const ext = path.extname(absPath).slice(1).toLowerCase();
    if (!(image ? IMAGE_TYPES : FILE_TYPES).has(ext)) return undefined;
    let rel = this.attachments.get(absPath);
    if (!rel) {
      // Read once, here, and only a regular file whose real path is inside its set's folder (never a
      // symbolic link to /proc/self/environ, a FIFO or a file over the limit), whatever validation said.
      const root = this.rootOf(absPath);
      const read = root === undefined ? undefined : readRegularFile(root, absPath, image ? MAX_PICTURE_BYTES : MAX_ATTACHMENT_BYTES);
      if (!read?.ok) return undefined;
      const hash = createHash("sha256").update(read.data).digest("hex").slice(0, 10);
      // The name as linked (NFC), not as on disk: a name macOS wrote in NFD is published in NFC.
      const stem = idPart(path.basename(absPath, path.extname(absPath)).toLowerCase()).slice(0, 60);
      rel = `filer/${stem}-${hash}.${ext}`;
      this.attachments.set(absPath, rel);
      this.attachmentData.set(absPath, read.data);
    }
    return rel;
  }

  /** The contents `attach` read for a file it accepted. */
  attachmentBytes(absPath: string): Uint8Array | undefined {
    return this.attachmentData.get(absPath);
  }

  /** The folder of the innermost set that holds `absPath` (as linked). */
  private rootOf(absPath: string): string | undefined {
    let best: string | undefined;
    for (const set of this.edition.sets) {
      if (isInside(set.root, absPath) && (best === undefined || set.root.length > best.length)) best = set.root;
    }
    return best;
  }

  /** A warning for the person who builds (the CLI's language; the edition itself is Swedish). */
  warn(doc: EditionDocument, line: number | undefined, message: Localized): void {
    this.warnings.push(`${doc.result.file}${line ? `:${line}` : ""}: ${pick(message, this.edition.lang)}`);
  }
}
