/**
 * The parts of a redline page (issue 16) around the marked text: what
 * changed, first.
 *
 * - At the top of a changed document (its page, and its chapter of the
 *   consolidated edition), `documentSummary`: "Ändringar sedan v2.0", the
 *   changed sections as links to their headings, and a table of the
 *   front-matter fields that changed (`fieldChanges`, the same as the Word
 *   edition's); for a new document "Nytt dokument sedan …".
 * - The fact box compares the two versions (`comparedFacts`): a changed value
 *   is the old one deleted and the new one inserted.
 * - The consolidated edition opens with the documents changed, new and
 *   repealed or removed since REF (`editionSummary`).
 * - Each of these summaries is a `.redline-summary`, which a test can drop to
 *   compare the rest with a plain edition. The legend that explains the marks
 *   (WCAG 1.4.1: in words, not only colours) stands at the top of each
 *   redline page, in the summary.
 */
import type { Element, ElementContent } from "hast";
import type { EditionDocument } from "../edition.js";
import type { RedlineBase } from "../../redline/types.js";
import { fieldChanges } from "../../redline/summary.js";
import { pick } from "../../i18n/text.js";
import type { HtmlBuild } from "./context.js";
import { block, h, type Child } from "./hast.js";
import { factsPanel, partId, type PartContext } from "./parts.js";
import { formatBefore, isDeleted, isElement, isInserted, versionText } from "./redline-marks.js";
import type { RedlineRender } from "./redline-body.js";
import { REDLINE_STYLES } from "./redline-styles.js";

/** How the summaries name REF: the edition's label ("v2.0 (a1b2c3d)"), else the commit the text was read from. */
function sinceLabel(build: HtmlBuild, base: RedlineBase | undefined): string {
  return build.edition.redline?.label ?? base?.from?.commit ?? build.edition.redline?.ref ?? "den jämförda versionen";
}

/** The page's extra CSS when it shows a redline (renderPage's `styles`); none else, so other pages stay as they are. */
export function redlineStyles(shown: boolean): { styles?: string } {
  return shown ? { styles: REDLINE_STYLES } : {};
}

/**
 * What the marks mean, in words: at the top of each redline page, in the
 * language the build speaks (`lang="en"` on it when that is English).
 */
export function redlineLegend(build: HtmlBuild, level: number): Element {
  const lang = build.edition.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  return h(
    "div",
    { className: ["redline-forklaring"], lang: lang === "sv" ? null : lang },
    h(`h${Math.min(6, level)}`, null, t("Så visas ändringarna", "How the changes are shown")),
    block(
      "ul",
      null,
      h(
        "li",
        null,
        h("ins", null, t("Understruken text på grön botten", "Underlined text on a green background")),
        t(" är ny.", " is new."),
      ),
      h(
        "li",
        null,
        h("del", null, t("Genomstruken text på röd botten", "Struck-through text on a red background")),
        t(" är borttagen.", " has been removed."),
      ),
      h(
        "li",
        null,
        h(
          "span",
          { dataRedline: "format", dataRedlineBefore: formatBefore([]) },
          t("Text med prickad understrykning", "Text with a dotted underline"),
        ),
        t(
          " har samma ord men ny formatering, till exempel fet eller kursiv.",
          " has the same words in a new format, bold or italic for example.",
        ),
      ),
      h(
        "li",
        null,
        t(
          "Ett helt nytt stycke, en ny rubrik, listpunkt eller tabellrad har en heldragen linje i vänstermarginalen; en borttagen har en streckad linje.",
          "A wholly new paragraph, heading, list item or table row has a solid line in the left margin; a removed one has a dashed line.",
        ),
      ),
      h(
        "li",
        null,
        t(
          "En skärmläsare säger ”infogat” före ny text och ”borttaget” före borttagen text.",
          "A screen reader says “infogat” (inserted) before new text and “borttaget” (removed) before removed text.",
        ),
      ),
    ),
  );
}

/** A link to a changed section's heading, in the words it has now (a removed one: the words it had, and says so). */
function sectionLink(heading: Element): Element {
  const deleted = isDeleted(heading);
  const words = versionText(heading, deleted ? "old" : "new").trim();
  const note = deleted ? " (borttaget avsnitt)" : isInserted(heading) ? " (nytt avsnitt)" : "";
  return h("li", null, h("a", { href: `#${String(heading.properties.id)}` }, words), note);
}

