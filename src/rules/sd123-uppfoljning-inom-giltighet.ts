import type { DocumentRule } from "./types.js";
import { date, entries, validUntil } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD123",
  name: "uppfoljning-inom-giltighet",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "Varje uppföljningsdatum ligger inom giltighetstiden (`giltig_fran` till `giltig_till`).",
    en: "Every follow-up date lies within the validity period (`giltig_fran` to `giltig_till`).",
  },
  docs: {
    sv: "En uppföljning följer upp dokumentet medan det gäller. Exempel: ett dokument som gäller 2025-05-01 till 2029-04-30 kan ha `uppfoljning: [{datum: 2026-10-31, …}]`, men inte en uppföljning 2029-06-30. Med `giltig_till: tills vidare` finns ingen övre gräns.",
    en: "A follow-up reviews the document while it applies. Example: a document valid 2025-05-01 to 2029-04-30 can have a follow-up on 2026-10-31 but not on 2029-06-30. With `tills vidare` there is no upper limit.",
  },
  check(ctx) {
    const from = date(ctx.data, "giltig_fran");
    const until = validUntil(ctx.data);
    const end = until === "open" ? undefined : until;
    if (from === undefined && end === undefined) return;
    for (const u of entries(ctx.data, "uppfoljning")) {
      const when = date(u.value, "datum");
      if (when === undefined) continue;
      if (from !== undefined && when < from) {
        ctx.report({
          path: `${u.path}/datum`,
          message: {
            sv: `Uppföljningen ${when} ligger före giltighetstiden, som börjar ${from} (\`giltig_fran\`). Följ upp medan dokumentet gäller: välj ett datum ${from} eller senare.`,
            en: `The follow-up on ${when} is before the validity period, which starts on ${from} (\`giltig_fran\`). Follow up while the document applies: pick a date on or after ${from}.`,
          },
        });
      } else if (end !== undefined && when > end) {
        ctx.report({
          path: `${u.path}/datum`,
          message: {
            sv: `Uppföljningen ${when} ligger efter att dokumentet slutar gälla ${end} (\`giltig_till\`). Följ upp medan dokumentet gäller: välj ett datum ${end} eller tidigare.`,
            en: `The follow-up on ${when} is after the document stops applying on ${end} (\`giltig_till\`). Follow up while it applies: pick a date on or before ${end}.`,
          },
        });
      }
    }
  },
};
