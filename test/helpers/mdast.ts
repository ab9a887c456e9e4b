/** Trees as the editions get them, for comparing with what the full parser gives. */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/** Drops the source positions of a tree (in place). */
export function withoutPositions(tree: Root): Root {
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
}
