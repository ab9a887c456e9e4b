/**
 * SD108: an adoption (`antaganden`, written by `samdok adopt`) is a party's
 * decision on a version the document really had. The versions are read from
 * the change history; without one, only the document's own version is known,
 * except in a draft or on remiss, where the adoptions kept from earlier
 * versions are of versions before the one being drafted (an adoption of the
 * draft's own version is SD126's finding).
 */
import type { DocumentRule } from "./types.js";
import { entries, str, strings } from "./lib/data.js";
import { partyCodes, partyName } from "../core/config-model.js";
import { compareDocumentVersions } from "../core/document-version.js";

export const rule: DocumentRule = {
  id: "SD108",
  name: "antaganden",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "Varje antagande gäller en av dokumentets parter och en version som finns i `andringshistorik`.",
    en: "Every adoption is by one of the document's parties and of a version that exists in `andringshistorik`.",
  },
  docs: {
    sv: '`antaganden` visar att varje part har antagit dokumentet i egen nämnd. Parten ska stå i `parter`, och den antagna versionen ska finnas i ändringshistoriken (eller vara dokumentets version om historik saknas; i ett utkast eller på remiss, där antaganden av tidigare versioner står kvar, en tidigare version). Exempel: `- {part: "0480", organ: Socialnämnden, datum: 2025-04-29, version: "2.0"}`.',
    en: "`antaganden` shows that each party adopted the document in its own committee. The party must be in `parter`, and the adopted version must exist in the change history (or be the document's version when there is no history; in a draft or on remiss, where the adoptions of earlier versions stay, an earlier version).",
  },
  check(ctx) {
    const parter = strings(ctx.data, "parter").map((p) => p.value);
    const history = entries(ctx.data, "andringshistorik")
      .map((e) => str(e.value, "version"))
      .filter((v): v is string => v !== undefined);
    const current = str(ctx.data, "version");
    const versions = history.length > 0 ? history : current !== undefined ? [current] : [];
    const status = str(ctx.data, "status");
    const draft = status === "utkast" || status === "remiss";
    for (const a of entries(ctx.data, "antaganden")) {
      const part = str(a.value, "part");
      // A code that is no party of the set at all is reported by SD106.
      if (part !== undefined && Array.isArray(ctx.data.parter) && !parter.includes(part) && partyCodes(ctx.config).includes(part)) {
        ctx.report({
          path: `${a.path}/part`,
          message: {
            sv: `\`${part}\` (${partyName(ctx.config, part)}) har antagit dokumentet men står inte bland dokumentets \`parter\`. Lägg till \`"${part}"\` i \`parter\`, eller rätta koden.`,
            en: `\`${part}\` (${partyName(ctx.config, part)}) adopted the document but is not among its \`parter\`. Add \`"${part}"\` to \`parter\`, or correct the code.`,
          },
        });
      }
      const version = str(a.value, "version");
      if (version === undefined || versions.length === 0 || versions.includes(version)) continue;
      // A draft without history keeps the adoptions of earlier versions, which it cannot show.
      if (history.length === 0 && draft && (compareDocumentVersions(version, current) ?? 1) <= 0) continue;
      ctx.report({
        path: `${a.path}/version`,
        message:
          history.length > 0
            ? {
                sv: `Version ${version} finns inte i \`andringshistorik\` (där finns ${versions.join(", ")}). Ange den version som parten antog, till exempel \`"${versions[versions.length - 1] ?? ""}"\`.`,
                en: `Version ${version} is not in \`andringshistorik\` (it has ${versions.join(", ")}). Give the version the party adopted, for example \`"${versions[versions.length - 1] ?? ""}"\`.`,
              }
            : {
                sv: `Version ${version} är inte dokumentets version (${current ?? ""}) och det finns ingen \`andringshistorik\` som visar den. Lägg till versionen i \`andringshistorik\` eller rätta versionen.`,
                en: `Version ${version} is not the document's version (${current ?? ""}) and there is no \`andringshistorik\` that shows it. Add the version to \`andringshistorik\` or correct the version.`,
              },
      });
    }
  },
};
