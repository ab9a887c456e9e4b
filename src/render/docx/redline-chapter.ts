/**
 * A chapter of the redline Word edition (issue 16), beyond its text: what
 * changed, first (a summary box: the changed sections as links to their
 * headings, and the changed front-matter fields, before and after), and
 * the title, the fact box and the change history compared with the
 * version at REF as tracked changes (a changed value is the old text
 * deleted and the new inserted; a row that is new or gone is an inserted
 * or deleted row).
 *
 * The summary is no part of either version of the document, so a test
 * that accepts or rejects every change drops it first: it is the run of
 * block elements from the paragraph holding `<w:bookmarkStart
 * w:name="_Andringar_…">` to the paragraph holding the `<w:bookmarkEnd>`
 * of the same `w:id` (`summaryBookmark`). Word hides bookmarks whose name
 * starts with "_".
 */
import { createHash } from "node:crypto";
import type { Heading, Root } from "mdast";
import { bookmarkUniqueNumericId, InsertedTextRun, DeletedTextRun, Bookmark, HeadingLevel, Paragraph, TextRun } from "docx";
import type { ParagraphChild } from "docx";
import { diffArrays, diffWordsWithSpace } from "diff";
import { toString } from "mdast-util-to-string";
import type { ChangeKind } from "../../redline/types.js";
import { fieldChanges } from "../../redline/summary.js";
import type { EditionDocument } from "../edition.js";
import type { MapContext } from "./context.js";
import { documentBookmark, headingBookmark } from "./bookmarks.js";
import { markTableRows, trackedRuns, type ChangeAuthor } from "./redline.js";
import { headingText } from "./redline-text.js";
import { AFTER_TABLE_SPACING, buildTable, type TableSpec } from "./tables.js";
import { COLORS, STYLE } from "./styles.js";
import { esc, internalLink, paragraph, run } from "./wml.js";

/** The words of the redline edition. */
export const REDLINE_LABEL = {
  changesSince: "Ändringar sedan",
  newSince: "Nytt dokument sedan",
  legend:
    "Ändringarna är spårade ändringar (Granska > Spåra ändringar). Med Alla markeringar visas ny text understruken och borttagen text överstruken; de kan godkännas eller avvisas en och en.",
  newLegend: "Hela dokumentet är nytt och markerat som infogad text.",
  sections: "Ändrade avsnitt",
  removedSection: "borttaget avsnitt",
  textUnchanged: "Texten är oförändrad; bara uppgifterna nedan har ändrats.",
  field: "Fält",
  before: "Före",
  after: "Efter",
  editionChanges: "Ändringar i utgåvan",
  comparedWith: "Ändringar markerade sedan",
  changed: "Ändrade dokument",
  added: "Nya dokument",
  removed: "Upphävda eller borttagna dokument",
  none: "Inga dokument har ändrats.",
  repealed: "upphävt",
  deleted: "borttaget",
} as const;

/** What a redline body tree says of itself (set where it is merged, redline-body.ts). */
export interface RedlineBodyInfo {
  /** The headings of the sections with changes, in the merged tree. */
  sections: Heading[];
  /** Whether the text changed at all. */
  changed: boolean;
}

declare module "mdast" {
  interface RootData {
    /** A merged redline body: its changed sections, for the summary. */
    redlineBody?: RedlineBodyInfo;
  }
}

/** The hidden bookmark around a document's summary: "_Andringar_" and a hash of its id (unique in a file, the same in every build). */
export function summaryBookmark(id: string): string {
  return `_Andringar_${createHash("sha1").update(`summary:${id}`).digest("hex").slice(0, 8)}`;
}

/** The hidden bookmark around the consolidated edition's list of changed documents, and around the cover's line. */
export const EDITION_CHANGES_BOOKMARK = "_Andringar_utgava";
export const COVER_BOOKMARK = "_Andringar_omslag";

/** Whether the document is new since REF (nothing to compare it with). */
export function isNew(d: EditionDocument): boolean {
  return d.redline !== undefined && d.redline.text === undefined;
}

