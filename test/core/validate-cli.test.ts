import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, runCli, validateJson } from "../helpers/cli.js";

describe("samdok validate", () => {
  it("passes a valid document with exit 0", async () => {
    const { code, report } = await validateJson([path.join(FIXTURES, "valid-minimal")]);
    expect(report.summary.errors).toBe(0);
    expect(report.results).toHaveLength(1);
    expect(code).toBe(0);
  });

  it("exits 2 for a usage error, never 1", async () => {
    const r = await runCli(["validate", "--format", "nonsense"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nonsense/);
  });
});
