/**
 * SD140 and a personnummer written with a space for the hyphen ("19121212
 * 1212", issue 17): caught when the date and the check digit say it is one,
 * while Swedish phone numbers, dates and diarienummer stay silent.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findIdNumbers } from "../../src/rules/lib/personnummer.js";
import { FIXTURES, validateJson } from "../helpers/cli.js";

const TODAY = "2026-11-23";

/** Written with a space (or a no-break space), and a personnummer or samordningsnummer by date and check digit. */
const FLAGGED: [string, "personnummer" | "samordningsnummer", string][] = [
  ["19121212 1212", "personnummer", "Skatteverket's test number, twelve digits and a space"],
  ["121212 1212", "personnummer", "ten digits and a space: born 2012"],
  ["640823 3234", "personnummer", "Skatteverket's example with a space"],
  ["19640823 3234", "personnummer", "twelve digits and a space"],
  ["19640823\u00A03234", "personnummer", "a no-break space, as word processors put it"],
  ["640823\u202F3234", "personnummer", "a narrow no-break space"],
  ["701063 2391", "samordningsnummer", "a samordningsnummer with a space"],
  ["050505 1235", "personnummer", "born 2005: starts with 0 and has no phone word before it"],
];

/** Numbers a governance document is full of: none is flagged. */
const NOT_FLAGGED: [string, string][] = [
  ["19121212 1213", "wrong check digit"],
  ["640823 3235", "wrong check digit"],
  ["20261124 1239", "born tomorrow (Luhn passes)"],
  ["212000 0803", "organisationsnummer with a space: month 20"],
  ["556016 0680", "organisationsnummer of a company with a space: month 60"],
  ["070-123 45 67", "mobile phone"],
  ["070 123 45 67", "mobile phone without the hyphen"],
  ["0701 23 45 67", "mobile phone in groups of two"],
  ["08-123 456 78", "Stockholm landline"],
  ["08 123 456 78", "Stockholm landline without the hyphen"],
  ["+46 70 123 45 67", "international mobile"],
  ["+46 8 123 456 78", "international landline"],
  ["010-123 45 67", "a 010 number"],
  ["0771-23 45 67", "a 0771 number"],
  ["016-10 20 30", "Eskilstuna landline"],
  ["telefon 050505 1235", "a ten-digit run with a space after the word telefon"],
  ["Tel. 050505 1235", "after Tel."],
  ["RS 2024/00123", "diarienummer"],
  ["KS 2017/00064", "diarienummer"],
  ["2025-03-20", "ISO date"],
  ["20250320", "compact date"],
  ["611 38", "postal code"],
  ["1 234 567 kr", "an amount with spaces between thousands"],
  ["12 640823 3234", "after another group of digits: part of a longer number"],
  ["640823 3234 12", "before another group of digits: part of a longer number"],
  ["640823 3234 5678", "one of several groups"],
  ["19640823  3234", "two spaces"],
  ["19640823\n3234", "a line break between the parts"],
  ["ÅÅMMDD XXXX", "the written form, no digits"],
];

describe("findIdNumbers with a space for the hyphen", () => {
  it.each(FLAGGED)("finds %j (%s: %s)", (text, kind) => {
    expect(findIdNumbers(`Text ${text} text.`, TODAY)).toEqual([{ index: 5, text, kind }]);
  });

  it.each(NOT_FLAGGED)("does not flag %j (%s)", (text) => {
    expect(findIdNumbers(`Text ${text} text.`, TODAY)).toEqual([]);
  });

  it("finds the spaced number among phone numbers and dates in one paragraph", () => {
    const text = "Ring 070-123 45 67 eller 08-123 456 78 om 19121212 1212 (RS 2024/00123, 2025-03-20).";
    expect(findIdNumbers(text, TODAY).map((m) => m.text)).toEqual(["19121212 1212"]);
  });
});

describe("SD140 on a document with spaced numbers", () => {
  it("reports each at its line and column, with the message naming the number", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "rules-personnummer-mellanslag")]);
    const found = report.results.flatMap((r) =>
      r.diagnostics
        .filter((d) => d.ruleId === "SD140")
        .map((d) => ({ at: `${d.line}:${d.column}-${d.endColumn ?? 0}`, message: d.message })),
    );
    expect(found.map((f) => f.at)).toEqual(["19:11-24", "25:13-24", "28:22-35"]);
    expect(found[0]?.message).toContain("`19121212 1212` ser ut att vara ett personnummer");
    expect(found[1]?.message).toContain("samordningsnummer");
  });
});
