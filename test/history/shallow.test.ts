/**
 * A shallow clone (actions/checkout's default depth) holds only the last
 * commit: the version still in force of a document in progress is not there.
 * due says so on stderr instead of silently leaving out its revision date;
 * with the whole history the item is there.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date("2026-12-02T09:00:00Z");

describe("due in a shallow clone", () => {
  it("says that the version in force of a document in progress could not be read, and reads it with the whole history", async () => {
    const repo = makeRepo(path.join(FIXTURES, "revisionsrunda"));
    made.push(repo.dir);
    repo.commit("2.0", "2026-08-01");
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start", "--major"], { cwd: repo.dir, now: NOW })).code).toBe(0);
    repo.commit("3.0 utkast", "2026-09-01");
    const shallow = `${repo.dir}-grund`;
    made.push(shallow);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, shallow], { stdio: "ignore" });

    const full = await runCli(["due", "documents", "--format", "json", "--within", "3000d"], { cwd: repo.dir, now: NOW });
    expect(full.stderr).toBe("");
    const kinds = (out: string) =>
      (JSON.parse(out) as { items: { id: string; kind: string }[] }).items
        .filter((i) => i.id === "overenskommelse-hemgang")
        .map((i) => i.kind);
    expect(kinds(full.stdout)).toContain("revision");

    const cut = await runCli(["due", "documents", "--format", "json", "--within", "3000d"], { cwd: shallow, now: NOW });
    expect(cut.code).toBe(0);
    expect(cut.stderr).toContain("grund klon");
    expect(cut.stderr).toContain("fetch-depth: 0");
    expect(kinds(cut.stdout)).not.toContain("revision");
  });
});
