/**
 * A raw HTML block of a document's Markdown in the Word edition: what the
 * HTML edition publishes of it (render/shared/raw-html.ts decides, for both),
 * so that the two editions carry the same text.
 *
 * - `<table>` becomes a Word table in the house look, merged cells and all:
 *   `colspan` is the cell's `w:gridSpan`, `rowspan` a `w:vMerge` that
 *   restarts in the cell's first row and continues in the rows below. Rows
 *   of `<thead>` (or of header cells only) repeat on every page; a `<th>` in
 *   a body row is shaded like a label. The caption is a bold line before it
 *   and the table's `w:tblCaption`.
 * - `<details><summary>S</summary>…</details>` becomes S as a bold paragraph
 *   followed by the content: paper has nothing to fold.
 * - `<br>`, `<sup>`, `<sub>` are a line break and raised or lowered runs.
 * - The words of other HTML are kept as paragraphs; the content of
 *   `<script>`, `<style>` and the like is not, as in the HTML edition.
 *
 * In a footnote, which holds paragraphs only, a table is written a row per
 * paragraph, cells apart by " | ", as a Markdown table there is.
 */
import type { Element, ElementContent } from "hast";
import { resolveRawHtml } from "../shared/raw-html.js";
import { textRun, type RunFormat } from "./inline.js";
import { COLORS, STYLE } from "./styles.js";
import { afterTable, columnWidths } from "./tables.js";
import { BREAK_RUN, esc, paragraph, type ParagraphProps } from "./wml.js";

/** Where the block stands, as the Markdown block mappers (blocks.ts) know it. */
export interface RawBlockPlace {
  /** The paragraph properties of text there (a quote's, a footnote's). */
  paragraph: ParagraphProps;
  format: RunFormat;
  /** Width for a table, in twips, and its indent from the margin (in a list item). */
  width: number;
  indent?: number | undefined;
  /** In a footnote: paragraphs only. */
  note: boolean;
}

/** A raw HTML block (an mdast `html` node's value) as Word content. */
export function rawHtmlBlock(value: string, place: RawBlockPlace): string {
  return blocks(resolveRawHtml([{ kind: "raw", value }]), place);
}

/** A piece of a paragraph being gathered: text with its formatting, or a line break. */
type Inline = { text: string; format: RunFormat } | { text: undefined };

/** `node` when it is a `tag` element (a check that leaves the type of other nodes as it is). */
function element(node: ElementContent, tag: string): Element | undefined {
  return node.type === "element" && node.tagName === tag ? node : undefined;
}

/** The runs of gathered pieces, white space collapsed as a browser does, none at the ends or around a break. */
function runsOf(pieces: readonly Inline[]): string {
  let out = "";
  let spaceBefore = false;
  let atLineStart = true;
  const pending: { text: string; format: RunFormat }[] = [];
  const write = (): void => {
    for (const p of pending) out += textRun(p.text, p.format);
    pending.length = 0;
  };
  for (const piece of pieces) {
    if (piece.text === undefined) {
      write();
      out += BREAK_RUN;
      spaceBefore = false;
      atLineStart = true;
      continue;
    }
    const words = piece.text.replace(/\s+/g, " ");
    if (words.trim() === "") {
      spaceBefore ||= words !== "";
      continue;
    }
    const lead = /^ /.test(words) || spaceBefore;
    const text = `${lead && !atLineStart ? " " : ""}${words.trim()}`;
    pending.push({ text, format: piece.format });
    spaceBefore = / $/.test(words);
    atLineStart = false;
  }
  write();
  return out;
}

/** Gathers the inline content of `nodes` (text, breaks, raised text) into `into`. */
function inline(nodes: readonly ElementContent[], format: RunFormat, into: Inline[]): void {
  for (const node of nodes) {
    if (node.type === "text") into.push({ text: node.value, format });
    else if (node.type !== "element") continue;
    else if (node.tagName === "br") into.push({ text: undefined });
    else if (node.tagName === "sup") inline(node.children, { ...format, vertAlign: "superscript" }, into);
    else if (node.tagName === "sub") inline(node.children, { ...format, vertAlign: "subscript" }, into);
    else {
      // A block inside inline content (a table in a summary): its words, apart.
      into.push({ text: " ", format });
      inline(node.children, format, into);
      into.push({ text: " ", format });
    }
  }
}

