/**
 * What samdok says when a document's file cannot be read as text (SD001):
 * too large, not UTF-8, not a regular file, or refused by the system.
 * src/core/read.ts and src/core/read-regular.ts find out what is wrong; the
 * words are here.
 *
 * The reader is most often a coordinator whose editor saved the file in the
 * wrong encoding or whose shared folder holds something odd, so each message
 * names the likely cause and what to do about it.
 */
import type { SpecialKind } from "../core/read-regular.js";
import type { Template } from "./template.js";

export const READ_MESSAGES = {
  /** `{size}` MB (one decimal, a decimal comma in Swedish), over the limit of `{limit}` MB. */
  tooLarge: {
    sv: "Filen är {size} MB. Ett samverkansdokument är normalt några tiotal kB och samdok läser filer upp till {limit} MB. Kontrollera att det är rätt fil; lägg bilagor som egna filer.",
    en: "The file is {size} MB. A governance document is normally a few tens of kB and samdok reads files up to {limit} MB. Check that this is the right file; keep attachments as separate files.",
  },
  /** `{byte}` (two hex digits) on `{line}` is the first byte that is not UTF-8. */
  notUtf8: {
    sv: "Filen är inte sparad som UTF-8 (byte 0x{byte} på rad {line} går inte att läsa; troligen å, ä eller ö sparade som Windows-1252). Spara om filen med kodningen UTF-8, till exempel i Anteckningar: Arkiv → Spara som → Kodning: UTF-8.",
    en: "The file is not saved as UTF-8 (byte 0x{byte} on line {line} cannot be read; probably å, ä or ö saved as Windows-1252). Save the file again with the encoding UTF-8.",
  },
  /** A FIFO, socket or device where a document was expected; `{what}` is SPECIAL_KIND. */
  notRegular: {
    sv: "Filen är inte en vanlig fil utan {what} och läses inte: samdok öppnar bara vanliga filer, eftersom en sådan fil kan få körningen att vänta för alltid. Ta bort den eller ersätt den med en vanlig textfil.",
    en: "The file is not a regular file but {what} and is not read: samdok opens regular files only, since a file like this can make the run wait for ever. Remove it or replace it with a regular text file.",
  },
  /** Any other failure; `{why}` is READ_ERROR_REASON, or the system's own message. */
  cannotRead: {
    sv: "Filen kan inte läsas ({why}).",
    en: "The file cannot be read ({why}).",
  },
} as const satisfies Record<string, Template>;

/** What a file that is not a regular file is, for READ_MESSAGES.notRegular. */
export const SPECIAL_KIND = {
  fifo: { sv: 'en namngiven kanal (FIFO, "named pipe")', en: "a named pipe (FIFO)" },
  socket: { sv: "en socket", en: "a socket" },
  device: { sv: "en enhetsfil", en: "a device file" },
  other: { sv: "en specialfil", en: "a special file" },
} as const satisfies Record<SpecialKind, Template>;

/** A node:fs error code → why the file cannot be read, for READ_MESSAGES.cannotRead. */
export const READ_ERROR_REASON = {
  EACCES: { sv: "behörighet saknas", en: "permission denied" },
  EPERM: { sv: "behörighet saknas", en: "permission denied" },
  EISDIR: { sv: "det är en mapp", en: "it is a folder" },
  ENOENT: { sv: "filen finns inte längre", en: "the file no longer exists" },
} as const satisfies Record<string, Template>;
