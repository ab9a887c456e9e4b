import { describe, expect, it } from "vitest";
import path from "node:path";
import os from "node:os";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import { github } from "../../src/reporters/github.js";
import {
  workflowCommandData as escapeData,
  workflowCommandProperty as escapeProperty,
  xmlAttribute as xmlAttr,
  xmlText,
} from "../../src/core/escape.js";
import { sarif, toUri } from "../../src/reporters/sarif.js";
import { junit, setOf } from "../../src/reporters/junit.js";
import { reporterNames } from "../../src/reporters/index.js";
import { INPUT } from "./input.js";
import { FIXTURES, REPO, runCli } from "../helpers/cli.js";

/**
 * The official SARIF 2.1.0 schema (OASIS, JSON Schema draft-07). No network
 * here: it comes from an npm package that ships it (see the report of issue 7).
 */
const SARIF_SCHEMA = path.resolve(process.env.SAMDOK_SARIF_SCHEMA ?? path.join(REPO, "test/fixtures/sarif-schema/sarif-schema-2.1.0.json"));

const sv = { ...INPUT, lang: "sv" as const, color: false };

describe("github reporter", () => {
  it("matches its snapshot", async () => {
    await expect(github(sv)).toMatchFileSnapshot("./__snapshots__/github.txt");
  });

  it("escapes message data and property values as the runner decodes them", () => {
    expect(escapeData("100% klart\r\nny rad: a,b")).toBe("100%25 klart%0D%0Any rad: a,b");
    expect(escapeProperty("mapp/fil 100%, del: 1.md")).toBe("mapp/fil 100%25%2C del%3A 1.md");
    // % first: an already escaped-looking text must not be decoded back.
    expect(escapeData("%0A")).toBe("%250A");
  });

  it("writes one command per finding, with positions and a title of id and name", () => {
    const lines = github(sv).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(5);
    expect(lines[0]).toBe(
      "::error file=documents/sörmland/rutin för 100%25%2C del%3A 1.md,line=3,col=10,endLine=3,endColumn=21,title=SD005 schema::" +
        "Värdet \"fastslagen\" är inte tillåtet för `status`: välj utkast, remiss, fastställd eller upphävd.%0AÅÄÖ & <taggar> är 'citerade'; 100%25 säkert,%0D%0Any rad.",
    );
    expect(lines[1]).toMatch(/^::warning file=.*,line=14,col=19,title=SD301 revision-forfallen::Revisionen/);
    expect(lines[1]).not.toContain("endLine");
    // Nothing a command could be split by survives unescaped in the properties.
    for (const l of lines.filter((x) => x.startsWith("::"))) {
      const props = l.slice(l.indexOf(" ") + 1, l.indexOf("::", 2));
      for (const part of props.split(",")) expect(part).toMatch(/^(file|line|col|endLine|endColumn|title)=[^:,\n\r]*$/);
    }
    expect(lines.at(-1)).toBe("samdok: 4 fel och 1 varning i 4 filer.");
  });
});

