/**
 * What the change rules (SD302–SD399) see: each changed document next to its
 * version at the base (the merge base with the ref the user named), the
 * documents that were deleted, and every document id at the base.
 *
 * This is the change rules' counterpart of rules/types.ts and lives with the
 * rules: src/ci/changed/ builds a ChangeContext and runs the rules, the
 * rules never import from src/ci.
 */
import type { DocumentResult, Lang } from "../../core/types.js";
import type { SamdokConfig } from "../../core/config.js";
import type { ReportInput, RuleMeta } from "../types.js";

/** A document as it was at the base. */
export interface BaseDocument {
  /** Path relative to the repository's root, at the base (POSIX). */
  repoPath: string;
  /** Path for messages: relative to the working directory (POSIX). */
  display: string;
  /** Front matter; undefined when the base file could not be parsed. */
  data?: Record<string, unknown>;
  /** The Markdown body, for comparing text. */
  body?: string;
}

/** A document as it is now. */
export interface HeadDocument {
  result: DocumentResult;
  data?: Record<string, unknown>;
  body?: string;
}

export interface ChangedDocument {
  head: HeadDocument;
  /** The same document at the base: same path, renamed, or moved with the same id. Undefined for a new document. */
  base?: BaseDocument;
  /** True when the path differs from the base path. */
  moved: boolean;
}

export interface ChangeContext {
  /** The ref exactly as the user named it, for messages ("i basversionen (origin/main)"). */
  ref: string;
  lang: Lang;
  today: string;
  config: SamdokConfig;
  changed: readonly ChangedDocument[];
  /** Base documents that no longer exist (not renamed or moved). */
  deleted: readonly BaseDocument[];
  /** Every document of the set at the base, by id. */
  baseById: ReadonlyMap<string, readonly BaseDocument[]>;
  /** Reports on a current document. */
  report(doc: DocumentResult, input: ReportInput): void;
  /** Reports on the set's configuration file (for what has no file any more). */
  reportOnSet(input: ReportInput): void;
}

/**
 * A rule that compares with the base version. It has no place in a plain
 * run (there is no base), so it is registered with the rules (ids, names,
 * levels, docs, SARIF) as a rule that the pipeline does not run itself, and
 * src/ci/changed/ runs `checkChange` in pull-request mode.
 */
export interface ChangeRule extends RuleMeta {
  scope: "change";
  checkChange(ctx: ChangeContext): void;
}
