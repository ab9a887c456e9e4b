/**
 * Markdown block content to Word paragraphs and tables, written as
 * WordprocessingML (wml.ts): one small function per mdast node type.
 * Headings keep Word's built-in Heading styles and get a bookmark named
 * after the document id and the heading's GitHub slug, so links between
 * documents land on them.
 */
import type { BlockContent, FootnoteDefinition, List, ListItem, RootContent, RootContentMap } from "mdast";
import { toString } from "mdast-util-to-string";
import { bookmarkUniqueNumericId } from "docx";
import { Needs, type Note } from "./content.js";
import type { MapContext } from "./context.js";
import { mapInline, textRun, type RunFormat } from "./inline.js";
import { headingBookmark } from "./bookmarks.js";
import { BULLET_REF, COLORS, listIndent, orderedRef, STYLE } from "./styles.js";
import { afterTable, buildTable } from "./tables.js";
import { bookmark, paragraph as p, paragraphProperties, run, type ParagraphProps } from "./wml.js";

/** Where a block sits: in a quote, a list, a footnote. */
export interface BlockState {
  quote?: boolean;
  note?: boolean;
  list?: { level: number; ordered: boolean; reference: string; instance: number };
  /** Text width in twips, for tables. */
  width: number;
}

type Mapper<K extends keyof RootContentMap> = (node: RootContentMap[K], ctx: MapContext, state: BlockState) => string;

function paragraphStyle(state: BlockState): { style?: string } {
  if (state.note) return { style: "FootnoteText" };
  if (state.quote) return { style: STYLE.quote };
  return {};
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
      return p({ ...marker, ...paragraphStyle(state) }, checkbox(item) + content);
    };
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const runs = mapInline(child.children, ctx, runFormat(state));
        out += numbered ? p({ ...paragraphStyle(state), indentLeft: listIndent(level) }, runs) : numberedParagraph(runs);
      } else {
        if (!numbered) out += numberedParagraph("");
        out += mapBlocks([child], ctx, inner);
      }
    }
    if (!numbered) out += numberedParagraph("");
  }
  return out;
};

const table: Mapper<"table"> = (node, ctx, state) => {
  const [head, ...body] = node.children;
  const cellsOf = (row: typeof head, fmt: RunFormat): string[] => (row ? row.children.map((c) => mapInline(c.children, ctx, fmt)) : []);
  const spec = {
    header: cellsOf(head, runFormat(state)),
    rows: body.map((r) => cellsOf(r, runFormat(state))),
    texts: node.children.map((r) => r.children.map((c) => toString(c))),
    align: node.align ?? [],
    width: state.list ? state.width - listIndent(state.list.level) : state.width,
    ...(state.list ? { indent: listIndent(state.list.level) } : {}),
  };
  return buildTable(spec) + afterTable();
};

const blockquote: Mapper<"blockquote"> = (node, ctx, state) => mapBlocks(node.children, ctx, { ...state, quote: true });

/** A code block; in a list item it is indented with the item's text. */
const code: Mapper<"code"> = (node, _ctx, state) => {
  const lines = node.value.replace(/\t/g, "    ").split("\n");
  return p(
    { style: STYLE.codeBlock, ...(state.list ? { indentLeft: listIndent(state.list.level) } : {}) },
    lines.map((line, i) => run(line, {}, i > 0)).join(""),
  );
};

const thematicBreak: Mapper<"thematicBreak"> = () => p({ bottomBorder: { color: COLORS.border, size: 6 }, spacing: { after: 240 } }, "");

/** Raw HTML blocks: comments vanish; other markup keeps its text. */
const html: Mapper<"html"> = (node, _ctx, state) => {
  const text = node.value
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? p(paragraphStyle(state), textRun(text, runFormat(state))) : "";
};

const none = (): string => "";

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
  for (const node of nodes) {
    const mapper = mappers[node.type] as ((n: RootContent, c: MapContext, s: BlockState) => string) | undefined;
    if (mapper) out += mapper(node, ctx, state);
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
  const note = (content: string): void => {
    // Word puts the footnote's number before the first paragraph; a space keeps it off the text.
    paragraphs.push({ properties: NOTE_PROPERTIES, content: paragraphs.length === 0 ? run(" ") + content : content });
  };
  for (const child of definition.children) {
    if (child.type === "paragraph") {
      note(mapInline(child.children, inNote, { note: true }));
    } else if (child.type === "table") {
      for (const row of child.children) note(textRun(row.children.map((c) => toString(c)).join(" | "), { note: true }));
    } else {
      for (const block of blockParagraphs(child, inNote)) paragraphs.push(block);
    }
  }
  if (paragraphs.length === 0) note("");
  return { paragraphs, needs };
}

/** The paragraphs a block in a footnote becomes (tables in it are left out, as Word footnotes hold paragraphs only). */
function blockParagraphs(child: BlockContent | RootContent, ctx: MapContext): { properties: string; content: string }[] {
  const out: { properties: string; content: string }[] = [];
  const xml = mapBlocks([child], ctx, { note: true, width: 0 });
  // Split the written blocks into paragraphs; tables are dropped.
  for (const m of xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "").matchAll(/<w:p\/>|<w:p>[\s\S]*?<\/w:p>/g)) out.push(...split(m[0]));
  return out;
}
