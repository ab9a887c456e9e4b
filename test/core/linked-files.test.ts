/**
 * Files a document links to (attachments, pictures) are read only when they
 * are regular files whose real path is inside the document root, and not too
 * large (issue 13, items 1 and 12). A pull request can add a symbolic link to
 * /proc/self/environ, /etc/passwd or a picture of another set; a FIFO or a
 * 2 GiB file can be on the machine. Validation points at the link (SD009,
 * which no configuration can switch off, for links out of the root and
 * special files; SD134 for missing and too large files); the HTML and Word
 * editions refuse the same on their own, also when validation misses it
 * (SD009 stubbed out here). A name stored in NFD (macOS) is found from an
 * NFC link.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { FIXTURES, located, runCli, validateJson, type CliResult } from "../helpers/cli.js";
import { rule as sd009 } from "../../src/rules/sd009-filer-inom-roten.js";
import { MAX_ATTACHMENT_BYTES, MAX_PICTURE_BYTES, readRegularFile, resolveInside } from "../../src/core/safe-file.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-lankade-"));
  made.push(dir);
  return dir;
}

/**
 * A copy of a fixture in a temporary folder. A relative symbolic link is copied as written (`verbatim`, for
 * links inside the set) or made absolute, so that it still leads where it led (for links out of the set).
 */
function copy(name: string, verbatim = false): string {
  const dir = path.join(tempDir(), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true, verbatimSymlinks: verbatim });
  return dir;
}

/** The copy's configuration with SD134 switched off, as a hostile pull request could do. */
function withoutSd134(dir: string): string {
  const file = path.join(dir, "samdok.config.json");
  const config = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...config, regler: { SD134: "off" } }, null, 2));
  return dir;
}

/** Adds a paragraph to the end of the copy's document. */
function append(dir: string, text: string): void {
  const file = path.join(dir, "rutin-utskrivning.md");
  writeFileSync(file, `${readFileSync(file, "utf8")}\n${text}\n`);
}

function build(dir: string, format: "html" | "docx"): Promise<CliResult & { out: string }> {
  const out = path.join(tempDir(), "dist");
  return runCli(["build", dir, "--format", format, "--out", out, "--no-cache"], { cwd: path.dirname(dir) }).then((r) => ({ ...r, out }));
}

/** Every file under a folder (none when it does not exist), with its bytes; .docx files unzipped. */
function outputs(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const data = readFileSync(abs);
        files.set(path.relative(dir, abs), data);
        if (name.endsWith(".docx"))
          for (const [part, bytes] of Object.entries(unzipSync(new Uint8Array(data)))) files.set(`${name}!${part}`, Buffer.from(bytes));
      }
    }
  };
  walk(dir);
  return files;
}

function containing(files: Map<string, Buffer>, secret: Buffer): string[] {
  return [...files].filter(([, data]) => data.includes(secret)).map(([name]) => name);
}

const noStackTrace = /at .*\.(ts|js):\d+/;

/** Something of this process's environment as /proc/self/environ gives it (the first variable). */
const environ = existsSync("/proc/self/environ") ? readFileSync("/proc/self/environ") : Buffer.alloc(0);
const firstVariable = environ.subarray(0, Math.max(0, environ.indexOf(0)));
const passwd = existsSync("/etc/passwd") ? readFileSync("/etc/passwd") : Buffer.alloc(0);
const firstPasswdLine = passwd.subarray(0, Math.max(0, passwd.indexOf(10)));
const outsidePng = readFileSync(path.join(FIXTURES, "docx-allt/bilder/flode.png"));
const onLinux = process.platform === "linux";

