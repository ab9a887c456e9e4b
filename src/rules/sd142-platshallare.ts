import type { DocumentRule } from "./types.js";
import { str } from "./lib/data.js";
import { lineIndex } from "./lib/text.js";

/** TODO, FIXME, XXX (three or more x), ??? and lorem ipsum. */
const PLACEHOLDER = /(?<![\p{L}\p{N}_])(?:TODO|FIXME|[Xx]{3,})(?![\p{L}\p{N}_])|\?{3,}|\blorem\s+ipsum\b/giu;

export const rule: DocumentRule = {
  id: "SD142",
  name: "platshallare",
  scope: "document",
  category: "innehall",
  defaultSeverity: "error",
  description: {
    sv: "Ett fastställt dokument innehåller inga platshållare: TODO, FIXME, XXX, ??? eller lorem ipsum.",
    en: "An adopted document contains no placeholders: TODO, FIXME, XXX, ??? or lorem ipsum.",
  },
  docs: {
    sv: "Platshållare hör till arbetet med ett utkast. I ett fastställt dokument betyder de att något saknas i den text som gäller. Fyll i det som saknas eller ta bort platshållaren. I utkast och remissversioner kontrolleras de inte.",
    en: "Placeholders belong to work on a draft. In an adopted document they mean something is missing from the text in force. Fill in what is missing or remove the placeholder. Drafts and consultation versions are not checked.",
  },
  check(ctx) {
    if (str(ctx.data, "status") !== "fastställd") return;
    const index = lineIndex(ctx.text);
    for (const m of ctx.text.matchAll(PLACEHOLDER)) {
      // "ÅÅMMDD-XXXX" describes the form of a personnummer; it is not a placeholder.
      if (/^x+$/i.test(m[0]) && /(?:ÅÅ|YY){1,2}MMDD[-+]?$/iu.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const found = m[0].replace(/\s+/g, " ");
      ctx.report({
        range: index.range(m.index, m.index + m[0].length),
        message: {
          sv: `Platshållaren "${found}" står kvar i ett fastställt dokument. Fyll i det som saknas eller ta bort platshållaren; en ändring i ett fastställt dokument blir en ny version.`,
          en: `The placeholder "${found}" remains in an adopted document. Fill in what is missing or remove it; a change to an adopted document makes a new version.`,
        },
      });
    }
  },
};
