import type { Reporter } from "./types.js";
import { pick, plural } from "../i18n/text.js";
import { neutralizeWorkflowCommands, safeText } from "../core/safe-text.js";
import { untouchedSummary } from "../ci/changed/summary.js";

const ansi =
  (code: string) =>
  (on: boolean, s: string): string =>
    on ? `\u001b[${code}m${s}\u001b[0m` : s;
const red = ansi("31");
const yellow = ansi("33");
const dim = ansi("2");
const bold = ansi("1");
const underline = ansi("4");
const green = ansi("32");

/**
 * Terminal output for people: grouped by file, aligned, Swedish. File names
 * and messages are data (`safeText`); the colours are samdok's own, and the
 * finished lines cannot be read as CI log commands.
 */
export const stylish: Reporter = ({ results, summary, lang, color, untouched }) => {
  const lines: string[] = [];
  const labels = { error: pick({ sv: "fel", en: "error" }, lang), warning: pick({ sv: "varning", en: "warning" }, lang) };
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    lines.push(underline(color, safeText(r.file)));
    const rows = r.diagnostics.map((d) => ({
      pos: `${d.line}:${d.column}`,
      sev: d.severity,
      // One finding, one line: a file name with a line break or tab quoted in a message cannot forge another.
      message: safeText(d.message),
      rule: safeText(`${d.ruleId}/${d.ruleName}`),
    }));
    const posWidth = Math.max(...rows.map((x) => x.pos.length));
    const sevWidth = Math.max(...rows.map((x) => labels[x.sev].length));
    for (const row of rows) {
      const sev = labels[row.sev].padEnd(sevWidth);
      lines.push(
        `  ${dim(color, row.pos.padEnd(posWidth))}  ${row.sev === "error" ? red(color, sev) : yellow(color, sev)}  ${row.message}  ${dim(color, row.rule)}`,
      );
    }
    lines.push("");
  }
  // Pull-request mode: what the change did not touch, in one line (ci/changed/summary.ts).
  const rest = untouchedSummary(untouched, lang);
  if (rest !== undefined) lines.push(dim(color, rest), "");
  const problems = summary.errors + summary.warnings;
  const files = plural(summary.files, { sv: "fil", en: "file" }, { sv: "filer", en: "files" }, lang);
  if (problems === 0) {
    lines.push(green(color, pick({ sv: `✔ Inga problem i ${files}.`, en: `✔ No problems in ${files}.` }, lang)));
  } else {
    const errs = plural(summary.errors, { sv: "fel", en: "error" }, { sv: "fel", en: "errors" }, lang);
    const warns = plural(summary.warnings, { sv: "varning", en: "warning" }, { sv: "varningar", en: "warnings" }, lang);
    const mark = summary.errors > 0 ? red(color, "✖") : yellow(color, "⚠");
    lines.push(`${mark} ${bold(color, pick({ sv: `${errs} och ${warns} i ${files}.`, en: `${errs} and ${warns} in ${files}.` }, lang))}`);
  }
  return `${neutralizeWorkflowCommands(lines.join("\n"))}\n`;
};
