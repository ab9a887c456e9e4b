import type { DocumentRule } from "./types.js";
import { object, strings } from "./lib/data.js";
import { closest } from "../core/suggest.js";

export const rule: DocumentRule = {
  id: "SD112",
  name: "malbildens-ord",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "`narvard.perspektiv` och `narvard.vardeord` är ord ur målbilden i konfigurationen.",
    en: "`narvard.perspektiv` and `narvard.vardeord` are words from the vision in the configuration.",
  },
  docs: {
    sv: "Målbildens perspektiv och värdeord står under `malbild` i samdok.config.json. Ett dokument som visar hur det bär målbilden använder samma ord, till exempel `vardeord: [tillit, personcentrering]`, så att utgåvor och register kan gruppera dokumenten.",
    en: "The vision's perspectives and value words are under `malbild` in samdok.config.json. A document showing how it serves the vision uses the same words, e.g. `vardeord: [tillit, personcentrering]`, so editions and registers can group documents.",
  },
  check(ctx) {
    const narvard = object(ctx.data, "narvard");
    if (!narvard) return;
    const malbild = ctx.config.malbild;
    if (!malbild) {
      ctx.report({
        path: "/narvard",
        key: true,
        message: {
          sv: "Dokumentet anger `narvard`, men konfigurationen har ingen målbild att jämföra med. Lägg till `malbild` med `perspektiv` och `vardeord` i samdok.config.json, eller ta bort `narvard`.",
          en: "The document has `narvard`, but the configuration has no vision to compare with. Add `malbild` with `perspektiv` and `vardeord` to samdok.config.json, or remove `narvard`.",
        },
      });
      return;
    }
    const fields = [
      { key: "perspektiv", words: malbild.perspektiv, label: { sv: "perspektiv", en: "perspective" } },
      { key: "vardeord", words: malbild.vardeord, label: { sv: "värdeord", en: "value word" } },
    ];
    for (const field of fields) {
      for (const item of strings(narvard, field.key)) {
        if (field.words.includes(item.value)) continue;
        const guess = closest(item.value, field.words);
        ctx.report({
          path: `/narvard${item.path}`,
          message: {
            sv: `\`${item.value}\` är inte ett ${field.label.sv} i målbilden.${guess ? ` Menade du \`${guess}\`?` : ""} Målbildens ${field.label.sv === "perspektiv" ? "perspektiv" : "värdeord"} är ${field.words.map((w) => `\`${w}\``).join(", ")}.`,
            en: `\`${item.value}\` is not a ${field.label.en} of the vision.${guess ? ` Did you mean \`${guess}\`?` : ""} The vision's ${field.label.en}s are ${field.words.map((w) => `\`${w}\``).join(", ")}.`,
          },
        });
      }
    }
  },
};
