/**
 * The edition folder changes as a whole (src/render/shared/edition-folder.ts):
 * `build` writes into `.dist.samdok-new-*` beside `dist/` and swaps it in at
 * the end; what interrupted builds leave is cleaned by the next build; a
 * folder that is not samdok's is never taken over; an output path that cannot
 * be written fails fast with one message.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { copyFixture, listFiles, snapshot, tempDir } from "../render-html/helpers.js";
import { FIXTURES, NOW, runCli, type CliResult } from "../helpers/cli.js";
import { EDITION_MANIFESTS } from "../../src/render/shared/edition-folder.js";
import { HTML_MANIFEST } from "../../src/render/html/index.js";

const LATER = new Date("2026-11-30T08:00:00Z");

/** A process id that no process has: a child that has already exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ["-e", ""]).pid;
  if (pid === undefined) throw new Error("no child process");
  return pid;
}

function build(source: string, out: string, extra: string[] = [], now = NOW): Promise<CliResult> {
  return runCli(["build", source, "--out", out, "--no-cache", ...extra], { cwd: path.dirname(source), now });
}

/** What lies beside the output folder: only the folder itself, when no build left anything. */
function beside(out: string): string[] {
  return readdirSync(path.dirname(out)).sort();
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [file, data] of a) expect(b.get(file)?.equals(data), file).toBe(true);
}

function noStack(r: CliResult): void {
  expect(r.stderr).not.toMatch(/internt fel|internal error|\n\s+at /);
}

describe("the edition is swapped in as a whole", () => {
  it("keeps what the new edition does not replace: the other format, the user's own files; drops what is no longer in it", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("swap"), "dist");
    expect((await build(source, out)).code).toBe(0);
    writeFileSync(path.join(out, "LÄSMIG.txt"), "Vår egen fil\n");
    const html = snapshot(out);

    const r = await build(source, out, ["--format", "docx", "--per-document"], LATER);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = snapshot(out);
    // Every file of the HTML edition and the user's file, unchanged; the Word edition beside them.
    for (const [file, data] of html) expect(after.get(file)?.equals(data), file).toBe(true);
    // One file per document in force: the draft, the remiss and the repealed document are only listed.
    expect(listFiles(out).filter((f) => f.endsWith(".docx"))).toEqual([
      "overenskommelse-hemgang.docx",
      "rutin-hemgang.docx",
      "samlad-utgava.docx",
    ]);
    expect(beside(out)).toEqual(["dist"]);

    // The Word edition without --per-document: the manifest removes the files per document.
    expect((await build(source, out, ["--format", "docx"], LATER)).code).toBe(0);
    expect(listFiles(out).filter((f) => f.endsWith(".docx"))).toEqual(["samlad-utgava.docx"]);
    expect(readFileSync(path.join(out, ".samdok-docx.txt"), "utf8")).toBe("samlad-utgava.docx\n");
    // Every edition's manifest marks the folder as samdok's (issue 18 added the PDF edition's and the sets').
    expect(EDITION_MANIFESTS).toEqual([HTML_MANIFEST, ".samdok-docx.txt", ".samdok-pdf.txt", ".samdok-samlingar.txt"]);
    expect(existsSync(path.join(out, "LÄSMIG.txt"))).toBe(true);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
    expect(beside(out)).toEqual(["dist"]);
  });

  it("gives the new folder the old one's permissions, and a new one the usual ones (not 0700)", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("rattigheter"), "dist");
    expect((await build(source, out)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o777 & ~process.umask());
    chmodSync(out, 0o750);
    expect((await build(source, out, [], LATER)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o750);
  });

  it("replaces the folder a symbolic link leads to, and keeps the link", async () => {
    const source = copyFixture("html-utgava");
    const root = tempDir("lank");
    const real = path.join(root, "www", "samdok");
    mkdirSync(real, { recursive: true });
    const out = path.join(root, "dist");
    symlinkSync(real, out);
    expect((await build(source, out)).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(realpathSync(out)).toBe(realpathSync(real));
    expect(existsSync(path.join(real, "index.html"))).toBe(true);
    expect((await build(source, out, [], LATER)).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(real, "index.html"), "utf8")).toContain("2026-11-30");
    expect(readdirSync(path.join(root, "www"))).toEqual(["samdok"]);
  });
});

