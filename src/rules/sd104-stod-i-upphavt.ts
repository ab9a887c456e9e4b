import type { SetRule } from "./types.js";
import { str } from "./lib/data.js";
import { DEPENDENCY_VIA as VIA, dependenciesOf, idOf } from "./lib/set.js";

export const rule: SetRule = {
  id: "SD104",
  name: "stod-i-upphavt",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Ett fastställt dokument stöder sig inte på ett upphävt dokument (via `overordnat`, `relaterade` eller länkar i texten).",
    en: "An adopted document does not lean on a repealed one (through `overordnat`, `relaterade` or links in its text).",
  },
  docs: {
    sv: "Den som följer en fastställd rutin ska inte skickas vidare till en text som inte längre gäller. Peka i stället på det dokument som ersatte det upphävda (dess `ersatts_av`). En länk till ett dokument som detta dokument självt ersätter (`ersatter`) är historik och godtas.",
    en: "A reader of an adopted routine must not be sent on to a text that no longer applies. Point at the document that replaced it (its `ersatts_av`) instead. A link to a document this one replaces (`ersatter`) is history and allowed.",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      if (str(doc.data, "status") !== "fastställd") continue;
      for (const dep of dependenciesOf(ctx, doc)) {
        if (str(dep.target.data, "status") !== "upphävd") continue;
        const targetId = idOf(dep.target) ?? dep.target.file;
        const successor = str(dep.target.data, "ersatts_av");
        const via = VIA[dep.via];
        ctx.report(doc, {
          ...dep.at,
          message: {
            sv: `${via.sv} pekar på \`${targetId}\`, som är upphävt. Ett fastställt dokument ska bara hänvisa till dokument som gäller. ${successor ? `Peka på \`${successor}\` i stället, som ersatte det.` : "Ta bort hänvisningen eller peka på det dokument som gäller i dag."}`,
            en: `${via.en} points at \`${targetId}\`, which is repealed. An adopted document must only refer to documents in force. ${successor ? `Point at \`${successor}\` instead, which replaced it.` : "Remove the reference or point at the document in force today."}`,
          },
        });
      }
    }
  },
};
