/**
 * Markdown phrasing content (text inside a paragraph, heading or table cell)
 * to Word runs, written as WordprocessingML (wml.ts): one small function per
 * mdast node type.
 */
import path from "node:path";
import type { PhrasingContent, PhrasingContentMap } from "mdast";
import { docPropertiesUniqueNumericId, hashedId } from "docx";
import type { MapContext } from "./context.js";
import { normalizeIdentifier } from "./context.js";
import { NOTE_MARK } from "./content.js";
import { loadImage } from "./images.js";
import { STYLE } from "./styles.js";
import { LABEL } from "./labels.js";
import type { LinkTarget } from "./links.js";
import { noteOf } from "./blocks.js";
import { BREAK_RUN, externalLink, internalLink, picture as pictureRun, run, splitExternal } from "./wml.js";
import { formatChange, formatProps, trackedRuns } from "./redline.js";
import { keepReferencesTogether } from "../shared/typography.js";

/** Formatting inherited from the enclosing nodes. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** Inside a link: runs take the Hyperlink style. */
  link?: boolean;
  /** Inside a web link: the relationship id a picture in it links to when clicked. */
  pictureLink?: () => string;
  /** Inside a footnote: a footnote reference there is shown as text. */
  note?: boolean;
  /** Between raw `<sup>` and `</sup>` (or `<sub>`, `</sub>`). */
  vertAlign?: "superscript" | "subscript";
}

/** A text run with the inherited formatting; `style` (a character style) overrides the link's. */
export function textRun(text: string, fmt: RunFormat, style?: string): string {
  return run(text, {
    style: style ?? (fmt.link ? STYLE.hyperlink : undefined),
    bold: fmt.bold,
    italics: fmt.italics,
    strike: fmt.strike,
    vertAlign: fmt.vertAlign,
  });
}

type Mapper<K extends keyof PhrasingContentMap> = (node: PhrasingContentMap[K], ctx: MapContext, fmt: RunFormat) => string;

/** A web link's relationship, registered for the part; its id, and the part of the address after "#". */
function externalTarget(url: string, ctx: MapContext): { id: string; anchor: string | undefined } {
  const { target, anchor } = splitExternal(url);
  return { id: ctx.needs.link(target), anchor };
}

/** Wraps runs in the link the target calls for (`mapped` writes the runs, given the formatting inside the link). */
export function linkTo(target: LinkTarget, ctx: MapContext, fmt: RunFormat, mapped: (inner: RunFormat) => string): string {
  if (target.kind === "internal") {
    const content = mapped({ ...fmt, link: true });
    return content === "" ? "" : internalLink(target.anchor, content);
  }
  if (target.kind === "external") {
    const { id, anchor } = externalTarget(target.url, ctx);
    // A picture in the link follows it too: through the link's relationship, or, when the address has a
    // part after "#" (which the link keeps apart), through one of its own to the whole address, as docx does.
    let whole: string | undefined;
    const pictureLink = anchor === undefined ? (): string => id : (): string => (whole ??= ctx.needs.link(target.url));
    const content = mapped({ ...fmt, link: true, pictureLink });
    if (content === "") {
      // docx would not write an empty link: take its relationship back.
      ctx.needs.links.pop();
      return "";
    }
    return externalLink(id, anchor, content);
  }
  return mapped(fmt);
}

function linkLike(url: string, children: PhrasingContent[], ctx: MapContext, fmt: RunFormat): string {
  return linkTo(ctx.links.resolve(ctx.doc, url), ctx, fmt, (inner) => mapInline(children, ctx, inner));
}

function picture(url: string, alt: string, title: string | null | undefined, ctx: MapContext, fmt: RunFormat): string {
  const image = loadImage(ctx.doc, url);
  if (!image) {
    const label = `[${LABEL.image}${alt ? `: ${alt}` : ""}]`;
    const target = ctx.links.resolve(ctx.doc, url);
    // A picture that is a link of its own, unless it is in a link already (Word has no links in links).
    return target.kind === "external" && !fmt.link
      ? linkTo(target, ctx, fmt, (inner) => textRun(label, { ...inner, italics: true }))
      : textRun(label, { ...fmt, italics: true });
  }
  const scale = Math.min(1, ctx.maxImageWidth / image.width);
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  // docx's media key: the picture's SHA-1 and its kind; the package names the file itself (media/image1.png).
  const key = `${hashedId(image.data)}.${image.type}`;
  ctx.needs.pictures.push({ key, type: image.type, data: image.data, width, height });
  return pictureRun({
    key,
    id: docPropertiesUniqueNumericId(),
    name: path.posix.basename(url.replace(/[?#].*$/, "")),
    description: alt,
    title: title ?? alt,
    width,
    height,
    link: fmt.pictureLink?.(),
  });
}

/** Running text; a legal reference ("§ 14/2025", "kap. 3", "nr 5") is kept on one line. */
const text: Mapper<"text"> = (node, _ctx, fmt) => textRun(keepReferencesTogether(node.value.replace(/\s*\n\s*/g, " ")), fmt);
const strong: Mapper<"strong"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, bold: true });
const emphasis: Mapper<"emphasis"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, italics: true });
const del: Mapper<"delete"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, strike: true });
const inlineCode: Mapper<"inlineCode"> = (node, _ctx, fmt) => textRun(node.value, fmt, STYLE.code);
const lineBreak: Mapper<"break"> = () => BREAK_RUN;
const link: Mapper<"link"> = (node, ctx, fmt) => linkLike(node.url, node.children, ctx, fmt);

