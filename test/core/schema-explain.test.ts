/**
 * The fallback of the schema explanation: a keyword our schemas do not use
 * today (multipleOf) is explained with Ajv's own words, in Swedish through
 * ajv-i18n. Vitest gives ES modules a `require`; plain Node does not, so the
 * built module is run in Node as well (build/ is made by the global setup).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/core/schema.js";
import { schemaDiagnostics } from "../../src/core/schema-explain.js";
import { parseFrontMatter } from "../../src/core/front-matter.js";

const SCHEMA = { type: "object", properties: { antal: { type: "integer", multipleOf: 5 } } };

describe("schemaDiagnostics for a keyword without a template of its own", () => {
  const validate = createAjv().compile(SCHEMA);
  const split = parseFrontMatter("---\nantal: 7\n---\n");
  if (!split.ok) throw new Error("front matter did not parse");
  const run = (lang: "sv" | "en") =>
    schemaDiagnostics({
      validate,
      data: split.value.data,
      positions: split.value.positions,
      file: "x.md",
      lang,
      ruleId: "SD005",
      ruleName: "schema",
    });

  it("says it in Swedish with ajv-i18n, at the value", () => {
    const [d] = run("sv");
    expect(d).toMatchObject({ line: 2, column: 8, ruleId: "SD005" });
    expect(d?.message).toMatch(/antal/);
    expect(d?.message).toMatch(/multipel av 5/);
  });

  it("and in English with Ajv's own words", () => {
    expect(run("en")[0]?.message).toMatch(/must be multiple of 5/);
  });

  it("works the same from build/ in plain Node", () => {
    const build = (p: string): string => fileURLToPath(new URL(`../../build/core/${p}`, import.meta.url));
    const script = `
      const { createAjv } = await import(${JSON.stringify(build("schema.js"))});
      const { schemaDiagnostics } = await import(${JSON.stringify(build("schema-explain.js"))});
      const { parseFrontMatter } = await import(${JSON.stringify(build("front-matter.js"))});
      const split = parseFrontMatter("---\\nantal: 7\\n---\\n");
      const [d] = schemaDiagnostics({ validate: createAjv().compile(${JSON.stringify(SCHEMA)}), data: split.value.data, positions: split.value.positions, file: "x.md", lang: "sv", ruleId: "SD005", ruleName: "schema" });
      process.stdout.write(d.message);`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/multipel av 5/);
  });
});