function fieldTable(changes: ReturnType<typeof fieldChanges>): Element {
  return block(
    "table",
    // One card per field on a narrow screen (styles.ts), each value under its column's name.
    { className: ["tabell", "stapla", "redline-falt"] },
    h("caption", null, "Ändrade uppgifter om dokumentet"),
    h(
      "thead",
      null,
      h("tr", null, h("th", { scope: "col" }, "Fält"), h("th", { scope: "col" }, "Före"), h("th", { scope: "col" }, "Efter")),
    ),
    block(
      "tbody",
      null,
      ...changes.map((c) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, c.label),
          h("td", { dataLabel: "Före" }, c.before),
          h("td", { dataLabel: "Efter" }, c.after),
        ),
      ),
    ),
  );
}

/** "I texten har 12 ord lagts till och 3 tagits bort." and the like: how much of the body changed. */
function bodySentence(render: RedlineRender): string {
  if (!render.changed) return "Texten är oförändrad.";
  const { inserted, deleted } = render.words;
  const parts = [inserted > 0 ? `${inserted} ord lagts till` : "", deleted > 0 ? `${deleted} ord tagits bort` : ""].filter(Boolean);
  return parts.length === 0 ? "Texten har ändrats." : `I texten har ${parts.join(" och ")}.`;
}

/**
 * At the top of a document compared with REF: what changed. `legend`: the
 * page's legend goes here (on the document's own page; the consolidated
 * edition has one for all, at its top). Null when the build compares nothing.
 */
export function documentSummary(ctx: PartContext, render: RedlineRender | undefined, legend: boolean): Element | null {
  const { build, doc } = ctx;
  const base = doc.redline;
  if (!base || !render) return null;
  const since = sinceLabel(build, base);
  const id = partId(ctx, "andringar");
  const heading = (text: string): Element => h(`h${ctx.level}`, { id }, text);
  const container = ctx.mode === "page" ? "section" : "div";
  const labelled = ctx.mode === "page" ? { ariaLabelledBy: [id] } : {};
  const props = { className: ["redline-summary"], ...labelled };
  if (render.added) {
    return block(
      container,
      props,
      heading(`Nytt dokument sedan ${since}`),
      h("p", null, "Dokumentet fanns inte i den versionen. Hela texten är ny och markerad som infogad."),
      legend ? redlineLegend(build, ctx.level + 1) : null,
    );
  }
  const fields = base.doc ? fieldChanges(base.doc, doc.doc, "sv", doc.loaded.config) : [];
  if (!render.changed && fields.length === 0) {
    return block(container, props, heading(`Inga ändringar sedan ${since}`), h("p", null, "Dokumentet är detsamma som i den versionen."));
  }
  return block(
    container,
    props,
    heading(`Ändringar sedan ${since}`),
    h(
      "p",
      null,
      bodySentence(render),
      fields.length > 0 ? ` ${fields.length === 1 ? "1 uppgift" : `${fields.length} uppgifter`} om dokumentet har ändrats.` : "",
    ),
    render.sections.length > 0
      ? [h("p", null, "Ändrade avsnitt:"), block("ul", { className: ["redline-avsnitt"] }, ...render.sections.map(sectionLink))]
      : null,
    fields.length > 0 ? fieldTable(fields) : null,
    legend ? redlineLegend(build, ctx.level + 1) : null,
  );
}

/** The words of an entry of the fact box. */
function entryText(node: ElementContent): string {
  return versionText(node, "new").replace(/\s+/g, " ").trim();
}

/** The fact box's entries: `div > dt + dd`, by label. */
function entries(panel: Element): { list: Element; items: { label: string; item: Element; value: Element }[] } | undefined {
  const list = panel.children.find((c): c is Element => isElement(c, "dl"));
  if (!list) return undefined;
  const items: { label: string; item: Element; value: Element }[] = [];
  for (const item of list.children) {
    if (!isElement(item, "div")) continue;
    const dt = item.children.find((c): c is Element => isElement(c, "dt"));
    const dd = item.children.find((c): c is Element => isElement(c, "dd"));
    if (dt && dd) items.push({ label: entryText(dt), item, value: dd });
  }
  return { list, items };
}

/**
 * `make` run with the document's front matter as it was at REF. The build
 * knows documents by identity (page names, anchors), so it is the same
 * document with its `doc` swapped for the call, and put back whatever happens.
 */
function withFrontMatter<T>(doc: EditionDocument, front: EditionDocument["doc"], make: () => T): T {
  const now = doc.doc;
  doc.doc = front;
  try {
    return make();
  } finally {
    doc.doc = now;
  }
}

function mark(tagName: "ins" | "del", children: ElementContent[]): Element {
  return { type: "element", tagName, properties: {}, children };
}

/**
 * The fact box of a document compared with REF: the entries of both
 * versions, in the new one's order; a value that reads differently is the
 * old value deleted and the new one inserted; an entry only one version has
 * is wholly inserted or deleted. Without REF (or a new document) the plain
 * fact box.
 */
