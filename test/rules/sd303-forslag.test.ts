/**
 * SD303's suggestion can be followed as written: the command it names makes
 * the pull request pass, and what it asks for by hand when the version was
 * already raised gives valid YAML. No one-line YAML that breaks when pasted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { FIXTURES, runCli, validateJson, type JsonReport } from "../helpers/cli.js";
import { git, removeDir, tempDir } from "../ci/git-repo.js";

let root: string;
beforeAll(() => {
  root = tempDir("samdok-sd303-");
});
afterAll(() => removeDir(root));

const FILE = "documents/rutin-utskrivning.md";

/** A repository with test/fixtures/pr-sammanfattning on main and a branch where the routine's text changed, edited by `edit`. */
function changedRepo(name: string, edit: (text: string) => string = (t) => t): string {
  const work = path.join(root, name);
  cpSync(path.join(FIXTURES, "pr-sammanfattning"), path.join(work, "documents"), { recursive: true });
  git(work, "init", "-q", "-b", "main");
  git(work, "add", "-A");
  git(work, "commit", "-q", "-m", "Samlingen");
  git(work, "checkout", "-q", "-b", "pr");
  const file = path.join(work, FILE);
  writeFileSync(file, edit(readFileSync(file, "utf8").replace("inom 24 timmar", "inom 12 timmar")));
  return work;
}

const changeFindings = (report: JsonReport) =>
  report.results.find((r) => r.file === FILE)?.diagnostics.filter((d) => /^SD30[23]$/.test(d.ruleId)) ?? [];

describe("SD303 suggests what to do", () => {
  it("names samdok revise, which fixes both SD302 and SD303 when run as written", async () => {
    const work = changedRepo("kommando");
    const before = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    const sd303 = changeFindings(before.report).find((d) => d.ruleId === "SD303");
    expect(sd303?.message).toContain('Kör samdok revise rutin-utskrivning --summary "Vad som har ändrats": den höjer versionen till 2.2');
    expect(sd303?.message).not.toContain("- version:");
    // Follow it: the command as the message writes it.
    const command = /samdok (revise \S+) --summary "([^"]+)"/.exec(sd303?.message ?? "");
    expect(command).not.toBeNull();
    const [, revise = "", summary = ""] = command ?? [];
    const ran = await runCli([...revise.split(" "), "--summary", summary], { cwd: work });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const after = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    expect(changeFindings(after.report)).toEqual([]);
    expect(after.code).toBe(0);
  });

  it("when the version was raised by hand, names the fields of the entry, which make valid block YAML", async () => {
    const work = changedRepo("for-hand", (t) => t.replace('version: "2.1"\n', 'version: "2.2"\n'));
    const { report } = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    const message = changeFindings(report).find((d) => d.ruleId === "SD303")?.message ?? "";
    expect(message).toContain(
      'Lägg till en rad sist i andringshistorik med version "2.2", datum 2026-11-23 och en beskrivning av ändringen',
    );
    // Not `revise` straight away: it would raise 2.2 to 2.3.
    expect(message).toContain("sätt tillbaka versionen till 2.1 och kör samdok revise rutin-utskrivning");
    // Written as said, the entry is block YAML and the pull request passes.
    const file = path.join(work, FILE);
    const text = readFileSync(file, "utf8").replace(
      "    beskrivning: Förtydligat vad som gäller under helger.\n",
      '    beskrivning: Förtydligat vad som gäller under helger.\n  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: Kortare tid för inskrivningsmeddelandet.\n',
    );
    writeFileSync(file, text);
    expect((parse(text.split("---\n")[1] ?? "") as { andringshistorik: unknown[] }).andringshistorik).toHaveLength(3);
    const after = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    expect(changeFindings(after.report)).toEqual([]);
  });

  it("asks a new entry with the wrong version for the document's version", async () => {
    const work = changedRepo("fel-version", (t) =>
      t
        .replace('version: "2.1"\n', 'version: "2.2"\n')
        .replace(
          "    beskrivning: Förtydligat vad som gäller under helger.\n",
          '    beskrivning: Förtydligat vad som gäller under helger.\n  - version: "2.3"\n    datum: 2026-11-23\n    beskrivning: Kortare tid.\n',
        ),
    );
    const { report } = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main"] });
    expect(changeFindings(report).map((d) => d.message)).toEqual([
      'andringshistorik har en ny rad, men ingen för dokumentets version 2.2. Den nya raden ska ha samma version som dokumentet: skriv version: "2.2" på den.',
    ]);
  });

  it("speaks English with --lang en", async () => {
    const work = changedRepo("engelska");
    const { report } = await validateJson(["documents"], { cwd: work, extra: ["--changed-since", "main", "--lang", "en"] });
    expect(changeFindings(report).find((d) => d.ruleId === "SD303")?.message).toContain(
      'Run samdok revise rutin-utskrivning --summary "What changed": it raises the version to 2.2',
    );
  });
});
