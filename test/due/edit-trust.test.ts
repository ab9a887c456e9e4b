/**
 * Issue 13, items 4 and 5: `revise` and `followup` never lose a colleague's
 * concurrent save, never change a value other fields point to through a YAML
 * anchor, and never write an edit that adds an error to the document.
 */
import { describe, expect, it } from "vitest";
import { chmodSync, existsSync, readdirSync, rmSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { main } from "../../src/cli/main.js";
import { FrontMatterEditor, FrontMatterEditError } from "../../src/due/edit/front-matter-edit.js";
import { FileChangedError, readWithSnapshot, writeFileChecked } from "../../src/core/write-checked.js";
import { NOW, validateJson, type CliResult } from "../helpers/cli.js";
import { copyFixture } from "./util.js";

const read = (file: string): string => readFileSync(file, "utf8");

/** Runs samdok in-process; `beforeCommit` runs between the edit and the replacement of the file. */
async function run(argv: string[], cwd: string, beforeCommit?: (absPath: string) => void): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main({
    argv,
    cwd,
    now: NOW,
    env: {},
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    ...(beforeCommit ? { beforeCommit } : {}),
  });
  return { code, stdout, stderr };
}

/** The original text with whole lines replaced and new lines inserted after given lines. */
function expectedEdit(original: string, replace: [string, string][], insertAfter: [string, string[]][] = []): string {
  const lines = original.split("\n");
  for (const [from, to] of replace) {
    const i = lines.indexOf(from);
    if (i === -1) throw new Error(`line not found: ${from}`);
    lines[i] = to;
  }
  for (const [after, added] of insertAfter) {
    const i = lines.indexOf(after);
    if (i === -1) throw new Error(`line not found: ${after}`);
    lines.splice(i + 1, 0, ...added);
  }
  return lines.join("\n");
}

const temporaryFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

const frontMatter = (text: string): Record<string, unknown> =>
  parseDocument(text.split(/^---$/m)[1] ?? "", { version: "1.2" }).toJS() as Record<string, unknown>;