/** Block content: paragraphs of the text between blocks, tables, summaries in bold. */
function blocks(nodes: readonly ElementContent[], place: RawBlockPlace): string {
  let out = "";
  let pieces: Inline[] = [];
  const flush = (): void => {
    const runs = runsOf(pieces);
    if (runs !== "") out += paragraph(place.paragraph, runs);
    pieces = [];
  };
  for (const node of nodes) {
    if (node.type !== "element" || ["br", "sup", "sub"].includes(node.tagName)) {
      inline([node], place.format, pieces);
      continue;
    }
    flush();
    if (node.tagName === "table") out += place.note ? tableAsParagraphs(node, place) : table(node, place);
    else if (node.tagName === "summary") {
      const summary: Inline[] = [];
      inline(node.children, { ...place.format, bold: true }, summary);
      const runs = runsOf(summary);
      if (runs !== "") out += paragraph({ ...place.paragraph, keepNext: true }, runs);
    } else out += blocks(node.children, place);
  }
  flush();
  return out;
}

/** A cell of the table's grid: the cell that starts there, or one that spans into it from the left or above. */
interface GridCell {
  cell: Element;
  /** Where the cell starts. */
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}

interface TableRows {
  caption: Element | undefined;
  rows: { cells: Element[]; header: boolean }[];
}

/** The table's caption and rows in order (`<thead>` rows are header rows, as is a first row of `<th>` only). */
function rowsOf(table: Element): TableRows {
  let caption: Element | undefined;
  const rows: TableRows["rows"] = [];
  const addRow = (tr: Element, inHead: boolean): void => {
    const cells = tr.children.filter((c): c is Element => c.type === "element" && (c.tagName === "td" || c.tagName === "th"));
    const onlyHeads = cells.length > 0 && cells.every((c) => c.tagName === "th");
    // Header rows repeat on every page only when they lead the table.
    const leading = rows.every((r) => r.header);
    rows.push({ cells, header: leading && (inHead || onlyHeads) });
  };
  for (const child of table.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "caption") caption ??= child;
    else if (child.tagName === "tr") addRow(child, false);
    else {
      for (const tr of child.children) {
        const row = element(tr, "tr");
        if (row) addRow(row, child.tagName === "thead");
      }
    }
  }
  return { caption, rows };
}

/**
 * The most columns a span may reach: Word's own limit. Without it a few
 * bytes (`<td colspan="1000">` a hundred times over empty rows) would ask for
 * a grid of millions of cells, and the build would take minutes.
 */
const MAX_SPANNED_COLUMNS = 63;

/** The grid: where each cell stands, spans placed as a browser places them (no span past MAX_SPANNED_COLUMNS). */
function gridOf(rows: TableRows["rows"]): { grid: (GridCell | undefined)[][]; columns: number } {
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  let columns = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]?.[c]) c++;
      const colSpan = Math.max(1, Math.min(Number(cell.properties.colSpan ?? 1) || 1, MAX_SPANNED_COLUMNS - c));
      const rowSpan = Math.min(Math.max(1, Number(cell.properties.rowSpan ?? 1) || 1), rows.length - r);
      const placed: GridCell = { cell, row: r, column: c, colSpan, rowSpan };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) (grid[r + dr] ??= [])[c + dc] = placed;
      c += colSpan;
      columns = Math.max(columns, c);
    }
  });
  return { grid, columns: Math.max(columns, 1) };
}

/** The words of a cell, lines apart, for its column's width (tables.ts measures them). */
function cellWords(cell: Element): string {
  const pieces: Inline[] = [];
  inline(cell.children, {}, pieces);
  return pieces.map((p) => (p.text === undefined ? "\n" : p.text)).join("");
}

const BORDER = `w:val="single" w:color="${COLORS.border}" w:sz="4"`;
/** The cell margins of the house's tables (tables.ts). */
const MARGINS = { top: 57, bottom: 57, left: 85, right: 85 };

