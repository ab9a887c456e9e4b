/**
 * The one line that stands for the findings a pull request did not cause
 * (results.ts): how many, of which rules, and what to run for the whole list.
 * A coordinator who changed one document should see that the rest of the
 * set has things to do, without eight annotations on files the pull request
 * never opened.
 */
import type { DocumentResult, Lang } from "../../core/types.js";
import { pick, plural } from "../../i18n/text.js";

/** Counts by severity and by rule (rule ids in order, the most frequent first). */
export function countUntouched(untouched: readonly DocumentResult[]): { errors: number; warnings: number; byRule: [string, number][] } {
  let errors = 0;
  let warnings = 0;
  const byRule = new Map<string, number>();
  for (const r of untouched) {
    for (const d of r.diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
      byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
    }
  }
  const sorted = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { errors, warnings, byRule: sorted };
}

/**
 * "8 varningar i dokument som den här ändringen inte rör: SD105 ×5, SD301 ×3 — kör samdok validate för hela listan.",
 * or undefined when there are none.
 */
export function untouchedSummary(untouched: readonly DocumentResult[] | undefined, lang: Lang): string | undefined {
  if (!untouched) return undefined;
  const { errors, warnings, byRule } = countUntouched(untouched);
  if (errors + warnings === 0) return undefined;
  const errs = plural(errors, { sv: "fel", en: "error" }, { sv: "fel", en: "errors" }, lang);
  const warns = plural(warnings, { sv: "varning", en: "warning" }, { sv: "varningar", en: "warnings" }, lang);
  const what = errors === 0 ? warns : warnings === 0 ? errs : pick({ sv: `${errs} och ${warns}`, en: `${errs} and ${warns}` }, lang);
  const rules = byRule.map(([id, n]) => `${id} ×${n}`).join(", ");
  return pick(
    {
      sv: `${what} i dokument som den här ändringen inte rör: ${rules} — kör samdok validate för hela listan.`,
      en: `${what} in documents this change does not touch: ${rules} — run samdok validate for the whole list.`,
    },
    lang,
  );
}
