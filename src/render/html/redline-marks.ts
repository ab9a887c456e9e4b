/**
 * The redline's marks in HTML (issue 16): how the merged tree of a document
 * compared with an earlier version (src/redline/types.ts) becomes `<ins>`,
 * `<del>` and `data-redline`.
 *
 * - `redlineInsert` / `redlineDelete` become `<ins>` / `<del>`; `redlineFormat`
 *   becomes `<span data-redline="format">`, which names the old formatting
 *   for screen readers (the stylesheet, redline-styles.ts, reads it out).
 * - A block that is wholly new or gone keeps its own element and valid HTML
 *   (`<p>`, `<li>`, `<tr>`, `<pre>` …) and carries `data-redline="insert"` or
 *   `"delete"`; every word inside it is in an `<ins>` / `<del>`, so that
 *   removing the `<del>` elements and the deleted blocks (accepting) gives the
 *   new text and removing the `<ins>` elements and the inserted blocks
 *   (rejecting) gives the old one.
 * - On a redline page `<del>` means deleted and nothing else: Markdown's own
 *   strikethrough (`~~text~~`) is written as `<s>` there.
 *
 * The handlers are installed in the edition's one remark-rehype processor
 * (markdown.ts): for a tree without marks they give exactly the default
 * output, so an edition without `--redline` is unchanged byte for byte. What
 * the sanitiser lets through for them is `allowRedline` below, and only that.
 */
import { defaultHandlers } from "remark-rehype";
import type { Handler, Handlers, State } from "mdast-util-to-hast";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { Root as MdastRoot, Nodes as MdastNodes, Heading } from "mdast";
import type { Options as SanitizeSchema } from "rehype-sanitize";
import type { ChangeKind, FormatMark, RedlineFormat } from "../../redline/types.js";

type HandlerResult = ReturnType<Handler>;
/** The default handlers by type name (the merged tree's node types are not among mdast's). */
const defaults = defaultHandlers as Record<string, Handler>;

/** The merged trees handed to the processor (`redlineRoot`): their strikethrough becomes `<s>`. */
const redlineRoots = new WeakSet<object>();
/** The conversions (mdast-util-to-hast's state, one per tree) of a merged tree. */
const redlineStates = new WeakSet<object>();

/** Marks `tree` as a merged tree for the processor; returns it. */
export function redlineRoot(tree: MdastRoot): MdastRoot {
  redlineRoots.add(tree);
  return tree;
}

/** The block types that carry `data.redline` (types.ts) and whose element gets `data-redline`. */
const BLOCK_TYPES = ["paragraph", "heading", "code", "thematicBreak", "list", "listItem", "blockquote", "table", "tableRow"] as const;

/** The elements a marked block may become, for the sanitiser. */
const BLOCK_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "ul", "ol", "li", "blockquote", "table", "tr"];

/** How the format marks read (Swedish, as the edition's text). */
const FORMAT_WORDS: Record<FormatMark, string> = {
  strong: "fet",
  emphasis: "kursiv",
  delete: "genomstruken",
  inlineCode: "kod",
  link: "länk",
};

/** "tidigare fet, kursiv" or "tidigare utan formatering": what a format change had before. */
export function formatBefore(before: readonly FormatMark[]): string {
  return before.length === 0 ? "tidigare utan formatering" : `tidigare ${before.map((m) => FORMAT_WORDS[m] ?? m).join(", ")}`;
}

function phrasingElement(state: State, node: MdastNodes, tagName: string, properties: Element["properties"] = {}): HandlerResult {
  const result: Element = { type: "element", tagName, properties, children: state.all(node) };
  state.patch(node, result);
  return state.applyData(node, result);
}

/** The element (or elements) a handler made for a block, marked as wholly new or gone. */
function markBlock(result: HandlerResult, kind: ChangeKind): HandlerResult {
  if (!result) return result;
  for (const node of Array.isArray(result) ? result : [result]) {
    if (node.type === "element") node.properties.dataRedline = kind;
  }
  return result;
}

/**
 * Raw HTML that is wholly new or gone: what it publishes (render/shared/raw-html.ts, after this) goes in an
 * `<ins>` / `<del>`, which may hold blocks.
 */
const markedHtml: Handler = (state, node: MdastNodes, parent) => {
  const result = defaults.html!(state, node, parent);
  const kind = node.data?.redline;
  if (!result || (kind !== "insert" && kind !== "delete")) return result;
  return {
    type: "element",
    tagName: kind === "insert" ? "ins" : "del",
    properties: {},
    children: Array.isArray(result) ? result : [result],
  };
};

