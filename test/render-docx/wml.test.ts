/**
 * The chapters' text is written as WordprocessingML (wml.ts) and handed to
 * docx as one element (content.ts). These tests build the same content twice,
 * once with docx's own elements and once through our writer, and compare the
 * normalised packages byte for byte: the writer must write what docx writes,
 * and register links, lists, pictures and footnotes as docx's elements do.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  bookmarkUniqueNumericId,
  docPropertiesUniqueNumericId,
  hashedId,
} from "docx";
import type { FileChild } from "docx";
import { Content, Needs, NOTE_MARK, toXmlable } from "../../src/render/docx/content.js";
import { packParts } from "../../src/render/docx/pack.js";
import { normalizeParts } from "../../src/render/docx/normalize.js";
import { BULLET_REF, COLORS, numbering, orderedRef, STYLE } from "../../src/render/docx/styles.js";
import { buildTable } from "../../src/render/docx/tables.js";
import { bookmark, BREAK_RUN, esc, externalLink, internalLink, paragraph, picture, run, splitExternal } from "../../src/render/docx/wml.js";
import { fixture } from "./helpers.js";

const WHEN = new Date("2026-11-23T00:00:00Z");

async function packageOf(children: FileChild[]): Promise<Record<string, string>> {
  const doc = new Document({ numbering: numbering(new Set([1, 3])), sections: [{ children }] });
  const parts = unzipSync(normalizeParts(await packParts(doc), WHEN));
  return Object.fromEntries(
    Object.entries(parts).map(([name, data]) => [name, name.endsWith(".png") ? String(data.length) : strFromU8(data)]),
  );
}

/** Our content, handed over as text and as elements (for the page estimator): both must give docx's package. */
async function expectSame(docxOwn: () => FileChild[], ours: () => { xml: string; needs: Needs }): Promise<void> {
  const expected = await packageOf(docxOwn());
  const a = ours();
  expect(await packageOf([new Content(a.xml, a.needs, false)])).toEqual(expected);
  const b = ours();
  expect(await packageOf([new Content(b.xml, b.needs, true)])).toEqual(expected);
}

