/**
 * `samdok history` as a coordinator runs it: the table with the version in
 * force marked, the JSON contract, a version's text with --show, and the
 * working copy alone outside git, with a notice.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A repository with rutin-hemgang 1.0 committed, then 1.1 (an editorial review) committed. */
function repository() {
  const repo = makeRepo(path.join(FIXTURES, "historik-rutin"));
  made.push(repo.dir);
  const v1 = repo.commit("1.0", "2024-02-29");
  return { repo, v1 };
}

const NOW = new Date("2026-12-02T09:00:00Z");

describe("samdok history", () => {
  it("prints the versions with the one in force marked, and a review recorded by revise --summary as a new version", async () => {
    const { repo, v1 } = repository();
    const r1 = await runCli(["revise", "rutin-hemgang", "--summary", "Granskad utan ändring."], { cwd: repo.dir, now: NOW });
    expect(r1.code).toBe(0);
    const v11 = repo.commit("Granskad", "2026-12-02");
    const table = await runCli(["history", "rutin-hemgang"], { cwd: repo.dir, now: NOW });
    expect(table.code).toBe(0);
    expect(table.stderr).toBe("");
    const lines = table.stdout.split("\n");
    expect(lines.find((l) => l.startsWith("1.0 "))).toContain(v1.slice(0, 12));
    expect(lines.find((l) => l.startsWith("1.1 "))).toMatch(new RegExp(`${v11.slice(0, 12)}.*← gäller 2026-12-02`));
    const json = JSON.parse((await runCli(["history", "rutin-hemgang", "--format", "json"], { cwd: repo.dir, now: NOW })).stdout);
    expect(json).toMatchObject({ id: "rutin-hemgang", file: "documents/rutin-hemgang.md", in_force: "1.1", git: true });
    expect(json.versions.map((v: { version: string; commit: string }) => [v.version, v.commit])).toEqual([
      ["1.0", v1],
      ["1.1", v11],
    ]);
    const asOf = JSON.parse(
      (await runCli(["history", "rutin-hemgang", "--format", "json", "--as-of", "2026-01-01"], { cwd: repo.dir, now: NOW })).stdout,
    );
    expect(asOf.in_force).toBe("1.0");
  });

  it("--show prints a version's text from git; an unknown version is a usage error naming the known ones", async () => {
    const { repo } = repository();
    const file = path.join(repo.dir, "documents", "rutin-hemgang.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace('version: "1.0"', 'version: "1.1"').replace("Version ett av rutinen.", "Ändrad text."));
    const shown = await runCli(["history", "documents/rutin-hemgang.md", "--show", "1.0"], { cwd: repo.dir, now: NOW });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe(original);
    const json = JSON.parse((await runCli(["history", "rutin-hemgang", "--format", "json"], { cwd: repo.dir, now: NOW })).stdout);
    expect(json.versions.at(-1)).toMatchObject({ version: "1.1", commit: null, working_copy: true });
    const unknown = await runCli(["history", "rutin-hemgang", "--show", "7.0"], { cwd: repo.dir, now: NOW });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("ingen version 7.0");
    expect(unknown.stderr).toContain("1.0, 1.1");
  });

  it("outside git: the working copy alone, with a notice on stderr", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-history-nogit-"));
    made.push(dir);
    cpSync(path.join(FIXTURES, "historik-rutin"), path.join(dir, "documents"), { recursive: true });
    const r = await runCli(["history", "rutin-hemgang", "--format", "json"], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("inte i ett git-arkiv");
    const json = JSON.parse(r.stdout);
    expect(json.git).toBe(false);
    expect(json.versions).toEqual([expect.objectContaining({ version: "1.0", commit: null, working_copy: true })]);
  });
});
