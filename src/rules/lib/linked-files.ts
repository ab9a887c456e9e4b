/**
 * The files a set's documents link to or show as pictures (not documents,
 * which SD133 checks), each with where the link stands and what the file
 * system says of it. SD009 (the file is an ordinary file inside the root)
 * and SD134 (it is there and publishable) read the same list.
 */
import path from "node:path";
import type { Localized } from "../../i18n/text.js";
import type { DocumentResult, Range } from "../../core/types.js";
import {
  MAX_ATTACHMENT_BYTES,
  MAX_PICTURE_BYTES,
  megabytes,
  resolveInside,
  type FileProblem,
  type InsideResult,
} from "../../core/safe-file.js";
import type { SetContext } from "../types.js";
import { isMarkdown as isMarkdownPath } from "../../core/discover.js";
import { isSameFolderDocument, resolveLink, type ResolvedLink } from "../../core/links.js";

export interface LinkedFile {
  doc: DocumentResult;
  range: Range;
  image: boolean;
  /** "Länken" or "Bilden", to begin a message with. */
  what: Localized;
  resolved: ResolvedLink;
  /** What the file system says, for a relative path inside the root; undefined for an absolute or outside path. */
  found?: InsideResult;
}

export function* linkedFiles(ctx: SetContext): Generator<LinkedFile> {
  for (const doc of ctx.documents) {
    for (const link of doc.facts?.links ?? []) {
      // Most links of a set (`rutin-x.md#arbetsgång`) name a document in the same folder: never absolute,
      // never outside the root, and checked by SD133. These rules run on every validation, cached or not.
      if (link.kind !== "image" && isSameFolderDocument(link.url)) continue;
      const resolved = resolveLink(link.url, doc.rootPath);
      if (!resolved || resolved.written === "") continue;
      const image = link.kind === "image";
      const base = {
        doc,
        range: [link.line, link.column, link.endLine, link.endColumn] as Range,
        image,
        what: image ? { sv: "Bilden", en: "The image" } : { sv: "Länken", en: "The link" },
        resolved,
      };
      if (resolved.absolute || resolved.outside || !resolved.rootPath) {
        yield base;
        continue;
      }
      // Links to documents are checked (with their headings) by SD133.
      if (!image && isMarkdownPath(resolved.rootPath)) continue;
      // The real path, symbolic links followed, as the editions read it (src/core/safe-file.ts).
      const found = resolveInside(
        ctx.loaded.root,
        path.join(ctx.loaded.root, ...resolved.rootPath.split("/")),
        image ? MAX_PICTURE_BYTES : MAX_ATTACHMENT_BYTES,
      );
      yield { ...base, found };
    }
  }
}

/** What to tell the author about a linked file that cannot be published. */
export function fileProblemMessage(
  problem: Exclude<FileProblem, "directory">,
  what: Localized,
  written: string,
  rootPath: string,
  image: boolean,
  size: number,
): Localized {
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
