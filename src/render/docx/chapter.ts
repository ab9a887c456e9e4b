/**
 * One document as a chapter: its title as Heading 1 (bookmarked), the
 * notices a reader must see first (a coming version, draft, remiss,
 * repealed, past revision, not yet or no longer valid: boxes like the HTML
 * edition's banners), a table of its metadata with Swedish labels, its
 * text, and its change history.
 *
 * The title and the chapter's last paragraph are docx's own paragraphs: the
 * title so that a Word TOC field (`--toc-field`) is filled in from it, the
 * last paragraph because docx writes the section's properties into it. The
 * rest is written as text (wml.ts) and handed to docx as one `Content`.
 */
import type { Root } from "mdast";
import { Bookmark, HeadingLevel, Paragraph, TextRun } from "docx";
import type { FileChild } from "docx";
import type { Edition, EditionDocument } from "../edition.js";
import type { MapContext } from "./context.js";
import { Content } from "./content.js";
import { mapBlocks } from "./blocks.js";
import { documentBookmark } from "./bookmarks.js";
import { dateText, LABEL, metadataRows, type MetadataRow } from "./labels.js";
import { linkTo, textRun } from "./inline.js";
import { AFTER_TABLE_SPACING, afterTable, buildTable } from "./tables.js";
import { paragraph, run } from "./wml.js";
import { STYLE } from "./styles.js";
import type { ChangeAuthor } from "./redline.js";
import { redlineSummary, redlineTitle, trackedTable } from "./redline-chapter.js";
import { documentNotices, publishedFromText, type NoticeBox, type NoticeText } from "../shared/edition-notices.js";

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
  const cells = (r: MetadataRow): string[] => [run(r.label), r.refs ? references(r.refs, ctx) : r.lines ? lines(r.lines) : run(r.value)];
  const spec = { header: [run(LABEL.field), run(LABEL.value)], texts: [], weights: [3, 7], labelColumn: true, width };
  if (ctx.redline) {
    // A redline edition: the rows compared with the metadata at REF (none for a new document), as tracked changes.
    const old = ctx.doc.redline?.doc;
    const before = old ? metadataRows(old, ctx.doc.loaded.config) : [];
    if (old && from) before.push({ label: LABEL.publishedFrom, value: from });
    const texts = (r: MetadataRow): string[] => [r.label, r.value];
    return trackedTable(spec, before, rows, (r) => r.label, texts, cells, ctx.redline) + afterTable();
  }
  return buildTable({ ...spec, rows: rows.map(cells) }) + afterTable();
}

/** The change history, and the chapter's last paragraph apart (a docx paragraph: the section's properties go in it). */
function history(d: EditionDocument, width: number, redline?: ChangeAuthor): { xml: string; last: Paragraph } {
  const entries = d.doc.andringshistorik ?? [];
  // A redline edition: the entries compared with those at REF, by version, as tracked changes.
  const before = redline ? (d.redline?.doc?.andringshistorik ?? []) : [];
  const heading = paragraph({ heading: "Heading2" }, run(LABEL.history));
  if (entries.length === 0 && before.length === 0) {
    return { xml: heading, last: new Paragraph({ children: [new TextRun(LABEL.noHistory)] }) };
  }
  type Entry = (typeof entries)[number];
  const texts = (e: Entry): string[] => [e.version, dateText(e.datum), e.beskrivning];
  const cells = (e: Entry): string[] => texts(e).map((t) => run(t));
  const spec = { header: [LABEL.version, LABEL.date, LABEL.change].map((h) => run(h)), texts: [], weights: [1.2, 2.3, 6.5], width };
  const table = redline
    ? trackedTable(spec, before, entries, (e) => e.version, texts, cells, redline)
    : buildTable({ ...spec, rows: entries.map(cells) });
  return { xml: heading + table, last: new Paragraph({ spacing: { ...AFTER_TABLE_SPACING }, children: [] }) };
}

const NOTICE_STYLE: Record<NoticeBox, string> = {
  utkast: STYLE.noticeDraft,
  remiss: STYLE.noticeConsultation,
  upphavd: STYLE.noticeVoid,
  revision: STYLE.noticeRevision,
  kommande: STYLE.noticeComing,
};

/** One notice as a box: "**Utkast.** Dokumentet är ett utkast …", a document it names by its title (linked when it can be). */
function notice(n: NoticeText, ctx: MapContext): string {
  const text = n.parts.map((p) => (typeof p === "string" ? run(p) : references([p.ref], ctx))).join("");
  return paragraph({ style: NOTICE_STYLE[n.box] }, run(`${n.label}. `, { bold: true }) + text);
}

/** The notices before the metadata, as the HTML edition's banners: "Ny version på väg. Version 3.0 är på remiss till …". */
function notices(ctx: MapContext, edition: Pick<Edition, "date" | "all">): string {
  return documentNotices(ctx.doc, edition.date, edition.all)
    .map((n) => notice(n, ctx))
    .join("");
}

/**
 * @param structured hand the text to docx as elements (for its page estimator, `--page-numbers`)
 * @param edition the edition's date and documents, for the notices
 */
export function chapter(
  tree: Root,
  ctx: MapContext,
  width: number,
  structured: boolean,
  edition: Pick<Edition, "date" | "all" | "redline">,
): FileChild[] {
  // A redline edition: the title compared with the one at REF, and what changed first (redline-chapter.ts).
  const head = ctx.redline ? redlineTitle(ctx.doc, ctx.redline) : title(ctx.doc);
  const summary = ctx.redline ? redlineSummary(tree, ctx, edition.redline?.label ?? "", width) : "";
  const xml = summary + notices(ctx, edition) + metadata(ctx, width) + mapBlocks(tree.children, ctx, { width });
  const end = history(ctx.doc, width, ctx.redline);
  return [head, new Content(xml + end.xml, ctx.needs, structured), end.last];
}
