/**
 * The consolidated redline edition's first word on what changed (issue 16):
 * after the contents, "Ändringar i utgåvan" lists the documents changed and
 * new since REF (linked to their chapters) and those repealed or removed
 * since (by title and id: they have no chapter), and the cover names the
 * version compared with.
 *
 * Both are in hidden bookmark ranges (`_Andringar_utgava`,
 * `_Andringar_omslag`), which a test that accepts or rejects every change
 * drops with the documents' summaries (redline-chapter.ts).
 */
import { BookmarkEnd, BookmarkStart, bookmarkUniqueNumericId, InternalHyperlink, Paragraph, TextRun } from "docx";
import type { FileChild, ParagraphChild } from "docx";
import type { Edition, EditionDocument } from "../edition.js";
import type { RedlineEdition } from "../../redline/types.js";
import { documentBookmark } from "./bookmarks.js";
import { COVER_BOOKMARK, EDITION_CHANGES_BOOKMARK, REDLINE_LABEL } from "./redline-chapter.js";
import { STYLE } from "./styles.js";

/** A paragraph to be: made once the range's start and end are known to be in it or not. */
interface Line {
  style?: string;
  bold?: boolean;
  keepNext?: boolean;
  spacing?: { before: number };
  children: ParagraphChild[];
}

function entry(d: EditionDocument): Line {
  return {
    style: STYLE.toc2,
    children: [new InternalHyperlink({ anchor: documentBookmark(d.doc.id), children: [new TextRun(d.doc.titel)] })],
  };
}

/** The edition's documents with these ids, in edition order. */
function documents(edition: Edition, ids: readonly string[]): EditionDocument[] {
  const wanted = new Set(ids);
  return edition.documents.filter((d) => wanted.has(d.doc.id));
}

function group(title: string, entries: Line[]): Line[] {
  return entries.length === 0 ? [] : [{ style: STYLE.toc1, keepNext: true, children: [new TextRun(title)] }, ...entries];
}

function removedEntries(redline: RedlineEdition): Line[] {
  return redline.removed.map((r) => ({
    style: STYLE.toc2,
    children: [
      new TextRun({ text: r.titel, bold: true }),
      new TextRun(` (${r.id}, ${r.reason === "upphävd" ? REDLINE_LABEL.repealed : REDLINE_LABEL.deleted})`),
    ],
  }));
}

/** The lines as paragraphs, inside a hidden bookmark range from the first to the last. */
function inRange(name: string, lines: Line[]): Paragraph[] {
  const id = bookmarkUniqueNumericId();
  return lines.map(
    (line, i) =>
      new Paragraph({
        ...(line.style ? { style: line.style } : {}),
        ...(line.keepNext ? { keepNext: true } : {}),
        ...(line.spacing ? { spacing: line.spacing } : {}),
        children: [
          ...(i === 0 ? [new BookmarkStart(name, id)] : []),
          ...line.children,
          ...(i === lines.length - 1 ? [new BookmarkEnd(id)] : []),
        ] as ParagraphChild[],
      }),
  );
}

/** "Ändringar i utgåvan": changed, new and removed documents, after the contents. Nothing without `--redline`. */
export function editionChanges(edition: Edition): FileChild[] {
  const redline = edition.redline;
  if (!redline) return [];
  const changed = documents(edition, redline.changed).map(entry);
  const added = documents(edition, redline.added).map(entry);
  const removed = removedEntries(redline);
  const body = [...group(REDLINE_LABEL.changed, changed), ...group(REDLINE_LABEL.added, added), ...group(REDLINE_LABEL.removed, removed)];
  const summary =
    body.length === 0
      ? REDLINE_LABEL.none
      : `${REDLINE_LABEL.changed}: ${changed.length}, nya: ${added.length}, upphävda eller borttagna: ${removed.length}.`;
  return inRange(EDITION_CHANGES_BOOKMARK, [
    { style: STYLE.tocHeading, spacing: { before: 480 }, keepNext: true, children: [new TextRun(REDLINE_LABEL.editionChanges)] },
    { children: [new TextRun(`${REDLINE_LABEL.comparedWith} ${redline.label}. ${summary}`)] },
    ...body,
  ]);
}

/** The cover's line naming the version compared with ("Ändringar markerade sedan: v2.0 (a1b2c3d)"). */
export function coverComparison(edition: Edition): Paragraph[] {
  const redline = edition.redline;
  if (!redline) return [];
  return inRange(COVER_BOOKMARK, [
    {
      style: STYLE.coverLine,
      children: [new TextRun({ text: `${REDLINE_LABEL.comparedWith}: `, bold: true }), new TextRun(redline.label)],
    },
  ]);
}
