/**
 * Text from the documents (file names, YAML keys and values, configuration
 * names) made safe to print. Every human-readable output passes the data it
 * shows through `safeText`, and its finished text through
 * `neutralizeWorkflowCommands`; the JSON outputs are written by `jsonText`.
 *
 * What an attacker's text could otherwise do:
 * - Terminal control: ESC (CSI, OSC such as `ESC]8;;url BEL` links or
 *   `ESC[2J`), other C0 and C1 controls, DEL. They are shown, not obeyed:
 *   a C0 control becomes its symbol from the Control Pictures block (ESC →
 *   ␛, CR → ␍, BEL → ␇, NUL → ␀), DEL becomes ␡, and a C1 control
 *   (U+0080–U+009F), a bidirectional control (U+061C, U+200E, U+200F,
 *   U+202A–U+202E, U+2066–U+2069, which can reorder what a reader sees) and
 *   the separators U+2028 and U+2029 become `⟨U+202E⟩`.
 * - Line breaks: a bare CR or LF in a single-line field starts a new line,
 *   and a CI runner reads every line for commands. In a single-line field LF
 *   becomes ␊ and CR ␍; in multi-line text LF and CR LF stay, a bare CR
 *   (which returns a terminal's cursor to overwrite the line) becomes ␍.
 * - Lone surrogates (`"\ud800"` in YAML) are not Unicode text; strict JSON
 *   and XML readers reject them. They become U+FFFD.
 * - CI log commands: GitHub's runner obeys `::command::` at the start of a
 *   line (after whitespace) and the older `##[command]` anywhere in a line;
 *   Azure Pipelines obeys `##vso[`. See `neutralizeWorkflowCommands`.
 *
 * Tab, Swedish letters, dashes, quotes, emoji (including their zero-width
 * joiners and variation selectors) and every other printable character pass
 * unchanged.
 */

