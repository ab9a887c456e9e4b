/**
 * Reading a PDF edition the way a checker would: poppler's pdfinfo and
 * pdftotext as programs, and pdf-lib for the catalog (structure tree,
 * marked content, language, bookmarks, named destinations, link targets).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from "pdf-lib";

/** pdfinfo's fields ("Tagged", "Title", "Pages", …). */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
  const info: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) info[m[1].trim()] = (m[2] ?? "").trim();
  }
  return info;
}

/** The PDF's text, soft hyphens dropped and white space folded. */
export function pdfText(file: string): string {
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.replace(/\u00ad/g, "").replace(/\s+/g, " ");
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export interface Catalog {
  structTreeRoot: boolean;
  marked: boolean;
  lang: string | undefined;
  displayDocTitle: boolean;
  /** The bookmarks' titles, depth first. */
  outline: string[];
  /** The named destinations (`/Dests`). */
  destinations: string[];
  /** Every link's URI, page by page. */
  uris: string[];
  pages: number;
}

/** What pdf-lib finds in the PDF's catalog and pages. */
export async function readCatalog(file: string): Promise<Catalog> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const catalog = doc.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
  const prefs = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  const outline: string[] = [];
  const walk = (item: PDFDict | undefined): void => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const title = text(node.lookup(PDFName.of("Title")));
      if (title !== undefined) outline.push(title);
      walk(node.lookupMaybe(PDFName.of("First"), PDFDict));
    }
  };
  walk(catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict)?.lookupMaybe(PDFName.of("First"), PDFDict));
  const dests = catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookupMaybe(i, PDFDict);
      const uri = text(annot?.lookupMaybe(PDFName.of("A"), PDFDict)?.lookup(PDFName.of("URI")));
      if (uri !== undefined) uris.push(uri);
    }
  }
  return {
    structTreeRoot: catalog.get(PDFName.of("StructTreeRoot")) instanceof PDFRef,
    marked: markInfo?.lookup(PDFName.of("Marked")) === PDFBool.True,
    lang: text(catalog.lookup(PDFName.of("Lang"))),
    displayDocTitle: prefs?.lookup(PDFName.of("DisplayDocTitle")) === PDFBool.True,
    outline,
    destinations: dests ? dests.keys().map((k) => k.decodeText()) : [],
    uris,
    pages: doc.getPageCount(),
  };
}
