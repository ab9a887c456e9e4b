/**
 * The HTML edition at publication standard (issue 18), on
 * test/fixtures/raw-html-utgava: an agreement with the raw HTML writers use
 * (`<br>` in table cells, `<sup>`, `<sub>`, a `<table>` with merged cells and
 * a caption, `<details>` around Markdown and on one line), its own "Parter"
 * and "Uppföljning" sections, a long functional e-mail address; a repealed
 * rutin; and a rutin with pasted HTML outside the subset (`<span>`, `<div>`,
 * `<script>`, `style`).
 *
 * Both editions are built in one run through main(): the same raw HTML is
 * published in both, with the same words. Then the pages are checked in
 * headless Chromium at 1280 and 375 px (the header's padding, heading sizes,
 * where an e-mail address breaks, the repealed badge) and with axe-core and
 * html-validate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { ElementContent } from "hast";
import {
  ALL_WORKING_COPIES,
  axeViolations,
  buildHtml,
  copyFixture,
  htmlValidateErrors,
  launchBrowser,
  pages,
  read,
  tempDir,
} from "./helpers.js";
import { xmlParts } from "../render-docx/helpers.js";
import { resolveRawHtml, slotIndex } from "../../src/render/shared/raw-html.js";
import { STYLES } from "../../src/render/html/styles.js";

let out: string;
let stderr: string;
let word: string;
let browser: Browser;

beforeAll(async () => {
  const source = copyFixture("raw-html-utgava");
  out = path.join(tempDir("publicering"), "dist");
  const r = await buildHtml([source], out, [...ALL_WORKING_COPIES, "--format", "html,docx"], { cwd: path.dirname(source) });
  expect(r.code, r.stderr).toBe(0);
  stderr = r.stderr;
  word = xmlParts(path.join(out, "samlad-utgava.docx"))["word/document.xml"] ?? "";
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The words of a page's or Word part's text, tags out, white space collapsed. */
function htmlWords(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function wordWords(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)]
    .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[1] === undefined ? " " : t[1])).join(""))
    .join(" ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

/** The Word paragraph whose text starts with `start`, as XML. */
function wordParagraph(start: string): string {
  return [...word.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => wordWords(p).trim().startsWith(start)) ?? "";
}

describe("raw HTML in both editions", () => {
  it("keeps a <br> in a table cell a line break: the words do not run together", () => {
    const html = read(out, "overenskommelse-publicering.html");
    expect(html).toContain('<td data-label="Roll">Närvårdskoordinator<br>FoU-samordnare</td>');
    expect(html).toContain("Samordnar planeringen<br>och följer upp");
    expect(htmlWords(html)).not.toContain("NärvårdskoordinatorFoU");
    expect(word).toMatch(/Närvårdskoordinator<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t xml:space="preserve">FoU-samordnare/);
  });

  it("publishes <sup> and <sub> raised and lowered", () => {
    const html = read(out, "overenskommelse-publicering.html");
    expect(html).toContain("minst 20 m<sup>2</sup>, och utsläppen av CO<sub>2</sub> från");
    expect(word).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">2</);
    expect(word).toMatch(/<w:vertAlign w:val="subscript"\/><\/w:rPr><w:t xml:space="preserve">2</);
  });

  it("publishes a raw <table> with its caption, scope, colspan and rowspan in HTML", () => {
    const html = read(out, "overenskommelse-publicering.html");
    expect(html).toContain('<table class="tabell">\n<caption>Bemanning per kommun och dygn</caption>');
    expect(html).toContain('<th colspan="2" scope="col">Bemanning dag och kväll</th>');
    expect(html).toContain('<tr><th rowspan="2" scope="row">Nyköping</th><td>Dag: 4</td><td>Kväll: 2</td></tr>');
    expect(html).toContain('<tr><td colspan="2">Helg: 3 hela dygnet</td></tr>');
  });

  it("makes it a Word table: gridSpan for colspan, vMerge for rowspan, the caption before it and as its caption", () => {
    const table = /<w:tbl><w:tblPr>(?:(?!<\/w:tbl>)[\s\S])*?Bemanning per kommun och dygn[\s\S]*?<\/w:tbl>/.exec(word)?.[0] ?? "";
    expect(table).toContain('<w:tblCaption w:val="Bemanning per kommun och dygn"/>');
    expect(table.match(/<w:gridCol /g)).toHaveLength(3);
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(4);
    // Header row: repeated on every page, "Bemanning dag och kväll" over two columns.
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows[0]).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*?Bemanning dag och kväll/);
    // "Nyköping" spans two rows: restarted in the first, continued (and empty) in the second.
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*?Nyköping/);
    expect(rows[2]).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><\/w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="\d+"\/><w:vMerge\/>/);
    expect(rows[2]).toMatch(/<w:gridSpan w:val="2"\/>[\s\S]*?Helg: 3 hela dygnet/);
    expect(rows[3]).not.toContain("vMerge");
    expect(wordParagraph("Bemanning per kommun och dygn")).toContain("<w:b/>");
  });

  it("publishes <details> with its summary in HTML, and as a bold paragraph followed by the content in Word", () => {
    const html = read(out, "overenskommelse-publicering.html");
    expect(html).toMatch(
      /<details>\s*<summary>Bakgrund till uppföljningen<\/summary>\s*<p>Uppföljningen bygger på tre mått:<\/p>\s*<ul>\s*<li>andel inskrivningsmeddelanden i tid<\/li>/,
    );
    expect(html).toMatch(
      /<details><summary>Mått som inte följs upp<\/summary>\s*<p>Väntetid i akuten följs upp av regionen\.<\/p>\s*<\/details>/,
    );
    for (const summary of ["Bakgrund till uppföljningen", "Mått som inte följs upp"]) {
      expect(wordParagraph(summary)).toMatch(/<w:b\/>/);
    }
    expect(wordWords(word)).toContain(
      "Bakgrund till uppföljningen Uppföljningen bygger på tre mått: andel inskrivningsmeddelanden i tid andel planeringar med SIP Mått som inte följs upp Väntetid i akuten följs upp av regionen.",
    );
  });

  it("removes what is outside the subset in both editions, keeps its words, and warns", () => {
    const html = read(out, "rutin-blandad-html.html");
    expect(html).toContain("<p>Texten är inklistrad från en webbsida: röd text och gammal stil står kvar som text.</p>");
    expect(html).toContain("<p>Kommunen ansvarar för hemtjänsten.</p>");
    expect(html).toContain("<tbody><tr><td>Steg 1</td><td>Ring kommunen.</td></tr>");
    const body = /<div class="brodtext">([\s\S]*?)<\/div>\n<section/.exec(html)?.[1] ?? "";
    expect(body).toContain("Ring kommunen.");
    expect(body).not.toMatch(/<(span|font|div|b)[ >]|style="|border=/);
    expect(wordWords(word)).toContain("Kommunen ansvarar för hemtjänsten.");
    for (const edition of [htmlWords(html), wordWords(word)]) expect(edition).not.toContain("__samdokPwned");
    expect(stderr).toContain(
      "rutin-blandad-html.md:23: rå HTML som inte publiceras (rader 23, 27, 31, 35): `<span>`, `<font>`, `<div>`, `<b>`, `<script>`, `border` (`<table>`), `style` (`<td>`)",
    );
    expect(stderr).not.toContain("overenskommelse-publicering.md");
  });

  it("gives the two editions the same words of the raw HTML", () => {
    const html = htmlWords(read(out, "samlad-utgava.html"));
    const docx = wordWords(word);
    for (const words of [
      "Närvårdskoordinator FoU-samordnare",
      "Samordnar planeringen och följer upp",
      "minst 20 m 2 , och utsläppen av CO 2 från",
      "Bemanning per kommun och dygn",
      "Kommun Bemanning dag och kväll Nyköping Dag: 4 Kväll: 2 Helg: 3 hela dygnet Eskilstuna Dag: 6 Kväll: 3",
      "Bakgrund till uppföljningen Uppföljningen bygger på tre mått:",
      "Mått som inte följs upp Väntetid i akuten följs upp av regionen.",
      "Texten är inklistrad från en webbsida: röd text och gammal stil står kvar som text.",
      "Kommunen ansvarar för hemtjänsten.",
      "Steg 1 Ring kommunen.",
    ]) {
      expect(html.replace(/ ?(\d) ?/g, "$1"), words).toContain(words.replace(/ ?(\d) ?/g, "$1"));
      expect(docx.replace(/ ?(\d) ?/g, "$1"), words).toContain(words.replace(/ ?(\d) ?/g, "$1"));
    }
  });
});

