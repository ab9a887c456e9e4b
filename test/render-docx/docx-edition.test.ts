/**
 * The Word edition (issue 6): structure of the package, reproducibility,
 * links and bookmarks, lists, tables, footnotes, pictures, header and footer,
 * properties, single-document files, and a read-back with a second reader
 * (mammoth).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { all, buildWord, fixture, tempDir, xmlParts, type BuildResult, removeTempDirs } from "./helpers.js";
import { isValidBookmark, documentBookmark, headingBookmark } from "../../src/render/docx/bookmarks.js";
import { PublishRefused } from "../../src/render/edition.js";
import { NOW } from "../helpers/cli.js";

const ALLT = fixture("docx-allt");

afterAll(removeTempDirs);

describe("Word edition of a set", () => {
  let built: BuildResult;
  let xml: Record<string, string>;
  let body: string;

  beforeAll(async () => {
    built = await buildWord([ALLT], { perDocument: true });
    xml = xmlParts(path.join(built.outDir, "samlad-utgava.docx"));
    body = xml["word/document.xml"] ?? "";
  });

  it("writes samlad-utgava.docx and, with --per-document, <id>.docx for each document", () => {
    expect(readdirSync(built.outDir).sort()).toEqual(["riktlinje-mal.docx", "rutin-allt.docx", "rutin-kort.docx", "samlad-utgava.docx"]);
    expect(built.files.map((f) => path.basename(f))).toEqual([
      "samlad-utgava.docx",
      "riktlinje-mal.docx",
      "rutin-allt.docx",
      "rutin-kort.docx",
    ]);
    expect(built.files.every((f) => path.isAbsolute(f))).toBe(true);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(built.outDir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("gives byte-identical files when built twice, hours apart on the same day", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    const again = await buildWord([ALLT], { perDocument: true, now: new Date(NOW.getTime() + 3 * 3600_000) });
    for (const file of readdirSync(built.outDir)) {
      const a = readFileSync(path.join(built.outDir, file));
      const b = readFileSync(path.join(again.outDir, file));
      expect(Buffer.compare(a, b), file).toBe(0);
    }
  });

  it("leaves nothing random or clock-dependent in the package", () => {
    const joined = Object.values(xml).join("\n");
    expect(joined).not.toMatch(/rId[A-Za-z0-9_-]{21}"/);
    expect(all(xml["docProps/core.xml"] ?? "", /<dcterms:(?:created|modified)[^>]*>([^<]*)</g)).toEqual([
      "2026-11-23T00:00:00Z",
      "2026-11-23T00:00:00Z",
    ]);
  });

  it("makes a cover with the set's name, region and parties and edition date; the source revision is in the properties", () => {
    const cover = body.slice(0, body.indexOf("Innehåll"));
    expect(cover).toContain("Testsamling");
    expect(cover).toContain("Samlad utgåva");
    expect(cover).toContain("Region Sörmland, Nyköpings kommun och Eskilstuna kommun");
    expect(cover).toContain("23 november 2026");
    // Issue 18: the git hash is not for a reader's eyes; it is kept in the document properties.
    expect(cover).not.toContain("Källversion");
    expect(xml["docProps/custom.xml"]).toMatch(/name="kallversion"><vt:lpwstr>[^<]*</);
  });

  it("puts each document in a chapter: Heading 1 title with a bookmark, metadata table, text, change history", () => {
    const titles = all(body, /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:bookmarkStart w:name="([^"]+)"/g);
    expect(titles).toEqual(["riktlinje-mal", "rutin-allt", "rutin-kort"].map(documentBookmark));
    for (const label of [
      "Dokumenttyp",
      "Status",
      "Version",
      "Fastställd av och när",
      "Giltig från",
      "Giltig till",
      "Revideras senast",
      "Dokumentansvarig",
      "Parter",
    ]) {
      expect(body).toContain(`>${label}<`);
    }
    // The decision paragraph is one unit: a non-breaking space after "§" (shared/typography.ts).
    expect(body).toContain("Länsstyrgruppen, 1 mars 2025, §\u00a012");
    expect(body.match(/>Ändringshistorik</g)).toHaveLength(3);
    // Each chapter is a section of its own, starting on a new page.
    expect(body.match(/<w:type w:val="nextPage"\/>/g)?.length).toBe(4);
    // Body `##` is Heading 2, `###` Heading 3.
    expect(body).toMatch(/<w:pStyle w:val="Heading3"\/><\/w:pPr><w:bookmarkStart w:name="h_flodet_i_bild_[0-9a-f]{8}"/);
  });

  it("has a table of contents of internal links to the chapters, grouped by track", () => {
    const toc = body.slice(body.indexOf("Innehåll"), body.indexOf('<w:pStyle w:val="Heading1"/>'));
    expect(all(toc, /<w:hyperlink w:history="1" w:anchor="([^"]+)"/g)).toEqual(
      ["riktlinje-mal", "rutin-allt", "rutin-kort"].map(documentBookmark),
    );
    expect(toc).toContain("Trygg hemgång och effektiv samverkan");
    expect(toc).toContain("Hälso- och sjukvårdsrutiner");
    expect(toc).not.toContain("TOC \\"); // no field unless --toc-field
  });

  it("names bookmarks validly and links every internal link to a bookmark that exists", () => {
    const names = all(body, /<w:bookmarkStart w:name="([^"]+)"/g);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !isValidBookmark(n))).toEqual([]);
    const anchors = all(body, /w:anchor="([^"]+)"/g);
    expect(anchors.filter((a) => !names.includes(a))).toEqual([]);
    // Links between documents land on the heading; a link to the same document's heading too.
    expect(anchors).toContain(headingBookmark("rutin-allt", "arbetsgång"));
    expect(anchors).toContain(headingBookmark("riktlinje-mal", "uppföljning"));
    expect(anchors).toContain(headingBookmark("rutin-allt", "ansvar"));
    // The metadata's parent document is a link too.
    expect(body).toMatch(/Överordnat dokument[\s\S]*?w:anchor="d_riktlinje_mal_[0-9a-f]{8}"/);
  });

  it("keeps external links (web and mail) as hyperlink relationships", () => {
    const rels = xml["word/_rels/document.xml.rels"] ?? "";
    expect(rels).toMatch(/Target="https:\/\/www\.socialstyrelsen\.se\/" TargetMode="External"/);
    expect(rels).toMatch(/Target="mailto:narvard@example\.se" TargetMode="External"/);
  });

  it("maps inline formatting: bold, italic, strike, code and a hard line break", () => {
    expect(body).toMatch(/<w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t xml:space="preserve">fet stil</);
    expect(body).toMatch(/<w:i\/>(?:<w:iCs\/>)?<\/w:rPr><w:t xml:space="preserve">kursiv stil</);
    expect(body).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">struken text</);
    expect(body).toMatch(/<w:rStyle w:val="SamdokKod"\/><\/w:rPr><w:t xml:space="preserve">kod i löptext</);
    expect(body).toMatch(/<w:br\/><\/w:r><w:r><w:t xml:space="preserve">Den här raden/);
    expect(body).not.toContain("En kommentar som inte ska synas");
  });

  it("restarts numbering for every Markdown list and honours a list's start number", () => {
    const numIds = (text: string): string[] => {
      const at = body.indexOf(`>${text}<`);
      const before = body.slice(0, at);
      return all(before.slice(before.lastIndexOf("<w:p>")), /<w:numId w:val="(\d+)"/g);
    };
    const first = numIds("Skicka inskrivningsmeddelande.");
    const second = numIds("Ring den enskilde.");
    const third = numIds("Den här listan börjar på tre.");
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(first[0]).not.toBe(second[0]);
    expect(third[0]).not.toBe(second[0]);
    // The nested bullet list is one level down.
    expect(body).toMatch(
      /<w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">kontrollera läkemedel,</,
    );
    const numbering = xml["word/numbering.xml"] ?? "";
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
    expect(body).toContain("☒ ");
    expect(body).toContain("☐ ");
  });

  it("writes tables with a header row that repeats on every page, and column alignment", () => {
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(7); // 3 metadata, 3 history, 1 from Markdown
    for (const t of tables) expect(t).toMatch(/^<w:tbl>.*?<w:tr><w:trPr>(?:<w:cantSplit\/>)?<w:tblHeader\/><\/w:trPr>/);
    const md = tables.find((t) => t.includes(">Biståndshandläggare<")) ?? "";
    expect(md).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">Planerar insatser\.</);
    expect(md).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">2</);
  });

  // Numbered through the whole edition: LibreOffice 7.4 shows "0" for footnotes restarted per section.
  it("turns footnotes into Word footnotes", () => {
    const notes = xml["word/footnotes.xml"] ?? "";
    expect(notes).toContain("Uppföljningen redovisas för Länsstyrgruppen.");
    expect(notes).toContain("Se riktlinjen för avvikelser.");
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(body).not.toContain("<w:numRestart");
  });

  it("embeds a local picture with its alt text", () => {
    expect(body).toMatch(/<wp:docPr id="1" name="flode\.png" descr="Flödesschema för hemgången"/);
    expect(xml["word/_rels/document.xml.rels"]).toMatch(/Target="media\/[^"]+\.png"/);
    expect(xml["[Content_Types].xml"]).toMatch(/Extension="png"/);
  });

  it("has a block quote, a code block and a thematic break", () => {
    expect(body).toMatch(/<w:pStyle w:val="Quote"\/><\/w:pPr><w:r><w:t xml:space="preserve">Fråga alltid den enskilde/);
    expect(body).toMatch(
      /<w:pStyle w:val="SamdokKodblock"\/>[\s\S]*?steg 1: skicka<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">steg 2: bekräfta/,
    );
    expect(body).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it("puts title, version and status in each chapter's header, and the disclaimer and page X of Y in the footer", () => {
    const headers = Object.entries(xml)
      .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
      .map(([, x]) => x);
    const texts = headers.map((h) => all(h, /<w:t(?: [^>]*)?>([^<]*)/g).join(""));
    // Issue 18: the title, not the technical id, where a reader looks for it.
    expect(texts).toContain("Rutin för trygg hemgång med alla slags innehåll · version 1.1 · FastställdUtgåva 23 november 2026");
    expect(texts).toContain("Riktlinje för mål vid utskrivning · version 2.0 · FastställdUtgåva 23 november 2026");
    const footers = Object.entries(xml)
      .filter(([n]) => /^word\/footer\d+\.xml$/.test(n))
      .map(([, x]) => x);
    // Issue 18: the cover's own footer (and header) is empty; later sections inherit the one printed footer.
    const printed = footers.filter((f) => f.includes("<w:t"));
    expect(footers).toHaveLength(2);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain("Utskriven kopia är inte styrande");
    expect(printed[0]).toMatch(/Sida [\s\S]*PAGE[\s\S]* av [\s\S]*NUMPAGES/);
  });

  it("sets core and custom properties, and Swedish as the document language", () => {
    const core = xml["docProps/core.xml"] ?? "";
    expect(core).toContain("<dc:title>Testsamling</dc:title>");
    expect(core).toContain("<dc:creator>samdok</dc:creator>");
    expect(core).toContain("<dc:subject>Samlad utgåva 2026-11-23</dc:subject>");
    // A phrase keeps its spaces non-breaking, so LibreOffice does not split it into words (publication.test.ts).
    expect(core).toMatch(/<cp:keywords>samverkansdokument; Region\u00a0Sörmland<\/cp:keywords>/);
    const custom = xml["docProps/custom.xml"] ?? "";
    expect(custom).toMatch(/name="utgava_datum"><vt:lpwstr>2026-11-23</);
    expect(custom).toMatch(/name="antal_dokument"><vt:lpwstr>3</);
    expect(xml["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"/);
  });

  it("writes a single document with its front matter as custom properties and links to the other files", () => {
    const single = xmlParts(path.join(built.outDir, "rutin-allt.docx"));
    const custom = single["docProps/custom.xml"] ?? "";
    for (const [name, value] of [
      ["id", "rutin-allt"],
      ["version", "1.1"],
      ["status", "fastställd"],
      ["revideras_senast", "2027-03-01"],
    ]) {
      expect(custom).toContain(`name="${name}"><vt:lpwstr>${value}</vt:lpwstr>`);
    }
    expect(single["docProps/core.xml"]).toContain("<dc:title>Rutin för trygg hemgång med alla slags innehåll</dc:title>");
    expect(single["docProps/core.xml"]).toContain("<cp:revision>2</cp:revision>");
    const doc = single["word/document.xml"] ?? "";
    expect(doc).not.toContain(">Innehåll<"); // no cover or contents
    expect(single["word/_rels/document.xml.rels"]).toMatch(/Target="riktlinje-mal\.docx" TargetMode="External"/);
    // Links inside the document stay internal.
    expect(doc).toContain(`w:anchor="${headingBookmark("rutin-allt", "ansvar")}"`);
  });
});

describe("reading the edition back with a second reader (mammoth)", () => {
  let html: string;
  beforeAll(async () => {
    const { outDir } = await buildWord([ALLT]);
    html = (await mammoth.convertToHtml({ path: path.join(outDir, "samlad-utgava.docx") })).value;
  });

  it("sees the headings", () => {
    expect(all(html, /<h1>(?:<a id="[^"]+"><\/a>)?([^<]+)<\/h1>/g)).toEqual([
      "Riktlinje för mål vid utskrivning",
      "Rutin för trygg hemgång med alla slags innehåll",
      "Rutin för kort kontakt efter hemgång",
    ]);
    expect(html).toMatch(/<h2>(?:<a id="[^"]+"><\/a>)?Arbetsgång<\/h2>/);
    expect(html).toMatch(/<h3>(?:<a id="[^"]+"><\/a>)?Flödet i bild<\/h3>/);
  });

  it("sees the lists, nested", () => {
    expect(html).toMatch(
      /<ol><li>Skicka inskrivningsmeddelande\.<\/li><li>Planera hemgången:<ul><li>kontrollera läkemedel,<\/li><li>beställ hjälpmedel\.<\/li><\/ul><\/li><li>Bekräfta hemgången\.<\/li><\/ol>/,
    );
    expect(html).toMatch(/<ul><li>Ingen ska vänta i onödan på sjukhuset\.<\/li>/);
  });

  it("sees the tables", () => {
    expect(html).toMatch(/<table>[\s\S]*?<p>Roll<\/p>[\s\S]*?<p>Sjuksköterska<\/p>[\s\S]*?<\/table>/);
    expect(html).toMatch(/<p>Dokumenttyp<\/p><\/td><td><p>Rutin<\/p>/);
  });

  it("sees internal and external links", () => {
    const ids = new Set(all(html, /\bid="([^"]+)"/g));
    const internal = all(html, /<a href="#([^"]+)">/g);
    expect(internal.length).toBeGreaterThan(5);
    expect(internal.filter((a) => !ids.has(a))).toEqual([]);
    expect(html).toContain('<a href="https://www.socialstyrelsen.se/">Socialstyrelsens webbplats</a>');
    expect(html).toContain('<a href="mailto:narvard@example.se">närvårdskoordinatorn</a>');
  });

  it("sees the footnotes", () => {
    expect(html).toMatch(/<li id="footnote-\d+"><p> ?Uppföljningen redovisas för Länsstyrgruppen\./);
  });
});

describe("Word edition options", () => {
  it("--toc-field adds a Word TOC field, pre-filled, that Word does not ask to update", async () => {
    const { outDir } = await buildWord([ALLT], { tocField: true });
    const x = xmlParts(path.join(outDir, "samlad-utgava.docx"));
    const body = x["word/document.xml"] ?? "";
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;/);
    // The field's own bookmarks are numbered in order, not from docx's process-wide counter.
    expect(all(body, /<w:bookmarkStart w:name="(_Toc\d+)"/g)).toEqual(["_Toc1", "_Toc2", "_Toc3"]);
    expect(body).toContain("Rutin för kort kontakt efter hemgång");
    expect(x["word/settings.xml"]).not.toContain("updateFields");
    expect(body).not.toContain('w:dirty="true"');
  });

  it("--page-numbers writes estimated page numbers into the contents", async () => {
    const { outDir } = await buildWord([ALLT], { pageNumbers: true });
    const body = xmlParts(path.join(outDir, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    const entry = /PAGEREF (d_[a-z0-9_]+) \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)</g;
    expect(all(body, entry)).toEqual(["riktlinje-mal", "rutin-allt", "rutin-kort"].map(documentBookmark));
    const pages = [...body.matchAll(entry)].map((m) => Number(m[2]));
    expect(pages[0]).toBeGreaterThanOrEqual(3); // after the cover and the contents
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
  });

  it("does not publish a set with errors", async () => {
    const outDir = tempDir();
    await expect(buildWord([fixture("docx-fel")], { outDir })).rejects.toBeInstanceOf(PublishRefused);
    expect(existsSync(path.join(outDir, "samlad-utgava.docx"))).toBe(false);
  });
});
