import type { SetRule } from "./types.js";

export const rule: SetRule = {
  id: "SD006",
  name: "unikt-id",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Varje dokument-id förekommer bara en gång i samlingen.",
    en: "Every document id occurs only once in the set.",
  },
  docs: {
    sv: "Id är dokumentets stabila identitet: länkar, ersättningar och utgåvor bygger på det. Två dokument med samma id gör alla hänvisningar tvetydiga.",
    en: "The id is the document's stable identity; two documents with the same id make every reference ambiguous.",
  },
  check(ctx) {
    for (const [id, docs] of ctx.byId) {
      if (docs.length < 2) continue;
      for (const doc of docs) {
        const others = docs.filter((d) => d !== doc).map((d) => d.file);
        ctx.report(doc, {
          path: "/id",
          message: {
            sv: `Id \`${id}\` används också i ${others.join(", ")}. Varje dokument måste ha ett eget id som aldrig återanvänds.`,
            en: `The id \`${id}\` is also used in ${others.join(", ")}. Every document needs its own id, never reused.`,
          },
        });
      }
    }
  },
};
