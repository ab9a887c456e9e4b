import type { ChangeRule } from "./lib/change-context.js";
import { difference, newHistoryEntries } from "./lib/compare.js";
import { nextVersion, parseDocumentVersion } from "../core/document-version.js";

export const rule: ChangeRule = {
  id: "SD307",
  name: "granskning-utan-andring",
  scope: "change",
  category: "andring",
  defaultSeverity: "warning",
  description: {
    sv: "Pull request: när bara revideras_senast flyttas är det en granskning utan ändring, som skrivs in i andringshistorik (med nästa mindre version).",
    en: "Pull request: when only revideras_senast moves it is a review without change, recorded in andringshistorik (with the next minor version).",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Att flytta fram `revideras_senast` utan att ändra något annat betyder att dokumentet har granskats (aktualitetsprövats) och fortfarande gäller som det är. " +
      "Granskningen ska synas för läsaren: skriv in den i ändringshistoriken. Eftersom varje rad i `andringshistorik` har en egen, högre version (SD125) får granskningen nästa mindre version, till exempel:\n\n" +
      'version: "2.2"\nandringshistorik:\n  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: Granskad utan ändring.\n\n' +
      'Med en ny rad i ändringshistoriken ger regeln inget fynd. Är granskningen inte värd en rad, stäng av regeln i samdok.config.json ("regler": {"SD307": "off"}).',
    en:
      "Runs with `samdok validate --changed-since REF`. Moving `revideras_senast` without changing anything else means the document was reviewed and still applies as it is. " +
      "The review should show to readers in the change history. Since every `andringshistorik` entry has its own, higher version (SD125), the review gets the next minor version, for example:\n\n" +
      'version: "2.2"\nandringshistorik:\n  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: Granskad utan ändring.\n\n' +
      'With a new change-history entry the rule reports nothing. If a review is not worth an entry, switch the rule off in samdok.config.json ("regler": {"SD307": "off"}).',
  },
  checkChange(ctx) {
    for (const c of ctx.changed) {
      if (!c.base || c.base.data?.status !== "fastställd" || c.head.data?.status !== "fastställd") continue;
      const diff = difference(c.base, c.head);
      if (!diff || diff.substantive || !diff.reviewDate) continue;
      if (newHistoryEntries(c.base, c.head).length > 0) continue;
      const before = String(c.base.data.revideras_senast ?? "–");
      const now = String(c.head.data.revideras_senast ?? "–");
      // The head may have schema errors: "01.2" still reads as 1.2.
      const v = parseDocumentVersion(c.head.data.version, { leadingZeros: true });
      const next = v ? nextVersion(v, false) : "";
      const entry = `version: "${next}" och en rad i andringshistorik: - version: "${next}", datum: ${ctx.today}, beskrivning: Granskad utan ändring.`;
      ctx.report(c.head.result, {
        path: "/revideras_senast",
        message: {
          sv: `Bara revideras_senast har flyttats (från ${before} i basversionen (${ctx.ref}) till ${now}). Det är en granskning utan ändring; skriv in den i ändringshistoriken: ${entry}`,
          en: `Only revideras_senast has moved (from ${before} at the base version (${ctx.ref}) to ${now}). That is a review without change; record it in the change history: ${entry.replace("och en rad i", "and an entry in")}`,
        },
      });
    }
  },
};
