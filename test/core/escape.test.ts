/**
 * core/escape.ts, the one home of escaping: every function is read back by
 * a real reader of its format (xmldom, remark with GFM, ical.js, a CSS
 * string decoder written to the CSS Syntax spec) and gives back the text
 * `safeText` shows, or for the exact escapers the very value.
 */
import { describe, expect, it } from "vitest";
import { DOMParser } from "@xmldom/xmldom";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import type { Root } from "mdast";
import ICAL from "ical.js";
import {
  cssString,
  csvField,
  htmlText,
  icsText,
  markdownTableCell,
  markdownText,
  workflowCommandData,
  workflowCommandProperty,
  xmlAttribute,
  xmlText,
} from "../../src/core/escape.js";
import { safeText } from "../../src/core/safe-text.js";
import { markdown } from "../../src/due/list/format/markdown.js";
import type { DueItem } from "../../src/due/list/model.js";

/** Text that needs escaping somewhere, and controls that `safeText` shows first. */
const HOSTILE = [
  `a & b < c > d "e" 'f'`,
  "<script>alert(1)</script> &amp; &lt;b&gt;",
  "pipe | och \\| och \\\\| slut\\",
  "100 %, del: 1; a,b",
  "rad 1\nrad 2\r\nrad 3\rtab\tslut",
  "esc\u001b[2J bell\u0007 nul\u0000 del\u007f",
  "lone \ud800 surrogate, pair 😀, åäö",
  "=SUMMA(A1) </style><script>x</script>",
];

function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => errors.push(m),
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

function parseMarkdown(md: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(md);
}

function hasHtml(tree: Root): boolean {
  let found = false;
  visit(tree, "html", () => {
    found = true;
  });
  return found;
}

