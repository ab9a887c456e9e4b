/**
 * Ajv's errors as located messages a coordinator can act on: what is wrong,
 * what is expected, an example. This module decides where an error points
 * and which message applies, with which values; the words, in Swedish and
 * English, are in src/messages/schema.ts (a table from Ajv keyword to template).
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Diagnostic, Lang, PositionMap, Range } from "./types.js";
import { quoteYamlValue, typographicQuotesIn, unescapePointer, withoutTypographicQuotes } from "./front-matter.js";
import { pick, type Localized, type Text } from "../i18n/text.js";
import { closest } from "./suggest.js";
import { describeBadDate } from "./dates.js";
import { fill, fillIn } from "../messages/template.js";
import { ACTUAL_TYPE, EXPECTED_TYPE, FIELD, SCHEMA_MESSAGES, SCHEMA_PARTS } from "../messages/schema.js";
import type { JsonSchema } from "./schema.js";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface SchemaDiagnosticsInput {
  validate: ValidateFunction;
  data: unknown;
  positions: PositionMap;
  file: string;
  lang: Lang;
  ruleId: string;
  ruleName: string;
  /** The source text of a range, to quote what the user wrote. */
  source?: (range: Range) => string;
}

/** Validates `data` and turns every Ajv error into a located Diagnostic. */
export function schemaDiagnostics(input: SchemaDiagnosticsInput): Diagnostic[] {
  const { validate, data } = input;
  if (validate(data)) return [];
  const errors = collapse(validate.errors ?? []);
  const root = validate.schema as JsonSchema;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const { range, message } = withQuoteHint(error, explain(error, root, input));
    const key = `${range[0]}:${range[1]}:${message.sv}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const diagnostic: Diagnostic = {
      file: input.file,
      line: range[0],
      column: range[1],
      ruleId: input.ruleId,
      ruleName: input.ruleName,
      severity: "error",
      message: pick(message, input.lang),
    };
    if (range[2] > range[0] || range[3] > range[1]) {
      diagnostic.endLine = range[2];
      diagnostic.endColumn = range[3];
    }
    out.push(diagnostic);
  }
  return out;
}

/**
 * A value a word processor wrapped in typographic quotes (`version: ”3.0”`)
 * is text with the quotes in it, so it fails for a reason the message alone
 * does not show: the hint names the quotes and gives the line with straight ones.
 */
function withQuoteHint(error: ErrorObject, explained: { range: Range; message: Localized }): { range: Range; message: Localized } {
  const value = error.data;
  if (typeof value !== "string" || withoutTypographicQuotes(value) === value) return explained;
  const last = segments(error.instancePath).at(-1) ?? "";
  const quoted = quoteYamlValue(withoutTypographicQuotes(value));
  const fixed = /^\d+$/.test(last) || last === "" ? `- ${quoted}` : `${last}: ${quoted}`;
  const hint = fill(SCHEMA_PARTS.typographicQuotes, { quotes: typographicQuotesIn(value), fixed });
  return { range: explained.range, message: both((lang) => explained.message[lang] + pick(hint, lang)) };
}

/** Drops Ajv's bookkeeping errors (`if`, `then`) and folds `anyOf` branches into one. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  // Branch errors may come from a $ref'd schema with its own schemaPath, so
  // they are matched by the value they are about.
  const anyOfValues = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    if (e.keyword !== "anyOf" && anyOfValues.has(e.instancePath)) return false;
    return true;
  });
}

function segments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(unescapePointer);
}

function deref(node: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let current = node;
  for (let i = 0; current && typeof current.$ref === "string" && i < 10; i++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) break;
    let target: unknown = root;
    for (const part of segments(ref.slice(1))) target = (target as Record<string, unknown> | undefined)?.[part];
    const rest = { ...current };
    delete rest.$ref;
    current = { ...(target as JsonSchema), ...rest };
  }
  return current;
}

/** The schema that describes the value at an instance pointer. */
export function schemaAt(root: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const part of segments(pointer)) {
    node = deref(node, root);
    if (!node) return undefined;
    if (/^\d+$/.test(part) && node.items && typeof node.items === "object") node = node.items as JsonSchema;
    else node = (node.properties as Record<string, JsonSchema> | undefined)?.[part];
  }
  return deref(node, root);
}

/** The Swedish (or English) label of a field: its schema title. */
export function fieldLabel(root: JsonSchema, pointer: string, lang: Lang): string | undefined {
  const node = schemaAt(root, pointer);
  if (!node) return undefined;
  if (lang === "en") return (node["x-en"] as { title?: string } | undefined)?.title ?? (node.title as string | undefined);
  return node.title as string | undefined;
}

function fieldDescription(node: JsonSchema | undefined, lang: Lang): string {
  if (!node) return "";
  if (lang === "en") return (node["x-en"] as { description?: string } | undefined)?.description ?? "";
  return (node.description as string | undefined) ?? "";
}

function example(node: JsonSchema | undefined): unknown {
  const examples = node?.examples;
  return Array.isArray(examples) && examples.length > 0 ? examples[0] : undefined;
}

function yamlExample(key: string, value: unknown): string {
  if (value === undefined) return "";
  if (Array.isArray(value)) return `${key}: [${value.map((v) => JSON.stringify(v)).join(", ")}]`;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${key}: ${value}`;
  if (typeof value === "string" && /^[a-zåäö][a-zåäö0-9 -]*$/i.test(value) && !/^(yes|no|true|false|null|on|off)$/i.test(value))
    return `${key}: ${value}`;
  return `${key}: ${JSON.stringify(value)}`;
}