/** The change author of a document in a redline edition. */
export function changeAuthor(d: EditionDocument): ChangeAuthor | undefined {
  return d.redline ? { author: d.redline.author, date: d.redline.date } : undefined;
}

// --- The title -------------------------------------------------------------

function changed(r: ChangeAuthor, kind: ChangeKind, text: string): ParagraphChild {
  const options = { id: 0, author: r.author, date: r.date, text };
  return kind === "insert" ? new InsertedTextRun(options) : new DeletedTextRun(options);
}

/** The title's words, the changed ones as tracked changes (the id 0 is numbered when the file is normalised). */
function titleRuns(before: string | undefined, after: string, r: ChangeAuthor): ParagraphChild[] {
  if (before === undefined) return [changed(r, "insert", after)];
  if (before === after) return [new TextRun(after)];
  return diffWordsWithSpace(before, after).map((part) =>
    part.added ? changed(r, "insert", part.value) : part.removed ? changed(r, "delete", part.value) : new TextRun(part.value),
  );
}

/** The chapter's title (Heading 1, bookmarked), its words compared with the title at REF; a new document's is wholly inserted. */
export function redlineTitle(d: EditionDocument, r: ChangeAuthor): Paragraph {
  const fresh = isNew(d);
  const children = titleRuns(fresh ? undefined : (d.redline?.doc?.titel ?? d.doc.titel), d.doc.titel, r);
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    ...(fresh ? { run: { insertion: { id: 0, author: r.author, date: r.date } } } : {}),
    children: [new Bookmark({ id: documentBookmark(d.doc.id), children })],
  });
}

// --- The summary -------------------------------------------------------------

/**
 * A paragraph of the box: a grey frame and fill, which Word draws around
 * consecutive paragraphs of the same frame and indent as one box. The last
 * keeps some air below it.
 */
function boxParagraph(content: string, last: boolean): string {
  const side = `w:val="single" w:sz="6" w:space="4" w:color="${COLORS.border}"`;
  const properties =
    `<w:pPr>${last ? "" : "<w:keepNext/>"}<w:pBdr><w:top ${side}/><w:left ${side}/><w:bottom ${side}/><w:right ${side}/></w:pBdr>` +
    `<w:shd w:val="clear" w:color="auto" w:fill="${COLORS.labelFill}"/><w:spacing w:after="${last ? 240 : 60}"/></w:pPr>`;
  return `<w:p>${properties}${content}</w:p>`;
}

/** A changed section: a link to its heading's bookmark, or its text when the heading is gone. */
function sectionEntry(heading: Heading, ctx: MapContext): string {
  // A heading gone is named by its old text.
  const text = heading.data?.redline === "delete" ? toString(heading) : headingText(heading);
  const slug = ctx.slugs.get(heading);
  if (!slug) return run(`• ${text} (${REDLINE_LABEL.removedSection})`);
  return run("• ") + internalLink(headingBookmark(ctx.doc.doc.id, slug), run(text, { style: STYLE.hyperlink }));
}

function fieldTable(d: EditionDocument, width: number): string {
  const changes = fieldChanges(d.redline?.doc, d.doc, "sv", d.loaded.config);
  if (changes.length === 0) return "";
  return buildTable({
    header: [REDLINE_LABEL.field, REDLINE_LABEL.before, REDLINE_LABEL.after].map((h) => run(h)),
    rows: changes.map((c) => [run(c.label), run(c.before), run(c.after)]),
    texts: [],
    weights: [2.5, 3.75, 3.75],
    labelColumn: true,
    width,
  });
}

/**
 * What changed, first: a box naming the version compared with, the changed
 * sections as links, and then the changed fields (Fält | Före | Efter). A
 * new document says so; a document without changes gets no summary.
 * Inside a hidden bookmark range (`summaryBookmark`).
 */
