/**
 * Turns the HTML that mammoth makes of a Word body into the GFM Markdown of a
 * samdok document: ATX headings, `-` lists, `*` emphasis, pipe tables with a
 * header row and `[^n]` footnotes. It goes through the syntax trees
 * (hast-util-from-html → hast-util-to-mdast → mdast-util-to-markdown with
 * GFM) rather than text replacements, so that escaping and nesting are right.
 *
 * Before the conversion, the HTML tree is tidied where mammoth's output and
 * Markdown differ: footnotes (an ordered list of `footnote-N` items with back
 * links) become footnote definitions, Word bookmarks become heading links,
 * merged table cells are expanded, empty paragraphs and pandoc's repeated
 * picture captions go, and numbered bold paragraphs become headings in a
 * document that uses no heading styles. What was changed is noted for the
 * import report.
 */
import { fromHtml } from "hast-util-from-html";
import { toMdast, type State } from "hast-util-to-mdast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfmToMarkdown } from "mdast-util-gfm";
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Parents as HastParents } from "hast";
import type { FootnoteDefinition, FootnoteReference, Root as MdastRoot, BlockContent, DefinitionContent } from "mdast";
import type { ImportNote } from "./types.js";

/** The Markdown body and what the conversion changed or could not carry over. */
export interface MarkdownResult {
  markdown: string;
  notes: ImportNote[];
}

const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const NOTE_REF = /^#(footnote|endnote)-(\d+)$/;
const BACK_LINK = /^#(footnote|endnote)-ref-(\d+)$/;
const FOOTNOTE_TAG = "samdok-footnote-ref";

/** Converts mammoth's HTML of a Word body into GFM Markdown, with notes for the import report. */
export function htmlToMarkdown(html: string): MarkdownResult {
  const tree = fromHtml(html, { fragment: true });
  const notes: ImportNote[] = [];
  dropEmptyParagraphs(tree);
  dropRepeatedCaptions(tree, notes);
  numberedHeadings(tree, notes);
  const definitions = footnotes(tree, notes);
  bookmarks(tree, notes);
  tables(tree, notes);

  const handlers = {
    [FOOTNOTE_TAG]: (_state: State, node: Element): FootnoteReference => {
      const label = String(node.properties["dataLabel"]);
      return { type: "footnoteReference", identifier: label, label };
    },
  };
  const mdast = toMdast(tree, { handlers }) as MdastRoot;
  tightLists(mdast);
  for (const [label, content] of definitions) {
    const body = toMdast({ type: "root", children: content }, { handlers }) as MdastRoot;
    tightLists(body);
    const children = body.children.filter((node): node is BlockContent | DefinitionContent => node.type !== "yaml");
    const definition: FootnoteDefinition = { type: "footnoteDefinition", identifier: label, label, children };
    mdast.children.push(definition);
  }
  const markdown = toMarkdown(mdast, {
    bullet: "-",
    emphasis: "*",
    strong: "*",
    rule: "-",
    listItemIndent: "one",
    fences: true,
    extensions: [gfmToMarkdown()],
  });
  return { markdown, notes };
}

/**
 * A Word list item is one paragraph; one with a nested list is not a loose
 * list, though hast-util-to-mdast takes it for one and would put blank lines
 * between all the items. An item stays loose only with two paragraphs or more.
 */
function tightLists(tree: MdastRoot): void {
  const visit = (node: MdastRoot | MdastRoot["children"][number]): void => {
    if (!("children" in node)) return;
    for (const child of node.children) visit(child as MdastRoot["children"][number]);
    if (node.type === "list") {
      for (const item of node.children) item.spread = item.children.filter((c) => c.type === "paragraph").length > 1;
      node.spread = node.children.some((item) => item.spread === true);
    }
  };
  visit(tree);
}

/** A picture found in the Markdown as a data: URL, to be saved as a file beside the document. */
export interface ExtractedImage {
  /** The file name given to it: bild-1.png, bild-2.jpeg … */
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * Moves the pictures out of the Markdown: every `(data:image/…;base64,…)`
 * link target becomes `folder/bild-N.ext`, and the bytes are returned for the
 * caller to write. The Markdown stays readable and the pictures become files
 * a person can replace.
 */
export function extractImages(markdown: string, folder: string): { markdown: string; images: ExtractedImage[] } {
  const images: ExtractedImage[] = [];
  const out = markdown.replace(/\]\(<?data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)>?\)/gi, (_all, type: string, data: string) => {
    const subtype = type.slice("image/".length).toLowerCase();
    const ext =
      subtype === "svg+xml" ? "svg" : subtype === "x-emf" ? "emf" : subtype === "x-wmf" ? "wmf" : subtype.replace(/[^a-z0-9]/g, "");
    const name = `bild-${images.length + 1}.${ext}`;
    images.push({ name, contentType: type.toLowerCase(), bytes: new Uint8Array(Buffer.from(data, "base64")) });
    return `](${folder === "" ? name : `${folder}/${name}`})`;
  });
  return { markdown: out, images };
}

