/**
 * The table of changed front-matter fields at the top of a changed document
 * (issue 16): the fields that read differently, in the schema's order, with
 * the editions' Swedish labels and the values as readers see them.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SamDoc } from "../../src/core/document.js";
import type { SamdokConfig } from "../../src/core/config.js";
import { fieldChanges } from "../../src/redline/summary.js";
import { FIXTURES } from "../helpers/cli.js";

const config = JSON.parse(readFileSync(path.join(FIXTURES, "utgava-historik", "samdok.config.json"), "utf8")) as SamdokConfig;

const v1: SamDoc = {
  id: "rutin-hemgang",
  titel: "Rutin för trygg hemgång",
  dokumenttyp: "rutin",
  status: "fastställd",
  version: "1.0",
  spar: "trygg-hemgang",
  parter: ["region-04", "0480"],
  dokumentansvarig: "narvardskoordinator",
  faststalld_av: "lansstyrgruppen",
  faststalld_datum: "2024-02-29",
  giltig_fran: "2024-03-01",
  giltig_till: "tills vidare",
  andringshistorik: [{ version: "1.0", datum: "2024-02-29", beskrivning: "Första versionen." }],
};

describe("fieldChanges", () => {
  it("lists nothing for the same front matter", () => {
    expect(fieldChanges(v1, structuredClone(v1), "sv", config)).toEqual([]);
  });

  it("gives the changed fields in schema order, with the editions' labels and readers' values", () => {
    const v2: SamDoc = {
      ...v1,
      titel: "Rutin för trygg och effektiv hemgång",
      version: "2.0",
      parter: ["0484", "region-04", "0480"],
      dokumentansvarig: ["narvardskoordinator", "mas"],
      giltig_fran: "2027-02-01",
      nyckelord: ["hemgång", "slutenvård"],
      andringshistorik: [...(v1.andringshistorik ?? []), { version: "2.0", datum: "2026-11-20", beskrivning: "Ny arbetsgång." }],
    };
    delete v2.giltig_till;
    expect(fieldChanges(v1, v2, "sv", config)).toEqual([
      { key: "titel", label: "Titel", before: "Rutin för trygg hemgång", after: "Rutin för trygg och effektiv hemgång" },
      { key: "version", label: "Version", before: "1.0", after: "2.0" },
      {
        key: "parter",
        label: "Parter",
        before: "Region Sörmland och Nyköpings kommun",
        after: "Region Sörmland, Nyköpings kommun och Eskilstuna kommun",
      },
      {
        key: "dokumentansvarig",
        label: "Dokumentansvarig",
        before: "Närvårdskoordinator",
        after: "Närvårdskoordinator och Medicinskt ansvarig sjuksköterska",
      },
      { key: "giltig_fran", label: "Giltig från", before: "1 mars 2024", after: "1 februari 2027" },
      { key: "giltig_till", label: "Giltig till", before: "tills vidare", after: "—" },
      { key: "nyckelord", label: "Nyckelord", before: "—", after: "hemgång, slutenvård" },
    ]);
  });

  it("leaves the change history to its own table, unless asked for it (whether a document changed)", () => {
    const v2: SamDoc = {
      ...v1,
      andringshistorik: [...(v1.andringshistorik ?? []), { version: "2.0", datum: "2026-11-20", beskrivning: "Ny arbetsgång." }],
    };
    expect(fieldChanges(v1, v2, "sv", config)).toEqual([]);
    expect(fieldChanges(v1, v2, "sv", config, { history: true }).map((c) => c.key)).toEqual(["andringshistorik"]);
  });

  it("does not count a list that only changed order as a change", () => {
    expect(fieldChanges(v1, { ...v1, parter: ["0480", "region-04"] }, "sv", config)).toEqual([]);
  });

  it("names the status and the decision body as readers see them, and a field that went away as —", () => {
    const repealed: SamDoc = { ...v1, status: "upphävd", upphavd_datum: "2026-06-30", faststalld_av: "nsv" };
    const changes = fieldChanges(v1, repealed, "sv", config);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["Status", "Fastställd", "Upphävd"],
      ["Fastställd av", "Länsstyrgruppen", "Nämnden för samverkan inom socialtjänst och vård"],
      ["Upphävd datum", "—", "30 juni 2026"],
    ]);
  });

  it("gives every field of a new document, each before —", () => {
    const changes = fieldChanges(undefined, v1, "sv", config);
    expect(changes.map((c) => c.key)).toEqual([
      "id",
      "titel",
      "dokumenttyp",
      "status",
      "version",
      "spar",
      "parter",
      "dokumentansvarig",
      "faststalld_av",
      "faststalld_datum",
      "giltig_fran",
      "giltig_till",
    ]);
    expect(changes.every((c) => c.before === "—")).toBe(true);
    expect(changes.find((c) => c.key === "spar")?.after).toBe("Trygg hemgång och effektiv samverkan");
    expect(changes.find((c) => c.key === "dokumenttyp")?.after).toBe("Rutin");
  });

  it("shows the codes as written without the set's configuration", () => {
    expect(fieldChanges(v1, { ...v1, spar: "hs-rutiner" }, "sv")).toEqual([
      { key: "spar", label: "Spår", before: "trygg-hemgang", after: "hs-rutiner" },
    ]);
  });

  it("writes a consultation with its period, version and answers", () => {
    const remiss: SamDoc = {
      ...v1,
      status: "remiss",
      remiss: {
        fran: "2026-11-01",
        till: "2027-01-31",
        version: "2.0",
        svar: [{ part: "0480", datum: "2026-12-01", standpunkt: "tillstyrker" }],
      },
    };
    const row = fieldChanges(v1, remiss, "sv", config).find((c) => c.key === "remiss");
    expect(row).toEqual({
      key: "remiss",
      label: "Remiss",
      before: "—",
      after: "1 november 2026–31 januari 2027; remissversion 2.0; remissvar: Nyköpings kommun tillstyrker 1 december 2026",
    });
  });
});
