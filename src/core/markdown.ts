/**
 * The Markdown body, parsed once with remark-parse + remark-gfm. The front
 * matter is blanked out (same number of lines) so that every node's position
 * is a position in the file.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import GithubSlugger from "github-slugger";
import type { BodyFacts, Heading, LinkRef } from "./types.js";
import { computeLix } from "./lix.js";

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Parses the body of `text`; lines before `bodyLine` are treated as blank. */
export function parseBody(text: string, bodyLine: number): Root {
  let source = text;
  if (bodyLine > 1) {
    let offset = 0;
    for (let i = 1; i < bodyLine; i++) {
      const nl = text.indexOf("\n", offset);
      if (nl === -1) {
        offset = text.length;
        break;
      }
      offset = nl + 1;
    }
    source = "\n".repeat(bodyLine - 1) + text.slice(offset);
  }
  return processor.parse(source) as Root;
}

/** Headings (with GitHub slugs), links, images and LIX of a parsed body. */
export function extractFacts(tree: Root): BodyFacts {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: LinkRef[] = [];
  visit(tree, (node) => {
    const p = node.position;
    if (!p) return;
    const at = { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
    if (node.type === "heading") {
      const text = toString(node);
      headings.push({ depth: node.depth, text, slug: slugger.slug(text), ...at });
    } else if (node.type === "link") {
      links.push({ url: node.url, text: toString(node), kind: "link", ...at });
    } else if (node.type === "image") {
      links.push({ url: node.url, text: node.alt ?? "", kind: "image", ...at });
    } else if (node.type === "definition") {
      links.push({ url: node.url, text: node.label ?? "", kind: "definition", ...at });
    }
  });
  return { headings, links, lix: computeLix(tree) };
}
