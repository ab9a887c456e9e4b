/**
 * The redline edition's contract (issue 16): what changed in a document since
 * an earlier version (a git revision, or the version in force), as one merged
 * Markdown tree that both editions render: Word as native tracked changes
 * (w:ins / w:del), HTML as <ins> / <del>.
 *
 * The merged tree (`redlineTree` in diff.ts) is an ordinary mdast tree with
 * three extra phrasing nodes and one data field:
 *
 * - `redlineInsert` / `redlineDelete` wrap phrasing content that is new /
 *   gone. Inside a block that is wholly new or gone, the block's phrasing
 *   children are wrapped in one such node too, so a renderer marks text the
 *   same way wherever it is.
 * - `redlineFormat` wraps text that is the same but formatted differently
 *   (bold added, say); `before` names the formatting it had.
 * - `data.redline` on a block node (paragraph, heading, code, html,
 *   thematicBreak, list, listItem, blockquote, table, tableRow,
 *   footnoteDefinition) says the whole block is new ("insert") or gone
 *   ("delete"); every block inside it carries the same mark. A renderer
 *   marks the paragraph mark (Word) or the row (Word w:trPr) from it.
 *
 * Accepting every change (dropping redlineDelete and deleted blocks,
 * unwrapping the rest) gives the new tree's text; rejecting every change
 * gives the old tree's text. That is the property the tests check.
 */
import type { Parent, PhrasingContent } from "mdast";
import type { SamDoc } from "../core/document.js";

export type ChangeKind = "insert" | "delete";

/** New text. */
export interface RedlineInsert extends Parent {
  type: "redlineInsert";
  children: PhrasingContent[];
}

/** Text that is gone. */
export interface RedlineDelete extends Parent {
  type: "redlineDelete";
  children: PhrasingContent[];
}

/** The formatting a run of unchanged text had before (the new formatting is the nodes around it). */
export type FormatMark = "strong" | "emphasis" | "delete" | "inlineCode" | "link";

/** Unchanged text whose formatting changed. */
export interface RedlineFormat extends Parent {
  type: "redlineFormat";
  /** The formatting the text had in the old version, outermost first. */
  before: FormatMark[];
  children: PhrasingContent[];
}

declare module "mdast" {
  interface PhrasingContentMap {
    redlineInsert: RedlineInsert;
    redlineDelete: RedlineDelete;
    redlineFormat: RedlineFormat;
  }
  interface RootContentMap {
    redlineInsert: RedlineInsert;
    redlineDelete: RedlineDelete;
    redlineFormat: RedlineFormat;
  }
  interface Data {
    /** The whole block is new ("insert") or gone ("delete"). */
    redline?: ChangeKind | undefined;
  }
}

/**
 * What an edition document is compared with, set by the build for
 * `--redline REF`. Without it the document renders as always.
 */
export interface RedlineBase {
  /** The whole file text at REF (NFC, LF); undefined when the document is new since REF. */
  text?: string;
  /** The line the body starts on in `text` (1-based). */
  bodyLine?: number;
  /** Its front matter at REF, as the editions read it. */
  doc?: SamDoc;
  /** Where the text at REF was read: the commit (short) and the path in it. */
  from?: { commit: string; path: string };
  /** Word's change author: the document's responsible role (or roles, joined with ", "). */
  author: string;
  /** Word's change date: when the new version was committed (ISO 8601, seconds, Z), or the edition's timestamp. */
  date: string;
}

/** A document of the sets at REF that is no longer in the edition (removed, or repealed since). */
export interface RedlineRemoved {
  id: string;
  titel: string;
  /** POSIX path at REF, relative to the repository root. */
  path: string;
  /** "upphävd" when it is still there but repealed since REF; "borttagen" when the file is gone. */
  reason: "upphävd" | "borttagen";
}

/** The redline edition as a whole. */
export interface RedlineEdition {
  /** What the user asked for: a git revision or "in-force". */
  ref: string;
  /** How the edition names it to readers: "v2.0 (a1b2c3d)", "gällande version". */
  label: string;
  /** Documents of the edition changed since REF (edition order): by id. */
  changed: string[];
  /** Documents new since REF. */
  added: string[];
  removed: RedlineRemoved[];
}
