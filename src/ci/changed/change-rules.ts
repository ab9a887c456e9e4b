/**
 * Runs the change rules (SD302–SD399, rules/change.ts) on what changed, each
 * report made a diagnostic through core/diagnostic.ts with the levels of the
 * set's configuration. A report on a document also puts that document among
 * those reported; a report on the set (for what has no file any more) goes on
 * the set's samdok.config.json.
 */
import type { Diagnostic, DocumentResult, Lang } from "../../core/types.js";
import type { SamdokConfig } from "../../core/config.js";
import { rangeIn } from "../../core/pipeline/index.js";
import { fromReport, rangeOf, ruleIsOn } from "../../core/diagnostic.js";
import { baseComparisonRules } from "../../rules/change.js";
import type { BaseDocument, ChangeContext, ChangedDocument } from "../../rules/lib/change-context.js";

/** What the change rules are shown, with the set's configuration and where set findings go. */
export interface ChangeRuleInput {
  ref: string;
  lang: Lang;
  today: string;
  config: SamdokConfig;
  changed: readonly ChangedDocument[];
  deleted: readonly BaseDocument[];
  baseById: ReadonlyMap<string, readonly BaseDocument[]>;
  /** The set's samdok.config.json as messages show it: the file of findings on the set. */
  configFile: string;
}

export interface ChangeFindings {
  /** Findings on current documents. */
  onDocuments: Map<DocumentResult, Diagnostic[]>;
  /** Every document a rule reported on, also at a level that is off: it is reported. */
  touched: Set<DocumentResult>;
  /** Findings on the set's configuration file, in the order the rules made them. */
  onSet: Diagnostic[];
}

/** Runs every change rule the configuration has on. */
export function runChangeRules(input: ChangeRuleInput): ChangeFindings {
  const { ref, lang, today, config, changed, deleted, baseById, configFile } = input;
  const found: ChangeFindings = { onDocuments: new Map(), touched: new Set(), onSet: [] };
  for (const rule of baseComparisonRules) {
    if (!ruleIsOn(rule, config)) continue;
    const ctx: ChangeContext = {
      ref,
      lang,
      today,
      config,
      changed,
      deleted,
      baseById,
      report: (doc, report) => {
        found.touched.add(doc);
        const d = fromReport(doc.file, rule, config, report, rangeIn(doc, report), lang);
        if (d) found.onDocuments.set(doc, [...(found.onDocuments.get(doc) ?? []), d]);
      },
      reportOnSet: (report) => {
        // The configuration carries no positions of what it reports: the range is the report's own, or 1:1.
        const d = fromReport(configFile, rule, config, report, rangeOf(report, undefined), lang);
        if (d) found.onSet.push(d);
      },
    };
    rule.checkChange(ctx);
  }
  return found;
}