export function redlineSummary(tree: Root, ctx: MapContext, label: string, width: number): string {
  const d = ctx.doc;
  const info = tree.data?.redlineBody;
  const fresh = isNew(d);
  const fields = fresh ? "" : fieldTable(d, width);
  const textChanged = info?.changed ?? false;
  if (!fresh && !textChanged && fields === "") return "";
  const id = bookmarkUniqueNumericId();
  const start = `<w:bookmarkStart w:name="${esc(summaryBookmark(d.doc.id))}" w:id="${id}"/>`;
  const end = `<w:bookmarkEnd w:id="${id}"/>`;
  const lines: string[] = [
    run(`${fresh ? REDLINE_LABEL.newSince : REDLINE_LABEL.changesSince} ${label}`, { bold: true }),
    run(fresh ? REDLINE_LABEL.newLegend : REDLINE_LABEL.legend),
  ];
  const sections = fresh ? [] : (info?.sections ?? []);
  if (sections.length > 0) {
    lines.push(run(`${REDLINE_LABEL.sections}:`, { bold: true }));
    for (const heading of sections) lines.push(sectionEntry(heading, ctx));
  } else if (!fresh && !textChanged) {
    lines.push(run(REDLINE_LABEL.textUnchanged));
  }
  let xml = "";
  lines.forEach((content, i) => {
    const last = i === lines.length - 1;
    xml += boxParagraph((i === 0 ? start : "") + content + (last && fields === "" ? end : ""), last && fields === "");
  });
  // Some air, the table, then the paragraph after it, which closes the range.
  return fields === ""
    ? xml
    : xml + paragraph({ spacing: AFTER_TABLE_SPACING }, "") + fields + paragraph({ spacing: AFTER_TABLE_SPACING }, end);
}

// --- Tables compared row by row -------------------------------------------------

/** A row of a table compared with the table at REF. */
type Paired<T> = { kind: "same"; before: T; after: T } | { kind: "insert"; after: T } | { kind: "delete"; before: T };

/** The rows of both versions in reading order, paired by `key`: gone rows stay where they were. */
export function pairRows<T>(before: readonly T[], after: readonly T[], key: (row: T) => string): Paired<T>[] {
  const out: Paired<T>[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffArrays(before.map(key), after.map(key))) {
    for (let k = 0; k < (part.count ?? part.value.length); k++) {
      const b = before[i];
      const a = after[j];
      if (part.removed && b !== undefined) {
        out.push({ kind: "delete", before: b });
        i++;
      } else if (part.added && a !== undefined) {
        out.push({ kind: "insert", after: a });
        j++;
      } else if (a !== undefined && b !== undefined) {
        out.push({ kind: "same", before: b, after: a });
        i++;
        j++;
      }
    }
  }
  return out;
}

/** A cell whose text changed: the old text deleted, the new inserted. */
function changedCell(before: string, after: string, r: ChangeAuthor): string {
  return trackedRuns(before, "delete", r) + trackedRuns(after, "insert", r);
}

/**
 * A table (header, widths and looks from `spec`) of the rows of both
 * versions: a row only in the new version is an inserted row, one only in
 * the old a deleted row, and a cell whose text (`texts`) differs holds the
 * old text deleted and the new inserted. `cells` writes a row's cells.
 */
export function trackedTable<T>(
  spec: Omit<TableSpec, "rows">,
  before: readonly T[],
  after: readonly T[],
  key: (row: T) => string,
  texts: (row: T) => string[],
  cells: (row: T) => string[],
  r: ChangeAuthor,
): string {
  const rows: string[][] = [];
  const kinds: (ChangeKind | undefined)[] = [undefined];
  for (const pair of pairRows(before, after, key)) {
    if (pair.kind === "same") {
      const now = cells(pair.after);
      const old = texts(pair.before);
      const changedAt = texts(pair.after).map((t, c) => t !== old[c]);
      const was = changedAt.some(Boolean) ? cells(pair.before) : [];
      rows.push(now.map((cell, c) => (changedAt[c] ? changedCell(was[c] ?? "", cell, r) : cell)));
      kinds.push(undefined);
    } else {
      rows.push(cells(pair.kind === "insert" ? pair.after : pair.before));
      kinds.push(pair.kind);
    }
  }
  return markTableRows(buildTable({ ...spec, rows }), kinds, r);
}
