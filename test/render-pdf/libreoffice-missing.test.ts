/**
 * `samdok build --format pdf` where LibreOffice is missing or misbehaves,
 * without LibreOffice: the lookup reads the environment samdok is given, so
 * a PATH without soffice, or SAMDOK_SOFFICE naming a small shell script that
 * stands in for it, shows each case. Every one ends with exit 2, a plain
 * message and the previous edition untouched; a LibreOffice that hangs is
 * stopped with the processes it started.
 */
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../helpers/cli.js";
import { copyFixture, listFiles } from "../render-html/helpers.js";
import { findSoffice } from "../../src/render/pdf/soffice.js";
import { convertToPdf } from "../../src/render/pdf/convert.js";

const made: string[] = [];
function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `samdok-pdf-test-${prefix}-`));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** An executable shell script standing in for soffice. */
function fakeSoffice(dir: string, body: string, name = "soffice"): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** The script's lines that find `--outdir` and the Word files among LibreOffice's arguments. */
const ARGS = `out=""; files=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2 ;;
    -*|pdf:*) shift ;;
    *) files="$files $1"; shift ;;
  esac
done`;

const source = copyFixture("pdf-utgava");
made.push(path.dirname(source));

/** A previous edition in `dist`, to see that a failed build leaves it as it was. */
function previousEdition(): string {
  const out = path.join(temp("dist"), "dist");
  mkdirSync(out);
  writeFileSync(path.join(out, "index.html"), "tidigare utgåva");
  writeFileSync(path.join(out, ".samdok-html.txt"), "index.html\n");
  return out;
}

const build = (out: string, env: Record<string, string>, extra: string[] = []) =>
  runCli([...extra, "build", source, "--format", "html,pdf", "--out", out, "--no-cache"], { cwd: path.dirname(source), env });

