/**
 * The PDF edition: `samlad-utgava.pdf` and, with `--per-document`, one
 * `<id>.pdf` per document, made by LibreOffice from the Word edition, so the
 * two read alike: the same cover, contents, headings, page header and
 * footer stamps ("Utskriven kopia är inte styrande", the edition's date).
 *
 * The PDF is tagged (a structure tree with headings, lists, tables, links),
 * meets PDF/UA's requirements as far as LibreOffice's export does (document
 * title shown, language sv-SE from the Word file's styles and properties),
 * and has bookmarks from the headings: what the accessibility law asks of a
 * published PDF. Every file is checked for the structure tree before it is
 * written; LibreOffice's clock and file identifier are replaced by the
 * edition's (finish.ts), so two builds give the same bytes.
 *
 * The Word files are rendered for the PDF in a temporary folder (their
 * footnotes numbered for LibreOffice, see `wordSources`). Each PDF is then written into the edition folder
 * atomically, like every other file of the edition.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Edition } from "../edition.js";
import { buildDocx, EDITION_FILE, type DocxOptions } from "../docx/index.js";
import { writeFileAtomic } from "../../core/write.js";
import { UsageError } from "../../core/errors.js";
import { pick } from "../../i18n/text.js";
import { convertToPdf } from "./convert.js";
import { missingAccessibility, reproduciblePdf } from "./finish.js";
import { linkToPdfs } from "./links.js";

export interface PdfOptions {
  /** The Word edition's options (template, contents, page numbers, per document): the PDF is made from that edition. */
  docx: DocxOptions;
  /** The LibreOffice program (soffice.ts). */
  soffice: string;
  /** The environment LibreOffice runs in. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds before LibreOffice is stopped (convert.ts has the default). */
  timeoutMs?: number;
}

/** `samlad-utgava.docx` → `samlad-utgava.pdf`. */
function pdfName(docx: string): string {
  return `${path.basename(docx, path.extname(docx))}.pdf`;
}

/** The Word files to convert: the consolidated edition first, then one per document. */
function wordFiles(edition: Edition, folder: string, perDocument: boolean): string[] {
  return [EDITION_FILE, ...(perDocument ? edition.documents.map((d) => `${d.doc.id}.docx`) : [])].map((f) => path.join(folder, f));
}

/** Writes the PDF edition into edition.outDir; returns the files written. */
export async function buildPdf(edition: Edition, options: PdfOptions): Promise<string[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), "samdok-pdf-"));
  try {
    const words = path.join(work, "word");
    const pdfs = path.join(work, "pdf");
    mkdirSync(words);
    mkdirSync(pdfs);
    const sources = await wordSources(edition, options, words);
    const ids = edition.documents.map((d) => d.doc.id);
    // The per-document files link to each other: as PDFs, to the PDFs. The consolidated file links within itself.
    for (const file of sources.slice(1)) writeFileSync(file, linkToPdfs(readFileSync(file), ids));
    const said = await convertToPdf(sources, pdfs, {
      soffice: options.soffice,
      env: options.env,
      lang: edition.lang,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const written: string[] = [];
    for (const source of sources) {
      const name = pdfName(source);
      const made = path.join(pdfs, name);
      if (!existsSync(made)) throw notMade(edition, name, said);
      const pdf = readFileSync(made);
      const missing = missingAccessibility(pdf);
      if (missing.length > 0) throw untagged(edition, name, missing);
      const target = path.join(edition.outDir, name);
      writeFileAtomic(target, reproduciblePdf(pdf, edition.timestamp));
      written.push(target);
    }
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The Word files to convert, rendered in `folder` for the PDF: as the Word
 * edition, but with every chapter's footnotes numbered by LibreOffice's own
 * footnote numbers (`forLibreOffice`), which restart per chapter in print
 * where the Word edition's custom marks would show twice.
 */
async function wordSources(edition: Edition, options: PdfOptions, folder: string): Promise<string[]> {
  await buildDocx({ ...edition, outDir: folder }, { ...options.docx, forLibreOffice: true });
  return wordFiles(edition, folder, options.docx.perDocument);
}

function notMade(edition: Edition, name: string, said: string): UsageError {
  return new UsageError(
    pick(
      {
        sv: `LibreOffice gjorde ingen ${name}${said ? ` (LibreOffice: ${said})` : ""}. Den tidigare utgåvan är orörd.`,
        en: `LibreOffice made no ${name}${said ? ` (LibreOffice: ${said})` : ""}. The previous edition is untouched.`,
      },
      edition.lang,
    ),
  );
}

function untagged(edition: Edition, name: string, missing: string[]): UsageError {
  return new UsageError(
    pick(
      {
        sv: `LibreOffice gjorde ${name} utan taggar för tillgänglighet (saknar ${missing.join(", ")}). samdok behöver LibreOffice 7.4 eller senare för en tillgänglig PDF; se \`soffice --version\`. Den tidigare utgåvan är orörd.`,
        en: `LibreOffice made ${name} without accessibility tags (no ${missing.join(", ")}). samdok needs LibreOffice 7.4 or later for an accessible PDF; see \`soffice --version\`. The previous edition is untouched.`,
      },
      edition.lang,
    ),
  );
}
