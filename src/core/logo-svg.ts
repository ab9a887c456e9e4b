/**
 * A region's SVG logo, made safe to publish. An SVG is a document that can
 * carry scripts, event handlers, links and references to other files; the
 * logo comes from the set's folder, which a pull request can change. So the
 * logo is parsed and written anew from an allow-list of drawing elements and
 * presentation attributes: anything else (script, foreignObject, image,
 * animation, on… handlers, links out of the file, url() to anything but the
 * file's own gradients) is left out. The result is also what the HTML
 * edition embeds, as an `<img>`, where a browser would run nothing anyway.
 *
 * @xmldom/xmldom is loaded only when a configuration names an SVG logo.
 */
import { createRequire } from "node:module";
import type { Localized } from "../i18n/text.js";

const require = createRequire(import.meta.url);

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

const ELEMENTS = new Set([
  "svg",
  "g",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "defs",
  "linearGradient",
  "radialGradient",
  "stop",
  "clipPath",
  "mask",
  "title",
  "desc",
  "use",
  "symbol",
  "style",
]);

const ATTRIBUTES = new Set([
  "id",
  "class",
  "style",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "fx",
  "fy",
  "dx",
  "dy",
  "width",
  "height",
  "d",
  "points",
  "viewBox",
  "preserveAspectRatio",
  "transform",
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-opacity",
  "opacity",
  "clip-path",
  "clip-rule",
  "clipPathUnits",
  "mask",
  "maskUnits",
  "maskContentUnits",
  "offset",
  "stop-color",
  "stop-opacity",
  "gradientUnits",
  "gradientTransform",
  "spreadMethod",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "display",
  "visibility",
  "color",
  "vector-effect",
  "paint-order",
  "shape-rendering",
  "role",
  "aria-label",
]);

/** Text kept: what is drawn or read out, and the logo's own style sheet. */
const TEXT_PARENTS = new Set(["text", "tspan", "title", "desc", "style"]);

const URL = /url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi;

/**
 * CSS that reaches other files without the word `url(`: escapes (`\75 rl(`, `@\69mport` are url( and
 * @import to CSS) and the image functions that take an address as a plain string (`image-set("…")`).
 */
