/**
 * Pull requests whose own damage lies in documents they did not touch, found
 * by an attack on issue 17's summary of untouched documents. Each must fail
 * and be annotated: a deleted picture that a document shows (SD134), a
 * picture replaced by a link out of the root (SD009), a document moved out
 * of every set (SD306, and SD133 on the documents that link it), and one
 * moved into another set (SD133 on the old set's documents).
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO, runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const ROUTINE = "documents/orebro/rutin-halsoframjande-samtal.md";
const PICTURE = "documents/orebro/bild.png";

/** documents/ on main, with a picture that the routine shows; a branch `pr` to change. */
function repository(): ReturnType<typeof makeRepo> {
  const repo = makeRepo(path.join(REPO, "documents"));
  made.push(repo.dir);
  writeFileSync(path.join(repo.dir, PICTURE), Buffer.from("89504e470d0a1a0a", "hex"));
  const routine = path.join(repo.dir, ROUTINE);
  writeFileSync(routine, `${readFileSync(routine, "utf8").trimEnd()}\n\n![Bild på ett samtal](bild.png)\n`);
  repo.commit("Samlingen med en bild", "2026-11-01");
  repo.git(["checkout", "-q", "-b", "pr"]);
  return repo;
}

async function pullRequest(dir: string) {
  const r = await runCli(["validate", "documents", "--changed-since", "main", "--format", "github", "--no-cache"], { cwd: dir });
  const annotated = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("::error"))
    .map((l) => /title=(SD\d+)/.exec(l)?.[1] ?? l);
  return { code: r.code, annotated, stdout: r.stdout };
}

describe("a pull request cannot hide its damage in documents it did not touch", () => {
  it("deleting a picture that a document shows fails with SD134 on that document", async () => {
    const repo = repository();
    repo.git(["rm", "-q", PICTURE]);
    repo.commit("Bilden borttagen", "2026-11-02");
    const pr = await pullRequest(repo.dir);
    expect(pr.code).toBe(1);
    expect(pr.annotated).toEqual(["SD134"]);
    expect(pr.stdout).toContain(`file=${ROUTINE}`);
  });

  it("replacing the picture with a link out of the root fails with SD009", async () => {
    const repo = repository();
    rmSync(path.join(repo.dir, PICTURE));
    const outside = mkdtempSync(path.join(os.tmpdir(), "samdok-outside-"));
    made.push(outside);
    writeFileSync(path.join(outside, "hemlig.png"), "x");
    symlinkSync(path.join(outside, "hemlig.png"), path.join(repo.dir, PICTURE));
    repo.commit("Bilden en länk", "2026-11-02");
    const pr = await pullRequest(repo.dir);
    expect(pr.code).toBe(1);
    expect(pr.annotated).toContain("SD009");
  });

  it("moving a document out of every set fails: SD306, and SD133 on the documents that link it", async () => {
    const repo = repository();
    mkdirSync(path.join(repo.dir, "arkiv"));
    repo.git(["mv", ROUTINE, "arkiv/rutin-halsoframjande-samtal.md"]);
    repo.commit("Flyttad till arkiv", "2026-11-02");
    const pr = await pullRequest(repo.dir);
    expect(pr.code).toBe(1);
    expect(pr.annotated).toContain("SD306");
    expect(pr.annotated.filter((a) => a === "SD133").length).toBeGreaterThan(0);
  });

  it("moving a document into another set fails with SD133 on the documents of the old set that link it", async () => {
    const repo = repository();
    cpSync(path.join(repo.dir, PICTURE), path.join(repo.dir, "documents/sormland/bild.png"));
    repo.git(["mv", ROUTINE, "documents/sormland/rutin-halsoframjande-samtal.md"]);
    repo.commit("Flyttad till Sörmland", "2026-11-02");
    const pr = await pullRequest(repo.dir);
    expect(pr.code).toBe(1);
    expect(pr.stdout).toMatch(/::error file=documents\/orebro\/[^,]+,.*title=SD133/);
  });
});