/** The default handler of `type`, plus `data-redline` when the block is wholly new or gone. */
function markedBlock(type: (typeof BLOCK_TYPES)[number]): Handler {
  const base = defaults[type]!;
  return (state, node: MdastNodes, parent) => {
    const result = base(state, node, parent);
    const kind = node.data?.redline;
    return kind === "insert" || kind === "delete" ? markBlock(result, kind) : result;
  };
}

/** The handlers the edition's remark-rehype processor uses (markdown.ts). */
export const redlineHandlers: Handlers & Record<string, Handler> = {
  ...Object.fromEntries(BLOCK_TYPES.map((type) => [type, markedBlock(type)])),
  html: markedHtml,
  root(state, node: MdastRoot, parent) {
    if (redlineRoots.has(node)) redlineStates.add(state);
    return defaults.root!(state, node, parent);
  },
  delete(state, node: MdastNodes, parent) {
    const result = defaults.delete!(state, node, parent);
    if (redlineStates.has(state) && result && !Array.isArray(result) && result.type === "element") result.tagName = "s";
    return result;
  },
  redlineInsert: (state, node: MdastNodes) => phrasingElement(state, node, "ins"),
  redlineDelete: (state, node: MdastNodes) => phrasingElement(state, node, "del"),
  redlineFormat: (state, node: RedlineFormat) =>
    phrasingElement(state, node, "span", { dataRedline: "format", dataRedlineBefore: formatBefore(node.before ?? []) }),
};

type AttributeList = NonNullable<NonNullable<SanitizeSchema["attributes"]>[string]>;

/**
 * The sanitiser's attributes with the redline's: `data-redline` ("insert" or
 * "delete") on the blocks, and ("format", with the old formatting) on `span`.
 * The tags to allow with them are `REDLINE_TAGS`.
 */
export function allowRedline(attributes: Record<string, AttributeList>): Record<string, AttributeList> {
  const out: Record<string, AttributeList> = { ...attributes };
  for (const tag of BLOCK_TAGS) out[tag] = [...(out[tag] ?? []), ["dataRedline", "insert", "delete"]];
  out.span = [...(out.span ?? []), ["dataRedline", "format"], "dataRedlineBefore"];
  return out;
}

/** The tags the redline adds to what the sanitiser lets through: the marks, strikethrough on a redline page, and the format span. */
export const REDLINE_TAGS: readonly string[] = ["ins", "s", "span"];

export function isElement(node: ElementContent | RootContent | Root | undefined, tagName?: string): node is Element {
  return node !== undefined && node.type === "element" && (tagName === undefined || node.tagName === tagName);
}

/** A block the redline shows as gone. */
export function isDeleted(node: Element): boolean {
  return node.properties.dataRedline === "delete";
}

/** A block the redline shows as new. */
export function isInserted(node: Element): boolean {
  return node.properties.dataRedline === "insert";
}

/** The words of a node in one of its versions: "new" without what was deleted, "old" without what was inserted; no footnote references. */
export function versionText(node: ElementContent | RootContent | Root, version: "new" | "old"): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element" && node.type !== "root") return "";
  if (node.type === "element") {
    if (isFootnoteReference(node)) return "";
    const gone = version === "new" ? node.tagName === "del" || isDeleted(node) : node.tagName === "ins" || isInserted(node);
    if (gone) return "";
  }
  return node.children.map((c) => versionText(c, version)).join("");
}

/** A footnote reference (`<sup><a data-footnote-ref>`, as remark-rehype writes it and markdown.ts finishes it); a raw `<sup>` is text. */
function isFootnoteReference(node: Element): boolean {
  return (
    node.tagName === "sup" &&
    node.children.some(
      (c) =>
        isElement(c, "a") &&
        (c.properties.dataFootnoteRef !== undefined || String(c.properties.className ?? "").includes("fotnot-hanvisning")),
    )
  );
}

/** The elements that may stand in a run of phrasing content of a marked block (the rest are blocks, whose contents are looked at). */
const PHRASING = new Set(["a", "abbr", "br", "code", "em", "img", "input", "s", "span", "strong", "sub", "sup", "time", "del", "ins"]);

/** True for a node with something a reader sees (text, an image, a line break). */
function hasContent(node: ElementContent): boolean {
  if (node.type === "text") return node.value !== "";
  if (node.type !== "element") return false;
  if (node.tagName === "img" || node.tagName === "br" || node.tagName === "input") return true;
  return node.children.some(hasContent);
}

