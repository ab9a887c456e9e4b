/**
 * What samdok says when a document's front matter (or the configuration)
 * does not follow its JSON Schema: one template per Ajv keyword, and per
 * variant where one keyword needs different words (a date format, an e-mail
 * format, a lower or an upper limit). src/core/schema.ts finds the template
 * that applies to an Ajv error and fills it; the words are here.
 *
 * A message says what is wrong, what is expected and, where the schema has
 * one, gives an example, so that a coordinator can put it right without
 * knowing what a schema is. `{field}` is always a field as the reader sees
 * it: its key in backticks and its title (FIELD). The fragments in SCHEMA_PARTS
 * are the optional pieces a keyword's message is built from.
 */
import type { Template } from "./template.js";

/** An Ajv keyword (or a variant of one) → its message. */
export const SCHEMA_MESSAGES = {
  required: {
    sv: "Fältet {field} saknas{under}.{because}{example}",
    en: "The field {field} is missing{under}.{because}{example}",
  },
  additionalProperties: {
    sv: "Okänt fält `{name}`{under}.{hint}",
    en: "Unknown field `{name}`{under}.{hint}",
  },
  type: {
    sv: "{field} ska vara {expected}, men är {actual}{written}.{hint}",
    en: "{field} must be {expected}, but is {actual}{written}.{hint}",
  },
  /** `enum`, and `const` (one allowed value). */
  enum: {
    sv: "{field} har värdet {value}, men måste vara {allowed}.{guess}",
    en: "{field} is {value}, but must be {allowed}.{guess}",
  },
  /** None of the alternatives fits: the field's description says what does. */
  anyOf: {
    sv: "{field} har värdet {value}. {description}",
    en: "{field} is {value}. {description}",
  },
  /** `anyOf` for a value written as a date: what is wrong with the date, too. */
  anyOfDate: {
    sv: "{field} har värdet {value}. {description} {date}",
    en: "{field} is {value}. {description} {date}",
  },
  format: {
    sv: "{field} har värdet {value}, som inte är giltigt ({format}).",
    en: "{field} is {value}, which is not valid ({format}).",
  },
  formatDate: {
    sv: "{field} har värdet {value}, som inte är ett giltigt datum. {date}",
    en: "{field} is {value}, which is not a valid date. {date}",
  },
  formatEmail: {
    sv: "{field} har värdet {value}, som inte är en giltig e-postadress.",
    en: "{field} is {value}, which is not a valid e-mail address.",
  },
  pattern: {
    sv: "{field} har värdet {value}, som har fel form. {description}",
    en: "{field} is {value}, which has the wrong form. {description}",
  },
  minItems: {
    sv: "{field} ska ha minst {limit} {values}, men har {count}.{because}",
    en: "{field} must have at least {limit} {values}, but has {count}.{because}",
  },
  maxItems: {
    sv: "{field} ska ha högst {limit} {values}, men har {count}.{because}",
    en: "{field} must have at most {limit} {values}, but has {count}.{because}",
  },
  minLength: {
    sv: "{field} ska vara minst {limit} tecken lång, men är {length}.",
    en: "{field} must be at least {limit} characters long, but is {length}.",
  },
  maxLength: {
    sv: "{field} ska vara högst {limit} tecken lång, men är {length}.",
    en: "{field} must be at most {limit} characters long, but is {length}.",
  },
  uniqueItems: {
    sv: "{field} innehåller samma värde två gånger (post {first} och {second}). Ta bort dubbletten.",
    en: "{field} contains the same value twice (entries {first} and {second}). Remove the duplicate.",
  },
  dependentRequired: {
    sv: "{field} kräver att även {required} är ifyllt.",
    en: "{field} requires {required} as well.",
  },
  minimum: {
    sv: "{field} ska vara minst {limit}, men är {value}.",
    en: "{field} must be at least {limit}, but is {value}.",
  },
  maximum: {
    sv: "{field} ska vara högst {limit}, men är {value}.",
    en: "{field} must be at most {limit}, but is {value}.",
  },
  /** Any other keyword: Ajv's own message (ajv-i18n's in Swedish). */
  other: {
    sv: "{field}: {ajvMessage}",
    en: "{field}: {ajvMessage}",
  },
} as const satisfies Record<string, Template>;

