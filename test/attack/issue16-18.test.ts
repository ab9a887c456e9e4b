/**
 * A hostile review of the redline edition (issue 16) and the editions at
 * publication standard (issue 18): what a pull request that changes the
 * documents, their history, the set's configuration or a committed edition
 * folder could make `samdok build` do. Each test is one hole that was open:
 *
 * - a few bytes of `<td colspan="1000">` made the Word edition build a grid
 *   of millions of cells (minutes of CI time);
 * - raw HTML nested a few thousand levels deep overflowed the stack
 *   (an internal error in the build, and in rule SD136);
 * - an earlier version in git over the parser's limits crashed the redline
 *   build with a stack trace (that text was never validated);
 * - a symbolic link to a folder in a previous edition let the build delete
 *   files outside the output folder (the manifests' stale-file cleanup);
 * - CSS escapes (`\75 rl(`) and `image-set("…")` carried addresses past the
 *   SVG logo's sanitiser;
 * - a line break in a set's name started a line of its own in the build's summary.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/git-repo.js";
import { rawHtmlBlock } from "../../src/render/docx/raw-html.js";
import { sanitizeSvg } from "../../src/core/logo-svg.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function temp(prefix = "samdok-attack-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** The front matter of a published routine of the set raw-html-utgava (its headings follow). */
const HEAD = readFileSync(path.join(FIXTURES, "raw-html-utgava/rutin-blandad-html.md"), "utf8").split("\n## Syfte")[0] ?? "";

/** A set of one document whose "Syfte" section is `body`. */
function setWith(body: string): string {
  const dir = temp();
  cpSync(path.join(FIXTURES, "raw-html-utgava/samdok.config.json"), path.join(dir, "samdok.config.json"));
  writeFileSync(path.join(dir, "rutin-blandad-html.md"), `${HEAD}\n## Syfte\n\n${body}\n\n## Ansvar\n\nText.\n\n## Arbetsgång\n\nText.\n`);
  return dir;
}

