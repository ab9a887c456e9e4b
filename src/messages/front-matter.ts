/**
 * What samdok says when a document's YAML front matter cannot be read: a
 * missing, unclosed or non-YAML fence (SD002, SD004), and YAML that does not
 * parse or expands without end (SD003). src/core/front-matter.ts finds the
 * problem and where it is; the words are here.
 *
 * The YAML parser's own error text is English and technical, so each of its
 * error codes has a message of its own (YAML_ERRORS) saying how to put it
 * right, and the commonest mistakes, which one code does not tell apart, have
 * their own (YAML_MISTAKES), with the corrected line where it can be built.
 * The parser's text is never shown: it would be English in a Swedish message.
 */
import type { ErrorCode } from "yaml";
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
  /** A YAML error whose code samdok does not know (a newer parser): no parser text, which would be English. */
  syntaxError: {
    sv: 'YAML-huvudet innehåller ett syntaxfel här. Kontrollera raden och den före: varje fält skrivs `namn: värde` på en egen rad, listor med `- ` indragna under fältet, och ett värde med kolon, # eller citattecken skrivs inom raka citattecken ("…").',
    en: 'The front matter has a syntax error here. Check this line and the one before: each field is written `key: value` on a line of its own, lists with `- ` indented under the key, and a value with a colon, # or quotes is put in straight quotes ("…").',
  },
} as const satisfies Record<string, Template>;

/**
 * Messages for the commonest mistakes, which one YAML error code does not
 * tell apart: core/front-matter.ts picks one by looking at the line itself
 * (a colon inside a value, a tab in the indentation, typographic quotes, a
 * list started on the key's line …). `{fixed}` is the line as it should be
 * written, built from the user's own line.
 */
export const YAML_MISTAKES = {
  /** `titel: Rutin: läkemedel`: ": " inside a value without quotes. `{key}` is the field, `{fixed}` the corrected line. */
  colonInValue: {
    sv: "Värdet i `{key}` innehåller kolon följt av mellanslag (`: `), och då läser YAML resten av raden som ett nytt fält. Sätt hela värdet inom raka citattecken: `{fixed}`",
    en: "The value of `{key}` contains a colon followed by a space (`: `), so YAML reads the rest of the line as a new field. Put the whole value in straight quotes: `{fixed}`",
  },
  /** The same, where no corrected line can be built (the value already starts with a quote, or is a list). */
  colonInValueNoExample: {
    sv: 'Värdet på raden innehåller kolon följt av mellanslag (`: `), och då läser YAML resten av raden som ett nytt fält. Sätt hela värdet inom raka citattecken ("…"), eller skriv ett fält per rad.',
    en: 'The value on this line contains a colon followed by a space (`: `), so YAML reads the rest of the line as a new field. Put the whole value in straight quotes ("…"), or write one field per line.',
  },
  /** A tab in a line's indentation, wherever the parser noticed it. */
  tabIndent: {
    sv: "Tabbtecken används som indrag på den här raden. YAML tillåter bara mellanslag som indrag: ersätt tabben med mellanslag (två per nivå), så att raden börjar i samma kolumn som de andra på samma nivå.",
    en: "A tab is used for indentation on this line. YAML allows only spaces as indentation: replace the tab with spaces (two per level), so that the line starts in the same column as the others at its level.",
  },
  /** `version: ”3.0”` where the typographic quotes break the syntax. `{quotes}` names them, `{fixed}` is the line with straight quotes. */
  typographicQuotes: {
    sv: 'Värdet står inom typografiska citattecken ({quotes}), som YAML läser som vanliga tecken. Använd raka citattecken ("): `{fixed}`',
    en: 'The value is in typographic quotes ({quotes}), which YAML reads as ordinary characters. Use straight quotes ("): `{fixed}`',
  },
  /** `parter: - region-04`: a list begun on the key's line. `{key}` is the field. */
  listOnKeyLine: {
    sv: "En lista kan inte börja på samma rad som fältet `{key}`. Skriv `{key}:` ensamt på raden och varje värde på en egen rad under, indraget med två mellanslag och inlett med `- `.",
    en: "A list cannot start on the same line as the field `{key}`. Write `{key}:` alone on its line and each value on a line of its own below it, indented by two spaces and starting with `- `.",
  },
  /** `[a, b` or `{a: b` never closed. `{open}` and `{close}` are the brackets. */
  flowNotClosed: {
    sv: "En lista eller grupp som börjar med `{open}` avslutas aldrig med `{close}`. Lägg till `{close}` i slutet av värdet på samma rad, eller sätt värdet inom raka citattecken om `{open}` är en del av texten.",
    en: "A list or mapping that starts with `{open}` is never closed with `{close}`. Add `{close}` at the end of the value on the same line, or put the value in straight quotes if `{open}` is part of the text.",
  },
  /** `all mapping items must start at the same column`. */
  uneven: {
    sv: "Raden är indragen annorlunda än de andra fälten på samma nivå. Fält på samma nivå ska börja i samma kolumn: rätta antalet mellanslag i början av raden.",
    en: "This line is indented differently from the other fields at its level. Fields at the same level must start in the same column: correct the number of spaces at the start of the line.",
  },
  /** A line that is neither `key: value` nor a continuation. */
  noColon: {
    sv: "Raden är inte ett fält på formen `namn: värde`: kolon efter fältnamnet saknas, eller så fortsätter värdet från raden ovan utan indrag. Skriv `namn: värde` på en rad, eller dra in fortsättningen med två mellanslag.",
    en: "The line is not a field of the form `key: value`: the colon after the field name is missing, or the value from the line above continues without indentation. Write `key: value` on one line, or indent the continuation by two spaces.",
  },
  /** `@foo`, `` `foo` ``, `%foo`: a plain value starting with a reserved character. `{char}` is it, `{fixed}` the corrected line. */
  reservedStart: {
    sv: "Ett värde utan citattecken kan inte börja med `{char}`, som har en särskild betydelse i YAML. Sätt värdet inom raka citattecken: `{fixed}`",
    en: "A value without quotes cannot start with `{char}`, which has a special meaning in YAML. Put the value in straight quotes: `{fixed}`",
  },
  /** A duplicate key, named. */
  duplicateKey: {
    sv: "Fältet `{key}` förekommer två gånger i YAML-huvudet. Ta bort den ena raden så att bara ett värde gäller.",
    en: "The field `{key}` occurs twice in the front matter. Remove one of the lines so that only one value applies.",
  },
} as const satisfies Record<string, Template>;

