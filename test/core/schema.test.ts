import { describe, expect, it } from "vitest";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { FIXTURES, REPO, validateJson } from "../helpers/cli.js";
import { createAjv, documentSchema, configSchema } from "../../src/core/schema.js";

describe("schemas", () => {
  it("every schema in schemas/ compiles in strict mode", () => {
    const dir = path.join(REPO, "schemas");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const schema = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<string, unknown>;
      expect(schema.$id, f).toMatch(/^https:\/\/samdok\.se\/schemas\/.+\/\d+\.\d+\.\d+$/);
      expect(() => createAjv().compile(schema), f).not.toThrow();
    }
  });

  it("every property has a Swedish title and description, and an English one", () => {
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== "object") return;
      const props = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
      if (props) {
        for (const [key, value] of Object.entries(props)) {
          if (!value.$ref || value.title) {
            expect(value.title, `${where}/${key} title`).toBeTypeOf("string");
            expect(value.description, `${where}/${key} description`).toBeTypeOf("string");
            expect((value["x-en"] as { title?: string } | undefined)?.title, `${where}/${key} x-en`).toBeTypeOf("string");
          }
          walk(value, `${where}/${key}`);
        }
      }
      for (const k of ["items", "$defs"]) {
        const child = (node as Record<string, unknown>)[k];
        if (k === "$defs" && child) for (const [n, v] of Object.entries(child as object)) walk(v, `${where}/$defs/${n}`);
        else walk(child, `${where}/${k}`);
      }
    };
    walk(documentSchema(), "dokument");
    walk(configSchema(), "konfiguration");
  });

  it("the sample configurations validate", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = createAjv().compile(configSchema());
    void ajv;
    for (const set of ["sormland", "orebro"]) {
      const config = JSON.parse(readFileSync(path.join(REPO, "documents", set, "samdok.config.json"), "utf8"));
      expect(validate(config), `${set}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

describe("schema findings are located and explained", () => {
  it("points every error at the key or value to fix", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "schema-errors")]);
    const d = report.results[0]?.diagnostics ?? [];
    const at = (line: number, column: number) => d.filter((x) => x.line === line && x.column === column).map((x) => x.message);
    // version: 1.10 is a number: quote it, keeping the digits the user wrote
    expect(at(6, 10)).toEqual([expect.stringContaining('`"1.10"`')]);
    // a municipality code written without quotes
    expect(at(8, 23)).toEqual([expect.stringContaining('`"0480"`')]);
    // a date that does not exist
    expect(at(10, 19)[0]).toMatch(/februari 2025 har 28 dagar/);
    // giltig_till must be a date or "tills vidare"
    expect(at(12, 14)[0]).toMatch(/tills vidare/);
    // misspelt key, with a suggestion
    expect(at(13, 1)[0]).toMatch(/Menade du `revideras_senast`/);
    // the missing decision fields point at `status`, which requires them
    const atStatus = at(5, 1).join("\n");
    expect(atStatus).toMatch(/`faststalld_av`.*fastställt dokument/);
    expect(atStatus).toMatch(/`revideras_senast`/);
    // a history entry without a date points at the entry
    expect(d.find((x) => x.message.includes("`datum`"))).toMatchObject({ line: 15, column: 5 });
    for (const x of d) expect(x.ruleId).toBe("SD005");
  });

  it("an agreement needs at least two parties", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "schema-agreement")]);
    const d = report.results[0]?.diagnostics.filter((x) => x.ruleId === "SD005") ?? [];
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 8, column: 1 });
    expect(d[0]?.message).toMatch(/minst 2 värden.*överenskommelse/);
  });

  it("speaks English with --lang en", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "schema-errors")], { extra: ["--lang", "en"] });
    const messages = report.results[0]?.diagnostics.map((x) => x.message).join("\n") ?? "";
    expect(messages).toMatch(/Did you mean `revideras_senast`/);
    expect(messages).toMatch(/February 2025 has 28 days/);
    expect(messages).not.toMatch(/saknas|Menade/);
  });
});
