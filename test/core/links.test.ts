/**
 * The one reading of a link's address (src/core/links.ts) that validation,
 * the HTML and Word editions and `validate --changed-since` share, with the
 * readings they deliberately differ in (`/x.md`, a trailing `/`).
 */
import { describe, expect, it } from "vitest";
import {
  decodeLinkText,
  externalAddress,
  headingSlugFor,
  isExternal,
  resolveLink,
  resolveLocal,
  resolvePath,
  schemeOf,
  splitLink,
} from "../../src/core/links.js";

describe("external addresses", () => {
  it("are those with a scheme or protocol-relative", () => {
    for (const url of [
      "https://example.se/a.md",
      "HTTP://x.se",
      "mailto:narvard@example.se",
      "tel:+4619",
      "javascript:alert(1)",
      "//example.se/a.md",
      "c:b.md",
    ]) {
      expect(isExternal(url), url).toBe(true);
      expect(resolveLink(url, "a.md"), url).toBeUndefined();
    }
    for (const url of ["b.md", "/b.md", "#syfte", "", "bilagor/x.pdf", "1:a.md", "%68ttps://x"]) expect(isExternal(url), url).toBe(false);
  });
  it("get https in an edition when protocol-relative, and their scheme in lower case", () => {
    expect(externalAddress("//example.se/a")).toBe("https://example.se/a");
    expect(externalAddress("Mailto:a@b.se")).toBe("Mailto:a@b.se");
    expect(externalAddress("b.md")).toBeUndefined();
    expect(schemeOf("Mailto:a@b.se")).toBe("mailto");
    expect(schemeOf("https://x.se")).toBe("https");
    expect(schemeOf("b.md")).toBeUndefined();
  });
});

describe("splitting and decoding", () => {
  it("splits at the first # and drops the query from the path", () => {
    expect(splitLink("b.md")).toEqual({ path: "b.md" });
    expect(splitLink("b.md#syfte")).toEqual({ path: "b.md", fragment: "syfte" });
    expect(splitLink("b.md?x=1#a#b")).toEqual({ path: "b.md", fragment: "a#b" });
    expect(splitLink("#")).toEqual({ path: "", fragment: "" });
    expect(splitLink("?x=1")).toEqual({ path: "" });
  });
  it("percent-decodes, and keeps what is not valid percent-encoding", () => {
    expect(decodeLinkText("f%C3%B6rsta%20dokumentet.md")).toBe("första dokumentet.md");
    expect(decodeLinkText("100%.md")).toBe("100%.md");
    expect(decodeLinkText("%E0%A4%A")).toBe("%E0%A4%A");
  });
});

describe("resolveLink (validation's reading)", () => {
  it("resolves against the linking document's folder", () => {
    expect(resolveLink("b.md#syfte", "mapp/a.md")).toEqual({
      written: "b.md",
      rootPath: "mapp/b.md",
      outside: false,
      absolute: false,
      fragment: "syfte",
    });
    expect(resolveLink("b.md", "a.md")).toEqual({ written: "b.md", rootPath: "b.md", outside: false, absolute: false });
    expect(resolveLink("./bilagor/x.pdf", "a.md")?.rootPath).toBe("bilagor/x.pdf");
    expect(resolveLink("under/../c.md", "mapp/a.md")?.rootPath).toBe("mapp/c.md");
  });
  it("follows .. up to the root, and marks what leaves it", () => {
    expect(resolveLink("../b.md", "mapp/a.md")).toEqual({ written: "../b.md", rootPath: "b.md", outside: false, absolute: false });
    expect(resolveLink("../../b.md", "mapp/under/a.md")?.rootPath).toBe("b.md");
    expect(resolveLink("../x.pdf", "a.md")).toEqual({ written: "../x.pdf", rootPath: "../x.pdf", outside: true, absolute: false });
    expect(resolveLink("../../x.pdf", "mapp/a.md")?.outside).toBe(true);
    expect(resolveLink("..", "a.md")?.outside).toBe(true);
    expect(resolveLink("mapp/../../x.md", "a.md")?.outside).toBe(true);
    // Percent-encoded dots and slashes are decoded first: they leave the root too.
    expect(resolveLink("%2e%2e%2fx.md", "a.md")).toMatchObject({ written: "../x.md", rootPath: "../x.md", outside: true });
  });
  it("reads a fragment alone as the linking document, with the fragment decoded", () => {
    expect(resolveLink("#syfte", "mapp/a.md")).toEqual({
      written: "",
      rootPath: "mapp/a.md",
      outside: false,
      absolute: false,
      fragment: "syfte",
    });
    expect(resolveLink("#uppf%C3%B6ljning", "a.md")?.fragment).toBe("uppföljning");
    expect(resolveLink("b.md#", "a.md")?.fragment).toBe("");
    expect(resolveLink("?utskrift=1", "a.md")).toEqual({ written: "", rootPath: "a.md", outside: false, absolute: false });
  });
  it("decodes percent-encoding in the path and the fragment", () => {
    const r = resolveLink("f%C3%B6rsta%20dokumentet.md#uppf%C3%B6ljning", "a.md");
    expect(r).toEqual({
      written: "första dokumentet.md",
      rootPath: "första dokumentet.md",
      outside: false,
      absolute: false,
      fragment: "uppföljning",
    });
    expect(resolveLink("100%.md#50%", "a.md")).toMatchObject({ rootPath: "100%.md", fragment: "50%" });
  });
  it("keeps the normal form the link has: NFC stays NFC and percent-encoded NFD stays NFD", () => {
    // The text is NFC already (core/read.ts); a file name on disk in NFD is matched by core/safe-file.ts.
    const nfc = "v\u00e5rdplan.md";
    const nfd = "va\u030ardplan.md";
    expect(resolveLink(nfc, "a.md")?.rootPath).toBe(nfc);
    expect(resolveLink("v%C3%A5rdplan.md", "a.md")?.rootPath).toBe(nfc);
    expect(resolveLink("va%CC%8Ardplan.md", "a.md")?.rootPath).toBe(nfd);
    expect(resolveLink("b.md#f%C3%B6rst", "a.md")?.fragment).toBe("f\u00f6rst");
    expect(resolveLink("b.md#fo%CC%88rst", "a.md")?.fragment).toBe("fo\u0308rst");
  });
  it("leaves a path from the root unresolved and drops a trailing slash", () => {
    expect(resolveLink("/x.pdf", "mapp/a.md")).toEqual({ written: "/x.pdf", outside: false, absolute: true });
    expect(resolveLink("%2Fx.pdf", "a.md")?.absolute).toBe(true);
    expect(resolveLink("bilagor/", "a.md")?.rootPath).toBe("bilagor");
    expect(resolveLink("../", "a.md")).toMatchObject({ rootPath: "..", outside: true });
  });
  it("resolves links to missing targets like any other: whether they exist is the caller's question", () => {
    expect(resolveLink("finns-inte.md#inte-heller", "mapp/a.md")).toEqual({
      written: "finns-inte.md",
      rootPath: "mapp/finns-inte.md",
      outside: false,
      absolute: false,
      fragment: "inte-heller",
    });
  });
});

