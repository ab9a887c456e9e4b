/**
 * Accepting and rejecting every change of a redline page of the HTML
 * edition (issue 16), the way a reader would by removing marks: accepting
 * removes each `<del>` and each block marked `data-redline="delete"` and
 * keeps what is in each `<ins>`; rejecting does the inverse. The result's
 * block texts must then be the new version's (accept) or the old one's
 * (reject), paragraph by paragraph: `blockTexts` reads them.
 *
 * The pages are parsed with an HTML parser (hast-util-from-html), never
 * with regular expressions; the summaries at the top of a redline page
 * (`.redline-summary`) are dropped first, since the plain edition has none.
 */
import { fromHtml } from "hast-util-from-html";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { stringify } from "../../src/render/html/hast.js";

type Parent = Root | Element;
type Side = "accept" | "reject";

function classes(node: Element): string[] {
  const c = node.properties.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === "string" ? String(c).split(/\s+/) : [];
}

/** The side a mark or marked block belongs to: what `side` removes. */
function removes(node: Element, side: Side): boolean {
  const kind = node.properties.dataRedline;
  if (side === "accept") return node.tagName === "del" || kind === "delete";
  return node.tagName === "ins" || kind === "insert";
}

/** What `side` keeps and unwraps. */
function unwraps(node: Element, side: Side): boolean {
  return side === "accept" ? node.tagName === "ins" : node.tagName === "del";
}

/** Settles every mark of a parsed page for `side`, in place; drops the redline summaries. */
export function settleTree(tree: Parent, side: Side): void {
  const out: (ElementContent | RootContent)[] = [];
  for (const child of tree.children) {
    if (child.type !== "element") {
      out.push(child);
      continue;
    }
    if (classes(child).includes("redline-summary") || removes(child, side)) continue;
    settleTree(child, side);
    if (unwraps(child, side)) out.push(...child.children);
    else {
      // The block is now simply part of its version.
      if (child.properties.dataRedline === "insert" || child.properties.dataRedline === "delete") delete child.properties.dataRedline;
      out.push(child);
    }
  }
  tree.children = out as typeof tree.children;
}

function settle(html: string, side: Side): string {
  const tree = fromHtml(html);
  settleTree(tree, side);
  return stringify(tree);
}

/** The page with every change accepted: the new version. */
export function acceptHtml(html: string): string {
  return settle(html, "accept");
}

/** The page with every change rejected: the old version. */
export function rejectHtml(html: string): string {
  return settle(html, "reject");
}

/** Block elements whose text is one entry of `blockTexts`. */
const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "th", "td", "dt", "dd", "caption", "summary"]);
/** Parts of a page that are not a document's text. */
const SKIPPED = new Set(["head", "script", "style", "template"]);

function textOf(node: ElementContent | RootContent, into: string[]): void {
  if (node.type === "text") into.push(node.value);
  else if (node.type === "element" && !SKIPPED.has(node.tagName)) for (const c of node.children) textOf(c, into);
}

/**
 * The texts of the blocks of a page (or of the part `selector` picks: a class
 * name, such as "brodtext"), in order, whitespace collapsed, empty ones left
 * out. A block inside another (a paragraph in a list item) is its own entry,
 * and its words are not repeated in the outer one.
 */
export function blockTexts(html: string, className?: string): string[] {
  const tree = fromHtml(html);
  const roots: Parent[] = className === undefined ? [tree] : findByClass(tree, className);
  const out: string[] = [];
  const walk = (node: Parent): void => {
    let own: string[] = [];
    const flush = (): void => {
      const text = own.join("").replace(/\s+/g, " ").trim();
      if (text !== "") out.push(text);
      own = [];
    };
    for (const child of node.children) {
      if (child.type === "element" && SKIPPED.has(child.tagName)) continue;
      if (child.type === "element" && (BLOCKS.has(child.tagName) || hasBlock(child))) {
        flush();
        walk(child);
      } else textOf(child, own);
    }
    flush();
  };
  for (const root of roots) walk(root);
  return out;
}

function hasBlock(node: Element): boolean {
  return node.children.some((c) => c.type === "element" && (BLOCKS.has(c.tagName) || hasBlock(c)));
}

/** The elements of a tree with class `name`, outermost only. */
export function findByClass(tree: Parent, name: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Parent): void => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (classes(child).includes(name)) found.push(child);
      else walk(child);
    }
  };
  walk(tree);
  return found;
}

/** The body text blocks (`.brodtext`) of a page: what accept and reject are compared on. */
export function bodyTexts(html: string): string[] {
  return blockTexts(html, "brodtext");
}
