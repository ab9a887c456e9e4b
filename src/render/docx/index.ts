/**
 * The Word edition: `samlad-utgava.docx` (cover, contents, every document as
 * a chapter) and, with `--per-document`, one `<id>.docx` per document. Built
 * with our own mdast → docx mapper (blocks.ts, inline.ts), normalised so two
 * builds of the same input are byte-identical, and written atomically.
 */
import path from "node:path";
import type { Root } from "mdast";
import { Document } from "docx";
import { strFromU8 } from "fflate";
import type { IPropertiesOptions, ISectionOptions, PageNumberEstimator } from "docx";
import { takeTree, type Edition, type EditionDocument } from "../edition.js";
import { writeFileAtomic } from "../../core/write.js";
import { collectGarbage } from "../../core/memory.js";
import { Bodies, parseSource, type Source } from "./bodies.js";
import { chapter } from "./chapter.js";
import { Needs } from "./content.js";
import { documentTables, ListCounter, type MapContext } from "./context.js";
import { contents, cover, listedPart } from "./front.js";
import { editionTitle } from "../shared/edition-labels.js";
import { LinkResolver } from "./links.js";
import { capitalize, editionStamp, LABEL, runningHead, shortTitle, statusLabel } from "./labels.js";
import { normalizeParts, type Parts } from "./normalize.js";
import { packParts } from "./pack.js";
import { section } from "./page.js";
import { A4, COLORS, houseStyles, numbering, stylesForTemplate, textWidth, type PageSetup } from "./styles.js";
import { editionLook, wordColour, type EditionLook } from "../shared/region-look.js";
import { safeMessage } from "../../core/safe-text.js";
import { readTemplate, type Template } from "./template.js";
import { changeAuthor } from "./redline-chapter.js";
import type { RedlineSource } from "./redline-body.js";
import { editionChanges } from "./redline-front.js";

type CustomProperty = NonNullable<IPropertiesOptions["customProperties"]>[number];

export interface DocxOptions {
  perDocument: boolean;
  template?: string;
  tocField: boolean;
  pageNumbers: boolean;
  /**
   * The file is for LibreOffice (the PDF edition converts it): a footnote
   * numbered per document keeps Word's note mark, which LibreOffice shows as
   * the reference's own number (see numberNotesPerChapter).
   */
  forLibreOffice?: boolean;
}

/** The consolidated edition's file name. */
export const EDITION_FILE = "samlad-utgava.docx";

interface Build {
  edition: Edition;
  options: DocxOptions;
  template: Template | undefined;
  page: PageSetup;
  /** Parsed bodies, kept only when each document is written twice (--per-document). */
  trees: Map<EditionDocument, Root> | undefined;
  published: Set<EditionDocument>;
  estimator: PageNumberEstimator | undefined;
  /** The region's issuer, logo and colour (`utgava` of samdok.config.json). */
  look: EditionLook;
  /** The main colour as Word writes it: the configured one, or the house blue. */
  accent: string;
}

/** A document's body to map: the tree validation parsed (taken once), or the text to parse. */
function sourceOf(d: EditionDocument): Source {
  const tree = takeTree(d, "docx");
  return { text: d.text, bodyLine: d.result.bodyLine ?? 1, ...(tree ? { tree } : {}), ...redlineSource(d) };
}

/** `--redline`: the body at REF to merge with, unless the file is the same (most documents: nothing to compare). */
function redlineSource(d: EditionDocument): { base?: RedlineSource } {
  const r = d.redline;
  if (!r || r.text === d.text) return {};
  return { base: { bodyLine: r.bodyLine ?? 1, ...(r.text === undefined ? {} : { text: r.text }) } };
}

/** The parsed body of docs[i], by `parse`; kept when --per-document needs it again. */
async function bodyOf(build: Build, d: EditionDocument, parse: () => Root | Promise<Root>): Promise<Root> {
  const cached = build.trees?.get(d);
  if (cached) return cached;
  const tree = await parse();
  build.trees?.set(d, tree);
  return tree;
}

type Parse = (i: number) => Root | Promise<Root>;