/** True for a node a reader sees something of: more than whitespace, which between blocks is only the markup's layout. */
function isVisible(node: ElementContent): boolean {
  if (node.type === "text") return /\S/.test(node.value);
  if (node.type !== "element") return false;
  if (node.tagName === "img" || node.tagName === "br" || node.tagName === "input") return true;
  return node.children.some(isVisible);
}

/** Removes `<ins>`, `<del>` and format spans that hold nothing (a deleted bit of raw HTML, which is never published). */
function dropEmptyMarks(parent: Root | Element): void {
  parent.children = parent.children.filter((child) => {
    if (child.type !== "element") return true;
    dropEmptyMarks(child);
    const mark = child.tagName === "ins" || child.tagName === "del" || child.properties.dataRedline === "format";
    return !mark || hasContent(child);
  });
}

function isBackReference(node: ElementContent): boolean {
  return isElement(node, "a") && node.properties.dataFootnoteBackref !== undefined;
}

/**
 * Inside a block marked `kind`, every run of phrasing content that is not in
 * an `<ins>` / `<del>` yet gets one (a code block's text, a cell the merged
 * tree left unwrapped). A footnote's way back is left as it is.
 */
function wrapLoose(block: Element, kind: ChangeKind): void {
  const tagName = kind === "insert" ? "ins" : "del";
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    if (run.some(isVisible)) out.push({ type: "element", tagName, properties: {}, children: run });
    else out.push(...run);
    run = [];
  };
  for (const child of block.children) {
    const marked = isElement(child) && (child.tagName === "ins" || child.tagName === "del");
    if (child.type === "text" || (isElement(child) && PHRASING.has(child.tagName) && !marked && !isBackReference(child))) {
      run.push(child);
      continue;
    }
    flush();
    if (isElement(child) && !marked && !isBackReference(child)) wrapLoose(child, kind);
    out.push(child);
  }
  flush();
  block.children = out;
}

/** Inline elements whose content may be wholly one mark, which then goes around them. */
const HOISTED = new Set(["a", "strong", "em", "s", "code", "sub", "sup", "span"]);

/** "ins" or "del" when every child of `node` is a mark of that one kind (empty text aside). */
function onlyMark(node: Element): "ins" | "del" | undefined {
  const children = node.children.filter((c) => !(c.type === "text" && c.value === ""));
  const [first] = children;
  if (!isElement(first) || (first.tagName !== "ins" && first.tagName !== "del")) return undefined;
  return children.every((c) => isElement(c, first.tagName)) ? first.tagName : undefined;
}

/**
 * A link (or emphasis, code …) whose words are all deleted is a deleted link:
 * `<a><del>x</del></a>` becomes `<del><a>x</a></del>`, and likewise for
 * insertions. A screen reader then says the link is gone, and what the
 * edition puts in the link's place (a note that its target is no longer
 * there) is in the deletion too.
 */
function hoistMarks(parent: Root | Element): void {
  parent.children = parent.children.map((child) => {
    if (!isElement(child)) return child;
    hoistMarks(child);
    const kind = HOISTED.has(child.tagName) ? onlyMark(child) : undefined;
    if (!kind) return child;
    child.children = child.children.flatMap((c) => (isElement(c) ? c.children : []));
    return { type: "element", tagName: kind, properties: {}, children: [child] };
  }) as typeof parent.children;
}

/** Two marks of a kind side by side (as hoisting leaves them) become one: one "borttaget" for one deletion. */
function joinMarks(parent: Root | Element): void {
  const out: (ElementContent | RootContent)[] = [];
  for (const child of parent.children) {
    if (isElement(child)) joinMarks(child);
    const last = out[out.length - 1];
    if (isElement(child) && (child.tagName === "ins" || child.tagName === "del") && isElement(last, child.tagName)) {
      last.children.push(...child.children);
    } else out.push(child);
  }
  parent.children = out as typeof parent.children;
}

/** The footnotes of the section remark-rehype made: `section[data-footnotes] > ol > li`. */
function footnoteItems(tree: Root): Element[] {
  const items: Element[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === "section" && child.properties.dataFootnotes !== undefined) {
        for (const list of child.children) if (isElement(list, "ol")) items.push(...list.children.filter((c) => isElement(c, "li")));
      } else walk(child);
    }
  };
  walk(tree);
  return items;
}

