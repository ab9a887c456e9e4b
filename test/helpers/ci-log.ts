/**
 * What a CI runner would make of samdok's output, modelled independently of
 * src/core/safe-text.ts, for the tests of issue 13 item 3.
 *
 * GitHub's runner (actions/runner, ActionCommandManager.TryProcessCommand)
 * reads a step's output line by line (CR, LF and CR LF end a line) and tries
 * two parsers on each: `::name props::data` when the line, after .NET
 * TrimStart, starts with `::`; and the older `##[name props]data` wherever
 * `##[` stands in the line. Azure Pipelines obeys `##vso[` anywhere. Their
 * StartsWith/IndexOf are culture-sensitive: ICU skips default-ignorable
 * characters (zero-width space, joiners, soft hyphen) and controls, so they
 * are dropped here before comparing.
 */

/** The lines of an output as the runner splits them. */
export function logLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const IGNORED = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
/** .NET's Char.IsWhiteSpace at the start of a line (JavaScript's \s, plus NEL). */
const LEADING_SPACE = /^[\s\u0085]+/u;

/** The command a runner would obey in one line, or undefined. */
export function commandIn(line: string): string | undefined {
  const trimmed = line.replace(LEADING_SPACE, "").replace(IGNORED, "");
  if (trimmed.startsWith("::")) return trimmed;
  const visible = line.replace(IGNORED, "").toLowerCase();
  if (visible.includes("##[") || visible.includes("##vso[")) return visible;
  return undefined;
}

/** Every line of `text` that a runner would read as a command. */
export function commandLines(text: string): string[] {
  return logLines(text).filter((l) => commandIn(l) !== undefined);
}

/**
 * Characters that must not reach a terminal or a log as they are: C0
 * controls but tab and LF (CR only in CR LF), DEL, C1, bidirectional
 * controls, U+2028/U+2029. Returns the offending characters, as code points.
 */
export function unsafeCharacters(text: string): string[] {
  const found =
    text
      .replace(/\r\n/g, "\n")
      .match(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g) ?? [];
  return found.map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** Every string in a parsed JSON value, keys included. */
export function jsonStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...jsonStrings(v)]);
  return [];
}

/** String.prototype.isWellFormed (ES2024, newer than the project's lib): no lone surrogate. */
export function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
