/**
 * What samdok says when a document's YAML front matter cannot be read: a
 * missing, unclosed or non-YAML fence (SD002, SD004), and YAML that does not
 * parse or expands without end (SD003). src/core/front-matter.ts finds the
 * problem and where it is; the words are here.
 *
 * The YAML parser's own error text is English and technical, so each of its
 * error codes that a person can make by hand has a message of its own
 * (YAML_ERRORS) saying how to put it right; the parser's text is kept at the
 * end, in parentheses, for whoever needs it.
 */
import type { Template } from "./template.js";

export const FRONT_MATTER_MESSAGES = {
  emptyFile: {
    sv: "Filen är tom. Ett samverkansdokument börjar med ett YAML-huvud mellan två rader med `---` (se `samdok new` för en mall).",
    en: "The file is empty. A governance document starts with YAML front matter between two `---` lines (see `samdok new` for a template).",
  },
  noFrontMatter: {
    sv: "Dokumentet saknar YAML-huvud. Första raden ska vara `---`, följd av fälten (id, titel, dokumenttyp …) och en avslutande rad `---`.",
    en: "The document has no front matter. The first line must be `---`, followed by the fields (id, titel, dokumenttyp …) and a closing `---` line.",
  },
  /** `---js`, `---json`, … : `{language}` is what follows the dashes. */
  notYamlFence: {
    sv: "YAML-huvudet är märkt `---{language}`. samdok läser bara YAML och kör aldrig kod eller andra format i ett dokument. Ta bort `{language}` efter `---` och skriv fälten som YAML.",
    en: "The front matter is marked `---{language}`. samdok reads YAML only and never runs code or other formats from a document. Remove `{language}` after `---` and write the fields as YAML.",
  },
  /** gray-matter asked for an engine other than YAML, by a route the fence check did not see. */
  notYaml: {
    sv: "YAML-huvudet måste vara YAML.",
    en: "The front matter must be YAML.",
  },
  notClosed: {
    sv: "YAML-huvudet avslutas aldrig: det saknas en rad med bara `---` efter fälten. Lägg till den raden före dokumentets text.",
    en: "The front matter is never closed: a line with only `---` is missing after the fields. Add it before the document's text.",
  },
  emptyFrontMatter: {
    sv: "YAML-huvudet är tomt. Fyll i dokumentets fält mellan raderna `---`.",
    en: "The front matter is empty. Fill in the document's fields between the `---` lines.",
  },
  notMapping: {
    sv: "YAML-huvudet ska bestå av fält på formen `namn: värde`, inte av en lista eller ett ensamt värde.",
    en: "The front matter must consist of `key: value` fields, not a list or a single value.",
  },
  /** `x: &a [*a]`: `{name}` is the anchor's name. */
  selfReferencingAlias: {
    sv: "Aliaset `*{name}` står inuti det värde som ankaret `&{name}` namnger, så värdet skulle innehålla sig självt i all oändlighet. Skriv ut värdet direkt i stället för aliaset.",
    en: "The alias `*{name}` stands inside the value that the anchor `&{name}` names, so the value would contain itself without end. Write the value out instead of the alias.",
  },
  /** A "billion laughs": `{max}` alias expansions are allowed. */
  tooManyAliases: {
    sv: "YAML-huvudet använder alias (`*namn`) som växer till för mycket data. samdok tillåter högst {max} aliasutvidgningar; skriv ut värdena direkt i stället.",
    en: "The front matter uses aliases (`*name`) that expand to too much data. samdok allows at most {max} alias expansions; write the values out instead.",
  },
  /** `{quote}` is the quote character that was opened: `"` or `'`. */
  unclosedQuote: {
    sv: "Ett värde börjar med {quote} men citattecknet stängs aldrig. Avsluta värdet med {quote} på samma rad, till exempel titel: {quote}Rutin för utskrivning{quote}.",
    en: "A value starts with {quote} but the quote is never closed. End the value with {quote} on the same line, for example titel: {quote}Rutin för utskrivning{quote}.",
  },
  /** A YAML error without a message of its own in YAML_ERRORS; `{detail}` is the parser's first line. */
  syntaxError: {
    sv: "YAML-huvudet innehåller ett syntaxfel: kontrollera raden och den före. (YAML: {detail})",
    en: "The front matter has a syntax error: check this line and the one before. (YAML: {detail})",
  },
} as const satisfies Record<string, Template>;

const CANNOT_READ = {
  sv: "YAML-huvudet kan inte läsas här: kontrollera indrag, kolon och citattecken. Varje fält skrivs `namn: värde`, och listor med `- ` indragna under fältet. (YAML: {detail})",
  en: "The front matter cannot be read here: check indentation, colons and quotes. Each field is written `key: value`, and lists with `- ` indented under the key. (YAML: {detail})",
} as const satisfies Template;

const NO_ANCHOR = {
  sv: "Ett alias (`*namn`) i YAML-huvudet pekar inte på något ankare (`&namn`). (YAML: {detail})",
  en: "An alias (`*name`) in the front matter has no matching anchor (`&name`). (YAML: {detail})",
} as const satisfies Template;

/**
 * A code of the `yaml` package's errors → its message; `{detail}` is the
 * parser's first line. Codes not here get FRONT_MATTER_MESSAGES.syntaxError.
 */
export const YAML_ERRORS = {
  DUPLICATE_KEY: {
    sv: "Fältet förekommer två gånger i YAML-huvudet. Ta bort den ena raden så att bara ett värde gäller.",
    en: "The field occurs twice in the front matter. Remove one of the lines so that only one value applies.",
  },
  TAB_AS_INDENT: {
    sv: "Tabbtecken används som indrag. YAML kräver mellanslag: ersätt tabben med två mellanslag.",
    en: "A tab is used for indentation. YAML requires spaces: replace the tab with two spaces.",
  },
  BAD_INDENT: CANNOT_READ,
  MISSING_CHAR: CANNOT_READ,
  UNEXPECTED_TOKEN: CANNOT_READ,
  BLOCK_AS_IMPLICIT_KEY: CANNOT_READ,
  MULTILINE_IMPLICIT_KEY: CANNOT_READ,
  BAD_ALIAS: NO_ANCHOR,
  ALIAS_PROPS: NO_ANCHOR,
} as const satisfies Record<string, Template>;
