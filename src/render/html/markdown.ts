/**
 * A document's Markdown text as HTML (hast), for its own page or for the
 * consolidated edition.
 *
 * remark-parse + remark-gfm → remark-rehype → rehype-sanitize → rehype-slug,
 * then the edition's own finishing steps on the sanitised tree: heading ids
 * that match the links in the Markdown, heading levels under the page's
 * title, links between documents, files and images, table headers and
 * alignment, task lists. Sanitising runs before rehype-slug (and without a
 * clobber prefix) so that in-page links keep working; the finishing steps
 * only ever add values the edition computed itself.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import type { Root as MdastRoot } from "mdast";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { visit } from "unist-util-visit";
import type { EditionDocument } from "../edition.js";
import { sanitizeSchema } from "./sanitize-schema.js";
import type { HtmlBuild, Mode } from "./context.js";
import { h } from "./hast.js";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    clobberPrefix: "fotnot__",
    footnoteLabel: "Fotnoter",
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Tillbaka till hänvisning ${referenceIndex + 1}${rereferenceIndex > 1 ? ` (${rereferenceIndex})` : ""}`,
  })
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

/** Renders the Markdown body of `doc`. */
export async function renderBody(build: HtmlBuild, doc: EditionDocument, options: BodyOptions): Promise<RenderedBody> {
  const lineOffset = (doc.result.bodyLine ?? 1) - 1;
  const mdast = processor.parse(doc.body) as MdastRoot;
  warnAboutRawHtml(build, doc, mdast, lineOffset);
  const hast = (await processor.run(mdast)) as Root;
  const localId = (id: string): string => (options.mode === "samlad" ? `${build.anchor(doc)}--${id}` : id);

  setHeadingIds(build, doc, hast, options.mode);
  const outline = setHeadingLevels(hast, options.baseLevel);
  finishFootnotes(hast, localId);
  rewriteLinks(build, doc, hast, options.mode, lineOffset);
  rewriteImages(build, doc, hast, lineOffset);
  finishTables(hast);
  finishTaskLists(hast);
  dropEmptyParagraphs(hast);
  trimTrailingSpace(hast);

  return { children: hast.children.filter((c): c is ElementContent => c.type !== "doctype"), outline };
}

