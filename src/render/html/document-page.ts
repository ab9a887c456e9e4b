/**
 * One page per document: `<id>.html`. The title is the page's only h1; the
 * document's own `##` headings become h2 under it. The body comes rendered
 * (markdown.ts); the consolidated edition places the same tree after this
 * page is written.
 */
import type { EditionDocument } from "../edition.js";
import type { HtmlBuild } from "./context.js";
import { block, h } from "./hast.js";
import { renderPage } from "./layout.js";
import type { BodyTree } from "./markdown.js";
import { appendixSections, banners, factsPanel, partId, statusLine, type PartContext } from "./parts.js";
import { statusLabel, typeLabel } from "../shared/edition-labels.js";
import { comparedFacts, documentSummary, redlineStyles } from "./redline.js";

/** A table of contents is worth its space from this many sections on. */
const TOC_MIN = 3;

export function documentPage(build: HtmlBuild, doc: EditionDocument, tree: BodyTree): string {
  const ctx: PartContext = { build, doc, mode: "page", level: 2 };
  const body = tree.place({ mode: "page", baseLevel: 2 });
  const appendix = appendixSections(ctx);
  const tocEntries = [
    ...body.outline,
    ...appendix.map((section) => {
      const heading = section.children.find((c) => c.type === "element" && /^h\d$/.test(c.tagName));
      const id = heading && heading.type === "element" ? String(heading.properties.id) : "";
      const text = heading && heading.type === "element" ? heading.children.map((c) => (c.type === "text" ? c.value : "")).join("") : "";
      return { id, text };
    }),
  ];
  const tocId = partId(ctx, "innehall");
  const toc =
    body.outline.length >= TOC_MIN
      ? h(
          "nav",
          { className: ["sidans-innehall"], ariaLabelledBy: [tocId] },
          h("h2", { id: tocId }, "Innehåll"),
          block("ol", null, ...tocEntries.map((e) => h("li", null, h("a", { href: `#${e.id}` }, e.text)))),
        )
      : null;
  const d = doc.doc;
  return renderPage(build, {
    kind: "dokument",
    title: d.titel,
    description: `${typeLabel(d.dokumenttyp)}, version ${d.version}, ${statusLabel(d.status).toLowerCase()}.`,
    // `--redline`: what changed first, the fact box compared, and the marks' styles (redline.ts).
    ...redlineStyles(tree.redline !== undefined),
    main: [
      h("p", { className: ["brodsmulor"] }, h("a", { href: "index.html" }, "Dokumentregister"), " › ", typeLabel(d.dokumenttyp)),
      h("h1", null, d.titel),
      statusLine(ctx),
      ...banners(ctx),
      documentSummary(ctx, tree.redline, true),
      doc.redline ? comparedFacts(ctx) : factsPanel(ctx),
      toc,
      block("div", { className: ["brodtext"] }, ...body.children),
      ...appendix,
    ],
  });
}
