import type { SetRule } from "./types.js";
import { date, str } from "./lib/data.js";
import { DEPENDENCY_VIA as VIA, dependenciesOf, idOf } from "./lib/set.js";
import { longDate } from "../core/dates.js";

export const rule: SetRule = {
  id: "SD105",
  name: "stod-i-forfallet",
  scope: "set",
  category: "samling",
  defaultSeverity: "warning",
  description: {
    sv: "Varnar när ett fastställt dokument stöder sig på ett dokument vars revision är försenad (`revideras_senast` har passerat).",
    en: "Warns when an adopted document leans on one whose revision is overdue (`revideras_senast` has passed).",
  },
  docs: {
    sv: "Ett dokument som skulle ha reviderats kan innehålla inaktuella uppgifter, och det påverkar de dokument som hänvisar till det. Varningen ges en gång per försenat dokument, vid den första hänvisningen (`overordnat`, sedan `relaterade`, sedan länkar i texten). Den försvinner när det andra dokumentet har reviderats och fått ett nytt `revideras_senast`.",
    en: "A document that should have been revised may be out of date, and that affects the documents that refer to it. The warning is given once per overdue document, at the first reference (`overordnat`, then `relaterade`, then links in the text). It goes away when the other document has been revised and has a new `revideras_senast`.",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      if (str(doc.data, "status") !== "fastställd") continue;
      // One warning per overdue document: the fix is its revision, not each reference.
      const warned = new Set<string>();
      for (const dep of dependenciesOf(ctx, doc)) {
        if (str(dep.target.data, "status") !== "fastställd" || warned.has(dep.target.rootPath)) continue;
        const due = date(dep.target.data, "revideras_senast");
        if (due === undefined || due >= ctx.today) continue;
        warned.add(dep.target.rootPath);
        const targetId = idOf(dep.target) ?? dep.target.file;
        const via = VIA[dep.via];
        ctx.report(doc, {
          ...dep.at,
          message: {
            sv: `${via.sv} pekar på \`${targetId}\`, som skulle ha reviderats senast ${longDate(due, "sv")}. Kontrollera att det som hänvisas till fortfarande stämmer, och se till att \`${targetId}\` revideras.`,
            en: `${via.en} points at \`${targetId}\`, which should have been revised by ${longDate(due, "en")}. Check that what is referred to still holds, and see that \`${targetId}\` is revised.`,
          },
        });
      }
    }
  },
};
