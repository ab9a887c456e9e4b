import type { ParseRule } from "./types.js";

export const rule: ParseRule = {
  id: "SD001",
  name: "fil-las",
  scope: "parse",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  description: {
    sv: "Filen går att läsa: den finns, är sparad som UTF-8 och är inte orimligt stor.",
    en: "The file can be read: it exists, is saved as UTF-8 and is not unreasonably large.",
  },
  docs: {
    sv: "En fil som inte kan läsas kan inte kontrolleras. Vanligaste orsaken är att filen sparats i Windows-1252 i stället för UTF-8, så att å, ä och ö blir oläsliga. Spara om filen som UTF-8. Regeln gäller också en fil som inte är en vanlig fil (en namngiven kanal, FIFO, eller en enhet: den öppnas aldrig), en fil över 2 MB och en text som skulle ta minuter eller gigabyte att tolka: listor och citat nästlade i mer än 32 nivåer, formatering nästlad i mer än 32 nivåer, mer än 1 000 tecken för betoning och länkar (`*`, `_`, `~`, `[`, `]`) i ett stycke, eller så många rader, listpunkter, tabellceller och formateringstecken att tolkningen skulle kräva mer än 200 MB minne (ungefär 45 000 korta rader, 9 000 listpunkter eller 17 000 tabellceller). Ett sådant dokument kontrolleras inte alls, men körningen fortsätter med de andra.",
    en: "A file that cannot be read cannot be checked. The usual cause is a file saved as Windows-1252 instead of UTF-8. Save it again as UTF-8. The rule also covers a file that is not a regular file (a named pipe, FIFO, or a device: it is never opened), a file over 2 MB, and a text that would take minutes or gigabytes to parse: lists and quotes nested more than 32 levels deep, formatting nested more than 32 levels deep, more than 1,000 emphasis and link characters (`*`, `_`, `~`, `[`, `]`) in one paragraph, or so many lines, list items, table cells and markup characters that parsing would take more than 200 MB of memory (about 45,000 short lines, 9,000 list items or 17,000 table cells). Such a document is not checked at all, but the run goes on with the others.",
  },
};
