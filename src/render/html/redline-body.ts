/**
 * The body a redline page renders (issue 16): when the build compares a
 * document with an earlier version (`doc.redline`), its body is the merged
 * tree of the two (src/redline/diff.ts), not the new text alone. The text at
 * REF is parsed here the way the new one was (core/markdown.ts, the
 * edition's body), so that the two trees differ only where the Markdown
 * does; a document new since REF is compared with nothing, and all of it is
 * new.
 *
 * The old text keeps no positions: the lines the edition's warnings name
 * are the new file's, and nothing in the old text is warned about.
 */
import type { Element } from "hast";
import type { Heading, Root as MdastRoot } from "mdast";
import { editionBody, parseBodyForRules } from "../../core/markdown.js";
import { redlineTree } from "../../redline/diff.js";
import type { EditionDocument } from "../edition.js";
import { redlineRoot, sectionHeadings } from "./redline-marks.js";

/** A document's body compared with its version at REF, before rendering. */
export interface MergedBody {
  /** The merged tree, marked for the processor (redline-marks.ts). */
  tree: MdastRoot;
  /** False when the body is the same as at REF. */
  changed: boolean;
  /** New since REF. */
  added: boolean;
  /** The headings of the sections with changes (nodes of `tree`, or of the new body). */
  sections: Heading[];
  /** How many words are marked inserted and deleted. */
  words: { inserted: number; deleted: number };
}

/** What a rendered redline body tells its page: the summary at the top is made from it. */
export interface RedlineRender {
  changed: boolean;
  added: boolean;
  words: { inserted: number; deleted: number };
  /** The rendered headings of the changed sections: after `BodyTree.place`, their ids are the page's. */
  sections: Element[];
}

/** The merged body of `doc` against its version at REF, or undefined when the build compares nothing. */
export function mergedBody(doc: EditionDocument, current: MdastRoot): MergedBody | undefined {
  const base = doc.redline;
  if (!base) return undefined;
  const before = base.text === undefined ? undefined : editionBody(parseBodyForRules(base.text, base.bodyLine ?? 1));
  const merged = redlineTree(before, current);
  return {
    tree: redlineRoot(merged.tree),
    changed: merged.changed,
    added: before === undefined,
    sections: merged.sections,
    words: merged.words,
  };
}

/** The redline's facts for the page, once the merged body is rendered: `headings` are the body's headings in order. */
export function renderedRedline(merged: MergedBody, headings: readonly Element[]): RedlineRender {
  return {
    changed: merged.changed,
    added: merged.added,
    words: merged.words,
    sections: sectionHeadings(merged.tree, merged.sections, headings),
  };
}
