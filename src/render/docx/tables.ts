/**
 * Word tables in the house look: thin grey borders, a shaded header row that
 * Word repeats on every page (and screen readers announce as headers), rows
 * that do not break across pages, and column widths by content.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import type { ParagraphChild } from "docx";
import { COLORS, STYLE } from "./styles.js";

export type CellAlign = "left" | "right" | "center" | null | undefined;

export interface TableSpec {
  /** The header row's cells (runs). */
  header: ParagraphChild[][];
  rows: ParagraphChild[][][];
  /** Plain text of each cell, header first, for the column widths. */
  texts: string[][];
  align?: readonly CellAlign[];
  /** Shade the first column (label/value tables). */
  labelColumn?: boolean;
  /** Fixed share of each column instead of measuring the text. */
  weights?: readonly number[];
  width: number;
}

const border = { style: BorderStyle.SINGLE, size: 4, color: COLORS.border };
const MARGINS = { top: 57, bottom: 57, left: 85, right: 85 };

function alignment(a: CellAlign): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === "right" ? AlignmentType.RIGHT : a === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
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

function cell(children: ParagraphChild[], width: number, align: CellAlign, fill?: string): TableCell {
  return new TableCell({
    children: [new Paragraph({ style: STYLE.tableText, alignment: alignment(align), children })],
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    ...(fill ? { shading: { type: "clear", color: "auto", fill } } : {}),
  });
}

export function buildTable(spec: TableSpec): Table {
  const columns = Math.max(spec.header.length, ...spec.rows.map((r) => r.length), 1);
  const widths = columnWidths(spec.texts, columns, spec.width, spec.weights);
  const pad = (cells: ParagraphChild[][]): ParagraphChild[][] => [...cells, ...Array.from({ length: columns - cells.length }, () => [])];
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: pad(spec.header).map((c, i) => cell(c, widths[i] ?? 0, spec.align?.[i], COLORS.headerFill)),
    }),
    ...spec.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: pad(r).map((c, i) => cell(c, widths[i] ?? 0, spec.align?.[i], spec.labelColumn && i === 0 ? COLORS.labelFill : undefined)),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** A little air after a table, which Word otherwise glues to the next paragraph. */
export function afterTable(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.AUTO }, children: [] });
}
