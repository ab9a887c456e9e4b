/**
 * The redline edition's diff engine (issue 16): one merged Markdown tree
 * (types.ts) out of a document's body at an earlier version and now, which
 * both editions render as tracked changes.
 *
 * Blocks are aligned first (align.ts), then the words of each pair of
 * matched blocks (tokens.ts), both with the `diff` package. A word diff is
 * cleaned up so that it reads like an editor's changes: a stretch left equal
 * between two changes that is only whitespace or punctuation, one short word
 * (three letters or fewer), or one word between two changes of two words or
 * more, joins them, so that a rewritten sentence is one deletion and one
 * insertion; a one-word edit elsewhere marks that word alone.
 *
 * The trees compared are shared with the other editions of a build: nothing
 * here changes them; the merged tree is built of new nodes.
 */
import { diffArrays } from "diff";
import type { Definition, FootnoteDefinition, Heading, Nodes, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import { alignBlocks, Signatures } from "./align.js";
import {
  buildPhrasing,
  copyTree,
  countWords,
  formatList,
  itemOf,
  shellOf,
  tokenize,
  withoutPosition,
  type Item,
  type ItemState,
  type Token,
} from "./tokens.js";
import type { ChangeKind } from "./types.js";

/** A document's merged tree and what the summary at its top needs. */
export interface RedlineResult {
  /** The merged tree (types.ts describes it). */
  tree: Root;
  /** Any mark at all. */
  changed: boolean;
  /** Merged-tree headings whose section holds a change (the nearest heading before it, or the changed heading itself), in document order. */
  sections: Heading[];
  /** Word tokens (letters and digits) marked inserted / deleted. */
  words: { inserted: number; deleted: number };
}

/** Beyond this many word edits in one block the block is compared as a whole (Myers is O(N·D)). */
const MAX_WORD_EDITS = 2000;
/** The blocks whose children are phrasing content. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set(["paragraph", "heading", "tableCell"]);

type Parentish = Nodes & { children: Nodes[] };

/**
 * The merged tree of `before` (undefined: the document is new, everything is
 * inserted) and `after`. Neither tree is changed. New and unchanged nodes
 * keep the `after` side's positions; what is gone has none (its lines are
 * the old file's). When nothing a reader would see changed (re-wrapped
 * lines, other Markdown for the same thing) the result is a copy of `after`
 * with `changed` false, found by comparing signatures without any diff.
 */
export function redlineTree(before: Root | undefined, after: Root): RedlineResult {
  const sig = new Signatures();
  const old: Root = before ?? { type: "root", children: [] };
  if (sig.key(old) === sig.key(after)) {
    return { tree: copyTree(after), changed: false, sections: [], words: { inserted: 0, deleted: 0 } };
  }
  const tree = new Merger(old, sig).root(after);
  return { tree, ...summarise(tree) };
}

/** A copy of a whole block marked new or gone: its blocks carry `data.redline`, its phrasing is wrapped in one redline node. */
function wholeBlock<T extends Nodes>(node: T, kind: ChangeKind): T {
  const copy = kind === "delete" ? withoutPosition(node) : copyTree(node);
  markDeep(copy, kind);
  return copy;
}

function markDeep(node: Nodes, kind: ChangeKind): void {
  node.data = { ...node.data, redline: kind };
  if (!("children" in node)) return;
  const parent = node as Parentish;
  if (PHRASING_PARENTS.has(node.type)) {
    if (parent.children.length > 0) {
      const children = parent.children as PhrasingContent[];
      parent.children = [kind === "insert" ? { type: "redlineInsert", children } : { type: "redlineDelete", children }];
    }
  } else {
    for (const child of parent.children) markDeep(child, kind);
  }
}

/** True for the link and footnote definitions of a root, which are matched by identifier wherever they stand. */
function isDefinition(node: Nodes): node is Definition | FootnoteDefinition {
  return node.type === "definition" || node.type === "footnoteDefinition";
}

/** Builds the merged tree; holds the old side's definitions, matched by identifier. */
class Merger {
  /** The old root's definitions by kind and identifier, in document order (a queue when an identifier repeats). */
  private readonly definitions = new Map<string, (Definition | FootnoteDefinition)[]>();
  private readonly oldDefinitions: (Definition | FootnoteDefinition)[] = [];
  private readonly matched = new Set<Nodes>();

  constructor(
    private readonly before: Root,
    private readonly sig: Signatures,
  ) {
    for (const node of before.children) {
      if (!isDefinition(node)) continue;
      const key = `${node.type}:${node.identifier}`;
      const queue = this.definitions.get(key) ?? [];
      queue.push(node);
      this.definitions.set(key, queue);
      this.oldDefinitions.push(node);
    }
  }

  /**
   * The merged root. Old definitions that match none of the new ones stay,
   * marked gone, at the end: deleted text may still refer to them.
   */
  root(after: Root): Root {
    const root = shellOf(after, true);
    root.children = this.children(this.before.children, after.children, true);
    for (const node of this.oldDefinitions) if (!this.matched.has(node)) root.children.push(wholeBlock(node, "delete"));
    return root;
  }

  /** Merged block children; at the root, definitions are taken out of the alignment and matched by identifier. */
  private children(before: readonly RootContent[], after: readonly RootContent[], atRoot: boolean): RootContent[] {
    const main = (nodes: readonly RootContent[]): RootContent[] => (atRoot ? nodes.filter((n) => !isDefinition(n)) : [...nodes]);
    const out: RootContent[] = [];
    let next = 0;
    // The new side's definitions stay where they were among its blocks.
    const definitionsUpTo = (target: RootContent | undefined): void => {
      while (next < after.length && after[next] !== target) {
        const node = after[next++] as RootContent;
        if (isDefinition(node)) out.push(...this.definition(node));
      }
      if (target !== undefined) next++;
    };
    for (const step of alignBlocks(main(before), main(after), this.sig)) {
      if (step.op === "delete") {
        out.push(wholeBlock(step.before, "delete"));
        continue;
      }
      definitionsUpTo(step.after);
      if (step.op === "insert") out.push(wholeBlock(step.after, "insert"));
      else if (step.op === "equal") out.push(copyTree(step.after));
      else out.push(...this.pair(step.before, step.after));
    }
    definitionsUpTo(undefined);
    return out;
  }

  /**
   * A new definition against the old one with its identifier: the same, a
   * footnote compared block by block, or a link definition replaced. The new
   * link definition comes first, since a renderer takes the first one of an
   * identifier and the text that stays should link to the new address.
   */
  private definition(node: Definition | FootnoteDefinition): RootContent[] {
    const old = this.definitions.get(`${node.type}:${node.identifier}`)?.shift();
    if (old === undefined) return [wholeBlock(node, "insert")];
    this.matched.add(old);
    if (this.sig.key(old) === this.sig.key(node)) return [copyTree(node)];
    if (node.type === "definition" || old.type === "definition") return [wholeBlock(node, "insert"), wholeBlock(old, "delete")];
    const merged = shellOf(node, true);
    merged.children = this.children(old.children, node.children, false) as FootnoteDefinition["children"];
    return [merged];
  }

  /** Two blocks of the same kind paired in a replaced region: compared inside. */
  private pair(before: RootContent, after: RootContent): RootContent[] {
    if ((before.type === "paragraph" || before.type === "heading") && before.type === after.type) {
      const merged = shellOf(after, true);
      merged.children = phrasing(before.children, after.children);
      return [merged];
    }
    if (before.type === "table" && after.type === "table") return [this.table(before, after)];
    if (
      (before.type === "list" && after.type === "list") ||
      (before.type === "listItem" && after.type === "listItem") ||
      (before.type === "blockquote" && after.type === "blockquote")
    ) {
      const merged = shellOf(after, true) as Parentish;
      merged.children = this.children(before.children, after.children, false);
      return [merged as RootContent];
    }
    return [wholeBlock(before, "delete"), wholeBlock(after, "insert")];
  }

  /**
   * A table: rows aligned like blocks, a changed row compared cell by cell.
   * A change of the number of columns is every old row gone and every new
   * one inserted (Word's tracked changes cannot move a cell).
   */
  private table(before: Table, after: Table): Table {
    const merged = shellOf(after, true);
    if (width(before) !== width(after)) {
      merged.children = [...before.children.map((r) => wholeBlock(r, "delete")), ...after.children.map((r) => wholeBlock(r, "insert"))];
      return merged;
    }
    merged.children = alignBlocks(before.children, after.children, this.sig).map((step) => {
      if (step.op === "delete") return wholeBlock(step.before, "delete");
      if (step.op === "insert") return wholeBlock(step.after, "insert");
      if (step.op === "equal") return copyTree(step.after);
      return this.row(step.before, step.after);
    });
    return merged;
  }

  /** Two rows paired: cells compared word by word, column by column. */
  private row(before: TableRow, after: TableRow): TableRow {
    const merged = shellOf(after, true);
    const cells: TableCell[] = [];
    for (let i = 0; i < Math.max(before.children.length, after.children.length); i++) {
      const b = before.children[i];
      const a = after.children[i];
      if (a === undefined) cells.push(wholeBlock(b as TableCell, "delete"));
      else if (b === undefined) cells.push(wholeBlock(a, "insert"));
      else if (this.sig.key(b) === this.sig.key(a)) cells.push(copyTree(a));
      else {
        const cell = shellOf(a, true);
        cell.children = phrasing(b.children, a.children);
        cells.push(cell);
      }
    }
    merged.children = cells;
    return merged;
  }
}

/** The number of columns of a table: its widest row. */
function width(table: Table): number {
  let n = 0;
  for (const row of table.children) n = Math.max(n, row.children.length);
  return n;
}

/** A stretch of tokens: equal on both sides, or a change (what is gone, what is new). */
type Run = { equal: true; old: Token[]; new: Token[] } | { equal: false; del: Token[]; ins: Token[] };

/** The runs of a word diff, consecutive changes as one. */
function runsOf(old: readonly Token[], now: readonly Token[]): Run[] {
  const changes = diffArrays(
    old.map((t) => t.key),
    now.map((t) => t.key),
    { maxEditLength: MAX_WORD_EDITS },
  );
  if (changes === undefined) return [{ equal: false, del: [...old], ins: [...now] }];
  const runs: Run[] = [];
  let oi = 0;
  let ni = 0;
  for (const change of changes) {
    const last = runs[runs.length - 1];
    if (!change.added && !change.removed) {
      runs.push({ equal: true, old: old.slice(oi, oi + change.count), new: now.slice(ni, ni + change.count) });
      oi += change.count;
      ni += change.count;
      continue;
    }
    const run = last && !last.equal ? last : { equal: false as const, del: [], ins: [] };
    if (run !== last) runs.push(run);
    if (change.removed) {
      run.del.push(...old.slice(oi, oi + change.count));
      oi += change.count;
    } else {
      run.ins.push(...now.slice(ni, ni + change.count));
      ni += change.count;
    }
  }
  return runs;
}

/** The words of a change: the larger of what is gone and what is new. */
function changeWords(run: Run & { equal: false }): number {
  const count = (tokens: readonly Token[]): number => tokens.reduce((n, t) => n + (t.kind === "word" ? 1 : 0), 0);
  return Math.max(count(run.del), count(run.ins));
}

/**
 * Whether an equal stretch between two changes joins them: it is only
 * whitespace, or one punctuation mark or short word (three characters or
 * fewer: "och", "i", "att"), or (`aroundWords`) one word between two changes
 * of two words or more (a sentence rewritten around a word it kept).
 */
function joins(equal: readonly Token[], left: Run & { equal: false }, right: Run & { equal: false }, aroundWords: boolean): boolean {
  const solid = equal.filter((t) => t.kind !== "space");
  if (solid.length === 0) return true;
  if (solid.length > 1) return false;
  const only = solid[0] as Token;
  if (only.kind === "punct") return true;
  if (only.kind !== "word") return false;
  if ([...only.text].length <= 3) return true;
  return aroundWords && changeWords(left) >= 2 && changeWords(right) >= 2;
}

/** One pass of the clean-up: consecutive changes merged, and changes joined across the equal stretches `joins` accepts. */
function joinPass(runs: readonly Run[], aroundWords: boolean): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k] as Run;
    const last = out[out.length - 1];
    if (!run.equal) {
      if (last && !last.equal) {
        last.del.push(...run.del);
        last.ins.push(...run.ins);
      } else out.push({ equal: false, del: [...run.del], ins: [...run.ins] });
      continue;
    }
    const next = runs[k + 1];
    if (last && !last.equal && next && !next.equal && joins(run.new, last, next, aroundWords)) {
      last.del.push(...run.old);
      last.ins.push(...run.new);
      continue;
    }
    out.push(run);
  }
  return out;
}

