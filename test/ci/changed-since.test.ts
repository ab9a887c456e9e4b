/**
 * Pull-request mode on real git repositories: an upstream whose main holds
 * test/fixtures/ci-base (and has moved on since the branches were made), and
 * clones whose branches change, rename, move, delete and repeal documents
 * with real commits. The files the branches bring come from
 * test/fixtures/ci-pr-fel (mistakes) and test/fixtures/ci-pr-ratt (done right).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { FIXTURES, runCli, validateJson, type JsonReport } from "../helpers/cli.js";
import { clearConfigCache } from "../../src/core/config.js";
import { copyFromFixture, git, makeUpstream, removeDir, tempDir } from "./git-repo.js";

let root: string;
let repo: ReturnType<typeof makeUpstream>;

beforeAll(() => {
  root = tempDir("samdok-pr-");
  repo = makeUpstream(root);
});

afterAll(() => removeDir(root));

const pr = (cwd: string, extra: string[] = []) => validateJson(["documents"], { cwd, extra: ["--changed-since", "origin/main", ...extra] });

/** Rule ids per file, limited to the rules this test is about (others may add their own findings). */
function ids(report: JsonReport, wanted: RegExp = /^SD(3\d\d|006|007)$/): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of report.results) out[r.file] = r.diagnostics.map((d) => d.ruleId).filter((id) => wanted.test(id));
  return out;
}

function finding(report: JsonReport, file: string, ruleId: string) {
  const d = report.results.find((r) => r.file === file)?.diagnostics.find((x) => x.ruleId === ruleId);
  if (!d) throw new Error(`no ${ruleId} on ${file}: ${JSON.stringify(report.results, null, 1)}`);
  return d;
}

