/**
 * Accepting or rejecting every change of a merged redline tree (types.ts):
 * the tree a reader gets by pressing "Accept all" or "Reject all" in Word.
 *
 * The redline edition promises that accepting gives the new version's text
 * and rejecting the old one's; the tests check the diff engine against that
 * promise through these two functions, and a renderer can use them to show
 * either side. Both build new trees and leave the merged one as it is.
 */
import type { Nodes, PhrasingContent, Root } from "mdast";
import { buildPhrasing, formatMarkOf, isFormatMark, markOf, shellOf, type Item, type ItemState, type Mark } from "./tokens.js";
import type { ChangeKind, FormatMark } from "./types.js";

/** The blocks whose children are phrasing content. */
const PHRASING_PARENTS: ReadonlySet<string> = new Set(["paragraph", "heading", "tableCell"]);

type Side = "accept" | "reject";

/** The tree with every change accepted: gone text and blocks dropped, new ones kept, formatting as it is now; no marks left. */
export function acceptAll(tree: Root): Root {
  return settle(tree, "accept") as Root;
}

/** The tree with every change rejected: new text and blocks dropped, gone ones kept, formatting as it was; no marks left. */
export function rejectAll(tree: Root): Root {
  return settle(tree, "reject") as Root;
}

/** The mark of a block that the side drops. */
function dropped(side: Side): ChangeKind {
  return side === "accept" ? "delete" : "insert";
}

/** A copy of a block without its redline mark, its children settled. */
function settle(node: Nodes, side: Side): Nodes {
  const copy = shellOf(node, true) as Nodes & { children?: Nodes[] };
  if (copy.data) {
    delete copy.data.redline;
    if (Object.keys(copy.data).length === 0) delete copy.data;
  }
  if (!("children" in node)) return copy;
  const children = node.children as Nodes[];
  if (PHRASING_PARENTS.has(node.type)) copy.children = settlePhrasing(children as PhrasingContent[], side);
  else copy.children = children.filter((c) => c.data?.redline !== dropped(side)).map((c) => settle(c, side));
  return copy;
}

/** Phrasing content as items: each text, inline code or atom with its marks and the redline state around it. */
function flatten(nodes: readonly PhrasingContent[]): Item[] {
  const items: Item[] = [];
  const walk = (children: readonly PhrasingContent[], marks: readonly Mark[], state: ItemState): void => {
    for (const node of children) {
      switch (node.type) {
        case "text":
          items.push({ text: node.value, marks, state, after: true });
          break;
        case "inlineCode":
          items.push({ text: node.value, marks: [...marks, markOf(node, true)], state, after: true });
          break;
        case "strong":
        case "emphasis":
        case "delete":
        case "link":
        case "linkReference":
          walk(node.children, [...marks, markOf(node, true)], state);
          break;
        case "redlineInsert":
          walk(node.children, marks, "insert");
          break;
        case "redlineDelete":
          walk(node.children, marks, "delete");
          break;
        case "redlineFormat":
          walk(node.children, marks, { before: node.before });
          break;
        default:
          items.push({ text: "", atom: node, marks, state, after: true });
      }
    }
  };
  walk(nodes, [], null);
  return items;
}

/** The marks text had before a format change: its links as they are, then the old formatting (inline code innermost). */
function formerMarks(marks: readonly Mark[], before: readonly FormatMark[]): Mark[] {
  const links = marks.filter((m) => !isFormatMark(m));
  const order = [...before.filter((b) => b !== "inlineCode"), ...before.filter((b) => b === "inlineCode")];
  const old = order.map(formatMarkOf).filter((m): m is Mark => m !== undefined);
  return [...links, ...old];
}

/** Phrasing content with its changes settled to one side, rebuilt (adjacent text merged). */
function settlePhrasing(nodes: readonly PhrasingContent[], side: Side): PhrasingContent[] {
  const kept: Item[] = [];
  for (const item of flatten(nodes)) {
    const { state } = item;
    if (state === dropped(side)) continue;
    if (state !== null && typeof state === "object" && side === "reject")
      kept.push({ ...item, marks: formerMarks(item.marks, state.before), state: null });
    else kept.push({ ...item, state: null });
  }
  return buildPhrasing(kept);
}