/**
 * Gives the equal stretches back what a change begins or ends with on both
 * sides (the diff may put a shared space inside a change), so that a change
 * starts and ends with what changed.
 */
function trimEdges(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k] as Run;
    if (run.equal) {
      const last = out[out.length - 1];
      if (last?.equal) {
        last.old.push(...run.old);
        last.new.push(...run.new);
      } else out.push({ equal: true, old: [...run.old], new: [...run.new] });
      continue;
    }
    const del = [...run.del];
    const ins = [...run.ins];
    const head: Run & { equal: true } = { equal: true, old: [], new: [] };
    while (del.length > 0 && ins.length > 0 && (del[0] as Token).key === (ins[0] as Token).key) {
      head.old.push(del.shift() as Token);
      head.new.push(ins.shift() as Token);
    }
    const tail: Run & { equal: true } = { equal: true, old: [], new: [] };
    while (del.length > 0 && ins.length > 0 && (del[del.length - 1] as Token).key === (ins[ins.length - 1] as Token).key) {
      tail.old.unshift(del.pop() as Token);
      tail.new.unshift(ins.pop() as Token);
    }
    const last = out[out.length - 1];
    if (head.old.length > 0) {
      if (last?.equal) {
        last.old.push(...head.old);
        last.new.push(...head.new);
      } else out.push(head);
    }
    if (del.length > 0 || ins.length > 0) out.push({ equal: false, del, ins });
    if (tail.old.length > 0) out.push(tail);
  }
  return out;
}

