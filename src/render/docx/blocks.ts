/**
 * Markdown block content to Word paragraphs and tables: one small function
 * per mdast node type. Headings keep Word's built-in Heading styles and get a
 * bookmark named after the document id and the heading's GitHub slug, so
 * links between documents land on them.
 */
import type { BlockContent, FootnoteDefinition, List, ListItem, RootContent, RootContentMap } from "mdast";
import { toString } from "mdast-util-to-string";
import { AlignmentType, Bookmark, BorderStyle, HeadingLevel, Paragraph, Table, TextRun } from "docx";
import type { ParagraphChild } from "docx";
import type { MapContext } from "./context.js";
import { mapInline, textRun, type RunFormat } from "./inline.js";
import { headingBookmark } from "./bookmarks.js";
import { BULLET_REF, COLORS, listIndent, orderedRef, STYLE } from "./styles.js";
import { afterTable, buildTable } from "./tables.js";

export type Block = Paragraph | Table;

/** Where a block sits: in a quote, a list, a footnote. */
export interface BlockState {
  quote?: boolean;
  note?: boolean;
  list?: { level: number; ordered: boolean; reference: string; instance: number };
  /** Text width in twips, for tables. */
  width: number;
}

type Mapper<K extends keyof RootContentMap> = (node: RootContentMap[K], ctx: MapContext, state: BlockState) => Block[];

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

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
  const level = HEADINGS[Math.min(6, Math.max(2, node.depth)) - 1] ?? HeadingLevel.HEADING_6;
  const slug = ctx.slugs.get(node);
  const children = mapInline(node.children, ctx);
  return [new Paragraph({ heading: level, children: slug ? [new Bookmark({ id: headingBookmark(ctx.doc.doc.id, slug), children })] : children })];
};

const paragraph: Mapper<"paragraph"> = (node, ctx, state) => {
  const onlyImages = node.children.length > 0 && node.children.every((c) => c.type === "image" || c.type === "imageReference" || (c.type === "text" && c.value.trim() === ""));
  return [new Paragraph({ ...paragraphStyle(state), ...(onlyImages ? { alignment: AlignmentType.CENTER } : {}), children: mapInline(node.children, ctx, runFormat(state)) })];
};

function checkbox(item: ListItem): ParagraphChild[] {
  if (item.checked === true) return [new TextRun({ text: "☒ " })];
  if (item.checked === false) return [new TextRun({ text: "☐ " })];
  return [];
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
  const out: Block[] = [];
  for (const item of node.children) {
    let numbered = false;
    const numberedParagraph = (children: ParagraphChild[]): Paragraph => {
      numbered = true;
      const marker = tasks ? { style: "ListParagraph", indent: { left: listIndent(level) - 360 } } : { numbering: { reference, level, instance } };
      return new Paragraph({ ...marker, ...paragraphStyle(state), children: [...checkbox(item), ...children] });
    };
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const runs = mapInline(child.children, ctx, runFormat(state));
        out.push(numbered ? new Paragraph({ ...paragraphStyle(state), indent: { left: listIndent(level) }, children: runs }) : numberedParagraph(runs));
      } else {
        if (!numbered) out.push(numberedParagraph([]));
        out.push(...mapBlocks([child], ctx, inner));
      }
    }
    if (!numbered) out.push(numberedParagraph([]));
  }
  return out;
};

const table: Mapper<"table"> = (node, ctx, state) => {
  const [head, ...body] = node.children;
  const cellsOf = (row: typeof head, fmt: RunFormat): ParagraphChild[][] => (row ? row.children.map((c) => mapInline(c.children, ctx, fmt)) : []);
  const spec = {
    header: cellsOf(head, runFormat(state)),
    rows: body.map((r) => cellsOf(r, runFormat(state))),
    texts: node.children.map((r) => r.children.map((c) => toString(c))),
    align: node.align ?? [],
    width: state.list ? state.width - listIndent(state.list.level) : state.width,
  };
  return [buildTable(spec), afterTable()];
};

const blockquote: Mapper<"blockquote"> = (node, ctx, state) => mapBlocks(node.children, ctx, { ...state, quote: true });

const code: Mapper<"code"> = (node) => {
  const lines = node.value.replace(/\t/g, "    ").split("\n");
  return [new Paragraph({ style: STYLE.codeBlock, children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) })];
};

const thematicBreak: Mapper<"thematicBreak"> = () => [
  new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.border, space: 1 } }, spacing: { after: 240 }, children: [] }),
];

/** Raw HTML blocks: comments vanish; other markup keeps its text. */
const html: Mapper<"html"> = (node, _ctx, state) => {
  const text = node.value.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  return text ? [new Paragraph({ ...paragraphStyle(state), children: [textRun(text, runFormat(state))] })] : [];
};

const none = (): Block[] => [];

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

export function mapBlocks(nodes: readonly (RootContent | BlockContent)[], ctx: MapContext, state: BlockState): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    const mapper = mappers[node.type] as ((n: RootContent, c: MapContext, s: BlockState) => Block[]) | undefined;
    if (mapper) out.push(...mapper(node, ctx, state));
  }
  return out;
}

/** A footnote's paragraphs (Word footnotes hold paragraphs only; a table in one keeps its text). */
export function noteParagraphs(definition: FootnoteDefinition, ctx: MapContext): Paragraph[] {
  const out: Paragraph[] = [];
  const note = (children: ParagraphChild[]): Paragraph =>
    // Word puts the footnote's number before the first paragraph; a space keeps it off the text.
    new Paragraph({ style: "FootnoteText", children: out.length === 0 ? [new TextRun(" "), ...children] : children });
  for (const child of definition.children) {
    if (child.type === "paragraph") {
      out.push(note(mapInline(child.children, ctx, { note: true })));
    } else if (child.type === "table") {
      for (const row of child.children) out.push(note([textRun(row.children.map((c) => toString(c)).join(" | "), { note: true })]));
    } else {
      for (const block of mapBlocks([child], ctx, { note: true, width: 0 })) {
        if (block instanceof Paragraph) out.push(block);
      }
    }
  }
  return out.length > 0 ? out : [note([])];
}