describe("what an interrupted build left is cleaned by the next one", () => {
  it("removes stale new folders and temporary files of dead processes, and leaves a running build's folder alone", async () => {
    const source = copyFixture("html-utgava");
    const parent = tempDir("rester");
    const out = path.join(parent, "dist");
    expect((await build(source, out)).code).toBe(0);
    const dead = deadPid();
    // A build killed half-way (SIGKILL): its new folder, and the temporary files an older samdok left in dist/.
    const staleNew = path.join(parent, `.dist.samdok-new-${dead}-0badcafe`);
    mkdirSync(path.join(staleNew, "filer"), { recursive: true });
    writeFileSync(path.join(staleNew, "index.html"), "halvt skriven");
    writeFileSync(path.join(out, `.rutin-hemgang.html.${dead}.7.tmp`), "halv");
    mkdirSync(path.join(out, "filer"), { recursive: true });
    writeFileSync(path.join(out, "filer", `.bilaga.pdf.${dead}.8.tmp`), "halv");
    // A build still running (pid 1 is alive), and a folder of another output folder's build.
    const running = path.join(parent, ".dist.samdok-new-1-00c0ffee");
    mkdirSync(running);
    const other = path.join(parent, `.annan.samdok-new-${dead}-0badcafe`);
    mkdirSync(other);

    const r = await build(source, out, [], LATER);
    expect(r.code).toBe(0);
    expect(existsSync(staleNew)).toBe(false);
    expect(listFiles(out).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(beside(out)).toEqual([".annan.samdok-new-" + dead + "-0badcafe", ".dist.samdok-new-1-00c0ffee", "dist"]);
  });

  it("also cleans when the next build is refused (a set with errors)", async () => {
    const source = copyFixture("html-utgava");
    const parent = tempDir("rester-fel");
    const out = path.join(parent, "dist");
    expect((await build(source, out)).code).toBe(0);
    const before = snapshot(out);
    const dead = deadPid();
    mkdirSync(path.join(parent, `.dist.samdok-new-${dead}-0badcafe`));
    writeFileSync(
      path.join(source, "rutin-hemgang.md"),
      readFileSync(path.join(source, "rutin-hemgang.md"), "utf8").replace(/^status: .*$/m, "status: okänd"),
    );
    const r = await build(source, out, [], LATER);
    expect(r.code).toBe(1);
    expect(beside(out)).toEqual(["dist"]);
    same(before, snapshot(out));
  });

  it("puts back the previous edition that a build killed between the two renames left aside", async () => {
    const source = copyFixture("html-utgava");
    const parent = tempDir("mellan");
    const out = path.join(parent, "dist");
    expect((await build(source, out)).code).toBe(0);
    const before = snapshot(out);
    const dead = deadPid();
    // The state after `rename(dist, .dist.samdok-old-…)`, before `rename(new, dist)`.
    renameSync(out, path.join(parent, `.dist.samdok-old-${dead}-0badcafe`));
    const newer = path.join(parent, `.dist.samdok-new-${dead}-0badf00d`);
    cpSync(path.join(parent, `.dist.samdok-old-${dead}-0badcafe`), newer, { recursive: true });
    writeFileSync(path.join(newer, "index.html"), "en annan utgåva");

    // A refused build still restores the previous edition first…
    writeFileSync(
      path.join(source, "rutin-hemgang.md"),
      readFileSync(path.join(source, "rutin-hemgang.md"), "utf8").replace(/^status: .*$/m, "status: okänd"),
    );
    expect((await build(source, out, [], LATER)).code).toBe(1);
    expect(beside(out)).toEqual(["dist"]);
    same(before, snapshot(out));

    // …and the next good build replaces it as usual.
    cpSync(path.join(FIXTURES, "html-utgava", "rutin-hemgang.md"), path.join(source, "rutin-hemgang.md"));
    expect((await build(source, out, [], LATER)).code).toBe(0);
    expect(beside(out)).toEqual(["dist"]);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("2026-11-30");
  });
});

describe("an output folder that is not samdok's is never taken over", () => {
  it("refuses the current folder, a folder above it and a folder holding the documents, and moves nothing", async () => {
    // parent/work/html-utgava: the documents; cwd is parent/work.
    const parent = tempDir("egen");
    const work = path.join(parent, "work");
    const source = path.join(work, "html-utgava");
    cpSync(path.join(FIXTURES, "html-utgava"), source, { recursive: true });
    const kept = snapshot(parent);
    // A symbolic link elsewhere that leads to the folder above: its real path counts.
    const link = path.join(tempDir("lank-upp"), "upp");
    symlinkSync(parent, link);
    for (const out of [".", work, parent, source, "html-utgava", link]) {
      const r = await runCli(["build", "html-utgava", "--out", out, "--no-cache"], { cwd: work });
      expect(r.code, out).toBe(2);
      noStack(r);
      expect(r.stderr).toMatch(/^samdok: --out .* (är den aktuella mappen|innehåller dokumenten som byggs)/);
      expect(r.stderr).toContain("ge utgåvan en egen mapp");
    }
    // The set of a document named as a file is a source too.
    const viaFile = await runCli(["build", "html-utgava/rutin-hemgang.md", "--out", "html-utgava", "--no-cache"], { cwd: work });
    expect(viaFile.code).toBe(2);
    expect(viaFile.stderr).toContain("innehåller dokumenten som byggs");
    same(kept, snapshot(parent));
    expect(readdirSync(parent)).toEqual(["work"]);
    expect(readdirSync(work)).toEqual(["html-utgava"]);
  });

  it("refuses a folder with a subfolder or Markdown and no samdok manifest; takes over loose files", async () => {
    const source = copyFixture("html-utgava");
    const parent = tempDir("frammande");
    const project = path.join(parent, "projekt");
    mkdirSync(path.join(project, "src"), { recursive: true });
    writeFileSync(path.join(project, "src", "a.ts"), "x");
    const notes = path.join(parent, "anteckningar");
    mkdirSync(notes);
    writeFileSync(path.join(notes, "möte.md"), "# Möte\n");
    for (const [out, example] of [
      [project, "src/"],
      [notes, "möte.md"],
    ] as const) {
      const before = snapshot(out);
      const r = await build(source, out);
      expect(r.code).toBe(2);
      noStack(r);
      expect(r.stderr).toContain(`innehåller annat än en tidigare utgåva från samdok (till exempel ${example})`);
      same(before, snapshot(out));
    }
    // A status report written before the first build is kept in the edition.
    const dist = path.join(parent, "dist");
    mkdirSync(dist);
    writeFileSync(path.join(dist, "statusrapport.html"), "<p>rapport</p>");
    expect((await build(source, dist)).code).toBe(0);
    expect(readFileSync(path.join(dist, "statusrapport.html"), "utf8")).toBe("<p>rapport</p>");
    expect(existsSync(path.join(dist, "index.html"))).toBe(true);
    // Once samdok's (its manifest is there), a subfolder of the user's is carried over too.
    mkdirSync(path.join(dist, "extra"));
    writeFileSync(path.join(dist, "extra", "bild.txt"), "x");
    expect((await build(source, dist, [], LATER)).code).toBe(0);
    expect(readFileSync(path.join(dist, "extra", "bild.txt"), "utf8")).toBe("x");
  });
});

describe("an output path that cannot be written fails fast, with one message", () => {
  it("--out naming a file", async () => {
    const source = copyFixture("html-utgava");
    const file = path.join(tempDir("fil"), "dist");
    writeFileSync(file, "inte en mapp");
    const r = await build(source, file);
    expect(r.code).toBe(2);
    noStack(r);
    expect(r.stderr).toBe(`samdok: --out ${file} är en fil, inte en mapp. Ange en mapp för utgåvan.\n`);
    expect(readFileSync(file, "utf8")).toBe("inte en mapp");
    const device = await build(source, "/dev/full");
    expect(device.code).toBe(2);
    expect(device.stderr).toContain("är en fil, inte en mapp");
  });

  it("--out below a file (ENOTDIR)", async () => {
    const source = copyFixture("html-utgava");
    const file = path.join(tempDir("under-fil"), "fil.txt");
    writeFileSync(file, "x");
    const r = await build(source, path.join(file, "dist"));
    expect(r.code).toBe(2);
    noStack(r);
    expect(r.stderr).toBe(
      `samdok: Kan inte skriva utgåvan i ${path.join(file, "dist")}: en del av sökvägen är en fil, inte en mapp (${file}).\n`,
    );
  });

  it("--out /proc/x exits 2 at once instead of spinning (recursive mkdir)", { timeout: 20_000 }, async () => {
    const source = copyFixture("html-utgava");
    for (const out of ["/proc/samdok-x", "/proc/samdok-x/y/z"]) {
      const started = Date.now();
      const r = await build(source, out);
      expect(r.code, out).toBe(2);
      noStack(r);
      expect(r.stderr).toMatch(/^samdok: Kan inte (skapa utgåvans mapp|skriva utgåvan i) \/proc\/samdok-x/);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it("a folder that cannot be created where the parent is read-only-like (/sys) exits 2", async () => {
    const source = copyFixture("html-utgava");
    const r = await build(source, "/sys/samdok-utgava");
    expect(r.code).toBe(2);
    noStack(r);
    expect(r.stderr).toMatch(/^samdok: Kan inte (skapa utgåvans mapp|skriva utgåvan i) \/sys\/samdok-utgava/);
  });

  it("the fixture documents still build where the output is fine (the checks refuse nothing else)", async () => {
    const out = path.join(tempDir("ok"), "dist");
    const r = await runCli(["build", path.join(FIXTURES, "html-utgava"), "--out", out, "--no-cache"]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });
});