export function comparedFacts(ctx: PartContext): Element {
  const now = factsPanel(ctx);
  const before = ctx.doc.redline?.doc;
  if (!before) return now;
  const newer = entries(now);
  const older = entries(withFrontMatter(ctx.doc, before, () => factsPanel(ctx)));
  if (!newer || !older) return now;
  const byLabel = new Map(older.items.map((e) => [e.label, e]));
  const seen = new Set<string>();
  const out: Element[] = [];
  // Entries the old version had and the new one has not come where they stood: after the entry before them.
  const gone = (upTo: number): void => {
    for (const e of older.items.slice(0, upTo)) {
      if (seen.has(e.label) || newer.items.some((n) => n.label === e.label)) continue;
      seen.add(e.label);
      e.value.children = [mark("del", e.value.children)];
      e.item.properties.dataRedline = "delete";
      out.push(e.item);
    }
  };
  for (const entry of newer.items) {
    const was = byLabel.get(entry.label);
    gone(was ? older.items.indexOf(was) : 0);
    seen.add(entry.label);
    if (!was) {
      entry.value.children = [mark("ins", entry.value.children)];
      entry.item.properties.dataRedline = "insert";
    } else if (entryText(was.value) !== entryText(entry.value)) {
      entry.value.children = [mark("del", was.value.children), { type: "text", value: " " }, mark("ins", entry.value.children)];
    }
    out.push(entry.item);
  }
  gone(older.items.length);
  newer.list.children = spaced(out);
  return now;
}

function spaced(items: Element[]): ElementContent[] {
  const out: ElementContent[] = [{ type: "text", value: "\n" }];
  for (const item of items) out.push(item, { type: "text", value: "\n" });
  return out;
}

/** A document of the edition by id (the first, when two sets share one), for the edition's list. */
function inEdition(build: HtmlBuild, id: string): EditionDocument | undefined {
  return build.edition.documents.find((d) => d.doc.id === id);
}

function documentItem(build: HtmlBuild, id: string): Element {
  const d = inEdition(build, id);
  return h("li", null, d ? h("a", { href: build.href(d, "samlad") }, d.doc.titel) : h("code", null, id));
}

/** "2 ändrade, 1 nytt och 1 upphävt eller borttaget dokument.": the non-zero counts, each word agreeing with its number. */
function countSentence(changed: number, added: number, removed: number): string {
  const parts = [
    changed > 0 ? `${changed} ${changed === 1 ? "ändrat" : "ändrade"}` : "",
    added > 0 ? `${added} ${added === 1 ? "nytt" : "nya"}` : "",
    removed > 0 ? `${removed} ${removed === 1 ? "upphävt eller borttaget" : "upphävda eller borttagna"}` : "",
  ].filter(Boolean);
  const last = parts.pop();
  return `${parts.length > 0 ? `${parts.join(", ")} och ${last}` : last} dokument.`;
}

/**
 * The consolidated edition's opening when it is a redline: the documents
 * changed, new, and repealed or removed since REF, and the legend. Null
 * without `--redline`.
 */
export function editionSummary(build: HtmlBuild): Element | null {
  const redline = build.edition.redline;
  if (!redline) return null;
  const since = sinceLabel(build, undefined);
  const id = "andringar__utgavan";
  const group = (title: string, items: Child[]): Child =>
    items.length > 0 ? [h("h3", null, title), block("ul", { className: ["redline-dokument"] }, ...items)] : null;
  const removed = redline.removed.map((r) =>
    h(
      "li",
      null,
      r.titel,
      " ",
      h(
        "span",
        { className: ["toc-typ"] },
        "(",
        h("code", null, r.id),
        r.reason === "upphävd" ? ", upphävt)" : ", borttaget ur samlingen)",
      ),
    ),
  );
  const count = redline.changed.length + redline.added.length + redline.removed.length;
  return block(
    "section",
    { className: ["redline-summary"], ariaLabelledBy: [id] },
    h("h2", { id }, `Ändringar sedan ${since}`),
    h(
      "p",
      null,
      count === 0
        ? "Inga dokument har ändrats."
        : `${countSentence(redline.changed.length, redline.added.length, redline.removed.length)} Ändringarna är markerade i texten.`,
    ),
    group(
      "Ändrade dokument",
      redline.changed.map((id) => documentItem(build, id)),
    ),
    group(
      "Nya dokument",
      redline.added.map((id) => documentItem(build, id)),
    ),
    group("Upphävda och borttagna dokument", removed),
    count > 0 ? redlineLegend(build, 3) : null,
  );
}
