/**
 * `samdok import` as a command: what it writes and refuses to write
 * (--dry-run, no overwrite without --force), a bad file beside good ones,
 * usage errors, and the front matter read from a hand-built Word content
 * (unknown names reported with "Menade du …?", never guessed).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, REPO, runCli } from "../helpers/cli.js";
import { needPrograms } from "../helpers/programs.js";
import { extractMetadata, parseSwedishDate } from "../../src/import/metadata.js";
import type { SamdokConfig } from "../../src/core/config.js";
import type { WordContent } from "../../src/import/types.js";

const CONFIG = path.join(REPO, "documents/sormland/samdok.config.json");
let tmp: string;
let word: string;
let set: string;
const good = (): string => path.join(word, "riktlinje-palliativ-vard.docx");

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "samdok-import-cli-"));
  word = path.join(tmp, "word");
  const built = await runCli(["build", "documents/sormland", "--format", "docx", "--per-document", "--out", word]);
  expect(built.code, built.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => {
  set = mkdtempSync(path.join(tmp, "set-"));
  copyFileSync(CONFIG, path.join(set, "samdok.config.json"));
});

const mdFiles = (): string[] => readdirSync(set).filter((f) => f.endsWith(".md"));

describe("samdok import", () => {
  it("--dry-run shows the report and writes nothing", async () => {
    const r = await runCli(["import", good(), "--out", set, "--dry-run"]);
    expect(r.stdout).toContain("skulle skrivas som");
    expect(r.stdout).toContain("Igenkänt:");
    expect(r.stdout).toContain("--dry-run: inget skrevs");
    expect(mdFiles()).toEqual([]);
  });

  it("never overwrites without --force, and does with it", async () => {
    const first = await runCli(["import", good(), "--out", set]);
    expect(mdFiles()).toEqual(["riktlinje-palliativ-vard.md"]);
    // The body links to documents not imported here: validation says so in the report.
    expect(first.stdout).toMatch(/samdok validate: \d+ fel/);
    const target = path.join(set, "riktlinje-palliativ-vard.md");
    writeFileSync(target, `${readFileSync(target, "utf8")}\nEgen rad.\n`);
    const second = await runCli(["import", good(), "--out", set]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain("finns redan och skrevs inte över");
    expect(readFileSync(target, "utf8")).toContain("Egen rad.");
    expect(mdFiles()).toEqual(["riktlinje-palliativ-vard.md"]);
    const forced = await runCli(["import", good(), "--out", set, "--force"]);
    expect(forced.stdout).toContain("skriven som");
    expect(readFileSync(target, "utf8")).not.toContain("Egen rad.");
  });

  it("reports a bad file and still imports the good ones", async () => {
    const bad = path.join(tmp, "inte-word.docx");
    writeFileSync(bad, "detta är ingen Word-fil");
    const other = path.join(word, "rutin-egenvardsbedomning.docx");
    const r = await runCli(["import", good(), bad, other, "--out", set]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/inte-word\.docx: inte importerad/);
    expect(r.stdout).toContain("2 av 3 filer importerade");
    expect(mdFiles().sort()).toEqual(["riktlinje-palliativ-vard.md", "rutin-egenvardsbedomning.md"]);
  });

  it("gives a 50 MB file that is no Word file its own finding, and still imports the others", async () => {
    const big = path.join(tmp, "stor.docx");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
    const r = await runCli(["import", big, good(), "--out", set, "--force"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stor\.docx: inte importerad/);
    expect(r.stdout).toContain("1 av 2 filer importerade");
  });

  it.runIf(needPrograms("import av .odt", ["soffice"]))(
    "imports an .odt through LibreOffice",
    async () => {
      const odtDir = path.join(tmp, "odt");
      mkdirSync(odtDir, { recursive: true });
      execFileSync("soffice", ["--headless", "--convert-to", "odt", "--outdir", odtDir, path.join(FIXTURES, "import-word/allt.docx")], {
        stdio: "ignore",
        timeout: 120_000,
      });
      const r = await runCli(["import", path.join(odtDir, "allt.odt"), "--out", set, "--force"]);
      expect(r.code, r.stdout + r.stderr).toBeLessThan(2);
      expect(r.stdout).toContain("1 av 1 filer importerade");
    },
    180_000,
  );

  it("says plainly when LibreOffice is missing for a .doc", async () => {
    const doc = path.join(tmp, "gammal.doc");
    writeFileSync(doc, "x");
    const r = await runCli(["import", doc, good(), "--out", set], { env: { SAMDOK_SOFFICE: path.join(tmp, "no-such-soffice") } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("behöver LibreOffice");
    expect(mdFiles()).toEqual(["riktlinje-palliativ-vard.md"]);
  });

  it("refuses an --out outside a document set (exit 2)", async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "samdok-import-noset-"));
    try {
      const r = await runCli(["import", good(), "--out", outside]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("ligger inte i någon dokumentsamling");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("refuses an unknown --type or --track with a suggestion (exit 2)", async () => {
    const t = await runCli(["import", good(), "--out", set, "--type", "rutn"]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain("Menade du rutin?");
    const s = await runCli(["import", good(), "--out", set, "--track", "hs-rutinr"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("Menade du hs-rutiner?");
    expect(mdFiles()).toEqual([]);
  });

  it("has Swedish help with examples, and an English report with --lang en", async () => {
    const help = await runCli(["import", "--help"]);
    expect(help.stdout).toContain("Exempel:");
    expect(help.stdout).toContain("--dry-run");
    const en = await runCli(["--lang", "en", "import", good(), "--out", set, "--dry-run"]);
    expect(en.stdout).toContain("would be written as");
    expect(existsSync(path.join(set, "riktlinje-palliativ-vard.md"))).toBe(false);
  });
});

describe("front matter from a Word document's first-page table", () => {
  const config = JSON.parse(readFileSync(CONFIG, "utf8")) as SamdokConfig;
  const table = (rows: [string, string][]): string =>
    `<table>${rows.map(([a, b]) => `<tr><td><p>${a}</p></td><td><p>${b}</p></td></tr>`).join("")}</table>`;
  const content = (html: string, custom: Record<string, string> = {}): WordContent => ({
    html,
    properties: { title: "Rutin för läkemedel vid hemgång", custom },
    notes: [],
  });
  const base = { config, taken: new Set(["rutin-lakemedel-hemgang"]), today: "2026-11-23", fileName: "rutin.docx" };

  it("reports nothing about parties and roles it matched (a name is never both matched and unknown)", () => {
    const html = `<h1>Rutin för läkemedel vid hemgång</h1>${table([
      ["Version", "1.0"],
      ["Parter", "Region Sörmland, Nyköpings kommun och Eskilstuna kommun"],
      ["Dokumentansvarig", "Närvårdskoordinator"],
    ])}<h2>Syfte</h2><p>Text.</p>`;
    const meta = extractMetadata(content(html), base);
    expect(meta.frontMatter.parter).toEqual(["region-04", "0480", "0484"]);
    expect(meta.frontMatter.dokumentansvarig).toBe("narvardskoordinator");
    const unmatched = meta.notes.filter((n) => n.kind === "needs-person" && /Parten|Dokumentansvarig/.test(n.message.sv));
    expect(unmatched.map((n) => n.message.sv)).toEqual([]);
  });

  it("reads Swedish dates, matches names, and adopts only with a complete decision", () => {
    const html = `<h1>Rutin för läkemedel vid hemgång</h1>${table([
      ["Fastställd av:", "Länsstyrgruppen"],
      ["Beslutsdatum", "20 mars 2025, § 14"],
      ["Version", "2.1"],
      ["Giltig från", "2025-04-01"],
      ["Gäller till", "tills vidare"],
      ["Revideras senast", "31 mars 2027"],
      ["Dokumentansvarig", "Läkemedelsstrateg"],
      ["Gäller för", "Region Sörmland och samtliga kommuner"],
    ])}<h2>Syfte</h2><p>Text.</p>`;
    const m = extractMetadata(content(html), { ...base, track: "hs-rutiner" });
    expect(m.frontMatter).toMatchObject({
      id: "rutin-lakemedel-hemgang-2",
      dokumenttyp: "rutin",
      status: "fastställd",
      version: "2.1",
      spar: "hs-rutiner",
      faststalld_av: "lansstyrgruppen",
      faststalld_datum: "2025-03-20",
      beslutsparagraf: "§ 14",
      giltig_fran: "2025-04-01",
      giltig_till: "tills vidare",
      revideras_senast: "2027-03-31",
      dokumentansvarig: "lakemedelsstrateg",
    });
    expect((m.frontMatter.parter as string[]).length).toBe(10);
    expect(m.html).not.toContain("<table");
    expect(m.html).not.toContain("<h1");
    expect(m.html).toContain("Syfte");
  });

  it("leaves out and reports what the configuration does not know, and stays a draft", () => {
    const html = table([
      ["Fastställd av", "Länsstyrgrupen"],
      ["Fastställd datum", "1 februari 2024"],
      ["Dokumentansvarig", "Verksamhetschef"],
      ["Parter", "Region Sörmland, Gnesta kommun och Uppsala kommun"],
    ]);
    const m = extractMetadata(content(html, { id: "rutin-egen" }), { ...base, type: "rutin" });
    expect(m.frontMatter.id).toBe("rutin-egen");
    expect(m.frontMatter.status).toBe("utkast");
    expect(m.frontMatter.faststalld_av).toBeUndefined();
    expect(m.frontMatter.dokumentansvarig).toBeUndefined();
    expect(m.frontMatter.parter).toEqual(["region-04", "0461"]);
    const needs = m.notes.filter((n) => n.kind === "needs-person").map((n) => n.message.sv);
    expect(needs.some((s) => s.includes("Länsstyrgrupen") && s.includes("Menade du lansstyrgruppen?"))).toBe(true);
    expect(needs.some((s) => s.includes("Uppsala kommun"))).toBe(true);
    expect(needs.some((s) => s.includes("Verksamhetschef"))).toBe(true);
    expect(needs.some((s) => s.includes("importerades som utkast"))).toBe(true);
  });

  it("parses Swedish long dates and ISO dates", () => {
    expect(parseSwedishDate("20 mars 2025")).toBe("2025-03-20");
    expect(parseSwedishDate("Beslutad 1 december 2024 § 3")).toBe("2024-12-01");
    expect(parseSwedishDate("2026-02-28")).toBe("2026-02-28");
    expect(parseSwedishDate("31 februari 2025")).toBeUndefined();
    expect(parseSwedishDate("våren 2025")).toBeUndefined();
  });
});

describe("samdok import never writes through a link out of the set", () => {
  it("refuses a pictures' folder that is a symbolic link out of the set, and writes nothing there", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-import-link-"));
    const outside = mkdtempSync(path.join(os.tmpdir(), "samdok-import-outside-"));
    try {
      const set = path.join(dir, "set");
      mkdirSync(set);
      copyFileSync(path.join(FIXTURES, "_standard/samdok.config.json"), path.join(set, "samdok.config.json"));
      // allt.docx has a picture: its folder, allt-…-bilder, is made a link out of the set before the import.
      const dry = await runCli(["import", path.join(FIXTURES, "import-word/allt.docx"), "--out", set, "--dry-run"]);
      const id = /→ ([a-z0-9-]+):/.exec(dry.stdout)?.[1];
      expect(id, dry.stdout).toBeDefined();
      symlinkSync(outside, path.join(set, `${id}-bilder`));
      const r = await runCli(["import", path.join(FIXTURES, "import-word/allt.docx"), "--out", set]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("leder via en symbolisk länk ut ur samlingen");
      expect(readdirSync(outside)).toEqual([]);
      expect(readdirSync(set).filter((f) => f.endsWith(".md"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
