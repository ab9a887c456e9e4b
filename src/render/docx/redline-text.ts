/**
 * The text of a heading as readers of the new version see it. In a redline
 * tree a heading may hold gone words (`redlineDelete`); its slug, and so its
 * bookmark, must be the new heading's, or links from other documents and
 * from the summary would miss it. Without marks it is `toString`'s text.
 */
import type { Heading, Nodes } from "mdast";
import { toString } from "mdast-util-to-string";

function hasDeletion(node: Nodes): boolean {
  return "children" in node && node.children.some((c) => c.type === "redlineDelete" || hasDeletion(c));
}

/** The node without its gone text (a copy where something is left out; the node itself otherwise). */
function withoutDeletions<T extends Nodes>(node: T): T {
  if (!("children" in node) || !hasDeletion(node)) return node;
  const children = (node.children as Nodes[]).filter((c) => c.type !== "redlineDelete").map(withoutDeletions);
  return { ...node, children } as T;
}

/** The heading's text in the new version (its slug's source). */
export function headingText(node: Heading): string {
  return toString(withoutDeletions(node));
}