const linkReference: Mapper<"linkReference"> = (node, ctx, fmt) => {
  const definition = ctx.definitions.get(normalizeIdentifier(node.identifier));
  return definition ? linkLike(definition.url, node.children, ctx, fmt) : mapInline(node.children, ctx, fmt);
};

const image: Mapper<"image"> = (node, ctx, fmt) => picture(node.url, node.alt ?? "", node.title, ctx, fmt);

const imageReference: Mapper<"imageReference"> = (node, ctx, fmt) => {
  const definition = ctx.definitions.get(normalizeIdentifier(node.identifier));
  return definition ? picture(definition.url, node.alt ?? "", definition.title, ctx, fmt) : textRun(node.alt ?? "", fmt);
};

/** A footnote reference: its note is written now, its id when the file is (NOTE_MARK until then). */
const footnoteReference: Mapper<"footnoteReference"> = (node, ctx, fmt) => {
  const definition = ctx.footnotes.get(normalizeIdentifier(node.identifier));
  if (!definition || fmt.note) return textRun(`[${node.label ?? node.identifier}]`, fmt);
  ctx.needs.notes.push(noteOf(definition, ctx));
  return NOTE_MARK;
};

/** Inline HTML: a line break is kept; other tags are dropped (their text is separate nodes; `<sup>`, `<sub>`: see mapInline). */
const html: Mapper<"html"> = (node) => (/^<br\s*\/?>$/i.test(node.value.trim()) ? BREAK_RUN : "");

/**
 * The redline edition's marks (redline.ts): new and gone text as tracked
 * insertions and deletions, changed formatting as a run property change.
 * Outside a redline edition (no `ctx.redline`) a tree with marks reads as
 * accepted: the gone text is left out.
 */
const redlineInsert: Mapper<"redlineInsert"> = (node, ctx, fmt) => {
  const runs = mapInline(node.children, ctx, fmt);
  return ctx.redline ? trackedRuns(runs, "insert", ctx.redline) : runs;
};
const redlineDelete: Mapper<"redlineDelete"> = (node, ctx, fmt) =>
  ctx.redline ? trackedRuns(mapInline(node.children, ctx, fmt), "delete", ctx.redline) : "";
const redlineFormat: Mapper<"redlineFormat"> = (node, ctx, fmt) => {
  const runs = mapInline(node.children, ctx, fmt);
  return ctx.redline ? formatChange(runs, formatProps(node.before, fmt.link === true), ctx.redline) : runs;
};

const mappers: { [K in keyof PhrasingContentMap]: Mapper<K> } = {
  text,
  strong,
  emphasis,
  delete: del,
  inlineCode,
  break: lineBreak,
  link,
  linkReference,
  image,
  imageReference,
  footnoteReference,
  html,
  redlineInsert,
  redlineDelete,
  redlineFormat,
};

/**
 * Raw `<sup>` or `<sub>` at `open` among a paragraph's nodes: Markdown parses
 * `20 m<sup>2</sup>` as a text, an html node, a text and an html node, so the
 * tags are paired here. Where the closing tag is, and how the nodes between
 * are set; nothing when the tag is another or is not closed (then it is
 * dropped like other inline HTML).
 */
function raisedSpan(
  nodes: readonly PhrasingContent[],
  open: number,
): { close: number; vertAlign: "superscript" | "subscript" } | undefined {
  const node = nodes[open];
  const tag = node?.type === "html" ? /^<(sup|sub)\s*>$/i.exec(node.value.trim())?.[1]?.toLowerCase() : undefined;
  if (tag === undefined) return undefined;
  const closing = new RegExp(`^</${tag}\\s*>$`, "i");
  for (let i = open + 1; i < nodes.length; i++) {
    const other = nodes[i];
    if (other?.type === "html" && closing.test(other.value.trim()))
      return { close: i, vertAlign: tag === "sup" ? "superscript" : "subscript" };
  }
  return undefined;
}

export function mapInline(nodes: readonly PhrasingContent[], ctx: MapContext, fmt: RunFormat = {}): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as PhrasingContent;
    const raised = raisedSpan(nodes, i);
    if (raised) {
      out += mapInline(nodes.slice(i + 1, raised.close), ctx, { ...fmt, vertAlign: raised.vertAlign });
      i = raised.close;
      continue;
    }
    const mapper = mappers[node.type] as ((n: PhrasingContent, c: MapContext, f: RunFormat) => string) | undefined;
    if (mapper) out += mapper(node, ctx, fmt);
  }
  return out;
}