/**
 * The semantic clean-up: first the changes are joined across whitespace,
 * punctuation and short words, then, with the changes grown, across single
 * words between changes of two words or more; last, shared edges go back to
 * the equal stretches.
 */
function cleanUp(runs: readonly Run[]): Run[] {
  return trimEdges(joinPass(joinPass(runs, false), true));
}

/**
 * The items of an equal stretch: the new side's tokens, marked as a format
 * change where the formatting differs. A space between two tokens whose
 * formatting changed the same way changes with them, so that "**a b**" made
 * plain is one change; a space alone never is.
 */
function equalItems(old: readonly Token[], now: readonly Token[]): Item[] {
  const items = now.map((t, i): Item => {
    const o = old[i] as Token;
    return itemOf(t, t.kind !== "space" && o.format !== t.format ? { before: formatList(o) } : null);
  });
  for (let i = 1; i < now.length - 1; i++) {
    const prev = items[i - 1] as Item;
    const next = items[i + 1] as Item;
    const t = now[i] as Token;
    if (t.kind !== "space" || !isFormat(prev.state) || !isFormat(next.state)) continue;
    const same = (a: Token, b: Token): boolean => a.format === b.format;
    if (
      prev.state.before.join() === next.state.before.join() &&
      same(now[i - 1] as Token, now[i + 1] as Token) &&
      same(now[i - 1] as Token, t) &&
      same(old[i - 1] as Token, old[i] as Token)
    ) {
      (items[i] as Item).state = prev.state;
    }
  }
  return items;
}

