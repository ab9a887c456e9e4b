import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { REPO } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";
import { configSchema, createAjv, documentSchema, schemaHash } from "../../src/core/schema.js";
import { parseFrontMatter } from "../../src/core/front-matter.js";
import { normalizeText } from "../../src/core/read.js";

const require = createRequire(import.meta.url);
// Written by `npm run build`; test/global-setup.ts runs it first when build/ is missing or older than src/.
const BUILT = path.join(REPO, "build/core/validators.cjs");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && st.size < 1_000_000) out.push(p);
  }
  return out;
}

describe("the validators compiled by npm run build", () => {
  beforeAll(requireBuild);

  it("are made from the schemas as they are now", () => {
    expect((require(BUILT) as { schemaHash: string }).schemaHash).toBe(schemaHash());
  });

  it("give exactly the verdicts and errors of validators compiled at run time", () => {
    const built = require(BUILT) as { document: ValidateFunction; config: ValidateFunction };
    const ajv = createAjv();
    const runtime = { document: ajv.compile(documentSchema()), config: ajv.compile(configSchema()) };
    const files = [...walk(path.join(REPO, "documents")), ...walk(path.join(REPO, "test/fixtures"))];
    const cases: { kind: "document" | "config"; data: unknown; name: string }[] = [
      { kind: "document", data: {}, name: "empty" },
      { kind: "document", data: { id: 5, status: "faststäld", version: 1.1, parter: "0480", giltig_fran: "2026-02-30" }, name: "wrong" },
      { kind: "config", data: { region: 3 }, name: "wrong config" },
    ];
    for (const file of files) {
      if (file.endsWith(".md")) {
        const split = parseFrontMatter(normalizeText(readFileSync(file, "utf8")));
        if (split.ok) cases.push({ kind: "document", data: split.value.data, name: file });
      } else if (path.basename(file) === "samdok.config.json") {
        try {
          cases.push({ kind: "config", data: JSON.parse(readFileSync(file, "utf8")), name: file });
        } catch {
          // a broken configuration fixture: not JSON at all
        }
      }
    }
    let invalid = 0;
    for (const c of cases) {
      const a = built[c.kind];
      const b = runtime[c.kind];
      const verdict = a(c.data);
      expect(verdict, c.name).toBe(b(c.data));
      expect(a.errors ?? null, c.name).toEqual(b.errors ?? null);
      if (!verdict) invalid++;
    }
    expect(cases.length).toBeGreaterThan(60);
    expect(invalid).toBeGreaterThan(5);
  });
});
