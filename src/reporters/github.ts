import type { Diagnostic } from "../core/types.js";
import type { Reporter } from "./types.js";
import { pick, plural } from "../i18n/text.js";
import { safeText } from "../core/safe-text.js";
import { workflowCommandData, workflowCommandProperty } from "../core/escape.js";
import { untouchedSummary } from "../ci/changed/summary.js";

function command(d: Diagnostic): string {
  const props: [string, string | number][] = [
    ["file", d.file],
    ["line", d.line],
    ["col", d.column],
  ];
  if (d.endLine !== undefined) props.push(["endLine", d.endLine]);
  if (d.endColumn !== undefined) props.push(["endColumn", d.endColumn]);
  props.push(["title", `${d.ruleId} ${d.ruleName}`]);
  // The data is shown as text (no terminal controls, one line per property),
  // then escaped so that the runner reads it back as exactly that text.
  const list = props.map(([k, v]) => `${k}=${workflowCommandProperty(safeText(String(v)))}`).join(",");
  return `::${d.severity === "error" ? "error" : "warning"} ${list}::${workflowCommandData(safeText(d.message, { multiline: true }))}`;
}

/**
 * `--format github`: one GitHub Actions workflow command per finding, so that
 * every finding becomes an annotation on the line in the pull request, then a
 * plain summary line for the log. Paths are relative to the working
 * directory, which in a workflow is the repository's root.
 *
 * In pull-request mode the findings on documents the pull request did not
 * touch (`untouched`) get no annotation: one `::notice::` without a file says
 * how many there are and of which rules, so that the pull request shows only
 * what its author can act on.
 */
export const github: Reporter = ({ results, summary, lang, untouched }) => {
  const lines: string[] = [];
  for (const r of results) for (const d of r.diagnostics) lines.push(command(d));
  const rest = untouchedSummary(untouched, lang);
  if (rest !== undefined) lines.push(`::notice title=${workflowCommandProperty("samdok")}::${workflowCommandData(safeText(rest))}`);
  const files = plural(summary.files, { sv: "fil", en: "file" }, { sv: "filer", en: "files" }, lang);
  if (summary.errors + summary.warnings === 0) {
    lines.push(pick({ sv: `samdok: inga problem i ${files}.`, en: `samdok: no problems in ${files}.` }, lang));
  } else {
    const errs = plural(summary.errors, { sv: "fel", en: "error" }, { sv: "fel", en: "errors" }, lang);
    const warns = plural(summary.warnings, { sv: "varning", en: "warning" }, { sv: "varningar", en: "warnings" }, lang);
    lines.push(pick({ sv: `samdok: ${errs} och ${warns} i ${files}.`, en: `samdok: ${errs} and ${warns} in ${files}.` }, lang));
  }
  return `${lines.join("\n")}\n`;
};
