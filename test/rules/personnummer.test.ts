import { describe, expect, it } from "vitest";
import { classifyIdNumber, findIdNumbers, luhnCheckDigit } from "../../src/rules/lib/personnummer.js";

const TODAY = "2026-11-23";

describe("luhnCheckDigit", () => {
  it("computes Skatteverket's worked example 640823-323 → 4", () => {
    expect(luhnCheckDigit("640823323")).toBe(4);
  });
  it("computes the samordningsnummer example 701063-239 → 1", () => {
    expect(luhnCheckDigit("701063239")).toBe(1);
  });
});

/** Numbers that must be found, with what they are. */
const FLAGGED: [string, "personnummer" | "samordningsnummer", string][] = [
  ["640823-3234", "personnummer", "Skatteverket's example, ten digits with a hyphen"],
  ["6408233234", "personnummer", "ten digits without a separator"],
  ["19640823-3234", "personnummer", "twelve digits with a hyphen"],
  ["196408233234", "personnummer", "twelve digits, the stored form"],
  ["121212+1212", "personnummer", "a plus: born 1912, over 100"],
  ["121212-1212", "personnummer", "a hyphen: born 2012"],
  ["000229-1235", "personnummer", "leap day 2000-02-29"],
  ["701063-2391", "samordningsnummer", "day 63 = 3 + 60"],
  ["19701063-2391", "samordningsnummer", "twelve-digit samordningsnummer"],
  ["20261123-1230", "personnummer", "born today"],
  ["0701234569", "personnummer", "ten digits that pass date and check digit, with no phone word before"],
];

/** Numbers that must not be found, and why. */
const NOT_FLAGGED: [string, string][] = [
  ["640823-3235", "wrong check digit"],
  ["640823-3233", "wrong check digit (one less)"],
  ["212000-0803", "organisationsnummer (Region Gotland): month 20, though Luhn passes"],
  ["556016-0680", "organisationsnummer of a company: month 60, Luhn passes"],
  ["802481-1658", "organisationsnummer of an association: month 24"],
  ["16556016-0680", "organisationsnummer with the 16 prefix"],
  ["641323-3234", "month 13"],
  ["640832-3234", "day 32"],
  ["010229-1234", "29 February in a year that is not a leap year (1901, 2001)"],
  ["640892-3234", "day 92 is beyond a samordningsnummer's 61–91"],
  ["20261124-1239", "born tomorrow (Luhn passes)"],
  ["121212-1213", "wrong check digit"],
  ["070-123 45 67", "mobile phone number with spaces"],
  ["070-1234567", "mobile phone number with one hyphen"],
  ["0701234567", "ten-digit phone number failing the check digit"],
  ["telefon 0701234569", "ten-digit phone number after the word telefon"],
  ["Tel. 0701234569", "after Tel."],
  ["mobil: 0701234569", "after mobil:"],
  ["ring 0701234569", "after ring"],
  ["+46 70 123 45 67", "international phone number"],
  ["08-123 456 78", "Stockholm landline"],
  ["016-10 20 30", "Eskilstuna landline"],
  ["2026-11-23", "ISO date"],
  ["20261123", "compact date"],
  ["23/11/2026", "date with slashes"],
  ["611 38", "postal code"],
  ["61138", "postal code without space"],
  ["RS 2024/00123", "diarienummer"],
  ["KS 2017/00064", "diarienummer"],
  ["KS/2018:59-032", "diarienummer"],
  ["SN 2015.0035", "diarienummer"],
  ["PPHV170075", "diarienummer with letters"],
  ["RJL 2015/1895", "diarienummer"],
  ["NSV 2024/45", "diarienummer"],
  ["SFS 2017:612", "SFS number"],
  ["0123-640823-3234", "part of a longer number"],
  ["640823-3234-1", "followed by more digits"],
  ["AB640823-3234", "inside a code with letters"],
  ["640823-32345", "too many digits"],
  ["1234567890", "a plain ten-digit run: month 56"],
  ["ÅÅMMDD-XXXX", "the written form, no digits"],
  ["19640823  3234", "two spaces are not a separator (one space is: test/rules/sd140-mellanslag.test.ts)"],
];

describe("findIdNumbers", () => {
  it.each(FLAGGED)("finds %s (%s: %s)", (text, kind) => {
    const found = findIdNumbers(`Text ${text} text.`, TODAY);
    expect(found).toEqual([{ index: 5, text, kind }]);
  });

  it.each(NOT_FLAGGED)("does not flag %s (%s)", (text) => {
    expect(findIdNumbers(`Text ${text} text.`, TODAY)).toEqual([]);
  });

  it("finds every number in a longer text, at its offset", () => {
    const text = "Första 640823-3234, sedan 212000-0803 och sist 701063-2391.";
    expect(findIdNumbers(text, TODAY).map((m) => [m.index, m.text])).toEqual([
      [7, "640823-3234"],
      [47, "701063-2391"],
    ]);
  });

  it("finds a number at the start and the end of the text and next to punctuation", () => {
    expect(findIdNumbers("640823-3234", TODAY)).toHaveLength(1);
    expect(findIdNumbers("(640823-3234)", TODAY)).toHaveLength(1);
    expect(findIdNumbers('"640823-3234".', TODAY)).toHaveLength(1);
    expect(findIdNumbers("|640823-3234|", TODAY)).toHaveLength(1);
  });
});

describe("classifyIdNumber", () => {
  it("uses the hundredth year for + and -", () => {
    // Born 1926: turns 100 in 2026, so on 2026-11-23 the ten-digit form takes "+".
    const digits = "261124";
    const check = String(luhnCheckDigit(`${digits}123`));
    expect(classifyIdNumber(digits, "+", `123${check}`, TODAY)).toBe("personnummer");
    expect(classifyIdNumber(digits, "-", `123${check}`, TODAY)).toBeUndefined();
  });

  it("depends on the day: a number is not yet valid the day before its birth date", () => {
    expect(classifyIdNumber("20261123", "-", "1230", "2026-11-23")).toBe("personnummer");
    expect(classifyIdNumber("20261123", "-", "1230", "2026-11-22")).toBeUndefined();
  });
});
