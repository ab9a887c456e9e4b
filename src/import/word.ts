/**
 * Reads a Word file (.docx) for `samdok import`: the body as HTML through
 * mammoth, and what mammoth does not expose — the document properties
 * (docProps/core.xml, docProps/custom.xml), tracked changes, comments and the
 * table of contents — straight from the package with fflate and a real XML
 * parser. Everything the reader changes or leaves out becomes a note for the
 * import report, so that nothing is lost silently.
 *
 * Files that are not Word packages (an old .doc, a password-protected file, an
 * empty or broken one) throw an ImportError with a message a coordinator can
 * act on, so the command can report that file and go on with the others.
 */
import { unzipSync, type Unzipped } from "fflate";
import mammoth from "mammoth";
import { DOMParser } from "@xmldom/xmldom";
import type { Localized } from "../i18n/text.js";
import type { ImportNote, WordContent, WordProperties } from "./types.js";

/** Why a file could not be read; the command reports the message and goes on with the next file. */
export type ImportErrorCode = "empty" | "not-word" | "encrypted" | "legacy-doc" | "broken";

/** A file that cannot be imported, with a Swedish and English message that says what to do. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly text: Localized;

  constructor(code: ImportErrorCode, text: Localized) {
    super(text.en);
    this.name = "ImportError";
    this.code = code;
    this.text = text;
  }
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DC = "http://purl.org/dc/elements/1.1/";
const CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";

/**
 * Headings from Word's heading styles, also under their Swedish and title
 * names, and the document's own table of contents left out (samdok's editions
 * make their own), and so are samdok's own notices at the top of a chapter. Captions are marked so that markdown.ts can drop one that
 * only repeats a picture's alt text. Body styles are deliberately not mapped:
 * a rule for a style name would win over mammoth's list rules and turn list
 * items into paragraphs; their warnings are gathered into one note instead.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Rubrik'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='Heading ${n}'] => h${n}:fresh`, `p[style-name='Rubrik ${n}'] => h${n}:fresh`]),
  "p[style-name^='toc'] => !",
  "p[style-name^='Innehåll'] => !",
  // samdok's own notices (draft, remiss, repealed, revision passed, coming): the edition's, not the document's text.
  "p[style-name^='Samdok avisering'] => !",
  "p[style-name='Image Caption'] => p.caption:fresh",
  "p[style-name='Captioned Figure'] => p:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='Bildtext'] => p.caption:fresh",
];

/** The most a Word file's body, pictures and properties may unpack to (a zip bomb guard). */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

class TooLarge extends Error {}

/** Reads a .docx into HTML, properties and notes; throws ImportError for anything that is not a readable Word file. */
export async function readWord(bytes: Uint8Array): Promise<WordContent> {
  const parts = unpack(bytes);
  const document = parts["word/document.xml"];
  if (!document) {
    throw new ImportError("not-word", {
      sv: "Filen är en zip-fil men inget Word-dokument (word/document.xml saknas). Spara den som .docx i Word och importera igen.",
      en: "The file is a zip file but not a Word document (word/document.xml is missing). Save it as .docx in Word and import again.",
    });
  }
  const notes: ImportNote[] = [];
  const properties = readProperties(parts, notes);
  const headerLines = readHeaderLines(parts);
  if (headerLines.length > 0) properties.headerLines = headerLines;
  notes.push(...packageNotes(parts));

  let pictures = 0;
  let withoutAlt = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    pictures += 1;
    const alt = (image as { altText?: string }).altText?.trim() ?? "";
    if (alt === "") withoutAlt += 1;
    const base64 = await image.readAsBase64String();
    return { src: `data:${image.contentType};base64,${base64}`, ...(alt === "" ? {} : { alt }) };
  });

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage, externalFileAccess: false },
    );
  } catch (error) {
    throw new ImportError("broken", {
      sv: `Word-filen gick inte att läsa (${errorText(error)}). Öppna den i Word eller LibreOffice, spara som .docx och importera igen.`,
      en: `The Word file could not be read (${errorText(error)}). Open it in Word or LibreOffice, save as .docx and import again.`,
    });
  }
  if (!hasContent(result.value)) {
    throw new ImportError("empty", {
      sv: "Word-filen har ingen text. Kontrollera att det är rätt fil.",
      en: "The Word file has no text. Check that it is the right file.",
    });
  }
  if (withoutAlt > 0) {
    notes.push({
      kind: "needs-person",
      message: {
        sv: `${withoutAlt} av ${pictures} bilder saknar alternativtext. Skriv en kort beskrivning i ![…] för var och en.`,
        en: `${withoutAlt} of ${pictures} pictures have no alt text. Write a short description in ![…] for each.`,
      },
    });
  }
  notes.push(...mammothNotes(result.messages));
  return { html: result.value, properties, notes };
}

