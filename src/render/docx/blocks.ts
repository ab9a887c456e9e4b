/**
 * Markdown block content to Word paragraphs and tables, written as
 * WordprocessingML (wml.ts): one small function per mdast node type.
 * Headings keep Word's built-in Heading styles and get a bookmark named
 * after the document id and the heading's GitHub slug, so links between
 * documents land on them.
 */
import type {
  BlockContent,
  FootnoteDefinition,
  List,
  ListItem,
  PhrasingContent,
  RootContent,
  RootContentMap,
  TableCell,
  TableRow,
} from "mdast";
import type { ChangeKind } from "../../redline/types.js";
import { toString } from "mdast-util-to-string";
import { bookmarkUniqueNumericId } from "docx";
import { Needs, type Note } from "./content.js";
import type { MapContext } from "./context.js";
import { mapInline, textRun, type RunFormat } from "./inline.js";
import { headingBookmark } from "./bookmarks.js";
import { BULLET_REF, COLORS, listIndent, orderedRef, QUOTE_INDENT, STYLE } from "./styles.js";
import { afterTable, buildTable } from "./tables.js";
import { rawHtmlBlock } from "./raw-html.js";
import { bookmark, paragraph as p, paragraphProperties, run, type ParagraphProps } from "./wml.js";
import { marked, markNoteParagraph, markTableRows } from "./redline.js";
import { keepReferencesTogether } from "../shared/typography.js";

/** Where a block sits: in a quote, a list, a footnote. */
export interface BlockState {
  /** How deep in quotes: 1 in a quote, 2 in a quote in a quote. */
  quote?: number;
  note?: boolean;
  list?: { level: number; ordered: boolean; reference: string; instance: number };
  /** Text width in twips, for tables. */
  width: number;
}

type Mapper<K extends keyof RootContentMap> = (node: RootContentMap[K], ctx: MapContext, state: BlockState) => string;

/** The left indent of text in quotes: the Quote style's, once more for each quote inside a quote. */
function quoteIndent(state: BlockState): number {
  return state.quote ? QUOTE_INDENT * state.quote : 0;
}

/** A quote in a quote is indented further than the Quote style's one step, so it is visibly deeper. */
function paragraphStyle(state: BlockState): { style?: string; indentLeft?: number } {
  if (state.note) return { style: "FootnoteText" };
  if (state.quote) return { style: STYLE.quote, ...(state.quote > 1 ? { indentLeft: quoteIndent(state) } : {}) };
  return {};
}

/**
 * A list in a quote: its items are indented by the quote's indent too, so the
 * bullets sit inside the quote's bar (the numbering's own indent would put
 * them at the margin). The hanging indent keeps the marker before the text.
 */
function listInQuote(state: BlockState, level: number, tasks: boolean): { indentLeft?: number; indentHanging?: number } {
  if (!state.quote) return {};
  if (tasks) return { indentLeft: listIndent(level) - 360 + quoteIndent(state) };
  return { indentLeft: listIndent(level) + quoteIndent(state), indentHanging: 360 };
}

function runFormat(state: BlockState): RunFormat {
  return state.note ? { note: true } : {};
}

/** The body's `#` would compete with the document title (Heading 1), so it becomes Heading 2 like `##`. */
const heading: Mapper<"heading"> = (node, ctx) => {
  const level = Math.min(6, Math.max(2, node.depth));
  const slug = ctx.slugs.get(node);
  const content = mapInline(node.children, ctx);
  return p(
    { heading: `Heading${level}` },
    slug ? bookmark(headingBookmark(ctx.doc.doc.id, slug), bookmarkUniqueNumericId(), content) : content,
  );
};

const paragraph: Mapper<"paragraph"> = (node, ctx, state) => {
  const onlyImages =
    node.children.length > 0 &&
    node.children.every((c) => c.type === "image" || c.type === "imageReference" || (c.type === "text" && c.value.trim() === ""));
  return p(
    { ...paragraphStyle(state), ...(onlyImages ? { alignment: "center" as const } : {}) },
    mapInline(node.children, ctx, runFormat(state)),
  );
};

function checkbox(item: ListItem): string {
  if (item.checked === true) return run("☒ ");
  if (item.checked === false) return run("☐ ");
  return "";
}

/**
 * Every Markdown list is a Word list of its own (a numbering instance), so
 * numbering restarts at its first item. A nested list of the same kind goes
 * one level down in its parent's list; Word restarts the lower level itself.
 */
