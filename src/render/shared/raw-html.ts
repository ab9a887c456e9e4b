/**
 * Raw HTML in a document's Markdown: the small subset both editions publish,
 * and the one place that says what it is.
 *
 * Markdown has no line break inside a table cell, no superscript ("20 m²"),
 * no merged table cells and no fold-out section, so writers use `<br>`,
 * `<sup>`, `<sub>`, `<table>` with `colspan`/`rowspan` and `<details>`. The
 * editions publish exactly those (RAW_HTML_SUBSET), with no attribute beyond
 * `colspan`, `rowspan`, `scope` and `open`; anything else is removed and its
 * text kept (the content of `<script>`, `<style>` and the like is removed
 * too). Validation (rule SD136) and the build's warning name what falls
 * outside, from `rawHtmlFindings`; the HTML edition (`resolveRawHtmlIn`) and
 * the Word edition (render/docx/raw-html.ts) publish what `resolveRawHtml`
 * keeps, so the two editions carry the same text.
 *
 * Raw HTML is read with an HTML parser (hast-util-from-html, parse5, scripting
 * off) and nothing in it is ever executed: the result is a tree that is
 * filtered element by element, never a string that is passed on.
 *
 * Markdown between raw tags (`<details>` … a paragraph … `</details>`, or
 * `x<sup>2</sup>` where "2" is its own text node) is spliced into the HTML as
 * placeholders ("slots") that the parser places where the tags say; each
 * comes back as the Markdown content it stood for. A slot is recognised by
 * the offset it was written at, so a document cannot forge one.
 */
import { createRequire } from "node:module";
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Html, Root as MdastRoot } from "mdast";
import { visit } from "unist-util-visit";
import type { Localized } from "../../i18n/text.js";

/** The tags published from raw HTML, each with the attributes it keeps (their HTML names). */
export const RAW_HTML_SUBSET: ReadonlyMap<string, readonly string[]> = new Map([
  ["br", []],
  ["sup", []],
  ["sub", []],
  ["table", []],
  ["caption", []],
  ["thead", []],
  ["tbody", []],
  ["tr", []],
  ["th", ["colspan", "rowspan", "scope"]],
  ["td", ["colspan", "rowspan"]],
  ["details", ["open"]],
  ["summary", []],
]);

type FromHtml = typeof import("hast-util-from-html").fromHtml;
let parser: FromHtml | undefined;

/**
 * hast-util-from-html (parse5, about 80 ms to load) is loaded the first time
 * raw HTML needs parsing, not when this module is: `samdok validate` loads
 * this module with the rules, and most documents have no raw HTML, or only
 * the tags `simplyPublished` answers for. Loaded with require (an ES module
 * without top-level await, which Node 20.19 and later load synchronously),
 * since the rules and the editions' tree passes that ask are synchronous.
 */
function fromHtml(...args: Parameters<FromHtml>): ReturnType<FromHtml> {
  parser ??= (createRequire(import.meta.url)("hast-util-from-html") as { fromHtml: FromHtml }).fromHtml;
  return parser(...args);
}

/** A raw html node that is published as written without parsing it: one bare `<br>`, `<sup>` or `<sub>` tag, or a comment. */
const SIMPLY_PUBLISHED = /^(?:<\/?(?:br|sup|sub)\s*\/?>|<!--(?:(?!-->)[\s\S])*-->)$/i;

/** The kept attributes as hast names them (for the sanitiser's schema). */
export const RAW_HTML_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  th: ["colSpan", "rowSpan", "scope"],
  td: ["colSpan", "rowSpan"],
  details: ["open"],
};

/** The subset in words, for messages. */
export const RAW_HTML_SUBSET_TEXT: Localized = {
  sv: "`<br>`, `<sup>`, `<sub>`, tabeller (`<table>`, `<caption>`, `<thead>`, `<tbody>`, `<tr>`, `<th>`, `<td>` med attributen `colspan`, `rowspan` och `scope`) och `<details>` med `<summary>`",
  en: "`<br>`, `<sup>`, `<sub>`, tables (`<table>`, `<caption>`, `<thead>`, `<tbody>`, `<tr>`, `<th>`, `<td>` with the attributes `colspan`, `rowspan` and `scope`) and `<details>` with `<summary>`",
};

