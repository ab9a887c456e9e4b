import type { Reporter } from "./types.js";
import { jsonText } from "../core/safe-text.js";

/**
 * `--format json`: `{summary: {files, errors, warnings}, results: [{file,
 * diagnostics: [{ruleId, severity, message, line, column, endLine?,
 * endColumn?}]}]}`, with the summary on the first line and one line per file.
 * In pull-request mode also `untouched: [...]`, the same form, for the
 * documents the change did not touch (not counted in the summary).
 * Keys may be added, never renamed. Written by `jsonText`: no lone
 * surrogates (strict readers reject them), inert in a terminal or log.
 */
export const json: Reporter = ({ results, summary, untouched }) => {
  const entryOf = (r: (typeof results)[number]): string => {
    const entry: Record<string, unknown> = {
      file: r.file,
      diagnostics: r.diagnostics.map((d) => {
        const o: Record<string, unknown> = {
          ruleId: d.ruleId,
          ruleName: d.ruleName,
          severity: d.severity,
          message: d.message,
          line: d.line,
          column: d.column,
        };
        if (d.endLine !== undefined) o.endLine = d.endLine;
        if (d.endColumn !== undefined) o.endColumn = d.endColumn;
        return o;
      }),
    };
    const id = r.id ?? r.data?.id;
    if (typeof id === "string") entry.id = id;
    if (r.facts?.lix) entry.lix = r.facts.lix;
    return jsonText(entry);
  };
  const lines = results.map(entryOf);
  // Pull-request mode: what is in documents the change did not touch, outside `summary`
  // (it neither fails the pull request nor counts), listed so that a script can see it.
  const rest = (untouched ?? []).filter((r) => r.diagnostics.length > 0).map(entryOf);
  const tail = untouched !== undefined ? `,\n"untouched":[${rest.length ? `\n${rest.join(",\n")}\n` : ""}]` : "";
  // One line per file: easy to grep and to diff, and a fraction of the size
  // (and time) of indented JSON for a large set.
  return `{"summary":${jsonText(summary)},\n"results":[${lines.length ? `\n${lines.join(",\n")}\n` : ""}]${tail}}\n`;
};
