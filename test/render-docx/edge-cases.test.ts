/**
 * The Word edition of docx-kantfall: text with XML specials, links in
 * headings and around pictures, footnotes used twice and in table cells and
 * headings, lists in quotes and footnotes, tables in lists, raw HTML, deep
 * headings. The package must hold together (every relationship id and every
 * internal link points at something), and the trees validation parsed must
 * give the same file as parsing the bodies again (as when the cache answers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { all, buildWord, fixture, removeTempDirs, xmlParts, type BuildResult } from "./helpers.js";
import { prepareEdition } from "../../src/render/edition.js";
import { NOW } from "../helpers/cli.js";

const KANTFALL = fixture("docx-kantfall");

afterAll(removeTempDirs);

describe("Word edition of edge cases", () => {
  let built: BuildResult;
  let parts: Record<string, string>;

  beforeAll(async () => {
    built = await buildWord([KANTFALL], { perDocument: true });
    parts = xmlParts(path.join(built.outDir, "samlad-utgava.docx"));
  });

  it("maps the trees validation parsed (in this thread or in workers), and they give the same files as parsing again", async () => {
    for (const jobs of [1, 2]) {
      const edition = await prepareEdition({
        paths: [KANTFALL],
        cwd: KANTFALL,
        lang: "sv",
        today: "2026-11-23",
        outDir: built.outDir,
        filters: {},
        now: NOW,
        env: {},
        stderr: { write: () => true },
        keepBodies: true,
        jobs,
      });
      expect(
        edition.documents.map((d) => d.tree?.type),
        `jobs ${jobs}`,
      ).toEqual(["root", "root"]);
    }
    // The Word step took them all.
    expect(built.edition.documents.every((d) => d.tree === undefined)).toBe(true);
    const parsedAgain = await buildWord([KANTFALL], { perDocument: true, keepBodies: false });
    const fromWorkers = await buildWord([KANTFALL], { perDocument: true, jobs: 2 });
    for (const name of ["samlad-utgava.docx", "rutin-kok.docx", "riktlinje-mal.docx"]) {
      const bytes = readFileSync(path.join(built.outDir, name));
      expect(readFileSync(path.join(parsedAgain.outDir, name)).equals(bytes), name).toBe(true);
      expect(readFileSync(path.join(fromWorkers.outDir, name)).equals(bytes), name).toBe(true);
    }
  });

  it("uses only relationship ids its parts define", () => {
    for (const [name, xml] of Object.entries(parts)) {
      if (!name.startsWith("word/") || name.includes("_rels/")) continue;
      const rels = parts[`word/_rels/${name.slice("word/".length)}.rels`] ?? "";
      const defined = new Set(all(rels, /\bId="([^"]+)"/g));
      for (const id of all(xml, /\br:(?:id|embed)="([^"]+)"/g)) expect(defined.has(id), `${name}: ${id}`).toBe(true);
    }
  });

  it("links internally only to bookmarks that exist", () => {
    const body = parts["word/document.xml"] ?? "";
    const names = new Set(all(body, /<w:bookmarkStart w:name="([^"]+)"/g));
    const anchors = all(body, /<w:hyperlink w:history="1" w:anchor="([^"]+)">/g);
    expect(anchors.length).toBeGreaterThan(5);
    for (const a of anchors) expect(names.has(a), a).toBe(true);
  });

  it("lines up a table and a code block in a list item with the item's text", () => {
    const body = parts["word/document.xml"] ?? "";
    expect(body).toContain('<w:tblW w:type="dxa" w:w="8710"/><w:tblInd w:type="dxa" w:w="360"/>');
    expect(body).toContain(
      '<w:pPr><w:pStyle w:val="SamdokKodblock"/><w:ind w:left="360"/></w:pPr><w:r><w:t xml:space="preserve">kod i lista</w:t>',
    );
  });

  it("escapes XML specials in titles and text", () => {
    const body = parts["word/document.xml"] ?? "";
    expect(body).toContain("Rutin med &quot;citat&quot; &amp; &lt;tecken&gt; och &apos;apostrofer&apos;");
    expect(body).toContain("rad två &amp; &lt;tecken&gt;");
  });

  it("writes a footnote per reference, a footnote's link and list in the footnotes part, and a reference in a footnote as text", () => {
    const notes = parts["word/footnotes.xml"] ?? "";
    expect(all(notes, /<w:footnote w:id="(\d+)">/g)).toEqual(["1", "2", "3", "4"]);
    expect(notes).toContain("Andra stycket i fotnoten.");
    expect(notes).toMatch(/<w:pStyle w:val="FootnoteText"\/><w:numPr>/);
    expect(notes).toContain('<w:t xml:space="preserve">[a]</w:t>');
    expect(parts["word/_rels/footnotes.xml.rels"]).toContain('Target="https://example.se/fotnot"');
    const body = parts["word/document.xml"] ?? "";
    expect(all(body, /<w:footnoteReference w:id="(\d+)"\/>/g)).toEqual(["1", "2", "3", "4"]);
  });

  it("makes a picture in a web link clickable, and one in an internal link not (it has no relationship to point at)", () => {
    const body = parts["word/document.xml"] ?? "";
    const drawings = all(body, /<wp:docPr ([^>]*)/g);
    const inWebLink = drawings.find((d) => d.includes('descr="Flöde i länk"')) ?? "";
    const inInternalLink = drawings.find((d) => d.includes('descr="Flöde internt"')) ?? "";
    expect(body).toMatch(/<wp:docPr [^>]*descr="Flöde i länk"[^>]*><a:hlinkClick [^>]*r:id="rIdL\d+"\/>/);
    expect(inInternalLink.endsWith("/")).toBe(true);
    expect(inWebLink.endsWith("/")).toBe(false);
  });
});
