/**
 * JSON Schema validation with Ajv (2020-12, strict, allErrors), and the
 * translation of Ajv's errors into located messages a coordinator can act on:
 * what is wrong, what is expected, an example.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { Diagnostic, Lang, PositionMap, Range } from "./types.js";
import { unescapePointer } from "./front-matter.js";
import { pick, type Localized } from "../i18n/text.js";
import { closest } from "./suggest.js";
import { describeBadDate } from "./dates.js";

const require = createRequire(import.meta.url);

export const DOCUMENT_SCHEMA_URL = new URL("../../schemas/samverkansdokument.schema.json", import.meta.url);
export const CONFIG_SCHEMA_URL = new URL("../../schemas/samdok-config.schema.json", import.meta.url);

export type JsonSchema = Record<string, unknown>;

let ajv: Ajv2020 | undefined;
let documentValidate: ValidateFunction | undefined;
let configValidate: ValidateFunction | undefined;
const schemas = new Map<string, { schema: JsonSchema; text: string }>();

function loadSchema(url: URL): { schema: JsonSchema; text: string } {
  const key = url.href;
  let entry = schemas.get(key);
  if (!entry) {
    const text = readFileSync(url, "utf8");
    entry = { schema: JSON.parse(text) as JsonSchema, text };
    schemas.set(key, entry);
  }
  return entry;
}

export function documentSchema(): JsonSchema {
  return loadSchema(DOCUMENT_SCHEMA_URL).schema;
}

export function configSchema(): JsonSchema {
  return loadSchema(CONFIG_SCHEMA_URL).schema;
}

/** sha256 over both schemas: part of every cache key. */
export function schemaHash(): string {
  return createHash("sha256").update(loadSchema(DOCUMENT_SCHEMA_URL).text).update(loadSchema(CONFIG_SCHEMA_URL).text).digest("hex");
}

/** The one Ajv configuration; `source` keeps the generated code (for compile-validators.ts). */
export function createAjv(source = false): Ajv2020 {
  // Loaded here, not at the top: with the validators compiled by `npm run build`, a run never needs Ajv's compiler.
  const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const instance = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true, ...(source ? { code: { source: true } } : {}) });
  // ajv-formats is CommonJS; under NodeNext its default export is not callable.
  const addFormats = require("ajv-formats") as (a: Ajv2020, formats: string[]) => Ajv2020;
  addFormats(instance, ["date", "email"]);
  instance.addVocabulary(["x-en", "x-version", "x-villkor"]);
  return instance;
}

function getAjv(): Ajv2020 {
  ajv ??= createAjv();
  return ajv;
}

/**
 * The validators compiled ahead of time by `npm run build`
 * (compile-validators.ts), when they were made from the schemas as they are
 * now: compiling both schemas costs more than a re-validation of a large
 * cached set. Next to this module in build/, or in build/ when this module
 * runs from its TypeScript source (the tests).
 */
function precompiled(name: "document" | "config"): ValidateFunction | undefined {
  if (precompiledModule === undefined) {
    precompiledModule = null;
    for (const candidate of ["./validators.cjs", "../../build/core/validators.cjs"]) {
      try {
        const mod = require(fileURLToPath(new URL(candidate, import.meta.url))) as PrecompiledModule;
        if (mod.schemaHash === schemaHash()) {
          precompiledModule = mod;
          break;
        }
      } catch {
        // not built, or built from other schemas: compile at run time
      }
    }
  }
  const validate = precompiledModule?.[name];
  if (!validate) return undefined;
  // Like a validator from ajv.compile: it knows its schema (the messages read titles from it).
  validate.schema = name === "document" ? documentSchema() : configSchema();
  return validate;
}

interface PrecompiledModule {
  schemaHash: string;
  document?: ValidateFunction;
  config?: ValidateFunction;
}
let precompiledModule: PrecompiledModule | null | undefined;

export function documentValidator(): ValidateFunction {
  documentValidate ??= precompiled("document") ?? getAjv().compile(documentSchema());
  return documentValidate;
}

export function configValidator(): ValidateFunction {
  configValidate ??= precompiled("config") ?? getAjv().compile(configSchema());
  return configValidate;
}

/** The source of a CommonJS module with both validators compiled, for build/core/validators.cjs. */
export function validatorsSource(standalone: (ajv: Ajv2020, refs: Record<string, string>) => string): string {
  const instance = createAjv(true);
  instance.addSchema(documentSchema(), "document");
  instance.addSchema(configSchema(), "config");
  return `${standalone(instance, { document: "document", config: "config" })}\nexports.schemaHash = ${JSON.stringify(schemaHash())};\n`;
}

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
    const { range, message } = explain(error, root, input);
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
  if (lang === "en") return ((node["x-en"] as { title?: string } | undefined)?.title) ?? (node.title as string | undefined);
  return node.title as string | undefined;
}

