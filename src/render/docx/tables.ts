/**
 * Word tables in the house look: thin grey borders, a shaded header row that
 * Word repeats on every page (and screen readers announce as headers), rows
 * that do not break across pages, and column widths by content.
 */
import { COLORS, STYLE } from "./styles.js";
import { paragraph, table, type Alignment, type Cell } from "./wml.js";

export type CellAlign = "left" | "right" | "center" | null | undefined;

export interface TableSpec {
  /** The header row's cells (runs, written; the row's style makes them bold). */
  header: string[];
  rows: string[][];
  /** Plain text of each cell, header first, for the column widths. */
  texts: string[][];
  align?: readonly CellAlign[];
  /** Shade the first column (label/value tables). */
  labelColumn?: boolean;
  /** Fixed share of each column instead of measuring the text. */
  weights?: readonly number[];
  width: number;
  /** Indent from the left margin, in twips. */
  indent?: number;
}

const BORDER = { color: COLORS.border, size: 4 };
const MARGINS = { top: 57, bottom: 57, left: 85, right: 85 };

/** Left is the default, so it is left out (a big edition has tens of thousands of cells). */
function alignment(a: CellAlign): Alignment | undefined {
  return a === "right" || a === "center" ? a : undefined;
}

/** Whole twips summing to `width`, from shares in any unit; the rounding rest goes to the last column. */
function toTwips(shares: readonly number[], width: number): number[] {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const out = shares.map((x) => Math.floor((x / total) * width));
  const rest = width - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
}

/**
 * Advance widths of Arial, and of Liberation Sans, its metric twin in
 * LibreOffice, in thousandths of an em, for U+0020–U+007E: regular and bold.
 * Read from LiberationSans-Regular.ttf and -Bold.ttf (they equal Arial's).
 */
const ARIAL =
  "278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584"
    .split(",")
    .map(Number);
const ARIAL_BOLD =
  "278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584"
    .split(",")
    .map(Number);

/** Table text is 10 pt (SamdokTabelltext): a thousandth of an em is 10 × 20 / 1000 twips. */
const TWIPS_PER_UNIT = 0.2;
/** The cell's left and right margins, a border, and 4 % for the renderer's rounding and a font a little wider than Arial. */
const CELL_PAD = MARGINS.left + MARGINS.right + BORDER.size * 2.5;
const SLACK = 1.04;

/**
 * The printed width of `text` in twips at table size. Accented letters (å, ä,
 * ö, é) are as wide as their base letter in Arial; other characters count as
 * a digit (Latin, Greek, Cyrillic, signs) or a full em (CJK and the like).
 */
export function textTwips(text: string, bold: boolean): number {
  const table = bold ? ARIAL_BOLD : ARIAL;
  let units = 0;
  for (const ch of text.normalize("NFD")) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) units += table[code - 0x20] ?? 556;
    else if (code === 0xa0) units += 278;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else units += code >= 0x2e80 ? 1000 : bold ? 611 : 556;
  }
  return units * TWIPS_PER_UNIT;
}

/** What a column needs: its longest word (the least it may be) and its longest line (what it would like). */
function measure(texts: readonly string[][], c: number): { least: number; wish: number } {
  let least = 0;
  let wish = 0;
  texts.forEach((row, r) => {
    // The header row is bold (SamdokTabellrubrik).
    const bold = r === 0;
    for (const line of (row[c] ?? "").split("\n")) {
      wish = Math.max(wish, textTwips(line.trim(), bold));
      // Words: what the renderer will not break. A non-breaking space (§ 14) keeps its parts one word.
      for (const word of line.split(/[ \t]+/)) least = Math.max(least, textTwips(word, bold));
    }
  });
  least = least * SLACK + CELL_PAD;
  return { least, wish: Math.max(least, wish * SLACK + CELL_PAD) };
}

/**
 * When even the longest words do not all fit (many columns, long compounds):
 * every column gets its longest word up to a common cap, the cap as high as
 * the width allows. Dates, numbers and short words ("Status", "Pågår",
 * "2026-03-31") stay whole; only the longest words, which no width would
 * keep whole on a page, are broken.
 */
function capped(least: readonly number[], width: number): number[] {
  const order = least.map((_, c) => c).sort((a, b) => (least[a] ?? 0) - (least[b] ?? 0));
  const out: number[] = [];
  let left = width;
  order.forEach((c, i) => {
    const cap = left / (order.length - i);
    out[c] = Math.min(least[c] ?? 0, cap);
    left -= out[c] ?? 0;
  });
  return out;
}

/**
 * Column widths in twips, summing to `width`. With `weights`, fixed shares
 * (the metadata and history tables). Otherwise by content, as a browser lays
 * out an automatic table: no column narrower than its longest word (the
 * header measured in bold, so "Status" and "2026-03-31" never split), and the
 * rest of the width shared in proportion to how much more each column's
 * longest line wants. A table whose lines all fit shares what is left over in
 * proportion to its columns' lines, so every table is as wide as the text.
 * When the longest words cannot all fit, see `capped`.
 */
export function columnWidths(texts: string[][], columns: number, width: number, weights?: readonly number[]): number[] {
  if (weights)
    return toTwips(
      Array.from({ length: columns }, (_, c) => weights[c] ?? 1),
      width,
    );
  const need = Array.from({ length: columns }, (_, c) => measure(texts, c));
  const least = need.map((n) => n.least);
  const wish = need.map((n) => n.wish);
  const sumLeast = least.reduce((a, b) => a + b, 0);
  const sumWish = wish.reduce((a, b) => a + b, 0);
  if (sumLeast >= width) return toTwips(capped(least, width), width);
  if (sumWish <= width) return toTwips(wish, width);
  const share = (width - sumLeast) / (sumWish - sumLeast);
  return toTwips(
    need.map((n) => n.least + (n.wish - n.least) * share),
    width,
  );
}

/** Header and label cells take the bold table style rather than bold runs: fewer elements, same look. */
function cell(content: string, align: CellAlign, style: string, fill?: string): Cell {
  return { content: paragraph({ style, alignment: alignment(align) }, content), fill };
}

export function buildTable(spec: TableSpec): string {
  const columns = Math.max(spec.header.length, ...spec.rows.map((r) => r.length), 1);
  const widths = columnWidths(spec.texts, columns, spec.width, spec.weights);
  const pad = (cells: string[]): string[] => [...cells, ...Array.from({ length: columns - cells.length }, () => "")];
  return table({ width: spec.width, indent: spec.indent, columnWidths: widths, border: BORDER, margins: MARGINS }, [
    { header: true, cantSplit: true, cells: pad(spec.header).map((c, i) => cell(c, spec.align?.[i], STYLE.tableHead, COLORS.headerFill)) },
    ...spec.rows.map((r) => ({
      cantSplit: !spec.labelColumn,
      cells: pad(r).map((c, i) =>
        spec.labelColumn && i === 0
          ? cell(c, spec.align?.[i], STYLE.tableHead, COLORS.labelFill)
          : cell(c, spec.align?.[i], STYLE.tableText),
      ),
    })),
  ]);
}

/** A little air after a table, which Word otherwise glues to the next paragraph. */
export const AFTER_TABLE_SPACING = { before: 0, after: 120, line: 120, lineRule: "auto" } as const;

export function afterTable(): string {
  return paragraph({ spacing: AFTER_TABLE_SPACING }, "");
}
