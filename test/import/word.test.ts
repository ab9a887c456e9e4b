/** Reading a Word file for `samdok import` (issue 19): body, properties, notes, and files that are not readable Word documents. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { ImportError, readWord } from "../../src/import/word.js";
import { pick } from "../../src/i18n/text.js";

const DIR = path.resolve("test/fixtures/import-word");
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, name)));
const sv = (notes: { message: { sv: string } }[]): string => notes.map((n) => n.message.sv).join("\n");

async function failure(bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await readWord(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe("readWord", () => {
  it("reads a pandoc-made body with headings, lists, a table, a footnote and a picture with its alt text", async () => {
    const word = await readWord(file("allt.docx"));
    expect(word.html).toMatch(/<h1>Rutin för test<\/h1>/);
    expect(word.html).toMatch(/<h2>Ansvar<\/h2>/);
    expect(word.html).toMatch(/<h3>Tabell<\/h3>/);
    expect(word.html).toMatch(/<ul><li>Första punkten<ul><li>Underpunkt ett/);
    expect(word.html).toMatch(/<thead><tr><th><p>Roll<\/p><\/th>/);
    expect(word.html).toMatch(/<li id="footnote-\d+">/);
    expect(word.html).toMatch(/<img alt="Röd ruta som exempel" src="data:image\/png;base64,/);
    // pandoc's body styles are not worth a note; nothing was dropped here.
    expect(word.notes).toEqual([]);
  });

  it("reads the title, keywords and custom properties samdok's own Word edition writes", async () => {
    const word = await readWord(file("samdok-utgava.docx"));
    expect(word.properties.title).toBe("Rutin för utskrivning från slutenvård");
    expect(word.properties.keywords).toBe("rutin; utskrivning; planeringsunderlag; it-stöd");
    expect(word.properties.custom).toMatchObject({
      id: "rutin-utskrivning-slutenvard",
      version: "2.1",
      status: "fastställd",
      dokumenttyp: "rutin",
      giltig_fran: "2024-11-01",
    });
    // samdok's own styles are known and not reported as unknown.
    expect(sv(word.notes)).not.toMatch(/Samdok/);
  });

  it("counts tracked changes and comments, and reports a picture without alt text", async () => {
    const word = await readWord(file("svar.docx"));
    expect(word.html).toMatch(/infogad text/);
    expect(word.html).not.toMatch(/borttagen text/);
    expect(word.html).not.toMatch(/CommentText|Bo/);
    const text = sv(word.notes);
    expect(text).toMatch(/2 spårade ändringar accepterades/);
    expect(text).toMatch(/1 kommentar togs inte med/);
    expect(text).toMatch(/1 av 1 bilder saknar alternativtext/);
    expect(word.notes.find((n) => /kommentar/.test(n.message.sv))?.kind).toBe("dropped");
  });

  it("keeps merged cells as spans for the Markdown step (LibreOffice-made file)", async () => {
    const word = await readWord(file("merged.docx"));
    expect(word.html).toMatch(/rowspan="2"/);
    expect(word.html).toMatch(/colspan="2"/);
    expect(word.properties.language).toBe("en-US");
  });

  it("throws a typed ImportError for an empty file, a text file, an old .doc, a password-protected file and a zip without a body", async () => {
    expect((await failure(new Uint8Array())).code).toBe("empty");
    const text = await failure(strToU8("Det här är ingen Word-fil"));
    expect(text.code).toBe("not-word");
    expect(text.text.sv).toMatch(/ingen Word-fil/);
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await failure(ole)).code).toBe("legacy-doc");
    const encrypted = new Uint8Array(ole);
    encrypted.set(Buffer.from("EncryptionInfo", "utf16le"), 512);
    const locked = await failure(encrypted);
    expect(locked.code).toBe("encrypted");
    expect(locked.text.sv).toMatch(/lösenordsskyddad/);
    expect((await failure(zipSync({ "mimetype.txt": strToU8("x") }))).code).toBe("not-word");
    expect((await failure(file("allt.docx").slice(0, 2000))).code).toBe("broken");
  });

  it("calls a Word file with no text empty", async () => {
    const docx = file("allt.docx");
    const { unzipSync } = await import("fflate");
    const parts = unzipSync(docx);
    parts["word/document.xml"] = strToU8(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
    );
    expect((await failure(zipSync(parts))).code).toBe("empty");
  });
});

describe("a zip bomb", () => {
  it("is refused by the sizes it declares, before anything is unpacked", async () => {
    const huge = new Uint8Array(260 * 1024 * 1024);
    const bomb = zipSync({ "word/document.xml": huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await readWord(bomb).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("broken");
    expect(pick((error as ImportError).text, "sv")).toContain("packas upp till mer än 256 MB");
  }, 60_000);
});