function warnAboutRawHtml(build: HtmlBuild, doc: EditionDocument, tree: MdastRoot, lineOffset: number): void {
  const lines = new Set<number>();
  visit(tree, "html", (node) => {
    const value = node.value.trim();
    // Comments are a normal way to leave notes for editors; closing tags belong to an opening one.
    if (/^<!--[\s\S]*-->$/.test(value) || value.startsWith("</")) return;
    if (node.position) lines.add(node.position.start.line + lineOffset);
  });
  if (lines.size === 0) return;
  const sorted = [...lines].sort((a, b) => a - b);
  build.warn(doc, sorted[0], {
    sv: `rå HTML publiceras inte i HTML-utgåvan (${sorted.length === 1 ? "rad" : "rader"} ${sorted.join(", ")}); skriv det med Markdown i stället.`,
    en: `raw HTML is not published in the HTML edition (${sorted.length === 1 ? "line" : "lines"} ${sorted.join(", ")}); write it in Markdown instead.`,
  });
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
 * Heading ids are the GitHub slugs that links in the Markdown use (as
 * samdok's validation computes them), made unique on the page. rehype-slug
 * computes them from the HTML, which differs when a heading carries a
 * footnote reference; the validated slug wins so that checked links work.
 */
function setHeadingIds(build: HtmlBuild, doc: EditionDocument, tree: Root, mode: Mode): void {
  const headings = bodyHeadings(tree);
  const slugs = build.links.headingSlugs(doc);
  const ids = build.headingIds(doc, mode);
  const used = new Set<string>();
  headings.forEach((heading, i) => {
    const slug = headings.length === slugs.length ? slugs[i] : String(heading.properties.id ?? "");
    let id = (slug !== undefined && ids.get(slug)) || `${mode === "samlad" ? `${build.anchor(doc)}--` : ""}rubrik-${i + 1}`;
    // The first heading with a slug takes its id; repeated slugs are already suffixed by the slugger.
    if (used.has(id)) id = `${id}__${i + 1}`;
    used.add(id);
    heading.properties.id = id;
  });
}

/**
 * Heading levels under the page's title: the document's highest headings
 * become `baseLevel`, and no level is ever skipped (a `####` right after a
 * `##` becomes one level deeper, not two). Returns the top-level headings.
 */
function setHeadingLevels(tree: Root, baseLevel: number): { id: string; text: string }[] {
  const headings = bodyHeadings(tree);
  const depths = headings.map((e) => Number(e.tagName.slice(1)));
  const top = Math.min(...depths, 6);
  const outline: { id: string; text: string }[] = [];
  let previous = baseLevel - 1;
  headings.forEach((heading, i) => {
    const wanted = baseLevel + ((depths[i] ?? top) - top);
    const level = Math.min(6, Math.max(baseLevel, Math.min(wanted, previous + 1)));
    heading.tagName = `h${level}`;
    previous = level;
    if (level === baseLevel) outline.push({ id: String(heading.properties.id), text: plainText(heading) });
  });
  visit(tree, "element", (node) => {
    if (!isFootnoteSection(node)) return undefined;
    for (const child of node.children) {
      if (child.type === "element" && isHeading(child)) {
        child.tagName = `h${Math.min(6, baseLevel)}`;
        child.properties.className = ["fotnoter-rubrik"];
      }
    }
    node.properties = { className: ["fotnoter"] };
    return "skip";
  });
  return outline;
}

/** The words of a node, without footnote references. */
export function plainText(node: ElementContent | RootContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.tagName === "sup" ? "" : node.children.map(plainText).join("");
  return "";
}

/** Footnote ids get the document's prefix in the consolidated edition; GitHub's data attributes go. */
function finishFootnotes(tree: Root, localId: (id: string) => string): void {
  visit(tree, "element", (node) => {
    const p = node.properties;
    if (typeof p.id === "string" && (p.id.startsWith("fotnot__") || p.id === FOOTNOTE_LABEL)) {
      p.id = localId(p.id === FOOTNOTE_LABEL ? "fotnoter__rubrik" : p.id);
    }
    if (node.tagName !== "a") return;
    const isRef = p.dataFootnoteRef !== undefined;
    const isBack = p.dataFootnoteBackref !== undefined;
    if (!isRef && !isBack) return;
    delete p.dataFootnoteRef;
    delete p.dataFootnoteBackref;
    delete p.ariaDescribedBy;
    if (isRef) p.ariaDescribedBy = [localId("fotnoter__rubrik")];
    p.className = [isRef ? "fotnot-hanvisning" : "fotnot-tillbaka"];
    if (typeof p.href === "string" && p.href.startsWith("#")) p.href = `#${localId(p.href.slice(1))}`;
    p.dataSamdokFootnote = "true";
  });
}

/**
 * Replaces `node` in its parent by `replacement`; returns where the visit
 * goes on: after the replacement, or (`revisit`) at its first node.
 */
function replaceIn(parent: { children: (ElementContent | RootContent)[] }, node: Element, replacement: ElementContent[], revisit = false): number {
  const i = parent.children.indexOf(node);
  parent.children.splice(i, 1, ...replacement);
  return revisit ? i : i + replacement.length;
}

function note(content: ElementContent[], why: string): Element {
  return h("span", { className: ["ej-publicerad"] }, content, h("span", { className: ["ej-publicerad-not"] }, ` (${why})`));
}

function rewriteLinks(build: HtmlBuild, doc: EditionDocument, tree: Root, mode: Mode, lineOffset: number): void {
  const lineOf = (node: Element): number | undefined => (node.position ? node.position.start.line + lineOffset : undefined);
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
        break;
      case "document": {
        const { target, slug, fragment } = resolved;
        if (fragment !== undefined && slug === undefined) {
          build.warn(doc, lineOf(node), {
            sv: `länken ${href} pekar på en rubrik som inte finns i ${target.result.rootPath}; den leder till dokumentets början.`,
            en: `the link ${href} points at a heading that ${target.result.rootPath} does not have; it leads to the top of the document.`,
          });
        }
        if (!build.inEdition.has(target)) {
          return replaceIn(parent, node, [note(node.children, `dokumentet ”${target.doc.titel}” ingår inte i den här utgåvan`)]);
        }
        p.href = build.href(target, mode, slug, doc);
        break;
      }
      case "file": {
        const rel = build.attach(resolved.absPath, false);
        if (!rel) {
          build.warn(doc, lineOf(node), {
            sv: `filen ${resolved.rootPath} publiceras inte (bara pdf, Office-, text- och bildfiler följer med).`,
            en: `the file ${resolved.rootPath} is not published (only pdf, Office, text and image files are).`,
          });
          return replaceIn(parent, node, [note(node.children, "filen ingår inte i utgåvan")]);
        }
        p.href = rel;
        break;
      }
      case "missing": {
        build.warn(doc, lineOf(node), { sv: `länken ${href} leder inte till någon fil i samlingen.`, en: `the link ${href} leads to no file in the set.` });
        const isDocument = /\.md$/i.test(resolved.path);
        return replaceIn(parent, node, [note(node.children, isDocument ? "dokumentet finns inte i samlingen" : "filen ingår inte i utgåvan")]);
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
function rewriteImages(build: HtmlBuild, doc: EditionDocument, tree: Root, lineOffset: number): void {
  visit(tree, "element", (node, _index, parent) => {
    if (node.tagName !== "img" || !parent) return undefined;
    const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
    const src = typeof node.properties.src === "string" ? node.properties.src : undefined;
    const line = node.position ? node.position.start.line + lineOffset : undefined;
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
      build.warn(doc, line, {
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

/** Header cells get `scope`, alignment becomes a class, and each cell knows its column name (for narrow screens). */
function finishTables(tree: Root): void {
  visit(tree, "element", (table) => {
    if (table.tagName !== "table") return undefined;
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
        if (cell.tagName === "th") cell.properties.scope = "col";
        else if (headers[i]) cell.properties.dataLabel = headers[i];
      });
      return "skip";
    });
    // Wide tables become one card per row on a narrow screen (styles.ts); narrow ones stay tables.
    table.properties.className = headers.length >= 4 ? ["tabell", "stapla"] : ["tabell"];
    return "skip";
  });
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

/** Spaces at the end of a line are invisible, and html-validate rejects them. */
function trimTrailingSpace(tree: Root): void {
  visit(tree, "text", (node) => {
    if (/[ \t]\n/.test(node.value)) node.value = node.value.replace(/[ \t]+\n/g, "\n");
  });
}
