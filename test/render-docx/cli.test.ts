/** `samdok build --format docx` through the CLI (in-process, fixed clock). */
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { fixture, tempDir, removeTempDirs } from "./helpers.js";

afterAll(removeTempDirs);

describe("samdok build --format docx", () => {
  it("writes the consolidated edition and, with --per-document, one file per document", async () => {
    const out = tempDir();
    const r = await runCli(["build", "--format", "docx", fixture("docx-allt"), "--out", out, "--per-document"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // .samdok-docx.txt lists the files written, so the next build can remove those no longer in the edition.
    expect(readdirSync(out).sort()).toEqual([
      ".samdok-docx.txt",
      "riktlinje-mal.docx",
      "rutin-allt.docx",
      "rutin-kort.docx",
      "samlad-utgava.docx",
    ]);
    expect(r.stdout).toMatch(/^Utgåva 2026-11-23.*: 3 dokument, 4 filer i /);
  });

  it("refuses a set with errors and writes nothing (exit 1)", async () => {
    const out = tempDir();
    const r = await runCli(["build", "--format", "docx", fixture("docx-fel"), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Utgåvan publiceras inte: samlingen har 1 fel/);
    expect(existsSync(path.join(out, "samlad-utgava.docx"))).toBe(false);
  });

  it("reports a template that is not a Word file as a usage error (exit 2), without a stack trace", async () => {
    const out = tempDir();
    const bad = path.join(out, "mall.dotx");
    writeFileSync(bad, "inte en zip-fil");
    const r = await runCli(["build", "--format", "docx", fixture("docx-allt"), "--out", out, "--template", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Mallen mall\.dotx är ingen Word-fil/);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(existsSync(path.join(out, "samlad-utgava.docx"))).toBe(false);
  });
});
