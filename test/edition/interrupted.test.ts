/**
 * Interrupted and failing writes. A disk that fills up half-way through the
 * Word edition (node:fs's writeFileSync made to fail, as a full disk fails),
 * and a real `samdok build` killed with SIGKILL in the middle: the output
 * folder is entirely the old edition, never a mix, and the next build cleans
 * what was left and writes the new one. A write error of another command
 * is said plainly, without a stack trace.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyFixture, listFiles, snapshot, tempDir } from "../render-html/helpers.js";
import { FIXTURES, NOW, REPO, runCli, type CliResult } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";
import { describeFsError } from "../../src/core/fs-errors.js";

/** A failure to inject: given the path written to, the error to throw (or nothing). */
const fault = vi.hoisted(() => ({ when: undefined as undefined | ((file: string) => Error | undefined) }));

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const writeFileSync = ((file: Parameters<typeof actual.writeFileSync>[0], ...rest: unknown[]) => {
    const error = typeof file === "string" ? fault.when?.(file) : undefined;
    if (error) throw error;
    return (actual.writeFileSync as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof actual.writeFileSync;
  return { ...actual, default: { ...actual, writeFileSync }, writeFileSync };
});

afterEach(() => {
  fault.when = undefined;
});

/** What a full disk throws from a write: ENOSPC, and no path (write(2) has none). */
function diskFull(): Error {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
}

/** Fails the write of the n-th and later temporary files whose name matches. */
function failFrom(n: number, pattern: RegExp, error: () => Error = diskFull): void {
  let seen = 0;
  fault.when = (file) => (pattern.test(path.basename(file)) && ++seen >= n ? error() : undefined);
}

const LATER = new Date("2026-11-30T08:00:00Z");

function build(source: string, out: string, extra: string[], now: Date): Promise<CliResult> {
  return runCli(["build", source, "--out", out, "--no-cache", ...extra], { cwd: path.dirname(source), now });
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [file, data] of a) expect(b.get(file)?.equals(data), file).toBe(true);
}

