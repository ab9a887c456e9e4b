/**
 * `due`, `report` and the editing commands read front matter only (the
 * store's front-matter stage). A document whose front matter is fine but
 * whose body is over the parser's limits (limits.ts) is therefore on the due
 * list; `revise` and `followup`, which validate the whole document, refuse it
 * with the same words as a document whose front matter has errors, and
 * write nothing.
 */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli } from "../helpers/cli.js";

const FIXTURE = path.join(FIXTURES, "limits-body-too-deep");

function copy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-limits-"));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe("a document whose body is over the limits", () => {
  it("is on the due list: its front matter is all due reads", async () => {
    const r = await runCli(["due", ".", "--as-of", "2026-12-01", "--format", "json"], { cwd: FIXTURE });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const items = (JSON.parse(r.stdout) as { items: { id: string; kind: string }[] }).items;
    expect(items).toContainEqual(expect.objectContaining({ id: "rutin-djup", kind: "follow-up" }));
  });

  for (const argv of [
    ["revise", "rutin-djup", "--summary", "Granskad.", "--in", "."],
    ["followup", "rutin-djup", "--result", "Klart.", "--in", "."],
  ]) {
    it(`${argv[0]} says the document has errors to fix first, and writes nothing`, async () => {
      const dir = copy();
      const file = path.join(dir, "rutin-djup.md");
      const before = readFileSync(file);
      const r = await runCli(argv, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("rutin-djup.md kan inte läsas eller har fel i YAML-huvudet. Rätta felen först");
      expect(r.stderr).not.toMatch(/ändrades medan/);
      expect(readFileSync(file).equals(before)).toBe(true);
    });
  }
});