describe("without LibreOffice", () => {
  const noSoffice = { PATH: temp("path") };

  it("says in Swedish how to install it, exits 2 with no stack trace, and writes nothing", async () => {
    const out = previousEdition();
    const r = await build(out, noSoffice);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("PDF-utgåvan görs av LibreOffice, som inte är installerat här");
    expect(r.stderr).toContain("apt-get install libreoffice-writer-nogui");
    expect(r.stderr).toContain("https://www.libreoffice.org/download/");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(listFiles(out)).toEqual([".samdok-html.txt", "index.html"]);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("tidigare utgåva");
  });

  it("says it in English with --lang en", async () => {
    const r = await build(path.join(temp("en"), "dist"), noSoffice, ["--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("The PDF edition is made by LibreOffice, which is not installed here");
    expect(r.stderr).toContain("apt-get install libreoffice-writer-nogui");
  });

  it("names SAMDOK_SOFFICE when it points at no program", async () => {
    const r = await build(path.join(temp("named"), "dist"), { ...noSoffice, SAMDOK_SOFFICE: "/finns/inte/soffice" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SAMDOK_SOFFICE=/finns/inte/soffice är inget program som går att köra");
  });

  it("needs no LibreOffice for the other formats", async () => {
    const r = await runCli(["build", source, "--format", "html,docx", "--out", path.join(temp("utan-pdf"), "dist"), "--no-cache"], {
      cwd: path.dirname(source),
      env: noSoffice,
    });
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("finding LibreOffice", () => {
  it("finds soffice, or else libreoffice, on PATH, and only as a program that can run", () => {
    const a = temp("a");
    const b = temp("b");
    writeFileSync(path.join(a, "soffice"), "not executable");
    expect(findSoffice({ PATH: `${a}:${b}` }, "linux")).toBeUndefined();
    const other = fakeSoffice(b, "exit 0", "libreoffice");
    expect(findSoffice({ PATH: `${a}:${b}` }, "linux")).toBe(other);
    const soffice = fakeSoffice(b, "exit 0");
    expect(findSoffice({ PATH: `${a}:${b}` }, "linux")).toBe(soffice);
    expect(findSoffice({ PATH: "", SAMDOK_SOFFICE: other }, "linux")).toBe(other);
    expect(findSoffice({}, "linux")).toBeUndefined();
  });
});

describe("a LibreOffice that fails", () => {
  it("that makes no PDF: its own words in the message, the previous edition untouched", async () => {
    const out = previousEdition();
    const soffice = fakeSoffice(temp("quiet"), `echo "Error: source file could not be loaded" >&2\nexit 0`);
    const r = await build(out, { SAMDOK_SOFFICE: soffice });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "LibreOffice gjorde ingen samlad-utgava.pdf (LibreOffice: Error: source file could not be loaded). Den tidigare utgåvan är orörd.",
    );
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("tidigare utgåva");
  });

  it("that ends with an error: its exit code and words", async () => {
    const soffice = fakeSoffice(temp("fails"), `echo "javaldx: warning" >&2\necho "Fatal: out of fonts" >&2\nexit 3`);
    const r = await build(path.join(temp("fails-out"), "dist"), { SAMDOK_SOFFICE: soffice });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("LibreOffice kunde inte göra PDF-utgåvan (slutkod 3: Fatal: out of fonts).");
  });

  it("that writes an untagged PDF (older than 7.4): refused, naming the version needed", async () => {
    const soffice = fakeSoffice(
      temp("old"),
      `${ARGS}\nfor f in $files; do printf '%%PDF-1.4\\n1 0 obj\\n<</Type/Catalog>>\\nendobj\\n%%%%EOF\\n' > "$out/$(basename "$f" .docx).pdf"; done`,
    );
    const r = await build(path.join(temp("old-out"), "dist"), { SAMDOK_SOFFICE: soffice });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("LibreOffice gjorde samlad-utgava.pdf utan taggar för tillgänglighet");
    expect(r.stderr).toContain("LibreOffice 7.4 eller senare");
  });

  it("is run without a shell, with a private profile that is removed afterwards and the tagged-PDF options as one argument", async () => {
    const dir = temp("args");
    const log = path.join(dir, "args.txt");
    const soffice = fakeSoffice(dir, `for a in "$@"; do printf '%s\\n' "$a" >> ${log}; done\nexit 0`);
    const word = path.join(dir, "a b; echo hej.docx");
    writeFileSync(word, "");
    const said = await convertToPdf([word], dir, { soffice, env: { PATH: process.env.PATH }, lang: "sv" });
    expect(said).toBe("");
    const args = readFileSync(log, "utf8").trimEnd().split("\n");
    expect(args[args.length - 1]).toBe(word);
    const profile = /^-env:UserInstallation=file:\/\/(.+)$/.exec(args[0] ?? "")?.[1] ?? "";
    expect(profile).toMatch(/samdok-lo-profil-/);
    expect(existsSync(profile)).toBe(false);
    const target = args[args.indexOf("--convert-to") + 1] ?? "";
    expect(target.startsWith("pdf:writer_pdf_Export:{")).toBe(true);
    const options = JSON.parse(target.slice("pdf:writer_pdf_Export:".length)) as Record<string, { value: string }>;
    for (const key of ["UseTaggedPDF", "PDFUACompliance", "ExportBookmarks"]) expect(options[key]?.value, key).toBe("true");
    expect(args).toContain("--headless");
  });

  it("that hangs: stopped at the time limit, with the processes it started", async () => {
    const dir = temp("hangs");
    const pids = path.join(dir, "pids");
    const soffice = fakeSoffice(dir, `sleep 60 &\necho $! > ${pids}\nwait`);
    await expect(
      convertToPdf([path.join(dir, "x.docx")], dir, { soffice, env: { PATH: process.env.PATH }, lang: "sv", timeoutMs: 1500 }),
    ).rejects.toThrow("LibreOffice blev inte klart med PDF-utgåvan på 2 sekunder och stoppades.");
    const child = Number(readFileSync(pids, "utf8"));
    const alive = (): boolean => {
      try {
        process.kill(child, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });
});
