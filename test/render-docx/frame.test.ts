/**
 * The frame of the Word edition (issue 18): a cover with the edition's
 * title, issuer, date and the region's logo, with neither header nor footer;
 * the source revision in the document properties, not on the cover; a
 * running header that names the document by its title; and the notices a
 * reader must see first (draft, remiss, repealed, past revision, not yet in
 * force) as shaded, bordered boxes with the HTML banners' words. Built
 * through `samdok build` (main() in-process) from test/fixtures/region-look-*.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HeadingLevel, Document, Packer, Paragraph } from "docx";
import { all, fixture, removeTempDirs, tempDir, xmlParts } from "./helpers.js";
import { runCli, type CliResult } from "../helpers/cli.js";
import { needPrograms } from "../helpers/programs.js";
import { HEAD_TITLE_LENGTH, runningHead, shortTitle } from "../../src/render/docx/labels.js";
import type { SamDoc } from "../../src/core/document.js";

afterAll(removeTempDirs);

/** Every working copy, so that each kind of notice is published. */
const EVERY_STATUS = ["--status", "utkast,remiss,fastställd,upphävd"];

async function build(name: string, extra: string[] = []): Promise<{ out: string; r: CliResult }> {
  const out = tempDir("samdok-frame-");
  const r = await runCli(["build", fixture(name), "--out", out, "--format", "html,docx", "--no-cache", ...EVERY_STATUS, ...extra]);
  return { out, r };
}

/** The text of an XML fragment's runs. */
function text(xml: string): string {
  return all(xml, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g).join("");
}

/** The paragraphs with a notice style, as text, in document order. */
function wordNotices(body: string): { style: string; text: string; xml: string }[] {
  return [...body.matchAll(/<w:p><w:pPr><w:pStyle w:val="(SamdokAvisering[A-Za-z]+)"\/>[\s\S]*?<\/w:p>/g)].map((m) => ({
    style: m[1] ?? "",
    text: text(m[0]),
    xml: m[0],
  }));
}

