import type { SetRule } from "./types.js";
import { fileProblemMessage, linkedFiles } from "./lib/linked-files.js";

export const rule: SetRule = {
  id: "SD134",
  name: "fillankar",
  scope: "set",
  category: "struktur",
  defaultSeverity: "error",
  readsFiles: true,
  description: {
    sv: "Relativa länkar och bilder pekar på filer som finns inom dokumentroten (mappen med samdok.config.json) och som inte är för stora (bilagor högst 50 MB, bilder högst 20 MB).",
    en: "Relative links and images point at files that exist inside the document root (the folder with samdok.config.json) and that are not too large (attachments at most 50 MB, images 20 MB).",
  },
  docs: {
    sv: "Bilagor och bilder ligger i samlingen, till exempel `[blankett](bilagor/blankett.pdf)` eller `![Flödesschema](bilder/flode.png)`, och länkas med en relativ sökväg från dokumentets mapp. En länk som går utanför dokumentroten (`../../annat/fil.pdf`) eller börjar med `/` fungerar inte i utgåvorna, eftersom bara samlingen publiceras. Länka till webbsidor med hela adressen (`https://…`). En symbolisk länk (genväg) som leder ut ur dokumentroten och specialfiler är SD009:s (som inte kan stängas av). En bilaga får vara högst 50 MB och en bild högst 20 MB. Ett filnamn som macOS har sparat med sönderdelade tecken (NFD) hittas även när länken skriver å, ä och ö som vanligt.",
    en: "Attachments and images live in the set, e.g. `[form](bilagor/blankett.pdf)` or `![Flow chart](bilder/flode.png)`, linked by a path relative to the document's folder. A link that leaves the document root (`../../other/file.pdf`) or starts with `/` does not work in editions, since only the set is published. Link to web pages by their full address (`https://…`). A symbolic link that leads out of the document root and special files are SD009's (which cannot be switched off). An attachment may be at most 50 MB and an image at most 20 MB. A file name macOS stored with decomposed characters (NFD) is found when the link writes å, ä and ö the usual way.",
  },
  check(ctx) {
    for (const { doc, range, image, what, resolved, found } of linkedFiles(ctx)) {
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
      // A folder is not a file anyone could publish, but it is there: no finding. A symbolic link out of
      // the root and a special file are SD009's, which cannot be switched off.
      if (!found || found.ok || found.problem === "directory" || found.problem === "outside" || found.problem === "special") continue;
      ctx.report(doc, {
        range,
        message: fileProblemMessage(found.problem, what, resolved.written, resolved.rootPath ?? "", image, found.size ?? 0),
      });
    }
  },
};
