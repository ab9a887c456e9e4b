/**
 * `samdok build --redline REF` through the CLI (in-process, fixed clock):
 * both editions are built and the summary line says what changed; a bad
 * REF and sources outside git are usage errors (exit 2, no stack trace);
 * two builds of the same sources are alike byte for byte.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const FIXTURE = path.join(FIXTURES, "redline-samling");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** v1, then a paragraph changed, a document added and one deleted. */
function edited(): TestRepo {
  const r = makeRepo(FIXTURE);
  made.push(r.dir);
  r.commit("1.0 fastställd", "2025-02-27");
  r.git(["tag", "v1"]);
  const docs = path.join(r.dir, "documents");
  const hemgang = path.join(docs, "rutin-hemgang.md");
  writeFileSync(hemgang, readFileSync(hemgang, "utf8").replace("inom ett dygn", "inom två dygn"));
  writeFileSync(
    path.join(docs, "rutin-ny.md"),
    readFileSync(path.join(docs, "rutin-larm.md"), "utf8").replace("id: rutin-larm", "id: rutin-ny").replace("trygghetslarm", "hembesök"),
  );
  unlinkSync(path.join(docs, "rutin-lakemedel.md"));
  r.commit("ändringar", "2026-11-20");
  return r;
}

const build = (r: TestRepo, out: string, extra: string[]) =>
  runCli(["build", "documents", "--out", out, "--no-cache", ...extra], { cwd: r.dir, env: { SOURCE_DATE_EPOCH: "1795420800" } });

/** Every file of a folder (names and bytes), for comparing two builds. */
function contents(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!name.isFile()) continue;
    const full = path.join(name.parentPath, name.name);
    out[path.relative(dir, full)] = readFileSync(full).toString("base64");
  }
  return out;
}

describe("samdok build --redline", () => {
  it("builds both editions against a tag and says how many documents changed, came and went", async () => {
    const r = edited();
    const res = await build(r, "dist", ["--format", "html,docx", "--redline", "v1"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const v1 = r.git(["rev-parse", "v1"]).trim().slice(0, 12);
    expect(res.stdout).toMatch(
      new RegExp(`^Utgåva 2026-11-23 .*: 5 dokument, .*; ändringar sedan v1 \\(${v1}\\): 1 ändrat, 1 nytt, 1 borttaget eller upphävt\\n$`),
    );
    const files = readdirSync(path.join(r.dir, "dist"));
    expect(files).toContain("samlad-utgava.docx");
    expect(files).toContain("index.html");
  });

  it("says it in English with --lang en", async () => {
    const r = edited();
    const res = await build(r, "dist", ["--format", "html", "--redline", "v1", "--lang", "en"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/; changes since v1 \([0-9a-f]{12}\): 1 changed, 1 new, 1 removed or repealed\n$/);
  });

  it("writes the same bytes twice", async () => {
    const r = edited();
    const a = await build(r, "a", ["--format", "html,docx", "--per-document", "--redline", "v1"]);
    const b = await build(r, "b", ["--format", "html,docx", "--per-document", "--redline", "v1"]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(contents(path.join(r.dir, "b"))).toEqual(contents(path.join(r.dir, "a")));
  });

  it("refuses a REF git does not know (exit 2), naming it, without a stack trace or an edition", async () => {
    const r = edited();
    const res = await build(r, "dist", ["--format", "docx", "--redline", "v9"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('"v9" är ingen version i git här');
    expect(res.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(readdirSync(r.dir)).not.toContain("dist");
  });

  it("refuses sources outside git (exit 2)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-utan-git-"));
    made.push(dir);
    cpSync(FIXTURE, path.join(dir, "documents"), { recursive: true });
    const res = await runCli(["build", "documents", "--out", "dist", "--no-cache", "--redline", "in-force"], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--redline in-force jämför med en version i git, men .* ligger inte i något git-arkiv/);
    expect(res.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("documents the flag in the command's help, with an example", async () => {
    const res = await runCli(["build", "--help"]);
    expect(res.stdout).toContain("--redline <ref>");
    expect(res.stdout).toContain("samdok build --format docx,html --redline v1.0 --out andringar");
  });
});
