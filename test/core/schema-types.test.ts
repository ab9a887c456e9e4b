/**
 * The document and configuration types are written by hand (SamDoc in
 * src/core/document.ts with its parts Antagande, Uppfoljning, Lagrum,
 * Andring; SamdokConfig in src/core/config-model.ts with NamedEntry and
 * Role), while what a document or configuration may hold is decided by the
 * JSON Schemas in schemas/. Nothing ties the two: a field added to a schema
 * and forgotten in the type is invisible to the code, and a type that
 * promises a field the schema never checks lets the code trust what nobody
 * validated.
 *
 * This test reads the interfaces with the TypeScript compiler API and
 * compares them with the schemas, recursively through nested objects and
 * arrays of objects: the same property names, optional in the type exactly
 * when the schema does not require them, the same kind of value (string,
 * number, boolean, array, object), the same literals where the type is a
 * union of string literals, and for maps (`Record`, `Partial<Record<…>>`)
 * the same keys and values as the schema's propertyNames and
 * additionalProperties. A type may be looser than the schema where an enum
 * meets a plain `string` (the schema narrows it when it validates); it may
 * never be narrower. The conditions of `allOf` (what a fastställd document
 * must also have) and `dependentRequired` are beyond a type and not compared.
 *
 * The last tests make sure that the comparison does find mismatches: in
 * copies of the schema, and in a copy of document.ts held in memory.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO } from "../helpers/cli.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What a type or a schema says about a value, in the terms both share. */
type Shape =
  | { kind: "string" | "number" | "boolean" }
  | { kind: "enum"; values: string[] }
  | { kind: "array"; items: Shape }
  | {
      kind: "object";
      properties: Map<string, { optional: boolean; shape: Shape }>;
      /** Other keys: their value, false when there may be none, undefined when not stated. */
      additional: Shape | false | undefined;
    }
  /** One of several kinds (a role id or a list of them): members in a fixed order, by kind. */
  | { kind: "union"; members: Shape[] }
  | { kind: "unsupported"; what: string };

const DOCUMENT_TS = path.join(REPO, "src/core/document.ts");
const CONFIG_TS = path.join(REPO, "src/core/config-model.ts");

function readSchema(name: string): JsonObject {
  return JSON.parse(readFileSync(path.join(REPO, "schemas", name), "utf8")) as JsonObject;
}

// ---- The types, read with the compiler ----

/** The repository's compiler options (exactOptionalPropertyTypes matters for optional properties). */
function compilerOptions(): ts.CompilerOptions {
  const file = path.join(REPO, "tsconfig.json");
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  return { ...ts.parseJsonConfigFileContent(read.config, ts.sys, REPO).options, noEmit: true };
}

const options = compilerOptions();
/** Files parsed once for every program of this test (the copies in memory are not kept). */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** A program of the two files; `replace` serves other text for a file (a copy in memory, the file itself untouched). */
function createProgram(replace: Map<string, string> = new Map()): ts.Program {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const text = replace.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, language);
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, language, onError, shouldCreate));
    return parsed.get(fileName);
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => replace.get(path.resolve(fileName)) ?? readFile(fileName);
  return ts.createProgram({ rootNames: [DOCUMENT_TS, CONFIG_TS], options, host });
}

