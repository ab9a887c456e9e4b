import { safeText } from "../core/safe-text.js";

/** HTML escaping for the self-contained e-mail body and report; controls are shown as symbols (`safeText`). */
export function escapeHtml(value: string): string {
  return safeText(value, { multiline: true }).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A Markdown table cell: no pipes, no line breaks, no raw HTML, no controls. */
export function mdCell(value: string): string {
  return safeText(value.replace(/\r?\n/g, " ")).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A Markdown table from a header row and rows (cells escaped here). */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ("l" | "r")[] = []): string {
  const sep = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header.map(mdCell)), line(sep), ...rows.map((r) => line(r.map(mdCell)))].join("\n");
}