async function chapters(
  build: Build,
  docs: readonly EditionDocument[],
  firstIsFirst: boolean,
  parse: Parse,
): Promise<{ sections: ISectionOptions[]; lists: ListCounter }> {
  const links = new LinkResolver(build.edition.all, build.published, new Set(docs));
  const lists = new ListCounter();
  const width = textWidth(build.page);
  const right = editionStamp(build.edition);
  const sections: ISectionOptions[] = [];
  for (const [i, d] of docs.entries()) {
    const tree = await bodyOf(build, d, () => parse(i));
    // 96 pixels to the inch, 1440 twips to the inch.
    const redline = changeAuthor(d);
    const ctx: MapContext = {
      doc: d,
      links,
      lists,
      needs: new Needs(),
      ...documentTables(tree),
      maxImageWidth: Math.floor(width / 15),
      ...(redline ? { redline } : {}),
    };
    sections.push(
      section(
        chapter(tree, ctx, width, build.estimator !== undefined, build.edition),
        build.page,
        { left: runningHead(d.doc), right },
        firstIsFirst && i === 0,
      ),
    );
  }
  return { sections, lists };
}

function styleOptions(build: Build): Pick<IPropertiesOptions, "styles" | "externalStyles" | "theme"> {
  const t = build.template;
  if (!t) return { styles: houseStyles(build.page, build.accent) };
  // The template's styles win: its headings keep their colours; samdok's own styles it lacks take the main colour.
  return {
    styles: stylesForTemplate(build.page, t.styleIds, build.accent),
    externalStyles: t.styles,
    ...(t.theme ? { theme: t.theme } : {}),
  };
}

type Contents = { properties: Omit<IPropertiesOptions, "sections">; sections: ISectionOptions[] };

/** Builds the docx Document and compiles its parts; nothing of the object model outlives this call. */
async function compile(build: Build, make: () => Promise<Contents>): Promise<Parts> {
  const { properties, sections } = await make();
  const doc = new Document({
    // The issuer is the document's author (also the PDF's); samdok only writes it.
    creator: build.look.issuer ?? "samdok",
    lastModifiedBy: "samdok",
    ...properties,
    ...styleOptions(build),
    ...(build.estimator ? { pageNumbers: build.estimator } : {}),
    sections,
  });
  return packParts(doc);
}

/** From about 250 documents on, a file's XML is this long. */
const LARGE_XML = 4_000_000;

function xmlLength(parts: Parts): number {
  let length = 0;
  for (const data of parts.values()) if (typeof data === "string") length += data.length;
  return length;
}

/**
 * Once a large file is compiled, the chapters' text, docx's objects and the
 * compiler's XML trees are garbage, but V8 would rather grow the heap while
 * zipping than collect them. A full collection here costs tens of
 * milliseconds; for 1,000 documents the peak was 389–390 MB with it and
 * 403–422 MB without (two runs each of docx-bench).
 */
function collectAfterCompile(parts: Parts): void {
  if (xmlLength(parts) >= LARGE_XML) collectGarbage();
}

async function pack(build: Build, make: () => Promise<Contents>): Promise<Uint8Array> {
  const parts = await compile(build, make);
  collectAfterCompile(parts);
  numberNotesPerChapter(parts, build.options.forLibreOffice === true);
  return normalizeParts(parts, build.edition.timestamp, wordLanguage(build.edition.lang));
}

const NOTE_OR_SECTION = /<w:footnoteReference w:id="(\d+)"\/>|<w:sectPr[ >]/g;
const FOOTNOTE = /<w:footnote\b[^>]*?\bw:id="(-?\d+)"[^>]*>[\s\S]*?<\/w:footnote>/g;

/**
 * Footnotes numbered from 1 in each document of the consolidated edition, as
 * in the document's own file: a reader citing "note 2 of the agreement" finds
 * it there, not as note 6 of the edition. Each chapter is a section of its
 * own (page.ts). Word could restart the numbers per section (`w:numRestart
 * eachSect`), but LibreOffice, and so the PDF edition made with it, turns
 * that into numbering per chapter and prints every later note as 0. So Word
 * numbers the first chapter's notes itself, and from the next chapter with
 * notes on each note carries its number as a custom mark (the reference's
 * `w:customMarkFollows`, followed by the number). In the note, Word shows a
 * custom mark only as text, as it writes one itself; LibreOffice always
 * shows the reference's mark there and would print the text after it
 * ("11"), so a file `forLibreOffice` keeps the note's `w:footnoteRef`.
 * A file of one document is left as it is.
 */