/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters never shown as they are in one line of text: every control but tab, DEL, C1, bidirectional controls, U+2028/U+2029. */
const UNSAFE_LINE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** In multi-line text: the same but LF, and a CR LF pair matched whole (and kept). */
const UNSAFE_MULTILINE = /\r\n|[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The visible stand-in for one unsafe character. */
function placeholder(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** Replaces lone surrogates with U+FFFD (String.prototype.toWellFormed, for any target). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\uFFFD");
}

export interface SafeTextOptions {
  /** Keep line breaks (LF and CR LF; a bare CR is shown as ␍). Default: one line, LF shown as ␊. */
  multiline?: boolean;
}

/**
 * Data made printable: controls, bidirectional overrides and separators
 * shown as visible symbols, lone surrogates as U+FFFD. Tab stays.
 */
export function safeText(s: string, options: SafeTextOptions = {}): string {
  const text = wellFormed(s);
  if (!options.multiline) return text.replace(UNSAFE_LINE, placeholder);
  return text.replace(UNSAFE_MULTILINE, (ch) => (ch === "\r\n" ? ch : placeholder(ch)));
}

/** How an output can write a character without changing what a reader of that format gets. */
export type OutputSyntax = "text" | "json" | "markup";

const SUBSTITUTE: Record<OutputSyntax, { colon: string; hash: string }> = {
  // U+2236 RATIO and U+266F MUSIC SHARP look like `:` and `#` but are other characters to every comparison.
  text: { colon: "\u2236", hash: "\u266F" },
  // Inside a JSON string: the same character, escaped.
  json: { colon: "\\u003a", hash: "\\u0023" },
  // XML, HTML and Markdown: a character reference, read back as the same character.
  markup: { colon: "&#58;", hash: "&#35;" },
};

/**
 * Characters the runners skip when they look for a command: their comparisons
 * are culture-sensitive, and ICU ignores zero-width and other
 * default-ignorable characters as well as controls, so `:\u200B:` counts as `::`.
 */
const IGNORABLE = String.raw`(?:(?![\n\r])[\p{Default_Ignorable_Code_Point}\p{Cc}])*`;
/** `::` at the start of a line, after whitespace and ignorable characters. */
const LINE_COMMAND = new RegExp(String.raw`^([\s\p{Default_Ignorable_Code_Point}\p{Cc}]*):(?=${IGNORABLE}:)`, "gmu");
/** `##[` (GitHub's older form) or `##vso[` (Azure Pipelines) anywhere in a line. */
const INLINE_COMMAND = new RegExp(String.raw`#(?=${IGNORABLE}#${IGNORABLE}(?:v${IGNORABLE}s${IGNORABLE}o${IGNORABLE})?\[)`, "giu");

/**
 * Finished output made inert for CI log parsers. GitHub's runner reads every
 * line of a step's output (split at CR, LF or CR LF) and obeys `::name
 * props::data` when the line starts with `::` after whitespace, and `##[name
 * props]data` wherever `##[` stands; Azure Pipelines obeys `##vso[`. Such a
 * line could add annotations, mask text in the log (`::add-mask::`), turn
 * off samdok's own annotations (`::stop-commands::`) or set outputs.
 *
 * The first character of such a `::` or `##` is written differently, in the
 * way the format allows: in plain text as a look-alike (`∶` U+2236, `♯`
 * U+266F), in JSON as `\u003a`/`\u0023`, in XML, HTML and Markdown as
 * `&#58;`/`&#35;`, which readers of those formats turn back into the same
 * text. A zero-width character would not do: the runners' comparisons skip it.
 *
 * Apply it to whole lines of output, after `safeText` on the data, and not
 * to the workflow commands samdok writes itself (`--format github`).
 */
export function neutralizeWorkflowCommands(text: string, syntax: OutputSyntax = "text"): string {
  const { colon, hash } = SUBSTITUTE[syntax];
  return text.replace(LINE_COMMAND, (_, lead: string) => `${lead}${colon}`).replace(INLINE_COMMAND, hash);
}

/** Where `text` has `##[` or `##vso[`: the offset just after each such first `#` (a line break there defuses it). */
export function inlineCommandSplits(text: string): number[] {
  return [...text.matchAll(INLINE_COMMAND)].map((m) => (m.index ?? 0) + 1);
}

const COMMAND_START = new RegExp(String.raw`[\s\p{Default_Ignorable_Code_Point}\p{Cc}]*:${IGNORABLE}:`, "uy");

/** True when a line beginning at `offset` of `text` would start with a workflow command (`::` after whitespace). */
export function startsLikeCommand(text: string, offset: number): boolean {
  COMMAND_START.lastIndex = offset;
  return COMMAND_START.test(text);
}

/** A message for the terminal or a CI log: `safeText` (line breaks kept) and `neutralizeWorkflowCommands`. */
export function safeMessage(s: string): string {
  return neutralizeWorkflowCommands(safeText(s, { multiline: true }));
}

/** Every string in a JSON value, keys included, made well-formed. */
function wellFormedValue(value: unknown): unknown {
  if (typeof value === "string") return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedValue);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[wellFormed(k)] = wellFormedValue(v);
    return out;
  }
  return value;
}

/** Characters JSON allows raw in a string but a terminal or log may act on: written as `\uXXXX`. */
const JSON_ESCAPE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON that strict readers accept and that is inert in a terminal or CI log,
 * with the same data: lone surrogates become U+FFFD (JSON.stringify would
 * write them as `\ud800`, which strict readers reject too), DEL, C1 and
 * bidirectional controls and U+2028/U+2029 are escaped as `\uXXXX`, and `##[`
 * as `\u0023#[`. (C0 controls JSON.stringify escapes itself, and `::` cannot
 * start a line, since a JSON string holds no raw line break.)
 */
export function jsonText(value: unknown, indent?: number): string {
  let text = JSON.stringify(value, null, indent) ?? "null";
  // JSON.stringify writes a surrogate as `\uXXXX` only when it is alone: then, and only then, make the strings whole.
  if (/\\u[dD][89a-fA-F]/.test(text)) text = JSON.stringify(wellFormedValue(value), null, indent) ?? "null";
  return neutralizeWorkflowCommands(
    text.replace(JSON_ESCAPE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`),
    "json",
  );
}
