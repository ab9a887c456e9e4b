/**
 * The body the Word edition maps for a document compared with an earlier
 * version (`--redline`): the merged tree of the text at REF and the new text
 * (src/redline/diff.ts), whose marks blocks.ts and inline.ts write as
 * tracked changes. The text at REF is parsed exactly as the new body is
 * (bodies.ts), so the two trees differ only where the Markdown does; a
 * document new since REF is compared with nothing, and all of it is new.
 *
 * It runs wherever the body is parsed: on the main thread or on a parse
 * worker. The merged tree carries its changed sections in `data.redlineBody`
 * (redline-chapter.ts): the headings are nodes of the tree, so they survive
 * being posted from a worker along with it.
 */
import type { Root } from "mdast";
import { editionBody, parseBodyForRules } from "../../core/markdown.js";
import { redlineTree } from "../../redline/diff.js";
import type { RedlineBodyInfo } from "./redline-chapter.js";

/** The text at REF, as a body source gives it (structured-cloneable: it goes to the parse workers). */
export interface RedlineSource {
  /** The whole file at REF; undefined when the document is new since REF. */
  text?: string;
  bodyLine: number;
}

/** The merged tree of the body at REF and `tree` (the new body), with its changed sections. */
export function redlineBody(base: RedlineSource, tree: Root): Root {
  const before = base.text === undefined ? undefined : editionBody(parseBodyForRules(base.text, base.bodyLine));
  const merged = redlineTree(before, tree);
  const info: RedlineBodyInfo = { sections: merged.sections, changed: merged.changed };
  merged.tree.data = { ...merged.tree.data, redlineBody: info };
  return merged.tree;
}
