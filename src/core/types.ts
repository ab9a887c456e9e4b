/**
 * The data contract shared by every part of samdok. Everything here is plain,
 * serialisable data: a per-document result can be cached, sent to a worker
 * thread or written as JSON without loss.
 */

export type Severity = "error" | "warning";
export type RuleSetting = Severity | "off";
export type Lang = "sv" | "en";

/** A finding, 1-based, with a POSIX path relative to the working directory. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  ruleId: string;
  /** The rule's stable slug, e.g. `schema`. */
  ruleName: string;
  severity: Severity;
  message: string;
}

/** [line, column, endLine, endColumn], 1-based, end exclusive. */
export type Range = [number, number, number, number];

/**
 * Where each front-matter value stands in the file, by JSON pointer
 * (`/antaganden/0/datum`). `v` is the value, `k` the key when the value sits
 * under a mapping key. The root pointer is `""`.
 */
export type PositionMap = Record<string, { v: Range; k?: Range }>;

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style slug, unique within the document. */
  slug: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LinkRef {
  url: string;
  /** Link text (for images: the alt text). */
  text: string;
  kind: "link" | "image" | "definition";
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LixFigure {
  value: number;
  band: LixBand;
  words: number;
  sentences: number;
  longWords: number;
}

export type LixBand = "very-easy" | "easy" | "medium" | "difficult" | "very-difficult";

export interface LixSection extends LixFigure {
  heading: string;
  line: number;
}

export interface LixResult extends LixFigure {
  sections: LixSection[];
}

/** What the set-wide rules and the reports need to know of one document's text. */
export interface BodyFacts {
  headings: Heading[];
  links: LinkRef[];
  lix?: LixResult;
}

/** The outcome of the pure per-document step. */
export interface DocumentResult {
  /** POSIX path relative to the working directory (for display). */
  file: string;
  /** POSIX path relative to the document root (the configuration's folder). */
  rootPath: string;
  /** Front matter as plain data, when it could be parsed. */
  data?: Record<string, unknown>;
  /**
   * The document's id, when its front matter has one (the same as data.id):
   * reports read it here, so that a run from the cache need not parse the
   * front matter of every document (see core/result-text.ts).
   */
  id?: string;
  positions?: PositionMap;
  /** The same positions packed (see core/packed-positions.ts): what is kept in memory and in the cache. */
  packedPositions?: string;
  /** 1-based line of the first body line. */
  bodyLine?: number;
  facts?: BodyFacts;
  diagnostics: Diagnostic[];
  /** True when the file could not be read or parsed at all. */
  fatal?: boolean;
  /**
   * A hash of everything set-wide rules read from this document (its path,
   * front matter and positions, headings and links): when no document's
   * key has changed, the set-wide findings of the last run still hold.
   * Absent when the positions could not be packed.
   */
  setKey?: string;
}