function isElement(node: HastContent | ElementContent | undefined, tag?: string): node is Element {
  return node !== undefined && node.type === "element" && (tag === undefined || node.tagName === tag);
}

function textOf(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" || node.type === "root") return node.children.map((child) => textOf(child)).join("");
  return "";
}

function hasPicture(node: HastContent | ElementContent): boolean {
  return isElement(node) && (node.tagName === "img" || node.children.some((child) => hasPicture(child)));
}

/** Calls visit for every element, parents before children, with its parent. */
function eachElement(parent: HastParents, visit: (node: Element, parent: HastParents) => void): void {
  for (const child of [...parent.children]) {
    if (isElement(child)) {
      visit(child, parent);
      eachElement(child, visit);
    }
  }
}

function remove(parent: HastParents, node: HastContent | ElementContent): void {
  const index = (parent.children as Array<HastContent | ElementContent>).indexOf(node);
  if (index >= 0) parent.children.splice(index, 1);
}

const HEADING = /^h[1-6]$/;

/** Paragraphs with neither text nor a picture carry nothing in Markdown. */
function dropEmptyParagraphs(tree: HastRoot): void {
  eachElement(tree, (node, parent) => {
    if (node.tagName === "p" && textOf(node).trim() === "" && !hasPicture(node)) remove(parent, node);
  });
}

/** pandoc writes a picture's alt text again as a caption paragraph below it; the alt text already says it. */
function dropRepeatedCaptions(tree: HastRoot, notes: ImportNote[]): void {
  let dropped = 0;
  eachElement(tree, (node, parent) => {
    const classes = node.properties["className"];
    if (node.tagName !== "p" || !Array.isArray(classes) || !classes.includes("caption")) return;
    const siblings = (parent.children as Array<HastContent | ElementContent>).filter((child): child is Element => isElement(child));
    const before = siblings[siblings.indexOf(node) - 1];
    const img = before ? findFirst(before, "img") : undefined;
    if (img && String(img.properties["alt"] ?? "").trim() === textOf(node).trim()) {
      remove(parent, node);
      dropped += 1;
    }
  });
  if (dropped > 0) {
    notes.push({
      kind: "recognised",
      message: {
        sv: `${dropped} bildtexter som upprepade bildens alternativtext togs bort.`,
        en: `${dropped} captions that repeated the picture's alt text were removed.`,
      },
    });
  }
}

