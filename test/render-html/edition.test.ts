/**
 * The HTML edition of test/fixtures/html-utgava: what it contains, how its
 * documents link to each other, filters, and the date and source it states.
 * Most of it is built with every working copy (`--status` with every
 * status), so that a draft, a remiss and a repealed document get pages; the
 * default edition, which lists those three instead, is checked at the end.
 */
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import {
  ALL_WORKING_COPIES,
  brokenLinks,
  buildHtml,
  copyFixture,
  exists,
  headingLevels,
  listFiles,
  pages,
  read,
  skippedLevels,
  tempDir,
} from "./helpers.js";

let source: string;
let out: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  source = copyFixture("html-utgava");
  out = path.join(tempDir("utgava"), "dist");
  const r = await buildHtml([source], out, ALL_WORKING_COPIES, { cwd: path.dirname(source) });
  expect(r.code, r.stderr).toBe(0);
  stdout = r.stdout;
  stderr = r.stderr;
});

describe("the edition's files", () => {
  it("has a register, one page per document, the consolidated edition and the linked files", () => {
    expect(listFiles(out)).toEqual([
      ".samdok-html.txt",
      "filer/flode-7f0ce73b95.png",
      "filer/flodesschema-99b9c23d67.pdf",
      "index.html",
      "overenskommelse-hemgang.html",
      "riktlinje-hemgang.html",
      "rutin-hemgang-gammal.html",
      "rutin-hemgang.html",
      "rutin-utkast.html",
      "samlad-utgava.html",
    ]);
    expect(stdout).toContain("5 dokument");
    expect(stderr).toBe("");
  });

  it("states the edition's date, and that the sources are not in git", () => {
    for (const file of pages(out)) {
      const html = read(out, file);
      expect(html, file).toContain('Utgåva <time datetime="2026-11-23">23 november 2026</time>');
      expect(html, file).toContain("Källversion: okänd (källorna ligger inte i git)");
    }
  });

  it("takes its date from SOURCE_DATE_EPOCH", async () => {
    const dir = path.join(tempDir("epoch"), "dist");
    const r = await buildHtml([source], dir, [], { cwd: path.dirname(source), env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, "index.html")).toContain('Utgåva <time datetime="2026-01-01">1 januari 2026</time>');
    // The revision date of rutin-hemgang (2026-09-30) has not passed on that date.
    expect(read(dir, "rutin-hemgang.html")).not.toContain("Revisionsdatum passerat");
  });

  it("has lang=sv, one h1 and no skipped heading level on every page", () => {
    for (const file of pages(out)) {
      const html = read(out, file);
      expect(html, file).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
      const levels = headingLevels(html);
      expect(
        levels.filter((l) => l === 1),
        file,
      ).toHaveLength(1);
      expect(skippedLevels(levels), file).toEqual([]);
    }
  });

  it("has no link that leads nowhere, between pages or within them", () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it("loads nothing from outside the edition", () => {
    for (const file of pages(out)) {
      const html = read(out, file);
      expect(html, file).not.toMatch(/<(link|img|script|iframe)[^>]+(src|href)="(https?:)?\/\//);
      expect(html, file).not.toMatch(/@import|url\(|@font-face/);
    }
  });
});

describe("a document page", () => {
  it("shows the metadata with the schema's Swedish labels", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    for (const label of [
      "Dokumenttyp",
      "Status",
      "Version",
      "Spår",
      "Parter",
      "Dokumentansvarig",
      "Fastställd av",
      "Fastställd datum",
      "Beslutsparagraf",
      "Diarienummer",
      "Giltig från",
      "Giltig till",
      "Revideras senast",
      "Nyckelord",
    ]) {
      expect(html).toContain(`<dt>${label}</dt>`);
    }
    expect(html).toContain("<dd>Nämnden för samverkan inom socialtjänst och vård</dd>");
    // Issue 18: an e-mail address breaks only after its @ and before its dots.
    expect(html).toContain('<a href="mailto:narvard@example.se" class="epost">narvard@<wbr>example<wbr>.se</a>');
  });

  it("shows the parties and each party's adoption", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    expect(html).toContain("1 av 3 parter har antagit version 2.0.");
    expect(html).toMatch(
      /<th scope="row">Nyköpings kommun<\/th><td data-label="Beslutsorgan">Socialnämnden<\/td><td data-label="Datum"><time datetime="2023-05-16">2023-05-16<\/time><\/td><td data-label="Version">1.0<span class="flagga"> \(äldre version\)<\/span>/,
    );
    expect(html).toMatch(/<th scope="row">Eskilstuna kommun<\/th><td data-label="Beslutsorgan">Inget antagande registrerat<\/td>/);
  });

  it("shows the change history, newest first, and the follow-ups", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    const history = html.slice(html.indexOf('id="dokument__historik"'));
    expect(history.indexOf("2.0")).toBeLessThan(history.indexOf("1.0"));
    expect(history).toContain("Reviderad efter översynen.");
    expect(html).toContain("Genomförd <time");
    expect(html).toContain('<strong class="varning">Försenad</strong>');
    expect(html).toContain("Hälso- och sjukvårdslag (2017:30), 16 kap. 4 §");
  });

  it("links to the documents it replaces, belongs to, is replaced by and relates to", () => {
    const rutin = read(out, "rutin-hemgang.html");
    expect(rutin).toMatch(/<dt>Ersätter<\/dt><dd><a href="rutin-hemgang-gammal.html">Rutin för hemgång från slutenvård<\/a><\/dd>/);
    expect(rutin).toMatch(/<dt>Överordnat dokument<\/dt><dd><a href="overenskommelse-hemgang.html">/);
    const agreement = read(out, "overenskommelse-hemgang.html");
    expect(agreement).toMatch(/<dt>Underordnade dokument<\/dt><dd><a href="rutin-hemgang.html">/);
    expect(agreement).toMatch(
      /<dt>Relaterade dokument<\/dt><dd><a href="rutin-hemgang.html">Rutin för trygg hemgång<\/a><\/dd><dd><a href="riktlinje-hemgang.html">/,
    );
  });

  it("has a banner for a draft, a consultation, a repealed document and a passed revision date", () => {
    expect(read(out, "rutin-utkast.html")).toContain(
      '<div class="banner banner-utkast"><p><strong class="banner-etikett">Utkast. </strong>',
    );
    const remiss = read(out, "riktlinje-hemgang.html");
    expect(remiss).toContain("Remissversion. </strong>Dokumentet är ute på remiss och gäller inte än.");
    expect(remiss).toContain('<time datetime="2026-11-02">2 november 2026</time>–<time datetime="2026-12-18">18 december 2026</time>');
    expect(remiss).toContain("Remissinstanser: Socialnämnden i Nyköping och Regionens primärvård.");
    expect(read(out, "rutin-hemgang-gammal.html")).toContain(
      'Upphävd. </strong>Dokumentet gäller inte längre sedan <time datetime="2024-10-31">31 oktober 2024</time>. Det är ersatt av <a href="rutin-hemgang.html">Rutin för trygg hemgång</a>.',
    );
    expect(read(out, "rutin-hemgang.html")).toContain(
      'Revisionsdatum passerat. </strong>Dokumentet skulle ha reviderats senast <time datetime="2026-09-30">30 september 2026</time>.',
    );
    expect(read(out, "overenskommelse-hemgang.html")).not.toContain('class="banner');
  });

  it("turns Markdown links between documents into links between pages and headings", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    expect(html).toContain('<a href="rutin-hemgang.html#arbetsgång">rutinen</a>');
    expect(html).toContain('<a href="riktlinje-hemgang.html">riktlinjen som är på remiss</a>');
    expect(html).toContain('<a href="#giltighetstid">Giltighetstid</a>');
    expect(html).toContain('<h2 id="giltighetstid">Giltighetstid</h2>');
    expect(read(out, "rutin-hemgang.html")).toContain('<a href="overenskommelse-hemgang.html#ansvar">överenskommelsen</a>');
  });

  it("copies linked files and images into filer/", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    expect(html).toContain('<a href="filer/flodesschema-99b9c23d67.pdf">bilaga</a>');
    expect(html).toContain('<img src="filer/flode-7f0ce73b95.png" alt="Flödesschema för trygg hemgång">');
  });

  it("turns GFM alignment into classes, gives header cells a scope, and shows task lists in words", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    for (const file of pages(out)) expect(read(out, file), file).not.toMatch(/\salign=/);
    expect(html).toContain('<th class="centrerad" scope="col">Kod</th>');
    expect(html).toContain('<table class="tabell stapla">');
    expect(html).toContain('<td class="hoger" data-label="Antal invånare">300 000</td>');
    expect(html).toContain('<span class="uppgift-tecken" aria-hidden="true">☑</span><span class="visuellt-dold">Klart: </span>');
    expect(html).not.toContain("<input");
  });

  it("labels footnotes in Swedish", () => {
    const html = read(out, "overenskommelse-hemgang.html");
    expect(html).toContain('<h2 class="fotnoter-rubrik" id="fotnoter__rubrik">Fotnoter</h2>');
    expect(html).toContain('aria-label="Tillbaka till hänvisning 1"');
    expect(html).not.toMatch(/Footnotes|Back to/);
  });
});