/** Which conditional (allOf/N) produced an error, as "ett fastställt dokument". */
function condition(root: JsonSchema, schemaPath: string): Localized | undefined {
  const match = /^#\/allOf\/(\d+)\//.exec(schemaPath);
  if (!match) return undefined;
  const entry = (root.allOf as JsonSchema[] | undefined)?.[Number(match[1])];
  return entry?.["x-villkor"] as Localized | undefined;
}

/** The field whose value switched a conditional on ("status" for allOf/0). */
function conditionField(root: JsonSchema, schemaPath: string): string | undefined {
  const match = /^#\/allOf\/(\d+)\//.exec(schemaPath);
  if (!match) return undefined;
  const entry = (root.allOf as JsonSchema[] | undefined)?.[Number(match[1])];
  const props = (entry?.if as JsonSchema | undefined)?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props)[0] : undefined;
}

/** What YAML read the value as, for "men är …". */
function describeType(value: unknown): Localized {
  if (value === null) return fill(ACTUAL_TYPE.empty);
  if (Array.isArray(value)) return fill(ACTUAL_TYPE.list);
  switch (typeof value) {
    case "number":
      return fill(ACTUAL_TYPE.number);
    case "boolean":
      return fill(ACTUAL_TYPE.boolean);
    case "object":
      return fill(ACTUAL_TYPE.mapping);
    default:
      return fill(ACTUAL_TYPE.text);
  }
}

/** The type the schema asks for, for "ska vara …"; a type without words is shown as Ajv names it. */
function expectedType(type: unknown): Text {
  return typeof type === "string" && Object.hasOwn(EXPECTED_TYPE, type)
    ? fill(EXPECTED_TYPE[type as keyof typeof EXPECTED_TYPE])
    : String(type);
}

