/**
 * The HTML redline edition (issue 16): `samdok build --redline REF` marks
 * what changed with `<ins>`, `<del>` and `data-redline`, says what changed
 * first, and is still a valid, accessible, reproducible edition.
 *
 * Two kinds of test. Through `main()` in a temporary git repository: the
 * fixture redline-hard (a row added and a cell changed, a list item
 * removed, a heading renamed, a footnote changed, one-word edits) and
 * html-utgava with edits of every kind (a section removed and one added, a
 * code block, a format change, front matter, a document added and one
 * removed). And with hand-made merged trees (src/redline/types.ts), given
 * to the renderer in place of the diff engine's, for the marks the diff
 * makes rarely: every kind of block wholly new or gone, a deleted footnote,
 * raw HTML and a broken link in deleted text.
 *
 * Throughout: accepting every change of a page (redline-helpers.ts) gives
 * the new version's text, block by block, and rejecting gives the old one's.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import type { Browser } from "playwright-core";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { FIXTURES, NOW } from "../helpers/cli.js";
import {
  ALL_WORKING_COPIES,
  attributesOf,
  axeViolations,
  brokenLinks,
  buildHtml,
  headingLevels,
  htmlValidateErrors,
  idsOf,
  launchBrowser,
  read,
  skippedLevels,
  snapshot,
  startTags,
  tempDir,
} from "./helpers.js";
import { acceptHtml, blockTexts, bodyTexts, rejectHtml } from "./redline-helpers.js";
import { prepareEdition } from "../../src/render/edition.js";
import { renderHtml } from "../../src/render/html/index.js";
import { acceptAll, rejectAll } from "../../src/redline/accept.js";
import type { RedlineResult } from "../../src/redline/diff.js";

/** Hand-made merged trees the next calls of `redlineTree` return instead of the diff engine's. */
const handMade = vi.hoisted(() => [] as RedlineResult[]);

vi.mock("../../src/redline/diff.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/redline/diff.js")>();
  return { ...real, redlineTree: (before: Root | undefined, after: Root) => handMade.shift() ?? real.redlineTree(before, after) };
});

/** A build through main(): its folder, exit code and stderr. */
interface Built {
  dir: string;
  code: number;
  stderr: string;
}

async function build(cwd: string, extra: string[]): Promise<Built> {
  const dir = path.join(tempDir("redline"), "dist");
  const r = await buildHtml(["documents"], dir, ["--no-cache", ...extra], { cwd });
  return { dir, code: r.code, stderr: r.stderr };
}

function page(b: Built, file: string): string {
  return read(b.dir, file);
}

/** The warnings of a build, without its summary line. */
function warnings(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line.includes("varning"));
}

// ---------------------------------------------------------------------------------------------------------------
// redline-hard through main(): v1 is fore/, the working copy is efter/ (committed).

