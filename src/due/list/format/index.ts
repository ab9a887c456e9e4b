/** The due reporters by name; the calendar code loads only when asked for. */
import type { DueFormat, DueReporter } from "./types.js";

export async function dueReporter(format: DueFormat): Promise<DueReporter> {
  switch (format) {
    case "table":
      return (await import("./table.js")).table;
    case "markdown":
      return (await import("./markdown.js")).markdown;
    case "html":
      return (await import("./html.js")).html;
    case "csv":
      return (await import("./csv.js")).csv;
    case "json":
      return (await import("./json.js")).json;
    case "ics":
      return (await import("./ics.js")).ics;
  }
}

export { DUE_FORMATS, type DueFormat, type DueReporter, type DueReportInput } from "./types.js";
