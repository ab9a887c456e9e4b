/**
 * A document's Markdown text as HTML (hast), rendered once and placed twice:
 * on its own page and as its chapter of the consolidated edition.
 *
 * The Markdown tree (mdast) is the one validation parsed when it kept it
 * for the build (`takeTree`); else (the cache answered for the document) the
 * body is parsed here the same way (core/markdown.ts). Either way the nodes
 * the warnings name a line of have their position in the file. Then
 * remark-rehype → rehype-sanitize → rehype-slug, which leave the mdast as it
 * is (the Word edition maps the same tree), and the edition's own finishing
 * steps on the sanitised tree: heading ids that match the links in the
 * Markdown, heading levels under the page's title, links between documents,
 * files and images, table headers and alignment, task lists. Sanitising runs
 * before rehype-slug (and without a clobber prefix) so that in-page links
 * keep working; the finishing steps only ever add values the edition
 * computed itself.
 *
 * The two places differ only in values: heading ids and levels, the
 * footnotes' ids, and where links to documents of the edition lead. So the
 * body is parsed, sanitised and finished once (`renderBody`, which also
 * gives the warnings, once), and `BodyTree.place` writes those values for a
 * page or for the consolidated edition into the same tree.
 *
 * A redline edition (`--redline`, issue 16) renders a document compared with
 * an earlier version as the merged tree of the two (redline-body.ts), whose
 * marks become `<ins>`, `<del>` and `data-redline` (redline-marks.ts); the
 * warnings are the new text's alone, and what the old text had warns about
 * nothing. Without it the processor's output is the same as before.
 */
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import type { Root as MdastRoot } from "mdast";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { keepReferencesTogether } from "../shared/typography.js";
import { editionBody, parseBodyForRules } from "../../core/markdown.js";
import { takeTree, type EditionDocument } from "../edition.js";
import { sanitizeSchema } from "./sanitize-schema.js";
import type { HtmlBuild, Mode } from "./context.js";
import { h } from "./hast.js";
import { rawHtmlFindings, rawHtmlWarning, resolveRawHtmlIn } from "../shared/raw-html.js";
import { emailWords } from "./parts.js";
import { finishRedline, isDeleted, redlineHandlers, relabelTables, versionText } from "./redline-marks.js";
import { mergedBody, renderedRedline, type RedlineRender } from "./redline-body.js";