describe("a symbolic link out of the document root", () => {
  const attacks: [fixture: string, finding: string, secret: Buffer][] = [
    ["attack-symlink-environ", "rutin-utskrivning.md:41:4 SD009", firstVariable],
    ["attack-symlink-passwd", "rutin-utskrivning.md:41:4 SD009", firstPasswdLine],
    ["attack-symlink-picture-outside", "rutin-utskrivning.md:43:1 SD009", outsidePng],
  ];

  it("the fixtures are what they claim: links out of the root, and the secrets are there to steal", () => {
    expect(readFileSync(path.join(FIXTURES, "attack-symlink-picture-outside/bilder/flode.png"))).toEqual(outsidePng);
    if (onLinux) {
      expect(firstVariable.length).toBeGreaterThan(0);
      expect(firstPasswdLine.length).toBeGreaterThan(0);
    }
  });

  for (const [fixture, finding, secret] of attacks) {
    it.runIf(onLinux)(`${fixture}: validate points at the link (SD009, exit 1)`, async () => {
      const { code, report, stderr } = await validateJson([path.join(FIXTURES, fixture)]);
      expect(stderr).not.toMatch(noStackTrace);
      expect(located(report).map((l) => l.split("/").pop())).toEqual([finding]);
      expect(report.results[0]?.diagnostics[0]?.message).toMatch(/symbolisk länk .* utanför dokumentroten/);
      expect(code).toBe(1);
    });

    for (const format of ["html", "docx"] as const) {
      it.runIf(onLinux)(`${fixture}: build --format ${format} refuses (exit 1) and publishes nothing of it`, async () => {
        const dir = copy(fixture);
        expect(
          readFileSync(
            path.join(
              dir,
              fixture.includes("picture") ? "bilder/flode.png" : fixture.includes("passwd") ? "bilagor/anvandare.txt" : "bilagor/miljo.txt",
            ),
          ).length,
        ).toBeGreaterThan(0);
        const r = await build(dir, format);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/SD009/);
        expect(r.stderr).not.toMatch(noStackTrace);
        expect(containing(outputs(r.out), secret)).toEqual([]);
      });

      it.runIf(onLinux)(`${fixture}: with SD134 switched off, SD009 still refuses the ${format} edition`, async () => {
        const r = await build(withoutSd134(copy(fixture)), format);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/SD009/);
        expect(containing(outputs(r.out), secret)).toEqual([]);
      });

      it.runIf(onLinux)(`${fixture}: if validation missed it, the ${format} edition still never reads it`, async () => {
        const stub = vi.spyOn(sd009, "check").mockImplementation(() => undefined);
        try {
          const r = await build(withoutSd134(copy(fixture)), format);
          expect(stub).toHaveBeenCalled();
          expect(r.code, r.stderr).toBe(0);
          const files = outputs(r.out);
          expect(files.size).toBeGreaterThan(0);
          expect(containing(files, secret)).toEqual([]);
          expect([...files.keys()].filter((f) => f.startsWith("filer/") || f.includes("!word/media/"))).toEqual([]);
        } finally {
          stub.mockRestore();
        }
      });
    }
  }

  it("SD009 cannot be switched off in the configuration", async () => {
    const dir = copy("attack-symlink-passwd");
    const file = path.join(dir, "samdok.config.json");
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, "utf8")) as object), regler: { SD009: "off" } }, null, 2));
    const r = await runCli(["validate", dir, "--no-cache"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SD009/);
  });

  it("in English too", async () => {
    const r = await runCli(["validate", path.join(FIXTURES, "attack-symlink-passwd"), "--no-cache", "--lang", "en"]);
    expect(r.stdout).toMatch(/leads through a symbolic link to a file outside the document root/);
  });
});

describe("a symbolic link inside the document root", () => {
  it("validates, and both editions publish the file it leads to", async () => {
    const { code, report } = await validateJson([path.join(FIXTURES, "symlink-inside")]);
    expect(located(report)).toEqual([]);
    expect(code).toBe(0);
    const dir = copy("symlink-inside", true);
    const html = await build(dir, "html");
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr).toBe("");
    const files = outputs(html.out);
    const pdf = readFileSync(path.join(FIXTURES, "symlink-inside/bilagor/plan.pdf"));
    expect([...files.keys()].filter((f) => f.startsWith("filer/")).map((f) => f.replace(/-[0-9a-f]{10}\./, "-#."))).toEqual(
      expect.arrayContaining(["filer/senaste-#.pdf", "filer/plan-#.pdf", "filer/senaste-#.png"]),
    );
    expect(containing(files, pdf).filter((f) => f.startsWith("filer/"))).toHaveLength(2);
    const docx = await build(dir, "docx");
    expect(docx.code, docx.stderr).toBe(0);
    expect([...outputs(docx.out).keys()].filter((f) => f.includes("!word/media/"))).toHaveLength(1);
  });
});

