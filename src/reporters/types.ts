import type { DocumentResult, Lang } from "../core/types.js";
import type { RuleMeta } from "../rules/types.js";

export interface ReportInput {
  results: readonly DocumentResult[];
  summary: { files: number; errors: number; warnings: number };
  lang: Lang;
  /** The rules that can appear in the results (SARIF lists them). */
  rules: readonly RuleMeta[];
  /** Colour (ANSI) allowed: only on a terminal, never with NO_COLOR. */
  color: boolean;
  /** samdok's version, for reports that name their tool. */
  version: string;
  /** Pull-request mode: findings on documents the change did not touch (ValidationRun.untouched), summarised, not in `summary`. */
  untouched?: readonly DocumentResult[];
}

/** A reporter is a pure function from results to text. */
export type Reporter = (input: ReportInput) => string;
