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
  /** The header row's cells (runs; the row's style makes them bold). */
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

/** Left is the default, so it is left out (a big edition has tens of thousands of cells). */
function alignment(a: CellAlign): { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } {
  return a === "right" ? { alignment: AlignmentType.RIGHT } : a === "center" ? { alignment: AlignmentType.CENTER } : {};
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
/** Cells take their widths from the table grid (fixed layout), so they carry no width of their own. */
function cell(children: ParagraphChild[], align: CellAlign, style: string, fill?: string): TableCell {
  return new TableCell({
    children: [new Paragraph({ style, ...alignment(align), children })],
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
      children: pad(spec.header).map((c, i) => cell(c, spec.align?.[i], STYLE.tableHead, COLORS.headerFill)),
    }),
    ...spec.rows.map(
      (r) =>
        new TableRow({
          ...(spec.labelColumn ? {} : { cantSplit: true }),
          children: pad(r).map((c, i) =>
            spec.labelColumn && i === 0 ? cell(c, spec.align?.[i], STYLE.tableHead, COLORS.labelFill) : cell(c, spec.align?.[i], STYLE.tableText),
          ),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: MARGINS,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

/** A little air after a table, which Word otherwise glues to the next paragraph. */
export function afterTable(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.AUTO }, children: [] });
}
