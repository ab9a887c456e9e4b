/**
 * Markdown phrasing content (text inside a paragraph, heading or table cell)
 * to Word runs: one small function per mdast node type.
 */
import path from "node:path";
import type { PhrasingContent, PhrasingContentMap } from "mdast";
import { ExternalHyperlink, FootnoteReferenceRun, ImageRun, InternalHyperlink, TextRun } from "docx";
import type { IRunOptions, ParagraphChild } from "docx";
import type { MapContext } from "./context.js";
import { normalizeIdentifier } from "./context.js";
import { loadImage } from "./images.js";
import { STYLE } from "./styles.js";
import { LABEL } from "./labels.js";
import type { LinkTarget } from "./links.js";
import { noteParagraphs } from "./blocks.js";

/** Formatting inherited from the enclosing nodes. */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** Inside a link: runs take the Hyperlink style. */
  link?: boolean;
  /** Inside a footnote: a footnote reference there is shown as text. */
  note?: boolean;
}

/** A text run with the inherited formatting. */
export function textRun(text: string, fmt: RunFormat, extra: IRunOptions = {}): TextRun {
  return new TextRun({
    text,
    ...(fmt.bold ? { bold: true } : {}),
    ...(fmt.italics ? { italics: true } : {}),
    ...(fmt.strike ? { strike: true } : {}),
    ...(fmt.link ? { style: STYLE.hyperlink } : {}),
    ...extra,
  });
}

type Mapper<K extends keyof PhrasingContentMap> = (node: PhrasingContentMap[K], ctx: MapContext, fmt: RunFormat) => ParagraphChild[];

/** Wraps runs in the link the target calls for. */
export function linkTo(target: LinkTarget, children: ParagraphChild[]): ParagraphChild[] {
  if (children.length === 0) return [];
  if (target.kind === "internal") return [new InternalHyperlink({ anchor: target.anchor, children })];
  if (target.kind === "external") return [new ExternalHyperlink({ link: target.url, children })];
  return children;
}

function linkLike(url: string, children: PhrasingContent[], ctx: MapContext, fmt: RunFormat): ParagraphChild[] {
  const target = ctx.links.resolve(ctx.doc, url);
  return linkTo(target, mapInline(children, ctx, target.kind === "none" ? fmt : { ...fmt, link: true }));
}

function picture(url: string, alt: string, title: string | null | undefined, ctx: MapContext, fmt: RunFormat): ParagraphChild[] {
  const image = loadImage(ctx.doc, url);
  if (!image) {
    const label = `[${LABEL.image}${alt ? `: ${alt}` : ""}]`;
    const target = ctx.links.resolve(ctx.doc, url);
    return target.kind === "external" ? linkTo(target, [textRun(label, { ...fmt, italics: true, link: true })]) : [textRun(label, { ...fmt, italics: true })];
  }
  const scale = Math.min(1, ctx.maxImageWidth / image.width);
  const name = path.posix.basename(url.replace(/[?#].*$/, ""));
  return [
    new ImageRun({
      type: image.type,
      data: image.data,
      transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
      altText: { name, description: alt, title: title ?? alt },
    }),
  ];
}

const text: Mapper<"text"> = (node, _ctx, fmt) => [textRun(node.value.replace(/\s*\n\s*/g, " "), fmt)];
const strong: Mapper<"strong"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, bold: true });
const emphasis: Mapper<"emphasis"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, italics: true });
const del: Mapper<"delete"> = (node, ctx, fmt) => mapInline(node.children, ctx, { ...fmt, strike: true });
const inlineCode: Mapper<"inlineCode"> = (node, _ctx, fmt) => [textRun(node.value, fmt, { style: STYLE.code })];
const lineBreak: Mapper<"break"> = () => [new TextRun({ break: 1 })];
const link: Mapper<"link"> = (node, ctx, fmt) => linkLike(node.url, node.children, ctx, fmt);

const linkReference: Mapper<"linkReference"> = (node, ctx, fmt) => {
  const definition = ctx.definitions.get(normalizeIdentifier(node.identifier));
  return definition ? linkLike(definition.url, node.children, ctx, fmt) : mapInline(node.children, ctx, fmt);
};

const image: Mapper<"image"> = (node, ctx, fmt) => picture(node.url, node.alt ?? "", node.title, ctx, fmt);

const imageReference: Mapper<"imageReference"> = (node, ctx, fmt) => {
  const definition = ctx.definitions.get(normalizeIdentifier(node.identifier));
  return definition ? picture(definition.url, node.alt ?? "", definition.title, ctx, fmt) : [textRun(node.alt ?? "", fmt)];
};

const footnoteReference: Mapper<"footnoteReference"> = (node, ctx, fmt) => {
  const definition = ctx.footnotes.get(normalizeIdentifier(node.identifier));
  if (!definition || fmt.note) return [textRun(`[${node.label ?? node.identifier}]`, fmt)];
  return [new FootnoteReferenceRun({ children: noteParagraphs(definition, ctx) })];
};

/** Inline HTML: a line break is kept; other tags are dropped (their text is separate nodes). */
const html: Mapper<"html"> = (node) => (/^<br\s*\/?>$/i.test(node.value.trim()) ? [new TextRun({ break: 1 })] : []);

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
};

export function mapInline(nodes: readonly PhrasingContent[], ctx: MapContext, fmt: RunFormat = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    const mapper = mappers[node.type] as Mapper<typeof node.type> | undefined;
    if (mapper) out.push(...(mapper as (n: PhrasingContent, c: MapContext, f: RunFormat) => ParagraphChild[])(node, ctx, fmt));
  }
  return out;
}