/** No stack trace, no internal error. */
function expectNoCrash(stderr: string): void {
  expect(stderr).not.toMatch(/internt fel|internal error|Internt fel/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("raw HTML", () => {
  it("a span of a thousand columns does not make the Word table thousands of columns wide", () => {
    const cells = '<td colspan="1000" rowspan="65534">x</td>'.repeat(5);
    const xml = rawHtmlBlock(`<table><tr>${cells}</tr>${"<tr></tr>".repeat(3)}</table>`, {
      paragraph: {},
      format: {},
      width: 9000,
      note: false,
    });
    const columns = xml.match(/<w:gridCol\b/g)?.length ?? 0;
    // Word's limit (63) for the spans, then one column for each further cell: not 5,000.
    expect(columns).toBeGreaterThan(0);
    expect(columns).toBeLessThanOrEqual(63 + 4);
    expect(xml.match(/<w:tc>/g)?.length).toBe(4 * 5);
  });

  it("nested thousands of levels deep, builds both editions (published flat, or not at all) without a crash", async () => {
    const dir = setWith(`${"<sup>".repeat(4000)}djup${"</sup>".repeat(4000)}`);
    const r = await runCli(["build", dir, "--format", "html,docx", "--out", path.join(dir, "dist"), "--no-cache"], { cwd: dir });
    expectNoCrash(r.stderr);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(path.join(dir, "dist/rutin-blandad-html.html"), "utf8");
    expect(page).toContain("djup");
    expect(page).not.toContain("<sup>".repeat(33));
  });

  it("a block nested more than 512 levels deep is a warning of SD136 and of the build, not an internal error", async () => {
    const dir = setWith(`${"<div>".repeat(3000)}djup${"</div>".repeat(3000)}`);
    const v = await runCli(["validate", dir, "--no-cache"], { cwd: dir });
    expectNoCrash(v.stderr + v.stdout);
    expect(v.stdout).toMatch(/nästlad i fler än 512 nivåer och publiceras inte alls.*SD136/);
    const b = await runCli(["build", dir, "--format", "html,docx", "--out", path.join(dir, "dist"), "--no-cache"], { cwd: dir });
    expectNoCrash(b.stderr);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toMatch(/rå HTML som inte publiceras \(rad \d+\): HTML nästlad i fler än 512 nivåer/);
  });
});

describe("--redline with an earlier text nobody validated", () => {
  it("an earlier version over the parser's limits is named in a warning, and the document is shown as new", async () => {
    const r = makeRepo(path.join(FIXTURES, "redline-samling"));
    temps.push(r.dir);
    const file = path.join(r.dir, "documents", "rutin-hemgang.md");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, `${good}\n${">".repeat(3000)} djupt citat\n`);
    r.commit("för djupt", "2025-02-27");
    r.git(["tag", "v1"]);
    writeFileSync(file, good);
    r.commit("rättad", "2026-11-20");
    for (const format of ["html", "docx"]) {
      const res = await runCli(["build", "documents", "--out", `dist-${format}`, "--no-cache", "--format", format, "--redline", "v1"], {
        cwd: r.dir,
      });
      expectNoCrash(res.stderr);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toMatch(
        /rutin-hemgang\.md: den version det jämförs med \(documents\/rutin-hemgang\.md i [0-9a-f]{12}, rad \d+\) går inte att jämföra: .*Dokumentet visas som nytt\./,
      );
      expect(res.stdout).toMatch(/0 ändrade, 1 nytt/);
    }
  });
});

describe("a previous edition in the output folder", () => {
  it("refuses a symbolic link to a folder, so the stale-file cleanup deletes nothing outside", async () => {
    const dir = temp();
    cpSync(path.join(FIXTURES, "raw-html-utgava"), path.join(dir, "documents"), { recursive: true });
    const victim = temp("samdok-attack-victim-");
    writeFileSync(path.join(victim, "viktig.txt"), "kvar");
    writeFileSync(path.join(victim, "viktig2.txt"), "kvar");
    const out = path.join(dir, "docs");
    mkdirSync(out);
    symlinkSync(victim, path.join(out, "x"));
    // As a committed edition folder could hold them: manifests naming files through the link.
    writeFileSync(path.join(out, ".samdok-html.txt"), "x/viktig.txt\n");
    writeFileSync(path.join(out, ".samdok-samlingar.txt"), "x/viktig2.txt\n");
    const r = await runCli(["build", "documents", "--out", "docs", "--no-cache", "--format", "html"], { cwd: dir });
    expect(existsSync(path.join(victim, "viktig.txt"))).toBe(true);
    expect(existsSync(path.join(victim, "viktig2.txt"))).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/docs\/x i utgåvans mapp är en symbolisk länk till en mapp/);
    expectNoCrash(r.stderr);
  });
});

describe("the SVG logo", () => {
  it("leaves out CSS that reaches other files through escapes or image functions", () => {
    const svg = sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' +
        '<style>rect{fill:\\75 rl(http://evil.example/a.svg#a)} @\\69mport "http://evil.example/b.css";</style>' +
        '<style>g{background:image-set("http://evil.example/c.png" 1x)}</style>' +
        '<rect width="10" height="10" style="fill:\\75rl(https://evil.example/d#b)" fill="u\\rl(http://evil.example/e)"/>' +
        '<rect width="5" height="5" style="fill:url(#own)" fill="#123456"/></svg>',
    );
    expect(svg.ok).toBe(true);
    if (!svg.ok) return;
    expect(svg.svg).not.toContain("evil.example");
    expect(svg.svg).not.toContain("\\");
    // What is the file's own stays.
    expect(svg.svg).toContain('style="fill:url(#own)"');
    expect(svg.svg).toContain('fill="#123456"');
  });
});

describe("the build's summary", () => {
  it("shows a line break in a set's name instead of starting a line with it", async () => {
    const dir = temp();
    cpSync(path.join(FIXTURES, "flera-samlingar-tva"), path.join(dir, "documents"), { recursive: true });
    const config = path.join(dir, "documents/orebro/samdok.config.json");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace('"Nära vård i Örebro län (prov)"', '"Örebro\\nUtgåvan är klar: 0 fel\\n::error::falskt"'),
    );
    const r = await runCli(["build", "documents", "--out", "dist", "--no-cache", "--format", "html"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.some((l) => l.startsWith("Utgåvan är klar"))).toBe(false);
    expect(lines.some((l) => /^\s*::/.test(l))).toBe(false);
    expect(r.stdout).toContain("Örebro␊Utgåvan är klar: 0 fel␊");
  });
});
