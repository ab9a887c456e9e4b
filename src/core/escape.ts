/**
 * Escaping: how a piece of text is written in each output format samdok
 * writes by hand (HTML, XML, Markdown, CSV, iCalendar, GitHub workflow
 * commands, CSS strings), so that a reader of that format gets back the text
 * and nothing else: no markup, no extra cell, field, line or property. One
 * function per real need, in one place, so that every output escapes the
 * same text the same way.
 *
 * How this relates to `safe-text.ts`: that module decides what a reader may
 * *see* (controls, bidirectional overrides and separators shown as symbols,
 * lone surrogates as U+FFFD: `safeText`) and keeps finished output inert in
 * a CI log (`neutralizeWorkflowCommands`). This module decides how that text
 * is *written* in one format. The order is always: `safeText` on the data
 * first, then the escape for the format, then, on the finished output,
 * `neutralizeWorkflowCommands` (with `"markup"` for HTML, XML and Markdown,
 * whose character references read back as the same text).
 *
 * Two kinds of function live here:
 * - Text shown to a reader (`htmlText`, `xmlText`, `xmlAttribute`,
 *   `markdownText`, `markdownTableCell`, `csvField`, `icsText`): each calls
 *   `safeText` itself, so a caller passes the data as it came from the
 *   documents or the configuration.
 * - Values that must arrive exactly as they are (`workflowCommandData`,
 *   `workflowCommandProperty`, `cssString`): only the format's specials are
 *   escaped, and the reader decodes the very same string. The GitHub
 *   reporter applies `safeText` before it escapes; a CSS string must match
 *   an attribute value character for character, so it gets no `safeText`.
 *
 * Not here, on purpose: JSON (`jsonText` in safe-text.ts; `JSON.stringify`
 * escapes), JSON Pointer segments (`escapePointer` in front-matter.ts: a
 * path syntax, not an output format), the HTML editions (built as hast and
 * written by rehype-stringify, which escapes every text and attribute) and
 * WordprocessingML (`esc` in render/docx/wml.ts, which must write exactly
 * what the docx package writes).
 */
import { safeText } from "./safe-text.js";

/**
 * HTML text, or an attribute value in either kind of quotes (both quote
 * characters are escaped, so one function serves both): controls shown as
 * symbols (`safeText`, line breaks kept), then `&`, `<`, `>`, `"` and `'`
 * (as `&#39;`, which every HTML version knows) as character references.
 */
export function htmlText(value: string): string {
  return safeText(value, { multiline: true })
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Characters XML 1.0 cannot hold at all (U+FFFE/U+FFFF; controls and lone surrogates `safeText` has already replaced): dropped. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * XML text content: controls shown as symbols (`safeText`, line breaks kept;
 * XML 1.0 cannot hold most of them), characters XML cannot hold dropped, the
 * five XML specials escaped (`'` as `&apos;`). Unlike `htmlText` it drops
 * U+FFFE and U+FFFF, which a strict XML reader rejects.
 */
export function xmlText(value: string): string {
  return safeText(value, { multiline: true })
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * An XML attribute value: as `xmlText`, and tab, LF and CR as character
 * references, since a reader's attribute-value normalisation would turn them
 * into spaces.
 */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/**
 * Inline Markdown text (a heading, a list item, a sentence): one line
 * (`safeText`: a line break is shown as a symbol), and `<` and `>` as
 * character references, so that no raw HTML reaches the Markdown reader.
 */
export function markdownText(value: string): string {
  return safeText(value).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A Markdown table cell: a line break becomes a space (a cell is one line),
 * controls are shown as symbols, a backslash is doubled and `|` escaped (so
 * that no pipe, escaped or not, ends the cell early) and `<`, `>` as in
 * `markdownText`.
 */
export function markdownTableCell(value: string): string {
  return safeText(value.replace(/\r?\n/g, " ")).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A quoted CSV field (RFC 4180: `"` doubled; line breaks kept inside the
 * quotes). Controls are shown as symbols (`safeText`, line breaks kept), and
 * when `text` is true (the default) a field that Excel would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe.
 * Pass `text = false` for a number, whose minus sign is not a formula.
 */
export function csvField(value: string | number, text = true): string {
  let s = safeText(String(value), { multiline: true });
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * RFC 5545 TEXT (3.3.11): controls shown as symbols (a line break, LF or
 * CR LF, stays one), then `\\`, `\;`, `\,` and `\n`. Folding long lines is
 * the calendar writer's business (due/format/ics.ts).
 */
export function icsText(value: string): string {
  return safeText(value.replace(/\r\n/g, "\n"), { multiline: true })
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/**
 * A GitHub workflow command's message (the part after `::`). The runner
 * decodes %25, %0D and %0A there; everything else is literal. So a CR or LF
 * in the data cannot end the command and start a line of its own.
 */
export function workflowCommandData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value (`file=…`, `title=…`): as the message, and also `:` and `,`, which end a value. */
export function workflowCommandProperty(value: string): string {
  return workflowCommandData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * A quoted CSS string that stands for exactly `value` (in a selector such as
 * `[value="…"]`): `"` and `\` escaped with a backslash; LF, CR, form feed
 * and the other controls but tab, which end or break a CSS string, as hex
 * escapes (`\a `); and `<` as `\3c `, so that the text of a `<style>`
 * element, which HTML does not escape, never holds `</style`.
 */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\u0000-\u0008\u000A-\u001F\u007F<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
