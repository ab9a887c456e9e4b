import type { SetRule } from "./types.js";
import { closest } from "../core/suggest.js";
import { isMarkdown as isMarkdownPath } from "../core/discover.js";
import { resolveLink } from "../core/links.js";

export const rule: SetRule = {
  id: "SD133",
  name: "dokumentlankar",
  scope: "set",
  category: "struktur",
  defaultSeverity: "error",
  description: {
    sv: "Länkar till andra dokument (`annat-dokument.md`) och till rubriker (`annat-dokument.md#uppföljning`, `#syfte`) leder till något som finns.",
    en: "Links to other documents (`other.md`) and to headings (`other.md#uppföljning`, `#syfte`) lead somewhere that exists.",
  },
  docs: {
    sv: "En länk till ett annat dokument skrivs som en relativ sökväg från dokumentets mapp, till exempel `[rutinen](rutin-utskrivning-slutenvard.md)`. En länk till ett avsnitt lägger till rubrikens ankare: rubriken med små bokstäver och bindestreck i stället för mellanslag, till exempel `#uppföljning` eller `#prioriterade-aktiviteter`.",
    en: "A link to another document is a relative path from the document's folder, e.g. `[the routine](rutin-utskrivning-slutenvard.md)`. A link to a section adds the heading's anchor: the heading in lower case with hyphens for spaces, e.g. `#uppföljning`.",
  },
  check(ctx) {
    const paths = [...ctx.byRootPath.keys()];
    for (const doc of ctx.documents) {
      for (const link of doc.facts?.links ?? []) {
        if (link.kind === "image") continue;
        const resolved = resolveLink(link.url, doc.rootPath);
        if (!resolved?.rootPath || resolved.outside || resolved.absolute) continue;
        const range: [number, number, number, number] = [link.line, link.column, link.endLine, link.endColumn];
        const sameDocument = resolved.written === "";
        if (!sameDocument && !isMarkdownPath(resolved.rootPath)) continue;
        const target = ctx.byRootPath.get(resolved.rootPath);
        if (!target) {
          const guess = closest(resolved.rootPath, paths);
          const dir = doc.rootPath.includes("/") ? doc.rootPath.slice(0, doc.rootPath.lastIndexOf("/") + 1) : "";
          const relative = guess && guess.startsWith(dir) ? guess.slice(dir.length) : guess;
          ctx.report(doc, {
            range,
            message: {
              sv: `Länken pekar på \`${resolved.written}\`, men det dokumentet finns inte i samlingen.${relative ? ` Menade du \`${relative}\`?` : ""} Skriv sökvägen relativt detta dokuments mapp, till exempel \`[rutinen](rutin-utskrivning-slutenvard.md)\`.`,
              en: `The link points at \`${resolved.written}\`, but there is no such document in the set.${relative ? ` Did you mean \`${relative}\`?` : ""} Write the path relative to this document's folder, for example \`[the routine](rutin-utskrivning-slutenvard.md)\`.`,
            },
          });
          continue;
        }
        if (resolved.fragment === undefined || resolved.fragment === "" || !target.facts) continue;
        const slugs = target.facts.headings.map((h) => h.slug);
        if (slugs.includes(resolved.fragment)) continue;
        const guess = closest(resolved.fragment, slugs);
        const where = sameDocument
          ? { sv: "i detta dokument", en: "in this document" }
          : { sv: `i \`${resolved.written}\``, en: `in \`${resolved.written}\`` };
        ctx.report(doc, {
          range,
          message: {
            sv: `Länken leder till \`#${resolved.fragment}\`, men det finns ingen sådan rubrik ${where.sv}.${guess ? ` Menade du \`#${guess}\`?` : ""} Ankaret är rubriken med små bokstäver och bindestreck i stället för mellanslag, till exempel \`#${slugs[0] ?? "syfte"}\`.`,
            en: `The link leads to \`#${resolved.fragment}\`, but there is no such heading ${where.en}.${guess ? ` Did you mean \`#${guess}\`?` : ""} The anchor is the heading in lower case with hyphens for spaces, for example \`#${slugs[0] ?? "syfte"}\`.`,
          },
        });
      }
    }
  },
};