describe("the register", () => {
  it("lists every document with type, status, track, parties, owner, version and revision date", () => {
    const html = read(out, "index.html");
    expect(html).toMatch(
      /<tr data-typ="rutin" data-status="fastställd" data-spar="trygg-hemgang" data-part="region-04 0480 0484" data-ansvarig="narvardskoordinator" data-ordning="\d+">\n?<th scope="row" data-sort="Rutin för trygg hemgång"><a href="rutin-hemgang.html">Rutin för trygg hemgång<\/a>/,
    );
    expect(html).toMatch(/<time datetime="2026-09-30">2026-09-30<\/time><strong class="varning">passerat<\/strong>/);
    for (const id of ["overenskommelse-hemgang", "rutin-hemgang", "rutin-hemgang-gammal", "riktlinje-hemgang", "rutin-utkast"])
      expect(html).toContain(`href="${id}.html"`);
  });

  it("filters without JavaScript: menus for type, status, track, party and owner, and a rule per value", () => {
    const html = read(out, "index.html");
    for (const key of ["typ", "status", "spar", "part", "ansvarig"])
      expect(html).toContain(`<select id="filter-${key}" data-filter="${key}">`);
    expect(html).toContain('<option value="remiss">Remiss (1)</option>');
    expect(html).toContain(
      'body:has(#filter-status option[value="remiss"]:checked) .register tbody tr:not([data-status~="remiss"]){display:none}',
    );
    expect(html).toContain('body:has(#filter-part option[value="0484"]:checked) .register tbody tr:not([data-part~="0484"]){display:none}');
    // Only the register has a script, inline.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*src=/);
    for (const file of pages(out).filter((f) => f !== "index.html")) expect(read(out, file), file).not.toContain("<script");
  });
});

