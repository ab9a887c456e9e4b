/**
 * The HTML edition: `index.html` (the register), one page per document
 * (`<id>.html`), `samlad-utgava.html` (every document on one page), and the
 * files the documents link to (`filer/`).
 *
 * Every page is rendered in memory first and the whole edition is then
 * committed at once (commit-files.ts), so a failing build leaves the
 * previous edition as it was. The output depends only on the sources, the
 * edition's date and the source revision: two builds are byte-identical.
 */
import type { Edition, EditionDocument } from "../edition.js";
import { commitFiles, type OutputFile } from "../shared/commit-files.js";
import { HtmlBuild } from "./context.js";
import { documentPage } from "./document-page.js";
import { renderBody, type BodyTree } from "./markdown.js";
import { registerPage } from "./register.js";
import { consolidatedPage } from "./consolidated.js";
import { safeMessage } from "../../core/safe-text.js";

/** The list of files the last HTML build wrote, so the next one can remove pages no longer in the edition. */
export const HTML_MANIFEST = ".samdok-html.txt";

/** Renders the whole edition in memory: path (relative to the output folder) → contents. */
export async function renderHtml(edition: Edition): Promise<{ files: OutputFile[]; warnings: string[] }> {
  const build = new HtmlBuild(edition);
  const files: OutputFile[] = [{ path: "index.html", data: registerPage(build) }];
  // Each body is rendered once: for its page first, then placed again in the consolidated edition.
  const bodies = new Map<EditionDocument, BodyTree>();
  for (const doc of edition.documents) {
    const body = await renderBody(build, doc);
    bodies.set(doc, body);
    files.push({ path: build.pageFile(doc), data: documentPage(build, doc, body) });
  }
  files.push({ path: "samlad-utgava.html", data: consolidatedPage(build, bodies) });
  // The bytes attach() read through readRegularFile: the file is never opened again by its name.
  for (const [abs, rel] of [...build.attachments].sort((a, b) => a[1].localeCompare(b[1]))) {
    const data = build.attachmentBytes(abs);
    if (data) files.push({ path: rel, data });
  }
  // Two links alike on one line warn alike; say it once.
  return { files, warnings: [...new Set(build.warnings)] };
}

/** Writes the HTML edition into edition.outDir; returns the files written. */
export async function buildHtml(edition: Edition): Promise<string[]> {
  const { files, warnings } = await renderHtml(edition);
  const label = edition.lang === "sv" ? "varning" : "warning";
  for (const warning of warnings) edition.stderr.write(`samdok: ${label}: ${safeMessage(warning)}\n`);
  return commitFiles(edition.outDir, files, HTML_MANIFEST, edition.lang);
}
