/**
 * Makes a packed .docx reproducible: the same input gives the same bytes.
 * `docx` stamps the time of packing into core.xml, names hyperlink
 * relationships with random ids, numbers bookmarks and drawings from
 * process-wide counters, and fflate dates every zip entry with the clock.
 * This step fixes each of them and re-zips the parts in a stable order, and
 * sets the document language (sv-SE) in the style defaults. It also clears
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

/** Bookmark ids count from 1 in each part, in order of appearance. */
function renumberBookmarks(xml: string): string {
  if (!xml.includes("<w:bookmark")) return xml;
  const ids = new Map<string, string>();
  return xml.replace(/<w:bookmark(Start|End)\b[^>]*>/g, (tag) =>
    tag.replace(/\bw:id="(\d+)"/, (_m, id: string) => {
      let n = ids.get(id);
      if (n === undefined) {
        n = String(ids.size + 1);
        ids.set(id, n);
      }
      return `w:id="${n}"`;
    }),
  );
}

const LANG = '<w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/>';

/** Sets sv-SE as the language of the document defaults, whatever styles.xml came from. */
export function ensureLanguage(styles: string): string {
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

export function normalizeParts(parts: Parts, timestamp: Date): Uint8Array {
  const names = [...parts.keys()].sort(partOrder);
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = parts.get(name);
    if (typeof data === "string") texts.set(name, data);
    else if (data && isText(name)) texts.set(name, strFromU8(data));
  }

  // Random relationship ids → rIdL1, rIdL2, … in order of first appearance.
  const rids = new Map<string, string>();
  for (const name of names) {
    for (const m of (texts.get(name) ?? "").matchAll(RANDOM_RID)) {
      if (!rids.has(m[0])) rids.set(m[0], `rIdL${rids.size + 1}`);
    }
  }
  // docx names the bookmarks of a TOC field's headings _Toc<n> from a process-wide counter.
  const tocs = new Map<string, string>();
  const toc = (id: string): string => {
    let n = tocs.get(id);
    if (n === undefined) {
      n = `_Toc${tocs.size + 1}`;
      tocs.set(id, n);
    }
    return n;
  };
  let drawing = 0;
  for (const name of names) {
    let xml = texts.get(name);
    if (xml === undefined) continue;
    if (rids.size > 0) xml = xml.replace(RANDOM_RID, (id) => rids.get(id) ?? id);
    if (name === "docProps/core.xml") {
      const when = w3cdtf(timestamp);
      xml = xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`);
    }
    if (name === "word/styles.xml") xml = ensureLanguage(xml);
    if (name.startsWith("word/")) {
      xml = renumberBookmarks(xml);
      if (xml.includes("_Toc")) xml = xml.replace(/\b_Toc\d+\b/g, toc);
      // Word asks to update dirty fields when it opens a file; the edition never makes it ask.
      if (xml.includes('w:dirty="true"')) xml = xml.replace(/ w:dirty="true"/g, "");
      if (xml.includes("<wp:docPr")) xml = xml.replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_m, head: string) => `${head}${++drawing}"`);
    }
    texts.set(name, xml);
  }

  const mtime = zipTime(timestamp);
  const zippable: Zippable = {};
  for (const name of names) {
    const text = texts.get(name);
    const data = text !== undefined ? strToU8(text) : parts.get(name);
    if (data instanceof Uint8Array) zippable[name] = [data, { mtime }];
  }
  texts.clear();
  // fflate is plain JavaScript: the same bytes on every machine (native zlib may pick other matches per CPU).
  return zipSync(zippable, { level: 6 });
}
