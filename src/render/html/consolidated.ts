/**
 * `samlad-utgava.html`: every document of the edition on one page, in
 * edition order (set, track, type, id), with a table of contents. Links
 * between documents become links within the page (`#<id>` and
 * `#<id>--<slug>`); links to documents outside the edition keep their words
 * and say so. Printed, every document starts on a new page.
 *
 * Each document's body is the tree its own page was made from
 * (markdown.ts), placed again with the consolidated edition's ids, heading
 * levels and link targets: it is not rendered a second time.
 */
import type { Element } from "hast";
import type { EditionDocument } from "../edition.js";
import type { HtmlBuild } from "./context.js";
import { block, h, type Child } from "./hast.js";
import { editionStatement, renderPage } from "./layout.js";
import type { BodyTree } from "./markdown.js";
import { appendixSections, banners, factsPanel, statusLine, type PartContext } from "./parts.js";
import { editionTitle, setTitle, statusLabel, typeLabel } from "../shared/edition-labels.js";
import { trackName } from "../../core/config.js";
import { comparedFacts, documentSummary, editionSummary, redlineStyles } from "./redline.js";

/** `bodies`: every document's rendered body; its page must be written already (BodyTree.place). */
export function consolidatedPage(build: HtmlBuild, bodies: ReadonlyMap<EditionDocument, BodyTree>): string {
  const { edition } = build;
  const sets = new Map<string, EditionDocument[]>();
  for (const d of edition.documents) sets.set(d.loaded.root, [...(sets.get(d.loaded.root) ?? []), d]);
  const several = sets.size > 1;
  const docLevel = several ? 3 : 2;

  const toc: Element[] = [];
  const chapters: Child[] = [];
  for (const docs of sets.values()) {
    const first = docs[0];
    if (!first) continue;
    const config = first.loaded.config;
    const tracks = new Map<string, EditionDocument[]>();
    for (const d of docs) tracks.set(d.doc.spar, [...(tracks.get(d.doc.spar) ?? []), d]);
    const trackItems = [...tracks].map(([track, list]) =>
      h(
        "li",
        null,
        h("span", { className: ["toc-spar"] }, `Spår: ${trackName(config, track)}`),
        block(
          "ol",
          null,
          ...list.map((d) =>
            h(
              "li",
              null,
              h("a", { href: `#${build.anchor(d)}` }, d.doc.titel),
              h("span", { className: ["toc-typ"] }, ` ${typeLabel(d.doc.dokumenttyp)} · ${statusLabel(d.doc.status)}`),
            ),
          ),
        ),
      ),
    );
    if (several) {
      const setId = `samling__${build.anchor(first)}`;
      toc.push(
        h("li", null, h("a", { href: `#${setId}`, className: ["toc-samling"] }, setTitle(config)), block("ul", null, ...trackItems)),
      );
      chapters.push(h("h2", { id: setId, className: ["samling-rubrik"] }, setTitle(config)));
    } else {
      toc.push(...trackItems);
    }
    for (const d of docs) {
      const body = bodies.get(d);
      if (!body) throw new Error(`no rendered body: ${d.doc.id}`);
      chapters.push(chapter(build, d, body, docLevel));
    }
  }

  return renderPage(build, {
    kind: "samlad",
    title: "Samlad utgåva",
    description: `Alla ${edition.documents.length} dokument i en samlad utgåva.`,
    // `--redline`: the documents changed, new and gone first, and the marks' styles (redline.ts).
    ...redlineStyles(edition.redline !== undefined || [...bodies.values()].some((b) => b.redline !== undefined)),
    main: [
      h("h1", null, "Samlad utgåva"),
      h(
        "p",
        { className: ["ingress"] },
        `${editionTitle(build.edition)}. ${edition.documents.length} dokument i en följd, ordnade efter spår, dokumenttyp och id.`,
      ),
      h("p", { className: ["utgava"] }, editionStatement(build, { source: false })),
      editionSummary(build),
      h(
        "nav",
        { className: ["innehallsforteckning"], ariaLabelledBy: ["innehall__forteckning"] },
        h("h2", { id: "innehall__forteckning" }, "Innehåll"),
        block("ul", { className: ["toc"] }, ...toc),
      ),
      ...chapters,
    ],
  });
}

function chapter(build: HtmlBuild, doc: EditionDocument, tree: BodyTree, level: number): Element {
  const ctx: PartContext = { build, doc, mode: "samlad", level: level + 1 };
  const body = tree.place({ mode: "samlad", baseLevel: level + 1 });
  const id = build.anchor(doc);
  return block(
    "article",
    { className: ["samlat-dokument"], ariaLabelledBy: [id] },
    h(`h${level}`, { id, className: ["dokument-rubrik"] }, doc.doc.titel),
    statusLine(ctx),
    ...banners(ctx),
    documentSummary(ctx, tree.redline, build.edition.redline === undefined),
    doc.redline ? comparedFacts(ctx) : factsPanel(ctx),
    block("div", { className: ["brodtext"] }, ...body.children),
    ...appendixSections(ctx),
    h(
      "p",
      { className: ["till-borjan"] },
      h("a", { href: "#innehall__forteckning" }, "Till innehållsförteckningen"),
      " · ",
      h("a", { href: build.pageFile(doc) }, "Dokumentets egen sida"),
    ),
  );
}