const list: Mapper<"list"> = (node: List, ctx, state) => {
  const ordered = node.ordered === true;
  const start = node.start ?? 1;
  const level = state.list ? Math.min(8, state.list.level + 1) : 0;
  const parent = state.list;
  let reference: string;
  let instance: number;
  if (parent && parent.ordered === ordered && start === 1) {
    reference = parent.reference;
    instance = parent.instance;
  } else {
    reference = ordered ? orderedRef(start) : BULLET_REF;
    if (ordered) ctx.lists.starts.add(start);
    instance = ctx.lists.next();
  }
  const inner: BlockState = { ...state, list: { level, ordered, reference, instance } };
  // A task list shows its check boxes instead of bullets, as GitHub does.
  const tasks = !ordered && node.children.length > 0 && node.children.every((item) => typeof item.checked === "boolean");
  let out = "";
  for (const item of node.children) {
    const start = out.length;
    let numbered = false;
    const numberedParagraph = (content: string): string => {
      numbered = true;
      let marker: ParagraphProps;
      if (tasks) {
        marker = { style: "ListParagraph", indentLeft: listIndent(level) - 360 };
      } else {
        ctx.needs.list(reference, instance);
        marker = { numbering: { reference, level, instance } };
      }
      return p({ ...marker, ...paragraphStyle(state), ...listInQuote(state, level, tasks) }, checkbox(item) + content);
    };
    for (const [index, child] of item.children.entries()) {
      if (child.type === "paragraph") {
        const runs = mapInline(child.children, ctx, runFormat(state));
        out += marked(
          numbered ? p({ ...paragraphStyle(state), indentLeft: listIndent(level) + quoteIndent(state) }, runs) : numberedParagraph(runs),
          child,
          ctx.redline,
        );
      } else {
        if (!numbered) out += numberedParagraph("");
        out += codeGap(item.children[index - 1], child) + mapBlocks([child], ctx, inner);
      }
    }
    if (!numbered) out += numberedParagraph("");
    // A redline edition: a list item that is new or gone, with its check box and its nested blocks.
    if (item.data?.redline) out = out.slice(0, start) + marked(out.slice(start), item, ctx.redline);
  }
  return out;
};

/**
 * A cell's text as it is printed, for measuring its column (tables.ts): a raw
 * `<br>` or a hard break starts a new line, other raw tags print nothing, and
 * a legal reference holds together as in the text ("§ 14/2025" is one word).
 */
function cellText(node: TableCell | PhrasingContent): string {
  if (node.type === "html") return /^<br\s*\/?>$/i.test(node.value.trim()) ? "\n" : "";
  if (node.type === "break") return "\n";
  if (node.type === "text") return keepReferencesTogether(node.value);
  if (node.type === "inlineCode") return node.value;
  if ("children" in node) return node.children.map((c: PhrasingContent) => cellText(c)).join("");
  return "";
}

const table: Mapper<"table"> = (node, ctx, state) => {
  const [head, ...body] = node.children;
  const cellsOf = (row: typeof head, fmt: RunFormat): string[] => (row ? row.children.map((c) => mapInline(c.children, ctx, fmt)) : []);
  const spec = {
    header: cellsOf(head, runFormat(state)),
    rows: body.map((r) => cellsOf(r, runFormat(state))),
    texts: node.children.map((r) => r.children.map((c) => cellText(c))),
    align: node.align ?? [],
    width: state.list ? state.width - listIndent(state.list.level) : state.width,
    ...(state.list ? { indent: listIndent(state.list.level) } : {}),
  };
  const rows = node.children.map((r) => r.data?.redline);
  return markTableRows(buildTable(spec), rows, ctx.redline) + afterTable();
};

const blockquote: Mapper<"blockquote"> = (node, ctx, state) => mapBlocks(node.children, ctx, { ...state, quote: (state.quote ?? 0) + 1 });

/** A code block; in a list item it is indented with the item's text, in a quote with the quote's. */
const code: Mapper<"code"> = (node, _ctx, state) => {
  const lines = node.value.replace(/\t/g, "    ").split("\n");
  const indent = (state.list ? listIndent(state.list.level) : 0) + quoteIndent(state);
  return p(
    { style: STYLE.codeBlock, ...(indent > 0 ? { indentLeft: indent } : {}) },
    lines.map((line, i) => run(line, {}, i > 0)).join(""),
  );
};

const thematicBreak: Mapper<"thematicBreak"> = () => p({ bottomBorder: { color: COLORS.border, size: 6 }, spacing: { after: 240 } }, "");

