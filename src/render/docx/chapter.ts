/**
 * One document as a chapter: its title as Heading 1 (bookmarked), the coming
 * version when one is on its way, a table of its metadata with Swedish
 * labels, its text, and its change history.
 *
 * The title and the chapter's last paragraph are docx's own paragraphs: the
 * title so that a Word TOC field (`--toc-field`) is filled in from it, the
 * last paragraph because docx writes the section's properties into it. The
 * rest is written as text (wml.ts) and handed to docx as one `Content`.
 */
import type { Root } from "mdast";
import { Bookmark, HeadingLevel, Paragraph, TextRun } from "docx";
import type { FileChild } from "docx";
import type { EditionDocument } from "../edition.js";
import type { MapContext } from "./context.js";
import { Content } from "./content.js";
import { mapBlocks } from "./blocks.js";
import { documentBookmark } from "./bookmarks.js";
import { dateText, LABEL, metadataRows } from "./labels.js";
import { linkTo, textRun } from "./inline.js";
import { AFTER_TABLE_SPACING, afterTable, buildTable } from "./tables.js";
import { paragraph, run } from "./wml.js";
import { STYLE } from "./styles.js";
import { comingSentence, publishedFromText, shownVersionSentence } from "../shared/edition-notices.js";

function title(d: EditionDocument): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [new Bookmark({ id: documentBookmark(d.doc.id), children: [new TextRun(d.doc.titel)] })],
  });
}

/** Referenced documents by title, linked when they are in the edition. */
function references(ids: readonly string[], ctx: MapContext): string {
  let out = "";
  ids.forEach((id, i) => {
    if (i > 0) out += run(", ");
    const target = ctx.links.resolveId(ctx.doc, id);
    const label = ctx.links.titleOf(ctx.doc, id) ?? id;
    out += linkTo(target, ctx, {}, (inner) => textRun(label, inner));
  });
  return out;
}

function lines(values: readonly string[]): string {
  return values.map((v, i) => run(v, {}, i > 0)).join("");
}

function metadata(ctx: MapContext, width: number): string {
  const rows = metadataRows(ctx.doc.doc, ctx.doc.loaded.config);
  // Discreet, last: where the text of an older version published in place of the working copy comes from.
  const from = publishedFromText(ctx.doc);
  if (from) rows.push({ label: LABEL.publishedFrom, value: from });
  return (
    buildTable({
      header: [run(LABEL.field), run(LABEL.value)],
      rows: rows.map((r) => [run(r.label), r.refs ? references(r.refs, ctx) : r.lines ? lines(r.lines) : run(r.value)]),
      texts: [],
      weights: [3, 7],
      labelColumn: true,
      width,
    }) + afterTable()
  );
}

/** The change history, and the chapter's last paragraph apart (a docx paragraph: the section's properties go in it). */
function history(d: EditionDocument, width: number): { xml: string; last: Paragraph } {
  const entries = d.doc.andringshistorik ?? [];
  const heading = paragraph({ heading: "Heading2" }, run(LABEL.history));
  if (entries.length === 0) return { xml: heading, last: new Paragraph({ children: [new TextRun(LABEL.noHistory)] }) };
  const table = buildTable({
    header: [LABEL.version, LABEL.date, LABEL.change].map((h) => run(h)),
    rows: entries.map((e) => [run(e.version), run(dateText(e.datum)), run(e.beskrivning)]),
    texts: [],
    weights: [1.2, 2.3, 6.5],
    width,
  });
  return { xml: heading + table, last: new Paragraph({ spacing: { ...AFTER_TABLE_SPACING }, children: [] }) };
}

/**
 * @param structured hand the text to docx as elements (for its page estimator, `--page-numbers`)
 */
/** The announcement of a coming version, before the metadata: "Ny version på väg. Version 3.0 är på remiss till …". */
function comingNotice(d: EditionDocument): string {
  if (!d.coming) return "";
  return paragraph(
    { style: STYLE.quote },
    run(`${LABEL.comingVersion}. `, { bold: true }) + run(`${comingSentence(d.coming)} ${shownVersionSentence(d)}`),
  );
}

export function chapter(tree: Root, ctx: MapContext, width: number, structured: boolean): FileChild[] {
  const head = title(ctx.doc);
  const xml = comingNotice(ctx.doc) + metadata(ctx, width) + mapBlocks(tree.children, ctx, { width });
  const end = history(ctx.doc, width);
  return [head, new Content(xml + end.xml, ctx.needs, structured), end.last];
}
