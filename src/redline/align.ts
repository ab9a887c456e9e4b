/**
 * Aligning two sequences of blocks (the children of a root, list, list item,
 * blockquote or footnote, or the rows of a table) for the redline edition
 * (issue 16), before any word is compared.
 *
 * Each block gets a signature: its type (with a heading's depth, a list's
 * orderedness, a code block's language) and its whitespace-normalised text
 * with its formatting, so that re-wrapped Markdown is the same block. The
 * `diff` package aligns the signatures; in a region where blocks were removed
 * next to blocks added, removed and added blocks of the same kind are paired
 * by word overlap, in order, so that an edited paragraph is compared word by
 * word while a paragraph moved elsewhere stays one deletion and one insertion.
 */
import { diffArrays } from "diff";
import type { Nodes } from "mdast";
import { phrasingSignature, wordsOf } from "./tokens.js";

/** How two blocks of the sequences relate. */
export type Aligned<T> =
  { op: "equal"; before: T; after: T } | { op: "pair"; before: T; after: T } | { op: "delete"; before: T } | { op: "insert"; after: T };

/** Pairs need at least this much word overlap (Dice coefficient on the word multisets). */
const PAIR_SIMILARITY = 0.5;
/** How far ahead among the added blocks a removed block looks for its pair (bounds the work in a large rewritten region). */
const PAIR_WINDOW = 32;
/** Beyond this many block edits the alignment gives up and the region is one replacement (Myers is O(N·D)). */
const MAX_BLOCK_EDITS = 4000;
/** Kinds paired whenever a region replaces exactly one such block with one: a renamed heading, an edited table or list. */
const ALWAYS_PAIR_ONE: ReadonlySet<string> = new Set(["heading", "list", "table", "blockquote"]);

type AnyNode = Nodes & { children?: Nodes[] };

/** Signatures and word lists, computed once per node for one comparison. */
export class Signatures {
  private readonly keys = new Map<Nodes, string>();
  private readonly words = new Map<Nodes, string[]>();

  /** The block's signature: equal signatures = nothing a reader would see changed. */
  key(node: Nodes): string {
    let key = this.keys.get(node);
    if (key === undefined) {
      key = this.compute(node as AnyNode);
      this.keys.set(node, key);
    }
    return key;
  }

  private compute(node: AnyNode): string {
    switch (node.type) {
      case "paragraph":
      case "tableCell":
        return `${node.type}\u0001${phrasingSignature(node.children)}`;
      case "heading":
        return `heading${node.depth}\u0001${phrasingSignature(node.children)}`;
      case "code":
        return `code:${node.lang ?? ""}\u0001${normalise(node.value)}`;
      case "html":
        return `html\u0001${normalise(node.value)}`;
      case "thematicBreak":
        return "hr";
      case "definition":
        return `def:${node.identifier}\u0001${node.url}\u0001${node.title ?? ""}`;
      case "list":
        return `list:${node.ordered === true}${this.childKeys(node)}`;
      case "listItem":
        return `li:${String(node.checked ?? null)}${this.childKeys(node)}`;
      case "footnoteDefinition":
        return `fn:${node.identifier}${this.childKeys(node)}`;
      default:
        if (node.children) return `${node.type}${this.childKeys(node)}`;
        return `${node.type}:${JSON.stringify(node, (k, v: unknown) => (k === "position" || k === "data" ? undefined : v))}`;
    }
  }

  private childKeys(node: AnyNode): string {
    return `\u0002${(node.children ?? []).map((c) => this.key(c)).join("\u0004")}\u0003`;
  }

  /** The words of a block (all its text), for pairing by similarity. */
  wordsOf(node: Nodes): string[] {
    let words = this.words.get(node);
    if (words === undefined) {
      words = wordsOf(textOf(node).toLowerCase());
      this.words.set(node, words);
    }
    return words;
  }
}

/** Whitespace runs as one space, trimmed. */
export function normalise(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** All text of a node, blocks separated by a space (like mdast-util-to-string, plus code and html values). */
export function textOf(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image" || node.type === "imageReference") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(" ");
  return "";
}

/** What a block is for pairing: only blocks of the same kind pair; undefined = never paired (replaced whole). */
export function kindOf(node: Nodes): string | undefined {
  switch (node.type) {
    case "paragraph":
    case "blockquote":
    case "table":
    case "tableRow":
      return node.type;
    case "heading":
      return `heading${node.depth}`;
    case "list":
      return `list:${node.ordered === true}`;
    case "listItem":
      return `listItem:${String(node.checked ?? null)}`;
    default:
      return undefined; // code, html, thematic breaks, definitions: nothing inside to compare word by word
  }
}

/** Dice coefficient of two word multisets: 1 = the same words, 0 = none in common. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Pairs removed and added blocks of one replaced region, in order; the rest are deletions and insertions (deletions first). */
function pairRegion<T extends Nodes>(removed: readonly T[], added: readonly T[], sig: Signatures, out: Aligned<T>[]): void {
  const pairs: [number, number][] = [];
  let lastJ = -1;
  const onlyOne = removed.length === 1 && added.length === 1;
  for (let i = 0; i < removed.length; i++) {
    const r = removed[i] as T;
    const kind = kindOf(r);
    if (kind === undefined) continue;
    if (onlyOne && ALWAYS_PAIR_ONE.has(r.type) && kindOf(added[0] as T) === kind) {
      pairs.push([0, 0]);
      break;
    }
    const end = Math.min(added.length, lastJ + 1 + PAIR_WINDOW);
    for (let j = lastJ + 1; j < end; j++) {
      const a = added[j] as T;
      if (kindOf(a) === kind && similarity(sig.wordsOf(r), sig.wordsOf(a)) >= PAIR_SIMILARITY) {
        pairs.push([i, j]);
        lastJ = j;
        break;
      }
    }
  }
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [removed.length, added.length] as [number, number]]) {
    for (; i < pi; i++) out.push({ op: "delete", before: removed[i] as T });
    for (; j < pj; j++) out.push({ op: "insert", after: added[j] as T });
    if (pi < removed.length) out.push({ op: "pair", before: removed[pi] as T, after: added[pj] as T });
    i = pi + 1;
    j = pj + 1;
  }
}

/** Aligns two block sequences by signature, pairing what was edited in place. */
export function alignBlocks<T extends Nodes>(before: readonly T[], after: readonly T[], sig: Signatures): Aligned<T>[] {
  const out: Aligned<T>[] = [];
  const bk = before.map((n) => sig.key(n));
  const ak = after.map((n) => sig.key(n));
  const changes = diffArrays(bk, ak, { maxEditLength: MAX_BLOCK_EDITS }) ?? [
    { removed: true, added: false, count: bk.length, value: bk },
    { removed: false, added: true, count: ak.length, value: ak },
  ];
  let bi = 0;
  let ai = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) pairRegion(removed, added, sig, out);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) {
      removed.push(...before.slice(bi, bi + change.count));
      bi += change.count;
    } else if (change.added) {
      added.push(...after.slice(ai, ai + change.count));
      ai += change.count;
    } else {
      flush();
      for (let k = 0; k < change.count; k++) out.push({ op: "equal", before: before[bi + k] as T, after: after[ai + k] as T });
      bi += change.count;
      ai += change.count;
    }
  }
  flush();
  return out;
}
