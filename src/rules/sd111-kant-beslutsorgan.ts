import type { DocumentRule } from "./types.js";
import { str, strings } from "./lib/data.js";
import { didYouMean, listIds } from "./lib/registry.js";

export const rule: DocumentRule = {
  id: "SD111",
  name: "kant-beslutsorgan",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "`faststalld_av` (ett beslutsorgan eller en lista med beslutsorgan) anger beslutsorgan ur konfigurationen.",
    en: "`faststalld_av` (a decision body or a list of them) names decision bodies from the configuration.",
  },
  docs: {
    sv: "Beslutsorganen listas under `beslutsorgan` i samdok.config.json, med id och fullständigt namn. Dokumentet anger id, till exempel `faststalld_av: lansstyrgruppen`; utgåvorna visar namnet. Ett dokument som flera organ fastställt tillsammans listar dem alla, `faststalld_av: [lansstyrgruppen, nsv]`; varje organ i listan kontrolleras.",
    en: "Decision bodies are listed under `beslutsorgan` in samdok.config.json with an id and full name. The document gives the id, for example `faststalld_av: lansstyrgruppen`; editions show the name. A document decided jointly by several bodies lists them all, `faststalld_av: [lansstyrgruppen, nsv]`; every body in the list is checked.",
  },
  check(ctx) {
    // One body, or a list when several decided together: every entry is checked where it stands.
    const one = str(ctx.data, "faststalld_av");
    const values = one !== undefined ? [{ value: one, path: "/faststalld_av" }] : strings(ctx.data, "faststalld_av");
    const registry = ctx.config.beslutsorgan;
    for (const { value, path } of values) {
      if (registry.some((b) => b.id === value)) continue;
      const hint = didYouMean(value, registry);
      ctx.report({
        path,
        message: {
          sv: `Beslutsorganet \`${value}\` finns inte i konfigurationen.${hint.sv} Ange ett id ur \`beslutsorgan\` i samdok.config.json: ${listIds(registry)}.`,
          en: `The decision body \`${value}\` is not in the configuration.${hint.en} Give an id from \`beslutsorgan\` in samdok.config.json: ${listIds(registry)}.`,
        },
      });
    }
  },
};
