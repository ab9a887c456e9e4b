/**
 * Word's native tracked changes for the redline edition (issue 16): the
 * merged tree's marks (src/redline/types.ts) as WordprocessingML that Word
 * and LibreOffice list as changes and can accept or reject one by one.
 *
 * - New text: its runs inside `<w:ins>`; gone text: inside `<w:del>`, with
 *   `w:delText` for `w:t`. The marks go around runs, never around a
 *   hyperlink (a link's runs are marked inside it), so a group of runs is
 *   wrapped as a whole wherever it is contiguous.
 * - Text formatted differently: a `w:rPrChange` in each run's properties
 *   holding the properties it had.
 * - A block that is wholly new or gone: its paragraphs' marks (`w:rPr` last
 *   in `w:pPr`) and its table rows (`w:trPr`) carry `<w:ins/>` / `<w:del/>`,
 *   and runs the block writes itself (a check box, a footnote's spacer) are
 *   marked like its text. Marking is idempotent, so a list item in a new
 *   list may be marked twice.
 *
 * Every change is written with `w:id="0"`: normalize.ts numbers them per
 * part in order, after the part's bookmarks, so ids are unique, never equal
 * to a bookmark's, and the same on every build.
 */
import type { ChangeKind, FormatMark } from "../../redline/types.js";
import { STYLE } from "./styles.js";
import { esc } from "./wml.js";

/** Who made the changes and when, as Word shows them (the document's responsible role; the commit date). */
export interface ChangeAuthor {
  author: string;
  date: string;
}

/** The attributes of every change element; the id is numbered when the file is normalised. */
function attributes(r: ChangeAuthor): string {
  return ` w:id="0" w:author="${esc(r.author)}" w:date="${esc(r.date)}"`;
}

const TAG: Readonly<Record<ChangeKind, string>> = { insert: "w:ins", delete: "w:del" };

/** The empty change element of a paragraph mark or a table row. */
function markElement(kind: ChangeKind, r: ChangeAuthor): string {
  return `<${TAG[kind]}${attributes(r)}/>`;
}

/**
 * Groups of runs already marked (left alone), or contiguous runs and
 * footnote-reference placeholders (content.ts's NOTE_MARK, which becomes a
 * run when the file is written). Runs never nest, so a run ends at its first `</w:r>`.
 */
const RUN_GROUPS = /<w:(ins|del) [^>]*[^/]>[\s\S]*?<\/w:\1>|(?:<w:r>[\s\S]*?<\/w:r>|\u0001)+/g;

/** `w:t` in deleted runs is `w:delText` (Word refuses a `w:t` inside `w:del`). */
function deletedText(runs: string): string {
  return runs.replace(/<w:t(?=[ >])/g, "<w:delText").replace(/<\/w:t>/g, "</w:delText>");
}

/** Marks every run of `xml` not marked yet as inserted or deleted. */
export function trackedRuns(xml: string, kind: ChangeKind, r: ChangeAuthor): string {
  const open = `<${TAG[kind]}${attributes(r)}>`;
  const close = `</${TAG[kind]}>`;
  return xml.replace(RUN_GROUPS, (group, marked: string | undefined) => {
    if (marked) return group;
    return open + (kind === "delete" ? deletedText(group) : group) + close;
  });
}

/** Run properties, as far as the Markdown formatting goes. */
export interface FormatProps {
  style?: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
}

/**
 * The run properties text formatted with `marks` had (a code span's style
 * wins over a link's, as inline.ts writes it). A link is never a format
 * change (the diff makes a changed link a deletion and an insertion), so
 * text in a link now was in it before: `inLink`.
 */
export function formatProps(marks: readonly FormatMark[], inLink = false): FormatProps {
  const style = marks.includes("inlineCode") ? STYLE.code : inLink || marks.includes("link") ? STYLE.hyperlink : undefined;
  return {
    ...(style ? { style } : {}),
    ...(marks.includes("strong") ? { bold: true } : {}),
    ...(marks.includes("emphasis") ? { italics: true } : {}),
    ...(marks.includes("delete") ? { strike: true } : {}),
  };
}

/** The content of a `w:rPr`, in CT_RPr's order, as wml.ts writes it. */
function propertiesXml(p: FormatProps): string {
  let s = "";
  if (p.style) s += `<w:rStyle w:val="${esc(p.style)}"/>`;
  if (p.bold) s += "<w:b/><w:bCs/>";
  if (p.italics) s += "<w:i/><w:iCs/>";
  if (p.strike) s += "<w:strike/>";
  return s;
}