/** The declared type of the interface `name` in `file`. */
function interfaceType(program: ts.Program, file: string, name: string): ts.Type {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  const declaration = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  const symbol = declaration && checker.getSymbolAtLocation(declaration.name);
  if (!symbol) throw new Error(`no interface ${name} in ${path.relative(REPO, file)}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
}

function typeShape(checker: ts.TypeChecker, type: ts.Type): Shape {
  const t = checker.getNonNullableType(type);
  if (t.flags & ts.TypeFlags.BooleanLike) return { kind: "boolean" };
  if (t.isStringLiteral()) return { kind: "enum", values: [t.value] };
  if (t.isUnion()) {
    if (t.types.every((m) => m.isStringLiteral())) return { kind: "enum", values: t.types.map((m) => (m as ts.StringLiteralType).value) };
    return union(t.types.map((m) => typeShape(checker, m)));
  }
  if (t.flags & ts.TypeFlags.String) return { kind: "string" };
  if (t.flags & ts.TypeFlags.Number) return { kind: "number" };
  if (checker.isArrayType(t)) {
    const [element] = checker.getTypeArguments(t as ts.TypeReference);
    return element ? { kind: "array", items: typeShape(checker, element) } : { kind: "unsupported", what: checker.typeToString(t) };
  }
  if (t.flags & ts.TypeFlags.Object && !checker.isTupleType(t) && t.getCallSignatures().length === 0) {
    const properties = new Map<string, { optional: boolean; shape: Shape }>();
    for (const p of checker.getPropertiesOfType(t)) {
      properties.set(p.name, {
        optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
        shape: typeShape(checker, checker.getTypeOfSymbol(p)),
      });
    }
    const index = checker.getIndexInfoOfType(t, ts.IndexKind.String);
    return { kind: "object", properties, additional: index ? typeShape(checker, index.type) : false };
  }
  return { kind: "unsupported", what: checker.typeToString(t) };
}

/** A union of different kinds, members sorted by kind so that the type's and the schema's line up. */
function union(members: Shape[]): Shape {
  const kinds = members.map((m) => m.kind);
  if (members.some((m) => m.kind === "unsupported" || m.kind === "union") || new Set(kinds).size !== kinds.length) {
    return { kind: "unsupported", what: members.map(describeShape).join(" | ") };
  }
  return { kind: "union", members: [...members].sort((a, b) => a.kind.localeCompare(b.kind)) };
}

// ---- The schemas ----

/** Follows a local `$ref` ("#/$defs/datum"); the referring node's own keywords are kept beside the target's. */
function resolve(node: JsonObject, root: JsonObject): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  if (!ref.startsWith("#/")) throw new Error(`only local $ref are followed: ${ref}`);
  let target: Json = root;
  for (const part of ref.slice(2).split("/")) {
    target = target !== null && typeof target === "object" && !Array.isArray(target) ? (target[part] ?? null) : null;
  }
  if (target === null || typeof target !== "object" || Array.isArray(target)) throw new Error(`$ref leads nowhere: ${ref}`);
  const { $ref: _ref, ...rest } = node;
  return resolve({ ...target, ...rest }, root);
}

function isObject(j: Json | undefined): j is JsonObject {
  return j !== null && j !== undefined && typeof j === "object" && !Array.isArray(j);
}

function schemaShape(input: JsonObject, root: JsonObject): Shape {
  const node = resolve(input, root);
  if (Array.isArray(node.enum)) {
    return node.enum.every((v) => typeof v === "string")
      ? { kind: "enum", values: node.enum as string[] }
      : { kind: "unsupported", what: JSON.stringify(node.enum) };
  }
  if (typeof node.const === "string") return { kind: "enum", values: [node.const] };
  const alternatives = node.anyOf ?? node.oneOf;
  if (Array.isArray(alternatives)) {
    const shapes = alternatives.map((a) =>
      isObject(a) ? schemaShape(a, root) : ({ kind: "unsupported", what: JSON.stringify(a) } as Shape),
    );
    if (shapes.every((s) => s.kind === "enum")) return { kind: "enum", values: shapes.flatMap((s) => (s.kind === "enum" ? s.values : [])) };
    // A date or the words "tills vidare": any string as far as a type can tell.
    if (shapes.every((s) => s.kind === "string" || s.kind === "enum")) return { kind: "string" };
    return union(shapes);
  }
  switch (node.type) {
    case "string":
      return { kind: "string" };
    case "number":
    case "integer":
      return { kind: "number" };
    case "boolean":
      return { kind: "boolean" };
    case "array":
      return {
        kind: "array",
        items: isObject(node.items) ? schemaShape(node.items, root) : { kind: "unsupported", what: "array without items" },
      };
    case "object": {
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      const properties = new Map<string, { optional: boolean; shape: Shape }>();
      if (isObject(node.properties)) {
        for (const [name, sub] of Object.entries(node.properties)) {
          properties.set(name, {
            optional: !required.has(name),
            shape: isObject(sub) ? schemaShape(sub, root) : { kind: "unsupported", what: JSON.stringify(sub) },
          });
        }
      }
      const additional =
        node.additionalProperties === false
          ? false
          : isObject(node.additionalProperties)
            ? schemaShape(node.additionalProperties, root)
            : undefined;
      // A map whose keys are an enum (document type → months): each key an optional property with the map's value.
      const names = isObject(node.propertyNames) ? schemaShape(node.propertyNames, root) : undefined;
      if (names?.kind === "enum" && properties.size === 0 && additional !== undefined && additional !== false) {
        for (const key of names.values) properties.set(key, { optional: !required.has(key), shape: additional });
        return { kind: "object", properties, additional: false };
      }
      return { kind: "object", properties, additional };
    }
    default:
      return { kind: "unsupported", what: JSON.stringify(node).slice(0, 120) };
  }
}

// ---- The comparison ----

function describeShape(s: Shape): string {
  switch (s.kind) {
    case "enum":
      return s.values.map((v) => JSON.stringify(v)).join(" | ");
    case "array":
      return `${describeShape(s.items)}[]`;
    case "union":
      return s.members.map(describeShape).join(" | ");
    case "unsupported":
      return `(${s.what})`;
    default:
      return s.kind;
  }
}

/** Where the type and the schema disagree, one line each, named by the path from the interface. */
function compare(where: string, type: Shape, schema: Shape): string[] {
  if (type.kind === "unsupported" || schema.kind === "unsupported") {
    return [`${where}: cannot compare the type ${describeShape(type)} with the schema ${describeShape(schema)}`];
  }
  if (type.kind === "enum" && schema.kind === "enum") {
    const a = [...type.values].sort();
    const b = [...schema.values].sort();
    return a.join("\n") === b.join("\n") ? [] : [`${where}: the type allows ${describeShape(type)}, the schema ${describeShape(schema)}`];
  }
  // Looser is allowed: the schema narrows a string to its enum when it validates.
  if (type.kind === "string" && schema.kind === "enum") return [];
  if (type.kind !== schema.kind) return [`${where}: the type is ${describeShape(type)}, the schema ${describeShape(schema)}`];
  if (type.kind === "array" && schema.kind === "array") return compare(`${where}[]`, type.items, schema.items);
  if (type.kind === "union" && schema.kind === "union") {
    if (type.members.map((m) => m.kind).join() !== schema.members.map((m) => m.kind).join())
      return [`${where}: the type is ${describeShape(type)}, the schema ${describeShape(schema)}`];
    return type.members.flatMap((m, i) => compare(where, m, schema.members[i] as Shape));
  }
  if (type.kind !== "object" || schema.kind !== "object") return [];
  const out: string[] = [];
  for (const [name, t] of type.properties) {
    const s = schema.properties.get(name);
    if (!s) {
      out.push(`${where}.${name}: in the type, not in the schema`);
      continue;
    }
    if (t.optional !== s.optional)
      out.push(
        `${where}.${name}: ${t.optional ? "optional" : "required"} in the type, ${s.optional ? "optional" : "required"} in the schema`,
      );
    out.push(...compare(`${where}.${name}`, t.shape, s.shape));
  }
  for (const name of schema.properties.keys()) if (!type.properties.has(name)) out.push(`${where}.${name}: in the schema, not in the type`);
  if (schema.additional === false && type.additional !== false) out.push(`${where}: the type allows other keys, the schema none`);
  if (schema.additional !== undefined && schema.additional !== false) {
    if (type.additional === false || type.additional === undefined)
      out.push(`${where}: the schema allows other keys (${describeShape(schema.additional)}), the type none`);
    else out.push(...compare(`${where}[key]`, type.additional, schema.additional));
  }
  return out;
}

function mismatches(program: ts.Program, file: string, name: string, schema: JsonObject): string[] {
  return compare(name, typeShape(program.getTypeChecker(), interfaceType(program, file, name)), schemaShape(schema, schema));
}

// ---- The tests ----

const program = createProgram();
const documentSchema = readSchema("samverkansdokument.schema.json");
const configSchema = readSchema("samdok-config.schema.json");

describe("the hand-written types agree with schemas/", () => {
  it("SamDoc (core/document.ts) with samverkansdokument.schema.json", () => {
    expect(mismatches(program, DOCUMENT_TS, "SamDoc", documentSchema)).toEqual([]);
  });

  it("SamdokConfig (core/config-model.ts) with samdok-config.schema.json", () => {
    expect(mismatches(program, CONFIG_TS, "SamdokConfig", configSchema)).toEqual([]);
  });
});

describe("the comparison finds a mismatch", () => {
  /** A deep copy of a schema, changed by `change`. */
  const altered = (schema: JsonObject, change: (copy: JsonObject) => void): JsonObject => {
    const copy = structuredClone(schema);
    change(copy);
    return copy;
  };
  const at = (node: Json | undefined, ...keys: string[]): JsonObject => {
    let n = node;
    for (const k of keys) n = isObject(n) ? n[k] : undefined;
    if (!isObject(n)) throw new Error(`no ${keys.join(".")} in the schema`);
    return n;
  };

  it("in a copy of the schemas: a property, a required one, an enum, a kind, a nested one and a map", () => {
    const doc = (change: (copy: JsonObject) => void) => mismatches(program, DOCUMENT_TS, "SamDoc", altered(documentSchema, change));
    const config = (change: (copy: JsonObject) => void) => mismatches(program, CONFIG_TS, "SamdokConfig", altered(configSchema, change));
    expect(doc((s) => void (at(s, "properties").ny_egenskap = { type: "string" }))).toEqual([
      "SamDoc.ny_egenskap: in the schema, not in the type",
    ]);
    expect(doc((s) => void delete at(s, "properties").nyckelord)).toEqual(["SamDoc.nyckelord: in the type, not in the schema"]);
    expect(doc((s) => void (s.required as string[]).push("diarienummer"))).toEqual([
      "SamDoc.diarienummer: optional in the type, required in the schema",
    ]);
    expect(doc((s) => void (at(s, "properties", "status").enum as string[]).push("arkiverad"))).toEqual([
      'SamDoc.status: the type allows "utkast" | "remiss" | "fastställd" | "upphävd", the schema "utkast" | "remiss" | "fastställd" | "upphävd" | "arkiverad"',
    ]);
    expect(doc((s) => void (at(s, "properties", "titel").type = "number"))).toEqual([
      "SamDoc.titel: the type is string, the schema number",
    ]);
    expect(doc((s) => void (at(s, "properties", "antaganden", "items").required as string[]).pop())).toEqual([
      "SamDoc.antaganden[].version: required in the type, optional in the schema",
    ]);
    expect(doc((s) => void ((at(s, "properties", "dokumentansvarig").anyOf as Json[])[1] = { type: "number" }))).toEqual([
      "SamDoc.dokumentansvarig: the type is string[] | string, the schema number | string",
    ]);
    expect(doc((s) => void delete at(s, "properties", "remiss", "properties").instanser)).toEqual([
      "SamDoc.remiss.instanser: in the type, not in the schema",
    ]);
    expect(config((s) => void (at(s, "$defs", "dokumenttyp").enum as string[]).push("plan"))).toEqual([
      "SamdokConfig.revisionsintervall.plan: in the schema, not in the type",
      "SamdokConfig.obligatoriska_rubriker.plan: in the schema, not in the type",
    ]);
    expect(config((s) => void (at(s, "properties", "regler", "additionalProperties").enum = ["off", "error"]))).toEqual([
      'SamdokConfig.regler[key]: the type allows "error" | "warning" | "off", the schema "off" | "error"',
    ]);
  });

  it("in a copy of document.ts held in memory (the file itself untouched)", () => {
    const text = readFileSync(DOCUMENT_TS, "utf8");
    const edit = (from: RegExp, to: string): string[] => {
      if (!from.test(text)) throw new Error(`${from} is no longer in document.ts: change this test with it`);
      const copy = createProgram(new Map([[DOCUMENT_TS, text.replace(from, to)]]));
      return mismatches(copy, DOCUMENT_TS, "SamDoc", documentSchema);
    };
    expect(edit(/\bnyckelord\?:/, "nyckelord:")).toEqual(["SamDoc.nyckelord: required in the type, optional in the schema"]);
    expect(edit(/\n\s*diarienummer\?: string;(?=\n\s*antaganden)/, "")).toEqual(["SamDoc.diarienummer: in the schema, not in the type"]);
    expect(edit(/\n(\s*)ersatts_av\?: string;/, "\n$1ersatts_av?: string;\n$1ersatts_datum?: string;")).toEqual([
      "SamDoc.ersatts_datum: in the type, not in the schema",
    ]);
    expect(edit(/\| "upphävd"/, '| "upphavd"')).toEqual([
      'SamDoc.status: the type allows "utkast" | "remiss" | "fastställd" | "upphavd", the schema "utkast" | "remiss" | "fastställd" | "upphävd"',
    ]);
  });
});