function quote(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

/** A text worked out in each language on its own: a title or description from the schema (which one language may lack), a message trimmed before its tail. */
function both(f: (lang: Lang) => string): Localized {
  return { sv: f("sv"), en: f("en") };
}

/**
 * The message for one Ajv error and where it points: which template of
 * SCHEMA_MESSAGES applies, and the values it is filled with.
 */
function explain(error: ErrorObject, root: JsonSchema, input: SchemaDiagnosticsInput): { range: Range; message: Localized } {
  const { positions } = input;
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  /** A field as the reader sees it: `key` (title), and which entry of a list. */
  const label = (p: string): Localized => {
    const name =
      segments(p)
        .filter((s) => !/^\d+$/.test(s))
        .pop() ?? "";
    const index = segments(p).at(-1);
    const entry = index !== undefined && /^\d+$/.test(index) ? fill(FIELD.entry, { number: Number(index) + 1 }) : "";
    return both((lang) => {
      const title = fieldLabel(root, p, lang);
      return title ? fillIn(FIELD.titled, lang, { name, title, entry }) : fillIn(FIELD.plain, lang, { name, entry });
    });
  };
  const under = (p: string): Text => (p ? fill(SCHEMA_PARTS.under, { parent: label(p) }) : "");
  const valueRange = (p: string): Range => locate(positions, p, false);
  const node = schemaAt(root, pointer);
  const cond = condition(root, error.schemaPath);
  const because: Text = cond ? fill(SCHEMA_PARTS.because, { condition: cond }) : "";
  const didYouMean = (guess: string | undefined): Text => (guess ? fill(SCHEMA_PARTS.didYouMean, { guess }) : "");
  const description = both((lang) => fieldDescription(node, lang));

  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const childPointer = `${pointer}/${missing}`;
      const ex = yamlExample(missing, example(schemaAt(root, childPointer)));
      // A requirement that follows from a condition (status: fastställd …)
      // points at the field that set the condition: that is where the reader looks.
      const trigger = conditionField(root, error.schemaPath);
      const triggerRange = trigger !== undefined && pointer === "" ? positions[`/${trigger}`]?.k : undefined;
      return {
        range: triggerRange ?? locateParent(positions, pointer),
        message: fill(SCHEMA_MESSAGES.required, {
          field: label(childPointer),
          under: under(pointer),
          because,
          example: ex ? fill(SCHEMA_PARTS.exampleLine, { example: ex }) : "",
        }),
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const parent = schemaAt(root, pointer);
      const allowed = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closest(extra, allowed);
      return {
        range: locate(positions, `${pointer}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`, true),
        message: fill(SCHEMA_MESSAGES.additionalProperties, {
          name: extra,
          under: under(pointer),
          hint: guess ? didYouMean(guess) : fill(SCHEMA_PARTS.allowedFields, { list: allowed.join(", ") }),
        }),
      };
    }
    case "type": {
      const value = error.data;
      const written = input.source ? input.source(valueRange(pointer)).trim() : "";
      const wantsString = params.type === "string";
      const hint: Text =
        wantsString && (typeof value === "number" || typeof value === "boolean") && written !== ""
          ? fill(SCHEMA_PARTS.quoteAsText, { written })
          : value === null
            ? fill(SCHEMA_PARTS.fillOrRemove)
            : "";
      return {
        range: valueRange(pointer),
        message: fill(SCHEMA_MESSAGES.type, {
          field: label(pointer),
          expected: expectedType(params.type),
          actual: describeType(value),
          written: written && typeof value !== "object" ? fill(SCHEMA_PARTS.written, { written }) : "",
          hint,
        }),
      };
    }
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const guess = typeof error.data === "string" ? closest(error.data, allowed) : undefined;
      return {
        range: valueRange(pointer),
        message: fill(SCHEMA_MESSAGES.enum, {
          field: label(pointer),
          value: quote(error.data),
          allowed: allowed.length === 1 ? quote(allowed[0]) : fill(SCHEMA_PARTS.oneOf, { list: allowed.join(", ") }),
          guess: didYouMean(guess),
        }),
      };
    }
    case "anyOf": {
      const values = { field: label(pointer), value: quote(error.data), description };
      const message =
        typeof error.data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(error.data)
          ? fill(SCHEMA_MESSAGES.anyOfDate, { ...values, date: describeBadDate(error.data) })
          : fill(SCHEMA_MESSAGES.anyOf, values);
      return { range: valueRange(pointer), message: { sv: message.sv.trim(), en: message.en.trim() } };
    }
    case "format": {
      const format = String(params.format);
      const values = { field: label(pointer), value: quote(error.data) };
      return {
        range: valueRange(pointer),
        message:
          format === "date"
            ? fill(SCHEMA_MESSAGES.formatDate, { ...values, date: describeBadDate(String(error.data)) })
            : format === "email"
              ? fill(SCHEMA_MESSAGES.formatEmail, values)
              : fill(SCHEMA_MESSAGES.format, { ...values, format }),
      };
    }
    case "pattern": {
      const ex = example(node);
      const message = fill(SCHEMA_MESSAGES.pattern, { field: label(pointer), value: quote(error.data), description });
      const tail: Text = ex !== undefined && !Array.isArray(ex) ? fill(SCHEMA_PARTS.exampleValue, { example: quote(ex) }) : "";
      return { range: valueRange(pointer), message: both((lang) => message[lang].trim() + pick(tail, lang)) };
    }
    case "minItems":
    case "maxItems": {
      const limit = Number(params.limit);
      return {
        range: locate(positions, pointer, true),
        message: fill(SCHEMA_MESSAGES[error.keyword], {
          field: label(pointer),
          limit,
          values: fill(limit === 1 ? SCHEMA_PARTS.value : SCHEMA_PARTS.values),
          count: Array.isArray(error.data) ? error.data.length : 0,
          because,
        }),
      };
    }
    case "minLength":
    case "maxLength": {
      return {
        range: valueRange(pointer),
        message: fill(SCHEMA_MESSAGES[error.keyword], {
          field: label(pointer),
          limit: Number(params.limit),
          length: String(error.data ?? "").length,
        }),
      };
    }
    case "uniqueItems": {
      const j = Number(params.j);
      return {
        range: valueRange(`${pointer}/${Number.isFinite(j) ? j : 0}`),
        message: fill(SCHEMA_MESSAGES.uniqueItems, { field: label(pointer), first: j + 1, second: Number(params.i) + 1 }),
      };
    }
    case "dependentRequired": {
      const prop = String(params.property);
      const missing = String(params.missingProperty);
      return {
        range: locate(positions, `${pointer}/${prop}`, true),
        message: fill(SCHEMA_MESSAGES.dependentRequired, { field: label(`${pointer}/${prop}`), required: label(`${pointer}/${missing}`) }),
      };
    }
    case "minimum":
    case "maximum": {
      return {
        range: valueRange(pointer),
        message: fill(SCHEMA_MESSAGES[error.keyword], { field: label(pointer), limit: String(params.limit), value: String(error.data) }),
      };
    }
    default: {
      const localizeSv = require("ajv-i18n/localize/sv") as (errors: ErrorObject[]) => void;
      const copy = { ...error };
      if (input.lang === "sv") localizeSv([copy]);
      return {
        range: valueRange(pointer),
        message: fill(SCHEMA_MESSAGES.other, {
          field: label(pointer),
          ajvMessage: { sv: copy.message ?? error.keyword, en: error.message ?? error.keyword },
        }),
      };
    }
  }
}

/** The range of a value (or of its key, when `preferKey` and there is one). */
export function locate(positions: PositionMap, pointer: string, preferKey: boolean): Range {
  let p = pointer;
  for (;;) {
    const entry = positions[p];
    if (entry) return preferKey && entry.k ? entry.k : entry.v;
    if (p === "") return [1, 1, 1, 1];
    p = p.slice(0, p.lastIndexOf("/"));
  }
}

/** Where a missing child is reported: the parent's key, or the root's first line. */
function locateParent(positions: PositionMap, pointer: string): Range {
  const entry = positions[pointer];
  if (entry?.k) return entry.k;
  if (entry) {
    const [l, c] = entry.v;
    // A whole mapping: point at its first line only.
    return pointer === "" ? [l, c, l, c] : entry.v;
  }
  return locate(positions, pointer, true);
}
