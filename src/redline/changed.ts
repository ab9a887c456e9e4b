/**
 * Whether a document of a redline edition changed since the version it is
 * compared with, for the edition's list of changed documents and the
 * summary line. A document counts as changed when a reader would see a
 * difference: a front-matter field that reads differently (summary.ts), or
 * a body whose words or blocks differ. Whitespace and line wrapping inside
 * a block are no change, as the issue asks of the marks themselves.
 */
import type { EditionDocument } from "../render/edition.js";
import type { RedlineBase } from "./types.js";
import { fieldChanges } from "./summary.js";

/** The lines of `text` from `line` (1-based) on. */
function from(text: string, line: number): string {
  if (line <= 1) return text;
  let at = 0;
  for (let n = 1; n < line && at !== -1; n++) at = text.indexOf("\n", at) + 1 || -1;
  return at === -1 ? "" : text.slice(at);
}

/** The lines of `text` before `line`: the front matter and its fences. */
function before(text: string, line: number): string {
  return text.slice(0, text.length - from(text, line).length);
}

/**
 * A body as a reader sees its words: the blocks (separated by blank lines),
 * each with its whitespace runs made one space. Two bodies with the same key
 * render the same text.
 */
export function bodyKey(body: string): string {
  return body
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter((block) => block !== "")
    .join("\n\n");
}

/** True when `d` reads differently from `base` (a new document is not "changed": it is added). */
export function isChanged(d: EditionDocument, base: Pick<RedlineBase, "text" | "bodyLine" | "doc">): boolean {
  if (base.text === undefined || base.text === d.text) return false;
  const bodyLine = d.result.bodyLine ?? 1;
  const baseLine = base.bodyLine ?? 1;
  if (bodyKey(from(base.text, baseLine)) !== bodyKey(from(d.text, bodyLine))) return true;
  // Without a front matter that passed the schema, the front matter's text itself is compared.
  if (!base.doc) return before(base.text, baseLine) !== before(d.text, bodyLine);
  return fieldChanges(base.doc, d.doc, "sv", d.loaded.config, { history: true }).length > 0;
}