function isFormat(state: ItemState): state is { before: ("strong" | "emphasis" | "delete" | "inlineCode" | "link")[] } {
  return state !== null && typeof state === "object";
}

/** The merged phrasing of two versions of a paragraph, heading or cell: deletions before insertions at each change. */
function phrasing(before: readonly PhrasingContent[], after: readonly PhrasingContent[]): PhrasingContent[] {
  const old = tokenize(before, false);
  const now = tokenize(after, true);
  const items: Item[] = [];
  for (const run of cleanUp(runsOf(old, now))) {
    if (run.equal) items.push(...equalItems(run.old, run.new));
    else items.push(...run.del.map((t) => itemOf(t, "delete")), ...run.ins.map((t) => itemOf(t, "insert")));
  }
  return buildPhrasing(items);
}

/** The headings of changed sections, whether anything is marked, and the words marked, from the merged tree. */
function summarise(tree: Root): Omit<RedlineResult, "tree"> {
  let current: Heading | undefined;
  let changed = false;
  const sections = new Set<Heading>();
  const words = { inserted: 0, deleted: 0 };
  const walk = (node: Nodes, inside: ChangeKind | undefined): void => {
    if (node.type === "heading") current = node;
    const kind = node.type === "redlineInsert" ? "insert" : node.type === "redlineDelete" ? "delete" : node.data?.redline;
    if (kind !== undefined || node.type === "redlineFormat") {
      changed = true;
      if (current) sections.add(current);
    }
    const counting = inside ?? kind;
    if (counting !== undefined && (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html")) {
      // The words of HTML are its text, not its tags.
      const value = node.type === "html" ? node.value.replace(/<[^>]*>/gu, " ") : node.value;
      words[counting === "insert" ? "inserted" : "deleted"] += countWords(value);
    }
    if ("children" in node) for (const child of node.children) walk(child, counting);
  };
  walk(tree, undefined);
  return { changed, sections: [...sections], words };
}
