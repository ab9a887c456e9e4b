/**
 * What an attack on the versions over time found (issue 15), kept found:
 * CI workflow commands in `history`'s table; another document's text taken
 * for this one's when files were swapped or a new document took an old one's
 * place; versions from before a file was moved in from outside the document
 * root; a "version" that is no version winning; a draft shown as decided;
 * line breaks written into one-line fields; and a two-file repeal left half
 * written when the second file could not be replaced.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main.js";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";
import { loadTimelines, versionsOf } from "../../src/core/history/timeline.js";
import { versionInForce } from "../../src/core/history/in-force.js";
import { commandIn, logLines } from "../helpers/ci-log.js";

const NOW = new Date("2026-12-02T09:00:00Z");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function repo() {
  const r = makeRepo(path.join(FIXTURES, "historik-rutin"));
  made.push(r.dir);
  return r;
}

const docPath = (dir: string, name = "rutin-hemgang.md"): string => path.join(dir, "documents", name);

describe("history and the version in force under attack", () => {
  it("history's table carries no CI workflow command from a title, now or in an old version", async () => {
    const r = repo();
    const file = docPath(r.dir);
    writeFileSync(file, readFileSync(file, "utf8").replace("titel: Rutin för trygg hemgång", 'titel: "::stop-commands::tok ##[error]x"'));
    r.commit("titel", "2024-02-29");
    const out = await runCli(["history", "rutin-hemgang"], { cwd: r.dir, now: NOW });
    expect(out.code).toBe(0);
    expect(logLines(out.stdout).map(commandIn).filter(Boolean)).toEqual([]);
    expect(out.stdout).toContain("stop-commands");
  });

  it("a state with another id ends the trail: swapped files and a new document in an old one's place", () => {
    const r = repo();
    const a = docPath(r.dir);
    const b = docPath(r.dir, "rutin-annan.md");
    writeFileSync(
      b,
      readFileSync(a, "utf8")
        .replace("id: rutin-hemgang", "id: rutin-annan")
        .replace('version: "1.0"', 'version: "4.0"')
        .replace("Version ett av rutinen.", "Den andra rutinens text."),
    );
    r.commit("två rutiner", "2024-02-29");
    const t = path.join(r.dir, "documents", "t");
    renameSync(a, t);
    renameSync(b, a);
    renameSync(t, b);
    // The working copies now hold each other's texts: rutin-hemgang.md has rutin-annan's id.
    const timelines = loadTimelines(
      [a, b].map((absPath) => ({ absPath, text: readFileSync(absPath, "utf8") })),
      { cwd: r.dir, lang: "sv" },
    );
    const hemgang = versionsOf(timelines.get(a) as never);
    expect(hemgang.map((v) => [v.data.id, v.version])).toEqual([["rutin-annan", "4.0"]]);
    expect(hemgang.every((v) => v.workingCopy)).toBe(true);
  });

  it("a document moved in from outside the document root has no versions from before", async () => {
    const r = repo();
    mkdirSync(path.join(r.dir, "internt"));
    const outside = path.join(r.dir, "internt", "rutin-hemgang.md");
    renameSync(docPath(r.dir), outside);
    writeFileSync(outside, readFileSync(outside, "utf8").replace("Version ett av rutinen.", "Intern text som aldrig publicerats."));
    r.commit("internt", "2024-02-29");
    r.git(["mv", "internt/rutin-hemgang.md", "documents/rutin-hemgang.md"]);
    const file = docPath(r.dir);
    writeFileSync(file, readFileSync(file, "utf8").replace("Intern text som aldrig publicerats.", "Den publicerade texten."));
    r.commit("flyttad in", "2024-03-01");
    const json = JSON.parse((await runCli(["history", "rutin-hemgang", "--format", "json"], { cwd: r.dir, now: NOW })).stdout);
    expect(json.versions.map((v: { path: string }) => v.path)).toEqual(["documents/rutin-hemgang.md"]);
    const shown = await runCli(["history", "rutin-hemgang", "--show", "1.0"], { cwd: r.dir, now: NOW });
    expect(shown.stdout).not.toContain("Intern text");
  });

  it("a version that is no version is never in force, and a draft is never shown as decided", async () => {
    const r = repo();
    const file = docPath(r.dir);
    r.commit("1.0", "2024-02-29");
    const base = {
      status: "fastställd",
      text: "",
      data: { giltig_fran: "2024-01-01", giltig_till: "tills vidare", faststalld_datum: "2024-01-01" },
    };
    expect(
      versionInForce(
        [
          { ...base, version: "1.0" },
          { ...base, version: "::error::x" },
        ],
        "2025-01-01",
      )?.version,
    ).toBe("1.0");
    writeFileSync(
      file,
      readFileSync(file, "utf8")
        .replace("status: fastställd", "status: utkast")
        .replace('version: "1.0"', 'version: "1.1"')
        .replace(/faststalld_av: .*\nfaststalld_datum: .*\nbeslutsparagraf: .*\n/, "")
        .replace(
          "    beskrivning: Första versionen.\n",
          '    beskrivning: Första versionen.\n  - version: "1.1"\n    datum: 2026-11-01\n    beskrivning: Utkast.\n',
        ),
    );
    const json = JSON.parse((await runCli(["history", "rutin-hemgang", "--format", "json"], { cwd: r.dir, now: NOW })).stdout);
    expect(json.versions.map((v: { version: string; decided: string | null }) => [v.version, v.decided])).toEqual([
      ["1.0", "2024-02-29"],
      ["1.1", null],
    ]);
  });
});

describe("the lifecycle commands under attack", () => {
  it("a line break in a one-line field (--body, --paragraph, --registration) is refused, the file untouched", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-attack-"));
    made.push(dir);
    cpSync(path.join(FIXTURES, "livscykel-runda"), dir, { recursive: true });
    const before = new Map(["riktlinje-remiss.md", "rutin-utkast.md"].map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
    const cases = [
      ["respond", "riktlinje-remiss", "--party", "region-04", "--position", "approve", "--registration", "SN\r1"],
      ["decide", "rutin-utkast", "--body", "lansstyrgruppen", "--paragraph", "§ 1\u2028status: upphävd"],
      ["decide", "rutin-utkast", "--body", "lansstyrgruppen", "--paragraph", "§ 1", "--registration", "RS 1\nstatus: upphävd"],
    ];
    for (const argv of cases) {
      const r = await runCli([...argv, "--in", "."], { cwd: dir, now: NOW });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/ska stå på en rad/);
    }
    for (const [f, text] of before) expect(readFileSync(path.join(dir, f), "utf8")).toBe(text);
  });

  it("repeal --replaced-by: when the second file cannot be replaced, the first gets its old bytes back", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-attack-"));
    made.push(dir);
    cpSync(path.join(FIXTURES, "livscykel-runda"), dir, { recursive: true });
    const gammal = path.join(dir, "rutin-gammal.md");
    const ersattare = path.join(dir, "rutin-ersattare.md");
    const before = [readFileSync(gammal, "utf8"), readFileSync(ersattare, "utf8")];
    let commits = 0;
    let stdout = "";
    let stderr = "";
    const code = await main({
      argv: ["repeal", "rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-ersattare", "--in", "."],
      cwd: dir,
      now: NOW,
      env: {},
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      // The second replacement fails, as a file locked by an antivirus would on Windows.
      beforeCommit: () => {
        if (++commits === 2) throw Object.assign(new Error("EPERM: operation not permitted"), { code: "EPERM" });
      },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/Ingenting ändrades/);
    expect([readFileSync(gammal, "utf8"), readFileSync(ersattare, "utf8")]).toEqual(before);
    expect(stdout).toBe("");
  });
});
