/**
 * The Word edition at publication standard (issue 18), on the hard set
 * utgava-svar: what a reader notices in the file and in the pages
 * LibreOffice prints from it. Tables keep every date and short word whole,
 * lists sit inside their quote, a nested quote is deeper, links between
 * per-document files land on the heading, soft hyphens are Word's own marks,
 * two code blocks stay two, <sup>/<sub> survive, footnotes are numbered per
 * document, legal references do not break after "§", and the core
 * properties carry the language and whole keyword phrases.
 *
 * The LibreOffice part converts the edition to PDF (guarded as
 * libreoffice.test.ts is: in CI a missing soffice or pdftotext fails it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Root, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { all, fixture, removeTempDirs, tempDir, xmlParts } from "./helpers.js";
import { prepareEdition } from "../../src/render/edition.js";
import { buildDocx, keywordList } from "../../src/render/docx/index.js";
import { columnWidths, textTwips } from "../../src/render/docx/tables.js";
import { headingBookmark } from "../../src/render/docx/bookmarks.js";
import { keepReferencesTogether } from "../../src/render/shared/typography.js";
import { parseBody } from "../../src/core/markdown.js";
import { NOW } from "../helpers/cli.js";
import { needPrograms } from "../helpers/programs.js";

const SET = fixture("utgava-svar");
const NBSP = "\u00a0";

afterAll(removeTempDirs);

/** The Word edition of the set, as `samdok build --format docx` writes it. */
async function build(options: { lang?: "sv" | "en"; perDocument?: boolean; forLibreOffice?: boolean } = {}): Promise<string> {
  const outDir = tempDir("samdok-publication-");
  const edition = await prepareEdition({
    paths: [SET],
    cwd: SET,
    lang: options.lang ?? "sv",
    today: "2026-11-23",
    outDir,
    filters: {},
    now: NOW,
    env: {},
    stderr: { write: () => true },
    keepBodies: true,
  });
  await buildDocx(edition, {
    perDocument: options.perDocument ?? false,
    tocField: false,
    pageNumbers: false,
    ...(options.forLibreOffice ? { forLibreOffice: true } : {}),
  });
  return outDir;
}

/** The paragraphs of a part, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\/>|<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

/** The text of a part's runs (w:t), joined. */
function text(xml: string): string {
  return all(xml, /<w:t[^>]*>([^<]*)<\/w:t>/g).join("");
}

/** The published documents' Markdown tables: each cell's text. */
function markdownTables(): string[][][] {
  const tables: string[][][] = [];
  for (const file of readdirSync(SET).filter((f) => f.endsWith(".md"))) {
    const source = readFileSync(path.join(SET, file), "utf8");
    // The body starts after the front matter's closing "---".
    const bodyLine = source.split("\n").indexOf("---", 1) + 2;
    const tree: Root = parseBody(source, bodyLine);
    visit(tree, "table", (node: Table) => {
      tables.push(node.children.map((row) => row.children.map((cell) => toString(cell, { includeHtml: false }))));
    });
  }
  return tables;
}

