import { describe, expect, it } from "vitest";
import { compareDocumentVersions as compareVersions } from "../../src/core/document-version.js";
import { isMarkdown as isMarkdownPath } from "../../src/core/discover.js";
import { isSameFolderDocument, resolveLink } from "../../src/core/links.js";
import { lineIndex } from "../../src/rules/lib/text.js";
import { headingKey } from "../../src/rules/sd130-obligatoriska-rubriker.js";

describe("compareVersions", () => {
  it.each([
    ["1.10", "1.9", 1],
    ["2.0", "1.99", 1],
    ["1.0", "1.0", 0],
    ["0.9", "1.0", -1],
  ] as const)("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b) ?? NaN)).toBe(sign);
  });
  it("is undefined for something that is not a version", () => {
    expect(compareVersions("1.0.1", "1.0")).toBeUndefined();
    expect(compareVersions(1, "1.0")).toBeUndefined();
  });
});

describe("resolveLink", () => {
  it("resolves against the document's folder", () => {
    expect(resolveLink("b.md#syfte", "mapp/a.md")).toEqual({
      written: "b.md",
      rootPath: "mapp/b.md",
      outside: false,
      absolute: false,
      fragment: "syfte",
    });
    expect(resolveLink("../b.md", "mapp/a.md")?.rootPath).toBe("b.md");
    expect(resolveLink("./bilagor/x.pdf", "a.md")?.rootPath).toBe("bilagor/x.pdf");
  });
  it("decodes percent-encoding in the path and the fragment", () => {
    const r = resolveLink("f%C3%B6rsta%20dokumentet.md#uppf%C3%B6ljning", "a.md");
    expect(r?.rootPath).toBe("första dokumentet.md");
    expect(r?.fragment).toBe("uppföljning");
  });
  it("knows links that leave the root, absolute paths, same-document anchors and external links", () => {
    expect(resolveLink("../x.pdf", "a.md")?.outside).toBe(true);
    expect(resolveLink("../../x.pdf", "mapp/a.md")?.outside).toBe(true);
    expect(resolveLink("/x.pdf", "a.md")?.absolute).toBe(true);
    expect(resolveLink("#syfte", "mapp/a.md")).toEqual({
      written: "",
      rootPath: "mapp/a.md",
      outside: false,
      absolute: false,
      fragment: "syfte",
    });
    expect(resolveLink("https://example.se/a.md", "a.md")).toBeUndefined();
    expect(resolveLink("mailto:narvard@example.se", "a.md")).toBeUndefined();
    expect(resolveLink("//example.se/a.md", "a.md")).toBeUndefined();
  });
  it("isSameFolderDocument, SD134's shortcut, accepts only links that resolve to a document inside the root", () => {
    const urls = [
      "b.md",
      "B.MD",
      "b.md#syfte",
      "b.md#a/b",
      "rutin-x-k12.md#arbetsg\u00e5ng",
      "första.md",
      "..md",
      "b.mdx",
      "b.md?x=1",
      "mapp/b.md",
      "../b.md",
      "./b.md",
      "/b.md",
      "%2e%2e%2fb.md",
      "c:b.md",
      "https://x.se/b.md",
      "#b.md",
      "b\\..\\..\\c.md",
      "b.pdf",
      "",
    ];
    const accepted = urls.filter(isSameFolderDocument);
    expect(accepted).toEqual(["b.md", "B.MD", "b.md#syfte", "b.md#a/b", "rutin-x-k12.md#arbetsg\u00e5ng", "första.md", "..md"]);
    for (const from of ["a.md", "mapp/a.md", "mapp/under/a.md"]) {
      for (const url of accepted) {
        const r = resolveLink(url, from);
        expect(r && !r.absolute && !r.outside && r.rootPath !== undefined && isMarkdownPath(r.rootPath), `${url} from ${from}`).toBe(true);
      }
    }
  });
});

describe("lineIndex", () => {
  it("turns offsets into 1-based lines and columns, across lines", () => {
    const index = lineIndex("ab\ncde\n\nf");
    expect(index.range(0, 2)).toEqual([1, 1, 1, 3]);
    expect(index.range(4, 6)).toEqual([2, 2, 2, 4]);
    expect(index.range(1, 8)).toEqual([1, 2, 4, 1]);
  });
});

describe("headingKey", () => {
  it("ignores case, a leading number, a trailing colon and extra space", () => {
    expect(headingKey("2. Syfte")).toBe("syfte");
    expect(headingKey("1.2 Arbetsgång:")).toBe("arbetsgång");
    expect(headingKey("  Prioriterade   aktiviteter ")).toBe("prioriterade aktiviteter");
    expect(headingKey("ÖVERSIKT")).toBe("översikt");
  });
});
