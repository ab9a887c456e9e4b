/**
 * SD123: a planned follow-up falls while the document applies. Only open
 * follow-ups are checked: one already done (`genomford`) was done under the
 * version that applied then, and a later version's new validity period does
 * not make it wrong. An open follow-up before `giltig_fran` of a revised
 * document belongs to the earlier version, which still applies until then.
 */
import type { DocumentRule } from "./types.js";
import { date, entries, str, validUntil } from "./lib/data.js";
import { compareDocumentVersions } from "../core/document-version.js";

/** True when the change history or an adoption shows a version older than the document's own. */
function hasEarlierVersion(data: Record<string, unknown>): boolean {
  const current = str(data, "version");
  const older = (key: string) => entries(data, key).some((e) => (compareDocumentVersions(str(e.value, "version"), current) ?? 0) < 0);
  return older("andringshistorik") || older("antaganden");
}

export const rule: DocumentRule = {
  id: "SD123",
  name: "uppfoljning-inom-giltighet",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "Varje planerad (ännu inte genomförd) uppföljning ligger inom giltighetstiden (`giltig_fran` till `giltig_till`).",
    en: "Every planned (not yet done) follow-up lies within the validity period (`giltig_fran` to `giltig_till`).",
  },
  docs: {
    sv: "En uppföljning följer upp dokumentet medan det gäller. Exempel: ett dokument som gäller 2025-05-01 till 2029-04-30 kan ha `uppfoljning: [{datum: 2026-10-31, …}]`, men inte en uppföljning 2029-06-30. Med `giltig_till: tills vidare` finns ingen övre gräns. En genomförd uppföljning (`genomford`) kontrolleras inte: den gjordes under den version som gällde då. När ett reviderat dokument börjar gälla senare än en öppen uppföljning hör uppföljningen till den tidigare versionen, som gäller till dess; den kontrolleras bara mot `giltig_till`.",
    en: "A follow-up reviews the document while it applies. Example: a document valid 2025-05-01 to 2029-04-30 can have a follow-up on 2026-10-31 but not on 2029-06-30. With `tills vidare` there is no upper limit. A follow-up already done (`genomford`) is not checked: it was done under the version that applied then. When a revised document applies from a date after an open follow-up, the follow-up belongs to the earlier version, which applies until then; it is only checked against `giltig_till`.",
  },
  check(ctx) {
    const from = date(ctx.data, "giltig_fran");
    const until = validUntil(ctx.data);
    const end = until === "open" ? undefined : until;
    if (from === undefined && end === undefined) return;
    const earlier = hasEarlierVersion(ctx.data);
    for (const u of entries(ctx.data, "uppfoljning")) {
      const when = date(u.value, "datum");
      // Done under the version that applied then: a later version does not make it wrong.
      if (when === undefined || (u.value.genomford !== undefined && u.value.genomford !== null)) continue;
      if (from !== undefined && when < from && !earlier) {
        ctx.report({
          path: `${u.path}/datum`,
          message: {
            sv: `Uppföljningen ${when} ligger före giltighetstiden, som börjar ${from} (\`giltig_fran\`). Följ upp medan dokumentet gäller: välj ett datum ${from} eller senare. Är uppföljningen redan gjord, registrera den med \`samdok followup\`.`,
            en: `The follow-up on ${when} is before the validity period, which starts on ${from} (\`giltig_fran\`). Follow up while the document applies: pick a date on or after ${from}. If it was already done, record it with \`samdok followup\`.`,
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
