import { existsSync } from "node:fs";
import path from "node:path";
import type { SetRule } from "./types.js";
import { isMarkdownPath, isSameFolderDocument, resolveLink } from "./lib/links.js";

export const rule: SetRule = {
  id: "SD134",
  name: "fillankar",
  scope: "set",
  category: "struktur",
  defaultSeverity: "error",
  readsFiles: true,
  description: {
    sv: "Relativa länkar och bilder pekar på filer som finns, inom dokumentroten (mappen med samdok.config.json).",
    en: "Relative links and images point at files that exist, inside the document root (the folder with samdok.config.json).",
  },
  docs: {
    sv: "Bilagor och bilder ligger i samlingen, till exempel `[blankett](bilagor/blankett.pdf)` eller `![Flödesschema](bilder/flode.png)`, och länkas med en relativ sökväg från dokumentets mapp. En länk som går utanför dokumentroten (`../../annat/fil.pdf`) eller börjar med `/` fungerar inte i utgåvorna, eftersom bara samlingen publiceras. Länka till webbsidor med hela adressen (`https://…`).",
    en: "Attachments and images live in the set, e.g. `[form](bilagor/blankett.pdf)` or `![Flow chart](bilder/flode.png)`, linked by a path relative to the document's folder. A link that leaves the document root (`../../other/file.pdf`) or starts with `/` does not work in editions, since only the set is published. Link to web pages by their full address (`https://…`).",
  },
  check(ctx) {
    for (const doc of ctx.documents) {
      for (const link of doc.facts?.links ?? []) {
        // Most links of a set (`rutin-x.md#arbetsgång`) name a document in the same folder: never absolute,
        // never outside the root, and checked by SD133. This rule runs on every validation, cached or not.
        if (link.kind !== "image" && isSameFolderDocument(link.url)) continue;
        const resolved = resolveLink(link.url, doc.rootPath);
        if (!resolved || resolved.written === "") continue;
        const range: [number, number, number, number] = [link.line, link.column, link.endLine, link.endColumn];
        const what = link.kind === "image" ? { sv: "Bilden", en: "The image" } : { sv: "Länken", en: "The link" };
        if (resolved.absolute) {
          ctx.report(doc, {
            range,
            message: {
              sv: `${what.sv} \`${resolved.written}\` börjar med \`/\` och fungerar därför inte när samlingen publiceras. Skriv sökvägen relativt detta dokuments mapp, till exempel \`bilagor/fil.pdf\`, eller hela adressen till en webbsida (\`https://…\`).`,
              en: `${what.en} \`${resolved.written}\` starts with \`/\` and so does not work when the set is published. Write the path relative to this document's folder, for example \`bilagor/fil.pdf\`, or the full address of a web page (\`https://…\`).`,
            },
          });
          continue;
        }
        if (resolved.outside) {
          ctx.report(doc, {
            range,
            message: {
              sv: `${what.sv} \`${resolved.written}\` pekar utanför dokumentroten (mappen med samdok.config.json) och kommer inte med när samlingen publiceras. Lägg filen i samlingen, till exempel i \`bilagor/\`, eller länka till den med hela webbadressen.`,
              en: `${what.en} \`${resolved.written}\` points outside the document root (the folder with samdok.config.json) and is not included when the set is published. Put the file in the set, for example in \`bilagor/\`, or link to it by its full web address.`,
            },
          });
          continue;
        }
        // Links to documents are checked (with their headings) by SD133.
        if (!resolved.rootPath || (link.kind !== "image" && isMarkdownPath(resolved.rootPath))) continue;
        if (existsSync(path.join(ctx.loaded.root, ...resolved.rootPath.split("/")))) continue;
        ctx.report(doc, {
          range,
          message: {
            sv: `${what.sv} pekar på \`${resolved.written}\`, men filen finns inte (sökt som \`${resolved.rootPath}\` i dokumentroten). Kontrollera stavning och mapp; sökvägen räknas från detta dokuments mapp.`,
            en: `${what.en} points at \`${resolved.written}\`, but the file does not exist (looked for as \`${resolved.rootPath}\` in the document root). Check the spelling and folder; the path is relative to this document's folder.`,
          },
        });
      }
    }
  },
};