describe("special files and size limits", () => {
  it.runIf(onLinux)("a FIFO, linked and as a picture: SD009 finding, and no build waits for it", { timeout: 20_000 }, async () => {
    const dir = copy("valid-minimal");
    mkdirSync(path.join(dir, "bilagor"));
    execFileSync("mkfifo", [path.join(dir, "bilagor", "kanal.pdf")]);
    execFileSync("mkfifo", [path.join(dir, "bilagor", "kanal.png")]);
    append(dir, "Se [kanalen](bilagor/kanal.pdf).\n\n![Kanalen som bild](bilagor/kanal.png)");
    const { code, report } = await validateJson([dir]);
    expect(report.results[0]?.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(["39:4 SD009", "41:1 SD009"]);
    expect(report.results[0]?.diagnostics[0]?.message).toMatch(/inte på en vanlig fil utan på en specialfil/);
    expect(code).toBe(1);
    withoutSd134(dir);
    for (const format of ["html", "docx"] as const) {
      const r = await build(dir, format);
      expect(r.code, r.stderr).toBe(1);
      expect([...outputs(r.out).keys()].filter((f) => f.startsWith("filer/") || f.includes("!word/media/"))).toEqual([]);
    }
    // Had validation missed them, the editions would still not wait for the FIFOs nor publish them.
    const stub = vi.spyOn(sd009, "check").mockImplementation(() => undefined);
    try {
      for (const format of ["html", "docx"] as const) {
        const r = await build(dir, format);
        expect(r.code, r.stderr).toBe(0);
        expect([...outputs(r.out).keys()].filter((f) => f.startsWith("filer/") || f.includes("!word/media/"))).toEqual([]);
      }
    } finally {
      stub.mockRestore();
    }
  });

  it("an attachment over 2 GiB (sparse): a finding with its size, never a stack trace, never read", async () => {
    const dir = copy("valid-minimal");
    mkdirSync(path.join(dir, "bilagor"));
    const fd = openSync(path.join(dir, "bilagor", "stor.pdf"), "w");
    ftruncateSync(fd, 2 * 1024 ** 3 + 1);
    closeSync(fd);
    append(dir, "Se [den stora bilagan](bilagor/stor.pdf).");
    const { code, report, stderr } = await validateJson([dir]);
    expect(stderr).not.toMatch(noStackTrace);
    expect(report.results[0]?.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(["39:4 SD134"]);
    expect(report.results[0]?.diagnostics[0]?.message).toMatch(/är 2048,0 MB, och samdok publicerar bilagor upp till 50 MB/);
    expect(code).toBe(1);
    const refused = await build(dir, "html");
    expect(refused.code).toBe(1);
    expect(refused.stderr).not.toMatch(noStackTrace);
    withoutSd134(dir);
    const r = await build(dir, "html");
    expect(r.stderr).not.toMatch(noStackTrace);
    expect(r.code, r.stderr).toBe(0);
    expect([...outputs(r.out).keys()].filter((f) => f.startsWith("filer/"))).toEqual([]);
  });

  it("a picture over 20 MB is refused, an attachment of the same size is not", async () => {
    const dir = copy("valid-minimal");
    mkdirSync(path.join(dir, "bilder"));
    const big = path.join(dir, "bilder", "stor.png");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 25 * 1024 * 1024);
    closeSync(fd);
    append(dir, "![En stor bild](bilder/stor.png)\n\nOch [samma fil som bilaga](bilder/stor.png).");
    const { report } = await validateJson([dir]);
    expect(report.results[0]?.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(["39:1 SD134"]);
    expect(report.results[0]?.diagnostics[0]?.message).toMatch(/är 25,0 MB, och samdok publicerar bilder upp till 20 MB/);
    expect(resolveInside(dir, big, MAX_ATTACHMENT_BYTES)).toMatchObject({ ok: true, size: 25 * 1024 * 1024 });
    expect(readRegularFile(dir, big, MAX_PICTURE_BYTES)).toEqual({ ok: false, problem: "too-large", size: 25 * 1024 * 1024 });
  });
});

describe("a file name stored in NFD (macOS), linked in NFC", () => {
  const nfdPdf = "va\u030Ardplan.pdf";

  it("the fixture really has NFD names on disk, and the text links in NFC", () => {
    expect(readdirSync(path.join(FIXTURES, "nfd-bilaga/bilagor"))).toEqual([nfdPdf]);
    expect(readdirSync(path.join(FIXTURES, "nfd-bilaga/bilder"))).toEqual(["o\u0308versikt.png"]);
    expect(readFileSync(path.join(FIXTURES, "nfd-bilaga/rutin-utskrivning.md"), "utf8")).toContain("(bilagor/v\u00e5rdplan.pdf)");
  });

  it("validates without a finding", async () => {
    const { code, report } = await validateJson([path.join(FIXTURES, "nfd-bilaga")]);
    expect(located(report)).toEqual([]);
    expect(code).toBe(0);
  });

  it("is published under the NFC name in HTML, and the picture is embedded in Word", async () => {
    const dir = copy("nfd-bilaga");
    const html = await build(dir, "html");
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr).toBe("");
    const files = [...outputs(html.out).keys()].filter((f) => f.startsWith("filer/"));
    expect(files.map((f) => f.replace(/-[0-9a-f]{10}\./, "-#."))).toEqual(
      ["filer/v\u00e5rdplan-#.pdf", "filer/\u00f6versikt-#.png"].sort(),
    );
    const page = readFileSync(path.join(html.out, "rutin-utskrivning.html"), "utf8");
    for (const f of files) expect(page).toContain(`"${f}"`);
    const docx = await build(dir, "docx");
    expect(docx.code, docx.stderr).toBe(0);
    expect([...outputs(docx.out).keys()].filter((f) => f.includes("!word/media/"))).toHaveLength(1);
  });

  it("a name that differs in more than normalisation is still missing", async () => {
    const dir = copy("nfd-bilaga");
    append(dir, "Se [planen](bilagor/vardplan.pdf).");
    const { report } = await validateJson([dir]);
    expect(report.results[0]?.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(["45:4 SD134"]);
    expect(report.results[0]?.diagnostics[0]?.message).toMatch(/filen finns inte/);
  });
});

describe("resolveInside and readRegularFile", () => {
  it("tell apart inside, outside (also through a linked folder), missing, a folder and a broken link", () => {
    const root = path.join(tempDir(), "rot");
    mkdirSync(path.join(root, "bilagor"), { recursive: true });
    writeFileSync(path.join(root, "bilagor", "a.txt"), "hej");
    const elsewhere = tempDir();
    writeFileSync(path.join(elsewhere, "hemlig.txt"), "hemligt");
    symlinkSync(elsewhere, path.join(root, "genvag"));
    symlinkSync(path.join(root, "saknas.txt"), path.join(root, "trasig.txt"));
    const at = (p: string): string => path.join(root, p);
    expect(resolveInside(root, at("bilagor/a.txt"), 100)).toMatchObject({ ok: true, size: 3 });
    expect(readRegularFile(root, at("bilagor/a.txt"), 100)).toMatchObject({ ok: true, data: Buffer.from("hej") });
    expect(resolveInside(root, at("genvag/hemlig.txt"), 100)).toEqual({ ok: false, problem: "outside" });
    expect(readRegularFile(root, at("genvag/hemlig.txt"), 100)).toEqual({ ok: false, problem: "outside" });
    expect(resolveInside(root, path.join(elsewhere, "hemlig.txt"), 100)).toEqual({ ok: false, problem: "outside" });
    expect(resolveInside(root, at("bilagor/b.txt"), 100)).toEqual({ ok: false, problem: "missing" });
    expect(resolveInside(root, at("bilagor"), 100)).toEqual({ ok: false, problem: "directory" });
    expect(resolveInside(root, at("trasig.txt"), 100)).toEqual({ ok: false, problem: "missing" });
    expect(resolveInside(root, at("bilagor/a.txt"), 2)).toEqual({ ok: false, problem: "too-large", size: 3 });
  });

  it.runIf(onLinux)("refuse a FIFO, also behind a symbolic link inside the root, without opening it", () => {
    const root = path.join(tempDir(), "rot");
    mkdirSync(root);
    execFileSync("mkfifo", [path.join(root, "kanal")]);
    symlinkSync("kanal", path.join(root, "genvag.pdf"));
    for (const name of ["kanal", "genvag.pdf"]) {
      expect(resolveInside(root, path.join(root, name), 100)).toEqual({ ok: false, problem: "special" });
      expect(readRegularFile(root, path.join(root, name), 100)).toEqual({ ok: false, problem: "special" });
    }
  });
});