/** A run's start and its properties, if any. */
const RUN_START = /<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?/g;

/**
 * Text whose formatting changed: every run of `xml` gets a `w:rPrChange`
 * (the last element of its properties) with the properties it had.
 */
export function formatChange(xml: string, before: FormatProps, r: ChangeAuthor): string {
  const change = `<w:rPrChange${attributes(r)}><w:rPr>${propertiesXml(before)}</w:rPr></w:rPrChange>`;
  return xml.replace(RUN_START, (_m, props: string | undefined) =>
    props ? `<w:r>${props.slice(0, -"</w:rPr>".length)}${change}</w:rPr>` : `<w:r><w:rPr>${change}</w:rPr>`,
  );
}

/** A paragraph's start and its properties, if any; or an empty paragraph. */
const PARAGRAPH_START = /<w:p\/>|<w:p>(<w:pPr>[\s\S]*?<\/w:pPr>)?/g;

/** Marks the paragraph marks of `xml` (all of them not marked yet) as inserted or deleted. */
export function markParagraphs(xml: string, kind: ChangeKind, r: ChangeAuthor): string {
  const mark = `<w:rPr>${markElement(kind, r)}</w:rPr>`;
  return xml.replace(PARAGRAPH_START, (m, props: string | undefined) => {
    if (m === "<w:p/>") return `<w:p><w:pPr>${mark}</w:pPr></w:p>`;
    if (!props) return `<w:p><w:pPr>${mark}</w:pPr>`;
    // The paragraph mark's properties are the last of w:pPr (the edition writes no section properties in text).
    if (props.includes("<w:rPr>")) return m;
    return `<w:p>${props.slice(0, -"</w:pPr>".length)}${mark}</w:pPr>`;
  });
}

/** A table row's start and its properties, if any. */
const ROW_START = /<w:tr>(<w:trPr>[\s\S]*?<\/w:trPr>)?/g;

/** Marks the table rows of `xml` (all of them not marked yet) as inserted or deleted: `w:ins`/`w:del` come last in `w:trPr`. */
export function markRows(xml: string, kind: ChangeKind, r: ChangeAuthor): string {
  const mark = markElement(kind, r);
  return xml.replace(ROW_START, (m, props: string | undefined) => {
    if (!props) return `<w:tr><w:trPr>${mark}</w:trPr>`;
    if (/<w:(ins|del) /.test(props)) return m;
    return `<w:tr>${props.slice(0, -"</w:trPr>".length)}${mark}</w:trPr>`;
  });
}

/** A block (its paragraphs, rows and runs, written) that is wholly new or gone. */
export function markBlock(xml: string, kind: ChangeKind, r: ChangeAuthor): string {
  return markRows(markParagraphs(trackedRuns(xml, kind, r), kind, r), kind, r);
}

/** `xml` marked as the node's `data.redline` says, when the edition is a redline one; else as it is. */
export function marked(
  xml: string,
  node: { data?: { redline?: ChangeKind | undefined } | undefined },
  r: ChangeAuthor | undefined,
): string {
  const kind = node.data?.redline;
  return kind && r ? markBlock(xml, kind, r) : xml;
}

const ROW = /<w:tr>[\s\S]*?<\/w:tr>/g;

/**
 * A table's rows (header first) marked one by one: `kinds[i]` for row i.
 * Tables in the edition hold no tables, so a row ends at its first `</w:tr>`.
 */
export function markTableRows(xml: string, kinds: readonly (ChangeKind | undefined)[], r: ChangeAuthor | undefined): string {
  if (!r || !kinds.some((k) => k !== undefined)) return xml;
  let i = 0;
  return xml.replace(ROW, (row) => {
    const kind = kinds[i++];
    return kind ? markBlock(row, kind, r) : row;
  });
}

/** A footnote paragraph (properties and runs apart, as content.ts writes it) of a block that is wholly new or gone. */
export function markNoteParagraph(
  paragraph: { properties: string; content: string },
  kind: ChangeKind | undefined,
  r: ChangeAuthor | undefined,
): { properties: string; content: string } {
  if (!kind || !r || paragraph.properties.includes("<w:rPr>")) return paragraph;
  return { properties: `${paragraph.properties}<w:rPr>${markElement(kind, r)}</w:rPr>`, content: trackedRuns(paragraph.content, kind, r) };
}
