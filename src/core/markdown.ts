/**
 * The Markdown body, parsed once with remark-parse + remark-gfm. The front
 * matter is blanked out (same number of lines) so that every node's position
 * is a position in the file.
 */
import { unified, type Processor } from "unified";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import GithubSlugger from "github-slugger";
import type { BodyFacts, Heading, LinkRef } from "./types.js";
import { computeLix } from "./lix.js";
import { checkBody, type LimitProblem } from "./limits.js";

/**
 * Thrown instead of parsing a body over the limits of limits.ts (nesting,
 * size): micromark would take minutes or gigabytes over it.
 */
export class BodyLimitError extends Error {
  constructor(readonly problem: LimitProblem) {
    super(problem.message.en);
  }
}

/** The body of `text` as the parsers get it, after the limits are checked. */
function checkedSource(text: string, bodyLine: number): string {
  const problem = checkBody(text, bodyLine);
  if (problem) throw new BodyLimitError(problem);
  return bodySource(text, bodyLine);
}

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** The transforms of the literal-autolink pass (see below). */
const literalAutolinkTransforms = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/**
 * GFM finds literal autolinks (a bare `www.…`, `https://…` or e-mail
 * address in text) with a pass over every text node after parsing: about a
 * tenth of a large validation. No rule reads them (external links are not
 * checked, e-mail addresses are found in the raw text, and a node's text is
 * the same either way), so validation parses without that pass. The editions
 * use the full `parseBody`, which links them.
 */
function withoutLiteralAutolinkPass(this: Processor): void {
  const skip = new Set<unknown>(literalAutolinkTransforms);
  const strip = (extension: unknown): unknown => {
    if (Array.isArray(extension)) return extension.map(strip);
    const e = extension as { transforms?: unknown[] };
    return e.transforms ? { ...e, transforms: e.transforms.filter((t) => !skip.has(t)) } : e;
  };
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(strip) as NonNullable<typeof data.fromMarkdownExtensions>;
}

const ruleProcessor = unified().use(remarkParse).use(remarkGfm).use(withoutLiteralAutolinkPass).freeze();

/** The transforms the validation parser runs after parsing (tests check the autolink pass is gone). */
export function ruleParserTransforms(): unknown[] {
  const flat = (e: unknown): unknown[] => (Array.isArray(e) ? e.flatMap(flat) : ((e as { transforms?: unknown[] }).transforms ?? []));
  return (ruleProcessor.data().fromMarkdownExtensions ?? []).flatMap(flat);
}

/** Blanks the lines before `bodyLine` (same number of lines), so that positions are file positions. */
function bodySource(text: string, bodyLine: number): string {
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
  return source;
}

/**
 * Parses the body of `text` with all of GFM (the editions); lines before
 * `bodyLine` are treated as blank. Throws BodyLimitError, without parsing,
 * for a body over the limits (limits.ts); so does `parseBodyForRules`.
 */
export function parseBody(text: string, bodyLine: number): Root {
  return processor.parse(checkedSource(text, bodyLine)) as Root;
}

/** Parses the body as validation needs it: GFM without the literal-autolink pass. */
export function parseBodyForRules(text: string, bodyLine: number): Root {
  return ruleProcessor.parse(checkedSource(text, bodyLine)) as Root;
}

/**
 * The nodes whose lines an edition names in its warnings: raw HTML, and the
 * links and images (the HTML edition's `a` and `img` elements, which take
 * their position from these).
 */
const REPORTED_NODES: ReadonlySet<string> = new Set(["html", "link", "linkReference", "image", "imageReference"]);

export interface EditionBodyOptions {
  /**
   * Keep the positions of the nodes an edition reports a line of
   * (REPORTED_NODES), for the HTML edition's warnings: a few in a hundred
   * nodes, so the tree stays small. Without it no node keeps a position.
   */
  lines?: boolean;
}

/**
 * A tree from `parseBodyForRules` made what `parseBody` gives (the literal
 * autolinks found, which the rule parser skips), without positions (which the
 * Word edition does not use, and which are half of a tree's bytes between
 * threads), or only with those the HTML edition's warnings need
 * (`lines`). Validation hands its trees to the editions this way, so that a
 * build parses each document once. The tree is changed in place.
 */
export function editionBody(tree: Root, options: EditionBodyOptions = {}): Root {
  const lines = options.lines === true;
  // The pass runs its regular expressions over every text node (about half a millisecond for a
  // document); it can only find something in a text with one of these, so it runs only then.
  let candidate = false;
  visit(tree, (node) => {
    if (!(lines && REPORTED_NODES.has(node.type))) delete node.position;
    if (!candidate && node.type === "text" && AUTOLINK_LITERAL_CANDIDATE.test(node.value)) candidate = true;
  });
  if (candidate) for (const transform of literalAutolinkTransforms) transform(tree);
  return tree;
}

/** What every literal autolink has (a web address starts with http://, https:// or www.; the others have an @). */
const AUTOLINK_LITERAL_CANDIDATE = /https?:\/\/|www\.|@/i;

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
