import { describe, expect, it } from "vitest";
import { canonical, describeDifference, difference, newHistoryEntries, normalizeBody } from "../../src/rules/lib/compare.js";
import { compareParsedVersions as compareVersions, parseDocumentVersion as parseVersion } from "../../src/core/document-version.js";
import { linkTarget } from "../../src/ci/changed/select.js";
import type { BaseDocument, HeadDocument } from "../../src/rules/lib/change-context.js";

const result = { file: "a.md", rootPath: "a.md", diagnostics: [] };
const base = (data: Record<string, unknown>, body = "## Syfte\n\nText.\n"): BaseDocument => ({
  repoPath: "a.md",
  display: "a.md",
  data,
  body,
});
const head = (data: Record<string, unknown>, body = "## Syfte\n\nText.\n"): HeadDocument => ({ result, data, body });

describe("comparing with the base version", () => {
  const fm = {
    id: "rutin-a",
    status: "fastställd",
    version: "2.1",
    parter: ["region-04", "0480"],
    revideras_senast: "2027-01-01",
    andringshistorik: [{ version: "2.1", datum: "2025-01-01", beskrivning: "x" }],
  };

  it("ignores key order, YAML formatting and trailing white space", () => {
    expect(canonical({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonical({ a: [1, { c: 3, d: 2 }], b: 1 }));
    expect(normalizeBody("a  \nb\t\n\n\n")).toBe("a\nb");
    expect(difference(base(fm), head({ ...fm }, "## Syfte   \n\nText.\n\n\n"))).toEqual({
      fields: [],
      body: false,
      reviewDate: false,
      substantive: false,
    });
  });

  it("tells content from bookkeeping: id, version, history and the review date are not content", () => {
    const d = difference(base(fm), head({ ...fm, id: "rutin-b", version: "2.2", andringshistorik: [], revideras_senast: "2028-01-01" }));
    expect(d).toEqual({ fields: [], body: false, reviewDate: true, substantive: false });
    const c = difference(base(fm), head({ ...fm, parter: ["region-04"], giltig_till: "2030-01-01" }, "## Syfte\n\nNy text.\n"));
    expect(c).toEqual({ fields: ["giltig_till", "parter"], body: true, reviewDate: false, substantive: true });
    expect(describeDifference(c!, "sv")).toBe("`giltig_till`, `parter` och texten");
    expect(describeDifference({ fields: [], body: true, reviewDate: false, substantive: true }, "en")).toBe("the text");
  });

  it("cannot compare what could not be parsed", () => {
    expect(difference({ repoPath: "a.md", display: "a.md" }, head(fm))).toBeUndefined();
  });

  it("compares versions as numbers and finds new history entries", () => {
    expect(parseVersion("2.10")).toEqual([2, 10]);
    expect(parseVersion("2")).toBeUndefined();
    expect(compareVersions([2, 10], [2, 9])).toBeGreaterThan(0);
    const entry = { version: "2.2", datum: "2026-11-23", beskrivning: "Ny" };
    expect(newHistoryEntries(base(fm), head({ ...fm, andringshistorik: [...fm.andringshistorik, entry] }))).toEqual([entry]);
  });

  it("resolves relative links to paths below the document root", () => {
    expect(linkTarget("rutin-b.md#arbetsgång", ".")).toBe("rutin-b.md");
    expect(linkTarget("../rutin-b.md", "rutiner")).toBe("rutin-b.md");
    expect(linkTarget("rutin%20b.md?x=1", "rutiner")).toBe("rutiner/rutin b.md");
    expect(linkTarget("https://example.se/a.md", ".")).toBeUndefined();
    expect(linkTarget("#syfte", ".")).toBeUndefined();
    expect(linkTarget("../../utanför.md", "rutiner")).toBeUndefined();
  });
});
