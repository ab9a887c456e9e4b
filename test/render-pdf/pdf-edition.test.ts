/**
 * The PDF edition of test/fixtures/pdf-utgava, made by a real LibreOffice
 * and read by real checkers: pdfinfo (tagged, title, pages, date), pdf-lib
 * (structure tree, marked content, language, bookmarks, named destinations,
 * links) and pdftotext (every title, the stamps, every table date whole).
 * Two builds, one PDF-only and one with the HTML and Word editions, must
 * give the same bytes: the PDF depends on nothing but the edition. A third,
 * with --lang en, has the Word edition's language. Conversions are slow:
 * three LibreOffice runs for this file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { copyFixture, listFiles, tempDir } from "../render-html/helpers.js";
import { runCli, type CliResult } from "../helpers/cli.js";
import { needPrograms } from "../helpers/programs.js";
import { pdfInfo, pdfText, readCatalog } from "./helpers.js";

// In CI a missing soffice, pdfinfo or pdftotext fails this file; elsewhere the tests are skipped with a note.
const tools = needPrograms("The PDF edition", ["soffice", "pdfinfo", "pdftotext"]);

/** 2026-01-01 00:00:00 UTC. */
const EPOCH = "1767225600";
const SET_TITLE = "Samverkansdokument för PDF-provet i Sörmland";
const TITLES = { rutin: 'Rutin för trygg hemgång & "uppföljning"', riktlinje: "Riktlinje för samverkan vid utskrivning från slutenvård" };

let source: string;
let pdfOnly: string;
let all: string;
let english: string;
let first: CliResult;
let second: CliResult;
let third: CliResult;
const made: string[] = [];

beforeAll(async () => {
  if (!tools) return;
  source = copyFixture("pdf-utgava");
  made.push(path.dirname(source));
  pdfOnly = path.join(tempDir("pdf-a"), "dist");
  all = path.join(tempDir("pdf-b"), "dist");
  english = path.join(tempDir("pdf-c"), "dist");
  made.push(path.dirname(pdfOnly), path.dirname(all), path.dirname(english));
  const env = { SOURCE_DATE_EPOCH: EPOCH };
  first = await runCli(["build", source, "--format", "pdf", "--per-document", "--out", pdfOnly, "--no-cache"], {
    cwd: path.dirname(source),
    env,
  });
  second = await runCli(["build", source, "--format", "pdf,html,docx", "--per-document", "--out", all, "--no-cache"], {
    cwd: path.dirname(source),
    env,
  });
  third = await runCli(["--lang", "en", "build", source, "--format", "pdf", "--out", english, "--no-cache"], {
    cwd: path.dirname(source),
    env,
  });
}, 600_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tools)("the PDF edition (LibreOffice)", () => {
  it("writes the consolidated PDF and one per document, with its manifest and no Word file", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    expect(listFiles(pdfOnly)).toEqual([".samdok-pdf.txt", "riktlinje-samverkan.pdf", "rutin-trygg-hemgang.pdf", "samlad-utgava.pdf"]);
    expect(first.stdout).toMatch(/^Utgåva 2026-01-01: 2 dokument, 3 filer i /);
    expect(second.code, second.stderr).toBe(0);
    expect(listFiles(all)).toEqual(
      expect.arrayContaining([
        ".samdok-docx.txt",
        ".samdok-html.txt",
        ".samdok-pdf.txt",
        "samlad-utgava.docx",
        "samlad-utgava.html",
        "samlad-utgava.pdf",
      ]),
    );
  });

  it("is tagged, titled and dated as pdfinfo reads it", async () => {
    const info = pdfInfo(path.join(pdfOnly, "samlad-utgava.pdf"));
    expect(info.Tagged).toBe("yes");
    expect(info.Title).toBe(SET_TITLE);
    expect(info.CreationDate).toBe("2026-01-01T00:00:00Z");
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3);
    expect(Number(info.Pages)).toBe((await readCatalog(path.join(pdfOnly, "samlad-utgava.pdf"))).pages);
    const single = pdfInfo(path.join(pdfOnly, "rutin-trygg-hemgang.pdf"));
    expect(single.Tagged).toBe("yes");
    expect(single.Title).toBe(TITLES.rutin);
  });

  it("has a structure tree, marked content, the language sv-SE, the title shown and bookmarks from the headings", async () => {
    for (const file of ["samlad-utgava.pdf", "rutin-trygg-hemgang.pdf", "riktlinje-samverkan.pdf"]) {
      const c = await readCatalog(path.join(pdfOnly, file));
      expect(c.structTreeRoot, file).toBe(true);
      expect(c.marked, file).toBe(true);
      expect(c.lang, file).toBe("sv-SE");
      expect(c.displayDocTitle, file).toBe(true);
    }
    const outline = (await readCatalog(path.join(pdfOnly, "samlad-utgava.pdf"))).outline;
    expect(outline).toEqual(expect.arrayContaining([TITLES.rutin, TITLES.riktlinje, "Arbetsgång", "Regionens ansvar", "Kommunens ansvar"]));
  });

  it("has the Word edition's language, sv-SE, also when the command line talks English (--lang en)", async () => {
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/^Edition 2026-01-01: 2 documents, 1 file in /);
    expect((await readCatalog(path.join(english, "samlad-utgava.pdf"))).lang).toBe("sv-SE");
  });

  it("has every document's title, the Word edition's stamps and every table date whole in its text", () => {
    const text = pdfText(path.join(pdfOnly, "samlad-utgava.pdf"));
    for (const title of [SET_TITLE, ...Object.values(TITLES)]) expect(text).toContain(title);
    expect(text).toContain("Utskriven kopia är inte styrande");
    expect(text).toMatch(/Sida 2 av \d+/);
    for (const date of ["2026-03-31", "2026-04-15"]) expect(text).toContain(date);
    expect(pdfText(path.join(pdfOnly, "riktlinje-samverkan.pdf"))).toContain(TITLES.riktlinje);
  });

  it("links one document's PDF to a heading in the other's, by a destination that file has", async () => {
    const rutin = await readCatalog(path.join(pdfOnly, "rutin-trygg-hemgang.pdf"));
    const riktlinje = await readCatalog(path.join(pdfOnly, "riktlinje-samverkan.pdf"));
    const toRiktlinje = rutin.uris.filter((u) => u.startsWith("riktlinje-samverkan.pdf"));
    expect(toRiktlinje.length).toBeGreaterThan(0);
    for (const uri of toRiktlinje) {
      const [, fragment] = uri.split("#");
      if (fragment !== undefined) expect(riktlinje.destinations, uri).toContain(fragment);
    }
    expect(riktlinje.uris.some((u) => /^rutin-trygg-hemgang\.pdf#\w+$/.test(u))).toBe(true);
    // No link leads to a Word file or into the temporary folder the PDF was made in.
    for (const uri of [...rutin.uris, ...riktlinje.uris]) expect(uri).not.toMatch(/\.docx|^file:|tmp/);
  });

  it("is the same bytes from both builds: LibreOffice's clock and file identifier are the edition's", () => {
    for (const file of ["samlad-utgava.pdf", "rutin-trygg-hemgang.pdf", "riktlinje-samverkan.pdf"]) {
      const a = readFileSync(path.join(pdfOnly, file));
      const b = readFileSync(path.join(all, file));
      expect(a.equals(b), file).toBe(true);
      expect(a.toString("latin1")).not.toMatch(/samdok-pdf-|samdok-lo-profil-|\/tmp\//);
    }
  });
});