describe("a disk that fills up half-way through the edition", () => {
  it("Word, per document: the folder stays the old edition; the next build cleans up and writes the new one", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("full-disk"), "dist");
    const extra = ["--format", "html,docx", "--per-document"];
    expect((await build(source, out, extra, NOW)).code).toBe(0);
    const old = snapshot(out);

    // The third Word file does not fit: two new ones are already on disk in the new folder.
    failFrom(3, /\.docx\.\d+\.\d+\.tmp$/);
    const r = await build(source, out, extra, LATER);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^samdok: Kunde inte skriva utgåvan i ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: disken är full \\(${out}/[a-z-]+\\.docx\\)\\. Den tidigare utgåvan är orörd\\.\n$`,
      ),
    );
    expect(r.stderr).not.toMatch(/internt fel|\n\s+at /);
    same(old, snapshot(out));
    expect(readdirSync(path.dirname(out))).toEqual(["dist"]);

    fault.when = undefined;
    expect((await build(source, out, extra, LATER)).code).toBe(0);
    const fresh = path.join(tempDir("full-disk-ny"), "dist");
    expect((await build(source, fresh, extra, LATER)).code).toBe(0);
    same(snapshot(fresh), snapshot(out));
    expect(readdirSync(path.dirname(out))).toEqual(["dist"]);
  });

  it("HTML: the same, with the page that did not fit named", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("full-disk-html"), "dist");
    expect((await build(source, out, [], NOW)).code).toBe(0);
    const old = snapshot(out);
    failFrom(3, /\.html\.\d+\.\d+\.tmp$/);
    const r = await build(source, out, [], LATER);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^samdok: Kunde inte skriva utgåvan i .*dist: disken är full\. Den tidigare utgåvan är orörd\.\n$/);
    same(old, snapshot(out));
    expect(readdirSync(path.dirname(out))).toEqual(["dist"]);
  });

  it("due --output: one message naming the file, which keeps its old contents", async () => {
    const dir = tempDir("due-full");
    const file = path.join(dir, "bevakning.ics");
    writeFileSync(file, "gammal");
    failFrom(1, /^\.bevakning\.ics\./);
    const r = await runCli(["due", path.join(FIXTURES, "valid-minimal"), "--format", "ics", "--output", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`samdok: Kunde inte skriva ${file}: disken är full. Filen skrevs inte.\n`);
    expect(readFileSync(file, "utf8")).toBe("gammal");
    expect(readdirSync(dir)).toEqual(["bevakning.ics"]);
  });
});

describe("the last resort in main: a file-system error naming a path", () => {
  it("is one plain message and exit 2, not an internal error with a stack", async () => {
    const set = copyFixture("valid-minimal");
    // `samdok new` writes without a message of its own: a read-only file system.
    fault.when = (file) =>
      file.endsWith(".tmp") && file.startsWith(set)
        ? Object.assign(new Error("EROFS: read-only file system, open"), { code: "EROFS", syscall: "open", path: file })
        : undefined;
    const r = await runCli(["new", "--type", "rutin", "--title", "Rutin för test", "--out", set], { cwd: path.dirname(set) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`samdok: Kunde inte öppna valid-minimal/rutin-test.md: filsystemet är skrivskyddat.\n`);
  });

  it("says nothing for what is not such an error, so a real bug keeps its stack", () => {
    expect(describeFsError(new TypeError("x is undefined"), "sv")).toBeUndefined();
    expect(describeFsError(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }), "sv")).toBeUndefined();
    expect(describeFsError(Object.assign(new Error("EWHATEVER"), { code: "EWHATEVER", path: "/x" }), "sv")).toBeUndefined();
    expect(describeFsError(Object.assign(new Error("ENOSPC"), { code: "ENOSPC", syscall: "write", path: "/a/b" }), "en")).toBe(
      "Could not write /a/b: the disk is full.",
    );
    expect(
      describeFsError(
        Object.assign(new Error("EISDIR"), { code: "EISDIR", syscall: "rename", path: "/a/t.tmp", dest: "/a/dist" }),
        "sv",
        "/a",
      ),
    ).toBe("Kunde inte byta namn på t.tmp till dist: det är en mapp, inte en fil.");
  });
});

/**
 * The CLI as installed: runs build/, which test/global-setup.ts builds when it is missing or older
 * than src/; SAMDOK_TEST_BIN runs another build of it.
 */
const BIN = process.env.SAMDOK_TEST_BIN ?? path.join(REPO, "bin/samdok.js");

const COUNT = 80;

/** A set of `count` documents: copies of valid-minimal's one document under other ids, each made longer. */
function manyDocuments(count: number): string {
  const set = path.join(tempDir("manga"), "samling");
  mkdirSync(set, { recursive: true });
  const from = path.join(FIXTURES, "valid-minimal");
  writeFileSync(path.join(set, "samdok.config.json"), readFileSync(path.join(from, "samdok.config.json")));
  const text = readFileSync(path.join(from, "rutin-utskrivning.md"), "utf8");
  for (let i = 1; i <= count; i++) {
    const id = `rutin-utskrivning-${String(i).padStart(3, "0")}`;
    const body = text
      .replace("id: rutin-utskrivning", `id: ${id}`)
      .replace("Rutin för utskrivning från slutenvård", `Rutin för utskrivning ${i}`);
    writeFileSync(
      path.join(set, `${id}.md`),
      `${body}\n${"Regionen och kommunen planerar hemgången tillsammans med patienten. ".repeat(8).trim()}\n\n`.repeat(1) +
        "\n| Steg | Vem |\n| --- | --- |\n| 1 | Regionen |\n| 2 | Kommunen |\n".repeat(10),
    );
  }
  return set;
}

describe("samdok build killed with SIGKILL in the middle", () => {
  it("leaves the old edition whole; the next build removes what it left and writes the new one", { timeout: 120_000 }, async () => {
    if (process.env.SAMDOK_TEST_BIN === undefined) requireBuild();
    const set = manyDocuments(COUNT);
    const parent = tempDir("sigkill");
    const out = path.join(parent, "dist");
    const extra = ["--format", "docx", "--per-document"];
    expect((await build(set, out, extra, NOW)).code).toBe(0);
    const old = snapshot(out);

    const child = spawn(process.execPath, [BIN, "build", set, "--out", out, "--no-cache", ...extra], {
      cwd: path.dirname(set),
      env: { ...process.env, SOURCE_DATE_EPOCH: String(LATER.getTime() / 1000) },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Kill it once a few new Word files are on disk: in its new folder, or (as samdok once
    // wrote them) over the old ones in dist/ itself, seen by their new inode.
    const inodes = new Map(readdirSync(out).map((f) => [f, statSync(path.join(out, f)).ino]));
    let inFlight = 0;
    const watcher = setInterval(() => {
      if (inFlight > 0) return;
      const stage = readdirSync(parent).find((n) => n.startsWith(`.dist.samdok-new-${child.pid}-`));
      // The new folder starts with the old edition's files as hard links (same inode): only rewritten ones count.
      let staged: string[] = [];
      try {
        if (stage)
          staged = readdirSync(path.join(parent, stage)).filter(
            (f) =>
              f.endsWith(".docx") &&
              !f.startsWith(".") &&
              statSync(path.join(parent, stage, f), { throwIfNoEntry: false })?.ino !== inodes.get(f),
          );
      } catch {
        return; // swapped in meanwhile
      }
      const replaced = [...inodes].filter(
        ([f, ino]) => f.endsWith(".docx") && statSync(path.join(out, f), { throwIfNoEntry: false })?.ino !== ino,
      );
      const files = [...staged, ...replaced];
      if (files.length >= 3) {
        inFlight = files.length;
        child.kill("SIGKILL");
      }
    }, 2);
    const signal = await exited;
    clearInterval(watcher);
    expect(signal, "the build finished before it could be killed").toBe("SIGKILL");
    // Killed with some, not all, of the new edition's files written.
    expect(inFlight).toBeGreaterThanOrEqual(3);
    expect(inFlight).toBeLessThan(COUNT + 1);
    same(old, snapshot(out));
    // What the killed build left: its half-written folder beside dist/.
    expect(readdirSync(parent).filter((n) => n !== "dist")).toEqual([
      expect.stringMatching(new RegExp(`^\\.dist\\.samdok-new-${child.pid}-[0-9a-f]+$`)),
    ]);

    expect((await build(set, out, extra, LATER)).code).toBe(0);
    expect(readdirSync(parent)).toEqual(["dist"]);
    expect(listFiles(out).filter((f) => f.endsWith(".docx"))).toHaveLength(COUNT + 1);
    const fresh = path.join(tempDir("sigkill-ny"), "dist");
    expect((await build(set, fresh, extra, LATER)).code).toBe(0);
    same(snapshot(fresh), snapshot(out));
  });
});
