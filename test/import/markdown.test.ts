/** mammoth's HTML of a Word body as GFM Markdown (issue 19): structure, footnotes, bookmarks, merged cells, pictures. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { readWord } from "../../src/import/word.js";
import { extractImages, htmlToMarkdown } from "../../src/import/markdown.js";

const DIR = path.resolve("test/fixtures/import-word");
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, name)));
const sv = (notes: { message: { sv: string } }[]): string => notes.map((n) => n.message.sv).join("\n");
/** Whitespace and table padding do not count: `| a   |` and `| a |` are the same table. */
const normalise = (markdown: string): string =>
  markdown
    .replace(/^\|[-| :]+\|$/gm, "|---|")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();

describe("htmlToMarkdown", () => {
  it("gives back the Markdown pandoc made the Word file from: headings, nested lists, table, footnote, links, picture", async () => {
    const { markdown, notes } = htmlToMarkdown((await readWord(read("allt.docx"))).html);
    const { markdown: withFiles, images } = extractImages(markdown, "");
    expect(images).toHaveLength(1);
    expect(images[0]?.name).toBe("bild-1.png");
    expect(Buffer.from(images[0]?.bytes ?? []).equals(readFileSync(path.join(DIR, "bild.png")))).toBe(true);
    expect(normalise(withFiles.replace("bild-1.png", "bild.png"))).toBe(normalise(readFileSync(path.join(DIR, "allt.md"), "utf8")));
    expect(markdown).toMatch(/^# Rutin för test$/m);
    expect(markdown).toMatch(/^### Tabell$/m);
    expect(markdown).toMatch(/^ {2}- Underpunkt ett$/m);
    expect(markdown).toMatch(/^ {3}2\. Delsteg b$/m);
    expect(markdown).toMatch(/\*\*fetstil\*\*\.\[\^1\]$/m);
    expect(markdown).toMatch(/^\[\^1\]: En fotnot med text\.$/m);
    // The Word bookmark before the heading became the heading's slug.
    expect(markdown).toMatch(/\[Ansvar\]\(#ansvar\)/);
    expect(sv(notes)).toMatch(/1 fotnoter blev Markdown-fotnoter/);
  });

  it("keeps the headings, lists and tables of samdok's own Word edition", async () => {
    const { markdown } = htmlToMarkdown((await readWord(read("samdok-utgava.docx"))).html);
    const source = readFileSync("documents/sormland/rutin-utskrivning-slutenvard.md", "utf8");
    const headings = (text: string): string[] => text.match(/^#{2,6} .*$/gm) ?? [];
    expect(headings(markdown).slice(0, headings(source).length)).toEqual(headings(source));
    expect(markdown).toMatch(/^2\. Underlaget ska beskriva:\n {3}- vilka behov patienten har,$/m);
    expect(markdown).toMatch(/^\| Sjuksköterska på vårdavdelning +\| Skickar meddelanden och planeringsunderlag\. +\|$/m);
  });

  it("expands merged cells, repeating their text, and says so with the table", async () => {
    const { markdown, notes } = htmlToMarkdown((await readWord(read("merged.docx"))).html);
    expect(normalise(markdown)).toContain(
      "| Roll | Måndag | Tisdag |\n|---|\n| Sjuksköterska | Hela dagen | Hela dagen |\n| Sjuksköterska | Förmiddag | Eftermiddag |",
    );
    expect(notes).toContainEqual(expect.objectContaining({ kind: "guessed", where: "tabell 1" }));
    expect(sv(notes)).toMatch(/2 sammanslagna celler/);
  });

  it("numbers footnotes by first reference and keeps an unreferenced one, noted", () => {
    const html =
      '<p>A<sup><a href="#footnote-7" id="footnote-ref-7">[1]</a></sup> B<sup><a href="#footnote-3" id="footnote-ref-3">[2]</a></sup></p>' +
      '<ol><li id="footnote-3"><p> Tre <a href="#footnote-ref-3">↑</a></p></li><li id="footnote-7"><p> Sju <a href="#footnote-ref-7">↑</a></p></li>' +
      '<li id="footnote-9"><p> Nio</p></li></ol>';
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toBe("A[^1] B[^2]\n\n[^1]: Sju\n\n[^2]: Tre\n\n[^3]: Nio\n");
    expect(sv(notes)).toMatch(/1 fotnoter hänvisas inte till/);
  });

  it("drops empty paragraphs, unlinks bookmarks that are not headings, and writes a table without a header row", () => {
    const html =
      '<h2><a id="_Toc1"></a>Syfte och mål</h2><p></p><p> </p><p>Se <a href="#_Toc1">syftet</a> och <a href="#_Ref9">bilagan</a>.</p>' +
      "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>";
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toBe("## Syfte och mål\n\nSe [syftet](#syfte-och-mål) och bilagan.\n\n| a | b |\n| - | - |\n| c | d |\n");
    expect(notes.map((n) => n.kind)).toEqual(["needs-person", "guessed"]);
    expect(sv(notes)).toMatch(/1 interna länkar pekade inte på en rubrik .*bilagan/);
  });

  it("makes numbered bold paragraphs headings only in a document without heading styles", () => {
    const plain = htmlToMarkdown(
      "<p><strong>1 Syfte</strong></p><p>Text.</p><p><strong>1.2 Ansvar</strong></p><p><strong>Viktigt</strong></p>",
    );
    expect(plain.markdown).toBe("## Syfte\n\nText.\n\n### Ansvar\n\n**Viktigt**\n");
    expect(sv(plain.notes)).toMatch(/2 numrerade fetstilta stycken blev rubriker/);
    const styled = htmlToMarkdown("<h2>Syfte</h2><p><strong>1 Inte en rubrik</strong></p>");
    expect(styled.markdown).toBe("## Syfte\n\n**1 Inte en rubrik**\n");
  });
});
