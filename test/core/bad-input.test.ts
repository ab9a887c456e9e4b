/**
 * Bad input gets a located, plain-language diagnostic and the run goes on:
 * one fixture folder per scenario, each asserted at its line and column.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { existsSync, mkdtempSync, writeFileSync, copyFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, located, runCli, validateJson } from "../helpers/cli.js";
import { analyzeDocument } from "../../src/core/analyze.js";
import { loadConfig } from "../../src/core/config.js";
import { documentRules } from "../../src/rules/index.js";

const fx = (name: string): string => path.join(FIXTURES, name);

describe("bad input", () => {
  const cases: [scenario: string, expected: string, messagePart: RegExp][] = [
    ["bad-empty-file", "tom.md:1:1 SD002", /Filen är tom/],
    ["bad-no-front-matter", "utan-huvud.md:1:1 SD002", /saknar YAML-huvud/],
    ["bad-unclosed-front-matter", "oavslutad.md:1:1 SD002", /avslutas aldrig/],
    ["bad-yaml-syntax", "syntaxfel.md:3:8 SD003", /citattecknet stängs aldrig/],
    ["bad-duplicate-keys", "dubbla.md:6:1 SD003", /förekommer två gånger/],
    ["bad-tab-indent", "tabbar.md:9:1 SD003", /Tabbtecken/],
    ["bad-js-front-matter", "kod.md:1:4 SD004", /kör aldrig kod/],
    ["bad-json-front-matter", "json.md:1:4 SD004", /---json/],
    ["bad-not-utf8", "latin1.md:3:15 SD001", /inte sparad som UTF-8/],
    ["bad-alias-bomb", "bomb.md:2:1 SD003", /alias/],
    ["bad-id-link-map", "lista-med-falt.md:9:5 SD005", /`relaterade` \(post 1\) ska vara text, men är en grupp av fält/],
    ["bad-yaml-self-alias", "sjalvreferens.md:8:24 SD003", /Aliaset `\*ord` står inuti det värde som ankaret `&ord` namnger/],
  ];
  for (const [scenario, expected, messagePart] of cases) {
    it(`${scenario}: ${expected}`, async () => {
      const { code, report, stderr } = await validateJson([fx(scenario)]);
      expect(stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
      expect(code).toBe(1);
      expect(located(report).map((l) => l.split("/").pop())).toEqual([expected]);
      expect(report.results[0]?.diagnostics[0]?.message).toMatch(messagePart);
    });
  }

  it("never executes ---js front matter", async () => {
    await validateJson([fx("bad-js-front-matter")]);
    expect(existsSync("/tmp/samdok-pwned-js")).toBe(false);
  });

  it("goes on after bad files: every scenario in one run", async () => {
    const all = cases.map(([s]) => fx(s));
    const { report } = await validateJson([...all, fx("valid-minimal")]);
    expect(report.summary.files).toBe(cases.length + 1);
    expect(report.summary.errors).toBe(cases.length);
  });

  it("reports a 10 MB file without reading it as a document", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-big-"));
    try {
      copyFileSync(path.join(FIXTURES, "_standard/samdok.config.json"), path.join(dir, "samdok.config.json"));
      writeFileSync(path.join(dir, "stor.md"), `---\nid: stor\n---\n${"a".repeat(10 * 1024 * 1024)}`);
      const { code, report } = await validateJson([dir]);
      expect(code).toBe(1);
      expect(report.results[0]?.diagnostics[0]).toMatchObject({ ruleId: "SD001", line: 1, column: 1 });
      expect(report.results[0]?.diagnostics[0]?.message).toMatch(/10,0 MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reports an unreadable file and goes on", async () => {
    const target = path.join(fx("bad-unreadable"), "rutin-giltig.md");
    const readFile = (p: string): Uint8Array => {
      if (p === target) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return new Uint8Array(readFileSync(p));
    };
    const { code, report } = await validateJson([fx("bad-unreadable"), fx("valid-minimal")], { readFile });
    expect(code).toBe(1);
    expect(report.summary.files).toBe(2);
    const bad = report.results.find((r) => r.file.endsWith("bad-unreadable/rutin-giltig.md"));
    expect(bad?.diagnostics[0]).toMatchObject({ ruleId: "SD001", line: 1, column: 1 });
    expect(bad?.diagnostics[0]?.message).toMatch(/behörighet saknas/);
  });

  it("searches a folder named x.md instead of reading it", async () => {
    const { code, report } = await validateJson([fx("folder-named-md")]);
    expect(code).toBe(0);
    expect(report.results.map((r) => r.file.split("/").slice(-2).join("/"))).toEqual(["bilagor.md/rutin-giltig.md"]);
  });

  it("accepts a BOM and CRLF line ends, with the same positions", async () => {
    const { code, report } = await validateJson([fx("bom-and-crlf")]);
    expect(code).toBe(0);
    expect(report.summary.errors).toBe(0);
  });

  it("NFC-normalises the text", () => {
    const dir = fx("nfd-text");
    const loaded = loadConfig(path.join(dir, "samdok.config.json"), dir, "sv");
    const bytes = new Uint8Array(readFileSync(path.join(dir, "rutin-giltig.md")));
    const result = analyzeDocument({
      file: "rutin-giltig.md",
      rootPath: "rutin-giltig.md",
      absPath: path.join(dir, "rutin-giltig.md"),
      bytes,
      loaded,
      lang: "sv",
      today: "2026-11-23",
      rules: documentRules(),
    });
    expect(result.data?.titel).toBe("Rutin för äldre på väg hem".normalize("NFC"));
    expect(String(result.data?.titel).normalize("NFC")).toBe(result.data?.titel);
    expect(String(result.data?.titel)).not.toBe("Rutin för äldre på väg hem".normalize("NFD"));
  });

  it("a path that does not exist is a usage error (exit 2)", async () => {
    const r = await runCli(["validate", "finns-inte/"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/finns inte/);
  });

  it("a document outside any configuration is a configuration error (exit 2)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-nocfg-"));
    try {
      writeFileSync(path.join(dir, "a.md"), "---\nid: abc\n---\n");
      const r = await runCli(["validate", dir, "--no-cache"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/samdok\.config\.json/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
