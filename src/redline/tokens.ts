/**
 * Phrasing content (the text of a paragraph, heading or table cell) as a flat
 * list of tokens and back, for the redline edition (issue 16).
 *
 * The word diff compares tokens rather than mdast nodes, because a change of
 * one word must not depend on how the Markdown happens to nest its emphasis
 * or wrap its lines. Each token carries its stack of formatting marks
 * (strong, emphasis, delete, link, link reference; inline code innermost), so
 * that the merged tree can be rebuilt from tokens with the formatting
 * outermost and the redline node innermost around the text, and so that
 * accept.ts can rebuild either side of a merged tree the same way.
 */
import type { InlineCode, PhrasingContent } from "mdast";
import type { Position } from "unist";
import type { FormatMark, RedlineDelete, RedlineFormat, RedlineInsert } from "./types.js";

/** The wrappers a token can be inside (inlineCode is a leaf, so it is always innermost). */
export type MarkType = "strong" | "emphasis" | "delete" | "inlineCode" | "link" | "linkReference";

/** One wrapper around a token. */
export interface Mark {
  type: MarkType;
  /** Equal keys = the same wrapper for the diff and for merging neighbours: a link by its url, a reference by its identifier. */
  key: string;
  /** The node it was read from, whose fields (not children) the rebuilt wrapper copies. */
  node: PhrasingContent;
  /** Read from the new side: the rebuilt wrapper keeps the node's position. */
  after: boolean;
}

export type TokenKind = "word" | "space" | "punct" | "atom";

/** A word, a run of whitespace, one punctuation character, or an atomic node. */
export interface Token {
  kind: TokenKind;
  /** The source text (empty for an atom). */
  text: string;
  /** An atomic node: footnoteReference, image, imageReference, break, inline html, or a node this module does not know. */
  atom?: PhrasingContent;
  marks: readonly Mark[];
  /** What the diff compares: the text (or the atom's identity) inside its links; every whitespace run is the same " ". */
  key: string;
  /** The formatting (strong, emphasis, delete, inlineCode) as a sorted set, compared apart from the text. */
  format: string;
  /** From the new side. */
  after: boolean;
}

/** The state of a rebuilt piece of text: unchanged, new, gone, or formatted differently before. */
export type ItemState = null | "insert" | "delete" | { before: FormatMark[] };

/** A piece of phrasing to rebuild: a token's text or atom with its marks and state. */
export interface Item {
  text: string;
  atom?: PhrasingContent;
  marks: readonly Mark[];
  state: ItemState;
  after: boolean;
}

/** Words are runs of letters, digits and combining marks; whitespace runs; any other character alone. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;
const WORD = /^[\p{L}\p{N}\p{M}]/u;
const SPACE = /^\s/u;
/** The word tokens of a text, counted the way the tokens count them. */
const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

const FORMAT_TYPES: ReadonlySet<MarkType> = new Set<MarkType>(["strong", "emphasis", "delete", "inlineCode"]);

/** True for a mark that is formatting (a redlineFormat can record it) rather than a link. */
export function isFormatMark(mark: Mark): boolean {
  return FORMAT_TYPES.has(mark.type);
}

/** The number of word tokens in a text. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORDS)) n++;
  return n;
}

/** The word tokens of a text, for similarity. */
export function wordsOf(text: string): string[] {
  return text.match(WORDS) ?? [];
}

/** The mark a wrapper node puts on the tokens inside it. */
export function markOf(node: PhrasingContent, after: boolean): Mark {
  switch (node.type) {
    case "link":
      return { type: "link", key: `link:${node.url}`, node, after };
    case "linkReference":
      return { type: "linkReference", key: `ref:${node.identifier}`, node, after };
    case "strong":
    case "emphasis":
    case "delete":
    case "inlineCode":
      return { type: node.type, key: node.type, node, after };
    default:
      throw new Error(`not a mark: ${node.type}`);
  }
}

/** A mark made from a name only (a redlineFormat's `before`), for rebuilding the old formatting. */
export function formatMarkOf(type: FormatMark): Mark | undefined {
  if (type === "link") return undefined; // a link change is always a deletion and an insertion, never a format change
  const node = (type === "inlineCode" ? { type, value: "" } : { type, children: [] }) as PhrasingContent;
  return { type, key: type, node, after: false };
}

/** The identity of an atomic node for the diff (its position and data left out). */
function atomKey(node: PhrasingContent): string {
  switch (node.type) {
    case "footnoteReference":
      return `fn:${node.identifier}`;
    case "image":
      return `img:${node.url}\u0000${node.alt ?? ""}`;
    case "imageReference":
      return `imgref:${node.identifier}\u0000${node.alt ?? ""}`;
    case "break":
      return "br";
    case "html":
      return `html:${node.value.replace(/\s+/gu, " ").trim()}`;
    default:
      return `${node.type}:${JSON.stringify(node, (k, v: unknown) => (k === "position" || k === "data" ? undefined : v))}`;
  }
}

