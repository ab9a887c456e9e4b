/**
 * The rule registry. Ids are stable: a rule that is removed leaves its id
 * unused for ever. The order here is the order rules run and are listed.
 */
import type { DocumentRule, Rule, SetRule } from "./types.js";
import { foundationRules } from "./foundation.js";
import { integrityRules } from "./integrity.js";
import { changeRules } from "./change.js";

export const rules: readonly Rule[] = [...foundationRules, ...integrityRules, ...changeRules].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map<string, Rule>();
for (const r of rules) {
  if (byId.has(r.id) || byId.has(r.name)) throw new Error(`duplicate rule id or name: ${r.id} ${r.name}`);
  byId.set(r.id, r);
  byId.set(r.name, r);
}

/** A rule by id or name; throws for an unknown one (a programming error). */
export function ruleById(idOrName: string): Rule {
  const rule = byId.get(idOrName);
  if (!rule) throw new Error(`unknown rule ${idOrName}`);
  return rule;
}

export function findRule(idOrName: string): Rule | undefined {
  return byId.get(idOrName);
}

export const documentRules = (): DocumentRule[] => rules.filter((r): r is DocumentRule => r.scope === "document");
export const setRules = (): SetRule[] => rules.filter((r): r is SetRule => r.scope === "set");
