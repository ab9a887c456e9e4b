/**
 * Which version applies to a party (design §2): adoptions, editorial changes
 * that carry an adoption forward, and the version the parties are asked to follow.
 */
import { describe, expect, it } from "vitest";
import type { Andring, Antagande, SamDoc } from "../../src/core/document.js";
import { currentVersion, editorialSuccessor, needsAdoption, partyVersion, partyVersions } from "../../src/core/party-version.js";

const adopt = (part: string, version: string, datum: string, extra: Partial<Antagande> = {}): Antagande => ({
  part,
  organ: "Socialnämnden",
  datum,
  version,
  ...extra,
});
const change = (version: string, datum: string, redaktionell?: boolean): Andring => ({
  version,
  datum,
  beskrivning: `Version ${version}.`,
  ...(redaktionell === undefined ? {} : { redaktionell }),
});

function agreement(over: Partial<SamDoc> = {}): SamDoc {
  return {
    id: "overenskommelse-test",
    titel: "Överenskommelse",
    dokumenttyp: "överenskommelse",
    status: "fastställd",
    version: "2.1",
    spar: "trygg-hemgang",
    parter: ["region-04", "0480", "0484", "0461"],
    andringshistorik: [
      change("1.0", "2021-03-01"),
      change("1.1", "2023-04-01"),
      change("2.0", "2025-03-20"),
      change("2.1", "2026-09-15", true),
    ],
    antaganden: [],
    ...over,
  };
}

describe("partyVersion", () => {
  it("lets an editorial 2.1 cover an adoption of 2.0", () => {
    const doc = agreement({ antaganden: [adopt("region-04", "2.0", "2025-04-15", { diarienummer: "RS 2025/101" })] });
    const pv = partyVersion(doc, "region-04");
    expect(pv).toMatchObject({ applies: "2.1", coveredByEditorial: true, current: true });
    expect(pv.adopted?.diarienummer).toBe("RS 2025/101");
  });

  it("keeps a party that adopted 1.1 only on 1.1: 2.0 was no editorial change", () => {
    const doc = agreement({ antaganden: [adopt("0480", "1.1", "2023-05-16")] });
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "1.1", coveredByEditorial: false, current: false });
  });

  it("carries an old adoption forward over editorial changes that came right after it, and no further", () => {
    const doc = agreement({
      version: "2.0",
      andringshistorik: [
        change("1.0", "2021-03-01"),
        change("1.1", "2022-01-10", true),
        change("1.2", "2023-01-10", true),
        change("2.0", "2025-03-20"),
      ],
      antaganden: [adopt("0480", "1.0", "2021-04-01")],
    });
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "1.2", coveredByEditorial: true, current: false });
  });

  it("gives a party with no adoption no version", () => {
    expect(partyVersion(agreement(), "0461")).toEqual({ coveredByEditorial: false, current: false });
  });

  it("a version decided but adopted by nobody yet: every party stays on what it adopted", () => {
    const doc = agreement({
      version: "3.0",
      giltig_fran: "2027-01-01",
      andringshistorik: [change("2.0", "2024-05-01"), change("3.0", "2026-11-10")],
      antaganden: [adopt("region-04", "2.0", "2024-06-01")],
    });
    expect(partyVersions(doc).map((p) => `${p.party} ${p.version.applies ?? "-"} ${p.version.current}`)).toEqual([
      "region-04 2.0 false",
      "0480 - false",
      "0484 - false",
      "0461 - false",
    ]);
  });

  it("reads the newest version adopted, not the order of the lines, when several are adopted on the same day", () => {
    const doc = agreement({
      antaganden: [adopt("0484", "2.0", "2025-04-24", { paragraf: "§ 52" }), adopt("0484", "1.1", "2025-04-24", { paragraf: "§ 51" })],
    });
    const pv = partyVersion(doc, "0484");
    expect(pv.adopted?.paragraf).toBe("§ 52");
    expect(pv).toMatchObject({ applies: "2.1", current: true });
  });

  it("compares versions as numbers: 1.10 is newer than 1.9", () => {
    const doc = agreement({
      version: "1.10",
      andringshistorik: [change("1.9", "2024-01-01"), change("1.10", "2025-01-01")],
      antaganden: [adopt("0480", "1.10", "2025-02-01"), adopt("0480", "1.9", "2025-03-01")],
    });
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "1.10", current: true });
  });

  it("takes the later decision when a party adopted the same version twice, a leap day included", () => {
    const doc = agreement({
      version: "1.0",
      andringshistorik: [change("1.0", "2028-02-10")],
      antaganden: [adopt("0480", "1.0", "2028-03-01", { paragraf: "§ 2" }), adopt("0480", "1.0", "2028-02-29", { paragraf: "§ 1" })],
    });
    expect(partyVersion(doc, "0480").adopted).toMatchObject({ datum: "2028-03-01", paragraf: "§ 2" });
    const reversed = agreement({ ...doc, antaganden: [...(doc.antaganden ?? [])].reverse() });
    expect(partyVersion(reversed, "0480").adopted).toMatchObject({ datum: "2028-03-01", paragraf: "§ 2" });
  });

  it("does not count an editorial change whose version also has a non-editorial line", () => {
    const doc = agreement({
      andringshistorik: [change("2.0", "2025-03-20"), change("2.1", "2026-09-15", true), change("2.1", "2026-09-20", false)],
      antaganden: [adopt("0480", "2.0", "2025-04-01")],
    });
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "2.0", current: false });
  });

  it("does not count a current version that the history does not name", () => {
    const doc = agreement({ andringshistorik: [change("2.0", "2025-03-20")], antaganden: [adopt("0480", "2.0", "2025-04-01")] });
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "2.0", coveredByEditorial: false, current: false });
  });

  it("during a revision: the decided version still applies, and an adoption of the draft's own version is left out", () => {
    const doc = agreement({
      status: "remiss",
      version: "3.0",
      antaganden: [adopt("0480", "2.0", "2025-04-01"), adopt("0484", "3.0", "2026-11-01")],
    });
    expect(currentVersion(doc)).toBe("2.1");
    expect(partyVersion(doc, "0480")).toMatchObject({ applies: "2.1", current: true });
    expect(partyVersion(doc, "0484")).toEqual({ coveredByEditorial: false, current: false });
  });
});

