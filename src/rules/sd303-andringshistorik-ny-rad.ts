import type { ChangeRule } from "./lib/change-context.js";
import { describeDifference, difference, newHistoryEntries } from "./lib/compare.js";
import { compareParsedVersions, nextVersion, parseDocumentVersion } from "../core/document-version.js";

export const rule: ChangeRule = {
  id: "SD303",
  name: "andringshistorik-ny-rad",
  scope: "change",
  category: "andring",
  defaultSeverity: "error",
  description: {
    sv: "Pull request: ett fastställt dokument som ändrats sedan basversionen har en ny rad i andringshistorik för sin nya version.",
    en: "Pull request: an adopted document changed since the base version has a new andringshistorik entry for its new version.",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Ändringshistoriken är läsarens svar på frågan vad som har ändrats och när. Varje ny version av ett fastställt dokument får en ny rad, till exempel:\n\n" +
      'andringshistorik:\n  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: Nya kontaktvägar till kommunernas hemsjukvård.\n\n' +
      "Vad som räknas som en ändring är detsamma som för SD302: ett antagande, en genomförd uppföljning, remissblocket och `ersatter` är inga ändringar av innehållet. `samdok revise --summary` och `samdok decide` skriver raden.",
    en:
      "Runs with `samdok validate --changed-since REF`. The change history tells readers what changed and when. Every new version of an adopted document gets a new entry, for example:\n\n" +
      'andringshistorik:\n  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: New contact routes to the municipal home care.\n\n' +
      "What counts as a change is the same as for SD302: an adoption, a follow-up done, the consultation block and `ersatter` are no change of content. `samdok revise --summary` and `samdok decide` write the entry.",
  },
  checkChange(ctx) {
    for (const c of ctx.changed) {
      if (!c.base || c.base.data?.status !== "fastställd" || c.head.data?.status !== "fastställd") continue;
      const diff = difference(c.base, c.head);
      if (!diff?.substantive) continue;
      const hvText = typeof c.head.data.version === "string" ? c.head.data.version : "";
      const added = newHistoryEntries(c.base, c.head);
      if (added.some((e) => e.version === hvText)) continue;
      // The base was never validated and the head may have schema errors: "01.2" still reads as 1.2.
      const bv = parseDocumentVersion(c.base.data.version, { leadingZeros: true });
      const hv = parseDocumentVersion(hvText, { leadingZeros: true });
      const target = hv && (!bv || compareParsedVersions(hv, bv) > 0) ? hvText : bv ? nextVersion(bv, false) : hvText;
      const entry = `- version: "${target}", datum: ${ctx.today}, beskrivning: …`;
      const what = { sv: describeDifference(diff, "sv"), en: describeDifference(diff, "en") };
      const positions = c.head.result.positions ?? {};
      ctx.report(c.head.result, {
        ...(positions["/andringshistorik"] ? { path: "/andringshistorik", key: true } : { path: "/version" }),
        message:
          added.length === 0
            ? {
                sv: `Sedan basversionen (${ctx.ref}) har ${what.sv} ändrats, men andringshistorik har ingen ny rad. Lägg till en rad för version ${target}: ${entry}`,
                en: `Since the base version (${ctx.ref}) ${what.en} changed, but andringshistorik has no new entry. Add one for version ${target}: ${entry.replace("beskrivning: …", "beskrivning: (what changed)")}`,
              }
            : {
                sv: `andringshistorik har en ny rad, men ingen för dokumentets version ${hvText || "(saknas)"}. Den nya raden ska ha samma version som dokumentet: ${entry}`,
                en: `andringshistorik has a new entry, but none for the document's version ${hvText || "(missing)"}. The new entry must carry the document's version: ${entry.replace("beskrivning: …", "beskrivning: (what changed)")}`,
              },
      });
    }
  },
};
