import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { integrityRules } from "../../src/rules/integrity.js";
import { REPO } from "../helpers/cli.js";

describe("the integrity rules' registry", () => {
  it("registers every rule file sd1NN-*.ts, each once, under its file's id and slug", () => {
    const files = readdirSync(path.join(REPO, "src/rules"))
      .filter((f) => /^sd1\d\d-.*\.ts$/.test(f))
      .sort();
    const expected = files.map((f) => {
      const m = /^sd(1\d\d)-(.*)\.ts$/.exec(f);
      return `SD${m?.[1] ?? ""} ${m?.[2] ?? ""}`;
    });
    expect(integrityRules.map((r) => `${r.id} ${r.name}`).sort()).toEqual(expected);
  });

  it.each(integrityRules.map((r) => [r.id, r] as const))("%s has metadata in Swedish and English", (_id, rule) => {
    expect(rule.id).toMatch(/^SD1\d\d$/);
    expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(rule.description.sv.length).toBeGreaterThan(20);
    expect(rule.description.en.length).toBeGreaterThan(20);
    expect(rule.description.sv).not.toContain("\n");
    expect(rule.docs?.sv.length ?? 0).toBeGreaterThan(40);
    expect(rule.docs?.en.length ?? 0).toBeGreaterThan(40);
    expect(["error", "warning"]).toContain(rule.defaultSeverity);
  });
});