describe("currentVersion", () => {
  it("is the document's version when fastställd, nothing when upphävd or a first draft", () => {
    expect(currentVersion(agreement())).toBe("2.1");
    expect(currentVersion(agreement({ status: "upphävd" }))).toBeUndefined();
    expect(
      currentVersion(agreement({ status: "utkast", version: "0.3", andringshistorik: [change("0.1", "2026-01-01")] })),
    ).toBeUndefined();
  });

  it("in a draft without history, is the newest version adopted before it", () => {
    const doc = agreement({ status: "utkast", version: "2.0", andringshistorik: [], antaganden: [adopt("0480", "1.1", "2023-01-01")] });
    expect(currentVersion(doc)).toBe("1.1");
  });
});

describe("editorialSuccessor", () => {
  it("stops at the limit it is given", () => {
    const doc = agreement({
      andringshistorik: [change("2.0", "2025-01-01"), change("2.1", "2025-02-01", true), change("2.2", "2025-03-01", true)],
    });
    expect(editorialSuccessor(doc, "2.0")).toBe("2.2");
    expect(editorialSuccessor(doc, "2.0", "2.1")).toBe("2.1");
  });
});

describe("needsAdoption", () => {
  it("is true for an överenskommelse and for any document with an antaganden list", () => {
    expect(needsAdoption({ dokumenttyp: "överenskommelse" })).toBe(true);
    expect(needsAdoption({ dokumenttyp: "rutin", antaganden: [] })).toBe(true);
    expect(needsAdoption({ dokumenttyp: "rutin" })).toBe(false);
  });
});
