import path from "node:path";
import type { SetRule } from "./types.js";
import type { Localized } from "../i18n/text.js";
import { MAX_ATTACHMENT_BYTES, MAX_PICTURE_BYTES, megabytes, resolveInside, type FileProblem } from "../core/safe-file.js";
import { isMarkdownPath, isSameFolderDocument, resolveLink } from "./lib/links.js";

export const rule: SetRule = {
  id: "SD134",
  name: "fillankar",
  scope: "set",
  category: "struktur",
  defaultSeverity: "error",
  readsFiles: true,
  description: {
    sv: "Relativa länkar och bilder pekar på vanliga filer som finns inom dokumentroten (mappen med samdok.config.json), även när symboliska länkar följs, och som inte är för stora (bilagor högst 50 MB, bilder högst 20 MB).",
    en: "Relative links and images point at ordinary files that exist inside the document root (the folder with samdok.config.json), also when symbolic links are followed, and that are not too large (attachments at most 50 MB, images 20 MB).",
  },
  docs: {
    sv: "Bilagor och bilder ligger i samlingen, till exempel `[blankett](bilagor/blankett.pdf)` eller `![Flödesschema](bilder/flode.png)`, och länkas med en relativ sökväg från dokumentets mapp. En länk som går utanför dokumentroten (`../../annat/fil.pdf`) eller börjar med `/` fungerar inte i utgåvorna, eftersom bara samlingen publiceras. Länka till webbsidor med hela adressen (`https://…`). En symbolisk länk (genväg) som leder ut ur dokumentroten, till exempel till `/etc/passwd`, och specialfiler (namngivna kanaler, enheter, filer under `/proc`) publiceras aldrig. En bilaga får vara högst 50 MB och en bild högst 20 MB. Ett filnamn som macOS har sparat med sönderdelade tecken (NFD) hittas även när länken skriver å, ä och ö som vanligt.",
    en: "Attachments and images live in the set, e.g. `[form](bilagor/blankett.pdf)` or `![Flow chart](bilder/flode.png)`, linked by a path relative to the document's folder. A link that leaves the document root (`../../other/file.pdf`) or starts with `/` does not work in editions, since only the set is published. Link to web pages by their full address (`https://…`). A symbolic link that leads out of the document root, for example to `/etc/passwd`, and special files (named pipes, devices, files under `/proc`) are never published. An attachment may be at most 50 MB and an image at most 20 MB. A file name macOS stored with decomposed characters (NFD) is found when the link writes å, ä and ö the usual way.",
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
        // The real path, symbolic links followed, as the editions read it (src/core/safe-file.ts).
        const image = link.kind === "image";
        const limit = image ? MAX_PICTURE_BYTES : MAX_ATTACHMENT_BYTES;
        const found = resolveInside(ctx.loaded.root, path.join(ctx.loaded.root, ...resolved.rootPath.split("/")), limit);
        // A folder is not a file anyone could publish, but it is there: as before, no finding.
        if (found.ok || found.problem === "directory") continue;
        ctx.report(doc, { range, message: fileProblemMessage(found.problem, what, resolved.written, resolved.rootPath, image, found.size ?? 0) });
      }
    }
  },
};

function fileProblemMessage(problem: Exclude<FileProblem, "directory">, what: Localized, written: string, rootPath: string, image: boolean, size: number): Localized {
  switch (problem) {
    case "outside":
      return {
        sv: `${what.sv} \`${written}\` leder via en symbolisk länk (genväg) till en fil utanför dokumentroten (mappen med samdok.config.json). Den publiceras inte, eftersom en sådan länk kan leda till vilken fil som helst på datorn. Ersätt genvägen med en kopia av själva filen, till exempel i \`${image ? "bilder" : "bilagor"}/\`.`,
        en: `${what.en} \`${written}\` leads through a symbolic link to a file outside the document root (the folder with samdok.config.json). It is not published, since such a link can lead to any file on the computer. Replace the link with a copy of the file itself, for example in \`${image ? "bilder" : "bilagor"}/\`.`,
      };
    case "special":
      return {
        sv: `${what.sv} \`${written}\` pekar inte på en vanlig fil utan på en specialfil (till exempel en namngiven kanal, en enhet eller en systemfil under /proc), och den kan inte publiceras. Länka till en vanlig fil i samlingen, till exempel en pdf i \`bilagor/\`.`,
        en: `${what.en} \`${written}\` does not point at an ordinary file but at a special file (for example a named pipe, a device or a system file under /proc), which cannot be published. Link to an ordinary file in the set, for example a pdf in \`bilagor/\`.`,
      };
    case "too-large": {
      const limit = (image ? MAX_PICTURE_BYTES : MAX_ATTACHMENT_BYTES) / (1024 * 1024);
      return {
        sv: `Filen \`${written}\` är ${megabytes(size, "sv")} MB, och samdok publicerar ${image ? "bilder" : "bilagor"} upp till ${limit} MB. Gör filen mindre (spara till exempel pdf:en eller bilden med lägre upplösning, eller dela upp den), eller lägg den på en webbplats och länka med hela adressen (\`https://…\`).`,
        en: `The file \`${written}\` is ${megabytes(size, "en")} MB, and samdok publishes ${image ? "images" : "attachments"} up to ${limit} MB. Make the file smaller (for example save the pdf or image at a lower resolution, or split it), or put it on a web site and link to it by its full address (\`https://…\`).`,
      };
    }
    case "missing":
      return {
        sv: `${what.sv} pekar på \`${written}\`, men filen finns inte (sökt som \`${rootPath}\` i dokumentroten). Kontrollera stavning och mapp; sökvägen räknas från detta dokuments mapp.`,
        en: `${what.en} points at \`${written}\`, but the file does not exist (looked for as \`${rootPath}\` in the document root). Check the spelling and folder; the path is relative to this document's folder.`,
      };
  }
}
