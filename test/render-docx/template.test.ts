/**
 * `--template FILE.docx|.dotx`: the region's styles (fonts, colours,
 * heading looks) and page setup are used; samdok's own styles are added
 * only where the template has none. The template is generated here with docx.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import mammoth from "mammoth";
import { all, buildWord, fixture, tempDir, xmlParts, removeTempDirs } from "./helpers.js";
import { UsageError } from "../../src/core/errors.js";
import { readTemplate } from "../../src/render/docx/template.js";

const ALLT = fixture("docx-allt");

/** A region's template: Georgia, dark red headings, Letter paper with 2 cm margins, and its own table text style. */
async function makeTemplate(file: string): Promise<void> {
  const doc = new Document({
    styles: {
      default: {
        document: { run: { font: "Georgia", size: 24, language: { value: "en-US" } } },
        heading1: { run: { font: "Georgia", size: 44, color: "C00000", bold: true } },
        heading2: { run: { font: "Georgia", size: 32, color: "C00000" } },
      },
      paragraphStyles: [
        { id: "SamdokTabelltext", name: "Samdok tabelltext", basedOn: "Normal", run: { font: "Georgia", size: 18, color: "333333" } },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } } },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Regionens mall" })],
      },
    ],
  });
  writeFileSync(file, await Packer.toBuffer(doc));
}

function styleBlock(styles: string, id: string): string[] {
  return styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`, "g")) ?? [];
}

afterAll(removeTempDirs);

describe("--template", () => {
  let styles: string;
  let document: string;
  let template: string;

  beforeAll(async () => {
    const dir = tempDir("samdok-docx-mall-");
    template = path.join(dir, "regionmall.dotx");
    await makeTemplate(template);
    const { outDir } = await buildWord([ALLT], { template });
    const parts = xmlParts(path.join(outDir, "samlad-utgava.docx"));
    styles = parts["word/styles.xml"] ?? "";
    document = parts["word/document.xml"] ?? "";
  });

  it("uses the template's heading styles, once each (not shadowed by docx's built-ins)", () => {
    const h1 = styleBlock(styles, "Heading1");
    expect(h1).toHaveLength(1);
    expect(h1[0]).toContain('w:val="C00000"');
    expect(h1[0]).toContain('w:ascii="Georgia"');
    expect(styleBlock(styles, "Heading2")[0]).toContain('w:val="C00000"');
    expect(styles.match(/<w:docDefaults>/g)).toHaveLength(1);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Georgia"/);
  });

  it("keeps a samdok style the template defines, and adds those it lacks", () => {
    const text = styleBlock(styles, "SamdokTabelltext");
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('w:val="333333"');
    expect(styleBlock(styles, "SamdokTabellrubrik")).toHaveLength(1);
    expect(styleBlock(styles, "SamdokKodblock")).toHaveLength(1);
  });

  it("still writes Swedish as the document language", () => {
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="sv-SE"/);
    expect(styles).not.toContain('w:val="en-US"');
  });

  it("takes the template's page size and margins, and fits the tables to them", () => {
    expect(document).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(document).toContain('w:left="1134"');
    expect(all(document, /<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)[0]).toBe(String(12240 - 2 * 1134));
  });

  it("gives a file a second reader opens, with the same headings", async () => {
    const { outDir } = await buildWord([ALLT], { template });
    const html = (await mammoth.convertToHtml({ path: path.join(outDir, "samlad-utgava.docx") })).value;
    expect(html).toMatch(/<h1>(?:<a id="[^"]+"><\/a>)?Rutin för kort kontakt efter hemgång<\/h1>/);
  });

  it("refuses what is not a Word template, as a usage error", () => {
    const dir = tempDir("samdok-docx-mall-");
    const text = path.join(dir, "mall.docx");
    writeFileSync(text, "inte en zip-fil");
    expect(() => readTemplate(text, "sv")).toThrow(UsageError);
    expect(() => readTemplate(text, "sv")).toThrow(/Mallen mall\.docx är ingen Word-fil/);
    expect(() => readTemplate(path.join(dir, "saknas.dotx"), "sv")).toThrow(/Kan inte läsa mallen saknas\.dotx/);
    expect(() => readTemplate(path.join(dir, "mall.pdf"), "en")).toThrow(/must be a \.docx or \.dotx file/);
  });
});