function tableProperties(place: RawBlockPlace, caption: string | undefined): string {
  const m = MARGINS;
  return (
    `<w:tblPr><w:tblW w:type="dxa" w:w="${place.width}"/>${place.indent ? `<w:tblInd w:type="dxa" w:w="${place.indent}"/>` : ""}` +
    `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar>` +
    `${caption ? `<w:tblCaption w:val="${esc(caption)}"/>` : ""}</w:tblPr>`
  );
}

/** A `<table>` as a Word table with merged cells. */
function table(node: Element, place: RawBlockPlace): string {
  const { caption, rows } = rowsOf(node);
  if (rows.length === 0) return caption ? blocks(caption.children, place) : "";
  const { grid, columns } = gridOf(rows);
  // Only a cell of one column says how wide its column must be.
  const texts = grid.map((row) =>
    Array.from({ length: columns }, (_, c) => (row[c] && row[c].colSpan === 1 ? cellWords(row[c].cell) : "")),
  );
  const widths = columnWidths(texts, columns, place.width);
  const captionRuns = caption ? runsOf(gather(caption.children, { ...place.format, bold: true })) : "";
  let s = captionRuns ? paragraph({ ...place.paragraph, keepNext: true }, captionRuns) : "";
  s += `<w:tbl>${tableProperties(place, caption ? cellWords(caption).replace(/\s+/g, " ").trim() : undefined)}`;
  s += `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  rows.forEach((row, r) => {
    s += `<w:tr><w:trPr>${row.header ? "<w:cantSplit/><w:tblHeader/>" : "<w:cantSplit/>"}</w:trPr>`;
    for (let c = 0; c < columns;) {
      const at = grid[r]?.[c];
      const span = at?.colSpan ?? 1;
      const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
      s += at ? gridCell(at, r, width, row.header, place) : emptyCell(width);
      c += span;
    }
    s += "</w:tr>";
  });
  return `${s}</w:tbl>${afterTable()}`;
}

function gather(nodes: readonly ElementContent[], format: RunFormat = {}): Inline[] {
  const pieces: Inline[] = [];
  inline(nodes, format, pieces);
  return pieces;
}

/** A cell of row `r`: its content where it starts, an empty continuation of its merge in the rows below. */
function gridCell(at: GridCell, r: number, width: number, headerRow: boolean, place: RawBlockPlace): string {
  const head = at.cell.tagName === "th";
  const style = head ? STYLE.tableHead : STYLE.tableText;
  const fill = head ? (headerRow ? COLORS.headerFill : COLORS.labelFill) : undefined;
  const starts = at.row === r;
  const merge = at.rowSpan > 1 ? (starts ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : "";
  const properties =
    `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${at.colSpan > 1 ? `<w:gridSpan w:val="${at.colSpan}"/>` : ""}${merge}` +
    `${fill ? `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>` : ""}</w:tcPr>`;
  const inner: RawBlockPlace = {
    paragraph: { style },
    format: place.format,
    width: Math.max(width - MARGINS.left - MARGINS.right, 0),
    note: place.note,
  };
  const content = starts ? blocks(at.cell.children, inner) : "";
  // A cell ends with a paragraph (after a table in it too).
  const closed = content === "" || !content.endsWith("</w:p>") ? `${content}${paragraph({ style }, "")}` : content;
  return `<w:tc>${properties}${closed}</w:tc>`;
}

function emptyCell(width: number): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>${paragraph({ style: STYLE.tableText }, "")}</w:tc>`;
}

/** A table in a footnote: its caption and a paragraph per row, the cells' words apart by " | ". */
function tableAsParagraphs(node: Element, place: RawBlockPlace): string {
  const { caption, rows } = rowsOf(node);
  let out = caption ? blocks(caption.children, place) : "";
  for (const row of rows) {
    const words = row.cells.map((cell) => cellWords(cell).replace(/\s+/g, " ").trim()).join(" | ");
    if (words.trim() !== "") out += paragraph(place.paragraph, textRun(words, place.format));
  }
  return out;
}
