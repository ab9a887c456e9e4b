/**
 * What a rule is. One rule per file under src/rules/, registered in
 * src/rules/index.ts. Ids (SD###) and names are stable and never renumbered.
 */
import type { Root } from "mdast";
import type { BodyFacts, DocumentResult, Lang, PositionMap, Range, Severity } from "../core/types.js";
import type { LoadedConfig, SamdokConfig } from "../core/config.js";
import type { Localized, Text } from "../i18n/text.js";

export interface RuleMeta {
  /** Stable id, e.g. "SD005". Never renumbered or reused. */
  id: string;
  /** Stable slug, e.g. "schema". */
  name: string;
  /** One line: what the rule checks. */
  description: Localized;
  defaultSeverity: Severity;
  /** Which issue area the rule belongs to, for the rules table. */
  category: "fil" | "metadata" | "samling" | "datum" | "struktur" | "innehall" | "andring";
  /** Parse-level rules cannot be switched off: without a parse nothing else can run. */
  configurable?: false;
  /** A longer explanation with an example, for `samdok rules --explain` and the docs. */
  docs?: Localized;
}

export interface ReportInput {
  /** JSON pointer into the front matter, e.g. "/antaganden/0/version". */
  path?: string;
  /** With `path`: point at the key rather than the value. */
  key?: boolean;
  /** A Markdown node (its position is a file position). */
  node?: { position?: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined };
  /** An explicit range. */
  range?: Range;
  message: Text;
  /** Overrides the rule's default severity (the configuration still wins). */
  severity?: Severity;
}

export interface DocumentContext {
  /** Display path (relative to the working directory, POSIX). */
  file: string;
  /** Path relative to the document root (POSIX). */
  rootPath: string;
  absPath: string;
  data: Record<string, unknown>;
  positions: PositionMap;
  /** The whole file, NFC, LF line ends. */
  text: string;
  lines: readonly string[];
  bodyLine: number;
  /** The last line of the front matter (the closing fence). */
  closeLine: number;
  loaded: LoadedConfig;
  config: SamdokConfig;
  lang: Lang;
  /** The run's date, YYYY-MM-DD (Swedish calendar date of the injected clock). */
  today: string;
  /** True when the front matter passed the schema: typed reads are then safe. */
  schemaValid: boolean;
  /** The body's syntax tree (parsed once, positions are file positions). */
  mdast(): Root;
  facts: BodyFacts;
  report(input: ReportInput): void;
}

export interface SetContext {
  /** Every parsed document of the set (those whose front matter could be read). */
  documents: readonly DocumentResult[];
  /** Documents by their `id`. */
  byId: ReadonlyMap<string, readonly DocumentResult[]>;
  /** Documents by their path relative to the document root. */
  byRootPath: ReadonlyMap<string, DocumentResult>;
  loaded: LoadedConfig;
  config: SamdokConfig;
  lang: Lang;
  today: string;
  report(doc: DocumentResult, input: ReportInput): void;
}

export interface DocumentRule extends RuleMeta {
  scope: "document";
  check(ctx: DocumentContext): void;
}

export interface SetRule extends RuleMeta {
  scope: "set";
  /**
   * True when the rule looks at files on disk other than the documents (an
   * attachment that a link names): its findings are never taken from the
   * cache, since a file can appear or vanish without any document changing.
   */
  readsFiles?: boolean;
  check(ctx: SetContext): void;
}

/** Rules reported by the parser itself (unreadable file, YAML syntax …). */
export interface ParseRule extends RuleMeta {
  scope: "parse";
}

/**
 * Rules that compare a document with its version at a base git ref; they run
 * only in pull-request mode (`validate --changed-since`), see src/ci/.
 */
export interface ChangeRuleMeta extends RuleMeta {
  scope: "change";
}

export type Rule = DocumentRule | SetRule | ParseRule | ChangeRuleMeta;
