/**
 * An edition per set (issue 18): a build of test/fixtures/flera-samlingar-tva
 * (Örebro and Sörmland, each with its samdok.config.json) writes each set's
 * edition into its own folder with its own title, and an index of the sets
 * beside them; one set is written as it always was; `--sammanslagen`
 * (`--merged`) gives the one merged edition of before. The output folder is
 * still swapped in whole, and a change of layout leaves nothing of the
 * previous one behind.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import {
  axeViolations,
  brokenLinks,
  copyFixture,
  htmlValidateErrors,
  launchBrowser,
  listFiles,
  read,
  snapshot,
  tempDir,
} from "../render-html/helpers.js";
import { runCli } from "../helpers/cli.js";
import { hasProgram, needPrograms } from "../helpers/programs.js";
import { pdfInfo } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function fixtureCopy(): string {
  const dir = copyFixture("flera-samlingar-tva");
  made.push(path.dirname(dir));
  return dir;
}

function outDir(name: string): string {
  const dir = tempDir(name);
  made.push(dir);
  return path.join(dir, "dist");
}

const build = (sources: string[], out: string, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(["build", ...sources, "--out", out, "--no-cache", ...extra], { cwd: path.dirname(sources[0] ?? "."), env });

const OREBRO = "Nära vård i Örebro län (prov)";
const SORMLAND = "Gemensamma styrdokument i Sörmland (prov)";

/** The title in a Word file's core properties. */
function wordTitle(file: string): string {
  const core = strFromU8(unzipSync(readFileSync(file))["docProps/core.xml"] ?? new Uint8Array());
  return /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? "";
}

describe("two sets: an edition per set", () => {
  const source = fixtureCopy();
  const out = outDir("tva");
  const built = build([source], out, ["--format", "html,docx"]);

  it("writes each set's edition into its own folder, and the index of the sets beside them", async () => {
    const r = await built;
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual([
      ".samdok-samlingar.txt",
      "index.html",
      "orebro/.samdok-docx.txt",
      "orebro/.samdok-html.txt",
      "orebro/index.html",
      "orebro/rutin-levnadsvanor.html",
      "orebro/samlad-utgava.docx",
      "orebro/samlad-utgava.html",
      "sormland/.samdok-docx.txt",
      "sormland/.samdok-html.txt",
      "sormland/index.html",
      "sormland/rutin-utskrivning.html",
      "sormland/samlad-utgava.docx",
      "sormland/samlad-utgava.html",
    ]);
    expect(read(out, ".samdok-samlingar.txt")).toBe("index.html\norebro/\nsormland/\n");
  });

  it("says where each set's edition is", async () => {
    const r = await built;
    const shown = path.relative(path.dirname(source), out);
    expect(r.stdout).toContain(`Utgåva 2026-11-23: 2 dokument, 9 filer i ${shown}/; 1 dokument som inte gäller listas i registret\n`);
    expect(r.stdout).toContain(`  ${OREBRO}: 1 dokument, 4 filer i ${shown}/orebro/\n`);
    expect(r.stdout).toContain(`  ${SORMLAND}: 1 dokument, 4 filer i ${shown}/sormland/\n`);
    expect(r.stdout).toContain(`  Samlingarna: ${shown}/index.html\n`);
  });

  it("gives each set's edition the set's own title and only the set's documents", async () => {
    await built;
    const orebro = read(out, "orebro/index.html");
    expect(orebro).toContain(`<a href="index.html">${OREBRO}</a>`);
    // Every page of a set's edition leads back to the index of the sets.
    expect(orebro).toContain('<li><a href="../index.html">Alla samlingar</a></li>');
    expect(read(out, "sormland/samlad-utgava.html")).toContain('<a href="../index.html">Alla samlingar</a>');
    expect(orebro).toContain("Rutin för samtal om levnadsvanor");
    expect(orebro).toContain("Rutin för fysisk aktivitet på recept");
    expect(orebro).not.toContain("Rutin för utskrivning från slutenvård");
    expect(read(out, "sormland/samlad-utgava.html")).not.toContain("levnadsvanor");
    expect(wordTitle(path.join(out, "orebro/samlad-utgava.docx"))).toBe(OREBRO);
    expect(wordTitle(path.join(out, "sormland/samlad-utgava.docx"))).toBe(SORMLAND);
  });

  it("has an index of the sets that names them, links to each edition and validates", async () => {
    await built;
    const index = read(out, "index.html");
    expect(index).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(index).toContain(`<h2 id="samling-orebro"><a href="orebro/index.html">${OREBRO}</a></h2>`);
    expect(index).toContain(`<h2 id="samling-sormland"><a href="sormland/index.html">${SORMLAND}</a></h2>`);
    expect(index).toContain('<a href="orebro/samlad-utgava.docx">Samlad utgåva i Word (.docx)</a>');
    expect(index).not.toContain("samlad-utgava.pdf");
    expect(index).toContain("1 dokument gäller; 1 som inte gäller listas i registret.");
    expect(index).toContain('Utgåva <time datetime="2026-11-23">23 november 2026</time>');
    expect(brokenLinks(out)).toEqual([]);
    expect(await htmlValidateErrors(out)).toEqual([]);
  });

  it("is the same bytes when built again", async () => {
    await built;
    const again = outDir("tva-igen");
    expect((await build([source], again, ["--format", "html,docx"])).code).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(out));
  });
});