/** Elements removed with their content: it is code, styling or a control, not text for a reader. */
const REMOVED_WITH_CONTENT: ReadonlySet<string> = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "object",
  "embed",
  "select",
  "svg",
  "math",
  "head",
]);

/** Elements whose text runs on with the text around them when the tag goes (no space is added). */
const PHRASING: ReadonlySet<string> = new Set(
  (
    "a abbr b bdi bdo big cite code data dfn em font i img ins del kbd label mark nobr q rp rt ruby s samp small span strike " +
    "strong time tt u var wbr"
  ).split(" "),
);

const SCOPES: ReadonlySet<string> = new Set(["row", "col", "rowgroup", "colgroup"]);
/** The largest spans browsers honour (the HTML standard's limits). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * What a removed block element (`<div>`, `<p>`) leaves: its content, kept
 * apart from what stands around it. The editions make it a paragraph where
 * blocks stand, and spaces around its words elsewhere; it is never written.
 */
const REMOVED_BLOCK = "samdok-stycke";

/** The content of a removed block element (`<div>`): the editions keep it apart, as a paragraph of its own where they can. */
function isRemovedBlock(node: ElementContent): boolean {
  return node.type === "element" && node.tagName === REMOVED_BLOCK;
}

/** Removed blocks at any depth as their words between spaces (where no paragraph can stand: a table cell, a summary). */
function unwrapRemovedBlocks(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== "element") return [node];
    const children = unwrapRemovedBlocks(node.children);
    if (isRemovedBlock(node)) return [{ type: "text", value: " " }, ...children, { type: "text", value: " " }];
    node.children = children;
    return [node];
  });
}

/** The placeholder element of a slot; `slotIndex` reads its number. */
const SLOT_TAG = "samdok-plats";

/** A piece of a parent's content: raw HTML, text, or other content that a slot stands for. */
export type RawPiece = { kind: "raw"; value: string } | { kind: "text"; value: string } | { kind: "slot" };

/** The number of the slot `node` is, or undefined when it is none. */
export function slotIndex(node: ElementContent): number | undefined {
  if (node.type !== "element" || node.tagName !== SLOT_TAG) return undefined;
  const n = node.properties.dataSamdokSlot;
  return typeof n === "number" ? n : undefined;
}

