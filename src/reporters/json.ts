import type { Reporter } from "./types.js";

/**
 * `--format json`: `{summary: {files, errors, warnings}, results: [{file,
 * diagnostics: [{ruleId, severity, message, line, column, endLine?,
 * endColumn?}]}]}`. Keys may be added, never renamed.
 */
export const json: Reporter = ({ results, summary }) => {
  const out = {
    summary,
    results: results.map((r) => {
      const entry: Record<string, unknown> = {
        file: r.file,
        diagnostics: r.diagnostics.map((d) => {
          const o: Record<string, unknown> = { ruleId: d.ruleId, ruleName: d.ruleName, severity: d.severity, message: d.message, line: d.line, column: d.column };
          if (d.endLine !== undefined) o.endLine = d.endLine;
          if (d.endColumn !== undefined) o.endColumn = d.endColumn;
          return o;
        }),
      };
      const id = r.id ?? r.data?.id;
      if (typeof id === "string") entry.id = id;
      if (r.facts?.lix) entry.lix = r.facts.lix;
      return entry;
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
