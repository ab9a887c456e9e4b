/**
 * The HTML edition: `index.html` (the register), one page per document
 * (`<id>.html`), `samlad-utgava.html` (every document on one page), and the
 * files the documents link to (`filer/`).
 *
 * Every page is rendered in memory first and the whole edition is then
 * committed at once (commit-files.ts), so a failing build leaves the
 * previous edition as it was. The output depends only on the sources, the
 * edition's date and the source revision: two builds are byte-identical.
 *
 * A build of several sets writes this edition once per set, in the set's
 * folder, and `setIndexPage` above them: the index of the sets.
 */
import type { Edition, EditionDocument } from "../edition.js";
import { commitFiles, type OutputFile } from "../shared/commit-files.js";
import { HtmlBuild } from "./context.js";
import { documentPage } from "./document-page.js";
import { renderBody, type BodyTree } from "./markdown.js";
import { registerPage } from "./register.js";
import { consolidatedPage } from "./consolidated.js";
import { safeMessage } from "../../core/safe-text.js";
import { block, h } from "./hast.js";
import { framedPage } from "./layout.js";
import { STYLES } from "./styles.js";
import { editionTitle, setTitle } from "../shared/edition-labels.js";

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

/** One set's edition in a build of several, as the index of the sets names it. */
export interface SetOfIndex {
  /** Its folder in the output folder (`orebro`). */
  folder: string;
  edition: Edition;
  /** The formats written for it: each gets a link to its consolidated edition. */
  formats: readonly string[];
}

const SET_INDEX_STYLES = `.samlingar { list-style: none; margin: 1.5rem 0 0; padding: 0; display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.samling { background: var(--panel); border-top: 4px solid var(--brand); padding: 0.25rem 1.25rem 1rem; }
.samling h2 { font-size: 1.3125rem; margin-top: 1rem; }
.samling ul { margin: 0; padding-left: 1.25rem; list-style: disc; }
.samling li { margin: 0.25rem 0; }`;

/**
 * `index.html` above the sets' editions when a build covers several sets
 * (each in its own folder): every set by its own name, what its edition
 * holds, and links to its register and its consolidated edition in each
 * format written. Built as a tree like every other page (hast.ts escapes
 * every name from a configuration), with the edition's stylesheet, a skip
 * link and the edition's date in the footer.
 * @param whole the build's edition of every set (its date, revision and title)
 */
export function setIndexPage(whole: Edition, sets: readonly SetOfIndex[]): string {
  const build = new HtmlBuild(whole);
  const title = editionTitle(whole);
  const items = sets.map(({ folder, edition, formats }) => {
    const config = edition.sets[0]?.config;
    const name = config ? setTitle(config) : folder;
    const headingId = `samling-${folder}`;
    const listed = edition.listed.length > 0 ? `; ${edition.listed.length} som inte gäller listas i registret` : "";
    const links = [
      formats.includes("html") ? h("li", null, h("a", { href: `${folder}/index.html` }, "Dokumentregister")) : null,
      formats.includes("html") ? h("li", null, h("a", { href: `${folder}/samlad-utgava.html` }, "Samlad utgåva (webbsida)")) : null,
      formats.includes("docx") ? h("li", null, h("a", { href: `${folder}/samlad-utgava.docx` }, "Samlad utgåva i Word (.docx)")) : null,
      formats.includes("pdf") ? h("li", null, h("a", { href: `${folder}/samlad-utgava.pdf` }, "Samlad utgåva som PDF")) : null,
    ];
    return block(
      "li",
      { className: ["samling"] },
      h("h2", { id: headingId }, formats.includes("html") ? h("a", { href: `${folder}/index.html` }, name) : name),
      h("p", null, `${config?.region.namn ?? ""}. ${edition.documents.length} dokument gäller${listed}.`),
      block("ul", null, ...links),
    );
  });
  return framedPage(build, {
    title: "Samlingar",
    description: `Utgåvor av ${sets.length} samlingar av samverkansdokument: ${title}.`,
    css: `${STYLES}\n${SET_INDEX_STYLES}`,
    bodyClass: "sida-samlingar",
    header: h(
      "header",
      { className: ["sidhuvud"] },
      block("div", { className: ["ram", "sidhuvud-ram"] }, h("p", { className: ["webbplats"] }, title)),
    ),
    main: [
      h("h1", null, "Samlingar"),
      h(
        "p",
        { className: ["ingress"] },
        "Utgåvan har en del per samling av samverkansdokument. Varje samling har sitt eget dokumentregister och sin egen samlade utgåva.",
      ),
      block("ul", { className: ["samlingar"] }, ...items),
    ],
    made: `Sidan är skapad med samdok ${build.version} ur dokumentens Markdown-filer.`,
  });
}