function fieldDescription(node: JsonSchema | undefined, lang: Lang): string {
  if (!node) return "";
  if (lang === "en") return ((node["x-en"] as { description?: string } | undefined)?.description) ?? "";
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
  if (typeof value === "string" && /^[a-zåäö][a-zåäö0-9 -]*$/i.test(value) && !/^(yes|no|true|false|null|on|off)$/i.test(value)) return `${key}: ${value}`;
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

function describeType(value: unknown): Localized {
  if (value === null) return { sv: "tomt", en: "empty" };
  if (Array.isArray(value)) return { sv: "en lista", en: "a list" };
  switch (typeof value) {
    case "number":
      return { sv: "ett tal", en: "a number" };
    case "boolean":
      return { sv: "ja/nej (true/false)", en: "a boolean" };
    case "object":
      return { sv: "en grupp av fält", en: "a mapping" };
    default:
      return { sv: "text", en: "text" };
  }
}

function expectedType(type: unknown): Localized {
  switch (type) {
    case "string":
      return { sv: "text", en: "text" };
    case "array":
      return { sv: "en lista (rader som börjar med `- `)", en: "a list (lines starting with `- `)" };
    case "object":
      return { sv: "en grupp av fält (`namn: värde` indraget under fältet)", en: "a mapping (`key: value` indented under the field)" };
    case "integer":
      return { sv: "ett heltal", en: "a whole number" };
    case "number":
      return { sv: "ett tal", en: "a number" };
    case "boolean":
      return { sv: "true eller false", en: "true or false" };
    default:
      return { sv: String(type), en: String(type) };
  }
}

function quote(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  return JSON.stringify(value) ?? String(value);
}

function both(f: (lang: Lang) => string): Localized {
  return { sv: f("sv"), en: f("en") };
}

function explain(error: ErrorObject, root: JsonSchema, input: SchemaDiagnosticsInput): { range: Range; message: Localized } {
  const { positions } = input;
  const pointer = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const label = (p: string, lang: Lang): string => {
    const name = segments(p).filter((s) => !/^\d+$/.test(s)).pop() ?? "";
    const title = fieldLabel(root, p, lang);
    const index = segments(p).at(-1);
    const where = index !== undefined && /^\d+$/.test(index) ? (lang === "sv" ? ` (post ${Number(index) + 1})` : ` (entry ${Number(index) + 1})`) : "";
    return title ? `\`${name}\` (${title})${where}` : `\`${name}\`${where}`;
  };
  const valueRange = (p: string): Range => locate(positions, p, false);
  const node = schemaAt(root, pointer);
  const cond = condition(root, error.schemaPath);
  const because = (lang: Lang): string => (cond ? (lang === "sv" ? ` Det krävs för ${cond.sv}.` : ` It is required for ${cond.en}.`) : "");

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
        message: both((lang) =>
          (lang === "sv" ? `Fältet ${label(childPointer, lang)} saknas${pointer ? ` under ${label(pointer, lang)}` : ""}.` : `The field ${label(childPointer, lang)} is missing${pointer ? ` under ${label(pointer, lang)}` : ""}.`) +
          because(lang) +
          (ex ? (lang === "sv" ? ` Exempel: \`${ex}\`` : ` Example: \`${ex}\``) : ""),
        ),
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const parent = schemaAt(root, pointer);
      const allowed = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closest(extra, allowed);
      return {
        range: locate(positions, `${pointer}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`, true),
        message: both((lang) =>
          lang === "sv"
            ? `Okänt fält \`${extra}\`${pointer ? ` under ${label(pointer, lang)}` : ""}.${guess ? ` Menade du \`${guess}\`?` : ` Tillåtna fält: ${allowed.join(", ")}.`}`
            : `Unknown field \`${extra}\`${pointer ? ` under ${label(pointer, lang)}` : ""}.${guess ? ` Did you mean \`${guess}\`?` : ` Allowed fields: ${allowed.join(", ")}.`}`,
        ),
      };
    }
    case "type": {
      const value = error.data;
      const written = input.source ? input.source(valueRange(pointer)).trim() : "";
      const wantsString = params.type === "string";
      const hint = (lang: Lang): string => {
        if (wantsString && (typeof value === "number" || typeof value === "boolean") && written !== "") {
          return lang === "sv"
            ? ` Skriv värdet inom citattecken så att det läses som text: \`"${written}"\`.`
            : ` Put the value in quotes so that it is read as text: \`"${written}"\`.`;
        }
        if (value === null) return lang === "sv" ? " Fyll i ett värde eller ta bort raden." : " Fill in a value or remove the line.";
        return "";
      };
      const shown = written && typeof value !== "object" ? ` (${written})` : "";
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          (lang === "sv"
            ? `${label(pointer, lang)} ska vara ${pick(expectedType(params.type), lang)}, men är ${pick(describeType(value), lang)}${shown}.`
            : `${label(pointer, lang)} must be ${pick(expectedType(params.type), lang)}, but is ${pick(describeType(value), lang)}${shown}.`) + hint(lang),
        ),
      };
    }
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const guess = typeof error.data === "string" ? closest(error.data, allowed) : undefined;
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} har värdet ${quote(error.data)}, men måste vara ${allowed.length === 1 ? quote(allowed[0]) : `ett av: ${allowed.join(", ")}`}.${guess ? ` Menade du \`${guess}\`?` : ""}`
            : `${label(pointer, lang)} is ${quote(error.data)}, but must be ${allowed.length === 1 ? quote(allowed[0]) : `one of: ${allowed.join(", ")}`}.${guess ? ` Did you mean \`${guess}\`?` : ""}`,
        ),
      };
    }
    case "anyOf": {
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} har värdet ${quote(error.data)}. ${fieldDescription(node, lang)}${typeof error.data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(error.data) ? ` ${pick(describeBadDate(error.data), lang)}` : ""}`.trim()
            : `${label(pointer, lang)} is ${quote(error.data)}. ${fieldDescription(node, lang)}${typeof error.data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(error.data) ? ` ${pick(describeBadDate(error.data), lang)}` : ""}`.trim(),
        ),
      };
    }
    case "format": {
      const format = String(params.format);
      if (format === "date") {
        return {
          range: valueRange(pointer),
          message: both((lang) =>
            lang === "sv"
              ? `${label(pointer, lang)} har värdet ${quote(error.data)}, som inte är ett giltigt datum. ${pick(describeBadDate(String(error.data)), lang)}`
              : `${label(pointer, lang)} is ${quote(error.data)}, which is not a valid date. ${pick(describeBadDate(String(error.data)), lang)}`,
          ),
        };
      }
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} har värdet ${quote(error.data)}, som inte är ${format === "email" ? "en giltig e-postadress" : `giltigt (${format})`}.`
            : `${label(pointer, lang)} is ${quote(error.data)}, which is not ${format === "email" ? "a valid e-mail address" : `valid (${format})`}.`,
        ),
      };
    }
    case "pattern": {
      const ex = example(node);
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          (lang === "sv"
            ? `${label(pointer, lang)} har värdet ${quote(error.data)}, som har fel form. ${fieldDescription(node, lang)}`
            : `${label(pointer, lang)} is ${quote(error.data)}, which has the wrong form. ${fieldDescription(node, lang)}`
          ).trim() + (ex !== undefined && !Array.isArray(ex) ? (lang === "sv" ? ` Exempel: ${quote(ex)}.` : ` Example: ${quote(ex)}.`) : ""),
        ),
      };
    }
    case "minItems":
    case "maxItems": {
      const limit = Number(params.limit);
      const min = error.keyword === "minItems";
      return {
        range: locate(positions, pointer, true),
        message: both((lang) =>
          (lang === "sv"
            ? `${label(pointer, lang)} ska ha ${min ? "minst" : "högst"} ${limit} ${limit === 1 ? "värde" : "värden"}, men har ${Array.isArray(error.data) ? error.data.length : 0}.`
            : `${label(pointer, lang)} must have ${min ? "at least" : "at most"} ${limit} ${limit === 1 ? "value" : "values"}, but has ${Array.isArray(error.data) ? error.data.length : 0}.`) + because(lang),
        ),
      };
    }
    case "minLength":
    case "maxLength": {
      const limit = Number(params.limit);
      const min = error.keyword === "minLength";
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} ska vara ${min ? "minst" : "högst"} ${limit} tecken lång, men är ${String(error.data ?? "").length}.`
            : `${label(pointer, lang)} must be ${min ? "at least" : "at most"} ${limit} characters long, but is ${String(error.data ?? "").length}.`,
        ),
      };
    }
    case "uniqueItems": {
      const j = Number(params.j);
      return {
        range: valueRange(`${pointer}/${Number.isFinite(j) ? j : 0}`),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} innehåller samma värde två gånger (post ${Number(params.j) + 1} och ${Number(params.i) + 1}). Ta bort dubbletten.`
            : `${label(pointer, lang)} contains the same value twice (entries ${Number(params.j) + 1} and ${Number(params.i) + 1}). Remove the duplicate.`,
        ),
      };
    }
    case "dependentRequired": {
      const prop = String(params.property);
      const missing = String(params.missingProperty);
      return {
        range: locate(positions, `${pointer}/${prop}`, true),
        message: both((lang) =>
          lang === "sv"
            ? `${label(`${pointer}/${prop}`, lang)} kräver att även ${label(`${pointer}/${missing}`, lang)} är ifyllt.`
            : `${label(`${pointer}/${prop}`, lang)} requires ${label(`${pointer}/${missing}`, lang)} as well.`,
        ),
      };
    }
    case "minimum":
    case "maximum": {
      return {
        range: valueRange(pointer),
        message: both((lang) =>
          lang === "sv"
            ? `${label(pointer, lang)} ska vara ${error.keyword === "minimum" ? "minst" : "högst"} ${String(params.limit)}, men är ${String(error.data)}.`
            : `${label(pointer, lang)} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(params.limit)}, but is ${String(error.data)}.`,
        ),
      };
    }
    default: {
      const localizeSv = require("ajv-i18n/localize/sv") as (errors: ErrorObject[]) => void;
      const copy = { ...error };
      if (input.lang === "sv") localizeSv([copy]);
      return {
        range: valueRange(pointer),
        message: { sv: `${label(pointer, "sv")}: ${copy.message ?? error.keyword}`, en: `${label(pointer, "en")}: ${error.message ?? error.keyword}` },
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
