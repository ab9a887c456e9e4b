/**
 * What samdok says when a document is too large or nested too deep to be
 * parsed safely (SD003 in the front matter, SD001 in the text): which limit,
 * where, and how to write the document so that it fits. src/core/limits.ts
 * measures and decides; the words are here.
 *
 * Each message says that the document has not been checked, since nothing
 * after it is reported, and what a governance document normally looks like,
 * so that the reader can tell a mistake (a missing `---`) from a document
 * that really is too big.
 */
import type { Lang } from "../core/types.js";
import type { Localized } from "../i18n/text.js";
import type { Template } from "./template.js";

export const LIMIT_MESSAGES = {
  /** Lists and block quotes in the Markdown text, deeper than `{max}`. */
  containersTooDeep: {
    sv: "Listor och citat är nästlade i mer än {max} nivåer här. samdok tolkar inte så djupt nästlad text, eftersom tiden det tar växer med kvadraten på djupet; dokumentet har inte kontrollerats. Ett samverkansdokument behöver sällan fler än tre nivåer: gör om listan.",
    en: "Lists and quotes are nested more than {max} levels deep here. samdok does not parse text nested this deep, as the time it takes grows with the square of the depth; the document has not been checked. A governance document seldom needs more than three levels: restructure the list.",
  },
  /** Emphasis and links inside each other, deeper than `{max}`. */
  inlineTooDeep: {
    sv: "Formateringen (`*`, `_`, `~`, `[`) är nästlad i mer än {max} nivåer här. samdok tolkar inte så djupt nästlad text; dokumentet har inte kontrollerats. Ta bort de överflödiga tecknen.",
    en: "The formatting (`*`, `_`, `~`, `[`) is nested more than {max} levels deep here. samdok does not parse text nested this deep; the document has not been checked. Remove the surplus characters.",
  },
  /** More than `{max}` emphasis and link characters in one paragraph. */
  tooManyMarks: {
    sv: "Stycket har fler än {max} tecken för betoning och länkar (`*`, `_`, `~`, `[`, `]`). samdok tolkar inte ett sådant stycke, eftersom tiden det tar växer med kvadraten på antalet; dokumentet har inte kontrollerats. Dela upp stycket, till exempel i en lista, eller ta bort tecknen.",
    en: "The paragraph has more than {max} emphasis and link characters (`*`, `_`, `~`, `[`, `]`). samdok does not parse such a paragraph, as the time it takes grows with the square of their number; the document has not been checked. Split the paragraph, into a list for example, or remove the characters.",
  },
  /** The text up to `{line}` would take more than `{limit}` MB to parse; `{counts}` is what weighs most (BODY_COUNTS). */
  tooHeavy: {
    sv: "Dokumentets text är för stor eller för tätt formaterad för att tolkas: redan fram till rad {line} har den {counts}, och att tolka den skulle kräva mer än {limit} MB minne. Dokumentet har inte kontrollerats. Ett samverkansdokument har normalt några hundra rader: dela upp dokumentet eller lägg stora tabeller och listor i en bilaga.",
    en: "The document's text is too large or too densely formatted to parse: up to line {line} it already has {counts}, and parsing it would take more than {limit} MB of memory. The document has not been checked. A governance document normally has a few hundred lines: split the document or put large tables and lists in an attachment.",
  },
  /** The front matter is over a limit already here (`{over}`: YAML_OVER); at most `{maxLines}` lines and `{maxKb}` kB are read. */
  yamlTooLarge: {
    sv: "YAML-huvudet är för stort: {over} redan här, och samdok läser högst {maxLines} rader och {maxKb} kB. Dokumentet har inte kontrollerats. Ett huvud har normalt något hundratal rader: skriv långa texter i dokumentets text och kontrollera att det avslutande `---` står på rätt plats.",
    en: "The front matter is too large: {over} already here, and samdok reads at most {maxLines} lines and {maxKb} kB. The document has not been checked. Front matter normally has a hundred lines or so: put long texts in the document's text and check that the closing `---` is in the right place.",
  },
  /** Collections in the front matter, deeper than `{max}`. */
  yamlTooDeep: {
    sv: "YAML-huvudet är nästlat i mer än {max} nivåer här (listor i listor eller fält under fält). samdok tolkar inte så djupt nästlade värden; dokumentet har inte kontrollerats. Ett fält i ett samverkansdokument har som mest tre nivåer, till exempel `andringshistorik` → post → `version`.",
    en: "The front matter is nested more than {max} levels deep here (lists in lists or fields under fields). samdok does not parse values nested this deep; the document has not been checked. A field of a governance document has at most three levels, for example `andringshistorik` → entry → `version`.",
  },
} as const satisfies Record<string, Template>;

/** Which limit of the front matter was passed, for LIMIT_MESSAGES.yamlTooLarge. */
export const YAML_OVER = {
  lines: { sv: "fler än {lines} rader", en: "more than {lines} lines" },
  size: { sv: "mer än {kb} kB", en: "more than {kb} kB" },
} as const satisfies Record<string, Template>;

/** What the text has a lot of, for LIMIT_MESSAGES.tooHeavy (the heaviest three, joined by commas). */
export const BODY_COUNTS = {
  lines: { sv: "{count} rader", en: "{count} lines" },
  listItems: { sv: "{count} listpunkter", en: "{count} list items" },
  tableCells: { sv: "{count} tabellceller", en: "{count} table cells" },
  marks: { sv: "{count} formateringstecken", en: "{count} markup characters" },
  definitions: { sv: "{count} länkdefinitioner", en: "{count} link definitions" },
} as const satisfies Record<string, Template>;

/** A whole number with its thousands grouped: "12 345" in Swedish, "12,345" in English. */
export function grouped(value: number): Localized {
  const group = (lang: Lang): string => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? " " : ",");
  return { sv: group("sv"), en: group("en") };
}
