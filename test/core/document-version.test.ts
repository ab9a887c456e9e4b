import { describe, expect, it } from "vitest";
import {
  bumpVersion,
  compareDocumentVersions,
  compareParsedVersions,
  compareVersionsLoosely,
  isDocumentVersion,
  nextVersion,
  parseDocumentVersion,
} from "../../src/core/document-version.js";

/** Never a version, in any form. */
const NOT_VERSIONS: unknown[] = [
  "1",
  "1.0.1",
  "v1.0",
  " 1.0",
  "1.0 ",
  "1.0\n",
  "1.",
  ".1",
  "1,0",
  "+1.0",
  "-1.0",
  "1e1.0",
  "١.٠",
  "",
  1,
  1.5,
  null,
  undefined,
  ["1.0"],
];

describe("parseDocumentVersion", () => {
  it.each([
    ["0.1", [0, 1]],
    ["1.0", [1, 0]],
    ["2.10", [2, 10]],
    ["10.0", [10, 0]],
  ] as const)("reads %s in the schema's form", (text, parsed) => {
    expect(parseDocumentVersion(text)).toEqual(parsed);
    expect(parseDocumentVersion(text, { leadingZeros: true })).toEqual(parsed);
    expect(isDocumentVersion(text)).toBe(true);
  });

  it.each(["01.2", "1.00", "00.1"])("refuses leading zeros in %s unless asked", (text) => {
    expect(parseDocumentVersion(text)).toBeUndefined();
    expect(isDocumentVersion(text)).toBe(false);
  });

  it("reads leading zeros as numbers with leadingZeros", () => {
    expect(parseDocumentVersion("01.2", { leadingZeros: true })).toEqual([1, 2]);
    expect(parseDocumentVersion("1.00", { leadingZeros: true })).toEqual([1, 0]);
    expect(parseDocumentVersion("00.1", { leadingZeros: true })).toEqual([0, 1]);
  });

  it.each(NOT_VERSIONS.map((value) => [value]))("refuses %j in both forms", (value) => {
    expect(parseDocumentVersion(value)).toBeUndefined();
    expect(parseDocumentVersion(value, { leadingZeros: true })).toBeUndefined();
    expect(isDocumentVersion(value)).toBe(false);
  });
});

describe("comparing versions", () => {
  it.each([
    ["1.10", "1.9", 1],
    ["2.0", "1.99", 1],
    ["1.0", "1.0", 0],
    ["0.9", "1.0", -1],
    ["1.2", "1.10", -1],
  ] as const)("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareDocumentVersions(a, b) ?? NaN)).toBe(sign);
    const [pa, pb] = [parseDocumentVersion(a), parseDocumentVersion(b)];
    expect(Math.sign(compareParsedVersions(pa!, pb!))).toBe(sign);
    expect(Math.sign(compareVersionsLoosely(a, b))).toBe(sign);
  });

  it("is undefined when either side is not a version in the schema's form", () => {
    expect(compareDocumentVersions("1.0.1", "1.0")).toBeUndefined();
    expect(compareDocumentVersions("1.0", 1)).toBeUndefined();
    expect(compareDocumentVersions("01.0", "1.0")).toBeUndefined();
    expect(compareDocumentVersions(undefined, undefined)).toBeUndefined();
  });

  it("compares parsed lenient versions as numbers", () => {
    expect(compareParsedVersions(parseDocumentVersion("01.2", { leadingZeros: true })!, [1, 2])).toBe(0);
  });

  it("sorts loosely what the schema may have refused", () => {
    expect(compareVersionsLoosely("1", "1.0")).toBe(0);
    expect(compareVersionsLoosely("1.2.3", "1.2")).toBe(0);
    expect(compareVersionsLoosely("01.2", "1.2")).toBe(0);
    expect(compareVersionsLoosely("", "0.0")).toBe(0);
    // A part that is not a number: NaN is falsy, so a bad major leaves the minors to decide, and a bad minor gives NaN.
    expect(compareVersionsLoosely("x.1", "1.1")).toBe(0);
    expect(compareVersionsLoosely("x.1", "1.2")).toBeLessThan(0);
    expect(compareVersionsLoosely("1.x", "1.1")).toBeNaN();
  });
});

describe("raising a version", () => {
  it("suggests the next minor and major version", () => {
    expect(nextVersion([2, 1], false)).toBe("2.2");
    expect(nextVersion([2, 1], true)).toBe("3.0");
    expect(nextVersion([1, 9], false)).toBe("1.10");
    expect(nextVersion([0, 3], true)).toBe("1.0");
  });

  it("bumps a written version for samdok revise", () => {
    expect(bumpVersion("1.4", false)).toBe("1.5");
    expect(bumpVersion("1.4", true)).toBe("2.0");
    expect(bumpVersion("1.9", false)).toBe("1.10");
    expect(bumpVersion("0.3", true)).toBe("1.0");
  });

  it("keeps the major as written on a minor step, and reads leading zeros", () => {
    expect(bumpVersion("01.4", false)).toBe("01.5");
    expect(bumpVersion("01.04", false)).toBe("01.5");
    expect(bumpVersion("01.4", true)).toBe("2.0");
  });

  it.each(["1", "1.0.1", "v1.0", "", "1.0 "])("refuses %j", (text) => {
    expect(() => bumpVersion(text, false)).toThrow(RangeError);
    expect(() => bumpVersion(text, false)).toThrow(`not a version: ${text}`);
  });
});