describe("the readings of the editions and --changed-since", () => {
  it("the HTML edition takes /x.md from the set's folder", () => {
    const r = resolveLocal("/rutiner/b.md#syfte", "mapp/a.md", { absolute: "from-root", trailingSlash: "keep" });
    expect(r).toEqual({ written: "/rutiner/b.md", rootPath: "rutiner/b.md", outside: false, absolute: true, fragment: "syfte" });
    expect(resolveLocal("/../x.md", "a.md", { absolute: "from-root" })).toMatchObject({ rootPath: "../x.md", outside: true });
    expect(resolveLocal("/", "a.md", { absolute: "from-root" }).rootPath).toBe(".");
  });
  it("the Word edition and --changed-since join /x.md to the document's folder", () => {
    expect(resolveLocal("/b.md", "mapp/a.md", { absolute: "from-folder" })).toMatchObject({
      rootPath: "mapp/b.md",
      outside: false,
      absolute: true,
    });
    expect(resolvePath("/b.md", "mapp", { absolute: "from-folder" })).toEqual({ rootPath: "mapp/b.md", outside: false });
  });
  it("keeping a trailing slash keeps rutin.md/ from naming the document rutin.md", () => {
    expect(resolveLocal("rutin.md/", "a.md", { absolute: "from-root", trailingSlash: "keep" }).rootPath).toBe("rutin.md/");
    expect(resolveLocal("rutin.md/", "a.md").rootPath).toBe("rutin.md");
  });
  it("resolvePath works from a folder, '.' being the root", () => {
    expect(resolvePath("b.md", ".")).toEqual({ rootPath: "b.md", outside: false });
    expect(resolvePath("../b.md", "rutiner")).toEqual({ rootPath: "b.md", outside: false });
    expect(resolvePath("../../b.md", "rutiner")).toEqual({ rootPath: "../b.md", outside: true });
    expect(resolvePath("/b.md", "rutiner")).toEqual({ outside: false });
  });
});

describe("headingSlugFor", () => {
  const slugs = ["syfte", "uppföljning", "prioriterade-aktiviteter"];
  it("finds the slug a fragment names, in lower case, in a list or a set", () => {
    expect(headingSlugFor(slugs, "syfte")).toBe("syfte");
    expect(headingSlugFor(slugs, "Syfte")).toBe("syfte");
    expect(headingSlugFor(new Set(slugs), "UPPFÖLJNING")).toBe("uppföljning");
  });
  it("is undefined for an empty fragment and for one that names no heading", () => {
    expect(headingSlugFor(slugs, "")).toBeUndefined();
    expect(headingSlugFor(slugs, "bakgrund")).toBeUndefined();
    expect(headingSlugFor(new Set<string>(), "syfte")).toBeUndefined();
    // A decomposed ö (percent-encoded NFD) is not the heading's NFC slug.
    expect(headingSlugFor(slugs, "uppfo\u0308ljning")).toBeUndefined();
  });
});
