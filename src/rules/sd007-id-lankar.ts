import type { SetRule } from "./types.js";
import { closest } from "../core/suggest.js";

/** Front-matter fields that point at other documents by id. */
export const ID_LINK_FIELDS = ["ersatter", "ersatts_av", "overordnat", "relaterade"] as const;

export const rule: SetRule = {
  id: "SD007",
  name: "id-lankar",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Hänvisningar med id (ersatter, ersatts_av, overordnat, relaterade) pekar på dokument som finns i samlingen.",
    en: "References by id (ersatter, ersatts_av, overordnat, relaterade) point at documents in the set.",
  },
  check(ctx) {
    const ids = [...ctx.byId.keys()];
    for (const doc of ctx.documents) {
      const data = doc.data ?? {};
      for (const field of ID_LINK_FIELDS) {
        const value = data[field];
        const targets: [string, string][] = Array.isArray(value)
          ? // A list item that is not text (a map, a list) is SD005's to report; here it would read "[object Object]".
            value.flatMap((v, i): [string, string][] =>
              typeof v === "string" || typeof v === "number" ? [[String(v), `/${field}/${i}`]] : [],
            )
          : typeof value === "string"
            ? [[value, `/${field}`]]
            : [];
        for (const [target, path] of targets) {
          if (ctx.byId.has(target)) continue;
          const guess = closest(target, ids);
          ctx.report(doc, {
            path,
            message: {
              sv: `\`${field}\` pekar på \`${target}\`, men inget dokument i samlingen har det id:t.${guess ? ` Menade du \`${guess}\`?` : ""}`,
              en: `\`${field}\` points at \`${target}\`, but no document in the set has that id.${guess ? ` Did you mean \`${guess}\`?` : ""}`,
            },
          });
        }
      }
    }
  },
};