const QUOTE_IT = {
  sv: "Här står ett tecken som YAML inte väntar sig, till exempel `]` eller `,` utan en öppnande `[`, eller text efter ett avslutande citattecken. Sätt värdet inom raka citattecken om tecknet är en del av texten.",
  en: "Here is a character YAML does not expect, such as `]` or `,` without an opening `[`, or text after a closing quote. Put the value in straight quotes if the character is part of the text.",
} as const satisfies Template;

const MARKS = {
  sv: "Tecknen `&`, `*` och `!` i början av ett värde har en särskild betydelse i YAML (ankare, alias och typ). Sätt värdet inom raka citattecken om tecknen är en del av texten.",
  en: "The characters `&`, `*` and `!` at the start of a value have a special meaning in YAML (anchor, alias and type). Put the value in straight quotes if they are part of the text.",
} as const satisfies Template;

const NO_ANCHOR = {
  sv: "Ett alias (`*namn`) i YAML-huvudet pekar inte på något ankare (`&namn`). Skriv ut värdet direkt, eller sätt det inom raka citattecken om `*` är en del av texten.",
  en: "An alias (`*name`) in the front matter has no matching anchor (`&name`). Write the value out, or put it in straight quotes if `*` is part of the text.",
} as const satisfies Template;

/**
 * Every error code of the `yaml` package → its message, in words a
 * coordinator can act on and without the parser's own (English) text. The
 * table is exhaustive (the compiler checks it against the package's list of
 * codes), so that no code falls through to a message that says nothing.
 * Where one code covers mistakes that need different advice, core/front-matter.ts
 * picks a message of YAML_MISTAKES first.
 */
