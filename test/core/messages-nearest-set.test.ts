/**
 * With no path named, samdok reads the set nearest the working folder, found
 * as git finds its repository (issue 17): from the repository's root, from
 * `documents/`, from inside `documents/sormland` or a folder under it. When
 * there is none, the message lists each folder searched and says what to do;
 * a path that does not exist names the nearest set rather than an example
 * that cannot work there.
 *
 * Each scenario is a temporary folder with a `.git` folder at its top, which
 * ends the walk as a repository's top does.
 */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nearestSet } from "../../src/core/pipeline/discover.js";
import { FIXTURES, runCli, validateJson } from "../helpers/cli.js";

let repo: string;
let empty: string;

beforeAll(() => {
  repo = realpathSync(mkdtempSync(path.join(os.tmpdir(), "samdok-nearest-")));
  mkdirSync(path.join(repo, ".git"));
  cpSync(path.join(FIXTURES, "valid-minimal"), path.join(repo, "documents", "sormland"), { recursive: true });
  cpSync(path.join(FIXTURES, "due-broken"), path.join(repo, "documents", "orebro"), { recursive: true });
  mkdirSync(path.join(repo, "documents", "sormland", "bilagor"));
  mkdirSync(path.join(repo, "verktyg", "skript"), { recursive: true });
  empty = realpathSync(mkdtempSync(path.join(os.tmpdir(), "samdok-nearest-empty-")));
  mkdirSync(path.join(empty, ".git"));
  mkdirSync(path.join(empty, "anteckningar"));
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

describe("nearestSet", () => {
  it("finds documents/ from the repository's root and from a folder beside it", () => {
    expect(nearestSet(repo).found).toBe(path.join(repo, "documents"));
    expect(nearestSet(path.join(repo, "verktyg", "skript"))).toEqual({
      found: path.join(repo, "documents"),
      searched: [path.join(repo, "verktyg", "skript"), path.join(repo, "verktyg"), repo],
    });
  });

  it("finds the set itself from inside it, or from a folder under it", () => {
    expect(nearestSet(path.join(repo, "documents", "sormland")).found).toBe(path.join(repo, "documents", "sormland"));
    expect(nearestSet(path.join(repo, "documents", "sormland", "bilagor")).found).toBe(path.join(repo, "documents", "sormland"));
  });

  it("finds the folder of several sets from documents/", () => {
    expect(nearestSet(path.join(repo, "documents")).found).toBe(path.join(repo, "documents"));
  });

  it("stops at the repository's top", () => {
    expect(nearestSet(path.join(empty, "anteckningar"))).toEqual({ searched: [path.join(empty, "anteckningar"), empty] });
  });
});

describe("commands without a path", () => {
  it("validate from inside documents/sormland reads that set and says so", async () => {
    const { code, report, stderr } = await validateJson([], { cwd: path.join(repo, "documents", "sormland") });
    expect(code).toBe(0);
    expect(report.summary.files).toBe(1);
    expect(stderr).toContain("samdok: ingen sökväg angavs; läser samlingen i . (den närmaste med samdok.config.json).");
  });

  it("validate from a folder under the set reads the set", async () => {
    const { report, stderr } = await validateJson([], { cwd: path.join(repo, "documents", "sormland", "bilagor") });
    expect(report.summary.files).toBe(1);
    expect(stderr).toContain("läser samlingen i ..");
  });

  it("validate from the repository's root reads documents/, and says nothing about it", async () => {
    const { report, stderr } = await validateJson([], { cwd: repo });
    expect(report.summary.files).toBe(3);
    expect(stderr).not.toContain("ingen sökväg angavs");
  });

  it("due from a folder beside documents/ reads ../../documents, in English too", async () => {
    const r = await runCli(["--lang", "en", "due", "--format", "json"], { cwd: path.join(repo, "verktyg", "skript") });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("samdok: no path given; reading the set in ../../documents (the nearest with samdok.config.json).");
    expect(r.stderr).toContain("1 document was left out");
  });

  it("outside any set: each folder searched, and what to do, with the command's own name", async () => {
    const r = await runCli(["due"], { cwd: path.join(empty, "anteckningar") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "samdok: Hittade ingen samling att läsa. Ingen sökväg angavs, och ingen av de här mapparna har en samdok.config.json eller en mapp documents/ med en:\n" +
        `  ${path.join(empty, "anteckningar")}\n  ${empty}\n` +
        "Gå till dokumentarkivet (cd sökväg/till/arkivet) och kör samdok due där, ange samlingens mapp (samdok due sökväg/till/samlingen), " +
        "eller skapa ett nytt dokumentarkiv med samdok init.\n",
    );
  });

  it("validate, build and report name themselves in that message", async () => {
    for (const command of ["validate", "build", "report"]) {
      const r = await runCli([command], { cwd: empty });
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain(`ange samlingens mapp (samdok ${command} sökväg/till/samlingen)`);
    }
  });

  it("a path that does not exist names the nearest set instead of an example that cannot work", async () => {
    const r = await runCli(["validate", "documents"], { cwd: path.join(repo, "documents", "sormland") });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `samdok: Sökvägen "documents" finns inte i ${path.join(repo, "documents", "sormland")}. Ange en mapp eller en .md-fil som finns. ` +
        "Närmaste samling härifrån är .: ange den, eller ange ingen sökväg alls.\n",
    );
  });

  it("a documents/ without a configuration is still read, so that the message names the document without one", async () => {
    const bare = realpathSync(mkdtempSync(path.join(os.tmpdir(), "samdok-nearest-bare-")));
    try {
      mkdirSync(path.join(bare, ".git"));
      mkdirSync(path.join(bare, "documents"));
      cpSync(path.join(FIXTURES, "valid-minimal", "rutin-utskrivning.md"), path.join(bare, "documents", "rutin.md"));
      const r = await runCli(["validate", "--no-cache"], { cwd: bare });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("samdok: Hittade ingen samdok.config.json för documents/rutin.md.");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
