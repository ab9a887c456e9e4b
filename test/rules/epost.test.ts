import { describe, expect, it } from "vitest";
import { findEmails, isPersonalEmail } from "../../src/rules/lib/epost.js";

const PERSONAL = [
  "anna.svensson@regionsormland.se",
  "Anna.Svensson@nykoping.se",
  "anna.svensson2@eskilstuna.se",
  "per-olof.nilsson@region.se",
  "anna.k.berg@example.se",
  "åsa.öberg@örebro.se",
  "lisa.andersson-berg@kumla.se",
];

const NOT_PERSONAL: [string, string][] = [
  ["narvard@region.se", "a single word: a functional mailbox"],
  ["narvard@regionsormland.se", "configured as a role's mailbox"],
  ["info@example.se", "info"],
  ["registrator@eskilstuna.se", "registrator"],
  ["vard.omsorg@nykoping.se", "two functional words"],
  ["socialtjanst.kundtjanst@flen.se", "functional words"],
  ["social.forvaltningen@kommun.se", "förvaltning"],
  ["vard-och-omsorgsnamnden@kommun.se", "one word with hyphens"],
  ["kontakt.center@region.se", "kontakt"],
  ["no-reply@region.se", "no-reply"],
  ["a.svensson@region.se", "an initial, not a first name"],
  ["anna.s@region.se", "an initial, not a last name"],
  ["anna_svensson@region.se", "not the förnamn.efternamn form"],
  ["anna.svensson.berg.lund@region.se", "four parts"],
  ["team1.support@region.se", "digits in a name part and a function word"],
];

describe("isPersonalEmail", () => {
  it.each(PERSONAL)("flags %s", (address) => {
    expect(isPersonalEmail(address, ["narvard@regionsormland.se"])).toBe(true);
  });
  it.each(NOT_PERSONAL)("does not flag %s (%s)", (address) => {
    expect(isPersonalEmail(address, ["narvard@regionsormland.se"])).toBe(false);
  });
});

describe("findEmails", () => {
  it("finds addresses with their offsets, also in mailto: links and next to punctuation", () => {
    const text = "Skriv till anna.svensson@region.se, eller [Per](mailto:per.olsson@kommun.se).";
    expect(findEmails(text).map((m) => [m.index, m.text])).toEqual([
      [11, "anna.svensson@region.se"],
      [55, "per.olsson@kommun.se"],
    ]);
  });
  it("does not take a trailing full stop into the address", () => {
    expect(findEmails("Maila narvard@region.se.").map((m) => m.text)).toEqual(["narvard@region.se"]);
  });
});
