/**
 * A tiny hyperscript for hast, so that pages are built as trees and written
 * by rehype-stringify: every text and attribute value is escaped in one
 * place, never by string concatenation.
 */
import type { Element, ElementContent, Properties, Root, RootContent, Text } from "hast";
import { unified } from "unified";
import rehypeStringify from "rehype-stringify";

export type Child = ElementContent | string | number | null | undefined | false | readonly Child[];
export type Props = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function text(value: string): Text {
  return { type: "text", value };
}

function flatten(children: readonly Child[], out: ElementContent[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child as readonly Child[], out);
    else if (typeof child === "string" || typeof child === "number") out.push(text(String(child)));
    else out.push(child as ElementContent);
  }
}

/** `h("a", {href: "x.html", className: ["lank"]}, "text")`; props use hast names (className, ariaLabel, dataSort). */
export function h(tagName: string, props: Props | null = null, ...children: Child[]): Element {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    properties[key] = Array.isArray(value) ? [...(value as readonly string[])] : (value as string | number | boolean);
  }
  const content: ElementContent[] = [];
  flatten(children, content);
  return { type: "element", tagName, properties, children: content };
}

/**
 * Block content with a line break between the children, so that the
 * written HTML is readable (and diffable) without changing how it renders.
 */
export function block(tagName: string, props: Props | null, ...children: Child[]): Element {
  const el = h(tagName, props, ...children);
  const spaced: ElementContent[] = [text("\n")];
  for (const child of el.children) spaced.push(child, text("\n"));
  el.children = spaced;
  return el;
}

export function documentRoot(html: Element): Root {
  const children: RootContent[] = [{ type: "doctype" }, text("\n"), html, text("\n")];
  return { type: "root", children };
}

const stringifier = unified().use(rehypeStringify, { upperDoctype: true }).freeze();

export function stringify(root: Root): string {
  return stringifier.stringify(root);
}
