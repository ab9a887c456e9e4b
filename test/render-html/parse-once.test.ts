/**
 * A build parses each body once: validation keeps the trees it parsed
 * (`keepBodies`), and the HTML and the Word edition both render that same
 * tree, which neither changes. Every parse goes through remark-parse, whose
 * parser counts them here (in this thread: `--jobs 1`). A document the cache
 * answered for has no tree, and each edition parses it: the files and the
 * warnings (with their lines) must be the same either way.
 */
import { describe, expect, it, vi } from "vitest";
import path from "node:path";
import { visit } from "unist-util-visit";
import type { Processor } from "unified";
import { buildHtml, copyFixture, snapshot, tempDir } from "./helpers.js";
import { NOW } from "../helpers/cli.js";
import { prepareEdition } from "../../src/render/edition.js";
import { renderHtml } from "../../src/render/html/index.js";
import { buildDocx } from "../../src/render/docx/index.js";

/** The text of every body parsed, in order. */
const parsed = vi.hoisted(() => [] as string[]);

// Every Markdown parser of samdok is a unified processor with remark-parse: each parse is counted here.
vi.mock("remark-parse", async (importOriginal) => {
  const remarkParse = (await importOriginal<typeof import("remark-parse")>()).default;
  return {
    default: function counted(this: Processor, ...options: Parameters<typeof remarkParse>): void {
      remarkParse.apply(this, options);
      const parser = this.parser;
      if (!parser) throw new Error("remark-parse set no parser");
      this.parser = (document, file) => {
        parsed.push(document);
        return parser(document, file);
      };
    },
  };
});

/** How many times each body was parsed since the last call. */
function parsesPerBody(): number[] {
  const counts = new Map<string, number>();
  for (const text of parsed.splice(0)) counts.set(text, (counts.get(text) ?? 0) + 1);
  return [...counts.values()];
}

/** The warnings of a build's stderr, without the folder they were written from. */
function warnings(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.includes("varning"));
}

describe("a build parses each body once", () => {
  for (const fixture of ["html-kantfall", "docx-kantfall"]) {
    it(`${fixture}: html, docx and both (either order), and the same files and warnings as when the cache answers`, async () => {
      const source = copyFixture(fixture);
      const cwd = path.dirname(source);
      const documents = 2;
      for (const format of ["html", "docx", "html,docx", "docx,html"]) {
        parsed.length = 0;
        const out = path.join(tempDir("en-gang"), "dist");
        const r = await buildHtml([source], out, ["--format", format, "--per-document", "--no-cache", "--jobs", "1"], { cwd });
        expect(r.code, r.stderr).toBe(0);
        expect(parsesPerBody(), format).toEqual(Array.from({ length: documents }, () => 1));
      }

      // With the cache: the first build parses (once), the second is answered by the cache and its editions parse.
      const cache = path.join(tempDir("cache"), "cache");
      const builds = [];
      for (const run of ["parsed by validation", "answered by the cache"]) {
        const out = path.join(tempDir("cache-ut"), "dist");
        const r = await buildHtml(
          [source],
          out,
          ["--format", "html,docx", "--per-document", "--cache", "--cache-location", cache, "--jobs", "1"],
          { cwd },
        );
        expect(r.code, `${run}: ${r.stderr}`).toBe(0);
        builds.push({ files: snapshot(out), warnings: warnings(r.stderr) });
      }
      const [fromValidation, fromCache] = builds as [(typeof builds)[number], (typeof builds)[number]];
      expect(fromCache.warnings).toEqual(fromValidation.warnings);
      expect([...fromCache.files.keys()]).toEqual([...fromValidation.files.keys()]);
      for (const [file, data] of fromValidation.files) expect(fromCache.files.get(file)?.equals(data), file).toBe(true);
    });
  }

  it("both editions get the same tree, unchanged, and the last one lets it go", async () => {
    const source = copyFixture("docx-kantfall");
    const edition = await prepareEdition({
      paths: [source],
      cwd: path.dirname(source),
      lang: "sv",
      today: "2026-11-23",
      outDir: path.join(tempDir("trad"), "dist"),
      filters: {},
      now: NOW,
      env: {},
      stderr: { write: () => true },
      keepBodies: ["html", "docx"],
      jobs: 1,
    });
    const trees = edition.documents.map((d) => d.tree);
    expect(trees.map((t) => t?.type)).toEqual(["root", "root"]);
    // The HTML edition's warnings name lines: the nodes they name (and only those) keep their position in the file.
    const positioned = new Set<string>();
    for (const tree of trees) if (tree) visit(tree, (node) => void (node.position && positioned.add(node.type)));
    expect([...positioned].sort()).toEqual(["html", "image", "imageReference", "link", "linkReference"]);
    const before = JSON.stringify(trees);
    await renderHtml(edition);
    // The Word edition is still to take them.
    expect(edition.documents.map((d) => d.tree)).toEqual(trees);
    expect(JSON.stringify(trees)).toBe(before);
    await buildDocx(edition, { perDocument: true, tocField: false, pageNumbers: false });
    expect(edition.documents.every((d) => d.tree === undefined && d.treeReaders === undefined)).toBe(true);
    expect(JSON.stringify(trees)).toBe(before);
  });
});
