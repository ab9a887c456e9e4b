import type { DocumentRule } from "./types.js";
import { str } from "./lib/data.js";
import { didYouMean, listIds } from "./lib/registry.js";

export const rule: DocumentRule = {
  id: "SD109",
  name: "kant-spar",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "`spar` är ett av spåren i konfigurationen.",
    en: "`spar` is one of the work tracks in the configuration.",
  },
  docs: {
    sv: "Spåren delar upp samlingen i arbetsområden, till exempel `trygg-hemgang` eller `hs-rutiner`. De listas under `spar` i samdok.config.json; ett nytt spår läggs till där.",
    en: "Tracks divide the set into areas of work, for example `trygg-hemgang` or `hs-rutiner`. They are listed under `spar` in samdok.config.json; add a new track there.",
  },
  check(ctx) {
    const value = str(ctx.data, "spar");
    if (value === undefined) return;
    const registry = ctx.config.spar;
    if (registry.some((s) => s.id === value)) return;
    const hint = didYouMean(value, registry);
    ctx.report({
      path: "/spar",
      message: {
        sv: `Spåret \`${value}\` finns inte i konfigurationen.${hint.sv} Spåren är ${listIds(registry)}. Ett nytt spår läggs till under \`spar\` i samdok.config.json.`,
        en: `The track \`${value}\` is not in the configuration.${hint.en} The tracks are ${listIds(registry)}. Add a new track under \`spar\` in samdok.config.json.`,
      },
    });
  },
};
