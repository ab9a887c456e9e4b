/**
 * Finding text in a document and pointing at it exactly: offsets in the file
 * text are turned into 1-based line and column ranges, so a match inside a
 * paragraph (or a front-matter value) is reported where it stands.
 */
import type { Range } from "../../core/types.js";

export interface LineIndex {
  /** The range [line, column, endLine, endColumn] of text[start, end). */
  range(start: number, end: number): Range;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const at = (offset: number): [number, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (starts[lo] ?? 0) + 1];
  };
  return {
    range(start, end) {
      const [l1, c1] = at(start);
      const [l2, c2] = at(end);
      return [l1, c1, l2, c2];
    },
  };
}

/** Quotes a value for a message: `value`. */
export function code(value: string): string {
  return `\`${value}\``;
}

/** "a, b och c" / "a, b and c". */
export function list(items: readonly string[], lang: "sv" | "en"): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "sv" ? " och " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1] ?? ""}`;
}
