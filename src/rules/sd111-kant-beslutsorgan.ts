import type { DocumentRule } from "./types.js";
import { str } from "./lib/data.js";
import { didYouMean, listIds } from "./lib/registry.js";

export const rule: DocumentRule = {
  id: "SD111",
  name: "kant-beslutsorgan",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "`faststalld_av` är ett av beslutsorganen i konfigurationen.",
    en: "`faststalld_av` is one of the decision bodies in the configuration.",
  },
  docs: {
    sv: "Beslutsorganen listas under `beslutsorgan` i samdok.config.json, med id och fullständigt namn. Dokumentet anger id, till exempel `faststalld_av: lansstyrgruppen`; utgåvorna visar namnet.",
    en: "Decision bodies are listed under `beslutsorgan` in samdok.config.json with an id and full name. The document gives the id, for example `faststalld_av: lansstyrgruppen`; editions show the name.",
  },
  check(ctx) {
    const value = str(ctx.data, "faststalld_av");
    if (value === undefined) return;
    const registry = ctx.config.beslutsorgan;
    if (registry.some((b) => b.id === value)) return;
    const hint = didYouMean(value, registry);
    ctx.report({
      path: "/faststalld_av",
      message: {
        sv: `Beslutsorganet \`${value}\` finns inte i konfigurationen.${hint.sv} Ange ett id ur \`beslutsorgan\` i samdok.config.json: ${listIds(registry)}.`,
        en: `The decision body \`${value}\` is not in the configuration.${hint.en} Give an id from \`beslutsorgan\` in samdok.config.json: ${listIds(registry)}.`,
      },
    });
  },
};