function slotElement(index: number): Element {
  return { type: "element", tagName: SLOT_TAG, properties: { dataSamdokSlot: index }, children: [] };
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slots as they were written: the offset of each in the HTML source. */
type SlotOffsets = ReadonlyMap<number, number>;

/** The slot `node` genuinely is (written by us at that offset), else undefined. */
function genuineSlot(node: Element, offsets: SlotOffsets): number | undefined {
  if (node.tagName !== SLOT_TAG || node.children.length > 0) return undefined;
  const offset = node.position?.start.offset;
  return offset === undefined ? undefined : offsets.get(offset);
}

/** A span attribute's value as a whole number within bounds, or undefined (then it is left out). */
function span(value: unknown, max: number): number | undefined {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : undefined;
}

/** The attributes a published element keeps, with values checked. */
function keptProperties(node: Element): Properties {
  const p = node.properties;
  const out: Properties = {};
  if (node.tagName === "td" || node.tagName === "th") {
    const colSpan = span(p.colSpan, MAX_COLSPAN);
    const rowSpan = span(p.rowSpan, MAX_ROWSPAN);
    if (colSpan !== undefined && colSpan > 1) out.colSpan = colSpan;
    if (rowSpan !== undefined && rowSpan > 1) out.rowSpan = rowSpan;
  }
  if (node.tagName === "th" && typeof p.scope === "string" && SCOPES.has(p.scope.toLowerCase())) out.scope = p.scope.toLowerCase();
  if (node.tagName === "details" && p.open !== undefined && p.open !== false && p.open !== null) out.open = true;
  return out;
}

/** The genuine slots inside a removed element: Markdown between raw tags is always published. */
function slotsWithin(node: Element, offsets: SlotOffsets): ElementContent[] {
  const out: ElementContent[] = [];
  const walk = (children: readonly HastContent[]): void => {
    for (const child of children) {
      if (child.type !== "element") continue;
      const slot = genuineSlot(child, offsets);
      if (slot !== undefined) out.push(slotElement(slot));
      else walk(child.children);
      if (child.content) walk(child.content.children);
    }
  };
  walk(node.children);
  if (node.content) walk(node.content.children);
  return out;
}

/**
 * How deep published elements nest: deeper ones give their content to the
 * element they are in. Every later step (the sanitiser, the serialiser, the
 * Word edition) walks the tree recursively, and a few kB of `<sup><sup>…`
 * would otherwise overflow the stack.
 */
const MAX_NESTING = 32;

/** Parsed raw HTML filtered to the subset: the kept elements are new nodes, without the parser's positions. */
function filter(nodes: readonly HastContent[], offsets: SlotOffsets, depth = 0): ElementContent[] {
  const out: ElementContent[] = [];
  const deep = depth >= MAX_NESTING;
  for (const node of nodes) {
    if (node.type === "text") {
      out.push({ type: "text", value: node.value });
    } else if (node.type === "element") {
      const slot = genuineSlot(node, offsets);
      const tag = node.tagName;
      if (slot !== undefined) out.push(slotElement(slot));
      else if (tag === SLOT_TAG) out.push(...filter(node.children, offsets, depth));
      else if (REMOVED_WITH_CONTENT.has(tag)) out.push(...slotsWithin(node, offsets));
      else if (PHRASING.has(tag) || (deep && RAW_HTML_SUBSET.has(tag))) out.push(...filter(node.children, offsets, depth));
      else if (RAW_HTML_SUBSET.has(tag))
        out.push({ type: "element", tagName: tag, properties: keptProperties(node), children: filter(node.children, offsets, depth + 1) });
      // A block (`<div>`, `<p>`, `<li>`) keeps its text apart from the text around it: see `isRemovedBlock`.
      else if (deep) out.push({ type: "text", value: " " }, ...filter(node.children, offsets, depth), { type: "text", value: " " });
      else out.push({ type: "element", tagName: REMOVED_BLOCK, properties: {}, children: filter(node.children, offsets, depth + 1) });
    }
    // Comments, doctypes: left out.
  }
  return out;
}

/** Raw HTML whose elements nest deeper than this is not published at all, and SD136 says so. */
export const MAX_RAW_DEPTH = 512;

/** How deep the elements of `root` nest (counted without recursion). */
function nesting(root: HastRoot): number {
  let max = 0;
  const stack: [readonly HastContent[], number][] = [[root.children, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [children, depth] = top;
    for (const child of children) {
      if (child.type !== "element") continue;
      max = Math.max(max, depth);
      stack.push([child.children, depth + 1]);
      if (child.content) stack.push([child.content.children, depth + 1]);
    }
  }
  return max;
}

/**
 * `source` parsed, or undefined when its elements nest deeper than
 * MAX_RAW_DEPTH: the parser and every step after it recurse, and a few kB of
 * `<div><div>…` would overflow the stack (the parser's own overflow counts the same).
 */
function parseRaw(source: string, verbose = false): HastRoot | undefined {
  try {
    const tree = fromHtml(source, { fragment: true, verbose });
    return nesting(tree) > MAX_RAW_DEPTH ? undefined : tree;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** `source` parsed and filtered; undefined when it nests too deep (`parseRaw`): then none of it is published. */
function published(source: string, offsets: SlotOffsets): ElementContent[] | undefined {
  const tree = parseRaw(source);
  return tree ? filter(tree.children, offsets) : undefined;
}

/** The HTML source of the pieces, and where each slot was written. */
function sourceOf(pieces: readonly RawPiece[]): { source: string; offsets: Map<number, number> } {
  let source = "";
  const offsets = new Map<number, number>();
  let slots = 0;
  for (const piece of pieces) {
    if (piece.kind === "raw") source += piece.value;
    else if (piece.kind === "text") source += escapeText(piece.value);
    else {
      offsets.set(source.length, slots++);
      source += `<${SLOT_TAG}></${SLOT_TAG}>`;
    }
  }
  return { source, offsets };
}

function countSlots(nodes: readonly ElementContent[]): number {
  let n = 0;
  for (const node of nodes) {
    if (slotIndex(node) !== undefined) n++;
    else if (node.type === "element") n += countSlots(node.children);
  }
  return n;
}

/**
 * The published content of a parent whose children are `pieces`: HTML in the
 * subset, with a slot element (`slotIndex`) where each slot piece stood, in
 * order. When the raw HTML would swallow a slot (an unclosed `<title>` or
 * attribute before it), each raw piece is read on its own instead, so that
 * no Markdown content is ever lost.
 */
export function resolveRawHtml(pieces: readonly RawPiece[]): ElementContent[] {
  const { source, offsets } = sourceOf(pieces);
  const together = published(source, offsets);
  if (together && countSlots(together) === offsets.size) return together;
  let slot = 0;
  return pieces.flatMap((piece): ElementContent[] => {
    if (piece.kind === "text") return [{ type: "text", value: piece.value }];
    if (piece.kind === "slot") return [slotElement(slot++)];
    return published(piece.value, new Map()) ?? [];
  });
}

/** Replaces the slots of `nodes` (at any depth) by what they stand for. */
function fillSlots(nodes: readonly ElementContent[], content: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    const slot = slotIndex(node);
    if (slot !== undefined) {
      const filled = content[slot];
      return filled ? [filled] : [];
    }
    if (node.type === "element") node.children = fillSlots(node.children, content);
    return [node];
  });
}

/** Block elements of the HTML edition's bodies: text between them is a paragraph of its own. */
const BLOCKS: ReadonlySet<string> = new Set(
  "blockquote details div dl figure h1 h2 h3 h4 h5 h6 hr ol p pre section summary table ul".split(" "),
);

/** Parents whose children are blocks (text straight in them is wrapped in a paragraph). */
const FLOW_PARENTS: ReadonlySet<string> = new Set(["blockquote", "details"]);

/** Adjacent text nodes as one (new nodes: the parser's are left as they are). */
function mergeTexts(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") last.value += node.value;
    else out.push(node.type === "text" ? { type: "text", value: node.value } : node);
  }
  return out;
}

/**
 * Text left where blocks stand (the words of a removed `<div>`, the text of a
 * `<details>` after its summary) becomes a paragraph, as Markdown text would,
 * and as the Word edition writes it.
 */
function wrapLooseText(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  let run: ElementContent[] = [];
  const flush = (): void => {
    const words = run.some((n) => n.type !== "text" || n.value.trim() !== "");
    if (words) {
      const merged = mergeTexts(run);
      const first = merged[0];
      const last = merged[merged.length - 1];
      if (first?.type === "text") first.value = first.value.trimStart();
      if (last?.type === "text") last.value = last.value.trimEnd();
      out.push({ type: "text", value: "\n" });
      out.push({ type: "element", tagName: "p", properties: {}, children: merged.filter((n) => n.type !== "text" || n.value !== "") });
      out.push({ type: "text", value: "\n" });
    } else out.push(...run);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === "element" && isRemovedBlock(node)) {
      flush();
      out.push(...wrapLooseText(node.children));
    } else if (node.type === "element" && BLOCKS.has(node.tagName)) {
      flush();
      if (node.tagName === "details") node.children = wrapLooseText(node.children);
      out.push(node);
    } else run.push(node);
  }
  flush();
  return out;
}

