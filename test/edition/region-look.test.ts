/**
 * A region's own look (issue 18): `utgava.utgivare`, `utgava.logotyp` and
 * `utgava.farg` in samdok.config.json. A colour with less than 4.5:1 against
 * white, and a logo that is missing, outside the set (also through a
 * symbolic link), not what its name says or of another kind, are
 * configuration errors (exit 2, located, with what passes). An SVG logo is
 * rewritten without scripts, handlers or links out. The HTML edition shows
 * the logo and issuer above its header in the region's colour, and passes
 * axe at desktop and phone width.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { FIXTURES, runCli, type CliResult } from "../helpers/cli.js";
import { axeViolations, launchBrowser, pages } from "../render-html/helpers.js";
import { clearConfigCache } from "../../src/core/config.js";
import { contrastRatio, DEFAULT_COLOUR, passingShade, ratioText, readLogo } from "../../src/core/config-look.js";
import { sanitizeSvg } from "../../src/core/logo-svg.js";

const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-look-"));
  temps.push(dir);
  return dir;
}

/** A copy of a fixture in a folder of its own (to break or repair). */
function copy(name: string): string {
  const dir = path.join(temp(), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

function editConfig(dir: string, change: (utgava: Record<string, unknown>) => void): void {
  const file = path.join(dir, "samdok.config.json");
  const config = JSON.parse(readFileSync(file, "utf8")) as { utgava: Record<string, unknown> };
  change(config.utgava);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  clearConfigCache();
}

const validate = (dir: string, extra: string[] = []): Promise<CliResult> => runCli(["validate", dir, "--no-cache", ...extra]);

/** Exit 2, located at `at` in samdok.config.json, SD010, the message, no stack trace. */
function expectConfigError(r: CliResult, at: string, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/samdok\.config\.json/);
  expect(r.stderr).toMatch(new RegExp(`^\\s+${at}\\s+(fel|error)\\s`, "m"));
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/SD010/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("contrast", () => {
  it("computes WCAG 2.1 contrast ratios", () => {
    expect(contrastRatio("#FFFFFF", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#FFFFFF")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeLessThan(4.5);
    expect(contrastRatio(DEFAULT_COLOUR, "#FFFFFF")).toBeGreaterThan(4.5);
  });

  it("finds the nearest darker shade of the same hue that passes", () => {
    const shade = passingShade("#FFD700");
    expect(contrastRatio(shade, "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
    // Darker, and only just: the same hue one step lighter would not pass.
    expect(shade).toBe("#8A7400");
    expect(contrastRatio("#8C7600", "#FFFFFF")).toBeLessThan(4.5);
    expect(passingShade("#005A4E")).toBe("#005A4E");
  });

  it("never rounds a refused ratio up to the limit", () => {
    expect(ratioText(4.499, "sv")).toBe("4,49:1");
    expect(ratioText(1.4, "en")).toBe("1.4:1");
  });
});

describe("the look in samdok.config.json", () => {
  it("accepts the fixture's issuer, PNG logo and colour", async () => {
    const r = await validate(path.join(FIXTURES, "region-look-ok"));
    expect(r.code, r.stderr).toBe(0);
  });

  it("refuses a colour under 4.5:1 against white, saying its ratio and which colours pass; the suggestion passes", async () => {
    const dir = copy("config-region-look-kontrast");
    expectConfigError(
      await validate(dir),
      "11:13",
      /Färgen #FFD700 har kontrasten 1,4:1 mot vitt\..*minst 4,5:1 \(WCAG 2\.1 AA\)\. Alla färger med minst 4,5:1 mot vitt går: närmast är samma nyans mörkare, #8A7400 \(4,58:1\); standardfärgen är #1D3B5C \(11,46:1\)/,
    );
    expectConfigError(await validate(dir, ["--lang", "en"]), "11:13", /The colour #FFD700 has a contrast of 1\.4:1 with white/);
    editConfig(dir, (u) => (u.farg = "#8A7400"));
    expect((await validate(dir)).code).toBe(0);
  });

  it("refuses a colour that is not #RRGGBB through the schema", async () => {
    const dir = copy("config-region-look-kontrast");
    editConfig(dir, (u) => (u.farg = "grön"));
    const r = await validate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/har fel form\. .*#RRGGBB/);
  });

  it("refuses a logo outside the set", async () => {
    expectConfigError(
      await validate(copy("config-region-look-utanfor")),
      "10:25",
      /Logotypen "\.\.\/region-look-ok\/bilder\/logotyp\.png" ligger utanför samlingens mapp/,
    );
  });

  it("refuses a logo that is a symbolic link out of the set, judged by its real path", async () => {
    const dir = copy("region-look-ok");
    const outside = path.join(temp(), "annan-logotyp.png");
    cpSync(path.join(FIXTURES, "region-look-ok/bilder/logotyp.png"), outside);
    unlinkSync(path.join(dir, "bilder/logotyp.png"));
    symlinkSync(outside, path.join(dir, "bilder/logotyp.png"));
    expectConfigError(await validate(dir), "\\d+:\\d+", /Logotypen "bilder\/logotyp\.png" ligger utanför samlingens mapp/);
    unlinkSync(path.join(dir, "bilder/logotyp.png"));
    symlinkSync("/etc/passwd", path.join(dir, "bilder/logotyp.png"));
    expectConfigError(await validate(dir), "\\d+:\\d+", /Logotypen "bilder\/logotyp\.png" ligger utanför samlingens mapp/);
  });

  it("refuses a logo that is missing, not a PNG, of another kind, or given by an absolute path", async () => {
    const dir = copy("region-look-ok");
    editConfig(dir, (u) => (u.logotyp = { fil: "bilder/saknas.png", alt: "Logotyp" }));
    expectConfigError(await validate(dir), "\\d+:\\d+", /Logotypen "bilder\/saknas\.png" finns inte\./);
    writeFileSync(path.join(dir, "bilder/logotyp.png"), "inte en bild");
    editConfig(dir, (u) => (u.logotyp = { fil: "bilder/logotyp.png", alt: "Logotyp" }));
    expectConfigError(await validate(dir), "\\d+:\\d+", /Logotypen "bilder\/logotyp\.png" är ingen PNG-bild\./);
    editConfig(dir, (u) => (u.logotyp = { fil: "bilder/logotyp.gif", alt: "Logotyp" }));
    expectConfigError(await validate(dir), "\\d+:\\d+", /ska vara en SVG- eller PNG-fil/);
    editConfig(dir, (u) => (u.logotyp = { fil: path.join(FIXTURES, "region-look-ok/bilder/logotyp.png"), alt: "Logotyp" }));
    expectConfigError(await validate(dir), "\\d+:\\d+", /ska anges relativt mappen med samdok\.config\.json/);
  });

  it("requires the logo's alt text", async () => {
    const dir = copy("region-look-ok");
    editConfig(dir, (u) => (u.logotyp = { fil: "bilder/logotyp.png" }));
    const r = await validate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/alt/);
  });
});

describe("an SVG logo", () => {
  const source = readFileSync(path.join(FIXTURES, "region-look-svg/bilder/logotyp.svg"), "utf8");

  it("is rewritten without scripts, handlers, foreign content or links out, and keeps its drawing", () => {
    const result = sanitizeSvg(source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 240 80">/);
    for (const bad of [
      "script",
      "alert",
      "onload",
      "onclick",
      "foreignObject",
      "<image",
      "<a ",
      "javascript:",
      "https://",
      "<animate",
      "<use",
    ]) {
      expect(result.svg, bad).not.toContain(bad);
    }
    expect(result.svg).toContain('fill="url(#tona)"');
    expect(result.svg).toContain(".band { fill: #7a1f5c; }");
    expect(result.svg).toContain("<title>Region Sörmland</title>");
    expect([result.width, result.height]).toEqual([240, 80]);
  });

  it("is refused when it declares entities, is no SVG or gives no size", () => {
    expect(sanitizeSvg('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">&a;</svg>').ok).toBe(
      false,
    );
    expect(sanitizeSvg("<html><body>logotyp</body></html>").ok).toBe(false);
    expect(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>').ok).toBe(false);
    expect(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="10mm"/>')).toMatchObject({ ok: true });
  });

  it("is read through the same check by the editions", () => {
    const root = path.join(FIXTURES, "region-look-svg");
    const read = readLogo(root, { fil: "bilder/logotyp.svg", alt: "Region Sörmlands logotyp" });
    expect(read.ok && read.logo.kind).toBe("svg");
    expect(read.ok && Buffer.from(read.logo.data).toString("utf8")).not.toContain("script");
  });
});

describe("the HTML edition's look", () => {
  let browser: Browser;
  const built = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const name of ["region-look-ok", "region-look-svg"]) {
      const out = path.join(temp(), "dist");
      const r = await runCli([
        "build",
        path.join(FIXTURES, name),
        "--out",
        out,
        "--no-cache",
        "--status",
        "utkast,remiss,fastställd,upphävd",
      ]);
      expect(r.code, r.stderr).toBe(0);
      built.set(name, out);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  const page = (name: string, file: string): string => readFileSync(path.join(built.get(name) ?? "", file), "utf8");

  it("shows the logo with its alt text and the issuer above the header, and uses the region's colour", () => {
    const html = page("region-look-ok", "index.html");
    expect(html).toMatch(
      /<div class="utgivare">\s*<div class="ram utgivare-ram">\s*<img class="logotyp" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Region Sörmlands logotyp" width="168" height="56">\s*<p class="utgivare-namn">Region Sörmland och länets kommuner<\/p>/,
    );
    expect(html).toContain(":root { --brand: #005a4e; --brand-dark: #003f37; --link: #005a4e; }");
    // Every page, the consolidated edition too.
    for (const file of pages(built.get("region-look-ok") ?? "")) expect(page("region-look-ok", file), file).toContain('class="logotyp"');
  });

  it("embeds an SVG logo only as an image, cleaned, and names no issuer when none is configured", () => {
    const html = page("region-look-svg", "index.html");
    const data = /<img class="logotyp" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1] ?? "";
    const svg = Buffer.from(data, "base64").toString("utf8");
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/script|onload|onclick|javascript:|https:/);
    expect(html).not.toContain("<svg");
    expect(html).not.toContain('class="utgivare-namn"');
  });

  it("leaves a set without a look as it was", async () => {
    const out = path.join(temp(), "dist");
    const r = await runCli(["build", path.join(FIXTURES, "docx-allt"), "--out", out, "--no-cache"]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).not.toContain('class="utgivare"');
    expect(html).not.toContain(":root { --brand:");
  });

  it("has zero axe violations (WCAG 2.1 A, AA) with the region's look", async () => {
    for (const name of ["region-look-ok", "region-look-svg"]) {
      const dir = built.get(name) ?? "";
      expect(
        await axeViolations(
          browser,
          dir,
          ["index.html", "rutin-remiss.html", "samlad-utgava.html"].filter((f) => pages(dir).includes(f)),
        ),
      ).toEqual([]);
    }
  }, 300_000);
});
