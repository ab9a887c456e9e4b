/**
 * Page headers and footers: where many Word documents carry their
 * diarienummer or version. `samdok import` reads "Label: value" lines there
 * for what the first-page table does not give, and leaves the page numbers
 * ("Sida 1 av 3") out of everything.
 */
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun, PageNumber } from "docx";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { readWord } from "../../src/import/word.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    creator: "test",
    title: "Rutin för läkemedelsgenomgång vid hemgång",
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("Diarienummer: RS 2024/45"), new Paragraph("Version: 1.2")] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [new TextRun("Sida "), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" av 3")] }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: "Rutin för läkemedelsgenomgång vid hemgång", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Syfte", heading: HeadingLevel.HEADING_2 }),
          new Paragraph("Rutinen beskriver läkemedelsgenomgången när patienten skrivs ut."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe("samdok import: page headers and footers", () => {
  it("reads the lines of headers and footers, page numbers left out", async () => {
    const content = await readWord(new Uint8Array(await wordFile()));
    expect(content.properties.headerLines).toEqual(["Diarienummer: RS 2024/45", "Version: 1.2"]);
  });

  it("takes the diarienummer and version from the header into the front matter, and no page number into the body", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-import-header-"));
    made.push(dir);
    const set = path.join(dir, "set");
    mkdirSync(set);
    copyFileSync(path.join(FIXTURES, "_standard/samdok.config.json"), path.join(set, "samdok.config.json"));
    const file = path.join(dir, "rutin.docx");
    writeFileSync(file, await wordFile());
    const r = await runCli(["import", file, "--out", set, "--type", "rutin"], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBeLessThan(2);
    const [md] = readdirSync(set).filter((f) => f.endsWith(".md"));
    expect(md, r.stdout).toMatch(/^rutin-.*lakemedelsgenomgang.*\.md$/);
    const written = readFileSync(path.join(set, md as string), "utf8");
    expect(written).toMatch(/^diarienummer: ["']?RS 2024\/45["']?$/m);
    expect(written).toMatch(/^version: ["']1\.2["']$/m);
    expect(written).not.toMatch(/Sida \d/);
    expect(r.stdout).toContain("sidhuvud");
  });
});