/**
 * The HTML edition: every `raw` node remark-rehype left (`allowDangerousHtml`)
 * becomes the subset it publishes, read together with its siblings so that an
 * opening and a closing tag around Markdown pair up. Runs before the
 * sanitiser, which still has the last word.
 */
export function resolveRawHtmlIn(tree: HastRoot): void {
  const walk = (parent: HastRoot | Element): void => {
    for (const child of parent.children) if (child.type === "element") walk(child);
    if (!parent.children.some((c) => c.type === "raw")) return;
    const others: ElementContent[] = [];
    const pieces = parent.children.map((child): RawPiece => {
      if (child.type === "raw") return { kind: "raw", value: child.value };
      if (child.type === "text") return { kind: "text", value: child.value };
      others.push(child as ElementContent);
      return { kind: "slot" };
    });
    const resolved = fillSlots(resolveRawHtml(pieces), others);
    const flow = parent.type === "root" || FLOW_PARENTS.has(parent.tagName);
    parent.children = unwrapRemovedBlocks(flow ? wrapLooseText(resolved) : resolved);
  };
  walk(tree);
}

/** Raw HTML of one Markdown node that the editions do not publish as written. */
export interface RawHtmlFinding {
  /** Tags outside the subset, once each, in order ("span"). */
  tags: string[];
  /** Of those, the ones whose content goes too ("script"). */
  removed: string[];
  /** Attributes left out of tags of the subset ("td style"). */
  attributes: { tag: string; name: string }[];
  /** Nested deeper than MAX_RAW_DEPTH: none of it is published. */
  tooDeep?: true;
  /** Where the first of them stands in the file (1-based), and where it ends. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Point {
  line: number;
  column: number;
}

/**
 * Positions in an html node's value to positions in the file: the first line
 * starts at the node; a later line of a node in a quote or a list item lost
 * its container's prefix (`> `), whose width the file's line tells.
 */
function filePoint(node: Html, at: Point, lines: readonly string[] | undefined, valueLines: readonly string[]): Point {
  const start = node.position?.start ?? { line: 1, column: 1 };
  if (at.line === 1) return { line: start.line, column: start.column + at.column - 1 };
  const line = start.line + at.line - 1;
  const source = lines?.[line - 1];
  const value = valueLines[at.line - 1] ?? "";
  const prefix = source === undefined ? 0 : Math.max(0, source.length - value.length);
  return { line, column: prefix + at.column };
}

/** The HTML name of an attribute as written in the source (hast knows it by its property name). */
function attributeName(source: string, offset: number | undefined): string | undefined {
  if (offset === undefined) return undefined;
  return /^[^\s"'>/=]+/.exec(source.slice(offset))?.[0]?.toLowerCase();
}

interface PropertyPositions {
  opening?: { start: { offset?: number }; end: { offset?: number } };
  properties?: Record<string, { start: { offset?: number } } | undefined>;
}

/** What of one html node falls outside the subset, or undefined when all of it is published. */
function findingOf(node: Html, lines: readonly string[] | undefined): RawHtmlFinding | undefined {
  const value = node.value;
  if (SIMPLY_PUBLISHED.test(value.trim())) return undefined;
  const tree = parseRaw(value, true);
  if (!tree) {
    const start = node.position?.start ?? { line: 1, column: 1 };
    const end = node.position?.end ?? start;
    return {
      tags: [],
      removed: [],
      attributes: [],
      tooDeep: true,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  }
  const tags: string[] = [];
  const removed: string[] = [];
  const attributes: { tag: string; name: string }[] = [];
  let first: Element | undefined;
  const walk = (children: readonly HastContent[]): void => {
    for (const child of children) {
      if (child.type !== "element") continue;
      // Elements the parser implied (a `<tbody>`) have no position: they were not written, their children were.
      if (!child.position) {
        walk(child.children);
        continue;
      }
      const tag = child.tagName;
      const allowed = RAW_HTML_SUBSET.get(tag);
      if (allowed === undefined) {
        if (!tags.includes(tag)) tags.push(tag);
        if (REMOVED_WITH_CONTENT.has(tag) && !removed.includes(tag)) removed.push(tag);
        first ??= child;
      } else {
        const positions = (child.data as { position?: PropertyPositions } | undefined)?.position;
        for (const name of Object.keys(child.properties)) {
          const html = attributeName(value, positions?.properties?.[name]?.start.offset) ?? name.toLowerCase();
          if (allowed.includes(html) || attributes.some((a) => a.tag === tag && a.name === html)) continue;
          attributes.push({ tag, name: html });
          first ??= child;
        }
      }
      if (!REMOVED_WITH_CONTENT.has(tag)) walk(child.children);
    }
  };
  walk(tree.children);
  if (!first?.position) return undefined;
  const valueLines = value.split("\n");
  const opening = (first.data as { position?: PropertyPositions } | undefined)?.position?.opening;
  const endOffset = opening?.end.offset ?? first.position.end.offset ?? value.length;
  const before = value.slice(0, endOffset).split("\n");
  const start = filePoint(node, first.position.start, lines, valueLines);
  const end = filePoint(node, { line: before.length, column: (before[before.length - 1] ?? "").length + 1 }, lines, valueLines);
  return { tags, removed, attributes, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * Every Markdown html node of `tree` whose raw HTML is not published as
 * written, in document order. `lines` (the file's lines) makes the columns
 * of a node's later lines exact inside a quote or a list; without it only
 * the lines are.
 */
export function rawHtmlFindings(tree: MdastRoot, lines?: readonly string[]): RawHtmlFinding[] {
  const out: RawHtmlFinding[] = [];
  visit(tree, "html", (node) => {
    if (!node.value.includes("<")) return;
    const finding = findingOf(node, lines);
    if (finding) out.push(finding);
  });
  return out;
}

const quoted = (tags: readonly string[]): string => tags.map((t) => `\`<${t}>\``).join(", ");

/** What the editions do with a finding, for the rule's message. */
export function rawHtmlMessage(f: RawHtmlFinding): Localized {
  const parts: Localized[] = [];
  if (f.tooDeep) {
    parts.push({
      sv: `Den råa HTML-koden är nästlad i fler än ${MAX_RAW_DEPTH} nivåer och publiceras inte alls.`,
      en: `The raw HTML is nested more than ${MAX_RAW_DEPTH} levels deep and is not published at all.`,
    });
  }
  if (f.tags.length > 0) {
    const gone = f.removed.length > 0 ? quoted(f.removed) : "";
    parts.push({
      sv:
        `${quoted(f.tags)} publiceras inte: utgåvorna tar bort ${f.tags.length === 1 ? "taggen" : "taggarna"} och behåller texten` +
        (gone ? ` (innehållet i ${gone} tas bort helt).` : "."),
      en: `${quoted(f.tags)} ${f.tags.length === 1 ? "is" : "are"} not published: the editions remove the ${f.tags.length === 1 ? "tag" : "tags"} and keep the text${gone ? ` (the content of ${gone} is removed too).` : "."}`,
    });
  }
  if (f.attributes.length > 0) {
    const attrs = f.attributes.map((a) => `\`${a.name}\` (\`<${a.tag}>\`)`).join(", ");
    parts.push({
      sv: `${f.attributes.length === 1 ? "Attributet" : "Attributen"} ${attrs} publiceras inte.`,
      en: `The ${f.attributes.length === 1 ? "attribute" : "attributes"} ${attrs} ${f.attributes.length === 1 ? "is" : "are"} not published.`,
    });
  }
  return {
    sv: `${parts.map((p) => p.sv).join(" ")} Av rå HTML publiceras bara ${RAW_HTML_SUBSET_TEXT.sv}; skriv resten med Markdown.`,
    en: `${parts.map((p) => p.en).join(" ")} Of raw HTML only ${RAW_HTML_SUBSET_TEXT.en} are published; write the rest in Markdown.`,
  };
}

/** The build's one warning for a document: the lines and the tags (the rule, SD136, gives each place). */
export function rawHtmlWarning(findings: readonly RawHtmlFinding[]): { line: number; message: Localized } | undefined {
  const first = findings[0];
  if (!first) return undefined;
  const lines = [...new Set(findings.map((f) => f.line))].sort((a, b) => a - b);
  const tags = [...new Set(findings.flatMap((f) => [...f.tags, ...f.attributes.map((a) => `${a.tag} ${a.name}`)]))];
  const shown = tags.map((t) => (t.includes(" ") ? `\`${t.split(" ")[1] ?? ""}\` (\`<${t.split(" ")[0] ?? ""}>\`)` : `\`<${t}>\``));
  const deep = findings.some((f) => f.tooDeep);
  const list = (tooDeep: string): string => [...(deep ? [tooDeep] : []), ...shown].join(", ");
  return {
    line: first.line,
    message: {
      sv: `rå HTML som inte publiceras (${lines.length === 1 ? "rad" : "rader"} ${lines.join(", ")}): ${list(`HTML nästlad i fler än ${MAX_RAW_DEPTH} nivåer`)}; bara ${RAW_HTML_SUBSET_TEXT.sv} publiceras, resten tas bort och texten behålls.`,
      en: `raw HTML that is not published (${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}): ${list(`HTML nested more than ${MAX_RAW_DEPTH} levels deep`)}; only ${RAW_HTML_SUBSET_TEXT.en} are published, the rest is removed and the text kept.`,
    },
  };
}
