import { describe, expect, it } from "vitest";
import { validateJson } from "../helpers/cli.js";

describe("the sample document sets in documents/", () => {
  it("validate with no errors", async () => {
    const { code, report } = await validateJson(["documents"]);
    const errors = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => d.severity === "error").map((d) => `${r.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    );
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(report.summary.files).toBeGreaterThanOrEqual(19);
  });

  it("Sörmland has at least 12 documents across both tracks, Örebro at least 5", async () => {
    const { report } = await validateJson(["documents"]);
    const sormland = report.results.filter((r) => r.file.startsWith("documents/sormland/"));
    const orebro = report.results.filter((r) => r.file.startsWith("documents/orebro/"));
    expect(sormland.length).toBeGreaterThanOrEqual(12);
    expect(orebro.length).toBeGreaterThanOrEqual(5);
  });

  it("carries LIX figures for every document", async () => {
    const { report } = await validateJson(["documents"]);
    for (const r of report.results) {
      expect(r.lix?.value, r.file).toBeGreaterThan(10);
      expect(r.lix?.sections.length, r.file).toBeGreaterThan(0);
    }
  });

  it("contains no personal names' e-mail addresses or phone numbers", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const path = await import("node:path");
    for (const set of ["sormland", "orebro"]) {
      const dir = path.join("documents", set);
      for (const f of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, f), "utf8");
        expect(text, f).not.toMatch(/\b[a-zåäö]+\.[a-zåäö]+@/i);
        expect(text, f).not.toMatch(/\b0\d{1,3}[- ]\d{2,3}[ ]?\d{2}[ ]?\d{2}\b/);
      }
    }
  });
});