describe("the consolidated edition", () => {
  it("has every document in edition order (track, type, id) with a table of contents", () => {
    const html = read(out, "samlad-utgava.html");
    const order = [...html.matchAll(/<article class="samlat-dokument" aria-labelledby="([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(["overenskommelse-hemgang", "rutin-hemgang", "rutin-hemgang-gammal", "riktlinje-hemgang", "rutin-utkast"]);
    for (const id of order) expect(html).toContain(`<a href="#${id}">`);
  });

  it("turns links between documents into links within the page, with prefixed heading ids", () => {
    const html = read(out, "samlad-utgava.html");
    expect(html).toContain('<a href="#rutin-hemgang--arbetsgång">rutinen</a>');
    expect(html).toContain('<h3 id="rutin-hemgang--arbetsgång">Arbetsgång</h3>');
    expect(html).toContain('<a href="#overenskommelse-hemgang--giltighetstid">Giltighetstid</a>');
    expect(html).toContain('<a href="#rutin-hemgang-gammal">Rutin för hemgång från slutenvård</a>');
    expect(html).toContain('id="overenskommelse-hemgang--fotnot__fn-lag"');
  });

  it("starts every document on a new page when printed", () => {
    expect(read(out, "samlad-utgava.html")).toMatch(/@media print \{[^@]*\.samlat-dokument \{ break-before: page;/);
  });
});

describe("filters", () => {
  it("--status fastställd leaves out the others, says so where they are linked, and removes their old pages", async () => {
    const dir = path.join(tempDir("filter"), "dist");
    expect((await buildHtml([source], dir, ALL_WORKING_COPIES, { cwd: path.dirname(source) })).code).toBe(0);
    expect(exists(path.join(dir, "rutin-utkast.html"))).toBe(true);
    writeFileSync(path.join(dir, "egen-fil.txt"), "ska vara kvar\n");
    const r = await buildHtml([source], dir, ["--status", "fastställd"], { cwd: path.dirname(source) });
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(dir).filter((f) => f.endsWith(".html"))).toEqual([
      "index.html",
      "overenskommelse-hemgang.html",
      "rutin-hemgang.html",
      "samlad-utgava.html",
    ]);
    expect(exists(path.join(dir, "egen-fil.txt"))).toBe(true);
    const html = read(dir, "overenskommelse-hemgang.html");
    expect(html).toContain(
      '<span class="ej-publicerad">utkastet till rutin<span class="ej-publicerad-not"> (dokumentet ”Rutin för nutrition vid hemgång” ingår inte i den här utgåvan)</span></span>',
    );
    expect(html).toContain(
      '<span class="ej-publicerad">Riktlinje för hemgång med hemsjukvård<span class="ej-publicerad-not"> (remiss, ingår inte i den här utgåvan)</span></span>',
    );
    expect(read(dir, "index.html")).toContain("Utgåvan innehåller 2 av samlingens 5 dokument.");
    expect(brokenLinks(dir)).toEqual([]);
  });

  it("refuses to publish a set with errors, and writes nothing", async () => {
    const broken = copyFixture("html-utgava");
    writeFileSync(path.join(broken, "trasig.md"), "---\nid: trasig\ntitel: Trasig\n---\n\nText.\n");
    const dir = path.join(tempDir("trasig"), "dist");
    mkdirSync(dir);
    const r = await buildHtml([broken], dir, [], { cwd: path.dirname(broken) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Utgåvan publiceras inte");
    expect(listFiles(dir)).toEqual([]);
  });
});

describe("the default edition", () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = path.join(tempDir("standard"), "dist");
    result = await buildHtml([source], dir, [], { cwd: path.dirname(source) });
  });

  it("publishes the documents in force and lists the draft, the remiss and the repealed document without pages", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("2 dokument");
    expect(result.stdout).toContain("3 dokument som inte gäller listas i registret");
    expect(pages(dir)).toEqual(["index.html", "overenskommelse-hemgang.html", "rutin-hemgang.html", "samlad-utgava.html"]);
    const index = read(dir, "index.html");
    const listed = index.slice(index.indexOf('<section class="ej-publicerade"'), index.indexOf('<section class="om-utgavan"'));
    expect(listed).toContain('<h2 id="ej-publicerade">Dokument som inte ingår i utgåvan</h2>');
    expect(listed).toMatch(
      /Rutin för nutrition vid hemgång<span class="dokument-id">rutin-utkast<\/span>.*Utkast under arbete, version 0.1\. Gäller inte\./s,
    );
    expect(listed).toContain("På remiss till 18 december 2026, version 0.9. Gäller inte än.");
    // The repealed document names the one that replaced it, linked: that one is published.
    expect(listed).toContain('Upphävd 31 oktober 2024, ersatt av <a href="rutin-hemgang.html">Rutin för trygg hemgång</a>.');
    expect(listed).not.toContain('href="rutin-utkast.html"');
    expect(listed).not.toContain('href="riktlinje-hemgang.html"');
    expect(index).toContain("Utgåvan innehåller de 2 av samlingens 5 dokument som gäller den 23 november 2026.");
    expect(brokenLinks(dir)).toEqual([]);
  });

  it("says where a listed document is linked that it is not in the edition", () => {
    const html = read(dir, "overenskommelse-hemgang.html");
    expect(html).toContain(
      '<span class="ej-publicerad">Riktlinje för hemgång med hemsjukvård<span class="ej-publicerad-not"> (remiss, ingår inte i den här utgåvan)</span></span>',
    );
    expect(read(dir, "rutin-hemgang.html")).toContain(
      '<dt>Ersätter</dt><dd><span class="ej-publicerad">Rutin för hemgång från slutenvård<span class="ej-publicerad-not"> (upphävd, ingår inte i den här utgåvan)</span></span></dd>',
    );
  });
});
