/**
 * links.ts: a per-document Word file's links to the other documents' Word
 * files become links to their PDFs, with the heading's bookmark named as
 * LibreOffice names the PDF destination; nothing else in the file changes.
 */
import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { destinationName, linkToPdfs } from "../../src/render/pdf/links.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

function wordFile(): Uint8Array {
  const rels =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdL1" Type="${REL}" Target="riktlinje-b.docx" TargetMode="External"/>` +
    `<Relationship Id="rIdL2" Type="${REL}" Target="https://example.se/mall.docx" TargetMode="External"/>` +
    `<Relationship Id="rIdL3" Type="${REL}" Target="rutin-c.docx#h_syfte_c2ab1794" TargetMode="External"/>` +
    `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `</Relationships>`;
  const document =
    `<w:document><w:body><w:p>` +
    `<w:hyperlink w:history="1" w:anchor="h_arbetsgang_1f5428ba" r:id="rIdL1"><w:r><w:t>riktlinjen</w:t></w:r></w:hyperlink>` +
    `<w:hyperlink w:history="1" w:anchor="avsnitt" r:id="rIdL2"><w:r><w:t>mallen</w:t></w:r></w:hyperlink>` +
    `<w:hyperlink w:anchor="d_egen_0a1b2c3d"><w:r><w:t>här</w:t></w:r></w:hyperlink>` +
    `</w:p></w:body></w:document>`;
  return zipSync({
    "word/_rels/document.xml.rels": strToU8(rels),
    "word/document.xml": strToU8(document),
    "word/styles.xml": strToU8("<w:styles/>"),
  });
}

describe("linkToPdfs", () => {
  const files = unzipSync(linkToPdfs(wordFile(), ["riktlinje-b", "rutin-c"]));
  const rels = strFromU8(files["word/_rels/document.xml.rels"] ?? new Uint8Array());
  const document = strFromU8(files["word/document.xml"] ?? new Uint8Array());

  it("points the links to documents of the edition at their PDFs", () => {
    expect(rels).toContain('Id="rIdL1" Type="' + REL + '" Target="riktlinje-b.pdf" TargetMode="External"');
    expect(rels).toContain('Target="rutin-c.pdf#h5Fsyfte5Fc2ab1794"');
  });

  it("names the heading as LibreOffice names the PDF destination", () => {
    expect(document).toContain('w:anchor="h5Farbetsgang5F1f5428ba" r:id="rIdL1"');
    expect(destinationName("h_syfte_c2ab1794")).toBe("h5Fsyfte5Fc2ab1794");
    expect(destinationName("d-rutin-x")).toBe("d-rutin-x");
  });

  it("leaves a web address, a link within the file and the other parts alone", () => {
    expect(rels).toContain('Target="https://example.se/mall.docx"');
    expect(document).toContain('w:anchor="avsnitt" r:id="rIdL2"');
    expect(document).toContain('<w:hyperlink w:anchor="d_egen_0a1b2c3d">');
    expect(strFromU8(files["word/styles.xml"] ?? new Uint8Array())).toBe("<w:styles/>");
  });

  it("returns the file itself when it links to no document of the edition", () => {
    const word = wordFile();
    expect(linkToPdfs(word, ["annat-dokument"])).toBe(word);
    expect(linkToPdfs(word, [])).toBe(word);
  });
});
