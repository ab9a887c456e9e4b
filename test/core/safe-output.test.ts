/**
 * Issue 13, items 3 and 10: a hostile pull request controls file names, YAML
 * keys, titles and the names in samdok.config.json. Whatever samdok prints
 * or writes from them must not steer a terminal or a CI runner, and its
 * JSON, SARIF, XML and calendar files must stay readable by strict readers.
 *
 * The fixture `attack-workflow-commands` holds the attacks that git can carry
 * to every platform (a file named `##[add-mask]hemlig.md`, YAML keys and a
 * title with escape sequences, a bare CR, lines starting with `::`, bidi
 * overrides, a lone surrogate, `;` and `,`, and role and track names that do
 * the same). Two file names Windows cannot hold are made here on the fly:
 * `::error file=a.md::x.md` and one with a line break in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import ICAL from "ical.js";
import { DOMParser } from "@xmldom/xmldom";
import { HtmlValidate } from "html-validate";
import { FIXTURES, runCli, type CliResult } from "../helpers/cli.js";
import { commandLines, isWellFormed, jsonStrings, logLines, unsafeCharacters } from "../helpers/ci-log.js";
import { safeText } from "../../src/core/safe-text.js";

const FIXTURE = path.join(FIXTURES, "attack-workflow-commands");
const POSIX_NAMES = process.platform !== "win32";

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(path.join(FIXTURE, file), "utf8");
  return parseYaml(text.split(/^---$/m)[1] ?? "") as Record<string, unknown>;
}
const ATTACK_TITLE = frontMatter("rutin-attack.md").titel as string;
const SWEDISH_TITLE = frontMatter("rutin-svensk.md").titel as string;
const config = JSON.parse(readFileSync(path.join(FIXTURE, "samdok.config.json"), "utf8")) as { roller: { id: string; namn: string }[] };
const ATTACK_ROLE = config.roller.find((r) => r.id === "attackroll")?.namn ?? "";

let dir = "";
let configDir = "";
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "samdok-attack-"));
  cpSync(FIXTURE, dir, { recursive: true });
  if (POSIX_NAMES) {
    const doc = readFileSync(path.join(dir, "rutin-svensk.md"), "utf8");
    writeFileSync(path.join(dir, "::error file=a.md::x.md"), doc.replace("id: rutin-svensk", "id: rutin-kolon"));
    writeFileSync(path.join(dir, "rad\n::error file=c.md::radbrytning.md"), doc.replace("id: rutin-svensk", "id: rutin-radbrytning"));
  }
  // A configuration whose own keys attack, in a folder of its own: its errors are printed on stderr.
  configDir = mkdtempSync(path.join(tmpdir(), "samdok-attack-config-"));
  writeFileSync(path.join(configDir, "samdok.config.json"), JSON.stringify({ namn: "X", "\n::add-mask::hemlig \u001b[2J": 1 }));
  writeFileSync(path.join(configDir, "a.md"), "---\nid: a\n---\n");
  // A document that cannot be used, named to attack: `due` lists it on stderr.
  if (POSIX_NAMES) writeFileSync(path.join(dir, "trasig\n::add-mask::hemlig \u001b[2J.md"), "ingen YAML här\n");
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(configDir, { recursive: true, force: true });
});

const run = (argv: string[], tty = false): Promise<CliResult> => runCli(argv, { cwd: dir, tty });

/** Neither stream has a line a runner would obey (but samdok's own commands), a raw control or a lone surrogate. */
function expectInert(r: CliResult, own: RegExp | undefined = undefined): void {
  for (const [name, text] of [
    ["stdout", r.stdout],
    ["stderr", r.stderr],
  ] as const) {
    const commands = commandLines(text).filter((l) => !own?.test(l));
    expect(commands, `${name}: lines a CI runner would obey`).toEqual([]);
    expect(unsafeCharacters(text), `${name}: controls`).toEqual([]);
    expect(isWellFormed(text), `${name}: lone surrogates`).toBe(true);
  }
}

/** Text values of RFC 5545 content lines: no `;` or `,` unless escaped. */
function unescapedSeparators(value: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "\\") i++;
    else if (value[i] === ";" || value[i] === ",") found.push(`${value[i]} at ${i}`);
  }
  return found;
}

