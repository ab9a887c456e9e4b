/**
 * The one place where a rule's report becomes a diagnostic: the severity the
 * configuration gives it (or none, when switched off), where it points, and
 * its message in the run's language. Document rules (analyze.ts), set rules
 * (pipeline/set-rules.ts) and change rules (ci/changed/) all report here.
 */
import type { Diagnostic, DocumentResult, Lang, Range, Severity } from "./types.js";
import type { SamdokConfig } from "./config-model.js";
import type { ReportInput, RuleMeta } from "../rules/types.js";
import { severityFor } from "../rules/settings.js";
import { locate } from "./schema-explain.js";
import { pick } from "../i18n/text.js";

export function makeDiagnostic(file: string, rule: RuleMeta, severity: Severity, range: Range, message: string): Diagnostic {
  const d: Diagnostic = { file, line: range[0], column: range[1], ruleId: rule.id, ruleName: rule.name, severity, message };
  if (range[2] > range[0] || (range[2] === range[0] && range[3] > range[1])) {
    d.endLine = range[2];
    d.endColumn = range[3];
  }
  return d;
}

/** Resolves where a report points: an explicit range, a Markdown node, a front-matter path, else the first line. */
export function rangeOf(input: ReportInput, positions: DocumentResult["positions"]): Range {
  if (input.range) return input.range;
  const p = input.node?.position;
  if (p) return [p.start.line, p.start.column, p.end.line, p.end.column];
  if (input.path !== undefined && positions) return locate(positions, input.path, input.key === true);
  return [1, 1, 1, 1];
}

/**
 * A rule's report as a diagnostic on `file` at `range`, or undefined when the
 * configuration switches the rule (or this severity of it) off.
 */
export function fromReport(
  file: string,
  rule: RuleMeta,
  config: SamdokConfig | undefined,
  input: ReportInput,
  range: Range,
  lang: Lang,
): Diagnostic | undefined {
  const severity = severityFor(rule, config, input.severity);
  if (severity === "off") return undefined;
  return makeDiagnostic(file, rule, severity, range, pick(input.message, lang));
}

/** True when the configuration runs the rule at all. */
export function ruleIsOn(rule: RuleMeta, config: SamdokConfig | undefined): boolean {
  return severityFor(rule, config) !== "off";
}

/** A rule that threw: an error at the file's start instead of a lost run. */
export function ruleCrashed(file: string, rule: RuleMeta, error: unknown, lang: Lang, withName = true): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  const which = withName ? `${rule.id} (${rule.name})` : rule.id;
  return makeDiagnostic(
    file,
    rule,
    "error",
    [1, 1, 1, 1],
    pick(
      {
        sv: `Internt fel i regeln ${which}: ${detail}. Rapportera gärna felet.`,
        en: `Internal error in rule ${which}: ${detail}. Please report it.`,
      },
      lang,
    ),
  );
}
