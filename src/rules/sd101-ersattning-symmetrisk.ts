import type { SetRule } from "./types.js";
import { str, strings } from "./lib/data.js";
import { idOf, single } from "./lib/set.js";

export const rule: SetRule = {
  id: "SD101",
  name: "ersattning-symmetrisk",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Ersättning anges åt båda hållen: A har B i `ersatter` precis när B har `ersatts_av: A`.",
    en: "Replacement is stated both ways: A lists B in `ersatter` exactly when B has `ersatts_av: A`.",
  },
  docs: {
    sv: "När ett nytt dokument ersätter ett äldre ska båda dokumenten säga det, så att den som läser det gamla hittar det nya och tvärtom. Exempel: det nya dokumentet har `ersatter: [rutin-utskrivning-2019]` och det gamla har `ersatts_av: rutin-utskrivning`.",
    en: "When a new document replaces an older one, both must say so, so that a reader of either finds the other. Example: the new one has `ersatter: [rutin-utskrivning-2019]` and the old one `ersatts_av: rutin-utskrivning`.",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      const id = idOf(doc);
      if (id === undefined) continue;
      // A ersatter B: B must say ersatts_av: A.
      for (const entry of strings(doc.data, "ersatter")) {
        const old = single(ctx, entry.value);
        if (!old || old === doc) continue;
        const back = str(old.data, "ersatts_av");
        if (back === id) continue;
        if (back === undefined) {
          ctx.report(old, {
            path: "/id",
            message: {
              sv: `\`${id}\` ersätter detta dokument, men här saknas \`ersatts_av\`. Lägg till \`ersatts_av: ${id}\` i YAML-huvudet.`,
              en: `\`${id}\` replaces this document, but \`ersatts_av\` is missing here. Add \`ersatts_av: ${id}\` to the front matter.`,
            },
          });
        } else {
          ctx.report(old, {
            path: "/ersatts_av",
            message: {
              sv: `Här står \`ersatts_av: ${back}\`, men det är \`${id}\` som anger att det ersätter detta dokument. Skriv \`ersatts_av: ${id}\`, eller ta bort \`${entry.value}\` ur \`ersatter\` i ${doc.file}.`,
              en: `This says \`ersatts_av: ${back}\`, but it is \`${id}\` that says it replaces this document. Write \`ersatts_av: ${id}\`, or remove \`${entry.value}\` from \`ersatter\` in ${doc.file}.`,
            },
          });
        }
      }
      // B ersatts_av A: A must list B in ersatter.
      const by = str(doc.data, "ersatts_av");
      const successor = single(ctx, by);
      if (!successor || successor === doc || by === undefined) continue;
      const listed = strings(successor.data, "ersatter");
      if (listed.some((e) => e.value === id)) continue;
      const hasList = Array.isArray(successor.data?.ersatter);
      ctx.report(successor, {
        path: hasList ? "/ersatter" : "/id",
        message: {
          sv: `${doc.file} anger \`ersatts_av: ${by}\`, men \`${id}\` saknas i \`ersatter\` här. ${hasList ? `Lägg till \`${id}\` i listan \`ersatter\`` : `Lägg till \`ersatter: [${id}]\` i YAML-huvudet`}, eller ta bort \`ersatts_av\` i ${doc.file}.`,
          en: `${doc.file} says \`ersatts_av: ${by}\`, but \`${id}\` is missing from \`ersatter\` here. ${hasList ? `Add \`${id}\` to the \`ersatter\` list` : `Add \`ersatter: [${id}]\` to the front matter`}, or remove \`ersatts_av\` from ${doc.file}.`,
        },
      });
    }
  },
};