describe("Word edition at publication standard (utgava-svar)", () => {
  let body: string;
  let parts: Record<string, string>;
  let perDocument: string;

  beforeAll(async () => {
    const out = await build({ perDocument: true });
    perDocument = out;
    parts = xmlParts(path.join(out, "samlad-utgava.docx"));
    body = parts["word/document.xml"] ?? "";
  });

  describe("table columns", () => {
    const PAD = 180;

    it("are never narrower than their longest word, the header measured in bold", () => {
      const texts = [
        ["Åtgärd", "Klart", "Status", "Höger", "Kommentar"],
        ["Skicka meddelande", "2026-03-31", "Pågår", "Nej", "Följs upp varje månad av närvårdskoordinatorn och kommunerna"],
      ];
      const widths = columnWidths(texts, 5, 9070);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(9070);
      expect(widths[1]).toBeGreaterThanOrEqual(textTwips("2026-03-31", false) + PAD);
      expect(widths[2]).toBeGreaterThanOrEqual(textTwips("Status", true) + PAD);
      expect(widths[3]).toBeGreaterThanOrEqual(textTwips("Höger", true) + PAD);
      // The rest goes to content: the comment column, with the longest lines, gets the most.
      expect(Math.max(...widths)).toBe(widths[4]);
    });

    it("when the longest words cannot all fit, cut only the longest: dates and short words keep their width", () => {
      const texts = [
        ["Inskrivningsmeddelande", "Närvårdskoordinatorerna", "Start", "Klart", "Status", "Höger", "Samordningsansvarig"],
        ["Inskrivningsmeddelanden", "Närvårdskoordinatorerna", "2026-01-15", "2026-03-31", "Pågår", "Nej", "Kommunsjuksköterskorna"],
      ];
      const widths = columnWidths(texts, 7, 9070);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(9070);
      for (const c of [2, 3]) expect(widths[c]).toBeGreaterThanOrEqual(textTwips("2026-03-31", false) + PAD);
      expect(widths[4]).toBeGreaterThanOrEqual(textTwips("Status", true) + PAD);
      expect(widths[5]).toBeGreaterThanOrEqual(textTwips("Höger", true) + PAD);
      // The three long-word columns share what is left equally.
      expect(Math.abs((widths[0] ?? 0) - (widths[1] ?? 0))).toBeLessThanOrEqual(1);
    });

    it("give the fixture's status table room for its dates and its bold headers", () => {
      const grids = [...body.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => all(m[1] ?? "", /w:w="(\d+)"/g).map(Number));
      const status = grids.find((g) => g.length === 7);
      expect(status).toBeDefined();
      const [, , start, klart, state, right] = status ?? [];
      expect(start).toBeGreaterThanOrEqual(textTwips("2026-01-15", false) + PAD);
      expect(klart).toBeGreaterThanOrEqual(textTwips("2026-03-31", false) + PAD);
      expect(state).toBeGreaterThanOrEqual(textTwips("påbörjad", false) + PAD);
      expect(right).toBeGreaterThanOrEqual(textTwips("Höger", true) + PAD);
    });
  });

  it("puts a list in a quote inside the quote, and a quote in a quote deeper", () => {
    const quoted = paragraphs(body).filter((p) => p.includes('<w:pStyle w:val="Quote"/>'));
    const items = quoted.filter((p) => p.includes("<w:numPr>"));
    expect(items.map(text)).toEqual(["vilka som ska vara med i planeringen,", "vilka hjälpmedel som behövs."]);
    for (const item of items) expect(item).toContain('<w:ind w:left="927" w:hanging="360"/>');
    const nested = quoted.find((p) => text(p).startsWith("Ett citat i citatet"));
    expect(nested).toContain('<w:ind w:left="1134"/>');
  });

  it("links a heading of another document to its bookmark in that document's own file", () => {
    const own = xmlParts(path.join(perDocument, "overenskommelse-utgava.docx"));
    const target = headingBookmark("rutin-utgava-status", "arbetsgång");
    const rels = own["word/_rels/document.xml.rels"] ?? "";
    const ids = all(rels, /Id="([^"]+)"[^>]*Target="rutin-utgava-status\.docx"/g);
    expect(ids.length).toBeGreaterThan(0);
    expect(own["word/document.xml"]).toMatch(new RegExp(`<w:hyperlink w:history="1" w:anchor="${target}" r:id="(${ids.join("|")})">`));
    // The bookmark is there in the other file.
    const other = xmlParts(path.join(perDocument, "rutin-utgava-status.docx"));
    expect(other["word/document.xml"]).toContain(`w:name="${target}"`);
  });

  it("writes soft and non-breaking hyphens as Word's marks", () => {
    expect(body).toContain('sam</w:t><w:softHyphen/><w:t xml:space="preserve">verkans</w:t><w:softHyphen/>');
    expect(body).toContain('e</w:t><w:noBreakHyphen/><w:t xml:space="preserve">tjänsten');
    expect(text(body)).not.toMatch(/[\u00ad\u2011]/);
  });

  it("keeps two adjacent code blocks apart", () => {
    const list = paragraphs(body);
    const code = list.map((p, i) => (p.includes('<w:pStyle w:val="SamdokKodblock"/>') ? i : -1)).filter((i) => i >= 0);
    expect(code.length).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < code.length; k++) expect((code[k] ?? 0) - (code[k - 1] ?? 0), "code blocks side by side").toBeGreaterThan(1);
  });

  it("keeps <sup> and <sub> as raised and lowered runs", () => {
    expect(body).toMatch(/20 m<\/w:t><\/w:r><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t>/);
    expect(body).toMatch(/CO<\/w:t><\/w:r><w:r><w:rPr><w:vertAlign w:val="subscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t>/);
  });

  it("numbers each document's footnotes from 1 in the consolidated edition", () => {
    // The agreement's four notes are Word's own; the routine's two carry their numbers.
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(4);
    const custom = [...body.matchAll(/<w:footnoteReference w:customMarkFollows="1" w:id="(\d+)"\/><w:t>(\d+)<\/w:t>/g)];
    expect(custom.map((m) => m[2])).toEqual(["1", "2"]);
    const notes = parts["word/footnotes.xml"] ?? "";
    for (const [, id, n] of custom) {
      const note = new RegExp(`<w:footnote w:id="${id}">([\\s\\S]*?)</w:footnote>`).exec(notes)?.[1] ?? "";
      expect(note).not.toContain("<w:footnoteRef/>");
      expect(text(note)).toMatch(new RegExp(`^${n} Den här fotnoten`));
    }
  });

  it("keeps legal references together with non-breaking spaces", () => {
    const t = text(body);
    for (const kept of [`§${NBSP}14/2025`, `16${NBSP}kap.${NBSP}4${NBSP}§`, `kap.${NBSP}3`, `nr${NBSP}5`, "§14 i"])
      expect(t).toContain(kept);
    expect(keepReferencesTogether("Se kapitel 3 och Konr 5 och 3 kap. 2 §§ och Nr 7.")).toBe(
      `Se kapitel 3 och Konr 5 och 3${NBSP}kap.${NBSP}2${NBSP}§§ och Nr${NBSP}7.`,
    );
  });

  it("sets the language in the core properties and the styles, and keeps keyword phrases whole", async () => {
    expect(parts["docProps/core.xml"]).toContain("<dc:language>sv-SE</dc:language>");
    expect(parts["word/styles.xml"]).toContain('<w:lang w:val="sv-SE"');
    const own = xmlParts(path.join(perDocument, "overenskommelse-utgava.docx"));
    expect(own["docProps/core.xml"]).toContain(
      `<cp:keywords>överenskommelse; Region${NBSP}Örebro${NBSP}län; trygg${NBSP}hemgång; samordnad${NBSP}individuell${NBSP}plan</cp:keywords>`,
    );
    expect(keywordList([" a  b ", "c"])).toBe(`a${NBSP}b; c`);
    // The documents are Swedish whatever language the command line talks in: Word checks their spelling as Swedish.
    const english = xmlParts(path.join(await build({ lang: "en" }), "samlad-utgava.docx"));
    expect(english["docProps/core.xml"]).toContain("<dc:language>sv-SE</dc:language>");
    expect(english["word/styles.xml"]).toContain('<w:lang w:val="sv-SE"');
  });
});

