/**
 * WordprocessingML as text, for the documents' own content (everything of a
 * chapter but its title). The docx package builds an object per element and
 * then walks the objects to write XML: for a large edition that is most of
 * the Word step's time and memory. These functions write the same XML
 * directly, element for element and attribute for attribute as docx writes
 * it, so the file is the same (test/render-docx/wml.test.ts compares the two).
 *
 * What docx settles only while it writes the file (list ids, relationship
 * ids of links, pictures, footnote ids) is left to `Content` (content.ts),
 * which registers it with docx at that moment, as docx's own elements do.
 */

const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

/** Text or an attribute value as docx escapes both: five entities, and control characters left out. */
export function esc(value: string): string {
  return value.replace(SPECIAL, (c) => ENTITIES[c] ?? "");
}

/** Run formatting, in the order of CT_RPr (as docx writes it). */
export interface RunProps {
  style?: string | undefined;
  bold?: boolean | undefined;
  italics?: boolean | undefined;
  strike?: boolean | undefined;
  /** Raised or lowered text (`<sup>`, `<sub>` in a document's Markdown). */
  vertAlign?: "superscript" | "subscript" | undefined;
}

function runProperties(p: RunProps): string {
  let s = "";
  if (p.style) s += `<w:rStyle w:val="${esc(p.style)}"/>`;
  if (p.bold) s += "<w:b/><w:bCs/>";
  if (p.italics) s += "<w:i/><w:iCs/>";
  if (p.strike) s += "<w:strike/>";
  if (p.vertAlign) s += `<w:vertAlign w:val="${p.vertAlign}"/>`;
  return s === "" ? "" : `<w:rPr>${s}</w:rPr>`;
}

/** The soft hyphen (U+00AD) and the non-breaking hyphen (U+2011), which Word keeps as marks of their own. */
const HYPHENS = /[\u00AD\u2011]/;

/**
 * The text of a run. Text pasted from Word often carries soft hyphens: as a
 * character Word shows or drops them unpredictably, as `w:softHyphen` it
 * breaks the word there only at a line end. `w:noBreakHyphen` is Word's own
 * hyphen that never breaks.
 */
function runText(text: string): string {
  if (!HYPHENS.test(text)) return `<w:t xml:space="preserve">${esc(text)}</w:t>`;
  let s = "";
  for (const piece of text.split(/([\u00AD\u2011])/)) {
    if (piece === "\u00AD") s += "<w:softHyphen/>";
    else if (piece === "\u2011") s += "<w:noBreakHyphen/>";
    else if (piece !== "") s += `<w:t xml:space="preserve">${esc(piece)}</w:t>`;
  }
  return s;
}

/** A run of text; `lineBreak` puts a line break before the text. */
export function run(text: string, props: RunProps = {}, lineBreak = false): string {
  return `<w:r>${runProperties(props)}${lineBreak ? "<w:br/>" : ""}${runText(text)}</w:r>`;
}

/** A run with only a line break. */
export const BREAK_RUN = "<w:r><w:br/></w:r>";

export type Alignment = "center" | "right";

/** Paragraph properties, in the order of CT_PPr (as docx writes them). */
export interface ParagraphProps {
  /** A heading's style id (Heading2 …). */
  heading?: string | undefined;
  style?: string | undefined;
  keepNext?: boolean | undefined;
  /** A list item: docx writes the list's key in braces, and fills in its number when the file is written. */
  numbering?: { reference: string; instance: number; level: number } | undefined;
  /** A bottom border (the thematic break): its colour and size in eighths of a point. */
  bottomBorder?: { color: string; size: number } | undefined;
  spacing?: { after?: number; before?: number; line?: number; lineRule?: "auto" } | undefined;
  indentLeft?: number | undefined;
  /** With `indentLeft`: the first line starts this much further left (a list item's marker). */
  indentHanging?: number | undefined;
  alignment?: Alignment | undefined;
}

/** The placeholder docx writes for a list's number (`{reference-instance}`). */
function listKey(reference: string, instance: number): string {
  return `${reference}-${instance}`;
}

function spacing(s: NonNullable<ParagraphProps["spacing"]>): string {
  let a = "";
  if (s.after !== undefined) a += ` w:after="${s.after}"`;
  if (s.before !== undefined) a += ` w:before="${s.before}"`;
  if (s.line !== undefined) a += ` w:line="${s.line}"`;
  if (s.lineRule !== undefined) a += ` w:lineRule="${s.lineRule}"`;
  return `<w:spacing${a}/>`;
}