describe("validate: every report format", () => {
  it("stylish shows the attacking names and keys as text", async () => {
    const r = await run(["validate", ".", "--no-cache"]);
    expect(r.code).toBe(1);
    expectInert(r);
    expect(r.stdout).toContain("\u266F#[add-mask]hemlig.md");
    expect(r.stdout).toContain("Okänt fält `::add-mask::hemlig`");
    expect(r.stdout).toContain("\u241B[2J\u241B]0;fönstertitel\u2407 ⟨U+202E⟩gnp.exe \uFFFD");
    if (POSIX_NAMES) {
      expect(r.stdout).toMatch(/^\u2236:error file=a\.md::x\.md$/m);
      expect(r.stdout).toMatch(/^rad\u240A::error file=c\.md::radbrytning\.md$/m);
    }
  });

  it("stylish in colour keeps samdok's colours and escapes the data's", async () => {
    const r = await run(["validate", ".", "--no-cache"], true);
    expect(r.stdout).toContain("\u001b[4mrutin-nycklar.md\u001b[0m");
    expect(r.stdout).toContain("\u241B[2J");
    expect(r.stdout.replace(/\u001b\[(0|1|2|4|31|32|33)m/g, "")).not.toContain("\u001b");
    expect(commandLines(r.stdout)).toEqual([]);
  });

  it("github: one command per finding, the data cannot end it or start a line", async () => {
    const json = JSON.parse((await run(["validate", ".", "--no-cache", "--format", "json"])).stdout) as {
      results: { diagnostics: unknown[] }[];
    };
    const findings = json.results.reduce((n, x) => n + x.diagnostics.length, 0);
    const r = await run(["validate", ".", "--no-cache", "--format", "github"]);
    const own = /^::(error|warning) file=[^:,\r\n]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=SD\d{3} [a-z-]+::[^\r\n]*$/;
    expectInert(r, own);
    const commands = logLines(r.stdout).filter((l) => l.startsWith("::"));
    expect(commands.length).toBe(findings);
    for (const c of commands) expect(c).toMatch(own);
    expect(r.stdout).toContain("::Okänt fält `rad%0A::error file=b.md::injicerad\u240D::stop-commands::paus`.");
  });

  it("junit: XML that parses, the data shown as text", async () => {
    const r = await run(["validate", ".", "--no-cache", "--format", "junit"]);
    expectInert(r);
    const problems: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: (m: string) => problems.push(m),
        error: (m: string) => problems.push(m),
        fatalError: (m: string) => problems.push(m),
      },
    }).parseFromString(r.stdout, "text/xml");
    expect(problems).toEqual([]);
    const names = Array.from({ length: doc.getElementsByTagName("testcase").length }, (_, i) =>
      doc.getElementsByTagName("testcase")[i]?.getAttribute("name"),
    );
    // Character references give the reader the exact file name back.
    expect(names).toContain("##[add-mask]hemlig.md");
    if (POSIX_NAMES) expect(names).toContain("::error file=a.md::x.md");
  });

  for (const format of ["json", "sarif"]) {
    it(`${format}: strict JSON, no lone surrogates, the names kept exactly`, async () => {
      const r = await run(["validate", ".", "--no-cache", "--format", format]);
      expectInert(r);
      expect(r.stdout).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
      const parsed = JSON.parse(r.stdout) as unknown;
      const strings = jsonStrings(parsed);
      for (const s of strings) expect(isWellFormed(s)).toBe(true);
      const all = strings.join("\n");
      expect(all).toContain("Okänt fält `\u001b[2J\u001b]0;fönstertitel\u0007 \u202Egnp.exe \uFFFD`");
      if (format === "json") {
        expect(all).toContain("##[add-mask]hemlig.md");
        if (POSIX_NAMES) expect(all).toContain("rad\n::error file=c.md::radbrytning.md");
      }
    });
  }

  it("a configuration's errors on stderr are inert too", async () => {
    const r = await runCli(["validate", ".", "--no-cache"], { cwd: configDir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Okänt fält `\u240a::add-mask::hemlig \u241b[2J`");
    expectInert(r);
  });
});