const DISGUISED_FETCH = /\\|(?<![\w-])(?:-webkit-)?image(?:-set)?\s*\(|(?<![\w-])src\s*\(/i;

/** A url(…) to anything but an element of the file itself, an import, a script address, or a disguised fetch. */
function unsafeValue(value: string): boolean {
  if (/@import|expression\s*\(|javascript:|vbscript:|data:/i.test(value) || DISGUISED_FETCH.test(value)) return true;
  return [...value.matchAll(URL)].some((m) => !(m[2] ?? "").startsWith("#"));
}

/** A style sheet without imports and with `none` for every url(…) that leaves the file; undefined when still unsafe. */
function safeStyleSheet(css: string): string | undefined {
  const cleaned = css
    .replace(/@import[^;]*;?/gi, "")
    .replace(URL, (all, _q: string, target: string) => (target.startsWith("#") ? all : "none"));
  return unsafeValue(cleaned) ? undefined : cleaned;
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

interface XmlNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string | null;
  namespaceURI?: string | null;
  attributes?: {
    length: number;
    item(i: number): { localName: string | null; name: string; namespaceURI: string | null; value: string } | null;
  };
  childNodes: { length: number; item(i: number): XmlNode | null };
}

function attributesOf(node: XmlNode): string {
  let out = "";
  const attrs = node.attributes;
  if (!attrs) return out;
  const seen = new Set<string>();
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (!a) continue;
    const local = a.localName ?? a.name;
    // xlink:href and href: only to an element of the file itself (`#id`).
    const name = local === "href" && (a.namespaceURI === XLINK_NS || a.namespaceURI === null) ? "href" : a.namespaceURI ? "" : local;
    if (name === "" || seen.has(name)) continue;
    if (name === "href" ? !a.value.trim().startsWith("#") : !ATTRIBUTES.has(name)) continue;
    const value = name === "style" ? safeStyleSheet(a.value) : unsafeValue(a.value) ? undefined : a.value;
    if (value === undefined) continue;
    seen.add(name);
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

function write(node: XmlNode, parent: string): string {
  if (node.nodeType === 3 || node.nodeType === 4) return TEXT_PARENTS.has(parent) ? escapeText(node.nodeValue ?? "") : "";
  if (node.nodeType !== 1) return "";
  const name = node.localName ?? "";
  if (node.namespaceURI !== SVG_NS || !ELEMENTS.has(name)) return "";
  let children = "";
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes.item(i);
    if (child) children += write(child, name);
  }
  if (name === "style") {
    // The text is written escaped: `>` in a selector is `&gt;`, which an SVG style sheet reads as `>`.
    const css = safeStyleSheet(children);
    if (css === undefined) return "";
    children = css;
  }
  const attrs = (name === "svg" && parent === "" ? ` xmlns="${SVG_NS}"` : "") + attributesOf(node);
  // A reference that lost its address draws nothing.
  if (name === "use" && !attrs.includes(" href=")) return "";
  return children === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** CSS pixels of an SVG length (`120`, `120px`, `30mm`, `2in`); undefined for percentages and nonsense. */
function pixels(value: string | null | undefined): number | undefined {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(px|pt|mm|cm|in)?\s*$/.exec(value ?? "");
  if (!m) return undefined;
  const n = Number(m[1]);
  const factor = { px: 1, pt: 96 / 72, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 }[(m[2] ?? "px") as "px"];
  return n > 0 ? n * factor : undefined;
}

export type SvgResult = { ok: true; svg: string; width: number; height: number } | { ok: false; reason: Localized };

/** The logo's SVG rewritten from the allow-list, with its size in CSS pixels (from width/height, else viewBox). */
export function sanitizeSvg(text: string): SvgResult {
  const source = text.replace(/^\uFEFF/, "");
  if (/<!ENTITY/i.test(source))
    return {
      ok: false,
      reason: { sv: "SVG-filen deklarerar egna entiteter (<!ENTITY …>)", en: "the SVG file declares its own entities (<!ENTITY …>)" },
    };
  const { DOMParser } = require("@xmldom/xmldom") as typeof import("@xmldom/xmldom");
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => (failed = true),
      fatalError: () => (failed = true),
    },
  }).parseFromString(source, "image/svg+xml");
  const root = doc.documentElement as unknown as (XmlNode & { getAttribute(name: string): string | null }) | null;
  if (failed || !root || root.localName !== "svg" || root.namespaceURI !== SVG_NS)
    return {
      ok: false,
      reason: {
        sv: 'filen är ingen giltig SVG-bild (ett <svg>-element med xmlns="http://www.w3.org/2000/svg")',
        en: 'the file is not a valid SVG image (an <svg> element with xmlns="http://www.w3.org/2000/svg")',
      },
    };
  const box = (root.getAttribute("viewBox") ?? "")
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  const boxWidth = box.length === 4 && (box[2] ?? 0) > 0 ? box[2] : undefined;
  const boxHeight = box.length === 4 && (box[3] ?? 0) > 0 ? box[3] : undefined;
  let width = pixels(root.getAttribute("width"));
  let height = pixels(root.getAttribute("height"));
  if (width === undefined && height !== undefined && boxWidth && boxHeight) width = (height * boxWidth) / boxHeight;
  if (height === undefined && width !== undefined && boxWidth && boxHeight) height = (width * boxHeight) / boxWidth;
  width ??= boxWidth;
  height ??= boxHeight;
  if (width === undefined || height === undefined)
    return {
      ok: false,
      reason: {
        sv: "SVG-bilden anger inte sin storlek: ge <svg> ett viewBox-attribut (eller width och height)",
        en: "the SVG image does not give its size: give <svg> a viewBox attribute (or width and height)",
      },
    };
  return { ok: true, svg: write(root, ""), width, height };
}
