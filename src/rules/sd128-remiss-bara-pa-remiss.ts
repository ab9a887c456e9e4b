/**
 * SD128: the `remiss` block describes a consultation under way (period,
 * consulted parties, answers) and belongs to status remiss only. `samdok
 * decide` removes it when the version is decided; the answers stay in git,
 * where the earlier versions are. A block left on a decided document makes
 * editions and the report read as if the document were still out for
 * consultation. A repealed document is archived as it was and not checked.
 */
import type { DocumentRule } from "./types.js";
import { str } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD128",
  name: "remiss-bara-pa-remiss",
  scope: "document",
  category: "metadata",
  defaultSeverity: "warning",
  description: {
    sv: "`remiss` (remissperiod, instanser och svar) står bara i ett dokument med status remiss.",
    en: "`remiss` (consultation period, consulted and answers) appears only in a document with status remiss.",
  },
  docs: {
    sv: "`samdok consult` skickar ett utkast på remiss: status blir `remiss` och blocket `remiss` får period, instanser och version; `samdok respond` lägger till svaren. När versionen fastställs tar `samdok decide` bort blocket; remissvaren finns kvar i git-historiken tillsammans med remissversionen. Ett fastställt dokument med ett `remiss`-block ger en varning: ta bort blocket. I ett utkast betyder blocket att remissen inte har skickats (`samdok consult`) eller att blocket ska bort. Upphävda dokument kontrolleras inte: de arkiveras som de var.",
    en: "`samdok consult` sends a draft out for consultation: the status becomes `remiss` and the `remiss` block gets the period, the consulted and the version; `samdok respond` appends the answers. When the version is decided, `samdok decide` removes the block; the answers stay in the git history with the consultation version. An adopted document with a `remiss` block gets a warning: remove the block. In a draft the block means the consultation was not sent (`samdok consult`) or that the block should go. Repealed documents are not checked: they are archived as they were.",
  },
  check(ctx) {
    const status = str(ctx.data, "status");
    if (!("remiss" in ctx.data) || status === undefined || status === "remiss" || status === "upphävd") return;
    ctx.report({
      path: "/remiss",
      key: true,
      message:
        status === "fastställd"
          ? {
              sv: "Dokumentet är fastställt men har kvar blocket `remiss`, som hör till tiden på remiss. Ta bort `remiss`; remissvaren finns kvar i git-historiken. (`samdok decide` tar bort blocket när en remissversion fastställs.)",
              en: "The document is adopted but still has the `remiss` block, which belongs to the time on consultation. Remove `remiss`; the answers stay in the git history. (`samdok decide` removes the block when a consultation version is adopted.)",
            }
          : {
              sv: `Dokumentet har status ${status} men ett block \`remiss\`, som bara hör till status remiss. Skicka utkastet på remiss med \`samdok consult\`, eller ta bort \`remiss\`.`,
              en: `The document has status ${status} but a \`remiss\` block, which belongs to status remiss only. Send the draft out for consultation with \`samdok consult\`, or remove \`remiss\`.`,
            },
    });
  },
};
