/**
 * What the node mappers need to know while they turn one document's Markdown
 * into Word content: the document, link resolution, its reference and
 * footnote definitions, the heading slugs, the file-wide list counters, and
 * what the written text needs from docx.
 */
import type { Definition, FootnoteDefinition, Heading, Root } from "mdast";
import { visit } from "unist-util-visit";
import GithubSlugger from "github-slugger";
import type { EditionDocument } from "../edition.js";
import type { LinkResolver } from "./links.js";
import type { Needs } from "./content.js";
import type { ChangeAuthor } from "./redline.js";
import { headingText } from "./redline-text.js";

/** List numbering shared by a whole file: every Markdown list is its own Word list instance. */
export class ListCounter {
  private instance = 0;
  readonly starts = new Set<number>();

  next(): number {
    return ++this.instance;
  }
}

export interface MapContext {
  doc: EditionDocument;
  links: LinkResolver;
  lists: ListCounter;
  /** What the text written so far needs from docx when the file is written (links, lists, pictures, footnotes). */
  needs: Needs;
  /** Heading node → GitHub slug, numbered as `extractFacts` numbers them. */
  slugs: Map<Heading, string>;
  definitions: Map<string, Definition>;
  footnotes: Map<string, FootnoteDefinition>;
  /** Usable text width in pixels (96 dpi), for pictures. */
  maxImageWidth: number;
  /** `--redline`: the tree's marks are written as tracked changes by this author, on this date (redline.ts). */
  redline?: ChangeAuthor;
}

/** mdast identifiers are matched case-insensitively with collapsed spaces. */
export function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The per-document tables: slugs in document order, link and footnote definitions. */
export function documentTables(tree: Root): Pick<MapContext, "slugs" | "definitions" | "footnotes"> {
  const slugger = new GithubSlugger();
  const slugs = new Map<Heading, string>();
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  visit(tree, (node) => {
    if (node.type === "heading") {
      // A heading gone in a redline tree has no bookmark: the others get the slugs of the new text.
      if (node.data?.redline !== "delete") slugs.set(node, slugger.slug(headingText(node)));
    } else if (node.type === "definition") {
      const key = normalizeIdentifier(node.identifier);
      if (!definitions.has(key)) definitions.set(key, node);
    } else if (node.type === "footnoteDefinition") {
      const key = normalizeIdentifier(node.identifier);
      if (!footnotes.has(key)) footnotes.set(key, node);
    }
  });
  return { slugs, definitions, footnotes };
}