export const YAML_ERRORS = {
  DUPLICATE_KEY: {
    sv: "Ett fält förekommer två gånger i YAML-huvudet. Ta bort den ena raden så att bara ett värde gäller.",
    en: "A field occurs twice in the front matter. Remove one of the lines so that only one value applies.",
  },
  TAB_AS_INDENT: YAML_MISTAKES.tabIndent,
  BAD_INDENT: {
    sv: "Indraget stämmer inte här. Fält på samma nivå ska börja i samma kolumn, ett fält under ett annat dras in med två mellanslag, och en lista som börjar med `[` ska sluta med `]` på samma rad.",
    en: "The indentation is wrong here. Fields at the same level start in the same column, a field under another is indented by two spaces, and a list that starts with `[` must end with `]` on the same line.",
  },
  MISSING_CHAR: {
    sv: "Ett tecken saknas här: kontrollera att fältnamnet följs av kolon och mellanslag (`namn: värde`), att en lista som börjar med `[` stängs med `]`, och att ett värde inom citattecken avslutas med samma citattecken.",
    en: "A character is missing here: check that the field name is followed by a colon and a space (`key: value`), that a list starting with `[` is closed with `]`, and that a quoted value ends with the same quote.",
  },
  UNEXPECTED_TOKEN: QUOTE_IT,
  BLOCK_AS_IMPLICIT_KEY: {
    sv: "YAML läser raden som ett nytt fält eller en lista på fel ställe. Skriv varje fält `namn: värde` på en egen rad, en lista med `- ` på raderna under fältet, och sätt ett värde som innehåller `: ` inom raka citattecken.",
    en: "YAML reads this line as a new field or a list in the wrong place. Write each field `key: value` on a line of its own, a list with `- ` on the lines below the key, and put a value containing `: ` in straight quotes.",
  },
  MULTILINE_IMPLICIT_KEY: YAML_MISTAKES.noColon,
  BAD_SCALAR_START: {
    sv: "Ett värde utan citattecken kan inte börja med det här tecknet, som har en särskild betydelse i YAML. Sätt värdet inom raka citattecken.",
    en: "A value without quotes cannot start with this character, which has a special meaning in YAML. Put the value in straight quotes.",
  },
  BLOCK_IN_FLOW: {
    sv: "Inom `[ ]` kan värden inte skrivas med `- ` eller som `namn: värde` med kolon utan citattecken. Sätt värdena inom raka citattecken, eller skriv listan med `- ` på egna rader.",
    en: "Inside `[ ]` values cannot be written with `- ` or as `key: value` with an unquoted colon. Put the values in straight quotes, or write the list with `- ` on lines of their own.",
  },
  BAD_DQ_ESCAPE: {
    sv: "Inom raka dubbla citattecken inleder `\\` en specialkod, och den som står här finns inte. Skriv `\\\\` för ett omvänt snedstreck, eller använd enkla citattecken ('…') runt värdet.",
    en: "Inside straight double quotes `\\` starts an escape code, and the one here does not exist. Write `\\\\` for a backslash, or use single quotes ('…') around the value.",
  },
  BAD_DIRECTIVE: {
    sv: "En rad som börjar med `%` är en instruktion till YAML, och den här känns inte igen. Sätt värdet inom raka citattecken, eller ta bort raden.",
    en: "A line starting with `%` is an instruction to YAML, and this one is not recognised. Put the value in straight quotes, or remove the line.",
  },
  MULTIPLE_DOCS: {
    sv: "YAML-huvudet innehåller en rad med bara `...` eller `---`, som avslutar YAML. Ta bort raden; huvudet avslutas med en enda rad `---`.",
    en: "The front matter contains a line with only `...` or `---`, which ends the YAML. Remove the line; the front matter ends with a single `---` line.",
  },
  KEY_OVER_1024_CHARS: {
    sv: "Ett fältnamn är längre än 1 024 tecken. Oftast saknas en radbrytning, eller så står ett kolon på fel ställe: skriv `namn: värde` med ett kort namn.",
    en: "A field name is longer than 1,024 characters. Usually a line break is missing, or a colon is in the wrong place: write `key: value` with a short name.",
  },
  NON_STRING_KEY: {
    sv: "Ett fältnamn måste vara ett ord, inte en lista eller en grupp. Skriv `namn: värde`.",
    en: "A field name must be a word, not a list or a mapping. Write `key: value`.",
  },
  RESOURCE_EXHAUSTION: {
    sv: "YAML-huvudet använder alias (`*namn`) som växer till för mycket data. Skriv ut värdena direkt i stället.",
    en: "The front matter uses aliases (`*name`) that expand to too much data. Write the values out instead.",
  },
  TAG_RESOLVE_FAILED: {
    sv: "Värdet har en typmärkning (`!…`) som samdok inte läser. Ta bort märkningen, eller sätt värdet inom raka citattecken om `!` är en del av texten.",
    en: "The value has a type tag (`!…`) that samdok does not read. Remove the tag, or put the value in straight quotes if `!` is part of the text.",
  },
  BAD_COLLECTION_TYPE: {
    sv: "Värdet har en typmärkning (`!…`) som inte passar värdet. Ta bort märkningen, eller sätt värdet inom raka citattecken om `!` är en del av texten.",
    en: "The value has a type tag (`!…`) that does not fit the value. Remove the tag, or put the value in straight quotes if `!` is part of the text.",
  },
  BAD_PROP_ORDER: MARKS,
  MULTIPLE_ANCHORS: MARKS,
  MULTIPLE_TAGS: MARKS,
  BAD_ALIAS: NO_ANCHOR,
  ALIAS_PROPS: NO_ANCHOR,
  IMPOSSIBLE: FRONT_MATTER_MESSAGES.syntaxError,
} as const satisfies Record<ErrorCode, Template>;
