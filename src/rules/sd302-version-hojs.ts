import type { ChangeRule } from "./lib/change-context.js";
import { describeDifference, difference } from "./lib/compare.js";
import { compareParsedVersions, nextVersion, parseDocumentVersion } from "../core/document-version.js";

export const rule: ChangeRule = {
  id: "SD302",
  name: "version-hojs",
  scope: "change",
  category: "andring",
  defaultSeverity: "error",
  description: {
    sv: "Pull request: ett fastställt dokument som ändrats sedan basversionen har en högre version än där.",
    en: "Pull request: an adopted document changed since the base version has a higher version than there.",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Ett fastställt dokument är ett beslut: ändras dess innehåll (något fält utom `version`, `andringshistorik` och `revideras_senast`, eller texten) blir det en ny version, och den måste kunna skiljas från den gamla. " +
      'Exempel: i basversionen (origin/main) har dokumentet `version: "2.1"`; ändras texten ska versionen bli "2.2" (mindre ändring) eller "3.0" (ny fastställd version). En version sänks aldrig. ' +
      "Att upphäva ett dokument (status upphävd) kräver ingen ny version, och inte heller det som livscykelkommandona skriver in om ett beslutat dokument utan att ändra beslutet: en parts antagande (`antaganden`, `samdok adopt`), en genomförd uppföljning (`genomford` och `resultat`, `samdok followup`), remissblocket (`remiss`) och vilka dokument det ersätter (`ersatter`, `samdok repeal --replaced-by`). " +
      "Steg där dokumentet inte är fastställt före och efter (`samdok revise --start`, `consult`, `respond`, `decide`) kontrolleras inte här: det nya beslutet får sin version och sin rad i ändringshistoriken av `samdok decide`.",
    en:
      "Runs with `samdok validate --changed-since REF`. An adopted document is a decision: when its content changes (any field but `version`, `andringshistorik` and `revideras_senast`, or the text) it becomes a new version that must be told apart from the old one. " +
      'Example: at the base (origin/main) the document has `version: "2.1"`; when the text changes the version becomes "2.2" (minor change) or "3.0" (new adopted version). A version never goes down. ' +
      "Repealing a document (status upphävd) needs no new version, nor does what the lifecycle commands record about a decided document without changing the decision: a party's adoption (`antaganden`, `samdok adopt`), a follow-up done (`genomford` and `resultat`, `samdok followup`), the consultation block (`remiss`) and the documents it replaces (`ersatter`, `samdok repeal --replaced-by`). " +
      "Steps where the document is not adopted both before and after (`samdok revise --start`, `consult`, `respond`, `decide`) are not checked here: the new decision gets its version and change-history entry from `samdok decide`.",
  },
  checkChange(ctx) {
    for (const c of ctx.changed) {
      if (!c.base || c.base.data?.status !== "fastställd" || c.head.data?.status !== "fastställd") continue;
      const diff = difference(c.base, c.head);
      if (!diff?.substantive) continue;
      // The base was never validated and the head may have schema errors: "01.2" still reads as 1.2.
      const bv = parseDocumentVersion(c.base.data.version, { leadingZeros: true });
      const hv = parseDocumentVersion(c.head.data.version, { leadingZeros: true });
      if (!bv || !hv || compareParsedVersions(hv, bv) > 0) continue;
      const [b, h] = [String(c.base.data.version), String(c.head.data.version)];
      const minor = nextVersion(bv, false);
      const major = nextVersion(bv, true);
      const what = { sv: describeDifference(diff, "sv"), en: describeDifference(diff, "en") };
      ctx.report(c.head.result, {
        path: "/version",
        message:
          compareParsedVersions(hv, bv) === 0
            ? {
                sv: `Dokumentet är fastställt och ${what.sv} har ändrats, men versionen är fortfarande ${h}: i basversionen (${ctx.ref}) var versionen ${b}. Höj versionen till ${minor} för en mindre ändring eller ${major} för en ny fastställd version.`,
                en: `The document is adopted and ${what.en} changed, but the version is still ${h}: at the base version (${ctx.ref}) the version was ${b}. Raise it to ${minor} for a minor change or ${major} for a new adopted version.`,
              }
            : {
                sv: `Versionen ${h} är lägre än i basversionen (${ctx.ref}), där den var ${b}. En version sänks aldrig: höj den till ${minor} för en mindre ändring eller ${major} för en ny fastställd version.`,
                en: `The version ${h} is lower than at the base version (${ctx.ref}), where it was ${b}. A version never goes down: raise it to ${minor} for a minor change or ${major} for a new adopted version.`,
              },
      });
    }
  },
};