/** The optional pieces of the messages above; each starts with the space it needs. */
export const SCHEMA_PARTS = {
  /** Where a missing or unknown field belongs, when not at the top level. */
  under: { sv: " under {parent}", en: " under {parent}" },
  /** The condition (status: fastställd …) that makes a field required. */
  because: { sv: " Det krävs för {condition}.", en: " It is required for {condition}." },
  /** A line of YAML to copy, for a missing field. */
  exampleLine: { sv: " Exempel: `{example}`", en: " Example: `{example}`" },
  /** A value of the right form, for a value of the wrong form. */
  exampleValue: { sv: " Exempel: {example}.", en: " Example: {example}." },
  didYouMean: { sv: " Menade du `{guess}`?", en: " Did you mean `{guess}`?" },
  allowedFields: { sv: " Tillåtna fält: {list}.", en: " Allowed fields: {list}." },
  /** Several allowed values; a single one is shown on its own. */
  oneOf: { sv: "ett av: {list}", en: "one of: {list}" },
  /** What the user wrote, after the kind of value it was read as. */
  written: { sv: " ({written})", en: " ({written})" },
  /** A number or true/false where text was expected: YAML read it so because it has no quotes. */
  quoteAsText: {
    sv: ' Skriv värdet inom citattecken så att det läses som text: `"{written}"`.',
    en: ' Put the value in quotes so that it is read as text: `"{written}"`.',
  },
  /** A value in typographic quotes (`”3.0”`), which YAML keeps as part of the text. `{quotes}` names them, `{fixed}` is the line with straight quotes. */
  typographicQuotes: {
    sv: ' Värdet står inom typografiska citattecken ({quotes}), som YAML läser som en del av texten. Använd raka citattecken ("): `{fixed}`.',
    en: ' The value is in typographic quotes ({quotes}), which YAML reads as part of the text. Use straight quotes ("): `{fixed}`.',
  },
  /** A field written without a value. */
  fillOrRemove: { sv: " Fyll i ett värde eller ta bort raden.", en: " Fill in a value or remove the line." },
  value: { sv: "värde", en: "value" },
  values: { sv: "värden", en: "values" },
} as const satisfies Record<string, Template>;

/** How a field is named in a message: its key, its title when the schema has one, and which entry of a list. */
export const FIELD = {
  titled: { sv: "`{name}` ({title}){entry}", en: "`{name}` ({title}){entry}" },
  plain: { sv: "`{name}`{entry}", en: "`{name}`{entry}" },
  entry: { sv: " (post {number})", en: " (entry {number})" },
} as const satisfies Record<string, Template>;

/** What a value the user wrote is, as YAML read it ("men är …"). */
export const ACTUAL_TYPE = {
  empty: { sv: "tomt", en: "empty" },
  list: { sv: "en lista", en: "a list" },
  number: { sv: "ett tal", en: "a number" },
  boolean: { sv: "ja/nej (true/false)", en: "a boolean" },
  mapping: { sv: "en grupp av fält", en: "a mapping" },
  text: { sv: "text", en: "text" },
} as const satisfies Record<string, Template>;

/** A JSON Schema type as the reader writes it ("ska vara …"); another type is shown as it is. */
export const EXPECTED_TYPE = {
  string: { sv: "text", en: "text" },
  array: { sv: "en lista (rader som börjar med `- `)", en: "a list (lines starting with `- `)" },
  object: { sv: "en grupp av fält (`namn: värde` indraget under fältet)", en: "a mapping (`key: value` indented under the field)" },
  integer: { sv: "ett heltal", en: "a whole number" },
  number: { sv: "ett tal", en: "a number" },
  boolean: { sv: "true eller false", en: "true or false" },
} as const satisfies Record<string, Template>;