/** Unzips the package, telling an old .doc, a password-protected file and an empty file apart from a broken one. */
function unpack(bytes: Uint8Array): Unzipped {
  if (bytes.byteLength === 0) {
    throw new ImportError("empty", {
      sv: "Filen är tom (0 byte). Kontrollera att den sparades eller kopierades hela.",
      en: "The file is empty (0 bytes). Check that it was saved or copied in full.",
    });
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // Both an old .doc and an encrypted .docx are OLE compound files; the encrypted one carries an "EncryptionInfo" stream.
    if (containsUtf16(bytes, "EncryptionInfo")) {
      throw new ImportError("encrypted", {
        sv: "Word-filen är lösenordsskyddad. Ta bort lösenordet i Word (Arkiv → Info → Skydda dokument) och importera igen.",
        en: "The Word file is password protected. Remove the password in Word (File → Info → Protect Document) and import again.",
      });
    }
    throw new ImportError("legacy-doc", {
      sv: "Filen är ett äldre Word-dokument (.doc). Spara den som .docx, eller installera LibreOffice så konverteras den.",
      en: "The file is an older Word document (.doc). Save it as .docx, or install LibreOffice to have it converted.",
    });
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new ImportError("not-word", {
      sv: "Filen är ingen Word-fil (.docx). Spara den som .docx i Word eller LibreOffice och importera igen.",
      en: "The file is not a Word file (.docx). Save it as .docx in Word or LibreOffice and import again.",
    });
  }
  // A zip bomb (a few kilobytes that unpack to gigabytes) is refused by the sizes the zip declares,
  // before anything is unpacked here or by mammoth.
  let total = 0;
  let tooLarge = false;
  try {
    const parts = unzipSync(bytes, {
      filter: (file) => {
        const wanted = file.name.startsWith("word/") || file.name.startsWith("docProps/");
        if (wanted) total += file.originalSize;
        if (total > MAX_UNPACKED_BYTES || file.originalSize > MAX_UNPACKED_BYTES) tooLarge = true;
        return wanted && !tooLarge;
      },
    });
    if (tooLarge) throw new TooLarge();
    return parts;
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new ImportError("broken", {
        sv: `Word-filen packas upp till mer än ${MAX_UNPACKED_BYTES / 1024 / 1024} MB och importeras inte. Är den en riktig Word-fil, så minska bilderna i Word (Komprimera bilder) och importera igen.`,
        en: `The Word file unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB and is not imported. If it is a real Word file, compress its pictures in Word and import again.`,
      });
    }
    throw new ImportError("broken", {
      sv: `Word-filen är skadad och går inte att packa upp (${errorText(error)}). Öppna den i Word, spara som .docx och importera igen.`,
      en: `The Word file is damaged and cannot be unpacked (${errorText(error)}). Open it in Word, save as .docx and import again.`,
    });
  }
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Parses one XML part, or undefined when it is missing or not well-formed (the caller notes that). */
function parseXml(parts: Unzipped, name: string): Document | undefined {
  const data = parts[name];
  if (!data) return undefined;
  let failed = false;
  const parser = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  });
  const doc = parser.parseFromString(new TextDecoder("utf-8").decode(data), "application/xml") as unknown as Document;
  return failed || !doc.documentElement ? undefined : doc;
}

/** Page numbers in a header or footer ("Sida 3 av 12", "3 (12)", "Page 3"): not the document's text, not metadata. */
const PAGE_NUMBER = /^(sida|page|s\.)?\s*\d*\s*((av|of|\/)\s*\d*|\(\s*\d*\s*\))?$/i;

