import type { DocumentRule } from "./types.js";
import { findIdNumbers } from "./lib/personnummer.js";
import { lineIndex } from "./lib/text.js";

export const rule: DocumentRule = {
  id: "SD140",
  name: "personnummer",
  scope: "document",
  category: "innehall",
  defaultSeverity: "error",
  description: {
    sv: "Texten och YAML-huvudet innehåller inga personnummer eller samordningsnummer.",
    en: "The text and front matter contain no personnummer or samordningsnummer (Swedish personal identity numbers).",
  },
  docs: {
    sv: "Styrdokument publiceras och ska inte innehålla uppgifter om enskilda personer (GDPR; personnummer får bara behandlas när det är klart motiverat). Ett nummer räknas som personnummer när det har formen ÅÅMMDD-NNNK eller ÅÅÅÅMMDDNNNK (med - eller + eller ett mellanslag mellan datum och de fyra sista siffrorna, eller utan), ett verkligt födelsedatum (samordningsnummer: dagen plus 60) och rätt kontrollsiffra. Organisationsnummer (månad 20 eller högre), telefonnummer (som 070-123 45 67 och 08-123 456 78), diarienummer, datum och postnummer flaggas inte. Använd ett påhittat exempel utan giltig kontrollsiffra om ett exempel behövs, till exempel ÅÅMMDD-XXXX.",
    en: "Governance documents are published and must not hold data on individuals. A number counts as a personnummer when it has the form YYMMDD-NNNC or YYYYMMDDNNNC (with - or + or a space between the date and the last four digits, or without), a real date of birth (samordningsnummer: day plus 60) and the right Luhn check digit. Organisation numbers (month 20 or more), phone numbers (such as 070-123 45 67 and 08-123 456 78), registration numbers, dates and postal codes are not flagged.",
  },
  check(ctx) {
    const index = lineIndex(ctx.text);
    for (const m of findIdNumbers(ctx.text, ctx.today)) {
      const where = index.range(m.index, m.index + m.text.length);
      const inFrontMatter = where[0] <= ctx.closeLine;
      const kind =
        m.kind === "personnummer"
          ? { sv: "ett personnummer", en: "a personnummer (personal identity number)" }
          : { sv: "ett samordningsnummer", en: "a samordningsnummer (coordination number)" };
      ctx.report({
        range: where,
        message: {
          sv: `\`${m.text}\` ser ut att vara ${kind.sv} (giltigt datum och kontrollsiffra). Ett styrdokument som publiceras får inte innehålla uppgifter om enskilda personer. Ta bort numret${inFrontMatter ? " ur YAML-huvudet" : ""}; behövs ett exempel, skriv ÅÅMMDD-XXXX.`,
          en: `\`${m.text}\` looks like ${kind.en} (valid date and check digit). A published governance document must not hold data on individuals. Remove the number${inFrontMatter ? " from the front matter" : ""}; if an example is needed, write YYMMDD-XXXX.`,
        },
      });
    }
  },
};
