/**
 * A document's text can carry characters XML 1.0 forbids: U+FFFF or U+FFFE
 * (a YAML escape in a title, or the character itself in the body), C0
 * controls. Word and LibreOffice refuse a whole file over one of them, so
 * the Word edition leaves them out of every part (a fuzz finding, issue 13).
 */
import { afterAll, describe, expect, it } from "vitest";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { buildWord, fixture, removeTempDirs, xmlParts } from "./helpers.js";
import { xmlChars } from "../../src/render/docx/normalize.js";

afterAll(removeTempDirs);

const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("characters XML forbids", () => {
  it("never reach the Word edition, and every part parses as XML", async () => {
    const built = await buildWord([fixture("docx-xml-tecken")], { perDocument: true });
    for (const file of built.files.filter((f) => f.endsWith(".docx"))) {
      const parts = xmlParts(path.isAbsolute(file) ? file : path.join(built.outDir, file));
      expect(Object.keys(parts).length).toBeGreaterThan(3);
      for (const [name, xml] of Object.entries(parts)) {
        expect(FORBIDDEN.test(xml), `${file}!${name}`).toBe(false);
        const errors: string[] = [];
        new DOMParser({
          errorHandler: (level: string, message: string) => void (level !== "warning" && errors.push(message)),
        }).parseFromString(xml, "text/xml");
        expect(errors, `${file}!${name}`).toEqual([]);
      }
      const document = parts["word/document.xml"] ?? "";
      expect(document).toContain("Rutin för utskrivning från slutenvård");
      expect(document).toContain("Ett stycke med ett tecken som XML förbjuder:  här.");
    }
  });

  it("xmlChars leaves other text as it is", () => {
    const text = "Överenskommelse – “nära vård” 🙂 \t\n\r";
    expect(xmlChars(text)).toBe(text);
    expect(xmlChars("a\uffffb\ud800c\u0001d")).toBe("abcd");
  });
});