/** The HTML banners' text, in page order (tags stripped, references decoded). */
function htmlBanners(html: string): string[] {
  return [...html.matchAll(/<div class="banner [^"]*">([\s\S]*?)<\/div>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]+>/g, "")
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

describe("the Word edition's cover, header and notices (region-look-ok)", () => {
  let out: string;
  let result: CliResult;
  let parts: Record<string, string>;
  let body: string;
  let cover: string;

  beforeAll(async () => {
    ({ out, r: result } = await build("region-look-ok"));
    parts = xmlParts(path.join(out, "samlad-utgava.docx"));
    body = parts["word/document.xml"] ?? "";
    // The cover is the first section: up to its section properties.
    cover = body.slice(0, body.indexOf("</w:sectPr>"));
  });

  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("puts the title, the issuer, the date and the logo on the cover, and the git revision in the properties only", () => {
    expect(text(cover)).toContain("Samverkansdokument för Region Sörmland och länets kommuner");
    expect(text(cover)).toContain("Utgivare: Region Sörmland och länets kommuner");
    expect(text(cover)).toContain("Utgåvans datum: 23 november 2026");
    // The logo, with its alt text, as a PNG of the package.
    expect(cover).toMatch(/<wp:docPr id="\d+" name="Logotyp" descr="Region Sörmlands logotyp" title="Region Sörmlands logotyp"\/>/);
    const rels = parts["word/_rels/document.xml.rels"] ?? "";
    const embed = /<a:blip r:embed="(rId\d+)"/.exec(cover)?.[1];
    expect(rels).toMatch(new RegExp(`Id="${embed}"[^>]*Target="media/[^"]+\\.png"`));
    expect(text(cover)).not.toContain("Källversion");
    expect(parts["docProps/custom.xml"]).toMatch(/name="kallversion"><vt:lpwstr>/);
    // The issuer is the document's author, also in the PDF made from it.
    expect(parts["docProps/core.xml"]).toContain("<dc:creator>Region Sörmland och länets kommuner</dc:creator>");
  });

  it("prints neither header nor footer on the cover page (a different first page, left empty)", () => {
    const sect = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(body.slice(body.indexOf("<w:sectPr>")))?.[0] ?? "";
    expect(sect).toContain("<w:titlePg/>");
    const target = (type: string, kind: "header" | "footer"): string => {
      const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="(rId\\d+)"/>`).exec(sect)?.[1];
      const file = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts["word/_rels/document.xml.rels"] ?? "")?.[1] ?? "";
      return parts[`word/${file}`] ?? "";
    };
    expect(text(target("first", "header"))).toBe("");
    expect(text(target("first", "footer"))).toBe("");
    expect(text(target("default", "footer"))).toContain("Utskriven kopia är inte styrande");
    // Only the cover's section: the contents and the chapters have their headers on every page.
    expect(body.match(/<w:titlePg\/>/g)).toHaveLength(1);
  });

  it("names each chapter in its running header by title, a long title cut at a word", () => {
    const headers = Object.entries(parts)
      .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
      .map(([, x]) => text(x));
    expect(headers).toContain("Rutin för nutrition vid hemgång · version 0.1 · UtkastUtgåva 23 november 2026");
    expect(headers).toContain(
      "Rutin för samordnad individuell planering vid utskrivning… · version 2.0 · FastställdUtgåva 23 november 2026",
    );
    expect(headers.some((h) => /rutin-[a-z]/.test(h))).toBe(false);
  });

  it("marks a draft, a remiss, a repealed document, a passed revision date and one not yet in force with a box and a bold label", () => {
    const notices = wordNotices(body);
    expect(notices.map((n) => [n.style, n.text.slice(0, n.text.indexOf("."))])).toEqual([
      ["SamdokAviseringUpphavd", "Upphävd"],
      ["SamdokAviseringKommande", "Gäller ännu inte"],
      ["SamdokAviseringRemiss", "Remissversion"],
      ["SamdokAviseringRevision", "Revisionsdatum passerat"],
      ["SamdokAviseringUtkast", "Utkast"],
    ]);
    for (const n of notices) expect(n.xml).toMatch(/^<w:p><w:pPr><w:pStyle w:val="[^"]+"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr>/);
    // The repealed document's successor is named by its title and linked to its chapter.
    expect(notices[0]?.xml).toMatch(
      /Det är ersatt av <\/w:t><\/w:r><w:hyperlink w:history="1" w:anchor="d_rutin_samordnad_planering_[0-9a-f]{8}">/,
    );
    // Each box directly under its chapter's title, before the metadata.
    expect(body).toMatch(/<w:bookmarkEnd w:id="\d+"\/><\/w:p><w:p><w:pPr><w:pStyle w:val="SamdokAviseringUtkast"\/>/);
    // Shaded and bordered: a box, not a grey line.
    const styles = parts["word/styles.xml"] ?? "";
    const draft = /<w:style [^>]*w:styleId="SamdokAviseringUtkast"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(draft).toMatch(/<w:pBdr><w:top [^>]*w:val="single"[\s\S]*<w:left [^>]*w:sz="36"/);
    expect(draft).toMatch(/<w:shd [^>]*w:fill="FFF1C2"/);
    expect(draft).toContain('<w:color w:val="533D00"/>');
  });

  it("says in each notice what the HTML edition's banner says", () => {
    const word = wordNotices(body).map((n) => n.text.replace(/\s+/g, " ").trim());
    const html = htmlBanners(readFileSync(path.join(out, "samlad-utgava.html"), "utf8"));
    expect(word).toEqual(html);
    expect(word).toContain(
      "Remissversion. Dokumentet är ute på remiss och gäller inte än. Remisstiden är 1 november 2026–15 december 2026. Remissinstanser: Nyköpings kommun och Eskilstuna kommun.",
    );
  });

  it("colours the title and headings with the region's colour", () => {
    const styles = parts["word/styles.xml"] ?? "";
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(heading1).toContain('<w:color w:val="005A4E"/>');
    expect(/<w:style [^>]*w:styleId="Title"[\s\S]*?<\/w:style>/.exec(styles)?.[0]).toContain('<w:color w:val="005A4E"/>');
    expect(cover).toMatch(/<w:pStyle w:val="Title"\/><w:pBdr><w:bottom w:val="single" w:color="005A4E"/);
  });
});

describe("a set without a look of its own (docx-allt)", () => {
  it("keeps the house colours, no logo and no issuer line; the parties stand in for the issuer, as before", async () => {
    const out = tempDir("samdok-frame-");
    const r = await runCli(["build", fixture("docx-allt"), "--out", out, "--format", "docx", "--no-cache"]);
    expect(r.code, r.stderr).toBe(0);
    const parts = xmlParts(path.join(out, "samlad-utgava.docx"));
    const body = parts["word/document.xml"] ?? "";
    const cover = body.slice(0, body.indexOf("</w:sectPr>"));
    expect(text(cover)).not.toContain("Utgivare");
    expect(text(cover)).toContain("Parter: Region Sörmland, Nyköpings kommun och Eskilstuna kommun");
    expect(cover).not.toContain("<w:drawing>");
    expect(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(parts["word/styles.xml"] ?? "")?.[0]).toContain(
      '<w:color w:val="1F4E79"/>',
    );
    expect(parts["docProps/core.xml"]).toContain("<dc:creator>samdok</dc:creator>");
  });
});

describe("an SVG logo (region-look-svg)", () => {
  it("is left off the Word cover, with a warning that says to give a PNG", async () => {
    const { out, r } = await build("region-look-svg");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/varning: Word-utgåvans omslag får ingen logotyp, eftersom logotypen är en SVG-fil\. Ange en PNG-fil/);
    expect(r.stderr.match(/varning/g)).toHaveLength(1);
    const body = xmlParts(path.join(out, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expect(body.slice(0, body.indexOf("</w:sectPr>"))).not.toContain("<w:drawing>");
  });
});

describe("--template with a region look", () => {
  it("lets the template's heading styles win, and adds the notice styles it lacks", async () => {
    const dir = tempDir("samdok-frame-mall-");
    const template = path.join(dir, "mall.dotx");
    const doc = new Document({
      styles: { default: { heading1: { run: { font: "Georgia", size: 44, color: "C00000", bold: true } } } },
      sections: [{ children: [new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Regionens mall" })] }],
    });
    writeFileSync(template, await Packer.toBuffer(doc));
    const { out, r } = await build("region-look-ok", ["--template", template]);
    expect(r.code, r.stderr).toBe(0);
    const styles = xmlParts(path.join(out, "samlad-utgava.docx"))["word/styles.xml"] ?? "";
    const heading1 = styles.match(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/g) ?? [];
    expect(heading1).toHaveLength(1);
    expect(heading1[0]).toContain('<w:color w:val="C00000"/>');
    expect(styles).toContain('w:styleId="SamdokAviseringRemiss"');
  });
});

describe("shortTitle and runningHead", () => {
  it("keeps a short title and cuts a long one at a word, with an ellipsis", () => {
    expect(shortTitle("Rutin för trygg hemgång")).toBe("Rutin för trygg hemgång");
    const long = "Rutin för samordnad individuell planering vid utskrivning från slutenvård till hemmet";
    const cut = shortTitle(long);
    expect(cut).toBe("Rutin för samordnad individuell planering vid utskrivning…");
    expect(cut.length).toBeLessThanOrEqual(HEAD_TITLE_LENGTH + 1);
    // A word ending exactly at the limit is kept whole.
    expect(shortTitle("aaaa bbbb cccc", 9)).toBe("aaaa bbbb…");
    // One word too long for the line is cut inside it.
    expect(shortTitle("Samverkansöverenskommelseuppföljningsrutinen", 20)).toBe("Samverkansöverensko…");
    expect(runningHead({ id: "rutin-x", titel: "Rutin X", version: "2.1", status: "fastställd" } as SamDoc)).toBe(
      "Rutin X · version 2.1 · Fastställd",
    );
  });
});

// In CI a missing soffice or pdftotext fails this file; elsewhere the test is skipped with a note.
const tools = needPrograms("LibreOffice prints the Word edition's cover", ["soffice", "pdftotext"]);

describe.skipIf(!tools)("LibreOffice prints the frame", () => {
  it("shows no header or footer on the cover page, and both from page 2 on", async () => {
    const { out, r } = await build("region-look-ok");
    expect(r.code).toBe(0);
    const profile = path.join(tempDir("lo-"), randomBytes(4).toString("hex"));
    try {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          out,
          path.join(out, "samlad-utgava.docx"),
        ],
        { stdio: "ignore", timeout: 240_000 },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = path.join(out, "samlad-utgava.pdf");
    expect(existsSync(pdf)).toBe(true);
    const page = (n: number): string =>
      execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const first = page(1);
    expect(first).toContain("Utgivare: Region Sörmland och länets kommuner");
    expect(first).not.toContain("Utskriven kopia");
    expect(first).not.toMatch(/Sida \d/);
    expect(first).not.toContain("Utgåva 23 november 2026");
    expect(page(2)).toContain("Utskriven kopia är inte styrande");
    expect(page(2)).toMatch(/Sida 2 av \d+/);
    expect(page(3)).toMatch(/Rutin för hemgång från slutenvård · version 1\.0 · Upphävd/);
  }, 300_000);
});