// In CI a missing soffice or pdftotext fails this file; elsewhere these tests are skipped with a note.
const tools = needPrograms("LibreOffice prints the publication edition", ["soffice", "pdftotext", "pdfinfo"]);

/** Converts a .docx to PDF with LibreOffice (a private profile); the PDF's path. */
function toPdf(docx: string): string {
  const outDir = path.dirname(docx);
  const profile = path.join(tempDir("lo-"), randomBytes(4).toString("hex"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx], {
      stdio: "ignore",
      timeout: 240_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docx.replace(/\.docx$/, ".pdf");
}

const run = (program: string, args: string[]): string =>
  execFileSync(program, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).replace(/\u00a0/g, " ");

describe.skipIf(!tools)("LibreOffice prints the publication edition", () => {
  let layout: string;
  let flat: string;
  let words: string[];
  let info: string;
  let boxes: { word: string; x: number; y: number }[];

  beforeAll(async () => {
    const out = await build({ forLibreOffice: true });
    const pdf = toPdf(path.join(out, "samlad-utgava.docx"));
    layout = run("pdftotext", ["-enc", "UTF-8", "-layout", pdf, "-"]);
    flat = run("pdftotext", ["-enc", "UTF-8", pdf, "-"]).replace(/\s+/g, " ");
    words = flat.split(" ").map((w) => w.replace(/^[("[]+|[)"\].,:;]+$/g, ""));
    info = run("pdfinfo", [pdf]);
    const html = run("pdftotext", ["-enc", "UTF-8", "-bbox", pdf, "-"]);
    // Every word with its top left corner, in points; each page 10,000 points below the one before.
    boxes = html.split("<page ").flatMap((page, n) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
        word: m[3] ?? "",
        x: Number(m[1]),
        y: n * 10_000 + Number(m[2]),
      })),
    );
  }, 300_000);

  it("prints every date and every short word of every table whole", () => {
    const cells = markdownTables().flat(2);
    const dates = cells.flatMap((c) => c.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
    expect(dates.length).toBeGreaterThanOrEqual(8);
    for (const date of new Set(dates)) {
      const inTables = dates.filter((d) => d === date).length;
      expect(words.filter((w) => w === date).length, date).toBeGreaterThanOrEqual(inTables);
    }
    // Short words: up to 12 letters ("Primärvården"). A word broken in a cell is its start on one line and its
    // end right below it, at the same left edge.
    const short = new Set(cells.flatMap((c) => c.split(/\s+/)).filter((w) => w.length >= 2 && [...w].length <= 12));
    expect([...short]).toEqual(expect.arrayContaining(["Status", "Pågår", "Höger", "Klart", "Primärvården", "2026-03-31"]));
    const broken: string[] = [];
    for (const head of boxes) {
      for (const tail of boxes) {
        const below = tail.y - head.y > 4 && tail.y - head.y < 20 && Math.abs(tail.x - head.x) < 3;
        const word = head.word + tail.word;
        // Numbers of a few digits are often stacked in tables ("2" above "4"); a date is checked whole above.
        if (below && short.has(word) && !/^\d{1,4}$/.test(word)) broken.push(`${head.word}|${tail.word}`);
      }
    }
    expect(broken, layout).toEqual([]);
  });

  it("numbers the second document's footnotes from 1", () => {
    // In the text: the reference after "uppföljning." is 1, the next 2.
    expect(flat).toContain("överenskommelsens uppföljning.1 ");
    expect(flat).toContain("Skicka inskrivningsmeddelande.2 ");
    // In the notes: the number printed just left of the note's first word.
    const markOf = (sentence: string): string | undefined => {
      const first = sentence.split(" ");
      const start = boxes[boxes.findIndex((_, k) => first.every((w, j) => boxes[k + j]?.word === w))];
      // pdftotext lists the marks apart from the notes' text: the mark is the word on the same line, just left of it.
      const mark = boxes.find((b) => start && b.x < start.x && start.x - b.x < 15 && Math.abs(b.y - start.y) < 6);
      return mark?.word;
    };
    expect(markOf("Lag (2017:612) om samverkan")).toBe("1");
    expect(markOf("Uppföljningen redovisas för nämnden.")).toBe("4");
    expect(markOf("Den här fotnoten är dokumentets första.")).toBe("1");
    expect(markOf("Den här fotnoten är dokumentets andra.")).toBe("2");
  });

  it("prints a list in a quote inside the quote, and a quote in a quote deeper", () => {
    const quote = boxes.find((b) => b.word === "Fråga");
    const bullets = boxes.filter((b) => b.word === "•" && quote && b.y > quote.y && b.y < quote.y + 60);
    const nested = boxes.find((b) => b.word === "Ett" && quote && b.y > quote.y);
    expect(quote && bullets.length === 2 && nested).toBeTruthy();
    // Points: the bullets are at or right of the quote's text, the nested quote 10 points and more further in.
    for (const b of bullets) expect(b.x).toBeGreaterThanOrEqual((quote?.x ?? 0) - 1);
    expect(nested?.x ?? 0).toBeGreaterThan((quote?.x ?? 0) + 10);
  });

  it("prints the text with its soft hyphens, raised and lowered digits, and § on the line of its number", () => {
    expect(flat).toContain("Den här samverkansöverenskommelsen ska ge");
    expect(flat).toContain("e-tjänsten");
    expect(layout).toMatch(/20 m2 och utsläppen räknas som CO2/);
    // The sentence is as long as a line up to "§": the reference moves to the next line whole.
    expect(layout).toMatch(/protokoll under\s*\n\s*§ 14\/2025\./);
  });

  it("carries whole keyword phrases into the PDF", () => {
    expect(info).toMatch(/Keywords:\s+samverkansdokument, Region Örebro län/);
  });
});
