/** Page names, ids and lifecycle notices: pure functions, no build. */
import { describe, expect, it } from "vitest";
import type { EditionDocument } from "../../src/render/edition.js";
import type { SamDoc } from "../../src/core/document.js";
import { headingIds, idPart, pageNames, validId } from "../../src/render/html/anchors.js";
import { noticesFor } from "../../src/render/shared/edition-notices.js";
import { partiesSummary, lagrumText } from "../../src/render/shared/edition-labels.js";
import type { SamdokConfig } from "../../src/core/config.js";

function fake(root: string, id: string): EditionDocument {
  return { doc: { id }, loaded: { root } } as unknown as EditionDocument;
}

describe("ids", () => {
  it("are valid for html-validate: a letter first, then letters, digits, - and _", () => {
    expect(validId("arbetsgång")).toBe("arbetsgång");
    expect(validId("1-syfte")).toBe("h-1-syfte");
    expect(validId("a.b c")).toBe("a-b-c");
    expect(idPart("")).toBe("rubrik");
  });

  it("of headings keep the slug on a page, get the document's prefix in the consolidated edition, and never clash", () => {
    expect([...headingIds(["syfte", "1-mal", "innehall"], undefined, new Set(["innehall"]))]).toEqual([
      ["syfte", "syfte"],
      ["1-mal", "h-1-mal"],
      ["innehall", "innehall__3"],
    ]);
    expect([...headingIds(["syfte", "1-mal"], "rutin-x")]).toEqual([
      ["syfte", "rutin-x--syfte"],
      ["1-mal", "rutin-x--1-mal"],
    ]);
  });
});

describe("page names", () => {
  it("are the document id, except when two sets share it or the edition uses the name", () => {
    const a = fake("/d/sormland", "rutin-x");
    const b = fake("/d/orebro", "rutin-x");
    const c = fake("/d/sormland", "index");
    const d = fake("/d/sormland", "samlad-utgava");
    const e = fake("/d/orebro", "rutin-y");
    const names = pageNames([a, b, c, d, e]);
    expect([a, b, c, d, e].map((x) => names.get(x))).toEqual([
      "sormland--rutin-x",
      "orebro--rutin-x",
      "dokument-index",
      "dokument-samlad-utgava",
      "rutin-y",
    ]);
  });
});

const base: SamDoc = {
  id: "rutin-x",
  titel: "Rutin X",
  dokumenttyp: "rutin",
  status: "fastställd",
  version: "1.0",
  spar: "s",
  parter: ["region-04"],
};

describe("notices", () => {
  it("follow the status and the edition's date", () => {
    expect(noticesFor({ ...base, status: "utkast" }, "2026-11-23")).toEqual([{ kind: "utkast" }]);
    expect(noticesFor({ ...base, status: "remiss", remiss: { fran: "2026-11-01", till: "2026-11-30" } }, "2026-11-23")).toEqual([
      { kind: "remiss", fran: "2026-11-01", till: "2026-11-30", instanser: [], phase: "pågår" },
    ]);
    expect(noticesFor({ ...base, status: "remiss", remiss: { fran: "2026-11-01", till: "2026-11-20" } }, "2026-11-23")[0]).toMatchObject({
      phase: "avslutad",
    });
    expect(noticesFor({ ...base, status: "upphävd", upphavd_datum: "2025-12-31" }, "2026-11-23", "rutin-y")).toEqual([
      { kind: "upphävd", datum: "2025-12-31", successorId: "rutin-y" },
    ]);
    expect(noticesFor({ ...base, revideras_senast: "2026-11-22" }, "2026-11-23")).toEqual([
      { kind: "revision-passerad", datum: "2026-11-22", days: 1 },
    ]);
    expect(noticesFor({ ...base, revideras_senast: "2026-11-23" }, "2026-11-23")).toEqual([]);
    expect(noticesFor({ ...base, giltig_fran: "2027-01-01", giltig_till: "tills vidare" }, "2026-11-23")).toEqual([
      { kind: "ej-i-kraft", fran: "2027-01-01" },
    ]);
    expect(noticesFor({ ...base, giltig_till: "2026-06-30" }, "2026-11-23")).toEqual([{ kind: "giltighet-utgangen", till: "2026-06-30" }]);
  });
});

describe("labels", () => {
  const config = {
    region: { kod: "region-04", namn: "Region Sörmland", lanskod: "04" },
    parter: [
      { kod: "0480", namn: "Nyköpings kommun" },
      { kod: "0484", namn: "Eskilstuna kommun" },
      { kod: "0486", namn: "Strängnäs kommun" },
      { kod: "0488", namn: "Trosa kommun" },
    ],
  } as SamdokConfig;

  it("summarise the parties", () => {
    expect(partiesSummary(config, { parter: ["region-04", "0480"] })).toBe("Region Sörmland och Nyköpings kommun");
    expect(partiesSummary(config, { parter: ["region-04", "0480", "0484", "0486", "0488"] })).toBe("Alla parter (5)");
    expect(partiesSummary(config, { parter: ["region-04", "0480", "0484", "0486"] })).toBe("Region Sörmland och 3 kommuner");
    expect(partiesSummary(config, { parter: ["0480", "0484", "0486", "0488"] })).toBe("4 kommuner");
  });

  it("cite a law the Swedish way", () => {
    expect(lagrumText({ sfs: "2017:30", kapitel: "16", paragraf: "4", titel: "Hälso- och sjukvårdslag" })).toBe(
      "Hälso- och sjukvårdslag (2017:30), 16 kap. 4 §",
    );
    expect(lagrumText({ sfs: "2017:612", titel: "Lag om samverkan" })).toBe("Lag om samverkan (2017:612)");
  });
});
