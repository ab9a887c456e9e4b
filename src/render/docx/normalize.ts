/**
 * Makes a packed .docx reproducible: the same input gives the same bytes.
 * `docx` stamps the time of packing into core.xml, names hyperlink
 * relationships with random ids, numbers bookmarks and drawings from
 * process-wide counters, and fflate dates every zip entry with the clock.
 * This step fixes each of them and re-zips the parts in a stable order, and
 * sets the document language (sv-SE, the documents' language) in the style
 * defaults and in the core properties (`dc:language`, which LibreOffice and
 * search tools read). It also clears
 * the "dirty" flag of fields, so Word never asks to update fields on opening.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Zippable } from "fflate";

const RANDOM_RID = /\brId[A-Za-z0-9_-]{21}(?=")/g;

function isText(name: string): boolean {
  return name.endsWith(".xml") || name.endsWith(".rels");
}

/** [Content_Types].xml first (as Word writes it), then the parts by name. */
function partOrder(a: string, b: string): number {
  const ct = "[Content_Types].xml";
  if (a === ct) return -1;
  if (b === ct) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An instant as the zip's local-time fields, so the entry times do not depend on the time zone. */
function zipTime(timestamp: Date): Date {
  const t = timestamp.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : timestamp;
  return new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

function w3cdtf(timestamp: Date): string {
  return timestamp.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The language of the style defaults, as docx writes it for the house style. */
function langElement(language: string): string {
  return `<w:lang w:val="${language}" w:eastAsia="${language}" w:bidi="ar-SA"/>`;
}

/** Sets `dc:language` in docProps/core.xml (docx has no option for it). */
export function coreLanguage(core: string, language: string): string {
  const element = `<dc:language>${language}</dc:language>`;
  if (/<dc:language>[^<]*<\/dc:language>/.test(core)) return core.replace(/<dc:language>[^<]*<\/dc:language>/, element);
  return core.replace("</cp:coreProperties>", `${element}</cp:coreProperties>`);
}

/** Sets the language (sv-SE unless told) of the document defaults, whatever styles.xml came from. */
export function ensureLanguage(styles: string, language = "sv-SE"): string {
  const LANG = langElement(language);
  const block = /<w:rPrDefault\b[^>]*?(?:\/>|>[\s\S]*?<\/w:rPrDefault>)/.exec(styles);
  if (!block) {
    const docDefaults = /<w:docDefaults\b[^>]*?(\/>|>)/.exec(styles);
    if (docDefaults) {
      const open = docDefaults[0].endsWith("/>") ? docDefaults[0].replace(/\/>$/, ">") : docDefaults[0];
      const rest = docDefaults[0].endsWith("/>") ? "</w:docDefaults>" : "";
      return styles.replace(docDefaults[0], `${open}<w:rPrDefault><w:rPr>${LANG}</w:rPr></w:rPrDefault>${rest}`);
    }
    return styles.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr>${LANG}</w:rPr></w:rPrDefault></w:docDefaults>`);
  }
  const original = block[0];
  let updated: string;
  if (/<w:lang\b[^>]*\/>/.test(original)) {
    updated = original.replace(/<w:lang\b[^>]*\/>/, LANG);
  } else if (/<w:rPr\s*\/>/.test(original)) {
    updated = original.replace(/<w:rPr\s*\/>/, `<w:rPr>${LANG}</w:rPr>`);
  } else if (original.includes("</w:rPr>")) {
    // w:lang comes before these in CT_RPr's sequence.
    const after = /<w:(eastAsianLayout|specVanish|oMath)\b/.exec(original);
    updated = after ? original.replace(after[0], `${LANG}${after[0]}`) : original.replace("</w:rPr>", `${LANG}</w:rPr>`);
  } else if (original.endsWith("/>")) {
    updated = `<w:rPrDefault><w:rPr>${LANG}</w:rPr></w:rPrDefault>`;
  } else {
    updated = original.replace("</w:rPrDefault>", `<w:rPr>${LANG}</w:rPr></w:rPrDefault>`);
  }
  return styles.replace(original, updated);
}

/** The parts of a package, by path: XML as text, media as bytes. */
export type Parts = Map<string, string | Uint8Array>;

export function normalizePackage(bytes: Uint8Array, timestamp: Date): Uint8Array {
  return normalizeParts(new Map(Object.entries(unzipSync(bytes))), timestamp);
}

/**
 * The ids docx numbers from process-wide counters or at random, renumbered
 * in order of first appearance over the whole package (parts in name order).
 */
class Renumbering {
  private readonly rids = new Map<string, string>();
  private readonly tocs = new Map<string, string>();
  private drawings = 0;

  /** Random relationship ids → rIdL1, rIdL2, … */
  readonly rid = (id: string): string => {
    let n = this.rids.get(id);
    if (n === undefined) {
      n = `rIdL${this.rids.size + 1}`;
      this.rids.set(id, n);
    }
    return n;
  };

  /** docx names the bookmarks of a TOC field's headings _Toc<n> from a process-wide counter. */
  readonly toc = (id: string): string => {
    let n = this.tocs.get(id);
    if (n === undefined) {
      n = `_Toc${this.tocs.size + 1}`;
      this.tocs.set(id, n);
    }
    return n;
  };

  nextDrawing(): number {
    return ++this.drawings;
  }
}

/**
 * Everything normalising changes in a part of word/, as one regular
 * expression, so that the largest part (document.xml, tens of megabytes for a
 * big edition) is read once and copied once. Bookmark and drawing tags are
 * matched whole: the ids to renumber are inside them.
 */
const WORD_PART = /\brId[A-Za-z0-9_-]{21}(?=")|<w:bookmark(?:Start|End)\b[^>]*>|\b_Toc\d+\b| w:dirty="true"|<wp:docPr\b[^>]*>/g;
const TOC = /\b_Toc\d+\b/g;
/** Word asks to update dirty fields when it opens a file; the edition never makes it ask. */
const DIRTY = / w:dirty="true"/g;
const BOOKMARK_ID = /\bw:id="(\d+)"/;
const DRAWING_ID = /(<wp:docPr\b[^>]*?\bid=")\d+"/g;

/**
 * One part of word/: relationship ids, bookmark ids (from 1 in each part),
 * _Toc names, dirty flags, drawing ids. Inside a whole tag the same changes
 * are made in the same order as for the rest of the part.
 */
function normalizeWordPart(xml: string, ids: Renumbering): string {
  const bookmarks = new Map<string, string>();
  const bookmark = (_m: string, id: string): string => {
    let n = bookmarks.get(id);
    if (n === undefined) {
      n = String(bookmarks.size + 1);
      bookmarks.set(id, n);
    }
    return `w:id="${n}"`;
  };
  const tocAndDirty = (tag: string): string => tag.replace(TOC, ids.toc).replace(DIRTY, "");
  const out = xml.replace(WORD_PART, (match) => {
    if (match.startsWith("rId")) return ids.rid(match);
    if (match.startsWith("_Toc")) return ids.toc(match);
    if (match === ' w:dirty="true"') return "";
    const tag = match.replace(RANDOM_RID, ids.rid);
    if (tag.startsWith("<w:bookmark")) return tocAndDirty(tag.replace(BOOKMARK_ID, bookmark));
    return tocAndDirty(tag).replace(DRAWING_ID, (_m, head: string) => `${head}${ids.nextDrawing()}"`);
  });
  return renumberChanges(out, bookmarks.size);
}

/** A tracked change of the redline edition (docx/redline.ts), up to its id: written with id 0. */
const CHANGE = /<w:(ins|del|rPrChange) w:id="\d+"/g;
const HAS_CHANGE = ' w:author="';

/**
 * The tracked changes of a part numbered in order after its bookmarks
 * (which are numbered from 1): unique, never a bookmark's id, and the same
 * on every build. A part without changes is returned as it is.
 */
function renumberChanges(xml: string, bookmarks: number): string {
  if (!xml.includes(HAS_CHANGE)) return xml;
  let n = bookmarks;
  return xml.replace(CHANGE, (_m, tag: string) => `<w:${tag} w:id="${++n}"`);
}

/**
 * Characters XML 1.0 forbids anywhere (C0 controls but tab and line ends,
 * U+FFFE, U+FFFF, lone surrogates). A document's text can carry them (a
 * title with `"\uffff"` in YAML); Word refuses the whole file over one.
 */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 forbids; the same string when it has none (the common case). */
export function xmlChars(text: string): string {
  NOT_XML.lastIndex = 0;
  return NOT_XML.test(text) ? text.replace(NOT_XML, "") : text;
}

function normalizeText(name: string, raw: string, ids: Renumbering, timestamp: Date, language: string): string {
  let text = xmlChars(raw);
  if (name === "word/styles.xml") text = ensureLanguage(text, language);
  if (name.startsWith("word/")) return normalizeWordPart(text, ids);
  let xml = text.replace(RANDOM_RID, ids.rid);
  if (name === "docProps/core.xml") {
    const when = w3cdtf(timestamp);
    xml = coreLanguage(xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`), language);
  }
  return xml;
}

/**
 * Normalises the parts and zips them. The parts map is emptied on the way:
 * each part's text is let go as soon as its bytes are made.
 */
export function normalizeParts(parts: Parts, timestamp: Date, language = "sv-SE"): Uint8Array {
  const names = [...parts.keys()].sort(partOrder);
  const ids = new Renumbering();
  const mtime = zipTime(timestamp);
  const zippable: Zippable = {};
  for (const name of names) {
    const data = parts.get(name);
    parts.delete(name);
    if (data === undefined) continue;
    const text = typeof data === "string" ? data : isText(name) ? strFromU8(data) : undefined;
    zippable[name] = [text === undefined ? (data as Uint8Array) : strToU8(normalizeText(name, text, ids, timestamp, language)), { mtime }];
  }
  // fflate is plain JavaScript: the same bytes on every machine (native zlib may pick other matches per CPU).
  return zipSync(zippable, { level: 6 });
}
