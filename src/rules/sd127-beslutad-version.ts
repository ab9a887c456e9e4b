/**
 * SD127: a decided document has a decided version. Versions 0.x are drafts
 * (0.1, 0.2 … while the text is worked out); the first decision makes 1.0,
 * which `samdok decide` writes by itself. A fastställd 0.9 is a decision
 * whose version says "draft", and the editions and the report would show it.
 */
import type { DocumentRule } from "./types.js";
import { str } from "./lib/data.js";
import { parseDocumentVersion } from "../core/document-version.js";

export const rule: DocumentRule = {
  id: "SD127",
  name: "beslutad-version",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "Ett fastställt eller upphävt dokument har version 1.0 eller högre; versioner 0.x är utkast.",
    en: "An adopted or repealed document has version 1.0 or higher; versions 0.x are drafts.",
  },
  docs: {
    sv: 'Ett dokument tas fram i versioner 0.1, 0.2 … och blir version 1.0 när det fastställs första gången. `samdok decide` sätter 1.0 av sig själv när ett utkast med version 0.x fastställs. Ett fastställt dokument med version 0.x rättas med `version: "1.0"` (och en rad för 1.0 i `andringshistorik`). Exempel: `status: fastställd` med `version: "0.9"` är ett fel; `version: "1.0"` är rätt.',
    en: 'A document is drafted in versions 0.1, 0.2 … and becomes version 1.0 when it is first adopted. `samdok decide` sets 1.0 by itself when a 0.x draft is adopted. An adopted document with a 0.x version is corrected with `version: "1.0"` (and a 1.0 entry in `andringshistorik`). Example: `status: fastställd` with `version: "0.9"` is an error; `version: "1.0"` is right.',
  },
  check(ctx) {
    const status = str(ctx.data, "status");
    if (status !== "fastställd" && status !== "upphävd") return;
    const written = str(ctx.data, "version");
    // A version the schema refuses is SD005's finding.
    const v = parseDocumentVersion(written);
    if (!v || v[0] >= 1) return;
    ctx.report({
      path: "/version",
      message:
        status === "fastställd"
          ? {
              sv: `Dokumentet är fastställt men har version ${written ?? ""}, en utkastversion. Ett fastställt dokument har version 1.0 eller högre: sätt \`version: "1.0"\` och skriv 1.0 i \`andringshistorik\`. \`samdok decide\` gör det när ett utkast fastställs.`,
              en: `The document is adopted but has version ${written ?? ""}, a draft version. An adopted document has version 1.0 or higher: set \`version: "1.0"\` and record 1.0 in \`andringshistorik\`. \`samdok decide\` does so when a draft is adopted.`,
            }
          : {
              sv: `Dokumentet är upphävt men har version ${written ?? ""}, en utkastversion. Ett upphävt dokument har varit fastställt och har då fått version 1.0 eller högre: sätt den version som fastställdes, till exempel \`version: "1.0"\`.`,
              en: `The document is repealed but has version ${written ?? ""}, a draft version. A repealed document was adopted and then got version 1.0 or higher: set the version that was adopted, for example \`version: "1.0"\`.`,
            },
    });
  },
};