describe("the raw HTML subset, read", () => {
  const text = (nodes: readonly ElementContent[]): string =>
    nodes.map((n) => (n.type === "text" ? n.value : n.type === "element" ? `<${n.tagName}>${text(n.children)}` : "")).join("");

  it("pairs tags around Markdown content and puts each slot back where it stood", () => {
    const nodes = resolveRawHtml([
      { kind: "raw", value: "<details><summary>S</summary>" },
      { kind: "slot" },
      { kind: "raw", value: "</details>" },
    ]);
    const details = nodes[0];
    expect(details?.type === "element" && details.tagName).toBe("details");
    expect(details?.type === "element" ? details.children.map((c) => slotIndex(c)) : []).toEqual([undefined, 0]);
  });

  it("does not take a slot the document wrote itself for one", () => {
    const nodes = resolveRawHtml([{ kind: "raw", value: "<samdok-plats data-samdok-slot=0></samdok-plats>" }, { kind: "slot" }]);
    expect(nodes.map((n) => slotIndex(n))).toEqual([0]);
  });

  it("reads each piece alone when one would swallow the Markdown after it (an unclosed <title>)", () => {
    const nodes = resolveRawHtml([{ kind: "raw", value: "<title>" }, { kind: "slot" }, { kind: "text", value: " efter" }]);
    expect(nodes.map((n) => slotIndex(n))).toContain(0);
    expect(text(nodes)).toContain("efter");
  });

  it("keeps only colspan, rowspan, scope and open, with sound values", () => {
    const [table] = resolveRawHtml([
      {
        kind: "raw",
        value:
          '<table onclick="x()"><tr><th scope="bogus" style="c" colspan="0">a</th><td rowspan="3" id="i" class="k">b</td></tr></table>',
      },
    ]);
    const cells: Record<string, unknown>[] = [];
    const walk = (n: ElementContent | undefined): void => {
      if (n?.type !== "element") return;
      if (n.tagName === "td" || n.tagName === "th") cells.push(n.properties);
      n.children.forEach(walk);
    };
    walk(table);
    expect(table?.type === "element" && table.properties).toEqual({});
    expect(cells).toEqual([{}, { rowSpan: 3 }]);
  });
});

