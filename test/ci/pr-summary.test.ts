/**
 * Pull-request mode on a set where other documents have things to do: a
 * one-file pull request is annotated only with what it did, and the findings
 * on documents it did not touch (an overdue revision, SD301; support in an
 * overdue document, SD105) are summarised in one notice and do not fail it.
 * A finding the change causes on an untouched document (a link that a
 * rename breaks) is still annotated and still fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { FIXTURES, runCli, validateJson } from "../helpers/cli.js";
import { copyFromFixture, git, removeDir, tempDir } from "./git-repo.js";

let root: string;

beforeAll(() => {
  root = tempDir("samdok-pr-summary-");
});

afterAll(() => removeDir(root));

/** A repository whose main holds test/fixtures/pr-sammanfattning, on a branch `pr`; `config` changes the configuration on main. */
function makeRepo(name: string, config?: (json: Record<string, unknown>) => Record<string, unknown>): string {
  const work = path.join(root, name);
  cpSync(path.join(FIXTURES, "pr-sammanfattning"), path.join(work, "documents"), { recursive: true });
  if (config) {
    const file = path.join(work, "documents/samdok.config.json");
    writeFileSync(file, JSON.stringify(config(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>), null, 2));
  }
  git(work, "init", "-q", "-b", "main");
  git(work, "add", "-A");
  git(work, "commit", "-q", "-m", "Samlingen");
  git(work, "checkout", "-q", "-b", "pr");
  return work;
}

const validate = (work: string, format: string) =>
  runCli(["validate", "documents", "--changed-since", "main", "--format", format, "--no-cache"], { cwd: work });

describe("validate --changed-since: findings on documents the pull request did not touch", () => {
  let work: string;

  beforeAll(() => {
    work = makeRepo("en-fil");
    copyFromFixture(work, "pr-sammanfattning-gren", "rutin-utskrivning.md");
    git(work, "commit", "-q", "-am", "Utskrivningsrutinen 2.2");
  });

  it("annotates nothing on untouched documents and summarises them in one notice (github)", async () => {
    const r = await validate(work, "github");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::(warning|error) file=documents\/rutin-hjalpmedel\.md/m);
    expect(r.stdout).not.toMatch(/^::(warning|error) file=documents\/overenskommelse-hemgang\.md/m);
    const notices = r.stdout.split("\n").filter((l) => l.startsWith("::notice"));
    expect(notices).toEqual([
      "::notice title=samdok::3 varningar i dokument som den här ändringen inte rör: SD301 ×2, SD105 ×1 — kör samdok validate för hela listan.",
    ]);
    expect(r.stdout).toMatch(/^samdok: inga problem i /m);
  });

  it("keeps the untouched findings out of the JSON report and its summary, which the exit code follows", async () => {
    const { code, report } = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    // Still listed, as documents that point at the changed one; without the findings that were there before.
    expect(report.results.find((x) => x.file === "documents/rutin-hjalpmedel.md")?.diagnostics).toEqual([]);
    // …and listed apart, under `untouched`, so that a script can see them.
    const untouched = (report as unknown as { untouched: { file: string; diagnostics: { ruleId: string }[] }[] }).untouched;
    expect(untouched.flatMap((x) => x.diagnostics.map((d) => `${x.file} ${d.ruleId}`)).sort()).toEqual([
      "documents/overenskommelse-hemgang.md SD301",
      "documents/rutin-hjalpmedel.md SD105",
      "documents/rutin-hjalpmedel.md SD301",
    ]);
  });

  it("keeps every finding in SARIF, the untouched ones marked", async () => {
    const r = await validate(work, "sarif");
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: {
          ruleId: string;
          properties?: { untouchedByChange?: boolean };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    const results = log.runs[0]?.results ?? [];
    const marked = results
      .filter((x) => x.properties?.untouchedByChange === true)
      .map((x) => `${x.locations[0]?.physicalLocation.artifactLocation.uri} ${x.ruleId}`)
      .sort();
    expect(marked).toEqual([
      "documents/overenskommelse-hemgang.md SD301",
      "documents/rutin-hjalpmedel.md SD105",
      "documents/rutin-hjalpmedel.md SD301",
    ]);
    expect(results.filter((x) => x.properties === undefined)).toEqual([]);
  });

  it("says the same in one line in the terminal, in English with --lang en", async () => {
    const r = await runCli(["validate", "documents", "--changed-since", "main", "--no-cache", "--lang", "en"], { cwd: work });
    expect(r.stdout).toContain(
      "3 warnings in documents this change does not touch: SD301 ×2, SD105 ×1 — run samdok validate for the whole list.",
    );
    expect(r.stdout).not.toContain("rutin-hjalpmedel.md\n");
  });
});

describe("validate --changed-since: errors on untouched documents", () => {
  it("does not fail on an error that was there before the change (SD301 as an error)", async () => {
    const work = makeRepo("fel-fore", (json) => ({ ...json, bevakning: { inom_dagar: 90, forfallen_revision_ar_fel: true } }));
    copyFromFixture(work, "pr-sammanfattning-gren", "rutin-utskrivning.md");
    git(work, "commit", "-q", "-am", "Utskrivningsrutinen 2.2");
    const r = await validate(work, "github");
    expect(r.stdout).toContain("::notice title=samdok::2 fel och 1 varning i dokument som den här ändringen inte rör: SD301 ×2, SD105 ×1");
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.code).toBe(0);
  });

  it("annotates and fails on what the change caused on an untouched document: a link the rename broke", async () => {
    const work = makeRepo("byt-namn");
    git(work, "mv", "documents/rutin-utskrivning.md", "documents/rutin-utskrivning-ny.md");
    git(work, "commit", "-q", "-m", "Byt namn på utskrivningsrutinen");
    const r = await validate(work, "github");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=documents\/rutin-hjalpmedel\.md,line=33,.*title=SD133 /m);
    // The old findings of the same document stay in the summary.
    expect(r.stdout).toContain("3 varningar i dokument som den här ändringen inte rör: SD301 ×2, SD105 ×1");
    expect(r.stdout).not.toMatch(/^::warning file=documents\/rutin-hjalpmedel\.md/m);
  });
});
