/**
 * One document as a chapter: its title as Heading 1 (bookmarked), a table of
 * its metadata with Swedish labels, its text, and its change history.
 */
import type { Root } from "mdast";
import { Bookmark, HeadingLevel, Paragraph, TextRun } from "docx";
import type { ParagraphChild } from "docx";
import type { EditionDocument } from "../edition.js";
import type { MapContext } from "./context.js";
import { mapBlocks, type Block } from "./blocks.js";
import { documentBookmark } from "./bookmarks.js";
import { dateText, LABEL, metadataRows } from "./labels.js";
import { linkTo, textRun } from "./inline.js";
import { afterTable, buildTable } from "./tables.js";

function title(d: EditionDocument): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new Bookmark({ id: documentBookmark(d.doc.id), children: [new TextRun(d.doc.titel)] })] });
}

/** Referenced documents by title, linked when they are in the edition. */
function references(ids: readonly string[], ctx: MapContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  ids.forEach((id, i) => {
    if (i > 0) out.push(new TextRun(", "));
    const target = ctx.links.resolveId(ctx.doc, id);
    const name = ctx.links.titleOf(ctx.doc, id);
    const label = name ?? id;
    out.push(...linkTo(target, [textRun(label, { link: target.kind !== "none" })]));
  });
  return out;
}

function lines(values: readonly string[]): ParagraphChild[] {
  return values.map((v, i) => new TextRun({ text: v, ...(i > 0 ? { break: 1 } : {}) }));
}

function metadata(ctx: MapContext, width: number): Block[] {
  const rows = metadataRows(ctx.doc.doc, ctx.doc.loaded.config);
  return [
    buildTable({
      header: [[new TextRun(LABEL.field)], [new TextRun(LABEL.value)]],
      rows: rows.map((r) => [[new TextRun(r.label)], r.refs ? references(r.refs, ctx) : r.lines ? lines(r.lines) : [new TextRun(r.value)]]),
      texts: [],
      weights: [3, 7],
      labelColumn: true,
      width,
    }),
    afterTable(),
  ];
}

function history(d: EditionDocument, width: number): Block[] {
  const entries = d.doc.andringshistorik ?? [];
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(LABEL.history)] });
  if (entries.length === 0) return [heading, new Paragraph({ children: [new TextRun(LABEL.noHistory)] })];
  return [
    heading,
    buildTable({
      header: [LABEL.version, LABEL.date, LABEL.change].map((h) => [new TextRun(h)]),
      rows: entries.map((e) => [[new TextRun(e.version)], [new TextRun(dateText(e.datum))], [new TextRun(e.beskrivning)]]),
      texts: [],
      weights: [1.2, 2.3, 6.5],
      width,
    }),
    afterTable(),
  ];
}

export function chapter(tree: Root, ctx: MapContext, width: number): Block[] {
  return [title(ctx.doc), ...metadata(ctx, width), ...mapBlocks(tree.children, ctx, { width }), ...history(ctx.doc, width)];
}