export function numberNotesPerChapter(parts: Parts, forLibreOffice = false): void {
  const text = (data: string | Uint8Array | undefined): string | undefined => (data instanceof Uint8Array ? strFromU8(data) : data);
  const body = text(parts.get("word/document.xml"));
  const notes = text(parts.get("word/footnotes.xml"));
  if (body === undefined || notes === undefined) return;
  const custom = new Map<string, number>();
  let automatic = 0;
  let inChapter = 0;
  const numbered = body.replace(NOTE_OR_SECTION, (match: string, id: string | undefined) => {
    if (id === undefined) {
      inChapter = 0;
      return match;
    }
    inChapter += 1;
    if (custom.size === 0 && inChapter === automatic + 1) {
      automatic += 1;
      return match;
    }
    custom.set(id, inChapter);
    return `<w:footnoteReference w:customMarkFollows="1" w:id="${id}"/><w:t>${inChapter}</w:t>`;
  });
  if (custom.size === 0) return;
  parts.set("word/document.xml", numbered);
  if (forLibreOffice) return;
  parts.set(
    "word/footnotes.xml",
    notes.replace(FOOTNOTE, (note: string, id: string) => {
      const n = custom.get(id);
      return n === undefined ? note : note.replace("<w:footnoteRef/>", `<w:t>${n}</w:t>`);
    }),
  );
}

/**
 * The language of the edition's text and of its core properties (dc:language):
 * Swedish, whatever language the command line talks in (`--lang en`), since
 * the documents and the edition's labels are Swedish (labels.ts): Word checks
 * the spelling of the text, and a screen reader reads the PDF, in this language.
 */
export function wordLanguage(_lang: Edition["lang"]): string {
  return "sv-SE";
}

/**
 * Keywords as Word keeps them: phrases separated by "; ". LibreOffice (and
 * so a PDF made from the file) splits them at every space, comma, colon and
 * semicolon, so the spaces inside a phrase are non-breaking: "Region Örebro
 * län" stays one keyword instead of three.
 */
export function keywordList(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.trim().replace(/\s+/g, "\u00a0")).join("; ");
}

function editionInfo(edition: Edition): CustomProperty[] {
  return [
    { name: "utgava_datum", value: edition.date },
    ...(edition.asOf ? [{ name: "gallande_den", value: edition.asOf }] : []),
    { name: "kallversion", value: edition.revision ?? "" },
    ...(edition.redline ? [{ name: "andringar_sedan", value: edition.redline.label }] : []),
  ];
}

/** Every chapter, the bodies parsed ahead on worker threads (bodies.ts), which stop before the file is compiled. */
async function allChapters(build: Build): Promise<{ sections: ISectionOptions[]; lists: ListCounter }> {
  const bodies = new Bodies(build.edition.documents.map(sourceOf));
  try {
    return await chapters(build, build.edition.documents, false, (i) => bodies.get(i));
  } finally {
    await bodies.close();
  }
}

function consolidated(build: Build): Promise<Uint8Array> {
  return pack(build, async () => {
    const { edition } = build;
    const title = editionTitle(edition);
    const head = { left: shortTitle(title), right: editionStamp(edition) };
    const front: ISectionOptions[] = [
      // The cover has no header or footer.
      section(cover(edition, build.look, build.accent), build.page, head, true, true),
      section(
        [
          ...contents(edition, { tocField: build.options.tocField, pageNumbers: build.options.pageNumbers, width: textWidth(build.page) }),
          ...editionChanges(edition),
          ...listedPart(edition),
        ],
        build.page,
        head,
        false,
      ),
    ];
    const { sections, lists } = await allChapters(build);
    const regions = [...new Set(edition.documents.map((d) => d.loaded.config.region.namn))];
    return {
      properties: {
        title,
        subject: `${LABEL.edition} ${edition.date}`,
        keywords: keywordList(["samverkansdokument", ...regions]),
        description: `${edition.documents.length} dokument. ${LABEL.sourceRevision}: ${edition.revision ?? LABEL.unknownRevision}.`,
        revision: 1,
        customProperties: [
          ...editionInfo(edition),
          { name: "antal_dokument", value: String(edition.documents.length) },
          ...(edition.listed.length > 0 ? [{ name: "antal_listade", value: String(edition.listed.length) }] : []),
          {
            name: "samling",
            value: [...new Set(edition.documents.map((d) => d.loaded.config.namn ?? d.loaded.config.region.namn))].join("; "),
          },
        ],
        numbering: numbering(lists.starts),
      },
      sections: [...front, ...sections],
    };
  });
}

