/**
 * The round trip of `samdok import`: samdok's own per-document Word edition of
 * documents/sormland, imported into a fresh set, gives back each document's
 * front matter (id, title, type, status, version, dates), its headings at
 * their levels, and a set that `samdok validate` passes without errors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { toString } from "mdast-util-to-string";
import { REPO, runCli, validateJson } from "../helpers/cli.js";

const SOURCE = path.join(REPO, "documents/sormland");
let tmp: string;
let editions: string;
let set: string;
let importRun: { code: number; stdout: string; stderr: string };

function split(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error("no front matter");
  return { data: parse(m[1] ?? "") as Record<string, unknown>, body: m[2] ?? "" };
}

/** The words of a Markdown body as a reader sees them: parsed (GFM), its text, white space folded. */
function plainText(body: string): string {
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return toString(tree, { includeImageAlt: true }).replace(/\s+/g, " ").trim();
}

const headings = (body: string): string[] =>
  body
    .split("\n")
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.replace(/\s+$/, ""));

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "samdok-import-roundtrip-"));
  editions = path.join(tmp, "word");
  set = path.join(tmp, "set");
  const built = await runCli(["build", "documents/sormland", "--format", "docx", "--per-document", "--out", editions]);
  expect(built.code, built.stderr).toBe(0);
  mkdirSync(set);
  copyFileSync(path.join(SOURCE, "samdok.config.json"), path.join(set, "samdok.config.json"));
  const files = readdirSync(editions)
    .filter((f) => f.endsWith(".docx") && f !== "samlad-utgava.docx")
    .map((f) => path.join(editions, f));
  importRun = await runCli(["import", ...files, "--out", set]);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("samdok import: round trip of the Word edition", () => {
  it("imports every published document of the set", () => {
    const published = readdirSync(editions).filter((f) => f.endsWith(".docx") && f !== "samlad-utgava.docx");
    expect(published.length).toBeGreaterThan(5);
    const imported = readdirSync(set).filter((f) => f.endsWith(".md"));
    expect(imported.sort()).toEqual(published.map((f) => f.replace(/\.docx$/, ".md")).sort());
    expect(importRun.stdout).toContain(`${published.length} av ${published.length} filer importerade`);
  });

  it("gives back id, title, type, status, version and dates", () => {
    for (const file of readdirSync(set).filter((f) => f.endsWith(".md"))) {
      const source = split(readFileSync(path.join(SOURCE, file), "utf8")).data;
      const got = split(readFileSync(path.join(set, file), "utf8")).data;
      for (const key of ["id", "titel", "dokumenttyp", "status", "version", "giltig_fran", "giltig_till", "revideras_senast"]) {
        expect({ file, key, value: got[key] }).toEqual({ file, key, value: source[key] });
      }
      for (const key of ["faststalld_av", "faststalld_datum", "beslutsparagraf", "diarienummer", "dokumentansvarig", "spar", "parter"]) {
        expect({ file, key, value: got[key] }).toEqual({ file, key, value: source[key] });
      }
      expect({ file, history: got.andringshistorik }).toEqual({ file, history: source.andringshistorik });
    }
  });

  it("keeps every heading at its level", () => {
    for (const file of readdirSync(set).filter((f) => f.endsWith(".md"))) {
      const source = headings(split(readFileSync(path.join(SOURCE, file), "utf8")).body);
      const got = headings(split(readFileSync(path.join(set, file), "utf8")).body);
      expect({ file, headings: got }).toEqual({ file, headings: source });
    }
  });

  it("gives back the body's text (Markdown syntax and white space aside)", () => {
    for (const file of readdirSync(set).filter((f) => f.endsWith(".md"))) {
      const source = plainText(split(readFileSync(path.join(SOURCE, file), "utf8")).body);
      const got = plainText(split(readFileSync(path.join(set, file), "utf8")).body);
      expect({ file, text: got }).toEqual({ file, text: source });
    }
  });

  it("passes samdok validate without errors", async () => {
    const { report } = await validateJson([set]);
    const errors = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => d.severity === "error").map((d) => `${r.file} ${d.ruleId} ${d.message}`),
    );
    expect(errors).toEqual([]);
    expect(importRun.stdout).not.toMatch(/samdok validate: [1-9]\d* fel/);
  });
});