describe("revise and YAML anchors (attack-yaml-anchors)", () => {
  it("keeps the old version in a history entry that points to `version` through an alias", async () => {
    const dir = copyFixture("attack-yaml-anchors");
    const file = path.join(dir, "rutin-ankare.md");
    const before = read(file);
    expect(before).toContain('version: &v "3.0"');
    expect(before).toContain("  - version: *v");
    const r = await run(["revise", "rutin-ankare", "--summary", "Fjärde versionen."], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [
          ['version: &v "3.0"', 'version: "3.1"'],
          ["  - version: *v", '  - version: "3.0"'],
          ["revideras_senast: 2028-01-15", "revideras_senast: 2028-11-23"],
        ],
        [
          [
            "    beskrivning: Tredje versionen.",
            ['  - version: "3.1"', "    datum: 2026-11-23", "    beskrivning: Fjärde versionen.", "    redaktionell: true"],
          ],
        ],
      ),
    );
    const data = frontMatter(read(file));
    expect(data.version).toBe("3.1");
    expect((data.andringshistorik as { version: string }[]).map((h) => h.version)).toEqual(["2.0", "3.0", "3.1"]);
    const { report } = await validateJson([file], { cwd: dir });
    expect(
      report.results.flatMap((x) => x.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId} ${d.message}`)),
    ).toEqual([]);
  });

  it("gives a field that is itself an alias a value of its own; the anchored field keeps its value", async () => {
    const dir = copyFixture("attack-yaml-anchors");
    const file = path.join(dir, "rutin-alias-datum.md");
    const before = read(file);
    const r = await run(["revise", "rutin-alias-datum", "--summary", "Nya kontaktvägar."], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [
          ['version: "1.0"', 'version: "1.1"'],
          ["revideras_senast: *slut", "revideras_senast: 2028-11-23"],
        ],
        [
          [
            "    beskrivning: Första versionen.",
            ['  - version: "1.1"', "    datum: 2026-11-23", "    beskrivning: Nya kontaktvägar.", "    redaktionell: true"],
          ],
        ],
      ),
    );
    expect(read(file)).toContain("giltig_till: &slut 2030-12-31\n");
    expect(frontMatter(read(file)).giltig_till).toBe("2030-12-31");
  });

  it("the editor copies the old value into every alias, also one in a flow list, and drops the unused anchor", () => {
    const text = ["---", 'version: &v "3.0"', "nyckelord: [hemgång, *v]", "andringshistorik:", "  - version: *v", "---", "", "Text."].join(
      "\n",
    );
    const ed = new FrontMatterEditor(text);
    ed.setScalar(["version"], "3.1");
    expect(ed.result()).toBe(
      ["---", 'version: "3.1"', 'nyckelord: [hemgång, "3.0"]', "andringshistorik:", '  - version: "3.0"', "---", "", "Text."].join("\n"),
    );
  });

  it("the editor refuses to append to a list that another field points to, rather than change both", () => {
    const text = ["---", "andringshistorik: &h", "  - version: '1.0'", "kopia: *h", "---", ""].join("\n");
    const ed = new FrontMatterEditor(text);
    ed.appendToSeq("andringshistorik", { version: "1.1" });
    expect(() => ed.result()).toThrow(FrontMatterEditError);
  });
});

describe("revise refuses an edit that would add an error (attack-revise-new-error)", () => {
  it("a revision that would put revideras_senast after an expired giltig_till is not written", async () => {
    const dir = copyFixture("attack-revise-new-error");
    const file = path.join(dir, "rutin-utgangen.md");
    const before = read(file);
    const r = await run(["revise", "rutin-utgangen", "--summary", "Nya kontaktvägar."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^samdok: Ändringen skulle ge rutin-utgangen\.md ett nytt fel och skrevs inte; filen är orörd:\n/);
    expect(r.stderr).toMatch(/`revideras_senast` \(2028-11-23\) ligger efter att dokumentet slutar gälla.*SD121\/revision-inom-giltighet/);
    expect(r.stderr).toMatch(/Giltigheten \(giltig_till 2026-06-30\) har redan gått ut/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(read(file)).toBe(before);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("a summary with a personnummer is not written into the change history", async () => {
    const dir = copyFixture("attack-revise-new-error");
    const file = path.join(dir, "rutin-giltig.md");
    const before = read(file);
    const r = await run(["revise", "rutin-giltig", "--summary", "Synpunkter från 19121212-1212 är inarbetade."], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ett nytt fel och skrevs inte/);
    expect(r.stderr).toMatch(/SD140\/personnummer/);
    expect(read(file)).toBe(before);
    // The same revision without the number is written.
    const ok = await run(["revise", "rutin-giltig", "--summary", "Synpunkter från kommunerna är inarbetade."], dir);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(read(file)).toContain('version: "1.3"');
  });

  it("an error the document already had does not stop the edit (written, exit 1)", async () => {
    const dir = copyFixture("attack-revise-new-error");
    const file = path.join(dir, "rutin-med-fel.md");
    const r = await run(["revise", "rutin-med-fel", "--summary", "Nya kontaktvägar."], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(read(file)).toContain('version: "1.1"');
    expect(r.stdout).toMatch(/SD142/);
  });
});

describe("a colleague saves the file while samdok works", () => {
  const colleague =
    (extra: string) =>
    (absPath: string): void => {
      writeFileSync(absPath, read(absPath).replace("## Ansvar\n", `## Ansvar\n\n${extra}\n`));
    };

  it("revise keeps the colleague's paragraph, writes nothing and exits 2", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-handskriven.md");
    const calls: string[] = [];
    const r = await run(["revise", "rutin-handskriven", "--summary", "Nya kontaktvägar."], dir, (p) => {
      calls.push(p);
      colleague("Kollegans nya stycke om ansvaret.")(p);
    });
    expect(calls).toEqual([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "samdok: Filen ändrades medan samdok arbetade: rutin-handskriven.md sparades av någon annan under tiden. Ingenting skrevs; filen är som den sparades. Kör kommandot igen.\n",
    );
    const after = read(file);
    expect(after).toContain("Kollegans nya stycke om ansvaret.");
    expect(after).toContain("version: '1.9'");
    expect(temporaryFiles(dir)).toEqual([]);
    // Run again: now the revision is made on top of the colleague's text.
    const again = await run(["revise", "rutin-handskriven", "--summary", "Nya kontaktvägar."], dir);
    expect(again.code).toBe(0);
    expect(read(file)).toContain("Kollegans nya stycke om ansvaret.");
    expect(read(file)).toContain("version: '1.10'");
  });

  it("followup keeps the colleague's paragraph, writes nothing and exits 2", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "overenskommelse-uppfoljning.md");
    const r = await run(["followup", "overenskommelse-uppfoljning", "--result", "14 dagar i snitt."], dir, (p) => {
      writeFileSync(p, read(p).replace("## Parter\n", "## Parter\n\nKollegans stycke om parterna.\n"));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^samdok: Filen ändrades medan samdok arbetade: overenskommelse-uppfoljning\.md .*Ingenting skrevs.*Kör kommandot igen\.\n$/,
    );
    expect(read(file)).toContain("Kollegans stycke om parterna.");
    expect(read(file)).not.toContain("14 dagar i snitt.");
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("in English too", async () => {
    const dir = copyFixture("due-revise");
    const r = await run(["revise", "rutin-handskriven", "--summary", "New contacts.", "--lang", "en"], dir, colleague("Text."));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The file changed while samdok was working.*Nothing was written.*Run the command again\./);
  });

  it("keeps the file's permissions and leaves no temporary file", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-handskriven.md");
    chmodSync(file, 0o640);
    const r = await run(["revise", "rutin-handskriven", "--summary", "Nya kontaktvägar."], dir);
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});

describe("writeFileChecked", () => {
  it("replaces an unchanged file", () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-crlf.md");
    const { snapshot } = readWithSnapshot(file);
    writeFileChecked(file, new TextEncoder().encode("ny text\n"), snapshot);
    expect(read(file)).toBe("ny text\n");
  });

  it("refuses when the bytes differ from those read, even with the same size and time", () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-crlf.md");
    const before = read(file);
    // What was read is not what is on disk (size and time are the file's own).
    const { snapshot } = readWithSnapshot(file, () => new TextEncoder().encode(before.replace("a", "b")));
    expect(() => writeFileChecked(file, new TextEncoder().encode("ny text\n"), snapshot)).toThrow(FileChangedError);
    expect(read(file)).toBe(before);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("refuses when only the modification time changed", () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-crlf.md");
    const before = read(file);
    const { snapshot } = readWithSnapshot(file);
    utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    expect(() => writeFileChecked(file, new TextEncoder().encode("ny text\n"), snapshot)).toThrow(FileChangedError);
    expect(read(file)).toBe(before);
  });

  it("refuses when the file was removed meanwhile, and creates nothing", () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-crlf.md");
    const { snapshot } = readWithSnapshot(file);
    expect(() =>
      writeFileChecked(file, new TextEncoder().encode("ny text\n"), snapshot, {
        beforeCommit: (p) => rmSync(p),
      }),
    ).toThrow(FileChangedError);
    expect(existsSync(file)).toBe(false);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});
