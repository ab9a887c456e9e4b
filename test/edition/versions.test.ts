/**
 * The editions publish the version in force and announce the coming one
 * (issue 15): a rutin 1.0 in force while 2.0 is on remiss is published as
 * 1.0, from git, with a notice; drafts never decided and repealed documents
 * are listed, not published; `--as-of` publishes what applied on a date,
 * stamped "Gällande den …"; `--status` still publishes the working copies.
 * Checked in the HTML edition and in word/document.xml of the Word edition.
 */
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { xmlParts } from "../render-docx/helpers.js";
import { brokenLinks, htmlValidateErrors } from "../render-html/helpers.js";

const FIXTURE = path.join(FIXTURES, "utgava-historik");

/** The text with each [from, to] replaced once (the test fails when a line is missing). */
function edit(file: string, pairs: [string, string][]): void {
  let out = readFileSync(file, "utf8");
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`not found in ${path.basename(file)}: ${from}`);
    out = out.replace(from, to);
  }
  writeFileSync(file, out);
}

interface Repo {
  repo: TestRepo;
  rutin: string;
  v1: string;
}

/** 1.0 of the rutin fastställd in 2024; then 2.0 drafted and sent on remiss until 31 January 2027. */
function onRemiss(): Repo {
  const repo = makeRepo(FIXTURE);
  const rutin = path.join(repo.dir, "documents", "rutin-hemgang.md");
  const v1 = repo.commit("1.0 fastställd", "2024-02-29");
  edit(rutin, [
    ['status: fastställd\nversion: "1.0"', 'status: remiss\nversion: "2.0"'],
    ['faststalld_av: lansstyrgruppen\nfaststalld_datum: 2024-02-29\nbeslutsparagraf: "§ 12"\n', ""],
    ["revideras_senast: 2026-02-28\n", 'revideras_senast: 2026-02-28\nremiss:\n  fran: 2026-11-01\n  till: 2027-01-31\n  version: "2.0"\n'],
    ["Version ett av rutinen.", "Version två av rutinen, på remiss."],
  ]);
  repo.commit("2.0 på remiss", "2026-11-01");
  return { repo, rutin, v1 };
}

/** 2.0 decided on 20 November 2026, valid from 1 February 2027. */
function decide({ repo, rutin }: Repo): void {
  edit(rutin, [
    ["status: remiss", "status: fastställd"],
    ['remiss:\n  fran: 2026-11-01\n  till: 2027-01-31\n  version: "2.0"\n', ""],
    [
      "dokumentansvarig: narvardskoordinator\n",
      'dokumentansvarig: narvardskoordinator\nfaststalld_av: lansstyrgruppen\nfaststalld_datum: 2026-11-20\nbeslutsparagraf: "§ 40"\n',
    ],
    ["giltig_fran: 2024-03-01", "giltig_fran: 2027-02-01"],
    ["revideras_senast: 2026-02-28", "revideras_senast: 2028-11-20"],
    [
      "    beskrivning: Första versionen.\n",
      '    beskrivning: Första versionen.\n  - version: "2.0"\n    datum: 2026-11-20\n    beskrivning: Ny arbetsgång.\n',
    ],
    ["Version två av rutinen, på remiss.", "Version två av rutinen."],
  ]);
  repo.commit("2.0 fastställd", "2026-11-20");
}