function single(build: Build, d: EditionDocument): Promise<Uint8Array> {
  return pack(build, async () => {
    const { sections, lists } = await chapters(build, [d], true, () => parseSource(sourceOf(d)));
    const doc = d.doc;
    const custom: CustomProperty[] = [
      { name: "id", value: doc.id },
      { name: "version", value: doc.version },
      { name: "status", value: doc.status },
      { name: "dokumenttyp", value: doc.dokumenttyp },
      ...(doc.revideras_senast ? [{ name: "revideras_senast", value: doc.revideras_senast }] : []),
      ...(doc.giltig_fran ? [{ name: "giltig_fran", value: doc.giltig_fran }] : []),
      ...(doc.giltig_till ? [{ name: "giltig_till", value: doc.giltig_till }] : []),
      ...(d.publishedFrom ? [{ name: "git_commit", value: d.publishedFrom.commit }] : []),
      ...editionInfo(build.edition),
    ];
    return {
      properties: {
        title: doc.titel,
        subject: `${capitalize(doc.dokumenttyp)}, ${statusLabel(doc.status).toLowerCase()}, version ${doc.version}`,
        keywords: keywordList([doc.dokumenttyp, ...(doc.nyckelord ?? [])]),
        description: `${doc.id}, version ${doc.version}`,
        // Word's revision number is a whole number: the number of versions in the change history.
        revision: Math.max(1, doc.andringshistorik?.length ?? 1),
        customProperties: custom,
        numbering: numbering(lists.starts),
      },
      sections,
    };
  });
}

/** Word shows an SVG only with a PNG beside it, which samdok cannot draw: the cover goes without the logo, and says why. */
function warnSvgLogo(edition: Edition): void {
  const message =
    edition.lang === "sv"
      ? "varning: Word-utgåvans omslag får ingen logotyp, eftersom logotypen är en SVG-fil. Ange en PNG-fil i utgava.logotyp.fil för att få logotypen i Word och PDF (HTML-utgåvan visar båda)."
      : "warning: the Word edition's cover has no logo, since the logo is an SVG file. Give a PNG file in utgava.logotyp.fil to have the logo in Word and PDF (the HTML edition shows either).";
  edition.stderr.write(`samdok: ${safeMessage(message)}\n`);
}

/** Writes the Word edition into edition.outDir; returns the files written. */
export async function buildDocx(edition: Edition, options: DocxOptions): Promise<string[]> {
  const template = options.template ? readTemplate(options.template, edition.lang) : undefined;
  const estimator = options.pageNumbers ? (await import("docx/layout")).estimatePageNumbers : undefined;
  const look = editionLook(edition);
  if (look.logo?.kind === "svg") warnSvgLogo(edition);
  const build: Build = {
    edition,
    options,
    template,
    page: template?.page ?? A4,
    trees: options.perDocument ? new Map() : undefined,
    published: new Set(edition.documents),
    estimator,
    look,
    accent: look.colour ? wordColour(look.colour) : COLORS.accent,
  };
  const written: string[] = [];
  const target = path.resolve(edition.outDir, EDITION_FILE);
  writeFileAtomic(target, await consolidated(build));
  written.push(target);
  if (options.perDocument) {
    for (const d of edition.documents) {
      const file = path.resolve(edition.outDir, `${d.doc.id}.docx`);
      writeFileAtomic(file, await single(build, d));
      written.push(file);
    }
  }
  return written;
}
