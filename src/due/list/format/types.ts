import type { DocumentResult, Lang } from "../../../core/types.js";
import type { DueList, GroupBy } from "../model.js";

export interface DueReportInput {
  list: DueList;
  lang: Lang;
  groupBy?: GroupBy;
  /** Documents left out because they cannot be read or their front matter is broken: the weekly issue lists them. */
  skipped?: readonly DocumentResult[];
  /** ANSI colours (table only). */
  color: boolean;
  /** Terminal width, when known (table only). */
  columns?: number;
}

export type DueReporter = (input: DueReportInput) => string;

export const DUE_FORMATS = ["table", "markdown", "html", "csv", "json", "ics"] as const;
export type DueFormat = (typeof DUE_FORMATS)[number];
