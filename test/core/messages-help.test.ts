/**
 * The help and the short messages around a run (issue 17): commander's
 * "(default: …)" said in Swedish, an error pointing at the subcommand's own
 * help, counts that agree with their words ("1 fil", "1 fel. Rätta det",
 * "1 document was left out"), and one date style per message.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { byCount, plural } from "../../src/i18n/text.js";
import { FIXTURES, runCli, validateJson } from "../helpers/cli.js";

const fx = (name: string): string => path.join(FIXTURES, name);
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe("help in Swedish", () => {
  for (const command of ["validate", "rules", "report", "due", "build"]) {
    it(`${command} --help says "standard:" and "val:", never "default:" or "choices:"`, async () => {
      const r = await runCli([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/default|choices/);
      expect(r.stdout).toMatch(/standard:/);
    });
  }

  it("validate --jobs and --format show their defaults in Swedish", async () => {
    const r = await runCli(["validate", "--help"]);
    expect(r.stdout.replace(/\s+/g, " ")).toContain('(en per kärna när dokumenten är många) (standard: "auto")');
    expect(r.stdout.replace(/\s+/g, " ")).toContain('(val: "stylish", "json", "github", "sarif", "junit", standard: "stylish")');
  });

  it("a narrow terminal wraps the words but keeps them Swedish", async () => {
    const r = await runCli(["rules", "--help"], { env: { COLUMNS: "40" } });
    expect(r.stdout).not.toMatch(/default|choices/);
  });

  it("and in English, commander's own words", async () => {
    const r = await runCli(["--lang", "en", "validate", "--help"]);
    expect(r.stdout.replace(/\s+/g, " ")).toContain('(choices: "stylish", "json", "github", "sarif", "junit", default: "stylish")');
  });
});

describe("an error points at the help of the command given", () => {
  it("an unknown flag of validate: `samdok validate --help`", async () => {
    const r = await runCli(["validate", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Okänd flagga --bogus.");
    expect(r.stderr).toContain("Se `samdok validate --help`.");
  });

  it("after --lang en: `samdok report --help`", async () => {
    const r = await runCli(["--lang", "en", "report", "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("See `samdok report --help`.");
  });

  it("an unknown command: the whole list, `samdok --help`", async () => {
    const r = await runCli(["valdate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Se `samdok --help`.");
  });
});

describe("counts agree with their words", () => {
  it("plural and byCount", () => {
    expect(plural(1, "fil", "filer", "sv")).toBe("1 fil");
    expect(plural(2, "fil", "filer", "sv")).toBe("2 filer");
    expect(byCount(1, "Rätta det", "Rätta dem", "sv")).toBe("Rätta det");
    expect(byCount(3, { sv: "det", en: "it" }, { sv: "de", en: "they" }, "en")).toBe("they");
  });

  it("one document left out: singular in Swedish and English", async () => {
    const sv = await runCli(["due", fx("due-broken"), "--format", "json"]);
    expect(sv.stderr).toContain("1 dokument togs inte med eftersom det inte kan läsas eller har fel i YAML-huvudet");
    const en = await runCli(["--lang", "en", "due", fx("due-broken"), "--format", "json"]);
    expect(en.stderr).toContain("1 document was left out because it cannot be read or its front matter has errors");
  });

  it('an edition refused for one error: "1 fel. Rätta det"', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "samdok-plural-"));
    temporary.push(out);
    const sv = await runCli(["build", fx("bad-yaml-colon"), "--out", path.join(out, "dist"), "--no-cache"]);
    expect(sv.code).toBe(1);
    expect(sv.stderr).toContain("samlingen har 1 fel. Rätta det (se `samdok validate`)");
    const en = await runCli(["--lang", "en", "build", fx("bad-yaml-colon"), "--out", path.join(out, "dist"), "--no-cache"]);
    expect(en.stderr).toContain("the set has 1 error. Fix it (see `samdok validate`)");
  });

  it('an edition of one document: "1 document" in English', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "samdok-plural-"));
    temporary.push(out);
    const r = await runCli(["--lang", "en", "build", fx("valid-minimal"), "--out", path.join(out, "dist"), "--no-cache"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 1 document, \d+ files in /);
  });

  it("one warning over --max-warnings: 1 varning är fler", async () => {
    const set = mkdtempSync(path.join(os.tmpdir(), "samdok-plural-"));
    temporary.push(set);
    cpSync(fx("valid-minimal"), set, { recursive: true });
    // Overdue since 1 March 2026 on the tests' clock: one SD301 warning, nothing else.
    const file = path.join(set, "rutin-utskrivning.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("revideras_senast: 2027-03-01", "revideras_senast: 2026-03-01"));
    const sv = await runCli(["validate", set, "--no-cache", "--max-warnings", "0"]);
    expect(sv.stdout).toContain("0 fel och 1 varning i 1 fil.");
    expect(sv.stderr).toBe("samdok: 1 varning är fler än de 0 som --max-warnings tillåter.\n");
    const en = await runCli(["--lang", "en", "validate", set, "--no-cache", "--max-warnings", "0"]);
    expect(en.stderr).toBe("samdok: 1 warning is more than the 0 that --max-warnings allows.\n");
  });
});

describe("one date style per message", () => {
  it("SD301 and SD105 both say the date in words, as a reader reads it", async () => {
    const { report } = await validateJson([fx("rules-stod")]);
    const messages = report.results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === "SD105" || d.ruleId === "SD301");
    expect(messages.some((d) => d.ruleId === "SD105")).toBe(true);
    for (const d of messages) {
      expect(d.message, d.ruleId).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(d.message, d.ruleId).toMatch(
        /\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}/,
      );
    }
  });
});