describe("the page around the text", () => {
  it("names the generated parts apart from the document's own sections in the table of contents", () => {
    const html = read(out, "overenskommelse-publicering.html");
    const toc = /<nav class="sidans-innehall"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    const entries = [...toc.matchAll(/<a href="#[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(entries).toEqual([
      "Syfte",
      "Parter",
      "Uppföljning",
      "Giltighetstid",
      "Dokumentets parter",
      "Uppföljningsplan",
      "Ändringshistorik",
    ]);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it("shows a repealed document's repeal date where its validity ends, not 'tills vidare'", () => {
    const html = read(out, "rutin-upphavd.html");
    expect(html).toContain('<dt>Giltig till</dt><dd>Upphävd den <time datetime="2024-10-31">31 oktober 2024</time></dd>');
    expect(html).not.toContain("<dd>tills vidare</dd>");
  });

  it("keeps the source version in the page footer only", () => {
    for (const file of pages(out)) {
      const html = read(out, file);
      const [main = "", footer = ""] = html.split('<footer class="sidfot">');
      expect(main, file).not.toContain("Källversion");
      expect(footer, file).toContain("Källversion: okänd (källorna ligger inte i git).");
    }
    expect(read(out, "index.html")).toContain('<p class="utgava">Utgåva <time datetime="2026-11-23">23 november 2026</time>.</p>');
  });

  it("writes the 'Upphävd' badge without strike-through", () => {
    expect(STYLES).not.toMatch(/\.status-upphavd \{[^}]*line-through/);
  });
});

describe("in a browser, at desktop and phone width", () => {
  async function open(file: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`file://${path.join(out, file)}`);
    return page;
  }

  /** Each text piece of every e-mail link is on one line: the address breaks only where a <wbr> is (after @, before dots). */
  async function emailPiecesOnOneLine(page: Page): Promise<{ pieces: string[]; split: string[] }> {
    return page.evaluate(() => {
      const pieces: string[] = [];
      const split: string[] = [];
      for (const link of Array.from(document.querySelectorAll('a[href^="mailto:"]'))) {
        for (const node of Array.from(link.childNodes)) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          pieces.push(node.textContent ?? "");
          if (lines.size > 1) split.push(node.textContent ?? "");
        }
      }
      return { pieces, split };
    });
  }

  for (const width of [1280, 375]) {
    it(`breaks an e-mail address only after its @ or before a dot (${width} px)`, async () => {
      const page = await open("overenskommelse-publicering.html", width);
      try {
        const { pieces, split } = await emailPiecesOnOneLine(page);
        expect(pieces).toEqual(expect.arrayContaining(["narvardssamverkan", ".sormland@", "regionsormland", ".example", ".se"]));
        expect(split).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("on a phone: the header text has room above it, and h2 and h3 are clearly different sizes", async () => {
    const page = await open("overenskommelse-publicering.html", 375);
    try {
      const m = await page.evaluate(() => {
        const header = document.querySelector(".sidhuvud")?.getBoundingClientRect();
        const title = document.querySelector(".webbplats")?.getBoundingClientRect();
        const size = (sel: string): number => parseFloat(getComputedStyle(document.querySelector(sel) as Element).fontSize);
        return { gap: (title?.top ?? 0) - (header?.top ?? 0), h2: size(".brodtext h2"), h3: size(".brodtext h3") };
      });
      expect(m.gap).toBeGreaterThanOrEqual(12);
      expect(m.h2 / m.h3).toBeGreaterThanOrEqual(1.2);
    } finally {
      await page.close();
    }
  });

  it("shows the 'Upphävd' badge not struck through, with AA contrast", async () => {
    const page = await open("rutin-upphavd.html", 375);
    try {
      const badge = await page.evaluate(() => {
        const el = document.querySelector(".status-upphavd") as Element;
        const s = getComputedStyle(el);
        return { decoration: s.textDecorationLine, color: s.color, background: s.backgroundColor };
      });
      expect(badge.decoration).toBe("none");
      const rgb = (c: string): number[] => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: number[]): number =>
        c
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
      const [a, b] = [lum(rgb(badge.color)), lum(rgb(badge.background))].sort((x, y) => y - x);
      expect(((a ?? 0) + 0.05) / ((b ?? 0) + 0.05)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await page.close();
    }
  });

  it("has zero axe violations and zero html-validate errors on every page", async () => {
    expect(await htmlValidateErrors(out)).toEqual([]);
    expect(await axeViolations(browser, out)).toEqual([]);
  }, 300_000);
});