/** The link part of a key: the links and references around a token, outermost first. */
function linkKey(marks: readonly Mark[]): string {
  let key = "";
  for (const m of marks) if (!isFormatMark(m)) key += `${m.key}\u0000`;
  return key;
}

/** The formatting of a token as a sorted set, so that `***a***` written either way is the same. */
function formatKey(marks: readonly Mark[]): string {
  const types: string[] = [];
  for (const m of marks) if (isFormatMark(m) && !types.includes(m.type)) types.push(m.type);
  return types.sort().join(",");
}

/** Splits a text into tokens; a whitespace run after a whitespace token joins it. */
function pushText(out: Token[], text: string, marks: readonly Mark[], after: boolean): void {
  const links = linkKey(marks);
  const format = formatKey(marks);
  for (const [piece] of text.matchAll(TOKEN)) {
    if (SPACE.test(piece)) {
      const last = out[out.length - 1];
      if (last?.kind === "space") {
        last.text += piece;
        continue;
      }
      out.push({ kind: "space", text: piece, marks, key: " ", format, after });
    } else {
      const kind: TokenKind = WORD.test(piece) ? "word" : "punct";
      out.push({ kind, text: piece, marks, key: `${links}\u0001${piece}`, format, after });
    }
  }
}

/** The tokens of phrasing content, in order. `after` says which side of the comparison it is. */
export function tokenize(nodes: readonly PhrasingContent[], after: boolean): Token[] {
  const out: Token[] = [];
  const walk = (children: readonly PhrasingContent[], marks: readonly Mark[]): void => {
    for (const node of children) {
      switch (node.type) {
        case "text":
          pushText(out, node.value, marks, after);
          break;
        case "inlineCode":
          pushText(out, node.value, [...marks, markOf(node, after)], after);
          break;
        case "strong":
        case "emphasis":
        case "delete":
        case "link":
        case "linkReference":
          walk(node.children, [...marks, markOf(node, after)]);
          break;
        default:
          out.push({
            kind: "atom",
            text: "",
            atom: node,
            marks,
            key: `${linkKey(marks)}\u0002${atomKey(node)}`,
            format: formatKey(marks),
            after,
          });
      }
    }
  };
  walk(nodes, []);
  return out;
}

/**
 * The signature of phrasing content: its visible characters with their links
 * and formatting (written where they change), every whitespace run one space.
 * Equal signatures = the same tokens with the same formatting; computed
 * without making tokens, since every block of both versions needs one.
 */
export function phrasingSignature(nodes: readonly PhrasingContent[]): string {
  let out = "";
  let context = "";
  let space = false;
  const emit = (ctx: string, piece: string): void => {
    if (space && out !== "") out += " ";
    space = false;
    if (ctx !== context) out += `\u0001${ctx}\u0001`;
    context = ctx;
    out += piece;
  };
  const text = (value: string, ctx: string): void => {
    const squashed = value.replace(/\s+/gu, " ");
    const trimmed = squashed.trim();
    if (squashed.startsWith(" ")) space = true;
    if (trimmed !== "") emit(ctx, trimmed);
    if (trimmed !== "" && squashed.endsWith(" ")) space = true;
  };
  const walk = (children: readonly PhrasingContent[], links: string, format: readonly string[]): void => {
    const ctx = `${links}\u0000${[...new Set(format)].sort().join(",")}`;
    for (const node of children) {
      switch (node.type) {
        case "text":
          text(node.value, ctx);
          break;
        case "inlineCode":
          text(node.value, `${links}\u0000${[...new Set([...format, "inlineCode"])].sort().join(",")}`);
          break;
        case "strong":
        case "emphasis":
        case "delete":
          walk(node.children, links, [...format, node.type]);
          break;
        case "link":
        case "linkReference":
          walk(node.children, `${links}${markOf(node, true).key}\u0000`, format);
          break;
        default:
          emit(ctx, `\u0002${atomKey(node)}\u0002`);
      }
    }
  };
  walk(nodes, "", []);
  return out;
}

/** The formatting a token has, outermost first (inlineCode last), as a redlineFormat's `before` names it. */
export function formatList(token: Token): FormatMark[] {
  const list: FormatMark[] = [];
  for (const m of token.marks) if (isFormatMark(m) && !list.includes(m.type as FormatMark)) list.push(m.type as FormatMark);
  return list;
}