/** A CSS string token's value (CSS Syntax 4.3.5 and 4.3.7): what a browser matches a selector's quoted value against. */
function decodeCssString(token: string): string {
  expect(token.startsWith('"') && token.endsWith('"')).toBe(true);
  const body = token.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? "";
    // A raw newline (LF, CR, FF) or an unescaped quote ends the string early: a bad string.
    expect(/["\n\r\f]/.test(c)).toBe(false);
    if (c !== "\\") {
      out += c;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6}/.exec(body.slice(i + 1))?.[0];
    if (hex) {
      const code = parseInt(hex, 16);
      out += code === 0 ? "\uFFFD" : String.fromCodePoint(code);
      i += hex.length;
      if (/[ \t\n]/.test(body[i + 1] ?? "")) i++;
    } else {
      out += body[i + 1] ?? "";
      i++;
    }
  }
  return out;
}

describe("HTML and XML", () => {
  it("htmlText: text and quoted attribute values read back as the text safeText shows", () => {
    expect(htmlText(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
    for (const s of HOSTILE) {
      const p = parseXml(`<p title="${htmlText(s)}" alt='${htmlText(s)}'>${htmlText(s)}</p>`).documentElement;
      // An XML reader turns CR LF into LF, and a line break or tab in an attribute into a space (HTML keeps them): what matters here is that nothing ends the text or the quotes early.
      const shown = safeText(s, { multiline: true }).replace(/\r\n/g, "\n");
      expect(p.textContent).toBe(shown);
      expect(p.getAttribute("title")).toBe(shown.replace(/[\n\t]/g, " "));
      expect(p.getAttribute("alt")).toBe(shown.replace(/[\n\t]/g, " "));
      expect(p.attributes.length).toBe(2);
    }
  });

  it("xmlText and xmlAttribute: what XML cannot hold is dropped, attribute line breaks survive normalisation", () => {
    expect(xmlText(`'`)).toBe("&apos;");
    expect(xmlText("x\uFFFE\uFFFFy")).toBe("xy");
    expect(htmlText("x\uFFFEy")).toBe("x\uFFFEy");
    for (const s of HOSTILE) {
      const el = parseXml(`<m a="${xmlAttribute(s)}">${xmlText(s)}</m>`).documentElement;
      const shown = safeText(s, { multiline: true });
      expect(el.getAttribute("a")).toBe(shown);
      expect(el.textContent).toBe(shown.replace(/\r\n/g, "\n"));
    }
  });
});

describe("Markdown", () => {
  it("markdownText: one line, and no raw HTML reaches the reader", () => {
    for (const s of HOSTILE) {
      const text = markdownText(s);
      expect(text).not.toMatch(/[\r\n<>]/);
      expect(hasHtml(parseMarkdown(`Titel: ${text}`))).toBe(false);
    }
    expect(toString(parseMarkdown(markdownText("Chef <vård> & omsorg")))).toBe("Chef <vård> & omsorg");
  });

  it("markdownTableCell: the cell stays one cell and reads back as the text", () => {
    for (const s of HOSTILE) {
      const tree = parseMarkdown(`| a | b |\n| --- | --- |\n| ${markdownTableCell(s)} | x |`);
      expect(hasHtml(tree)).toBe(false);
      const rows: string[][] = [];
      visit(tree, "tableRow", (row) => {
        rows.push(row.children.map((cell) => toString(cell)));
      });
      expect(rows[1]?.length).toBe(2);
      expect(rows[1]?.[1]).toBe("x");
    }
    // Pipes and backslashes, escaped or not, come back as written.
    const tree = parseMarkdown(`| a |\n| --- |\n| ${markdownTableCell("pipe | och \\| slut <b>")} |`);
    const cells: string[] = [];
    visit(tree, "tableCell", (cell) => {
      cells.push(toString(cell));
    });
    expect(cells).toEqual(["a", "pipe | och \\| slut <b>"]);
  });

  it("the due list's group heading shows a name with < and > as the table does (they were dropped before)", () => {
    const item: DueItem = {
      id: "rutin-a",
      file: "docs/rutin-a.md",
      title: "Rutin A",
      kind: "revision",
      date: "2026-12-01",
      state: "due",
      daysLeft: 8,
      owner: "chef",
      ownerName: "Chef <vård & omsorg>",
      spar: "hs",
      sparName: "Spår <1>",
      dokumenttyp: "rutin",
      status: "fastställd",
      set: "Test",
    };
    const byOwner = markdown({ list: { asOf: "2026-11-23", within: 90, items: [item] }, lang: "sv", groupBy: "ansvarig", color: false });
    expect(byOwner).toContain("\n### Chef &lt;vård & omsorg&gt;\n");
    const bySpar = markdown({ list: { asOf: "2026-11-23", within: 90, items: [item] }, lang: "sv", groupBy: "spar", color: false });
    expect(bySpar).toContain("\n### Spår &lt;1&gt;\n");
    // The same name in a table cell of the same list reads back the same.
    expect(bySpar).toContain("| Chef &lt;vård & omsorg&gt; |");
    expect(hasHtml(parseMarkdown(byOwner.split("\n").slice(1).join("\n")))).toBe(false);
  });
});

describe("CSV and iCalendar", () => {
  it("csvField: quoted, quotes doubled, formulas defused, numbers left alone", () => {
    expect(csvField('=Rutin "A"; B')).toBe(`"'=Rutin ""A""; B"`);
    expect(csvField("-3")).toBe(`"'-3"`);
    expect(csvField(-3, false)).toBe(`"-3"`);
    expect(csvField("rad 1\r\nrad 2\u001b")).toBe(`"rad 1\r\nrad 2\u241B"`);
  });

  it("icsText: ical.js reads back the text safeText shows", () => {
    for (const s of HOSTILE) {
      const cal = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//test//x//SV",
        "BEGIN:VEVENT",
        "UID:x",
        "DTSTAMP:20261123T000000Z",
        `SUMMARY:${icsText(s)}`,
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n");
      const event = new ICAL.Component(ICAL.parse(cal)).getFirstSubcomponent("vevent");
      expect(event?.getFirstPropertyValue("summary")).toBe(safeText(s.replace(/\r\n/g, "\n"), { multiline: true }));
    }
  });
});

describe("exact escapers", () => {
  it("workflow commands: only what the runner decodes, so it reads back the same text", () => {
    const decode = (s: string): string =>
      s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
    for (const s of HOSTILE) {
      expect(workflowCommandData(s)).not.toMatch(/[\r\n]/);
      expect(workflowCommandProperty(s)).not.toMatch(/[\r\n:,]/);
      expect(decode(workflowCommandProperty(s))).toBe(s);
    }
  });

  it("cssString stands for exactly the value, and never lets a value end the <style> element (a CR, form feed or </style> broke out before)", () => {
    for (const s of [...HOSTILE, 'a"b\\c', "rad\fett", "tab\there", "slutar på \\", "region-04", "trygg-hemgang"]) {
      const token = cssString(s);
      expect(token).not.toMatch(/<\/style/i);
      expect(decodeCssString(token)).toBe(s.replace(/\0/g, "\uFFFD"));
    }
    // The values the register has today (codes and ids) are written as before.
    expect(cssString("region-04")).toBe('"region-04"');
    expect(cssString("rad 1\nrad 2")).toBe('"rad 1\\a rad 2"');
  });
});