describe.runIf(hasProgram("/usr/bin/chromium") || needPrograms("The index of the sets in a browser", ["/usr/bin/chromium"]))(
  "the index of the sets in a browser",
  () => {
    it("has no axe violations (WCAG 2.1 A and AA)", async () => {
      const source = fixtureCopy();
      const out = outDir("axe");
      expect((await build([source], out)).code).toBe(0);
      const browser = await launchBrowser();
      try {
        expect(await axeViolations(browser, out, ["index.html"])).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 120_000);
  },
);

describe("names from a configuration on the index of the sets", () => {
  it("are text, never markup", async () => {
    const source = fixtureCopy();
    const config = path.join(source, "orebro", "samdok.config.json");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        `"namn": "${OREBRO}"`,
        '"namn": "Örebro <img src=x onerror=alert(1)> & <script>alert(2)</script>"',
      ),
    );
    const out = outDir("namn");
    const r = await build([source], out);
    expect(r.code, r.stderr).toBe(0);
    const index = read(out, "index.html");
    expect(index).not.toMatch(/<img|<script/);
    expect(index).toContain("Örebro &#x3C;img src=x onerror=alert(1)> &#x26; &#x3C;script>alert(2)&#x3C;/script>");
  });
});

describe("one set, or one edition of all", () => {
  it("a build of one set is written as before: in the output folder itself, as --sammanslagen writes it", async () => {
    const source = fixtureCopy();
    const one = outDir("en");
    const merged = outDir("en-sammanslagen");
    const r = await build([path.join(source, "sormland")], one, ["--format", "html,docx"]);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(one)).toEqual([
      ".samdok-docx.txt",
      ".samdok-html.txt",
      "index.html",
      "rutin-utskrivning.html",
      "samlad-utgava.docx",
      "samlad-utgava.html",
    ]);
    expect(r.stdout).not.toContain("Samlingarna");
    expect(read(one, "index.html")).not.toContain("Alla samlingar");
    expect((await build([path.join(source, "sormland")], merged, ["--format", "html,docx", "--sammanslagen"])).code).toBe(0);
    expect(snapshot(merged)).toEqual(snapshot(one));
  });

  it("a filter that leaves one set with nothing gives one edition too", async () => {
    const source = fixtureCopy();
    const out = outDir("filter");
    const r = await build([source], out, ["--spar", "trygg-hemgang"]);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual([".samdok-html.txt", "index.html", "rutin-utskrivning.html", "samlad-utgava.html"]);
    expect(read(out, "index.html")).toContain(`<a href="index.html">${SORMLAND}</a>`);
  });

  it("--sammanslagen (or --merged) gives the one edition of both sets, as before", async () => {
    const source = fixtureCopy();
    const out = outDir("sammanslagen");
    const english = outDir("merged");
    const r = await build([source], out, ["--sammanslagen"]);
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(out)).toEqual([
      ".samdok-html.txt",
      "index.html",
      "rutin-levnadsvanor.html",
      "rutin-utskrivning.html",
      "samlad-utgava.html",
    ]);
    const index = read(out, "index.html");
    expect(index).toContain("Gemensamma styrdokument – Region Örebro län och Region Sörmland");
    expect(index).toContain(`<h2>${OREBRO}</h2>`);
    expect(index).toContain(`<h2>${SORMLAND}</h2>`);
    expect((await build([source], english, ["--merged"])).code).toBe(0);
    expect(snapshot(english)).toEqual(snapshot(out));
  });

  it("lists --sammanslagen in the Swedish help and --merged in the English", async () => {
    const sv = (await runCli(["build", "--help"])).stdout;
    const en = (await runCli(["--lang", "en", "build", "--help"])).stdout;
    expect(sv).toMatch(/^\s+--sammanslagen\s/m);
    expect(sv).not.toMatch(/^\s+--merged\s/m);
    expect(en).toMatch(/^\s+--merged\s/m);
    expect(en).not.toMatch(/^\s+--sammanslagen\s/m);
  });
});

