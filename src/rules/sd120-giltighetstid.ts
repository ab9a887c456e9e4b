import type { DocumentRule } from "./types.js";
import { date, validUntil } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD120",
  name: "giltighetstid",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: 'Datumen står i rätt ordning: `faststalld_datum` ≤ `giltig_fran` < `giltig_till` (eller "tills vidare").',
    en: 'The dates are in order: `faststalld_datum` ≤ `giltig_fran` < `giltig_till` (or "tills vidare").',
  },
  docs: {
    sv: "Ett dokument beslutas först och börjar sedan gälla, och giltighetstiden slutar efter att den har börjat. Exempel: `faststalld_datum: 2025-03-20`, `giltig_fran: 2025-05-01`, `giltig_till: 2029-04-30` eller `giltig_till: tills vidare`. Ett dokument som gäller från ett datum före beslutet (retroaktivt) ger en varning; en giltighetstid som slutar innan den börjar är ett fel.",
    en: "A document is decided first and then applies, and its validity ends after it began. Example: `faststalld_datum: 2025-03-20`, `giltig_fran: 2025-05-01`, `giltig_till: 2029-04-30` or `tills vidare`. Validity starting before the decision (retroactively) is a warning; validity ending before it starts is an error.",
  },
  check(ctx) {
    const decided = date(ctx.data, "faststalld_datum");
    const from = date(ctx.data, "giltig_fran");
    const until = validUntil(ctx.data);
    if (decided && from && from < decided) {
      ctx.report({
        path: "/giltig_fran",
        severity: "warning",
        message: {
          sv: `Dokumentet gäller från ${from}, före beslutet ${decided} (\`faststalld_datum\`). Ett dokument börjar normalt gälla samma dag som det fastställs eller senare. Ändra \`giltig_fran\` till ${decided} eller senare, eller rätta \`faststalld_datum\`.`,
          en: `The document applies from ${from}, before the decision on ${decided} (\`faststalld_datum\`). A document normally applies from the day it is adopted or later. Change \`giltig_fran\` to ${decided} or later, or correct \`faststalld_datum\`.`,
        },
      });
    }
    if (until === undefined || until === "open") return;
    const start = from ?? decided;
    if (start === undefined || start < until) return;
    const startField = from ? "giltig_fran" : "faststalld_datum";
    ctx.report({
      path: "/giltig_till",
      message: {
        sv: `Giltighetstiden slutar ${until}, ${start === until ? "samma dag som" : "före"} \`${startField}\` (${start}). \`giltig_till\` ska vara ett senare datum, till exempel fyra år senare, eller \`tills vidare\`.`,
        en: `Validity ends on ${until}, ${start === until ? "the same day as" : "before"} \`${startField}\` (${start}). \`giltig_till\` must be a later date, for example four years later, or \`tills vidare\`.`,
      },
    });
  },
};