describe("sarif reporter", () => {
  it("matches its snapshot", async () => {
    await expect(sarif(sv)).toMatchFileSnapshot("./__snapshots__/sarif.json");
  });

  it("has one run, the rules with index, and results with relative physical locations", () => {
    const log = JSON.parse(sarif(sv)) as import("sarif").Log;
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    expect(run.tool.driver.name).toBe("samdok");
    expect(run.tool.driver.version).toBe("9.9.9");
    expect(rules.map((r) => r.id)).toEqual(["SD001", "SD005", "SD301", "SD306", "SD999"]);
    expect(rules[1]).toMatchObject({
      name: "schema",
      shortDescription: { text: expect.stringContaining("fält") },
      fullDescription: { text: expect.stringContaining("Exempel") },
      help: { text: expect.stringContaining('"SD005": "warning"') },
      defaultConfiguration: { level: "error" },
    });
    expect(rules[2]?.defaultConfiguration?.level).toBe("warning");
    const results = run.results ?? [];
    expect(results).toHaveLength(5);
    for (const r of results) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    const first = results[0]!;
    expect(first.level).toBe("error");
    expect(first.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "documents/s%C3%B6rmland/rutin%20f%C3%B6r%20100%25%2C%20del%3A%201.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 3, startColumn: 10, endLine: 3, endColumn: 21 },
    });
    expect(results[1]?.level).toBe("warning");
    expect(results[1]?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 14, startColumn: 19 });
    expect(first.message.text).toContain("\nÅÄÖ & <taggar>");
    expect(decodeURIComponent(toUri("a b/ö%.md"))).toBe("a b/ö%.md");
  });

  it("validates against the SARIF 2.1.0 JSON schema, also for a real run with every rule", async () => {
    expect(existsSync(SARIF_SCHEMA), `SARIF schema not found at ${SARIF_SCHEMA}`).toBe(true);
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, "utf8")) as Record<string, unknown>;
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    // CommonJS modules: `default` is their module.exports, which also carries the class and plugin as `.default`.
    const { default: Ajv } = (await import("ajv")).default;
    const { default: addFormats } = (await import("ajv-formats")).default;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const hand = JSON.parse(sarif(sv)) as unknown;
    expect(validate(hand), ajv.errorsText(validate.errors)).toBe(true);

    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-sarif-"));
    try {
      const out = path.join(dir, "samdok.sarif");
      const r = await runCli(["validate", path.join(FIXTURES, "ci-pr-fel"), "--no-cache", "--format", "sarif", "--output", out]);
      expect(r.code).toBe(1);
      const real = JSON.parse(readFileSync(out, "utf8")) as import("sarif").Log;
      expect(validate(real), ajv.errorsText(validate.errors)).toBe(true);
      expect(real.runs[0]?.results?.some((x) => x.ruleId === "SD007")).toBe(true);
      // Broken schema guard: a result without a message must be rejected.
      const broken = structuredClone(real);
      delete (broken.runs[0]!.results![0] as { message?: unknown }).message;
      expect(validate(broken)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("junit reporter", () => {
  it("matches its snapshot", async () => {
    await expect(junit(sv)).toMatchFileSnapshot("./__snapshots__/junit.xml");
  });

  it("escapes XML and shows controls and lone surrogates, which XML cannot hold, as symbols", () => {
    expect(xmlText(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(xmlText("bell\u0007 nul\u0000 esc\u001b ok\ttab")).toBe("bell\u2407 nul\u2400 esc\u241B ok\ttab");
    expect(xmlText("lone \ud800 surrogate, pair 😀")).toBe("lone \uFFFD surrogate, pair 😀");
    expect(xmlText("not a character \uFFFE")).toBe("not a character ");
    expect(xmlAttr("rad 1\nrad 2\t")).toBe("rad 1&#10;rad 2&#9;");
    expect(setOf({ file: "documents/sörmland/a.md", rootPath: "a.md" })).toBe("documents/sörmland");
    expect(setOf({ file: "a.md", rootPath: "a.md" })).toBe(".");
  });

  it("parses back: one suite, one test case per document, a failure per error, warnings as output", () => {
    const xml = junit(sv);
    const problems: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: (m: string) => problems.push(m),
        error: (m: string) => problems.push(m),
        fatalError: (m: string) => problems.push(m),
      },
    }).parseFromString(xml, "text/xml");
    expect(problems).toEqual([]);
    const root = doc.documentElement!;
    expect(root.nodeName).toBe("testsuites");
    const suites = root.getElementsByTagName("testsuite");
    expect(suites.length).toBe(1);
    const suite = suites[0]!;
    expect(suite.getAttribute("tests")).toBe("4");
    expect(suite.getAttribute("failures")).toBe("3");
    const cases = Array.from(
      { length: suite.getElementsByTagName("testcase").length },
      (_, i) => suite.getElementsByTagName("testcase")[i]!,
    );
    expect(cases.map((c) => c.getAttribute("name"))).toEqual(INPUT.results.map((r) => r.file));
    expect(cases.map((c) => c.getAttribute("classname"))).toEqual([
      "documents/sörmland",
      "documents/sörmland",
      "documents/sörmland",
      "documents/sörmland",
    ]);
    expect(cases[0]!.getElementsByTagName("failure").length).toBe(0);
    const tricky = cases[1]!;
    const failures = tricky.getElementsByTagName("failure");
    expect(failures.length).toBe(1);
    const failure = failures[0]!;
    expect(failure.getAttribute("type")).toBe("SD005");
    // Attribute values keep their line breaks through &#10; and &#13;.
    expect(failure.getAttribute("message")).toBe(INPUT.results[1]!.diagnostics[0]!.message);
    expect(failure.textContent).toContain("documents/sörmland/rutin för 100%, del: 1.md:3:10 SD005/schema\n");
    expect(failure.textContent).toContain("ÅÄÖ & <taggar> är 'citerade'");
    expect(tricky.getElementsByTagName("system-out")[0]?.textContent).toBe(
      "documents/sörmland/rutin för 100%, del: 1.md:14:19 varning SD301/revision-forfallen: Revisionen är förfallen sedan 30 september 2026 (54 dagar): 5% kvar, a,b.",
    );
    // The bell character is shown as a symbol, the rest of the message kept.
    expect(cases[2]!.getElementsByTagName("failure")[0]?.getAttribute("message")).toBe(
      "Filen är inte sparad som UTF-8 (byte 0xF6\u2407 på rad 2).",
    );
    expect(cases[3]!.getElementsByTagName("failure").length).toBe(2);
  });
});

describe("registry", () => {
  it("offers every format that validate --format accepts", () => {
    expect(reporterNames()).toEqual(["stylish", "json", "github", "sarif", "junit"]);
  });
});

describe("--output", () => {
  it("writes the chosen format to the file and stylish to the terminal, for github, sarif and junit", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-output-"));
    try {
      for (const format of ["github", "sarif", "junit"] as const) {
        const out = path.join(dir, `rapport.${format}`);
        const r = await runCli(["validate", path.join(FIXTURES, "ci-pr-fel"), "--no-cache", "--format", format, "--output", out]);
        expect(r.code, format).toBe(1);
        expect(r.stdout, format).toMatch(/✖ 1 fel och 1 varning i 6 filer\./);
        const written = readFileSync(out, "utf8");
        if (format === "github")
          expect(written).toMatch(
            /^::error file=test\/fixtures\/ci-pr-fel\/rutin-utskrivning\.md,line=18,col=5,endLine=18,endColumn=20,title=SD007 id-lankar::/m,
          );
        if (format === "sarif") expect((JSON.parse(written) as { version: string }).version).toBe("2.1.0");
        if (format === "junit")
          expect(written).toContain('<testcase classname="test/fixtures/ci-pr-fel" name="test/fixtures/ci-pr-fel/rutin-utskrivning.md">');
        // Exactly what the same format prints without --output.
        const direct = await runCli(["validate", path.join(FIXTURES, "ci-pr-fel"), "--no-cache", "--format", format]);
        expect(written, format).toBe(direct.stdout);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