async function build(
  repo: TestRepo,
  out: string,
  extra: string[] = [],
  now?: Date,
): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const dir = path.join(repo.dir, out);
  const r = await runCli(["build", "documents", "--format", "html,docx", "--out", out, "--no-cache", ...extra], {
    cwd: repo.dir,
    ...(now ? { now } : {}),
  });
  return { ...r, dir };
}

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), "utf8");
/** The text of word/document.xml with the runs joined (a sentence may be split over runs). */
function wordText(dir: string): string {
  const xml = xmlParts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "";
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
/** The listed-documents section of the register. */
function listedSection(html: string): string {
  const start = html.indexOf('<section class="ej-publicerade"');
  return start === -1 ? "" : html.slice(start, html.indexOf("</section>", start));
}

describe("a default edition while a new version is on remiss", () => {
  it("publishes 1.0 from git with the remiss notice, and lists the draft and the repealed document", async () => {
    const r = onRemiss();
    const { code, stdout, stderr, dir } = await build(r.repo, "dist");
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("1 dokument");
    expect(stdout).toContain("2 dokument som inte gäller listas i registret");

    const page = read(dir, "rutin-hemgang.html");
    expect(page).toContain("Version ett av rutinen.");
    expect(page).not.toContain("Version två");
    expect(page).toContain("<dt>Version</dt><dd>1.0</dd>");
    expect(page).toContain("Ny version på väg. </strong>Version 2.0 är på remiss till 31 januari 2027. Här visas version 1.0, som gäller.");
    // Where the text comes from, discreetly.
    expect(page).toContain(`Version 1.0, ur git-commit ${r.v1.slice(0, 12)} (29 februari 2024)`);
    // The published version's own headings: the link to the listed draft is text with a note.
    expect(page).toContain("ingår inte i den här utgåvan");

    expect(existsSync(path.join(dir, "riktlinje-hemgang.html"))).toBe(false);
    expect(existsSync(path.join(dir, "rutin-hemgang-gammal.html"))).toBe(false);
    const index = read(dir, "index.html");
    expect(index).toContain('<a href="rutin-hemgang.html">Rutin för trygg hemgång</a>');
    expect(index).toContain('<span class="kommande-version">2.0 på remiss</span>');
    const listed = listedSection(index);
    expect(listed).toContain("Riktlinje för hemgång med hemsjukvård");
    expect(listed).toContain("Utkast under arbete, version 0.1. Gäller inte.");
    expect(listed).toContain("Rutin för hemgång från slutenvård");
    expect(listed).toContain("Upphävd 30 juni 2026.");
    // Nothing published is listed as missing, and nothing listed is linked.
    expect(listed).not.toContain("Rutin för trygg hemgång");
    expect(listed).not.toContain("<a ");

    expect(brokenLinks(dir)).toEqual([]);
    expect(await htmlValidateErrors(dir)).toEqual([]);

    const word = wordText(dir);
    expect(word).toContain("Version ett av rutinen.");
    expect(word).not.toContain("Version två");
    expect(word).toContain("Ny version på väg. Version 2.0 är på remiss till 31 januari 2027. Här visas version 1.0, som gäller.");
    expect(word).toContain(`Version 1.0, ur git-commit ${r.v1.slice(0, 12)}`);
    expect(word).toContain("Dokument som inte ingår i utgåvan");
    expect(word).toContain(
      "Riktlinje för hemgång med hemsjukvård (riktlinje-hemgang, utkast). Utkast under arbete, version 0.1. Gäller inte.",
    );
    expect(word).toContain("Rutin för hemgång från slutenvård (rutin-hemgang-gammal, upphävd). Upphävd 30 juni 2026.");
    // One chapter, the rutin's: one Heading 1.
    const xml = xmlParts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
  });

  it("--as-of announces the remiss only while it runs, by its own dates", async () => {
    const r = onRemiss();
    const during = await build(r.repo, "under", ["--as-of", "2026-12-01"]);
    expect(during.code, during.stderr).toBe(0);
    expect(read(during.dir, "rutin-hemgang.html")).toContain("Version 2.0 är på remiss till 31 januari 2027.");
    const before = await build(r.repo, "fore", ["--as-of", "2026-10-01"]);
    expect(before.code, before.stderr).toBe(0);
    const page = read(before.dir, "rutin-hemgang.html");
    expect(page).toContain("Version ett av rutinen.");
    expect(page).not.toContain("Ny version på väg");
  });

  it("--status remiss still publishes the working copy on remiss, as it is", async () => {
    const r = onRemiss();
    const { code, stderr, dir } = await build(r.repo, "remiss", ["--status", "remiss"]);
    expect(code, stderr).toBe(0);
    const page = read(dir, "rutin-hemgang.html");
    expect(page).toContain("Version två av rutinen, på remiss.");
    expect(page).toContain("Remissversion. </strong>");
    expect(listedSection(read(dir, "index.html"))).toBe("");
    expect(wordText(dir)).toContain("Version två av rutinen, på remiss.");
  });

  it("refuses --as-of together with --status", async () => {
    const r = onRemiss();
    const result = await build(r.repo, "dist", ["--as-of", "2027-01-15", "--status", "remiss"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--as-of och --status går inte att kombinera");
    const bad = await build(r.repo, "dist", ["--as-of", "2027-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ÅÅÅÅ-MM-DD");
  });
});

describe("once 2.0 is decided, valid from 1 February 2027", () => {
  it("a default edition still publishes 1.0 and says when 2.0 applies", async () => {
    const r = onRemiss();
    decide(r);
    const { code, stderr, dir } = await build(r.repo, "dist");
    expect(code, stderr).toBe(0);
    const page = read(dir, "rutin-hemgang.html");
    expect(page).toContain("Version ett av rutinen.");
    expect(page).toContain("Version 2.0 är beslutad och gäller från 1 februari 2027.");
    expect(wordText(dir)).toContain("Version 2.0 är beslutad och gäller från 1 februari 2027.");
  });

  it("--as-of before giltig_fran publishes 1.0, after it 2.0, each stamped; the repealed and the draft are listed", async () => {
    const r = onRemiss();
    decide(r);
    const before = await build(r.repo, "fore", ["--as-of", "2027-01-15"]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain("Utgåva gällande den 2027-01-15");
    const after = await build(r.repo, "efter", ["--as-of", "2027-03-01", "--per-document"]);
    expect(after.code, after.stderr).toBe(0);

    const old = read(before.dir, "rutin-hemgang.html");
    expect(old).toContain("Version ett av rutinen.");
    expect(old).not.toContain("Version två");
    expect(old).toContain('<p class="gallande-den">Gällande den <time datetime="2027-01-15">15 januari 2027</time></p>');
    // The future seen from 15 January: 2.0 is decided and coming.
    expect(old).toContain("Version 2.0 är beslutad och gäller från 1 februari 2027.");
    const now = read(after.dir, "rutin-hemgang.html");
    expect(now).toContain("Version två av rutinen.");
    expect(now).not.toContain("Version ett");
    expect(now).not.toContain("Ny version på väg");
    expect(now).not.toContain("ur git-commit"); // the working copy is the version in force
    for (const { dir, long, iso } of [
      { dir: before.dir, long: "15 januari 2027", iso: "2027-01-15" },
      { dir: after.dir, long: "1 mars 2027", iso: "2027-03-01" },
    ]) {
      for (const file of ["index.html", "rutin-hemgang.html", "samlad-utgava.html"]) {
        expect(read(dir, file), file).toContain(`Gällande den <time datetime="${iso}">${long}</time>`);
      }
      expect(existsSync(path.join(dir, "rutin-hemgang-gammal.html"))).toBe(false);
      expect(existsSync(path.join(dir, "riktlinje-hemgang.html"))).toBe(false);
      const listed = listedSection(read(dir, "index.html"));
      expect(listed).toContain("Upphävd 30 juni 2026.");
      expect(listed).toContain("Riktlinje för hemgång med hemsjukvård");
      const word = wordText(dir);
      expect(word).toContain(`Samlad utgåva, gällande den ${long}`);
      expect(word).toContain(`Gällande den: ${long}`);
      expect(word).toContain("Rutin för hemgång från slutenvård (rutin-hemgang-gammal, upphävd). Upphävd 30 juni 2026.");
    }
    expect(wordText(before.dir)).toContain("Version ett av rutinen.");
    expect(wordText(after.dir)).toContain("Version två av rutinen.");
    // --per-document passes through: one file per published document, the version of that day.
    const single = xmlParts(path.join(after.dir, "rutin-hemgang.docx"))["word/document.xml"] ?? "";
    expect(single).toContain("Version två av rutinen.");
    expect(existsSync(path.join(after.dir, "riktlinje-hemgang.docx"))).toBe(false);
  });

  it("--as-of before the repeal publishes the repealed document as it applied then, and says when it is repealed", async () => {
    const r = onRemiss();
    decide(r);
    const { code, stderr, dir } = await build(r.repo, "2025", ["--as-of", "2025-06-01"]);
    expect(code, stderr).toBe(0);
    const page = read(dir, "rutin-hemgang-gammal.html");
    expect(page).toContain("Den gamla rutinen för hemgång.");
    expect(page).toContain('Dokumentet upphävs den <time datetime="2026-06-30">30 juni 2026</time> och gäller till dess.');
    // A past view announces nothing that came after its date.
    const rutin = read(dir, "rutin-hemgang.html");
    expect(rutin).toContain("Version ett av rutinen.");
    expect(rutin).not.toContain("Ny version på väg");
    expect(listedSection(read(dir, "index.html"))).toContain("Inte beslutat den 1 juni 2025.");
  });
});

describe("a point-in-time edition", () => {
  it("is byte-identical whatever day it is built, before or after its date (HTML and Word)", async () => {
    const r = onRemiss();
    decide(r);
    const a = await build(r.repo, "a", ["--as-of", "2027-01-15"]);
    const b = await build(r.repo, "b", ["--as-of", "2027-01-15"], new Date("2027-06-01T15:00:00Z"));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const files = readdirSync(a.dir).sort();
    expect(readdirSync(b.dir).sort()).toEqual(files);
    expect(files).toContain("samlad-utgava.docx");
    for (const file of files) expect(readFileSync(path.join(b.dir, file)).equals(readFileSync(path.join(a.dir, file))), file).toBe(true);
  });
});

describe("outside git", () => {
  it("lists a revision on remiss whose decided version cannot be read, and says why", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-utan-git-"));
    cpSync(FIXTURE, path.join(dir, "documents"), { recursive: true });
    const rutin = path.join(dir, "documents", "rutin-hemgang.md");
    edit(rutin, [
      ['status: fastställd\nversion: "1.0"', 'status: remiss\nversion: "2.0"'],
      ['faststalld_av: lansstyrgruppen\nfaststalld_datum: 2024-02-29\nbeslutsparagraf: "§ 12"\n', ""],
      [
        "revideras_senast: 2026-02-28\n",
        'revideras_senast: 2026-02-28\nremiss:\n  fran: 2026-11-01\n  till: 2027-01-31\n  version: "2.0"\n',
      ],
    ]);
    const r = await runCli(["build", "documents", "--out", "dist", "--no-cache"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "rutin-hemgang.md: version 1.0 kan gälla, men dess text kan inte hämtas (samlingen ligger inte i git); dokumentet listas utan att publiceras.",
    );
    expect(existsSync(path.join(dir, "dist", "rutin-hemgang.html"))).toBe(false);
    expect(listedSection(read(path.join(dir, "dist"), "index.html"))).toContain(
      "På remiss till 31 januari 2027, version 2.0. Gäller inte än.",
    );
  });
});
