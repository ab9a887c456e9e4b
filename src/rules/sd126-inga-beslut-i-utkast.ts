/**
 * SD126: a draft carries no decision. `samdok revise --start` removes the
 * decision fields of the version in force when a new version is started
 * (they stay in git), and `samdok decide` writes them again; what the version
 * in force still governs (`giltig_fran`, `giltig_till`, `revideras_senast`,
 * `uppfoljning`, the adoptions of earlier versions) stays and is not reported.
 */
import type { DocumentRule } from "./types.js";
import { entries, str } from "./lib/data.js";

/** Fields that record a decision on the current version. */
const DECISION_FIELDS = ["faststalld_av", "faststalld_datum", "beslutsparagraf", "upphavd_datum"] as const;

export const rule: DocumentRule = {
  id: "SD126",
  name: "inga-beslut-i-utkast",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "Ett dokument med status utkast eller remiss har inga beslutsuppgifter (`faststalld_av`, `faststalld_datum`, `beslutsparagraf`, `upphavd_datum`, antaganden av den aktuella versionen).",
    en: "A document with status utkast or remiss carries no decision fields (`faststalld_av`, `faststalld_datum`, `beslutsparagraf`, `upphavd_datum`, adoptions of the current version).",
  },
  docs: {
    sv: "Ett utkast eller en remissversion är ännu inte beslutad. Beslutsuppgifterna fylls i när dokumentet fastställs, samtidigt som status ändras till `fastställd`. Antaganden av tidigare versioner får stå kvar som historik när en ny version tas fram. `samdok revise --start` påbörjar en ny version och tar bort beslutsuppgifterna (de finns kvar i git); `giltig_fran`, `giltig_till` och `revideras_senast` står kvar, eftersom den gällande versionen gäller tills den nya fastställs (`samdok decide`).",
    en: "A draft or consultation version has not been decided yet. The decision fields are filled in when the document is adopted, at the same time as the status becomes `fastställd`. Adoptions of earlier versions may stay as history while a new version is drafted. `samdok revise --start` starts a new version and removes the decision fields (they stay in git); `giltig_fran`, `giltig_till` and `revideras_senast` stay, since the version in force applies until the new one is decided (`samdok decide`).",
  },
  check(ctx) {
    const status = str(ctx.data, "status");
    if (status !== "utkast" && status !== "remiss") return;
    for (const field of DECISION_FIELDS) {
      if (!(field in ctx.data)) continue;
      ctx.report({
        path: `/${field}`,
        key: true,
        message: {
          sv: `Dokumentet har status ${status} men anger \`${field}\`, som hör till ett beslut. Ta bort \`${field}\` tills dokumentet fastställs; när beslutet är fattat skriver \`samdok decide\` beslutsuppgifterna och status \`fastställd\`.`,
          en: `The document has status ${status} but gives \`${field}\`, which belongs to a decision. Remove \`${field}\` until the document is adopted; once the decision is taken, \`samdok decide\` writes the decision fields and status \`fastställd\`.`,
        },
      });
    }
    const version = str(ctx.data, "version");
    for (const a of entries(ctx.data, "antaganden")) {
      if (version === undefined || str(a.value, "version") !== version) continue;
      ctx.report({
        path: `${a.path}/version`,
        message: {
          sv: `Dokumentet har status ${status}, men här står att version ${version} redan är antagen. Ett antagande kan bara gälla en beslutad version: ta bort posten tills parten har antagit den fastställda versionen.`,
          en: `The document has status ${status}, but this says version ${version} has already been adopted. An adoption can only be of a decided version: remove the entry until the party has adopted the final version.`,
        },
      });
    }
  },
};