/** A footnote whose every block is new (or gone) is itself new (gone): its item is marked too. */
function markFootnotes(tree: Root): void {
  for (const item of footnoteItems(tree)) {
    const blocks = item.children.filter((c): c is Element => isElement(c));
    const kinds = new Set(blocks.map((b) => b.properties.dataRedline));
    const [kind] = [...kinds];
    if (blocks.length > 0 && kinds.size === 1 && (kind === "insert" || kind === "delete")) item.properties.dataRedline = kind;
  }
}

/** Every element inside a deletion: links and images there are the old version's, and warn about nothing. */
function deletedElements(tree: Root): Set<Element> {
  const found = new Set<Element>();
  const walk = (node: Root | Element, inside: boolean): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const deleted = inside || child.tagName === "del" || isDeleted(child);
      if (deleted) found.add(child);
      walk(child, deleted);
    }
  };
  walk(tree, false);
  return found;
}

/** What the finishing steps of markdown.ts need to know of a rendered redline. */
export interface RedlineMarks {
  /** Elements inside a deletion: their links and images raise no warnings. */
  quiet: ReadonlySet<Element>;
}

/**
 * Finishes the sanitised tree of a redline body, before the edition's own
 * steps: drops empty marks, wraps every word of a marked block, marks
 * footnotes that are wholly new or gone, and puts the marks around inline
 * elements they fill.
 */
export function finishRedline(tree: Root): RedlineMarks {
  dropEmptyMarks(tree);
  hoistMarks(tree);
  joinMarks(tree);
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      const kind = child.properties.dataRedline;
      if (kind === "insert" || kind === "delete") wrapLoose(child, kind);
      else walk(child);
    }
  };
  walk(tree);
  markFootnotes(tree);
  return { quiet: deletedElements(tree) };
}

/**
 * Header cells name their column on narrow screens (`data-label`,
 * markdown.ts): in a redline they name it in the new version's words.
 */
export function relabelTables(tree: Root): void {
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.tagName === "table") relabel(child);
      else walk(child);
    }
  };
  walk(tree);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const part of table.children) {
    if (part.type !== "element") continue;
    if (part.tagName === "tr") rows.push(part);
    else rows.push(...part.children.filter((c): c is Element => isElement(c, "tr")));
  }
  return rows;
}

function relabel(table: Element): void {
  const rows = rowsOf(table);
  const header = rows.find((row) => row.children.filter((c): c is Element => isElement(c)).every((c) => c.tagName === "th"));
  if (!header) return;
  const names = header.children.filter((c): c is Element => isElement(c, "td") || isElement(c, "th")).map((c) => versionText(c, "new"));
  for (const row of rows) {
    row.children
      .filter((c): c is Element => isElement(c, "td") || isElement(c, "th"))
      .forEach((cell, i) => {
        if (cell.tagName === "td" && cell.properties.dataLabel !== undefined && names[i]) cell.properties.dataLabel = names[i];
      });
  }
}

/** The words of a merged heading in one version: "new" without what was deleted, "old" without what was inserted. */
function mdastText(node: MdastNodes, version: "new" | "old"): string {
  if (node.type === (version === "new" ? "redlineDelete" : "redlineInsert")) return "";
  if ("value" in node && typeof node.value === "string" && node.type !== "html") return node.value;
  if ("children" in node) return (node.children as MdastNodes[]).map((c) => mdastText(c, version)).join("");
  return "";
}

/** The merged tree's headings in the order the HTML has them (a footnote's headings come in the footnotes, which are not counted). */
function mdastHeadings(tree: MdastRoot): Heading[] {
  const out: Heading[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === "footnoteDefinition") return;
    if (node.type === "heading") out.push(node);
    if ("children" in node) for (const child of node.children as MdastNodes[]) walk(child);
  };
  walk(tree);
  return out;
}

/**
 * The rendered headings of the changed sections, for the summary's links:
 * by their place among the headings when the rendered ones are the merged
 * tree's, else by their words.
 */
export function sectionHeadings(tree: MdastRoot, sections: readonly Heading[], rendered: readonly Element[]): Element[] {
  const headings = mdastHeadings(tree);
  const out: Element[] = [];
  for (const section of sections) {
    const i = headings.indexOf(section);
    let element = i >= 0 && headings.length === rendered.length ? rendered[i] : undefined;
    for (const version of ["new", "old"] as const) {
      const words = mdastText(section, version).trim();
      if (element || words === "") continue;
      element = rendered.find((e) => !out.includes(e) && versionText(e, version).trim() === words);
    }
    if (element && !out.includes(element)) out.push(element);
  }
  return out;
}
