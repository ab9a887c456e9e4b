/**
 * A set with a configuration and no document yet (right after `samdok init`)
 * is checked all the same: a configuration full of ÄNDRA: placeholders is an
 * error, not "✔ Inga problem i 0 filer" (issue 17).
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("a fresh repository from samdok init, before any document", () => {
  it("validate names each placeholder and fails, with a folder named and with none", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-empty-set-"));
    made.push(dir);
    expect((await runCli(["init", "."], { cwd: dir })).code).toBe(0);
    for (const argv of [["validate", "documents"], ["validate"]]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(" ")).toBe(2);
      const out = r.stdout + r.stderr;
      expect(out).toContain("documents/samdok.config.json");
      expect(out).toContain("ÄNDRA:");
      expect(out).not.toContain("Inga problem");
    }
  });
});