/** The content of a paragraph's `w:pPr` (empty when it has no properties). */
export function paragraphProperties(p: ParagraphProps): string {
  let s = "";
  if (p.heading) s += `<w:pStyle w:val="${esc(p.heading)}"/>`;
  // docx gives a list item without a style of its own the ListParagraph style.
  if (p.numbering && !p.style && !p.heading) s += '<w:pStyle w:val="ListParagraph"/>';
  if (p.style) s += `<w:pStyle w:val="${esc(p.style)}"/>`;
  if (p.keepNext) s += "<w:keepNext/>";
  if (p.numbering) {
    s += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="{${esc(listKey(p.numbering.reference, p.numbering.instance))}}"/></w:numPr>`;
  }
  if (p.bottomBorder)
    s += `<w:pBdr><w:bottom w:val="single" w:color="${esc(p.bottomBorder.color)}" w:sz="${p.bottomBorder.size}" w:space="1"/></w:pBdr>`;
  if (p.spacing) s += spacing(p.spacing);
  if (p.indentLeft !== undefined)
    s += `<w:ind w:left="${p.indentLeft}"${p.indentHanging !== undefined ? ` w:hanging="${p.indentHanging}"` : ""}/>`;
  if (p.alignment) s += `<w:jc w:val="${p.alignment}"/>`;
  return s;
}

/** A paragraph of runs (already written). An empty one is `<w:p/>`, as docx writes it. */
export function paragraph(props: ParagraphProps, content: string): string {
  const pPr = paragraphProperties(props);
  if (pPr === "" && content === "") return "<w:p/>";
  return `<w:p>${pPr === "" ? "" : `<w:pPr>${pPr}</w:pPr>`}${content}</w:p>`;
}

/** A link to a bookmark in the same file. */
export function internalLink(anchor: string, content: string): string {
  return `<w:hyperlink w:history="1" w:anchor="${esc(anchor)}">${content}</w:hyperlink>`;
}

/** A link through a relationship (`rId<id>`); `anchor` is the part after "#", which Word keeps apart. */
export function externalLink(id: string, anchor: string | undefined, content: string): string {
  return `<w:hyperlink w:history="1"${anchor === undefined ? "" : ` w:anchor="${esc(anchor)}"`} r:id="rId${id}">${content}</w:hyperlink>`;
}

/** docx keeps the part of a web address after "#" (up to 255 characters) as the link's anchor. */
export function splitExternal(url: string): { target: string; anchor?: string } {
  const at = url.indexOf("#");
  const length = url.length - at - 1;
  return at > 0 && length > 0 && length <= 255 ? { target: url.slice(0, at), anchor: url.slice(at + 1) } : { target: url };
}

export function bookmark(name: string, id: number, content: string): string {
  return `<w:bookmarkStart w:name="${esc(name)}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
}

/** The run of a footnote reference, with the footnote's id. */
export function footnoteReference(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

const A = "http://schemas.openxmlformats.org/drawingml/2006/main";

export interface Picture {
  /** The key docx's media knows the picture by; the relationship id is written as `rId{key}` until the file is written. */
  key: string;
  /** The drawing's id (docx's counter; renumbered in order when the file is normalised). */
  id: number;
  name: string;
  description: string;
  title: string;
  width: number;
  height: number;
  /** The relationship id of the external link the picture is in, if any: clicking the picture follows it. */
  link?: string | undefined;
}

/** A picture in its own run, inline, as docx's ImageRun writes it. */
export function picture(p: Picture): string {
  const cx = Math.round(p.width * 9525);
  const cy = Math.round(p.height * 9525);
  const attrs = `id="${p.id}" name="${esc(p.name)}"${p.description ? ` descr="${esc(p.description)}"` : ""}${p.title ? ` title="${esc(p.title)}"` : ""}`;
  const docPr =
    p.link === undefined ? `<wp:docPr ${attrs}/>` : `<wp:docPr ${attrs}><a:hlinkClick xmlns:a="${A}" r:id="rId${p.link}"/></wp:docPr>`;
  const cNvPr =
    p.link === undefined
      ? '<pic:cNvPr id="0" name="" descr=""/>'
      : `<pic:cNvPr id="0" name="" descr=""><a:hlinkClick r:id="rId${p.link}"/></pic:cNvPr>`;
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>${docPr}` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:nvPicPr>${cNvPr}<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="rId{${esc(p.key)}}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

export interface Border {
  color: string;
  size: number;
}

export interface TableProps {
  width: number;
  /** Indent from the left margin, in twips (a table in a list item lines up with the item's text). */
  indent?: number | undefined;
  columnWidths: readonly number[];
  border: Border;
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface Cell {
  /** The cell's paragraph (already written). */
  content: string;
  fill?: string | undefined;
}

export interface Row {
  cells: Cell[];
  header?: boolean;
  cantSplit?: boolean;
}

/** A table with fixed layout, as docx's Table writes it (each cell's width from the grid). */
export function table(props: TableProps, rows: readonly Row[]): string {
  const b = `w:val="single" w:color="${esc(props.border.color)}" w:sz="${props.border.size}"`;
  const m = props.margins;
  let s =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${props.width}"/>${props.indent ? `<w:tblInd w:type="dxa" w:w="${props.indent}"/>` : ""}` +
    `<w:tblBorders><w:top ${b}/><w:left ${b}/><w:bottom ${b}/><w:right ${b}/><w:insideH ${b}/><w:insideV ${b}/></w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="${m.top}"/><w:left w:type="dxa" w:w="${m.left}"/><w:bottom w:type="dxa" w:w="${m.bottom}"/><w:right w:type="dxa" w:w="${m.right}"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${props.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  for (const row of rows) {
    s += "<w:tr>";
    if (row.cantSplit || row.header) s += `<w:trPr>${row.cantSplit ? "<w:cantSplit/>" : ""}${row.header ? "<w:tblHeader/>" : ""}</w:trPr>`;
    row.cells.forEach((cell, i) => {
      const fill = cell.fill ? `<w:shd w:fill="${esc(cell.fill)}" w:color="auto" w:val="clear"/>` : "";
      s += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${props.columnWidths[i] ?? 0}"/>${fill}</w:tcPr>${cell.content}</w:tc>`;
    });
    s += "</w:tr>";
  }
  return `${s}</w:tbl>`;
}
