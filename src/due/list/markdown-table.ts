/**
 * The Markdown tables of the due list (`due --format markdown`) and the
 * status report (`report --format markdown`): one writer, so that both
 * escape their cells the same way (`markdownTableCell`, core/escape.ts).
 */
import { markdownTableCell } from "../../core/escape.js";

/** A Markdown table from a header row and rows (cells escaped here); `align` "r" right-aligns a column. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const sep = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header.map(markdownTableCell)), line(sep), ...rows.map((r) => line(r.map(markdownTableCell)))].join("\n");
}
