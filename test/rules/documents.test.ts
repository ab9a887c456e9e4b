/**
 * The real sample sets pass every rule without errors. (Warnings are allowed:
 * the sample sets deliberately hold documents whose revision is overdue.)
 */
import { describe, expect, it } from "vitest";
import { validateJson } from "../helpers/cli.js";

describe("the sample sets in documents/", () => {
  it("have no errors", async () => {
    const { report } = await validateJson(["documents"]);
    const errors = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => d.severity === "error").map((d) => `${r.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    );
    expect(errors).toEqual([]);
    expect(report.results.length).toBeGreaterThan(10);
  });
});