describe("redline-hard: a table row added and a cell changed, a list item removed, a heading renamed, a footnote changed", () => {
  let repo: TestRepo;
  let redline: Built;
  let plainNew: Built;
  let plainOld: Built;

  beforeAll(async () => {
    repo = makeRepo(path.join(FIXTURES, "redline-hard/fore"));
    repo.commit("Första versionen", "2026-01-10");
    repo.git(["tag", "v1"]);
    plainOld = await build(repo.dir, []);
    cpSync(path.join(FIXTURES, "redline-hard/efter/rutin-svar.md"), path.join(repo.dir, "documents/rutin-svar.md"));
    repo.commit("Ändringar", "2026-02-10");
    redline = await build(repo.dir, ["--redline", "v1"]);
    plainNew = await build(repo.dir, []);
  });

  it("builds, with no warning", () => {
    expect(redline.code, redline.stderr).toBe(0);
    expect(warnings(redline.stderr)).toEqual([]);
  });

  it("marks one word of a one-word edit, a removed list item, an added row and a renamed heading", () => {
    const html = page(redline, "rutin-svar.html");
    expect(html).toContain("<li>Kallelse skickas inom <del>tre</del><ins>två</ins> dagar.</li>");
    expect(html).toContain('<li data-redline="delete"><del>Planeringen dokumenteras i journalen.</del></li>');
    expect(html).toContain('<td data-label="Ansvar">Följer upp avvikelser<ins> och klagomål</ins></td>');
    expect(html).toMatch(
      /<tr data-redline="insert">\s*<td data-label="Roll"><ins>Biståndshandläggare<\/ins><\/td>\s*<td data-label="Ansvar"><ins>Fattar beslut om insatser<\/ins><\/td>/,
    );
    // The renamed heading keeps the id of its new words, which the table of contents and the summary link to.
    expect(html).toContain(
      '<h2 id="information-till-den-enskilde-och-närstående">Information till den enskilde<ins> och närstående</ins></h2>',
    );
    expect(html).toContain(
      '<li><a href="#information-till-den-enskilde-och-närstående">Information till den enskilde och närstående</a></li>',
    );
    expect(html).toContain("sjukvård<ins> (2017:612)</ins>.");
  });

  it("says what changed first: the changed sections as links that lead to their headings, and the legend", () => {
    const html = page(redline, "rutin-svar.html");
    const summary = /<section class="redline-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
    expect(summary).toMatch(/<h2 id="dokument__andringar">Ändringar sedan v1 \([0-9a-f]{12}\)<\/h2>/);
    const links = [...summary.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(["ansvar", "arbetsgång", "information-till-den-enskilde-och-närstående"]);
    for (const id of links) expect(idsOf(html)).toContain(id);
    expect(summary).toContain("Så visas ändringarna");
    expect(html.indexOf("redline-summary")).toBeLessThan(html.indexOf('class="fakta"'));
    expect(brokenLinks(redline.dir)).toEqual([]);
  });

  it("opens the consolidated edition with the changed documents", () => {
    const html = page(redline, "samlad-utgava.html");
    expect(html).toMatch(
      /<section class="redline-summary" aria-labelledby="andringar__utgavan">\s*<h2 id="andringar__utgavan">Ändringar sedan v1/,
    );
    expect(html).toContain(
      '<h3>Ändrade dokument</h3>\n<ul class="redline-dokument">\n<li><a href="#rutin-svar">Rutin för samordnad utskrivning</a></li>',
    );
    expect(html.indexOf("redline-summary")).toBeLessThan(html.indexOf("innehallsforteckning"));
  });

  it("accepting every change gives the new version, rejecting gives the old one, block by block", () => {
    for (const file of ["rutin-svar.html", "samlad-utgava.html"]) {
      const html = page(redline, file);
      expect(bodyTexts(acceptHtml(html)), file).toEqual(bodyTexts(page(plainNew, file)));
      expect(bodyTexts(rejectHtml(html)), file).toEqual(bodyTexts(page(plainOld, file)));
    }
    // Without its summary, the whole accepted page reads as the plain page at the same commit.
    expect(blockTexts(acceptHtml(page(redline, "rutin-svar.html")))).toEqual(blockTexts(page(plainNew, "rutin-svar.html")));
  });

  it("is reproducible byte for byte", async () => {
    const again = await build(repo.dir, ["--redline", "v1"]);
    const a = snapshot(redline.dir);
    const b = snapshot(again.dir);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, data] of a) expect(b.get(file)?.equals(data), file).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// html-utgava with edits of every kind, through main().

/** Replaces `from` by `to` in a file of the repository, and fails loudly when `from` is not there. */
function edit(repo: TestRepo, file: string, from: string, to: string): void {
  const abs = path.join(repo.dir, "documents", file);
  const text = readFileSync(abs, "utf8");
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(abs, text.replace(from, to));
}

describe("html-utgava: a section removed and one added, a code block, a format change, front matter, a document added and one removed", () => {
  let repo: TestRepo;
  let redline: Built;
  let plainNew: Built;
  let plainOld: Built;
  let browser: Browser;

  beforeAll(async () => {
    repo = makeRepo(path.join(FIXTURES, "html-utgava"));
    // The version at REF: a strikethrough, and a paragraph with raw HTML that the new version removes.
    edit(
      repo,
      "rutin-hemgang.md",
      "Slutenvården och kommunen delar på ansvaret.",
      "Slutenvården och kommunen delar på ansvaret. Det ~~gamla~~ ansvaret gäller inte.",
    );
    edit(repo, "rutin-hemgang.md", "Inga ändringar ännu.", "Inga ändringar ännu.\n\nSe <span>rå text</span> i stycket.");
    repo.commit("Version 2.0", "2026-01-10");
    repo.git(["tag", "v2.0"]);
    plainOld = await build(repo.dir, ALL_WORKING_COPIES);

    edit(repo, "rutin-hemgang.md", 'version: "2.0"', 'version: "2.1"');
    edit(repo, "rutin-hemgang.md", "revideras_senast: 2026-09-30", "revideras_senast: 2026-10-01");
    edit(
      repo,
      "rutin-hemgang.md",
      "    beskrivning: Ny arbetsgång enligt överenskommelsen.\n",
      '    beskrivning: Ny arbetsgång enligt överenskommelsen.\n  - version: "2.1"\n    datum: 2026-03-10\n    beskrivning: Uppföljning.\n',
    );
    edit(repo, "rutin-hemgang.md", "Rutinen beskriver hur hemgången planeras.", "Rutinen beskriver hur hemgången planeras och följs upp.");
    edit(repo, "rutin-hemgang.md", "delar på ansvaret.", "delar på **ansvaret**.");
    edit(
      repo,
      "rutin-hemgang.md",
      "## 2026 års ändringar\n\nInga ändringar ännu.\n\nSe <span>rå text</span> i stycket.\n",
      "## Uppföljning\n\nUppföljningen sker varje månad.\n\n```\nrapport --månad\n```\n",
    );
    // The draft goes, and the link to it with it (in deleted text, which warns about nothing).
    rmSync(path.join(repo.dir, "documents/rutin-utkast.md"));
    edit(repo, "overenskommelse-hemgang.md", " och [utkastet till rutin](rutin-utkast.md#syfte)", "");
    const added = readFileSync(path.join(repo.dir, "documents/rutin-hemgang.md"), "utf8")
      .replace("id: rutin-hemgang", "id: rutin-ny")
      .replace("titel: Rutin för trygg hemgång", "titel: Rutin för ny hemgång")
      .replace(/ersatter: .*\n/, "");
    writeFileSync(path.join(repo.dir, "documents/rutin-ny.md"), added);
    repo.commit("Version 2.1", "2026-03-10");
    redline = await build(repo.dir, [...ALL_WORKING_COPIES, "--redline", "v2.0"]);
    plainNew = await build(repo.dir, ALL_WORKING_COPIES);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("builds, and warns about the new text only (not the raw HTML of a removed paragraph, nor a link to a removed document)", () => {
    expect(redline.code, redline.stderr).toBe(0);
    expect(plainOld.code, plainOld.stderr).toBe(0);
    expect(plainOld.stderr).toContain("rå HTML");
    expect(warnings(redline.stderr)).toEqual(warnings(plainNew.stderr));
    // The link to the removed document is deleted as a whole: its words, in one deletion with the words before it.
    expect(page(redline, "overenskommelse-hemgang.html")).toContain("riktlinjen som är på remiss</a><del> och utkastet till rutin</del>.");
  });

  it("marks a removed section, an added one with a code block, a format change and Markdown's strikethrough apart", () => {
    const html = page(redline, "rutin-hemgang.html");
    expect(html).toContain("planeras<ins> och följs upp</ins>.");
    expect(html).toMatch(/<h2 data-redline="delete" id="borttagen-rubrik-\d+"><del>2026 års ändringar<\/del><\/h2>/);
    expect(html).toContain('<p data-redline="delete"><del>Inga ändringar ännu.</del></p>');
    expect(html).toContain('<h2 data-redline="insert" id="uppföljning"><ins>Uppföljning</ins></h2>');
    expect(html).toMatch(/<pre data-redline="insert"><ins><code>rapport --månad\n<\/code><\/ins><\/pre>/);
    expect(html).toContain(
      'delar på <strong><span data-redline="format" data-redline-before="tidigare utan formatering">ansvaret</span></strong>.',
    );
    // On a redline page <del> means deleted only: the document's own strikethrough is <s>.
    expect(html).toContain("<s>gamla</s>");
    // The removed heading is not in the table of contents; the added one is, and the summary links to both.
    const toc = /<nav class="sidans-innehall"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    expect(toc).not.toContain("2026 års ändringar");
    expect(toc).toContain('<a href="#uppföljning">Uppföljning</a>');
    expect(html).toMatch(/<li><a href="#borttagen-rubrik-\d+">2026 års ändringar<\/a> \(borttaget avsnitt\)<\/li>/);
    expect(html).toContain('<li><a href="#uppföljning">Uppföljning</a> (nytt avsnitt)</li>');
  });

  it("tables the changed front matter and compares the fact box", () => {
    const html = page(redline, "rutin-hemgang.html");
    expect(html).toContain("<caption>Ändrade uppgifter om dokumentet</caption>");
    expect(html).toMatch(/<th scope="col">Fält<\/th><th scope="col">Före<\/th><th scope="col">Efter<\/th>/);
    expect(html).toMatch(/<tr><th scope="row">Version<\/th><td data-label="Före">2\.0<\/td><td data-label="Efter">2\.1<\/td><\/tr>/);
    expect(html).toContain("<div><dt>Version</dt><dd><del>2.0</del> <ins>2.1</ins></dd></div>");
  });

  it("shows a new document as new, lists the removed one, and leaves an unchanged one unmarked", () => {
    const added = page(redline, "rutin-ny.html");
    expect(added).toContain("Nytt dokument sedan v2.0");
    expect(added).toContain('<h2 data-redline="insert" id="syfte"><ins>Syfte</ins></h2>');
    const all = page(redline, "samlad-utgava.html");
    expect(all).toContain("<p>2 ändrade, 1 nytt och 1 upphävt eller borttaget dokument. Ändringarna är markerade i texten.</p>");
    expect(all).toContain("<h3>Nya dokument</h3>");
    expect(all).toContain('<a href="#rutin-ny">Rutin för ny hemgång</a>');
    expect(all).toMatch(/<h3>Upphävda och borttagna dokument<\/h3>[\s\S]*<code>rutin-utkast<\/code>, borttaget ur samlingen/);
    const unchanged = page(redline, "riktlinje-hemgang.html");
    expect(unchanged.slice(unchanged.indexOf("<body"))).not.toMatch(/<ins[ >]|<del[ >]|data-redline=/);
    expect(unchanged).toContain("Inga ändringar sedan v2.0");
  });

  it("lets through only the redline's tags and attributes: ins and del bare, data-redline with its values on blocks", () => {
    for (const file of ["rutin-hemgang.html", "rutin-ny.html", "samlad-utgava.html"]) {
      for (const tag of startTags(page(redline, file))) {
        const name = /^<([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? "";
        const attributes = attributesOf(tag);
        if (name === "ins" || name === "del") expect(attributes, tag).toEqual([]);
        for (const [attr, value] of attributes) {
          if (!attr.startsWith("data-redline")) continue;
          if (attr === "data-redline-before") expect(name, tag).toBe("span");
          else if (name === "span") expect(value, tag).toBe("format");
          else {
            expect(["insert", "delete"], tag).toContain(value);
            expect(["p", "h2", "h3", "h4", "pre", "li", "tr", "ul", "ol", "table", "blockquote", "hr", "div"], tag).toContain(name);
          }
        }
      }
    }
  });

  it("accepting every change gives the new version, rejecting gives the old one, block by block", () => {
    for (const file of ["rutin-hemgang.html", "overenskommelse-hemgang.html", "riktlinje-hemgang.html"]) {
      const html = page(redline, file);
      expect(bodyTexts(acceptHtml(html)), file).toEqual(bodyTexts(page(plainNew, file)));
      expect(bodyTexts(rejectHtml(html)), file).toEqual(bodyTexts(page(plainOld, file)));
    }
    // The fact box too: accepted it is the new one, rejected the old one.
    const facts = (html: string): string[] => blockTexts(html, "fakta");
    expect(facts(acceptHtml(page(redline, "rutin-hemgang.html")))).toEqual(facts(page(plainNew, "rutin-hemgang.html")));
    expect(facts(rejectHtml(page(redline, "rutin-hemgang.html")))).toEqual(facts(page(plainOld, "rutin-hemgang.html")));
    // A new document accepted is the document; rejected it has no text.
    expect(bodyTexts(acceptHtml(page(redline, "rutin-ny.html")))).toEqual(bodyTexts(page(plainNew, "rutin-ny.html")));
    expect(bodyTexts(rejectHtml(page(redline, "rutin-ny.html"))).filter((t) => !/^Fotnoter$/.test(t))).toEqual([]);
  });

  it("has zero html-validate errors, one h1 and no skipped level, and no broken link", async () => {
    expect(await htmlValidateErrors(redline.dir)).toEqual([]);
    for (const file of ["rutin-hemgang.html", "rutin-ny.html", "samlad-utgava.html"]) {
      const levels = headingLevels(page(redline, file));
      expect(
        levels.filter((l) => l === 1),
        file,
      ).toHaveLength(1);
      expect(skippedLevels(levels), file).toEqual([]);
    }
    expect(brokenLinks(redline.dir)).toEqual([]);
  });

  it("has zero axe violations (WCAG 2.1 A, AA) on the redline pages", async () => {
    expect(await axeViolations(browser, redline.dir, ["rutin-hemgang.html", "rutin-ny.html", "samlad-utgava.html"])).toEqual([]);
  }, 300_000);

  it("tells screen readers what is new and gone in words, from the stylesheet (not in the text)", async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`file://${path.join(redline.dir, "rutin-hemgang.html")}`);
      const said = await tab.evaluate(() => {
        const of = (selector: string, pseudo: string): string => getComputedStyle(document.querySelector(selector)!, pseudo).content;
        const ins = document.querySelector(".brodtext ins")!;
        return {
          ins: of(".brodtext ins", "::before"),
          del: of(".brodtext del", "::before"),
          format: of('.brodtext [data-redline="format"]', "::after"),
          insDecoration: getComputedStyle(ins).textDecorationLine,
          delDecoration: getComputedStyle(document.querySelector(".brodtext del")!).textDecorationLine,
          clipped: getComputedStyle(ins, "::before").position,
        };
      });
      expect(said).toEqual({
        ins: '" [infogat] "',
        del: '" [borttaget] "',
        format: '" [formatering ändrad, tidigare utan formatering] "',
        insDecoration: "underline",
        delDecoration: "line-through",
        clipped: "absolute",
      });
      // Screenshots for a person to look at: REDLINE_SCREENSHOTS=<folder>.
      const shots = process.env.REDLINE_SCREENSHOTS;
      if (shots) {
        mkdirSync(shots, { recursive: true });
        for (const [width, name] of [
          [1280, "desktop"],
          [390, "telefon"],
        ] as const) {
          await tab.setViewportSize({ width, height: 900 });
          await tab.screenshot({ path: path.join(shots, `redline-${name}.png`), fullPage: true });
        }
        await tab.goto(`file://${path.join(redline.dir, "samlad-utgava.html")}`);
        await tab.setViewportSize({ width: 1280, height: 900 });
        await tab.screenshot({ path: path.join(shots, "redline-samlad.png") });
      }
    } finally {
      await tab.close();
    }
  });

  it("writes the legend in English, marked as such, when the build speaks English", async () => {
    const english = await build(repo.dir, [...ALL_WORKING_COPIES, "--redline", "v2.0", "--lang", "en"]);
    expect(english.code, english.stderr).toBe(0);
    const html = page(english, "rutin-hemgang.html");
    expect(html).toContain('<div class="redline-forklaring" lang="en"><h3>How the changes are shown</h3>');
    // The document and its marks stay Swedish, as the edition is.
    expect(html).toContain("Ändringar sedan v2.0");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-made merged trees, rendered as the diff engine's would be.

const t = (value: string): Root["children"][number] & { type: "text" } => ({ type: "text", value });

/**
 * Every kind of mark the merged tree can carry,
 * in the headings of redline-hard's new version (Syfte, Ansvar, Arbetsgång,
 * Information …). `oldLink`: where a link of a deleted paragraph leads.
 */
function everyMark(oldLink = "finns-inte.md"): Root {
  return {
    type: "root",
    children: [
      { type: "heading", depth: 2, children: [t("Syfte")] },
      {
        type: "paragraph",
        children: [
          t("Rutinen "),
          { type: "redlineFormat", before: ["emphasis"], children: [{ type: "strong", children: [t("beskriver")] }] },
          t(" hur "),
          { type: "redlineDelete", children: [t("kommunen")] },
          { type: "redlineInsert", children: [t("regionen")] },
          t(" samverkar."),
          { type: "footnoteReference", identifier: "1", label: "1" },
          { type: "redlineDelete", children: [{ type: "footnoteReference", identifier: "2", label: "2" }] },
        ],
      },
      {
        type: "paragraph",
        data: { redline: "insert" },
        children: [
          { type: "redlineInsert", children: [t("Ett nytt stycke med "), { type: "delete", children: [t("struken")] }, t(" text.")] },
        ],
      },
      { type: "heading", depth: 2, data: { redline: "delete" }, children: [{ type: "redlineDelete", children: [t("Gammalt avsnitt")] }] },
      {
        type: "paragraph",
        data: { redline: "delete" },
        children: [
          {
            type: "redlineDelete",
            children: [
              t("Gammal text med "),
              { type: "link", url: oldLink, children: [t("en trasig länk")] },
              t(" och "),
              { type: "html", value: "<span>" },
              t("rå HTML"),
              { type: "html", value: "</span>" },
              t("."),
            ],
          },
        ],
      },
      { type: "heading", depth: 2, children: [t("Ansvar")] },
      { type: "code", lang: null, meta: null, value: "ny kod", data: { redline: "insert" } },
      { type: "thematicBreak", data: { redline: "delete" } },
      {
        type: "table",
        align: [null, null],
        children: [
          {
            type: "tableRow",
            children: [
              { type: "tableCell", children: [t("Roll")] },
              { type: "tableCell", children: [t("Ansvar")] },
            ],
          },
          {
            type: "tableRow",
            children: [
              { type: "tableCell", children: [t("MAS")] },
              {
                type: "tableCell",
                children: [
                  { type: "redlineDelete", children: [t("Följer")] },
                  { type: "redlineInsert", children: [t("Leder")] },
                ],
              },
            ],
          },
          // A row wholly gone whose cells the merged tree left unwrapped: the renderer wraps them.
          {
            type: "tableRow",
            data: { redline: "delete" },
            children: [
              { type: "tableCell", children: [t("Gammal")] },
              { type: "tableCell", children: [t("roll")] },
            ],
          },
        ],
      },
      { type: "heading", depth: 2, children: [t("Arbetsgång")] },
      {
        type: "list",
        ordered: false,
        spread: false,
        children: [
          { type: "listItem", spread: false, children: [{ type: "paragraph", children: [t("Kvar")] }] },
          {
            type: "listItem",
            spread: false,
            data: { redline: "insert" },
            children: [
              { type: "paragraph", data: { redline: "insert" }, children: [{ type: "redlineInsert", children: [t("Ny punkt")] }] },
            ],
          },
        ],
      },
      // Raw HTML alone, deleted: nothing of it is published, and no empty mark is left.
      {
        type: "paragraph",
        data: { redline: "delete" },
        children: [{ type: "redlineDelete", children: [{ type: "html", value: "<!-- anteckning -->" }] }],
      },
      {
        type: "blockquote",
        data: { redline: "delete" },
        children: [{ type: "paragraph", data: { redline: "delete" }, children: [{ type: "redlineDelete", children: [t("Ett citat")] }] }],
      },
      {
        type: "heading",
        depth: 2,
        children: [t("Information till den enskilde"), { type: "redlineInsert", children: [t(" och närstående")] }],
      },
      {
        type: "footnoteDefinition",
        identifier: "1",
        label: "1",
        children: [{ type: "paragraph", children: [t("Fotnot"), { type: "redlineInsert", children: [t(" ny")] }] }],
      },
      {
        type: "footnoteDefinition",
        identifier: "2",
        label: "2",
        data: { redline: "delete" },
        children: [
          { type: "paragraph", data: { redline: "delete" }, children: [{ type: "redlineDelete", children: [t("Gammal fotnot")] }] },
        ],
      },
    ],
  } as Root;
}

describe("hand-made merged trees: every kind of mark", () => {
  /** Renders the redline-hard document with `tree` as its merged body (and, without `merged`, `tree` as its plain body). */
  async function render(tree: Root, merged: boolean): Promise<{ page: string; warnings: string[] }> {
    const folder = path.join(tempDir("handgjord"), "documents");
    cpSync(path.join(FIXTURES, "redline-hard/fore"), folder, { recursive: true });
    cpSync(path.join(FIXTURES, "redline-hard/efter/rutin-svar.md"), path.join(folder, "rutin-svar.md"));
    const edition = await prepareEdition({
      paths: [folder],
      cwd: path.dirname(folder),
      lang: "sv",
      today: "2026-11-23",
      outDir: path.join(tempDir("handgjord-ut"), "dist"),
      filters: {},
      now: NOW,
      env: {},
      stderr: { write: () => true },
      keepBodies: false,
      jobs: 1,
    });
    const doc = edition.documents[0]!;
    if (merged) {
      doc.redline = { text: doc.text, bodyLine: doc.result.bodyLine ?? 1, author: "MAS", date: "2026-02-10T12:00:00Z" };
      edition.redline = { ref: "v1", label: "v1", changed: [doc.doc.id], added: [], removed: [] };
      const sections = tree.children.filter((c) => c.type === "heading").slice(0, 2);
      handMade.push({ tree, changed: true, sections, words: { inserted: 5, deleted: 4 } });
    } else {
      doc.tree = tree;
      doc.treeReaders = new Set(["html"]);
    }
    const { files, warnings } = await renderHtml(edition);
    const file = files.find((f) => f.path === "rutin-svar.html");
    return { page: String(file?.data), warnings };
  }

  let redline: { page: string; warnings: string[] };

  beforeAll(async () => {
    redline = await render(everyMark(), true);
  });

  it("marks every kind of block and keeps valid HTML", () => {
    const html = redline.page;
    expect(html).toContain('<span data-redline="format" data-redline-before="tidigare kursiv"><strong>beskriver</strong></span>');
    expect(html).toContain("hur <del>kommunen</del><ins>regionen</ins> samverkar.");
    expect(html).toContain('<p data-redline="insert"><ins>Ett nytt stycke med <s>struken</s> text.</ins></p>');
    expect(html).toContain('<h2 data-redline="delete" id="borttagen-rubrik-2"><del>Gammalt avsnitt</del></h2>');
    expect(html).toContain('<pre data-redline="insert"><ins><code>ny kod\n</code></ins></pre>');
    expect(html).toContain('<hr data-redline="delete">');
    expect(html).toMatch(
      /<tr data-redline="delete">\s*<td data-label="Roll"><del>Gammal<\/del><\/td>\s*<td data-label="Ansvar"><del>roll<\/del><\/td>/,
    );
    expect(html).toContain('<li data-redline="insert"><ins>Ny punkt</ins></li>');
    expect(html).toMatch(/<blockquote data-redline="delete">\s*<p data-redline="delete"><del>Ett citat<\/del><\/p>/);
    // The deleted footnote is listed, marked, and its reference is in the deletion.
    expect(html).toMatch(/<del><sup><a href="#fotnot__fn-2"/);
    expect(html).toMatch(/<li id="fotnot__fn-2" data-redline="delete">\s*<p data-redline="delete"><del>Gammal fotnot<\/del>/);
    // Raw HTML in deleted text is not published, and a mark left empty is dropped.
    // A link of deleted text to nothing (gone since REF) keeps its words, with no note and no warning.
    expect(html).toContain('<p data-redline="delete"><del>Gammal text med en trasig länk och rå HTML.</del></p>');
    expect(html).not.toMatch(/<(ins|del)><\/\1>/);
    // Heading ids: the live headings keep the validated slugs, the deleted one has its own.
    for (const id of ["syfte", "ansvar", "arbetsgång", "information-till-den-enskilde-och-närstående", "borttagen-rubrik-2"]) {
      expect(idsOf(html), id).toContain(id);
    }
    expect(html).toContain(
      '<li><a href="#syfte">Syfte</a></li>\n<li><a href="#borttagen-rubrik-2">Gammalt avsnitt</a> (borttaget avsnitt)</li>',
    );
  });

  it("warns about nothing in deleted text", () => {
    expect(redline.warnings).toEqual([]);
  });

  it("has no html-validate error", async () => {
    const dir = tempDir("handgjord-validering");
    writeFileSync(path.join(dir, "rutin-svar.html"), redline.page);
    expect(await htmlValidateErrors(dir)).toEqual([]);
  });

  it("accepted reads as the diff engine's accepted tree, rejected as its rejected tree", async () => {
    // The old link leads somewhere, as it did at REF (a link to nothing does not pass validation).
    const tree = (): Root => everyMark("https://example.se/gammal-rutin");
    const marked = await render(tree(), true);
    const accepted = await render(acceptAll(tree()), false);
    const rejected = await render(rejectAll(tree()), false);
    expect(bodyTexts(acceptHtml(marked.page))).toEqual(bodyTexts(accepted.page));
    expect(bodyTexts(rejectHtml(marked.page))).toEqual(bodyTexts(rejected.page));
  });
});