/** Raw HTML blocks: what the HTML edition publishes of them (a table, a fold-out section, the words of the rest), see raw-html.ts. */
const html: Mapper<"html"> = (node, _ctx, state) =>
  rawHtmlBlock(node.value, {
    paragraph: paragraphStyle(state),
    format: runFormat(state),
    width: state.list ? state.width - listIndent(state.list.level) : state.width,
    indent: state.list ? listIndent(state.list.level) : undefined,
    note: state.note === true,
  });

const none = (): string => "";

/** Two code blocks in a row would share one grey box: a thin empty paragraph between them keeps them two. */
const CODE_GAP = p({ spacing: { before: 0, after: 0, line: 120, lineRule: "auto" } }, "");

function codeGap(previous: RootContent | BlockContent | undefined, node: RootContent | BlockContent): string {
  return previous?.type === "code" && node.type === "code" ? CODE_GAP : "";
}

const mappers: Partial<{ [K in keyof RootContentMap]: Mapper<K> }> = {
  heading,
  paragraph,
  list,
  table,
  blockquote,
  code,
  thematicBreak,
  html,
  // Definitions are looked up by the links and footnote references that use them.
  definition: none,
  footnoteDefinition: none,
  yaml: none,
};

export function mapBlocks(nodes: readonly (RootContent | BlockContent)[], ctx: MapContext, state: BlockState): string {
  let out = "";
  let previous: RootContent | BlockContent | undefined;
  for (const node of nodes) {
    out += codeGap(previous, node);
    previous = node;
    const mapper = mappers[node.type] as ((n: RootContent, c: MapContext, s: BlockState) => string) | undefined;
    if (mapper) out += node.data?.redline ? marked(mapper(node, ctx, state), node, ctx.redline) : mapper(node, ctx, state);
  }
  return out;
}

const NOTE_PROPERTIES = paragraphProperties({ style: "FootnoteText" });
const PARAGRAPH = /^<w:p>(?:<w:pPr>(.*?)<\/w:pPr>)?(.*)<\/w:p>$|^<w:p\/>$/s;

/** A written paragraph's properties and runs, apart (a footnote's first paragraph gets its number between them). */
function split(xml: string): { properties: string; content: string }[] {
  const m = PARAGRAPH.exec(xml);
  return m ? [{ properties: m[1] ?? "", content: m[2] ?? "" }] : [];
}

/**
 * A footnote's paragraphs (Word footnotes hold paragraphs only; a table in
 * one keeps its text), written with what they need of their own.
 */
export function noteOf(definition: FootnoteDefinition, ctx: MapContext): Note {
  const needs = new Needs();
  const inNote: MapContext = { ...ctx, needs };
  const paragraphs: Note["paragraphs"] = [];
  const note = (content: string, change?: ChangeKind): void => {
    // Word puts the footnote's number before the first paragraph; a space keeps it off the text.
    const paragraph = { properties: NOTE_PROPERTIES, content: paragraphs.length === 0 ? run(" ") + content : content };
    // A redline edition: the paragraph of a footnote (or of a block in one) that is new or gone.
    paragraphs.push(change ? markNoteParagraph(paragraph, change, ctx.redline) : paragraph);
  };
  for (const child of definition.children) {
    const change = child.data?.redline ?? definition.data?.redline;
    if (child.type === "paragraph") {
      note(mapInline(child.children, inNote, { note: true }), change);
    } else if (child.type === "table") {
      for (const row of child.children) note(noteRow(row, inNote), row.data?.redline ?? change);
    } else {
      for (const block of blockParagraphs(child, inNote)) paragraphs.push(change ? markNoteParagraph(block, change, ctx.redline) : block);
    }
  }
  if (paragraphs.length === 0) note("", definition.data?.redline);
  return { paragraphs, needs };
}

/** A table row in a footnote, as a line of text; in a redline edition with its cells' marks. */
function noteRow(row: TableRow, ctx: MapContext): string {
  if (!ctx.redline) return textRun(row.children.map((c) => toString(c)).join(" | "), { note: true });
  return row.children.map((c) => mapInline(c.children, ctx, { note: true })).join(run(" | "));
}

/** The paragraphs a block in a footnote becomes (tables in it are left out, as Word footnotes hold paragraphs only). */
function blockParagraphs(child: BlockContent | RootContent, ctx: MapContext): { properties: string; content: string }[] {
  const out: { properties: string; content: string }[] = [];
  const xml = mapBlocks([child], ctx, { note: true, width: 0 });
  // Split the written blocks into paragraphs; tables are dropped.
  for (const m of xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "").matchAll(/<w:p\/>|<w:p>[\s\S]*?<\/w:p>/g)) out.push(...split(m[0]));
  return out;
}
