/**
 * The JSON Schemas (schemas/) and their validators: Ajv 2020-12, strict,
 * allErrors, compiled ahead by `npm run build` into build/core/validators.cjs
 * and used only when made from the schemas as they are now. What an error
 * means for a coordinator is schema-explain.ts.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Ajv2020, ValidateFunction } from "ajv/dist/2020.js";

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
  const instance = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    verbose: true,
    ...(source ? { code: { source: true } } : {}),
  });
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
