/**
 * SD303: a changed fastställd document gets a line in its change history. The
 * suggestion is the command that writes the line (`samdok revise`), or, when
 * the version was already raised by hand, the fields in words: a one-line
 * YAML example cannot be pasted into a block list.
 */
import type { ChangeRule } from "./lib/change-context.js";
import { describeDifference, difference, newHistoryEntries } from "./lib/compare.js";
import { compareParsedVersions, nextVersion, parseDocumentVersion } from "../core/document-version.js";

/**
 * The document as `samdok revise` takes it: its id, else its path; quoted
 * for the shell when it holds anything but letters, digits and . _ / -.
 */
function commandArgument(id: unknown, file: string): string {
  const arg = typeof id === "string" && id !== "" ? id : file;
  return /^[\p{L}\p{N}._/-]+$/u.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

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
      const raised = hv !== undefined && bv !== undefined && compareParsedVersions(hv, bv) > 0;
      const what = { sv: describeDifference(diff, "sv"), en: describeDifference(diff, "en") };
      const positions = c.head.result.positions ?? {};
      const doc = commandArgument(c.head.data.id, c.head.result.file);
      ctx.report(c.head.result, {
        ...(positions["/andringshistorik"] ? { path: "/andringshistorik", key: true } : { path: "/version" }),
        message:
          added.length > 0
            ? {
                sv: `andringshistorik har en ny rad, men ingen för dokumentets version ${hvText || "(saknas)"}. Den nya raden ska ha samma version som dokumentet: skriv version: "${target}" på den.`,
                en: `andringshistorik has a new entry, but none for the document's version ${hvText || "(missing)"}. The new entry must carry the document's version: write version: "${target}" on it.`,
              }
            : raised
              ? {
                  // revise would raise the version once more: the entry is written by hand, field by field.
                  sv: `Sedan basversionen (${ctx.ref}) har ${what.sv} ändrats och versionen höjts till ${hvText}, men andringshistorik har ingen ny rad. Lägg till en rad sist i andringshistorik med version "${hvText}", datum ${ctx.today} och en beskrivning av ändringen. Eller sätt tillbaka versionen till ${c.base.data.version as string} och kör samdok revise ${doc} --summary "Vad som har ändrats", som höjer versionen och skriver raden.`,
                  en: `Since the base version (${ctx.ref}) ${what.en} changed and the version was raised to ${hvText}, but andringshistorik has no new entry. Add an entry at the end of andringshistorik with version "${hvText}", datum ${ctx.today} and a description of the change. Or set the version back to ${c.base.data.version as string} and run samdok revise ${doc} --summary "What changed", which raises the version and writes the entry.`,
                }
              : {
                  sv: `Sedan basversionen (${ctx.ref}) har ${what.sv} ändrats, men andringshistorik har ingen ny rad. Kör samdok revise ${doc} --summary "Vad som har ändrats": den höjer versionen till ${target} och skriver raden (version, datum ${ctx.today}, beskrivning). Kräver ändringen ett nytt beslut, påbörja i stället en ny version: samdok revise ${doc} --start --major.`,
                  en: `Since the base version (${ctx.ref}) ${what.en} changed, but andringshistorik has no new entry. Run samdok revise ${doc} --summary "What changed": it raises the version to ${target} and writes the entry (version, datum ${ctx.today}, beskrivning). If the change needs a new decision, begin a new version instead: samdok revise ${doc} --start --major.`,
                },
      });
    }
  },
};
