/**
 * A document's versions from git (core/history): one record per version,
 * followed through renames, read with one git log; and which version is in
 * force on a date, including leap days and a version decided but repealed
 * before it came into force.
 */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";
import { loadTimelines, versionsOf } from "../../src/core/history/timeline.js";
import { comingVersion, stateOn, versionInForce } from "../../src/core/history/in-force.js";

const FIXTURE = path.join(FIXTURES, "historik-rutin");

/** The text with each [from, to] replaced once (the test fails when a line is missing). */
function edit(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`not found: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

/** 1.0 in force from 2024-03-01; 2.0 drafted, on remiss, decided 2026-11-10 valid from 2027-02-01; file renamed on the way. */
function repository() {
  const repo = makeRepo(FIXTURE);
  const docs = path.join(repo.dir, "documents");
  let file = path.join(docs, "rutin-hemgang.md");
  const v1 = repo.commit("1.0 fastställd", "2024-02-29");
  const write = (pairs: [string, string][]): void => writeFileSync(file, edit(readFileSync(file, "utf8"), pairs));
  write([
    ['status: fastställd\nversion: "1.0"', 'status: utkast\nversion: "2.0"'],
    ['faststalld_av: lansstyrgruppen\nfaststalld_datum: 2024-02-29\nbeslutsparagraf: "§ 12"\n', ""],
    ["Version ett av rutinen.", "Version två av rutinen, under arbete."],
  ]);
  const draft = repo.commit("2.0 utkast", "2026-09-01");
  const renamed = path.join(docs, "rutin-trygg-hemgang.md");
  renameSync(file, renamed);
  file = renamed;
  write([["status: utkast", 'status: remiss\nremiss:\n  fran: 2026-09-15\n  till: 2026-10-31\n  version: "2.0"']]);
  const remiss = repo.commit("2.0 på remiss, filen får nytt namn", "2026-09-15");
  write([
    ["status: remiss", "status: fastställd"],
    ['remiss:\n  fran: 2026-09-15\n  till: 2026-10-31\n  version: "2.0"\n', ""],
    [
      "dokumentansvarig: narvardskoordinator\n",
      'dokumentansvarig: narvardskoordinator\nfaststalld_av: lansstyrgruppen\nfaststalld_datum: 2026-11-10\nbeslutsparagraf: "§ 40"\n',
    ],
    ["giltig_fran: 2024-03-01", "giltig_fran: 2027-02-01"],
    [
      "    beskrivning: Första versionen.\n",
      '    beskrivning: Första versionen.\n  - version: "2.0"\n    datum: 2026-11-10\n    beskrivning: Ny arbetsgång.\n',
    ],
    ["Version två av rutinen, under arbete.", "Version två av rutinen."],
  ]);
  const decided = repo.commit("2.0 fastställd", "2026-11-10");
  return { repo, file, v1, draft, remiss, decided };
}

function timelineOf(file: string, follow = false) {
  const t = loadTimelines([{ absPath: file, text: readFileSync(file, "utf8") }], { cwd: path.dirname(file), lang: "sv", follow });
  const timeline = t.get(file);
  if (!timeline) throw new Error("no timeline");
  return timeline;
}

describe("a document's versions from git", () => {
  it("has one record per version, its latest commit, oldest first, across a rename (folder log and --follow alike)", () => {
    const { file, v1, decided } = repository();
    for (const follow of [false, true]) {
      const t = timelineOf(file, follow);
      expect(t.git).toBe(true);
      expect(t.uncommitted).toBe(false);
      expect(t.committed.map((r) => [r.version, r.status, r.commit, r.committed, r.path])).toEqual([
        ["1.0", "fastställd", v1, "2024-02-29", "documents/rutin-hemgang.md"],
        ["2.0", "fastställd", decided, "2026-11-10", "documents/rutin-trygg-hemgang.md"],
      ]);
      expect(t.committed[0]?.text).toContain("Version ett av rutinen.");
    }
  });

  it("knows the version in force on each day: the old one until the new one's giltig_fran, none before the first", () => {
    const { file } = repository();
    const records = versionsOf(timelineOf(file));
    expect(versionInForce(records, "2024-02-28")).toBeUndefined();
    expect(versionInForce(records, "2024-02-29")).toBeUndefined(); // decided, valid from the next day
    expect(versionInForce(records, "2024-03-01")?.version).toBe("1.0");
    expect(versionInForce(records, "2027-01-31")?.version).toBe("1.0");
    expect(versionInForce(records, "2027-02-01")?.version).toBe("2.0");
    expect(comingVersion(records, "2026-12-02")).toMatchObject({ kind: "beslutad", date: "2027-02-01" });
    expect(comingVersion(records, "2027-02-01")).toBeUndefined();
  });

  it("announces a draft and a remiss from the working copy, which is newer than the last commit", () => {
    const { repo, file } = repository();
    repo.git(["reset", "-q", "--hard", "HEAD~1"]); // back to 2.0 on remiss
    const t = timelineOf(file);
    expect(t.uncommitted).toBe(false);
    const records = versionsOf(t);
    expect(records.map((r) => r.status)).toEqual(["fastställd", "remiss"]);
    expect(stateOn(records, "2026-10-01")).toMatchObject({
      kind: "in-force",
      record: { version: "1.0" },
      coming: { kind: "remiss", date: "2026-10-31" },
    });
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("status: remiss", "status: utkast")
        .replace(/remiss:\n( {2}.*\n)+/, ""),
    );
    const edited = timelineOf(file);
    expect(edited.uncommitted).toBe(true);
    expect(versionsOf(edited).map((r) => [r.status, r.workingCopy === true])).toEqual([
      ["fastställd", false],
      ["utkast", true],
    ]);
    expect(stateOn(versionsOf(edited), "2026-10-01")).toMatchObject({ kind: "in-force", coming: { kind: "utkast" } });
  });

  it("a version decided but repealed before it came into force never applies; the old one applies until the repeal", () => {
    const { repo, file } = repository();
    writeFileSync(file, readFileSync(file, "utf8").replace("status: fastställd", "status: upphävd\nupphavd_datum: 2027-01-15"));
    repo.commit("upphävd innan 2.0 trädde i kraft", "2027-01-15");
    const records = versionsOf(timelineOf(file));
    expect(stateOn(records, "2027-01-14")).toMatchObject({ kind: "in-force", record: { version: "1.0" } });
    expect(stateOn(records, "2027-01-15")).toEqual({ kind: "repealed", date: "2027-01-15" });
    expect(stateOn(records, "2027-03-01")).toEqual({ kind: "repealed", date: "2027-01-15" });
  });

  it("outside git: the working copy alone, with git false", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-no-git-"));
    cpSync(FIXTURE, dir, { recursive: true });
    const t = timelineOf(path.join(dir, "rutin-hemgang.md"));
    expect(t.git).toBe(false);
    expect(t.committed).toEqual([]);
    expect(versionsOf(t).map((r) => [r.version, r.workingCopy])).toEqual([["1.0", true]]);
    expect(versionInForce(versionsOf(t), "2026-12-02")?.version).toBe("1.0");
  });
});