/** A token as an item to rebuild. */
export function itemOf(token: Token, state: ItemState): Item {
  const item: Item = { text: token.text, marks: token.marks, state, after: token.after };
  if (token.atom) item.atom = token.atom;
  return item;
}

/**
 * A deep copy of a tree (plain objects and arrays, as mdast is), optionally
 * without positions: several times faster than structuredClone on mdast.
 */
export function copyTree<T>(value: T, keepPosition = true): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyTree(v, keepPosition)) as T;
  if (typeof value !== "object" || value === null) return value;
  const out = { ...value } as Record<string, unknown>;
  for (const key in out) {
    const v = out[key];
    if (key === "position") {
      if (!keepPosition) delete out.position;
      else if (v !== undefined) out.position = copyPosition(v as Position);
    } else if (typeof v === "object" && v !== null) out[key] = copyTree(v, keepPosition);
  }
  return out as T;
}

function copyPosition(p: Position): Position {
  return { start: { ...p.start }, end: { ...p.end } };
}

/** A copy of a node without its position anywhere inside (for what is gone: its lines are the old file's). */
export function withoutPosition<T>(node: T): T {
  return copyTree(node, false);
}

/** The fields of a node other than its children (and value), copied so that the new tree shares no object with the old. */
export function shellOf<T extends { type: string }>(node: T, keepPosition: boolean): T {
  const shell: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "children" || (k === "position" && !keepPosition)) continue;
    shell[k] = copyTree(v);
  }
  return shell as T;
}

function sameState(a: ItemState, b: ItemState): boolean {
  if (a === null || typeof a === "string" || b === null || typeof b === "string") return a === b;
  return a.before.join(",") === b.before.join(",");
}

/** True when the item has no wrapper left at this depth but (perhaps) inline code. */
function isLeaf(item: Item, depth: number): boolean {
  const m = item.marks[depth];
  return m === undefined || m.type === "inlineCode";
}

/** The wrapper for a run of items sharing the mark at `depth`: the new side's node when there is one (it keeps its position). */
function wrapperOf(run: readonly Item[], depth: number): PhrasingContent {
  const marks = run.map((i) => i.marks[depth] as Mark);
  const chosen = marks.find((m) => m.after) ?? (marks[0] as Mark);
  const shell = shellOf(chosen.node, chosen.after) as PhrasingContent & { children?: PhrasingContent[]; value?: string };
  delete shell.value;
  return shell;
}

/** The text, inline code and atoms of a run of leaf items, adjacent text merged into one node. */
function leavesOf(run: readonly Item[], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const built = new Set<PhrasingContent>();
  for (const item of run) {
    const code = item.marks[depth];
    const last = out[out.length - 1];
    if (item.atom) {
      out.push(copyTree(item.atom, item.after));
    } else if (code) {
      if (last?.type === "inlineCode" && built.has(last)) last.value += item.text;
      else {
        const node = shellOf(code.node, code.after) as InlineCode;
        node.value = item.text;
        built.add(node);
        out.push(node);
      }
    } else if (last?.type === "text" && built.has(last)) {
      last.value += item.text;
    } else {
      const node: PhrasingContent = { type: "text", value: item.text };
      built.add(node);
      out.push(node);
    }
  }
  return out;
}

/** Leaf nodes wrapped in the redline node their state calls for. */
function wrapState(state: ItemState, children: PhrasingContent[]): PhrasingContent[] {
  if (state === null) return children;
  if (state === "insert") return [{ type: "redlineInsert", children } satisfies RedlineInsert];
  if (state === "delete") return [{ type: "redlineDelete", children } satisfies RedlineDelete];
  return [{ type: "redlineFormat", before: [...state.before], children } satisfies RedlineFormat];
}

/**
 * Rebuilds nested phrasing from items: neighbours sharing a wrapper (by key)
 * share one node, formatting outermost; at the innermost level neighbours in
 * the same state share one redline node around their text.
 */
export function buildPhrasing(items: readonly Item[], depth = 0): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < items.length) {
    const first = items[i] as Item;
    let j = i + 1;
    if (isLeaf(first, depth)) {
      while (j < items.length && isLeaf(items[j] as Item, depth) && sameState((items[j] as Item).state, first.state)) j++;
      out.push(...wrapState(first.state, leavesOf(items.slice(i, j), depth)));
    } else {
      const key = (first.marks[depth] as Mark).key;
      while (j < items.length && !isLeaf(items[j] as Item, depth) && (items[j] as Item).marks[depth]?.key === key) j++;
      const run = items.slice(i, j);
      const wrapper = wrapperOf(run, depth) as PhrasingContent & { children: PhrasingContent[] };
      wrapper.children = buildPhrasing(run, depth + 1);
      out.push(wrapper);
    }
    i = j;
  }
  return out;
}