describe("due: every format", () => {
  const due = (...args: string[]): Promise<CliResult> => run(["due", ".", ...args]);

  it("table: titles, owners and tracks as one line of text each", async () => {
    for (const args of [[], ["--group-by", "spar"], ["--group-by", "ansvarig"]]) {
      const r = await due(...args);
      expectInert(r);
      expect(r.stdout).toContain(SWEDISH_TITLE);
      expect(r.stdout).toContain("Rutin \u241B]8;;http://x.example\u2407 länk");
      expect(r.stdout).toContain("\u241B[31mröd\u241B[0m\u240A::error file=roll.md");
    }
    const colour = await run(["due", "."], true);
    expect(colour.stdout).toContain("\u001b[33msnart");
    expect(colour.stdout).not.toContain("\u001b[31mröd");
    expect(colour.stdout).not.toContain("\u001b]8;;");
  });

  it("markdown and csv", async () => {
    for (const format of ["markdown", "csv"]) {
      const r = await due("--format", format);
      expectInert(r);
      expect(r.stdout).toContain(SWEDISH_TITLE);
      expect(r.stdout).toContain("gnp.exe");
    }
  });

  it("html: valid, escaped, inert", async () => {
    const r = await due("--format", "html");
    expectInert(r);
    expect(r.stdout).toContain(SWEDISH_TITLE);
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-inline-style": "off" } });
    const report = await validator.validateString(r.stdout);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("json: strict, no lone surrogates, the data otherwise kept", async () => {
    const r = await due("--format", "json");
    expectInert(r);
    expect(r.stdout).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
    const json = JSON.parse(r.stdout) as { items: { id: string; title: string; ownerName: string }[] };
    for (const s of jsonStrings(json)) expect(isWellFormed(s)).toBe(true);
    const item = json.items.find((i) => i.id === "rutin-attack");
    expect(item?.title).toBe(ATTACK_TITLE.replace(/\ud800/g, "\uFFFD"));
    expect(item?.ownerName).toBe(ATTACK_ROLE);
    expect(json.items.find((i) => i.id === "rutin-svensk")?.title).toBe(SWEDISH_TITLE);
  });

  it("ics: RFC 5545 text that ical.js reads back as the text shown", async () => {
    const r = await due("--format", "ics");
    expectInert(r);
    const ics = r.stdout;
    expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    for (const line of ics.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    for (const line of ics.replace(/\r\n /g, "").split("\r\n")) {
      const m = /^(SUMMARY|DESCRIPTION):(.*)$/.exec(line);
      if (m) expect(unescapedSeparators(m[2] ?? ""), line).toEqual([]);
    }
    const shown = (s: string): string => safeText(s, { multiline: true });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    const event = (uid: string): ICAL.Component => {
      const e = events.find((x) => x.getFirstPropertyValue("uid") === uid);
      if (!e) throw new Error(`no event ${uid}`);
      return e;
    };
    const revision = event("rutin-attack-revision-2026-11-24@samdok");
    expect(revision.getFirstPropertyValue("summary")).toBe(shown(`Revidera senast: ${ATTACK_TITLE}`));
    expect(revision.getFirstSubcomponent("valarm")?.getFirstPropertyValue("description")).toBe(
      shown(`Påminnelse: Revidera senast: ${ATTACK_TITLE}`),
    );
    const description = revision.getFirstPropertyValue("description") as string;
    expect(description).toContain(`Ansvarig: ${shown(ATTACK_ROLE)}\nFil: rutin-attack.md`);
    const followup = event("rutin-attack-follow-up-2026-11-30@samdok");
    expect(followup.getFirstPropertyValue("description")).toContain(
      "uppföljning: Följ upp\n::warning title=x::y\u240D::notice::z; a, b \u241B[2J",
    );
    // Plain Swedish text comes back exactly.
    expect(event("rutin-svensk-revision-2026-12-24@samdok").getFirstPropertyValue("summary")).toBe(`Revidera senast: ${SWEDISH_TITLE}`);
    if (POSIX_NAMES)
      expect(event("rutin-radbrytning-revision-2026-12-24@samdok").getFirstPropertyValue("description")).toContain(
        "Fil: rad\n::error file=c.md::radbrytning.md",
      );
  });
});

describe("report", () => {
  for (const format of ["markdown", "html"]) {
    it(`${format}: the set's, tracks' and recipient's names as text`, async () => {
      const r = await run(["report", ".", "--format", format, "--to", "Styrgruppen\n::add-mask::hemlig \u001b[2J"]);
      expect(r.code).toBe(0);
      expectInert(r);
      // In HTML a line break inside a heading is a space to the reader.
      expect(r.stdout).toContain(
        format === "html" ? "Styrgruppen\n&#58;:add-mask::hemlig \u241B[2J" : "Styrgruppen\u240A::add-mask::hemlig \u241B[2J",
      );
      expect(r.stdout).toContain("fönstertitel\u2407");
      if (format === "html") {
        // (The attacking recipient makes the page's title long; nothing else may be wrong.)
        const report = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }).validateString(
          r.stdout,
        );
        expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      }
    });
  }
});

describe("messages on stderr", () => {
  it("quote what was typed as text", async () => {
    for (const argv of [
      ["rules", "::error::x\u001b[2J\n::add-mask::y"],
      ["validate", "rad\n::error::saknas \u001b[2J", "--no-cache"],
      ["--\u001b[2J\n::add-mask::y"],
      ["due", ".", "--as-of", "\u001b[2J\n::add-mask::y"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toContain("\u241B[2J");
      expectInert(r);
    }
  });

  it("name the documents left out as text", async () => {
    const r = await run(["due", "."]);
    expect(r.stderr).toContain("rutin-nycklar.md");
    if (POSIX_NAMES) expect(r.stderr).toContain("trasig\u240A::add-mask::hemlig \u241B[2J.md");
    expectInert(r);
  });
});
