/**
 * The fallback of the schema explanation: a keyword our schemas do not use
 * today (multipleOf) is explained with Ajv's own words, in Swedish through
 * ajv-i18n, which schema-explain.ts loads with its own `require`.
 */
import { describe, expect, it } from "vitest";
import { createAjv } from "../../src/core/schema.js";
import { schemaDiagnostics } from "../../src/core/schema-explain.js";
import { parseFrontMatter } from "../../src/core/front-matter.js";

describe("schemaDiagnostics for a keyword without a template of its own", () => {
  const validate = createAjv().compile({ type: "object", properties: { antal: { type: "integer", multipleOf: 5 } } });
  const split = parseFrontMatter("---\nantal: 7\n---\n");
  if (!split.ok) throw new Error("front matter did not parse");
  const run = (lang: "sv" | "en") =>
    schemaDiagnostics({ validate, data: split.value.data, positions: split.value.positions, file: "x.md", lang, ruleId: "SD005", ruleName: "schema" });

  it("says it in Swedish with ajv-i18n, at the value", () => {
    const [d] = run("sv");
    expect(d).toMatchObject({ line: 2, column: 8, ruleId: "SD005" });
    expect(d?.message).toMatch(/antal/);
    expect(d?.message).toMatch(/multipel av 5/);
  });

  it("and in English with Ajv's own words", () => {
    expect(run("en")[0]?.message).toMatch(/must be multiple of 5/);
  });
});
