import type { RuleSetting, Severity } from "../core/types.js";
import type { SamdokConfig } from "../core/config.js";
import type { RuleMeta } from "./types.js";

/**
 * The severity a rule's finding gets: the configuration (`regler`, by id or
 * name) wins over what the rule asked for, which wins over its default.
 */
export function severityFor(rule: RuleMeta, config: SamdokConfig | undefined, requested?: Severity): RuleSetting {
  if (rule.configurable === false) return requested ?? rule.defaultSeverity;
  const configured = config?.regler?.[rule.id] ?? config?.regler?.[rule.name];
  if (configured === "off") return "off";
  if (configured) return configured;
  return requested ?? rule.defaultSeverity;
}
