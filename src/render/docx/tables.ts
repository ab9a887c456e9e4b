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

/** Column widths in twips: by the longest text of each column, within bounds, summing to `width`. */
export function columnWidths(texts: string[][], columns: number, width: number, weights?: readonly number[]): number[] {
  const w = Array.from({ length: columns }, (_, c) => {
    if (weights?.[c] !== undefined) return weights[c] ?? 1;
    const longest = Math.max(0, ...texts.map((row) => (row[c] ?? "").length));
    return Math.min(Math.max(longest, 6), 45);
  });
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const out = w.map((x) => Math.floor((x / total) * width));
  const rest = width - out.reduce((a, b) => a + b, 0);
  out[out.length - 1] = (out[out.length - 1] ?? 0) + rest;
  return out;
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