describe("validate --changed-since on a pull request with mistakes", () => {
  let work: string;
  let result: Awaited<ReturnType<typeof pr>>;

  beforeAll(async () => {
    work = repo.clone("fel");
    // Commit 1: change a fastställd routine's text without a new version, and move only a review date.
    copyFromFixture(work, "ci-pr-fel", "rutin-utskrivning.md", "riktlinje-nutrition.md");
    git(work, "commit", "-q", "-am", "Ändra utskrivningsrutinen");
    // Commit 2: rename a document and change its id on the way.
    git(work, "mv", "documents/rutin-hjalpmedel.md", "documents/rutin-hjalpmedel-ny.md");
    copyFromFixture(work, "ci-pr-fel", "rutin-hjalpmedel-ny.md");
    git(work, "commit", "-q", "-am", "Byt namn på hjälpmedelsrutinen");
    // Commit 3: delete a fastställd document.
    git(work, "rm", "-q", "documents/rutin-lakemedel.md");
    git(work, "commit", "-q", "-m", "Ta bort läkemedelsrutinen");
    // Not committed at all: a new file that takes the old id of the renamed document.
    copyFromFixture(work, "ci-pr-fel", "rutin-hjalpmedel-hemma.md");
    result = await pr(work);
  });

  it("fails with exit 1", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
  });

  it("reports the changed documents, those pointing at them, and the deletion on the configuration; nothing else", () => {
    expect(result.report.results.map((r) => r.file)).toEqual([
      // Links to rutin-utskrivning.md in its text: reported although unchanged.
      "documents/overenskommelse-hemgang.md",
      "documents/riktlinje-nutrition.md",
      "documents/rutin-hjalpmedel-hemma.md",
      "documents/rutin-hjalpmedel-ny.md",
      // Points at rutin-lakemedel (deleted) and rutin-hjalpmedel (id changed) in relaterade.
      "documents/rutin-utskrivning.md",
      "documents/samdok.config.json",
    ]);
    // riktlinje-hygien.md changed on main after the branch was made: not this pull request's change.
    // rutin-larm-utkast.md points at overenskommelse-hemgang, which did not change.
  });

  it("finds each mistake with the right rule", () => {
    expect(ids(result.report)).toEqual({
      "documents/overenskommelse-hemgang.md": [],
      "documents/riktlinje-nutrition.md": ["SD307"],
      "documents/rutin-hjalpmedel-hemma.md": ["SD305"],
      "documents/rutin-hjalpmedel-ny.md": ["SD304"],
      "documents/rutin-utskrivning.md": ["SD302", "SD007", "SD303"],
      "documents/samdok.config.json": ["SD306"],
    });
  });

  it("names the base version in its findings, on the right lines", () => {
    const version = finding(result.report, "documents/rutin-utskrivning.md", "SD302");
    expect(version).toMatchObject({ severity: "error", line: 6, column: 10 });
    expect(version.message).toContain(
      "texten har ändrats, men versionen är fortfarande 2.1: i basversionen (origin/main) var versionen 2.1",
    );
    expect(version.message).toContain("Höj versionen till 2.2");
    const history = finding(result.report, "documents/rutin-utskrivning.md", "SD303");
    expect(history).toMatchObject({ severity: "error", line: 20 });
    expect(history.message).toContain('Kör samdok revise rutin-utskrivning --summary "Vad som har ändrats": den höjer versionen till 2.2');

    const id = finding(result.report, "documents/rutin-hjalpmedel-ny.md", "SD304");
    expect(id).toMatchObject({ severity: "error", line: 2 });
    expect(id.message).toContain(
      "från `rutin-hjalpmedel` till `rutin-hjalpmedel-ny`: i basversionen (origin/main) hade dokumentet id `rutin-hjalpmedel` (filen hette då documents/rutin-hjalpmedel.md)",
    );

    const reuse = finding(result.report, "documents/rutin-hjalpmedel-hemma.md", "SD305");
    expect(reuse.message).toContain(
      "Id `rutin-hjalpmedel` tillhörde documents/rutin-hjalpmedel.md i basversionen (origin/main), med status fastställd",
    );

    const deletion = finding(result.report, "documents/samdok.config.json", "SD306");
    expect(deletion).toMatchObject({ severity: "error", line: 1, column: 1 });
    expect(deletion.message).toContain(
      "documents/rutin-lakemedel.md har tagits bort, men i basversionen (origin/main) var det ett dokument med id `rutin-lakemedel`, status fastställd, version 1.0",
    );
    expect(deletion.message).toContain("status: upphävd");

    const review = finding(result.report, "documents/riktlinje-nutrition.md", "SD307");
    expect(review).toMatchObject({ severity: "warning", line: 14 });
    expect(review.message).toContain("från 2026-12-31 i basversionen (origin/main) till 2027-01-15");
    expect(review.message).toContain('version: "1.1"');
  });

  it("gives the same findings as annotations with --format github", async () => {
    const r = await runCli(["validate", "documents", "--changed-since", "origin/main", "--format", "github", "--no-cache"], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=documents\/rutin-utskrivning\.md,line=6,col=10,endLine=6,endColumn=15,title=SD302 version-hojs::Dokumentet är fastställt/m,
    );
    expect(r.stdout).toMatch(
      /^::error file=documents\/samdok\.config\.json,line=1,col=1,title=SD306 dokument-tas-inte-bort::documents\/rutin-lakemedel\.md har tagits bort/m,
    );
    expect(r.stdout).toMatch(/^::warning file=documents\/riktlinje-nutrition\.md,line=14,.*title=SD307 granskning-utan-andring::/m);
  });

  it("works from a subfolder and with a path to a single changed file", async () => {
    const sub = await validateJson(["."], { cwd: path.join(work, "documents"), extra: ["--changed-since", "origin/main"] });
    expect(sub.report.results.map((r) => r.file)).toContain("samdok.config.json");
    expect(sub.report.results.map((r) => r.file)).toContain("rutin-utskrivning.md");
    const one = await validateJson(["documents/rutin-hjalpmedel-ny.md"], { cwd: work, extra: ["--changed-since", "origin/main"] });
    // Only the named file; the deletion lies outside the named path.
    expect(ids(one.report)).toEqual({ "documents/rutin-hjalpmedel-ny.md": ["SD304"] });
  });

  it("lets the configuration switch a change rule off", async () => {
    const config = path.join(work, "documents/samdok.config.json");
    const original = readFileSync(config, "utf8");
    try {
      const json = JSON.parse(original) as Record<string, unknown>;
      writeFileSync(config, JSON.stringify({ ...json, regler: { SD306: "off", "granskning-utan-andring": "error" } }, null, 2));
      clearConfigCache();
      const r = await pr(work);
      const all = ids(r.report);
      expect(all["documents/samdok.config.json"]).toBeUndefined();
      expect(finding(r.report, "documents/riktlinje-nutrition.md", "SD307").severity).toBe("error");
      // The configuration changed, so every document of the set is checked.
      expect(Object.keys(all)).toContain("documents/riktlinje-hygien.md");
      expect(Object.keys(all)).toContain("documents/rutin-larm-utkast.md");
    } finally {
      writeFileSync(config, original);
      clearConfigCache();
    }
  });
});