describe("the WordprocessingML writer writes what docx writes", () => {
  it("runs: plain, bold, italic, struck, styled, line breaks, XML specials and control characters", async () => {
    const text = `a & b < c > d "e" 'f' \u0001g\u001fh`;
    await expectSame(
      () => [
        new Paragraph({
          children: [
            new TextRun(text),
            new TextRun({ text: "fet", bold: true }),
            new TextRun({ text: "alla", bold: true, italics: true, strike: true, style: STYLE.hyperlink }),
            new TextRun({ text: "kod", style: STYLE.code }),
            new TextRun({ break: 1 }),
            new TextRun({ text: "rad", break: 1 }),
            new TextRun(""),
          ],
        }),
        new Paragraph({ children: [] }),
      ],
      () => ({
        xml:
          paragraph(
            {},
            run(text) +
              run("fet", { bold: true }) +
              run("alla", { bold: true, italics: true, strike: true, style: STYLE.hyperlink }) +
              run("kod", { style: STYLE.code }) +
              BREAK_RUN +
              run("rad", {}, true) +
              run(""),
          ) + paragraph({}, ""),
        needs: new Needs(),
      }),
    );
  });

  it("paragraph properties: headings with bookmarks, styles, lists, indents, borders, spacing, alignment", async () => {
    await expectSame(
      () => [
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new Bookmark({ id: "h_a", children: [new TextRun("Rubrik")] })] }),
        new Paragraph({ style: STYLE.quote, alignment: AlignmentType.CENTER, children: [new TextRun("citat")] }),
        new Paragraph({ numbering: { reference: BULLET_REF, level: 0, instance: 7 }, children: [new TextRun("punkt")] }),
        new Paragraph({
          numbering: { reference: orderedRef(3), level: 1, instance: 8 },
          style: "FootnoteText",
          children: [new TextRun("tre")],
        }),
        new Paragraph({ style: "ListParagraph", indent: { left: 360 }, children: [new TextRun("☒ "), new TextRun("klar")] }),
        new Paragraph({ keepNext: true, style: STYLE.toc1, children: [new TextRun("håll ihop")] }),
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLORS.border, space: 1 } },
          spacing: { after: 240 },
          children: [],
        }),
        new Paragraph({ spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.AUTO }, children: [] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { left: 720 }, children: [new TextRun("höger")] }),
      ],
      () => {
        const needs = new Needs();
        needs.list(BULLET_REF, 7);
        needs.list(orderedRef(3), 8);
        const xml =
          paragraph({ heading: "Heading2" }, bookmark("h_a", bookmarkUniqueNumericId(), run("Rubrik"))) +
          paragraph({ style: STYLE.quote, alignment: "center" }, run("citat")) +
          paragraph({ numbering: { reference: BULLET_REF, level: 0, instance: 7 } }, run("punkt")) +
          paragraph({ numbering: { reference: orderedRef(3), level: 1, instance: 8 }, style: "FootnoteText" }, run("tre")) +
          paragraph({ style: "ListParagraph", indentLeft: 360 }, run("☒ ") + run("klar")) +
          paragraph({ keepNext: true, style: STYLE.toc1 }, run("håll ihop")) +
          paragraph({ bottomBorder: { color: COLORS.border, size: 6 }, spacing: { after: 240 } }, "") +
          paragraph({ spacing: { before: 0, after: 120, line: 120, lineRule: "auto" } }, "") +
          paragraph({ alignment: "right", indentLeft: 720 }, run("höger"));
        return { xml, needs };
      },
    );
  });

  it("links: to a bookmark, to the web (with an anchor after #), by mail", async () => {
    const urls = ["https://example.se/a?b=1&c=2", "https://example.se/sida#avsnitt", "mailto:narvard@example.se"];
    await expectSame(
      () => [
        new Paragraph({
          children: [
            new InternalHyperlink({ anchor: "d_rutin", children: [new TextRun({ text: "intern", style: STYLE.hyperlink })] }),
            ...urls.map((link) => new ExternalHyperlink({ link, children: [new TextRun({ text: link, style: STYLE.hyperlink })] })),
          ],
        }),
      ],
      () => {
        const needs = new Needs();
        let xml = internalLink("d_rutin", run("intern", { style: STYLE.hyperlink }));
        for (const url of urls) {
          const { target, anchor } = splitExternal(url);
          xml += externalLink(needs.link(target), anchor, run(url, { style: STYLE.hyperlink }));
        }
        return { xml: paragraph({}, xml), needs };
      },
    );
  });

  it("tables: header row, label column, alignment, padded rows, indent", async () => {
    const widths = [2000, 3000, 4070];
    const border = { style: BorderStyle.SINGLE, size: 4, color: COLORS.border };
    const cell = (text: string, style: string, fill?: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): TableCell =>
      new TableCell({
        children: [new Paragraph({ style, ...(alignment ? { alignment } : {}), children: text ? [new TextRun(text)] : [] })],
        ...(fill ? { shading: { type: "clear", color: "auto", fill } } : {}),
      });
    await expectSame(
      () => [
        new Table({
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: [
                cell("A", STYLE.tableHead, COLORS.headerFill),
                cell("B", STYLE.tableHead, COLORS.headerFill, AlignmentType.CENTER),
                cell("C", STYLE.tableHead, COLORS.headerFill, AlignmentType.RIGHT),
              ],
            }),
            new TableRow({
              cantSplit: true,
              children: [
                cell("1", STYLE.tableText),
                cell("", STYLE.tableText, undefined, AlignmentType.CENTER),
                cell("", STYLE.tableText, undefined, AlignmentType.RIGHT),
              ],
            }),
          ],
          width: { size: 9070, type: WidthType.DXA },
          indent: { size: 720, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          margins: { top: 57, bottom: 57, left: 85, right: 85 },
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        }),
        new Table({
          rows: [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: [cell("Uppgift", STYLE.tableHead, COLORS.headerFill), cell("Värde", STYLE.tableHead, COLORS.headerFill)],
            }),
            new TableRow({ children: [cell("Id", STYLE.tableHead, COLORS.labelFill), cell("rutin-x", STYLE.tableText)] }),
          ],
          width: { size: 9070, type: WidthType.DXA },
          columnWidths: [2721, 6349],
          layout: TableLayoutType.FIXED,
          margins: { top: 57, bottom: 57, left: 85, right: 85 },
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        }),
      ],
      () => ({
        xml:
          buildTable({
            header: [run("A"), run("B"), run("C")],
            rows: [[run("1")]],
            texts: [],
            weights: widths,
            align: [null, "center", "right"],
            width: 9070,
            indent: 720,
          }) +
          buildTable({
            header: [run("Uppgift"), run("Värde")],
            rows: [[run("Id"), run("rutin-x")]],
            texts: [],
            weights: [3, 7],
            labelColumn: true,
            width: 9070,
          }),
        needs: new Needs(),
      }),
    );
  });

  it("footnotes: their own paragraphs, links and lists, numbered in the order of the text", async () => {
    const note = (text: string): Paragraph[] => [
      new Paragraph({
        style: "FootnoteText",
        children: [
          new TextRun(" "),
          new TextRun(text),
          new ExternalHyperlink({ link: "https://example.se/not", children: [new TextRun({ text: "länk", style: STYLE.hyperlink })] }),
        ],
      }),
      new Paragraph({
        style: "FootnoteText",
        numbering: { reference: BULLET_REF, level: 0, instance: 4 },
        children: [new TextRun("punkt")],
      }),
    ];
    await expectSame(
      () => [
        new Paragraph({
          children: [
            new TextRun("Text"),
            new FootnoteReferenceRun({ children: note("Första") }),
            new TextRun(" och"),
            new FootnoteReferenceRun({ children: note("Andra") }),
          ],
        }),
      ],
      () => {
        const needs = new Needs();
        const noteOf = (text: string): Needs["notes"][number] => {
          const own = new Needs();
          const link = externalLink(own.link("https://example.se/not"), undefined, run("länk", { style: STYLE.hyperlink }));
          own.list(BULLET_REF, 4);
          return {
            needs: own,
            paragraphs: [
              { properties: '<w:pStyle w:val="FootnoteText"/>', content: run(" ") + run(text) + link },
              {
                properties: '<w:pStyle w:val="FootnoteText"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{samdok-punkt-4}"/></w:numPr>',
                content: run("punkt"),
              },
            ],
          };
        };
        needs.notes.push(noteOf("Första"), noteOf("Andra"));
        return { xml: paragraph({}, run("Text") + NOTE_MARK + run(" och") + NOTE_MARK), needs };
      },
    );
  });

  it("pictures: embedded with alt text, and clickable inside a web link (with and without a part after #)", async () => {
    const data = new Uint8Array(readFileSync(path.join(fixture("docx-allt"), "bilder/flode.png")));
    const altText = { name: "flode.png", description: "Flödet", title: "Flödet" };
    await expectSame(
      () => [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({ type: "png", data, transformation: { width: 48, height: 24 }, altText }),
            new ExternalHyperlink({
              link: "https://example.se/bild",
              children: [new ImageRun({ type: "png", data, transformation: { width: 48, height: 24 }, altText })],
            }),
            new ExternalHyperlink({
              link: "https://example.se/bild#del",
              children: [new ImageRun({ type: "png", data, transformation: { width: 48, height: 24 }, altText })],
            }),
          ],
        }),
      ],
      () => {
        const needs = new Needs();
        const key = `${hashedId(data)}.png`;
        const one = { key, name: "flode.png", description: "Flödet", title: "Flödet", width: 48, height: 24 };
        needs.pictures.push({ key, type: "png", data, width: 48, height: 24 });
        const first = picture({ ...one, id: docPropertiesUniqueNumericId() });
        const id = needs.link("https://example.se/bild");
        needs.pictures.push({ key, type: "png", data, width: 48, height: 24 });
        const second = externalLink(id, undefined, picture({ ...one, id: docPropertiesUniqueNumericId(), link: id }));
        // With a part after "#", the link keeps it apart, and the picture gets a relationship of its own to the whole address.
        const withAnchor = needs.link("https://example.se/bild");
        const whole = needs.link("https://example.se/bild#del");
        needs.pictures.push({ key, type: "png", data, width: 48, height: 24 });
        const third = externalLink(withAnchor, "del", picture({ ...one, id: docPropertiesUniqueNumericId(), link: whole }));
        return { xml: paragraph({ alignment: "center" }, first + second + third), needs };
      },
    );
  });
});

describe("content handed to docx as elements", () => {
  it("keeps empty texts, spaces and entities as they were", () => {
    const xml = `<w:p><w:r><w:t xml:space="preserve"></w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t xml:space="preserve">${esc(`&<>"'`)}</w:t></w:r><w:r><w:br/></w:r></w:p>`;
    expect(toXmlable(xml)).toEqual([
      {
        "w:p": [
          { "w:r": [{ "w:t": [{ _attr: { "xml:space": "preserve" } }, ""] }] },
          { "w:r": [{ "w:t": [{ _attr: { "xml:space": "preserve" } }, " "] }] },
          { "w:r": [{ "w:t": [{ _attr: { "xml:space": "preserve" } }, `&<>"'`] }] },
          { "w:r": [{ "w:br": {} }] },
        ],
      },
    ]);
    expect(() => toXmlable("<w:p><w:r></w:p>")).toThrow(/does not close/);
  });
});