describe("changing the layout in the same output folder", () => {
  it("leaves nothing of the previous layout, keeps the user's own files, and cleans each set's folder", async () => {
    const source = fixtureCopy();
    const out = outDir("byte");
    expect((await build([source], out, ["--sammanslagen", "--format", "html,docx"])).code).toBe(0);
    writeFileSync(path.join(out, "LASMIG.txt"), "egen fil");

    // Merged → a folder per set: the merged edition's files go, the user's file stays.
    expect((await build([source], out, ["--format", "html,docx"])).code).toBe(0);
    expect(listFiles(out).filter((f) => !f.includes("/"))).toEqual([".samdok-samlingar.txt", "LASMIG.txt", "index.html"]);
    expect(existsSync(path.join(out, "orebro", "rutin-levnadsvanor.html"))).toBe(true);

    // A document gone from one set: its page goes from that set's folder only.
    rmSync(path.join(source, "orebro", "rutin-levnadsvanor.md"));
    expect((await build([source], out, ["--format", "html,docx"])).code).toBe(0);
    expect(existsSync(path.join(out, "orebro", "rutin-levnadsvanor.html"))).toBe(false);
    expect(existsSync(path.join(out, "orebro", "index.html"))).toBe(true);
    expect(existsSync(path.join(out, "sormland", "rutin-utskrivning.html"))).toBe(true);

    // One set again: the sets' folders and their index go.
    expect((await build([path.join(source, "sormland")], out, ["--format", "html,docx"])).code).toBe(0);
    expect(listFiles(out)).toEqual([
      ".samdok-docx.txt",
      ".samdok-html.txt",
      "LASMIG.txt",
      "index.html",
      "rutin-utskrivning.html",
      "samlad-utgava.docx",
      "samlad-utgava.html",
    ]);
  });

  it("keeps a folder of the user's that has the name of a set no longer built", async () => {
    const source = fixtureCopy();
    const out = outDir("egen-mapp");
    expect((await build([source], out)).code).toBe(0);
    // The Örebro folder is the user's now: no samdok manifest in it.
    for (const f of listFiles(path.join(out, "orebro"))) if (f.startsWith(".samdok-")) rmSync(path.join(out, "orebro", f));
    expect((await build([path.join(source, "sormland")], out)).code).toBe(0);
    expect(existsSync(path.join(out, "orebro", "index.html"))).toBe(true);
    expect(existsSync(path.join(out, ".samdok-samlingar.txt"))).toBe(false);
  });
});

describe("samdok start (npm start) on two sets", () => {
  it("builds an edition per set and says where they are", async () => {
    const source = fixtureCopy();
    const work = path.dirname(source);
    cpSync(source, path.join(work, "documents"), { recursive: true });
    const r = await runCli(["start", "documents"], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("== Utgåvor ==");
    expect(r.stdout).toContain(`  ${OREBRO}: 1 dokument, 4 filer i dist/orebro/`);
    expect(r.stdout).toContain("  Samlingarna: dist/index.html");
    expect(existsSync(path.join(work, "dist", "sormland", "samlad-utgava.docx"))).toBe(true);
  });
});

describe.runIf(needPrograms("The PDF edition per set", ["soffice", "pdfinfo"]))("two sets with the PDF edition", () => {
  it("writes each set's PDF with the set's title into its folder, linked from the index", async () => {
    const source = fixtureCopy();
    const out = outDir("pdf");
    const r = await build([source], out, ["--format", "html,pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfInfo(path.join(out, "orebro", "samlad-utgava.pdf")).Title).toBe(OREBRO);
    expect(pdfInfo(path.join(out, "sormland", "samlad-utgava.pdf")).Title).toBe(SORMLAND);
    expect(listFiles(out).filter((f) => f.endsWith(".pdf") || f.endsWith(".samdok-pdf.txt"))).toEqual([
      "orebro/.samdok-pdf.txt",
      "orebro/samlad-utgava.pdf",
      "sormland/.samdok-pdf.txt",
      "sormland/samlad-utgava.pdf",
    ]);
    expect(read(out, "index.html")).toContain('<a href="sormland/samlad-utgava.pdf">Samlad utgåva som PDF</a>');
  }, 300_000);
});