describe("validate --changed-since on a pull request done right", () => {
  let work: string;

  beforeAll(() => {
    work = repo.clone("ratt");
    copyFromFixture(work, "ci-pr-ratt", "rutin-utskrivning.md", "riktlinje-nutrition.md");
    git(work, "commit", "-q", "-am", "Utskrivningsrutinen 2.2 och granskad nutritionsriktlinje");
    mkdirSync(path.join(work, "documents/rutiner"));
    git(work, "mv", "documents/rutin-hjalpmedel.md", "documents/rutiner/rutin-hjalpmedel.md");
    git(work, "commit", "-q", "-m", "Flytta hjälpmedelsrutinen till rutiner/");
    copyFromFixture(work, "ci-pr-ratt", "rutin-lakemedel.md");
    git(work, "commit", "-q", "-am", "Upphäv läkemedelsrutinen");
    copyFromFixture(work, "ci-pr-ratt", "rutin-fallprevention.md");
    git(work, "add", "documents/rutin-fallprevention.md");
  });

  it("passes with exit 0 and reports only the changed documents and those pointing at them", async () => {
    const { code, report } = await pr(work);
    expect(code).toBe(0);
    expect(report.summary.errors).toBe(0);
    expect(report.results.map((r) => r.file)).toEqual([
      "documents/overenskommelse-hemgang.md",
      "documents/riktlinje-nutrition.md",
      "documents/rutin-fallprevention.md",
      "documents/rutin-lakemedel.md",
      "documents/rutin-utskrivning.md",
      "documents/rutiner/rutin-hjalpmedel.md",
    ]);
    expect(ids(report)).toEqual(Object.fromEntries(report.results.map((r) => [r.file, []])));
  });

  it("reports an overdue review of a changed document as a warning, which does not fail the pull request", async () => {
    const { code, report } = await validateJson(["documents"], {
      cwd: work,
      now: new Date("2027-09-15T08:00:00Z"),
      extra: ["--changed-since", "origin/main"],
    });
    expect(finding(report, "documents/rutin-utskrivning.md", "SD301")).toMatchObject({ severity: "warning", line: 15 });
    expect(report.summary.errors).toBe(0);
    expect(code).toBe(0);
  });

  it("catches an uncommitted change in the working tree", async () => {
    const file = path.join(work, "documents/overenskommelse-hemgang.md");
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original.replace("Tvister löses i första hand i samverkan.", "Tvister löses av länets styrgrupp."));
      const { code, report } = await pr(work);
      expect(code).toBe(1);
      const d = finding(report, "documents/overenskommelse-hemgang.md", "SD302");
      expect(d.message).toContain("i basversionen (origin/main) var versionen 2.0");
      expect(d.message).toContain("Höj versionen till 2.1 för en mindre ändring eller 3.0 för en ny fastställd version");
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe("validate --changed-since: moves git does not see, drafts, and mistakes in use", () => {
  it("treats a deleted file and a new one with the same id as one moved document", async () => {
    const work = repo.clone("flytt");
    const old = readFileSync(path.join(work, "documents/rutin-hjalpmedel.md"), "utf8");
    rmSync(path.join(work, "documents/rutin-hjalpmedel.md"));
    mkdirSync(path.join(work, "documents/rutiner"));
    // So much new text that git cannot pair the files as a rename.
    const rewritten = old
      .replace(
        /## Syfte[\s\S]*$/,
        "## Syfte\n\nHelt ny text om hur hjälpmedel förskrivs, lämnas ut, följs upp och hämtas tillbaka av regionens hjälpmedelscentral.\n\n## Ansvar\n\nHjälpmedelscentralen ansvarar för leveransen och kommunens arbetsterapeut för uppföljningen i hemmet.\n\n## Arbetsgång\n\n1. Förskrivaren gör en behovsbedömning tillsammans med den enskilde.\n2. Hjälpmedelscentralen levererar och monterar.\n3. Arbetsterapeuten följer upp inom fyra veckor.\n4. Hjälpmedlet hämtas när det inte längre behövs.\n",
      )
      .replace('version: "1.2"', 'version: "2.0"')
      .replace(
        "    beskrivning: Nya kontaktvägar.\n",
        '    beskrivning: Nya kontaktvägar.\n  - version: "2.0"\n    datum: 2026-11-20\n    beskrivning: Omskriven efter att hjälpmedelscentralen tagit över leveranserna.\n',
      );
    writeFileSync(path.join(work, "documents/rutiner/rutin-hjalpmedel.md"), rewritten);
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "Skriv om och flytta hjälpmedelsrutinen");
    expect(git(work, "diff", "--name-status", "-M", "origin/main...HEAD")).toMatch(/^D\tdocuments\/rutin-hjalpmedel\.md$/m);
    const { code, report } = await pr(work);
    // No deletion, no reused id; rutin-utskrivning.md points at the moved document by id.
    expect(ids(report)).toEqual({
      "documents/rutin-utskrivning.md": [],
      "documents/rutiner/rutin-hjalpmedel.md": [],
    });
    expect(code).toBe(0);
  });

  it("warns (exit 0) when a draft is deleted", async () => {
    const work = repo.clone("utkast");
    git(work, "rm", "-q", "documents/rutin-larm-utkast.md");
    git(work, "commit", "-q", "-m", "Ta bort utkastet");
    const { code, report } = await pr(work);
    const d = finding(report, "documents/samdok.config.json", "SD306");
    expect(d.severity).toBe("warning");
    expect(d.message).toContain(
      "documents/rutin-larm-utkast.md har tagits bort (i basversionen (origin/main): id `rutin-larm-utkast`, status utkast, version 0.1)",
    );
    expect(code).toBe(0);
  });

  it("reports a whole set deleted with its configuration on the deleted configuration's path", async () => {
    const dir = path.join(root, "tva-samlingar");
    mkdirSync(dir);
    git(dir, "init", "-q", "-b", "main");
    cpSync(path.join(FIXTURES, "ci-base"), path.join(dir, "documents/sormland"), { recursive: true });
    cpSync(path.join(FIXTURES, "ci-forfallen"), path.join(dir, "documents/orebro"), { recursive: true });
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "Två samlingar");
    git(dir, "checkout", "-q", "-b", "ta-bort");
    git(dir, "rm", "-q", "-r", "documents/orebro");
    git(dir, "commit", "-q", "-m", "Ta bort Örebros samling");
    const { code, report } = await validateJson(["documents"], { cwd: dir, extra: ["--changed-since", "main"] });
    expect(
      report.results.map((r) => [r.file, r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.message.split(" har tagits bort")[0]}`)]),
    ).toEqual([
      [
        "documents/orebro/samdok.config.json",
        ["SD306 error documents/orebro/riktlinje-fallprevention.md", "SD306 error documents/orebro/rutin-upphavd.md"],
      ],
    ]);
    expect(code).toBe(1);
  });

  it("reports nothing when nothing changed", async () => {
    const work = repo.clone("inget");
    const { code, report } = await pr(work);
    expect(code).toBe(0);
    expect(report.results).toEqual([]);
  });

  it("exits 2 with a plain message for an unknown ref and outside a git repository", async () => {
    const work = repo.clone("fel-ref");
    const unknown = await runCli(["validate", "documents", "--changed-since", "origin/finns-inte"], { cwd: work });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^samdok: Git-referensen "origin\/finns-inte" finns inte här/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const option = await runCli(["validate", "documents", "--changed-since=--output=x"], { cwd: work });
    expect(option.code).toBe(2);

    const plain = path.join(root, "inte-git");
    mkdirSync(path.join(plain, "documents"), { recursive: true });
    copyFromFixture(plain, "ci-base", "samdok.config.json", "rutin-lakemedel.md");
    const outside = await runCli(["validate", "documents", "--changed-since", "main"], { cwd: plain });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^samdok: --changed-since fungerar bara i ett git-arkiv/);
  });
});
