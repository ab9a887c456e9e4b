import type { DocumentRule } from "./types.js";
import { date, validUntil } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD121",
  name: "revision-inom-giltighet",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "`revideras_senast` ligger efter `faststalld_datum` och senast när giltighetstiden slutar (`giltig_till`).",
    en: "`revideras_senast` falls after `faststalld_datum` and no later than the end of validity (`giltig_till`).",
  },
  docs: {
    sv: "Ett dokument ska revideras medan det gäller, så att ett reviderat dokument finns när det gamla slutar gälla. Exempel: `giltig_till: 2029-04-30` och `revideras_senast: 2028-12-31`. Med `giltig_till: tills vidare` finns ingen övre gräns här; då gäller revisionsintervallet (SD122).",
    en: "A document must be revised while it applies, so that a revised one exists when the old one ends. Example: `giltig_till: 2029-04-30` and `revideras_senast: 2028-12-31`. With `tills vidare` there is no upper limit here; the review interval (SD122) applies.",
  },
  check(ctx) {
    const due = date(ctx.data, "revideras_senast");
    if (due === undefined) return;
    const decided = date(ctx.data, "faststalld_datum");
    const until = validUntil(ctx.data);
    if (decided && due <= decided) {
      ctx.report({
        path: "/revideras_senast",
        message: {
          sv: `\`revideras_senast\` (${due}) ligger ${due === decided ? "samma dag som" : "före"} beslutet (\`faststalld_datum\` ${decided}). Ange när dokumentet senast ska ha reviderats, ett datum efter beslutet, till exempel två år senare.`,
          en: `\`revideras_senast\` (${due}) is ${due === decided ? "the same day as" : "before"} the decision (\`faststalld_datum\` ${decided}). Give the date by which the document must have been revised, a date after the decision, for example two years later.`,
        },
      });
      return;
    }
    if (until === undefined || until === "open" || due <= until) return;
    ctx.report({
      path: "/revideras_senast",
      message: {
        sv: `\`revideras_senast\` (${due}) ligger efter att dokumentet slutar gälla (\`giltig_till\` ${until}). Revidera medan dokumentet gäller: sätt \`revideras_senast\` till ${until} eller tidigare.`,
        en: `\`revideras_senast\` (${due}) is after the document stops applying (\`giltig_till\` ${until}). Revise while it applies: set \`revideras_senast\` to ${until} or earlier.`,
      },
    });
  },
};
