/**
 * The Word edition: `samlad-utgava.docx` (cover, contents, every document as
 * a chapter) and, with `--per-document`, one `<id>.docx` per document. Built
 * with our own mdast → docx mapper (blocks.ts, inline.ts), normalised so two
 * builds of the same input are byte-identical, and written atomically.
 */
import path from "node:path";
import type { Root } from "mdast";
import { Document } from "docx";
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
import { capitalize, editionStamp, LABEL, runningHead, statusLabel } from "./labels.js";
import { normalizeParts, type Parts } from "./normalize.js";
import { packParts } from "./pack.js";
import { section } from "./page.js";
import { A4, houseStyles, numbering, stylesForTemplate, textWidth, type PageSetup } from "./styles.js";
import { readTemplate, type Template } from "./template.js";

type CustomProperty = NonNullable<IPropertiesOptions["customProperties"]>[number];

export interface DocxOptions {
  perDocument: boolean;
  template?: string;
  tocField: boolean;
  pageNumbers: boolean;
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
}

/** A document's body to map: the tree validation parsed (taken once), or the text to parse. */
function sourceOf(d: EditionDocument): Source {
  const tree = takeTree(d, "docx");
  return { text: d.text, bodyLine: d.result.bodyLine ?? 1, ...(tree ? { tree } : {}) };
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
    const ctx: MapContext = { doc: d, links, lists, needs: new Needs(), ...documentTables(tree), maxImageWidth: Math.floor(width / 15) };
    sections.push(
      section(
        chapter(tree, ctx, width, build.estimator !== undefined),
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
  if (!t) return { styles: houseStyles(build.page) };
  return { styles: stylesForTemplate(build.page, t.styleIds), externalStyles: t.styles, ...(t.theme ? { theme: t.theme } : {}) };
}

type Contents = { properties: Omit<IPropertiesOptions, "sections">; sections: ISectionOptions[] };

/** Builds the docx Document and compiles its parts; nothing of the object model outlives this call. */
async function compile(build: Build, make: () => Promise<Contents>): Promise<Parts> {
  const { properties, sections } = await make();
  const doc = new Document({
    creator: "samdok",
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
  return normalizeParts(parts, build.edition.timestamp);
}

function editionInfo(edition: Edition): CustomProperty[] {
  return [
    { name: "utgava_datum", value: edition.date },
    ...(edition.asOf ? [{ name: "gallande_den", value: edition.asOf }] : []),
    { name: "kallversion", value: edition.revision ?? "" },
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
    const head = { left: title, right: editionStamp(edition) };
    const front: ISectionOptions[] = [
      section(cover(edition), build.page, head, true),
      section(
        [
          ...contents(edition, { tocField: build.options.tocField, pageNumbers: build.options.pageNumbers, width: textWidth(build.page) }),
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
        keywords: ["samverkansdokument", ...regions].join("; "),
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
        keywords: [doc.dokumenttyp, ...(doc.nyckelord ?? [])].join("; "),
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

/** Writes the Word edition into edition.outDir; returns the files written. */
export async function buildDocx(edition: Edition, options: DocxOptions): Promise<string[]> {
  const template = options.template ? readTemplate(options.template, edition.lang) : undefined;
  const estimator = options.pageNumbers ? (await import("docx/layout")).estimatePageNumbers : undefined;
  const build: Build = {
    edition,
    options,
    template,
    page: template?.page ?? A4,
    trees: options.perDocument ? new Map() : undefined,
    published: new Set(edition.documents),
    estimator,
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
