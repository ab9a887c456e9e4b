/**
 * SD144 (issue 17): the guidance `samdok new` writes under each heading, left
 * in a document on remiss or fastställd, is a finding at its line; and a
 * fastställd document still at version 0.x (what `new` writes) is SD127's.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_TYPES } from "../../src/core/config.js";
import { GUIDANCE, guidanceFor } from "../../src/core/template-guidance.js";
import { FIXTURES, runCli, validateJson, type JsonReport } from "../helpers/cli.js";

const FIXTURE = path.join(FIXTURES, "rules-mallens-hjalptext");

/** "file:line:column severity" of one rule's findings. */
function at(report: JsonReport, ruleId: string): string[] {
  return report.results.flatMap((r) =>
    r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => `${path.basename(r.file)}:${d.line}:${d.column} ${d.severity}`),
  );
}

function messages(report: JsonReport, ruleId: string): string[] {
  return report.results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => d.message));
}

describe("SD144 on the fixture", () => {
  let report: JsonReport;
  beforeAll(async () => {
    ({ report } = await validateJson([FIXTURE]));
  });

  it("reports the guidance at its line: one finding per line, errors when fastställd, warnings on remiss, nothing in an utkast", () => {
    expect(at(report, "SD144")).toEqual([
      "fastst-kvar.md:23:1 error",
      "fastst-kvar.md:27:1 error",
      "fastst-kvar.md:31:1 error",
      "fastst-kvar.md:36:4 error",
      "remiss-delvis.md:21:38 warning",
      "remiss-delvis.md:30:4 warning",
    ]);
  });

  it("names the text and the heading it stands under, and says what to do", () => {
    const [syfte, ansvar, samverkan] = messages(report, "SD144");
    expect(syfte).toBe(
      'Hjälptexten från `samdok new` ("Skriv varför dokumentet finns och vad …") står kvar under "Syfte" i ett fastställt dokument. Ersätt den med dokumentets egen text eller ta bort den; en ändring i ett fastställt dokument blir en ny version.',
    );
    expect(ansvar).toContain('("Skriv vem som gör vad. Ange roller, inte namn.") står kvar under "Ansvar"');
    expect(samverkan).toContain('("Skriv här om samverkan.") står kvar under "Samverkan"');
    expect(messages(report, "SD144")[4]).toContain("i ett dokument på remiss");
  });

  it("leaves the document's own text alone, also sentences that begin like the guidance", () => {
    expect(at(report, "SD144").filter((a) => a.startsWith("fastst-egen-text") || a.startsWith("utkast-mall"))).toEqual([]);
  });

  it("the issue's case: fastställd at version 0.x with the guidance left is both SD127 and SD144", () => {
    expect(at(report, "SD127")).toEqual(["fastst-kvar.md:6:10 error"]);
    expect(at(report, "SD144").filter((a) => a.startsWith("fastst-kvar")).length).toBe(4);
  });

  it("speaks English with --lang en", async () => {
    const { report: en } = await validateJson([FIXTURE], { extra: ["--lang", "en"] });
    expect(messages(en, "SD144")[0]).toMatch(
      /^The guidance text from `samdok new` \("Skriv varför .*"\) remains under "Syfte" in an adopted document\./,
    );
  });
});

describe("SD144 and what samdok new writes", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("finds the guidance under every heading of every type once the new document is set to fastställd, and none in the utkast", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "samdok-sd144-"));
    temps.push(dir);
    cpSync(path.join(FIXTURE, "samdok.config.json"), path.join(dir, "samdok.config.json"));
    for (const type of DOCUMENT_TYPES) {
      const r = await runCli(["new", "--type", type, "--title", "Samverkan kring läkemedel", "--spar", "hs-rutiner", "--out", "."], {
        cwd: dir,
      });
      expect(r.code, r.stderr).toBe(0);
    }
    const files = readdirSync(dir).filter((f) => f.endsWith(".md"));
    expect(files).toHaveLength(DOCUMENT_TYPES.length);

    const draft = await validateJson([dir]);
    expect(at(draft.report, "SD144")).toEqual([]);

    // Where the guidance stands: the line two below each heading.
    const expected: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), "utf8");
      writeFileSync(path.join(dir, file), text.replace(/^status: utkast$/m, "status: fastställd"));
      text.split("\n").forEach((line, i) => {
        if (line.startsWith("## ")) expected.push(`${file}:${i + 3}:1 error`);
      });
    }
    const adopted = await validateJson([dir]);
    expect(at(adopted.report, "SD144").sort()).toEqual(expected.sort());
    // The rutin's configured heading "Samverkan" gets the generic guidance, found too.
    expect(messages(adopted.report, "SD144")).toContainEqual(expect.stringContaining('"Skriv här om samverkan."'));
  });

  it("knows every guidance sentence of the template, under any heading", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "samdok-sd144-"));
    temps.push(dir);
    cpSync(path.join(FIXTURE, "samdok.config.json"), path.join(dir, "samdok.config.json"));
    const own = readFileSync(path.join(FIXTURE, "fastst-egen-text.md"), "utf8");
    const frontMatter = own.slice(0, own.indexOf("\n---\n") + 5);
    const headings = Object.keys(GUIDANCE);
    const body = headings.map((h) => `## ${h.replace(/^./, (c) => c.toUpperCase())}\n\n${guidanceFor(h)}\n`).join("\n");
    writeFileSync(path.join(dir, "alla.md"), `${frontMatter}\n${body}`);
    const { report } = await validateJson([dir]);
    expect(at(report, "SD144")).toHaveLength(headings.length);
  });
});