function findFirst(node: Element, tag: string): Element | undefined {
  if (node.tagName === tag) return node;
  for (const child of node.children) {
    if (isElement(child)) {
      const found = findFirst(child, tag);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A document written without heading styles often marks its sections as bold
 * numbered paragraphs ("3.2 Ansvar"). Only when there are no headings below
 * the title at all, such paragraphs become headings: "3" is `##`, "3.2" `###`.
 */
function numberedHeadings(tree: HastRoot, notes: ImportNote[]): void {
  let headings = 0;
  eachElement(tree, (node) => {
    if (/^h[2-6]$/.test(node.tagName)) headings += 1;
  });
  if (headings > 0) return;
  const found: string[] = [];
  tree.children.forEach((node, index) => {
    if (!isElement(node, "p")) return;
    const content = node.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
    const only = content[0];
    if (content.length !== 1 || !isElement(only) || (only.tagName !== "strong" && only.tagName !== "b")) return;
    const match = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,120})$/.exec(textOf(only).trim());
    if (!match?.[1] || !match[2]) return;
    const depth = Math.min(match[1].split(".").length + 1, 6);
    tree.children[index] = { type: "element", tagName: `h${depth}`, properties: {}, children: [{ type: "text", value: match[2].trim() }] };
    found.push(`${match[1]} ${match[2].trim()}`);
  });
  if (found.length > 0) {
    notes.push({
      kind: "guessed",
      message: {
        sv: `Dokumentet har inga rubrikformat; ${found.length} numrerade fetstilta stycken blev rubriker (${found.slice(0, 3).join(", ")}${found.length > 3 ? " …" : ""}). Kontrollera nivåerna.`,
        en: `The document has no heading styles; ${found.length} numbered bold paragraphs became headings (${found.slice(0, 3).join(", ")}${found.length > 3 ? " …" : ""}). Check the levels.`,
      },
    });
  }
}

/**
 * mammoth writes footnotes and endnotes as `<li id="footnote-N">` items at the
 * end, with a back link, and references as `<sup><a href="#footnote-N">`.
 * They are numbered anew in the order they are referred to, [^1], [^2] …
 * Returns each definition's label and content, in that order.
 */
function footnotes(tree: HastRoot, notes: ImportNote[]): Array<[string, HastContent[]]> {
  const items = new Map<string, { li: Element; parent: HastParents }>();
  eachElement(tree, (node, parent) => {
    const id = String(node.properties["id"] ?? "");
    if (node.tagName === "li" && NOTE_ID.test(id)) items.set(id, { li: node, parent });
  });
  const labels = new Map<string, string>();
  const labelFor = (id: string): string => {
    let label = labels.get(id);
    if (label === undefined) {
      label = String(labels.size + 1);
      labels.set(id, label);
    }
    return label;
  };
  eachElement(tree, (node, parent) => {
    if (node.tagName !== "a") return;
    const href = String(node.properties["href"] ?? "");
    const target = NOTE_REF.exec(href);
    if (!target || !items.has(href.slice(1))) return;
    const reference: Element = { type: "element", tagName: FOOTNOTE_TAG, properties: { dataLabel: labelFor(href.slice(1)) }, children: [] };
    // The reference sits in a <sup> of its own: replace the whole superscript.
    const holder = isElement(parent as HastContent) && (parent as Element).tagName === "sup" ? (parent as Element) : undefined;
    if (holder && holder.children.filter((c) => textOf(c).trim() !== "" || isElement(c)).length === 1) {
      holder.tagName = "span";
      holder.children = [reference];
    } else {
      const index = parent.children.indexOf(node);
      parent.children.splice(index, 1, reference);
    }
  });
  const definitions: Array<[string, HastContent[]]> = [];
  const unreferenced: string[] = [];
  for (const id of items.keys()) if (!labels.has(id)) unreferenced.push(id);
  for (const id of unreferenced) labelFor(id);
  for (const [id, label] of labels) {
    const item = items.get(id);
    if (!item) continue;
    eachElement(item.li, (node, parent) => {
      if (node.tagName === "a" && BACK_LINK.test(String(node.properties["href"] ?? ""))) remove(parent, node);
    });
    definitions.push([label, item.li.children as HastContent[]]);
    remove(item.parent, item.li);
  }
  // The list that held them is empty now.
  eachElement(tree, (node, parent) => {
    if ((node.tagName === "ol" || node.tagName === "ul") && node.children.every((c) => !isElement(c))) remove(parent, node);
  });
  if (definitions.length > 0) {
    notes.push({
      kind: "recognised",
      message: {
        sv: `${definitions.length} fotnoter blev Markdown-fotnoter [^n].`,
        en: `${definitions.length} footnotes became Markdown footnotes [^n].`,
      },
    });
  }
  if (unreferenced.length > 0) {
    notes.push({
      kind: "needs-person",
      message: {
        sv: `${unreferenced.length} fotnoter hänvisas inte till i texten; de står sist. Sätt in [^n] där de hör hemma eller ta bort dem.`,
        en: `${unreferenced.length} footnotes are not referred to in the text; they are at the end. Put [^n] where they belong or remove them.`,
      },
    });
  }
  return definitions;
}

/**
 * Word's bookmarks (mammoth writes them as empty `<a id>` in or just before a
 * heading) become the heading's GitHub slug, the anchor samdok checks and
 * renders, so internal links keep working. A link to a bookmark that is not at
 * a heading keeps its text but loses the link, and is noted.
 */
function bookmarks(tree: HastRoot, notes: ImportNote[]): void {
  const slugger = new GithubSlugger();
  const slugs = new Map<string, string>();
  let pending: string[] = [];
  const visitNode = (node: Element, parent: HastParents): void => {
    if (node.tagName === "a" && node.properties["id"] !== undefined && node.properties["href"] === undefined) {
      pending.push(String(node.properties["id"]));
      remove(parent, node);
      return;
    }
    if (HEADING.test(node.tagName)) {
      // Anchors inside the heading, and those just before it.
      const inside: string[] = [];
      eachElement(node, (child, holder) => {
        if (child.tagName === "a" && child.properties["id"] !== undefined && child.properties["href"] === undefined) {
          inside.push(String(child.properties["id"]));
          remove(holder, child);
        }
      });
      const slug = slugger.slug(textOf(node).trim());
      for (const id of [...pending, ...inside]) slugs.set(id, slug);
      pending = [];
      return;
    }
    if (textOf(node).trim() !== "" || hasPicture(node)) pending = [];
  };
  const walk = (parent: HastParents): void => {
    for (const child of [...parent.children]) {
      if (!isElement(child)) {
        if (child.type === "text" && child.value.trim() !== "") pending = [];
        continue;
      }
      visitNode(child, parent);
      if (!HEADING.test(child.tagName) && parent.children.includes(child)) walk(child);
    }
  };
  walk(tree);
  const lost: string[] = [];
  eachElement(tree, (node, parent) => {
    if (node.tagName !== "a") return;
    const href = node.properties["href"];
    if (typeof href !== "string" || !href.startsWith("#")) return;
    const slug = slugs.get(decodeURIComponent(href.slice(1)));
    if (slug !== undefined) {
      node.properties["href"] = `#${slug}`;
      return;
    }
    lost.push(textOf(node).trim());
    parent.children.splice(parent.children.indexOf(node), 1, ...node.children);
  });
  if (lost.length > 0) {
    notes.push({
      kind: "needs-person",
      message: {
        sv: `${lost.length} interna länkar pekade inte på en rubrik och blev vanlig text (${lost.slice(0, 3).join(", ")}). Länka till en rubrik med [text](#rubrik) om det behövs.`,
        en: `${lost.length} internal links did not point at a heading and became plain text (${lost.slice(0, 3).join(", ")}). Link to a heading with [text](#heading) if needed.`,
      },
    });
  }
}

/**
 * Markdown tables have one header row and no merged cells: a merged cell's
 * text is repeated in every cell it covered, and a table without a marked
 * header row gets its first row as the header. Both are noted with the table.
 */
function tables(tree: HastRoot, notes: ImportNote[]): void {
  let number = 0;
  eachElement(tree, (table) => {
    if (table.tagName !== "table") return;
    number += 1;
    const where = `tabell ${number}`;
    const rows: Element[] = [];
    const sections = table.children.filter((c): c is Element => isElement(c));
    for (const section of sections) {
      if (section.tagName === "tr") rows.push(section);
      else for (const row of section.children) if (isElement(row, "tr")) rows.push(row);
    }
    const hasHeader = sections.some((s) => s.tagName === "thead" || (s.tagName === "tr" && s.children.some((c) => isElement(c, "th"))));
    // Cells still to be placed in later rows by a row span: row index → (column → cell).
    const carried = new Map<number, Map<number, Element>>();
    let merged = 0;
    rows.forEach((row, rowIndex) => {
      const cells = row.children.filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"));
      const out: Element[] = [];
      const fromAbove = carried.get(rowIndex) ?? new Map<number, Element>();
      let column = 0;
      const fill = (): void => {
        for (let cell = fromAbove.get(column); cell; cell = fromAbove.get(column)) {
          out.push(structuredClone(cell));
          column += 1;
        }
      };
      for (const cell of cells) {
        fill();
        const colSpan = Math.max(1, Number(cell.properties["colSpan"] ?? 1) || 1);
        const rowSpan = Math.max(1, Number(cell.properties["rowSpan"] ?? 1) || 1);
        delete cell.properties["colSpan"];
        delete cell.properties["rowSpan"];
        if (colSpan > 1 || rowSpan > 1) merged += 1;
        for (let c = 0; c < colSpan; c++) {
          const copy = c === 0 ? cell : structuredClone(cell);
          out.push(copy);
          for (let r = 1; r < rowSpan && rowIndex + r < rows.length; r++) {
            const below = carried.get(rowIndex + r) ?? new Map<number, Element>();
            below.set(column, copy);
            carried.set(rowIndex + r, below);
          }
          column += 1;
        }
      }
      fill();
      row.children = out;
    });
    if (merged > 0) {
      notes.push({
        kind: "guessed",
        message: {
          sv: `${merged} sammanslagna celler delades upp och texten upprepades i varje cell. Kontrollera att tabellen läses rätt.`,
          en: `${merged} merged cells were split and their text repeated in each cell. Check that the table reads right.`,
        },
        where,
      });
    }
    const first = rows[0];
    if (!hasHeader && first) {
      // hast-util-to-mdast would give a table without <thead> an empty header row; make the first row the header.
      for (const cell of first.children) if (isElement(cell, "td")) cell.tagName = "th";
      const head: Element = { type: "element", tagName: "thead", properties: {}, children: [first] };
      const body: Element = { type: "element", tagName: "tbody", properties: {}, children: rows.slice(1) };
      table.children = [head, body];
    }
    if (!hasHeader && rows.length > 1) {
      notes.push({
        kind: "guessed",
        message: {
          sv: "Tabellen har ingen markerad rubrikrad; första raden blev rubrikrad.",
          en: "The table has no marked header row; the first row became the header row.",
        },
        where,
      });
    }
  });
}