/** Each paragraph of every header and footer part as one line of text, page numbers and repeats left out. */
function readHeaderLines(parts: Unzipped): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(parts).sort()) {
    if (!/^word\/(header|footer)\d*\.xml$/.test(name)) continue;
    const doc = parseXml(parts, name);
    if (!doc) continue;
    const paragraphs = doc.getElementsByTagNameNS(W, "p");
    for (let i = 0; i < paragraphs.length; i++) {
      const runs = paragraphs.item(i)?.getElementsByTagNameNS(W, "t");
      let text = "";
      for (let k = 0; k < (runs?.length ?? 0); k++) text += runs?.item(k)?.textContent ?? "";
      const line = text.replace(/\s+/g, " ").trim();
      if (line !== "" && !PAGE_NUMBER.test(line) && !lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}

/** Title, subject, keywords and language from core.xml, and every custom property as text. */
function readProperties(parts: Unzipped, notes: ImportNote[]): WordProperties {
  const properties: WordProperties = { custom: {} };
  for (const name of ["docProps/core.xml", "docProps/custom.xml"]) {
    if (parts[name] && !parseXml(parts, name)) {
      notes.push({
        kind: "dropped",
        message: {
          sv: `Dokumentegenskaperna i ${name} gick inte att läsa och användes inte.`,
          en: `The properties in ${name} could not be read and were not used.`,
        },
        where: name,
      });
    }
  }
  const core = parseXml(parts, "docProps/core.xml");
  if (core) {
    const text = (ns: string, local: string): string | undefined => {
      const value = core.getElementsByTagNameNS(ns, local)[0]?.textContent?.trim();
      return value ? value : undefined;
    };
    const title = text(DC, "title");
    const subject = text(DC, "subject");
    const keywords = text(CP, "keywords");
    const language = text(DC, "language");
    if (title !== undefined) properties.title = title;
    if (subject !== undefined) properties.subject = subject;
    if (keywords !== undefined) properties.keywords = keywords;
    if (language !== undefined) properties.language = language;
  }
  const custom = parseXml(parts, "docProps/custom.xml");
  if (custom) {
    const list = custom.getElementsByTagNameNS(CUSTOM, "property");
    for (let i = 0; i < list.length; i++) {
      const property = list.item(i);
      const name = property?.getAttribute("name")?.trim();
      if (!property || !name) continue;
      // The value is the one vt:* child (lpwstr, i4, bool, filetime …); its text is enough for the front matter.
      properties.custom[name] = property.textContent?.trim() ?? "";
    }
  }
  return properties;
}

/** Tracked changes, comments and the table of contents, counted in the package: mammoth passes over them silently. */
function packageNotes(parts: Unzipped): ImportNote[] {
  const notes: ImportNote[] = [];
  const body = parseXml(parts, "word/document.xml");
  if (body) {
    const changes = ["ins", "del", "moveFrom", "moveTo"].reduce((sum, local) => sum + body.getElementsByTagNameNS(W, local).length, 0);
    if (changes > 0) {
      notes.push({
        kind: "guessed",
        message: {
          sv: `${changes} spårade ändringar accepterades (infogad text togs med, borttagen text togs bort). Kontrollera texten mot originalet.`,
          en: `${changes} tracked changes were accepted (inserted text kept, deleted text removed). Check the text against the original.`,
        },
      });
    }
    const styles = body.getElementsByTagNameNS(W, "pStyle");
    let toc = 0;
    for (let i = 0; i < styles.length; i++) {
      const id = styles.item(i)?.getAttributeNS(W, "val") ?? "";
      if (/^(toc|innehåll|innehall)/i.test(id)) toc += 1;
    }
    if (toc > 0) {
      notes.push({
        kind: "dropped",
        message: {
          sv: `Dokumentets innehållsförteckning (${toc} rader) togs inte med; samdoks utgåvor gör en egen.`,
          en: `The document's table of contents (${toc} lines) was left out; samdok's editions make their own.`,
        },
        where: "innehållsförteckning",
      });
    }
  }
  const comments = parseXml(parts, "word/comments.xml");
  const count = comments ? comments.getElementsByTagNameNS(W, "comment").length : 0;
  if (count > 0) {
    notes.push({
      kind: "dropped",
      message: {
        sv: `${count} ${count === 1 ? "kommentar togs" : "kommentarer togs"} inte med. Läs ${count === 1 ? "den" : "dem"} i originalet om de ska påverka texten.`,
        en: `${count} ${count === 1 ? "comment was" : "comments were"} not imported. Read ${count === 1 ? "it" : "them"} in the original if they should change the text.`,
      },
    });
  }
  return notes;
}

/** Body-text styles of Word, pandoc and LibreOffice: plain paragraphs, not worth a note. */
const BODY_STYLES = new Set(
  [
    "Normal",
    "Body Text",
    "First Paragraph",
    "Compact",
    "Text Body",
    "Brödtext",
    "Default Paragraph Style",
    "Table Contents",
    "Table Heading",
    "Standard",
  ].map((s) => s.toLowerCase()),
);

/**
 * mammoth's warnings as notes. Unrecognised styles are gathered into one note
 * (their text was kept as plain paragraphs or text); anything else is passed
 * on as mammoth wrote it, in English, with a Swedish lead.
 */
function mammothNotes(messages: ReadonlyArray<{ type: string; message: string }>): ImportNote[] {
  const notes: ImportNote[] = [];
  const styles = new Set<string>();
  const seen = new Set<string>();
  for (const { message } of messages) {
    const style = /^Unrecognised (?:paragraph|run|table) style: '([^']*)'/.exec(message);
    if (style) {
      const name = style[1] ?? "";
      if (name !== "" && name !== "null" && !BODY_STYLES.has(name.toLowerCase()) && !name.startsWith("Samdok ")) styles.add(name);
      continue;
    }
    // A style used but not defined is formatting only; the text is read all the same.
    if (/ style with ID .* was referenced but not defined/.test(message)) continue;
    if (seen.has(message)) continue;
    seen.add(message);
    notes.push({ kind: "needs-person", message: { sv: `Word-läsaren varnade: ${message}`, en: `The Word reader warned: ${message}` } });
  }
  if (styles.size > 0) {
    const list = [...styles].map((s) => `”${s}”`).join(", ");
    notes.push({
      kind: "guessed",
      message: {
        sv: `Formatmallarna ${list} är okända och lästes som vanlig text. Är någon av dem en rubrik, gör den till rubrik i Markdown.`,
        en: `The styles ${list} are unknown and were read as plain text. If any of them is a heading, make it a heading in the Markdown.`,
      },
    });
  }
  return notes;
}

/** True when the HTML has any text or a picture: a body with neither is an empty document. */
function hasContent(html: string): boolean {
  if (html.includes("<img")) return true;
  let depth = 0;
  for (const ch of html) {
    if (ch === "<") depth = 1;
    else if (ch === ">") depth = 0;
    else if (depth === 0 && ch.trim() !== "") return true;
  }
  return false;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
