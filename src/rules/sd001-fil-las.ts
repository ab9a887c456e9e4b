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
    sv: "En fil som inte kan läsas kan inte kontrolleras. Vanligaste orsaken är att filen sparats i Windows-1252 i stället för UTF-8, så att å, ä och ö blir oläsliga. Spara om filen som UTF-8.",
    en: "A file that cannot be read cannot be checked. The usual cause is a file saved as Windows-1252 instead of UTF-8. Save it again as UTF-8.",
  },
};