/** Markdown tree to sanitised HTML tree: it parses nothing (the tree comes parsed). */
const processor = unified()
  .use(remarkRehype, {
    // Raw HTML comes through as `raw` nodes, which resolveRawHtmlIn turns into the published subset (or removes).
    allowDangerousHtml: true,
    clobberPrefix: "fotnot__",
    footnoteLabel: "Fotnoter",
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Tillbaka till hänvisning ${referenceIndex + 1}${rereferenceIndex > 1 ? ` (${rereferenceIndex})` : ""}`,
    // `--redline`: the merged tree's marks (redline-marks.ts); a tree without them renders as by default.
    handlers: redlineHandlers,
  })
  .use(() => resolveRawHtmlIn)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .freeze();

/** The id remark-rehype gives the footnotes' heading. */
const FOOTNOTE_LABEL = "footnote-label";

export interface RenderedBody {
  children: ElementContent[];
  /** The body's top-level headings (for a table of contents). */
  outline: { id: string; text: string }[];
}

export interface BodyOptions {
  mode: Mode;
  /** Level of the headings directly under the page's (or the document's) title. */
  baseLevel: number;
}

/** Writes one of the values that differ between a page and the consolidated edition. */
type Placer = (mode: Mode, localId: (id: string) => string) => void;

/** A heading of the body, with what placing it needs as rendering found it. */
interface BodyHeading {
  element: Element;
  /** The id rehype-slug gave it (used when the validated slugs do not match the headings). */
  slugId: string;
  /** Its level in the Markdown (1 for `#`). */
  depth: number;
  /** Its words, for a table of contents. */
  text: string;
}

/**
 * A document's body, rendered once. `place` writes the values of a page or
 * of the consolidated edition into its nodes and returns them: the same
 * nodes each time, so whatever was built from one placing (a page) must be
 * written out before the next placing (the consolidated edition).
 */
export class BodyTree {
  /** `--redline`: what the summary at the top of the document is made from (redline.ts). */
  redline?: RedlineRender;

  constructor(
    private readonly build: HtmlBuild,
    private readonly doc: EditionDocument,
    private readonly tree: Root,
    private readonly headings: readonly BodyHeading[],
    private readonly footnoteHeadings: readonly Element[],
    private readonly placers: readonly Placer[],
  ) {}

  place(options: BodyOptions): RenderedBody {
    const { build, doc } = this;
    const localId = (id: string): string => (options.mode === "samlad" ? `${build.anchor(doc)}--${id}` : id);
    setHeadingIds(build, doc, this.headings, options.mode);
    const outline = setHeadingLevels(this.headings, this.footnoteHeadings, options.baseLevel);
    for (const heading of this.headings) {
      // A heading whose id looks like a footnote's is treated as one (after the outline took its id), as
      // finishFootnotes treats every other element.
      const id = footnoteId(heading.element.properties.id);
      if (id !== undefined) heading.element.properties.id = localId(id);
    }
    for (const place of this.placers) place(options.mode, localId);
    return { children: this.tree.children.filter((c): c is ElementContent => c.type !== "doctype"), outline };
  }
}

/** Renders the Markdown body of `doc`, for `place` to put on a page or into the consolidated edition. */
export async function renderBody(build: HtmlBuild, doc: EditionDocument): Promise<BodyTree> {
  const mdast = takeTree(doc, "html") ?? editionBody(parseBodyForRules(doc.text, doc.result.bodyLine ?? 1), { lines: true });
  warnAboutRawHtml(build, doc, mdast);
  // `--redline`: the body merged with its version at REF (warned about above as the new text only).
  const merged = mergedBody(doc, mdast);
  const hast = (await processor.run(merged?.tree ?? mdast)) as Root;
  const marks = merged ? finishRedline(hast) : undefined;
  const placers: Placer[] = [];

  const headings = collectHeadings(hast);
  // A changed heading reads in the table of contents as it reads now.
  if (marks) for (const heading of headings) heading.text = versionText(heading.element, "new");
  const footnoteHeadings = finishFootnoteSections(hast);
  finishFootnotes(hast, new Set(headings.map((h) => h.element)), placers);
  rewriteLinks(build, doc, hast, placers, marks?.quiet);
  rewriteImages(build, doc, hast, marks?.quiet);
  finishTables(hast);
  if (marks) relabelTables(hast);
  finishTaskLists(hast);
  dropEmptyParagraphs(hast);
  trimTrailingSpace(hast);
  keepReferences(hast);

  const body = new BodyTree(build, doc, hast, headings, footnoteHeadings, placers);
  if (merged) {
    const elements = headings.map((h) => h.element);
    body.redline = renderedRedline(merged, elements);
  }
  return body;
}

/** The line of `node` in the file, when it has one (core/markdown.ts keeps those of the nodes warnings name). */
function lineOf(node: { position?: { start: { line: number } } | undefined }): number | undefined {
  return node.position?.start.line;
}

/** Raw HTML outside the published subset: one warning for the document, from the findings rule SD136 reports one by one. */
function warnAboutRawHtml(build: HtmlBuild, doc: EditionDocument, tree: MdastRoot): void {
  const warning = rawHtmlWarning(rawHtmlFindings(tree));
  if (warning) build.warn(doc, warning.line, warning.message);
}

function isHeading(node: Element): boolean {
  return /^h[1-6]$/.test(node.tagName);
}

function isFootnoteSection(node: Element): boolean {
  return node.tagName === "section" && node.properties.dataFootnotes !== undefined;
}

/** The document's headings in order, without the footnotes' own heading. */
function bodyHeadings(tree: Root): Element[] {
  const out: Element[] = [];
  visit(tree, "element", (node) => {
    if (isFootnoteSection(node)) return "skip";
    if (isHeading(node)) out.push(node);
    return undefined;
  });
  return out;
}

/**
 * The body's headings as rendered, before anything is placed: their ids
 * (`setHeadingIds`) and levels (`setHeadingLevels`) are written by `place`.
 */
function collectHeadings(tree: Root): BodyHeading[] {
  return bodyHeadings(tree).map((element) => {
    const slugId = String(element.properties.id ?? "");
    // The id is rewritten by `place`; set here, where the property takes its place among the others.
    element.properties.id = slugId;
    return { element, slugId, depth: Number(element.tagName.slice(1)), text: plainText(element) };
  });
}

/**
 * Heading ids are the GitHub slugs that links in the Markdown use (as
 * samdok's validation computes them), made unique on the page. rehype-slug
 * computes them from the HTML, which differs when a heading carries a
 * footnote reference; the validated slug wins so that checked links work.
 * A heading a redline shows as deleted is not in the document: the slugs
 * are the others', and it gets an id of its own (`borttagen-rubrik-2`).
 */
function setHeadingIds(build: HtmlBuild, doc: EditionDocument, headings: readonly BodyHeading[], mode: Mode): void {
  const slugs = build.links.headingSlugs(doc);
  const ids = build.headingIds(doc, mode);
  const used = new Set<string>();
  const live = headings.filter((heading) => !isDeleted(heading.element));
  headings.forEach((heading, i) => {
    const n = live.indexOf(heading);
    const slug = n < 0 ? undefined : live.length === slugs.length ? slugs[n] : heading.slugId;
    const fallback = n < 0 ? `borttagen-rubrik-${i + 1}` : `rubrik-${i + 1}`;
    let id = (slug !== undefined && ids.get(slug)) || `${mode === "samlad" ? `${build.anchor(doc)}--` : ""}${fallback}`;
    // The first heading with a slug takes its id; repeated slugs are already suffixed by the slugger.
    if (used.has(id)) id = `${id}__${i + 1}`;
    used.add(id);
    heading.element.properties.id = id;
  });
}

/**
 * Heading levels under the page's title: the document's highest headings
 * become `baseLevel`, and no level is ever skipped (a `####` right after a
 * `##` becomes one level deeper, not two). The footnotes' heading is at
 * `baseLevel`. Returns the top-level headings.
 */
function setHeadingLevels(
  headings: readonly BodyHeading[],
  footnoteHeadings: readonly Element[],
  baseLevel: number,
): { id: string; text: string }[] {
  const top = Math.min(...headings.map((h) => h.depth), 6);
  const outline: { id: string; text: string }[] = [];
  let previous = baseLevel - 1;
  for (const heading of headings) {
    const wanted = baseLevel + (heading.depth - top);
    const level = Math.min(6, Math.max(baseLevel, Math.min(wanted, previous + 1)));
    heading.element.tagName = `h${level}`;
    previous = level;
    if (level === baseLevel && !isDeleted(heading.element)) outline.push({ id: String(heading.element.properties.id), text: heading.text });
  }
  for (const heading of footnoteHeadings) heading.tagName = `h${Math.min(6, baseLevel)}`;
  return outline;
}

/** The footnotes' section and its heading get the edition's classes; returns the headings, whose level `place` sets. */
function finishFootnoteSections(tree: Root): Element[] {
  const headings: Element[] = [];
  visit(tree, "element", (node) => {
    if (!isFootnoteSection(node)) return undefined;
    for (const child of node.children) {
      if (child.type === "element" && isHeading(child)) {
        headings.push(child);
        child.properties.className = ["fotnoter-rubrik"];
      }
    }
    node.properties = { className: ["fotnoter"] };
    return "skip";
  });
  return headings;
}

/** The words of a node, without footnote references. */
export function plainText(node: ElementContent | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return isFootnoteReference(node) ? "" : node.children.map(plainText).join("");
  return "";
}

/** A footnote reference (`<sup><a data-footnote-ref>`), as remark-rehype writes it; a raw `<sup>` is text. */
function isFootnoteReference(node: Element): boolean {
  return (
    node.tagName === "sup" &&
    node.children.some(
      (c) =>
        c.type === "element" &&
        c.tagName === "a" &&
        (c.properties.dataFootnoteRef !== undefined || String(c.properties.className ?? "").includes("fotnot-hanvisning")),
    )
  );
}

/** The footnotes' own ids ("fotnot__fn-1", the label's), as the document has them: `localId` makes them the page's. */
function footnoteId(id: unknown): string | undefined {
  if (typeof id !== "string" || !(id.startsWith("fotnot__") || id === FOOTNOTE_LABEL)) return undefined;
  return id === FOOTNOTE_LABEL ? "fotnoter__rubrik" : id;
}

/**
 * Footnote ids get the document's prefix in the consolidated edition (`place`
 * writes them, and those of the body's `headings`, whose ids it sets first);
 * GitHub's data attributes go.
 */
function finishFootnotes(tree: Root, headings: ReadonlySet<Element>, placers: Placer[]): void {
  visit(tree, "element", (node) => {
    const p = node.properties;
    const id = headings.has(node) ? undefined : footnoteId(p.id);
    if (id !== undefined) {
      p.id = id;
      placers.push((_mode, localId) => void (p.id = localId(id)));
    }
    if (node.tagName !== "a") return;
    const isRef = p.dataFootnoteRef !== undefined;
    const isBack = p.dataFootnoteBackref !== undefined;
    if (!isRef && !isBack) return;
    delete p.dataFootnoteRef;
    delete p.dataFootnoteBackref;
    delete p.ariaDescribedBy;
    if (isRef) {
      p.ariaDescribedBy = ["fotnoter__rubrik"];
      placers.push((_mode, localId) => void (p.ariaDescribedBy = [localId("fotnoter__rubrik")]));
    }
    p.className = [isRef ? "fotnot-hanvisning" : "fotnot-tillbaka"];
    if (typeof p.href === "string" && p.href.startsWith("#")) {
      const target = p.href.slice(1);
      placers.push((_mode, localId) => void (p.href = `#${localId(target)}`));
    }
    p.dataSamdokFootnote = "true";
  });
}

/**
 * Replaces `node` in its parent by `replacement`; returns where the visit
 * goes on: after the replacement, or (`revisit`) at its first node.
 */
function replaceIn(
  parent: { children: (ElementContent | RootContent)[] },
  node: Element,
  replacement: ElementContent[],
  revisit = false,
): number {
  const i = parent.children.indexOf(node);
  parent.children.splice(i, 1, ...replacement);
  return revisit ? i : i + replacement.length;
}

function note(content: ElementContent[], why: string): Element {
  return h("span", { className: ["ej-publicerad"] }, content, h("span", { className: ["ej-publicerad-not"] }, ` (${why})`));
}

/**
 * A warning about `node`, unless it is `quiet`: inside what a redline shows
 * as deleted (the old version's links and images are no longer the document's).
 */
function warner(build: HtmlBuild, doc: EditionDocument, quiet: ReadonlySet<Element> | undefined) {
  return (node: Element, message: Parameters<HtmlBuild["warn"]>[2]): void => {
    if (!quiet?.has(node)) build.warn(doc, lineOf(node), message);
  };
}

/** A link whose words are its e-mail address breaks only after the @ and before the dots (parts.ts `emailWords`). */
function breakEmail(link: Element): void {
  const href = link.properties.href;
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (typeof href !== "string" || !href.startsWith("mailto:") || only?.type !== "text" || !only.value.includes("@")) return;
  link.children = h("span", null, emailWords(only.value)).children;
  link.properties.className = ["epost"];
}

/** Links to documents of the edition lead to their page or their chapter: `place` writes where. */
function rewriteLinks(build: HtmlBuild, doc: EditionDocument, tree: Root, placers: Placer[], quiet?: ReadonlySet<Element>): void {
  const warn = warner(build, doc, quiet);
  visit(tree, "element", (node, _index, parent) => {
    if (node.tagName !== "a" || !parent) return undefined;
    const p = node.properties;
    if (p.dataSamdokFootnote !== undefined) {
      delete p.dataSamdokFootnote;
      return undefined;
    }
    const href = typeof p.href === "string" ? p.href : undefined;
    if (href === undefined) {
      // A link whose address sanitising removed (javascript:, data: …): keep the words only.
      return replaceIn(parent, node, node.children, true);
    }
    const resolved = build.links.resolve(doc, href);
    switch (resolved.kind) {
      case "external":
        p.href = resolved.url;
        breakEmail(node);
        break;
      case "document": {
        const { target, slug, fragment } = resolved;
        if (fragment !== undefined && slug === undefined) {
          warn(node, {
            sv: `länken ${href} pekar på en rubrik som inte finns i ${target.result.rootPath}; den leder till dokumentets början.`,
            en: `the link ${href} points at a heading that ${target.result.rootPath} does not have; it leads to the top of the document.`,
          });
        }
        if (!build.inEdition.has(target)) {
          return replaceIn(parent, node, [note(node.children, `dokumentet ”${target.doc.titel}” ingår inte i den här utgåvan`)]);
        }
        placers.push((mode) => void (p.href = build.href(target, mode, slug, doc)));
        break;
      }
      case "file": {
        const rel = build.attach(resolved.absPath, false);
        if (!rel) {
          warn(node, {
            sv: `filen ${resolved.rootPath} publiceras inte (bara pdf, Office-, text- och bildfiler följer med).`,
            en: `the file ${resolved.rootPath} is not published (only pdf, Office, text and image files are).`,
          });
          return replaceIn(parent, node, [note(node.children, "filen ingår inte i utgåvan")]);
        }
        p.href = rel;
        break;
      }
      case "missing": {
        // A link of deleted text (`--redline`) to what is gone since REF: its words, in the deletion.
        if (quiet?.has(node)) return replaceIn(parent, node, node.children, true);
        warn(node, {
          sv: `länken ${href} leder inte till någon fil i samlingen.`,
          en: `the link ${href} leads to no file in the set.`,
        });
        const isDocument = /\.md$/i.test(resolved.path);
        return replaceIn(parent, node, [
          note(node.children, isDocument ? "dokumentet finns inte i samlingen" : "filen ingår inte i utgåvan"),
        ]);
      }
    }
    return undefined;
  });
}

/**
 * Images from the set's folder are copied into the edition. Images on the
 * web would make every reader's browser fetch them (the edition has no
 * external resources), so they become a link; images whose address
 * sanitising removed keep only their text.
 */
function rewriteImages(build: HtmlBuild, doc: EditionDocument, tree: Root, quiet?: ReadonlySet<Element>): void {
  const warn = warner(build, doc, quiet);
  visit(tree, "element", (node, _index, parent) => {
    if (node.tagName !== "img" || !parent) return undefined;
    const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
    const src = typeof node.properties.src === "string" ? node.properties.src : undefined;
    const label = alt ? `Bild: ${alt}` : "Bild";
    if (src === undefined) {
      return replaceIn(parent, node, [h("span", { className: ["bild-saknas"] }, `[${label}]`)]);
    }
    const resolved = build.links.resolve(doc, src);
    if (resolved.kind === "external") {
      return replaceIn(parent, node, [h("a", { href: resolved.url, className: ["extern-bild"] }, `${label} (på webben)`)]);
    }
    const rel = resolved.kind === "file" ? build.attach(resolved.absPath, true) : undefined;
    if (!rel) {
      warn(node, {
        sv: `bilden ${src} publiceras inte (bara png, jpg, gif och webp i samlingens mapp följer med).`,
        en: `the image ${src} is not published (only png, jpg, gif and webp in the set's folder are).`,
      });
      return replaceIn(parent, node, [h("span", { className: ["bild-saknas"] }, `[${label}]`)]);
    }
    node.properties = { src: rel, alt };
    return undefined;
  });
}

const ALIGN_CLASS: Record<string, string> = { left: "vanster", center: "centrerad", right: "hoger" };

/**
 * Header cells get `scope`, alignment becomes a class, and each cell knows its
 * column name (for narrow screens). A table from raw HTML keeps the scope it
 * gives; with merged cells the columns have no one name, so it stays a table.
 */
function finishTables(tree: Root): void {
  visit(tree, "element", (table) => {
    if (table.tagName !== "table") return undefined;
    const merged = hasMergedCells(table);
    let headers: string[] = [];
    visit(table, "element", (row) => {
      if (row.tagName !== "tr") return undefined;
      const cells = row.children.filter((c): c is Element => c.type === "element" && (c.tagName === "th" || c.tagName === "td"));
      if (cells.every((c) => c.tagName === "th") && headers.length === 0) headers = cells.map(plainText);
      cells.forEach((cell, i) => {
        const align = cell.properties.align;
        delete cell.properties.align;
        const cls = typeof align === "string" ? ALIGN_CLASS[align] : undefined;
        if (cls) cell.properties.className = [cls];
        if (cell.tagName === "th") cell.properties.scope ??= cells.every((c) => c.tagName === "th") ? "col" : "row";
        else if (headers[i] && !merged) cell.properties.dataLabel = headers[i];
      });
      return "skip";
    });
    // Wide tables become one card per row on a narrow screen (styles.ts); narrow ones stay tables.
    table.properties.className = headers.length >= 4 && !merged ? ["tabell", "stapla"] : ["tabell"];
    return "skip";
  });
}

/** A cell spans more than one column or row (only raw HTML can say so). */
function hasMergedCells(table: Element): boolean {
  let merged = false;
  visit(table, "element", (cell) => {
    if (Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1) merged = true;
  });
  return merged;
}

/** GitHub task lists: a checkbox a reader cannot tick becomes a sign and words. */
function finishTaskLists(tree: Root): void {
  visit(tree, "element", (node, _index, parent) => {
    if (node.tagName !== "input" || !parent) return undefined;
    const done = node.properties.checked !== undefined && node.properties.checked !== false;
    return replaceIn(parent, node, [
      h("span", { className: ["uppgift-tecken"], ariaHidden: "true" }, done ? "☑" : "☐"),
      h("span", { className: ["visuellt-dold"] }, done ? "Klart: " : "Inte klart: "),
    ]);
  });
}

/** A paragraph that held only raw HTML is empty once that is gone. */
function dropEmptyParagraphs(tree: Root): void {
  visit(tree, "element", (node, index, parent) => {
    if (node.tagName !== "p" || !parent || index === undefined) return undefined;
    const empty = node.children.every((c) => c.type === "text" && c.value.trim() === "");
    if (!empty) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
}

/**
 * "§ 14/2025", "16 kap. 4 §", "nr 5" never break apart (shared/typography.ts,
 * as in the Word edition); code is left as written.
 */
function keepReferences(tree: Root): void {
  visit(tree, (node, _index, parent) => {
    if (node.type === "element" && (node.tagName === "code" || node.tagName === "pre")) return SKIP;
    if (node.type === "text" && parent?.type === "element") node.value = keepReferencesTogether(node.value);
    return undefined;
  });
}

/** Spaces at the end of a line are invisible, and html-validate rejects them. */
function trimTrailingSpace(tree: Root): void {
  visit(tree, "text", (node) => {
    if (/[ \t]\n/.test(node.value)) node.value = node.value.replace(/[ \t]+\n/g, "\n");
  });
}
