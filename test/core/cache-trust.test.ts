/**
 * Issue 13 ("Trust"), the cache: a `.samdokcache` that someone else wrote
 * must never decide what a run reports. The attacks, each tested both ways:
 *
 * - a pull request adds a personnummer together with a `.samdokcache` that
 *   calls the document clean (test/fixtures/attack-forged-cache), or the
 *   set-wide findings clean (test/fixtures/attack-forged-cache-set): the
 *   lines are signed with the key of the one who wrote them, so the forgery
 *   works against its author's own samdok and against no one else's;
 * - the cache is committed to git, or the run is a CI job: not read;
 * - `.samdokcache` is a FIFO, a link (to a FIFO, /dev/zero, another file) or
 *   huge: never opened, nothing blocks;
 * - a damaged line (cut short, garbage, wrong types): ignored and rebuilt.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  ftruncateSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli, type JsonReport } from "../helpers/cli.js";
import { git } from "../ci/git-repo.js";
import { MAX_CACHE_BYTES, trackedByGit } from "../../src/core/cache.js";
import { cacheKeyDir, loadCacheKey } from "../../src/core/cache-key.js";

const DOC = "rutin-utskrivning.md";
const PERSONNUMMER = "121212-1212";
const POSIX = process.platform !== "win32";

let root = "";
/** The documents (and the working directory of every run). */
let work = "";
/** The key folders of the one who forges the cache and of the one who runs samdok. */
let attacker = "";
let victim = "";

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "samdok-trust-"));
  work = path.join(root, "work");
  attacker = path.join(root, "keys-attacker");
  victim = path.join(root, "keys-victim");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  report: JsonReport;
  ruleIds: string[];
  /** How often the document was read: 0 when the cache answered by size and time. */
  reads: number;
}

async function validate(
  keyDir: string,
  extra: string[] = [],
  env: Record<string, string> = {},
  cwd = work,
  paths = ["."],
): Promise<RunResult> {
  let reads = 0;
  const r = await runCli(["validate", ...paths, "--format", "json", ...extra], {
    cwd,
    env: { SAMDOK_CACHE_KEY_DIR: keyDir, ...env },
    readFile: (abs) => {
      if (path.basename(abs) === DOC) reads++;
      return readFileSync(abs);
    },
  });
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return { ...r, report, ruleIds: report.results.flatMap((x) => x.diagnostics.map((d) => d.ruleId)), reads };
}

const docPath = (dir = work): string => path.join(dir, DOC);
const cachePath = (dir = work): string => path.join(dir, ".samdokcache");

/**
 * Re-signs every line of a cache after `edit` as samdok does (HMAC-SHA256 of
 * the run's key and the line), with the key in `keyDir`: what anyone can do
 * with a key of their own, since the format is public.
 */
function resign(file: string, keyDir: string, edit: (fields: string[]) => string[]): void {
  const key = Buffer.from(readFileSync(path.join(keyDir, "key"), "utf8").trim(), "hex");
  const [header, ...lines] = readFileSync(file, "latin1").split("\n");
  const globalKey = (header ?? "").split("\t")[1] ?? "";
  const out = [header];
  for (const line of lines) {
    if (line === "") continue;
    const body = edit(line.split("\t").slice(0, -1)).join("\t");
    out.push(`${body}\t${createHmac("sha256", key).update(globalKey).update("\n").update(body, "latin1").digest("hex").slice(0, 32)}`);
  }
  writeFileSync(file, `${out.join("\n")}\n`, "latin1");
}

/**
 * The attack on one document: validate a clean version with `keyDir`'s key,
 * put the personnummer back, and make the cache say that these bytes are
 * the clean result. Returns the forged cache's text.
 */
async function forgeCleanDocument(keyDir: string, dir = work, docRel = DOC): Promise<string> {
  const file = path.join(dir, docRel);
  const dirty = readFileSync(file);
  writeFileSync(file, dirty.toString("utf8").replace(`personnummer ${PERSONNUMMER}`, "personnumret ur journalen"));
  const clean = await validate(keyDir, [], {}, dir);
  expect(clean.code, clean.stdout).toBe(0);
  writeFileSync(file, dirty);
  resign(cachePath(dir), keyDir, (f) => (f[0] === docRel ? [f[0], sha256(dirty), ...f.slice(2)] : f));
  return readFileSync(cachePath(dir), "latin1");
}

describe("a forged .samdokcache does not hide a personnummer", () => {
  beforeEach(() => cpSync(path.join(FIXTURES, "attack-forged-cache"), work, { recursive: true }));

  it("validate: the forgery works only with the key that signed it", async () => {
    const forged = await forgeCleanDocument(attacker);
    // Against its author's own samdok the forged line is trusted: the attack is real.
    const own = await validate(attacker);
    expect(own.code).toBe(0);
    expect(own.ruleIds).not.toContain("SD140");
    // Anyone else's samdok ignores it and finds the personnummer.
    writeFileSync(cachePath(), forged, "latin1");
    const other = await validate(victim);
    expect(other.code).toBe(1);
    expect(other.ruleIds).toContain("SD140");
    expect(other.reads).toBe(1);
    // And replaces the cache with its own, which then answers.
    expect(readFileSync(cachePath(), "latin1")).not.toBe(forged);
    const again = await validate(victim);
    expect(again.ruleIds).toContain("SD140");
    expect(again.reads).toBe(0);
  });

  it("validate: lines copied under this user's first line, but not signed with its key, are ignored", async () => {
    await validate(victim); // the victim's own cache: its first line
    const header = readFileSync(cachePath(), "latin1").split("\n")[0] as string;
    const forged = await forgeCleanDocument(attacker);
    const lines = forged.split("\n").slice(1);
    writeFileSync(cachePath(), [header, ...lines].join("\n"), "latin1");
    const r = await validate(victim);
    expect(r.code).toBe(1);
    expect(r.ruleIds).toContain("SD140");
    // Unsigned lines (the format before signatures) are no better.
    writeFileSync(cachePath(), [header, ...lines.map((l) => l.slice(0, l.lastIndexOf("\t")))].join("\n"), "latin1");
    expect((await validate(victim)).ruleIds).toContain("SD140");
  });

  it("build refuses to publish: the forgery publishes the personnummer only for its author", async () => {
    const forged = await forgeCleanDocument(attacker);
    const build = (keyDir: string) => runCli(["build", ".", "--out", "../ut"], { cwd: work, env: { SAMDOK_CACHE_KEY_DIR: keyDir } });
    const own = await build(attacker);
    expect(own.code).toBe(0);
    const published = readdirSync(path.join(root, "ut"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
    expect(published.some((f) => readFileSync(path.join(root, "ut", f), "utf8").includes(PERSONNUMMER))).toBe(true);
    rmSync(path.join(root, "ut"), { recursive: true, force: true });
    writeFileSync(cachePath(), forged, "latin1");
    const other = await build(victim);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/SD140/);
    expect(existsSync(path.join(root, "ut"))).toBe(false);
  });
});

describe("a forged .samdokcache does not hide the set-wide findings", () => {
  it("the set's line (set:samdok.config.json) is signed like the documents' lines", async () => {
    cpSync(path.join(FIXTURES, "attack-forged-cache-set"), work, { recursive: true });
    // The victim's own first line, to put the forged lines under.
    await validate(victim);
    const victimHeader = readFileSync(cachePath(), "latin1").split("\n")[0] as string;
    rmSync(cachePath());
    const file = docPath();
    const dirty = readFileSync(file, "utf8");
    // The clean set's findings (none), then the dirty set's fingerprint with them.
    writeFileSync(file, dirty.replace(" enligt [checklistan](checklista-hemgang.md)", ""));
    expect((await validate(attacker)).code).toBe(0);
    const cleanSet = readFileSync(cachePath(), "latin1")
      .split("\n")
      .find((l) => l.startsWith("set:"))
      ?.split("\t")[4];
    expect(cleanSet).toBeDefined();
    writeFileSync(file, dirty);
    const honest = await validate(attacker);
    expect(honest.code).toBe(1);
    expect(honest.ruleIds).toContain("SD133");
    resign(cachePath(), attacker, (f) => (f[0]?.startsWith("set:") ? [...f.slice(0, 4), cleanSet as string] : f));
    const forged = readFileSync(cachePath(), "latin1");
    // Its author's samdok trusts it…
    const own = await validate(attacker);
    expect(own.code).toBe(0);
    expect(own.ruleIds).not.toContain("SD133");
    // …no one else's does, not even under that one's own first line.
    writeFileSync(cachePath(), forged, "latin1");
    const other = await validate(victim);
    expect(other.code).toBe(1);
    expect(other.ruleIds).toContain("SD133");
    writeFileSync(cachePath(), [victimHeader, ...forged.split("\n").slice(1)].join("\n"), "latin1");
    const under = await validate(victim);
    expect(under.code).toBe(1);
    expect(under.ruleIds).toContain("SD133");
  });
});

describe("where a cache may come from", () => {
  /** A repository whose main holds the clean document, cloned into `work` on a branch. */
  function repository(): void {
    const upstream = path.join(root, "upstream");
    mkdirSync(path.join(upstream, "documents"), { recursive: true });
    git(upstream, "init", "-q", "-b", "main");
    cpSync(path.join(FIXTURES, "attack-forged-cache"), path.join(upstream, "documents"), { recursive: true });
    const doc = path.join(upstream, "documents", DOC);
    writeFileSync(doc, readFileSync(doc, "utf8").replace(`personnummer ${PERSONNUMMER}`, "personnumret ur journalen"));
    git(upstream, "add", "-A");
    git(upstream, "commit", "-q", "-m", "Rutinen");
    git(root, "clone", "-q", upstream, work);
    git(work, "checkout", "-q", "-b", "pr");
    cpSync(path.join(FIXTURES, "attack-forged-cache", DOC), path.join(work, "documents", DOC));
  }

  it("a cache that git tracks is not used, even one signed with this user's key; an untracked one is", async () => {
    repository();
    // The worst case: a forged cache that this user's key signed (as if the key had leaked).
    await forgeCleanDocument(victim, work, `documents/${DOC}`);
    git(work, "add", "-f", ".samdokcache", "documents");
    git(work, "commit", "-q", "-m", "Kontaktvägar");
    expect(trackedByGit(cachePath())).toBe(true);
    // The pull request's check, as the workflow runs it.
    const pr = await runCli(["validate", "documents", "--changed-since", "origin/main", "--format", "github"], {
      cwd: work,
      env: { SAMDOK_CACHE_KEY_DIR: victim },
    });
    expect(pr.code).toBe(1);
    expect(pr.stdout).toMatch(/::error .*SD140/);
    expect(pr.stderr).toMatch(/samdok: Cachen \.samdokcache är incheckad i git och används inte.*git rm --cached \.samdokcache/);
    expect(pr.stderr.trim().split("\n")).toHaveLength(1);
    const plain = await validate(victim, [], {}, work, ["documents"]);
    expect(plain.code).toBe(1);
    expect(plain.ruleIds).toContain("SD140");
    // The tracked file is neither read nor written.
    const committed = git(work, "show", "HEAD:.samdokcache");
    expect(readFileSync(cachePath(), "latin1")).toBe(committed);
    // Untracked (and ignored), the very same file is used: the check above is what refused it.
    git(work, "rm", "-q", "--cached", ".samdokcache");
    writeFileSync(path.join(work, ".gitignore"), ".samdokcache\n");
    writeFileSync(cachePath(), committed, "latin1");
    expect(trackedByGit(cachePath())).toBe(false);
    const used = await validate(victim, [], {}, work, ["documents"]);
    expect(used.code).toBe(0);
    expect(used.stderr).toBe("");
  });

  it("in English too", async () => {
    repository();
    await validate(victim, [], {}, work, ["documents"]);
    git(work, "add", "-f", ".samdokcache");
    const r = await runCli(["validate", "documents", "--lang", "en"], { cwd: work, env: { SAMDOK_CACHE_KEY_DIR: victim } });
    expect(r.stderr).toMatch(/samdok: The cache \.samdokcache is tracked by git and is not used/);
  });

  it("outside a repository, and without git at all, validate works and uses the cache", async () => {
    cpSync(path.join(FIXTURES, "valid-minimal"), work, { recursive: true });
    expect((await validate(victim)).code).toBe(0);
    const saved = process.env.PATH;
    process.env.PATH = path.join(root, "no-git-here");
    try {
      expect(trackedByGit(cachePath())).toBe(false);
      const r = await validate(victim);
      expect(r.code).toBe(0);
      expect(r.reads).toBe(0);
      expect(r.stderr).toBe("");
    } finally {
      process.env.PATH = saved;
    }
  });

  it("in CI the working tree's .samdokcache is not read unless --cache or --cache-location asks for it", async () => {
    cpSync(path.join(FIXTURES, "attack-forged-cache"), work, { recursive: true });
    // A forged cache this user's key signed: whether it is read shows in the exit code.
    const forged = await forgeCleanDocument(victim);
    const again = async (extra: string[], env: Record<string, string>) => {
      writeFileSync(cachePath(), forged, "latin1");
      return validate(victim, extra, env);
    };
    for (const ci of ["true", "1", "yes", "GitLab"]) {
      const r = await again([], { CI: ci });
      expect(r.code, `CI=${ci}`).toBe(1);
      expect(r.ruleIds).toContain("SD140");
      expect(r.stderr).toMatch(/samdok: \.samdokcache läses inte i CI/);
      // Not written either.
      expect(readFileSync(cachePath(), "latin1")).toBe(forged);
    }
    expect((await again(["--cache"], { CI: "true" })).code).toBe(0);
    expect((await again(["--cache-location", ".samdokcache"], { CI: "true" })).code).toBe(0);
    for (const ci of ["", "false", "0"]) expect((await again([], { CI: ci })).code, `CI=${ci}`).toBe(0);
    // build, the same.
    writeFileSync(cachePath(), forged, "latin1");
    const build = await runCli(["build", ".", "--out", "../ut"], { cwd: work, env: { SAMDOK_CACHE_KEY_DIR: victim, CI: "true" } });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/SD140/);
    writeFileSync(cachePath(), forged, "latin1");
    const asked = await runCli(["build", ".", "--out", "../ut", "--cache"], {
      cwd: work,
      env: { SAMDOK_CACHE_KEY_DIR: victim, CI: "true" },
    });
    expect(asked.code).toBe(0);
  });

  it("samdok init puts .samdokcache in the repository's .gitignore, and git then ignores it", async () => {
    mkdirSync(work);
    git(work, "init", "-q");
    expect((await runCli(["init", "."], { cwd: work })).code).toBe(0);
    expect(readFileSync(path.join(work, ".gitignore"), "utf8")).toMatch(/^\.samdokcache$/m);
    writeFileSync(cachePath(), "x");
    expect(git(work, "check-ignore", ".samdokcache").trim()).toBe(".samdokcache");
  });
});

/**
 * Runs `run` while a separate process waits `ms` and then opens `fifo` for
 * writing and closes it: a reader blocked on the FIFO is let go then, so
 * that a regression fails this test (too slow) instead of hanging it.
 */
async function withFifoReleased<T>(fifo: string, ms: number, run: () => Promise<T>): Promise<{ value: T; elapsed: number }> {
  const child = spawn(process.execPath, ["-e", `setTimeout(() => require("node:fs").writeFileSync(process.argv[1], ""), ${ms})`, fifo], {
    stdio: "ignore",
  });
  const start = Date.now();
  try {
    const value = await run();
    return { value, elapsed: Date.now() - start };
  } finally {
    child.kill("SIGKILL");
  }
}

describe.runIf(POSIX)("a .samdokcache that is not a regular file is never opened", () => {
  beforeEach(() => cpSync(path.join(FIXTURES, "valid-minimal"), work, { recursive: true }));

  const special = async (make: () => void, extra: string[] = []): Promise<RunResult> => {
    make();
    // Opening .samdokcache for writing (through a link too) lets go of a reader blocked on it.
    const { value, elapsed } = await withFifoReleased(cachePath(), 15_000, () => validate(victim, extra));
    expect(elapsed).toBeLessThan(10_000);
    expect(value.code).toBe(0);
    expect(value.stderr).toMatch(
      /^samdok: Cachen .* är ingen vanlig fil .* och används inte\. Ta bort den, eller ange en annan fil med --cache-location\.\n$/,
    );
    return value;
  };

  it("a FIFO, a link to a FIFO, a link to /dev/zero, a folder: no hang, a one-line note, left alone", async () => {
    const fifo = path.join(root, "fifo");
    execFileSync("mkfifo", [fifo]);
    await special(() => execFileSync("mkfifo", [cachePath()]));
    expect(lstatSync(cachePath()).isFIFO()).toBe(true);
    rmSync(cachePath());
    await special(() => symlinkSync(fifo, cachePath()));
    expect(lstatSync(cachePath()).isSymbolicLink()).toBe(true);
    rmSync(cachePath());
    if (existsSync("/dev/zero")) {
      await special(() => symlinkSync("/dev/zero", cachePath()));
      rmSync(cachePath());
    }
    await special(() => mkdirSync(cachePath()));
    rmSync(cachePath(), { recursive: true });
    // --cache-location naming a FIFO is refused the same way.
    const named = await withFifoReleased(fifo, 15_000, () => validate(victim, ["--cache-location", fifo]));
    expect(named.elapsed).toBeLessThan(10_000);
    expect(named.value.stderr).toMatch(/är ingen vanlig fil/);
  });

  it("a link to a cache elsewhere is not followed, even to one this user's key signed", async () => {
    cpSync(path.join(FIXTURES, "attack-forged-cache"), work, { recursive: true });
    const forged = await forgeCleanDocument(victim);
    const elsewhere = path.join(root, "elsewhere.samdokcache");
    writeFileSync(elsewhere, forged, "latin1");
    rmSync(cachePath());
    symlinkSync(elsewhere, cachePath());
    const linked = await validate(victim);
    expect(linked.code).toBe(1);
    expect(linked.ruleIds).toContain("SD140");
    expect(linked.stderr).toMatch(/är ingen vanlig fil/);
    expect(readFileSync(elsewhere, "latin1")).toBe(forged);
    // The same file named directly is read: the link is what was refused.
    expect((await validate(victim, ["--cache-location", elsewhere])).code).toBe(0);
  });

  it("a cache larger than 256 MB is not read, and is written anew", async () => {
    const fd = openSync(cachePath(), "w");
    ftruncateSync(fd, MAX_CACHE_BYTES + 1); // sparse: takes no room on disk
    closeSync(fd);
    const r = await validate(victim);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^samdok: Cachen \.samdokcache är större än 256 MB och läses inte; den byggs upp på nytt\.\n$/);
    expect(statSync(cachePath()).size).toBeLessThan(100_000);
    const again = await validate(victim);
    expect(again.reads).toBe(0);
    expect(again.stderr).toBe("");
  });
});

describe("a damaged cache is ignored and rebuilt", () => {
  beforeEach(() => cpSync(path.join(FIXTURES, "attack-forged-cache"), work, { recursive: true }));

  const damages: [string, (line: string) => string][] = [
    ["a result cut short", (l) => l.replace(/\}\t([0-9a-f]{32})$/, "\t$1")],
    ["garbage bytes", (l) => `${l.slice(0, 60)}\u00ff\u0000\u00fe${l.slice(63)}`],
    ["a result of the wrong types", (l) => l.replace(/\t\{.*\}\t/, '\t{"diagnostics":5,"file":7}\t')],
    ["a hash of the wrong type", (l) => l.replace(/\t[0-9a-f]{64}\t/, "\t{}\t")],
    ["a line of nothing but garbage", () => "\u00ff\u0001\u0002 \t\t\t"],
  ];

  for (const [what, damage] of damages) {
    it(`one damaged line: ${what}`, async () => {
      const first = await validate(victim);
      expect(first.code).toBe(1);
      const [header, ...lines] = readFileSync(cachePath(), "latin1").split("\n");
      writeFileSync(cachePath(), [header, ...lines.map((l) => (l.startsWith(DOC) ? damage(l) : l))].join("\n"), "latin1");
      const damaged = await validate(victim);
      expect(damaged.stdout).toBe(first.stdout);
      expect(damaged.code).toBe(1);
      expect(damaged.stderr).toBe("");
      expect(damaged.reads).toBe(1);
      const rebuilt = await validate(victim);
      expect(rebuilt.stdout).toBe(first.stdout);
      expect(rebuilt.reads).toBe(0);
    });
  }

  it("a damaged first line, or a file of garbage: started afresh", async () => {
    const first = await validate(victim);
    for (const text of [`garbage${readFileSync(cachePath(), "latin1")}`, "\u00ff\u00fe\u0000\n\n\t\t\n"]) {
      writeFileSync(cachePath(), text, "latin1");
      const r = await validate(victim);
      expect(r.stdout).toBe(first.stdout);
      expect(r.reads).toBe(1);
      expect((await validate(victim)).reads).toBe(0);
    }
  });
});

describe("the key that signs the cache", () => {
  it("is made once, private, in the folder SAMDOK_CACHE_KEY_DIR names, and a legitimate cache still answers", async () => {
    cpSync(path.join(FIXTURES, "valid-minimal"), work, { recursive: true });
    const first = await validate(victim);
    expect(first.reads).toBe(1);
    const key = readFileSync(path.join(victim, "key"), "utf8");
    expect(key).toMatch(/^[0-9a-f]{64}\n$/);
    if (POSIX) {
      expect(statSync(path.join(victim, "key")).mode & 0o777).toBe(0o600);
      expect(statSync(victim).mode & 0o777).toBe(0o700);
    }
    const second = await validate(victim);
    expect(second.reads).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(path.join(victim, "key"), "utf8")).toBe(key);
    expect(readdirSync(victim)).toEqual(["key"]);
  });

  it.runIf(POSIX)(
    "a key others can read is made private; a damaged key or a link is replaced (and the old cache no longer answers)",
    async () => {
      cpSync(path.join(FIXTURES, "valid-minimal"), work, { recursive: true });
      await validate(victim);
      const keyFile = path.join(victim, "key");
      const key = readFileSync(keyFile, "utf8");
      chmodSync(keyFile, 0o644);
      expect((await validate(victim)).reads).toBe(0);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(keyFile, "utf8")).toBe(key);
      writeFileSync(keyFile, "not a key\n");
      expect((await validate(victim)).reads).toBe(1);
      expect(readFileSync(keyFile, "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
      const other = path.join(root, "other-key");
      writeFileSync(other, key);
      rmSync(keyFile);
      symlinkSync(other, keyFile);
      expect((await validate(victim)).reads).toBe(1);
      expect(lstatSync(keyFile).isFile()).toBe(true);
      expect(readFileSync(keyFile, "utf8")).not.toBe(key);
    },
  );

  it("when no key can be kept, the run goes on without a cache and says so", async () => {
    cpSync(path.join(FIXTURES, "valid-minimal"), work, { recursive: true });
    const blocked = path.join(root, "a-file");
    writeFileSync(blocked, "");
    const r = await validate(path.join(blocked, "samdok"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^samdok: Cachen används inte: samdok kunde inte spara sin nyckel i .*SAMDOK_CACHE_KEY_DIR\.\n$/);
    expect(existsSync(cachePath())).toBe(false);
    expect(loadCacheKey(path.join(blocked, "samdok"))).toBeUndefined();
  });

  it("lives in the user's cache folder, outside the repository", () => {
    expect(cacheKeyDir({ SAMDOK_CACHE_KEY_DIR: "/srv/nycklar" }, "linux")).toBe(path.resolve("/srv/nycklar"));
    expect(cacheKeyDir({ XDG_CACHE_HOME: "/home/anna/.cache-x", HOME: "/home/anna" }, "linux")).toBe(
      path.join("/home/anna/.cache-x", "samdok"),
    );
    expect(cacheKeyDir({ XDG_CACHE_HOME: "relativ", HOME: "/home/anna" }, "linux")).toBe(path.join("/home/anna", ".cache", "samdok"));
    expect(cacheKeyDir({ HOME: "/home/anna" }, "darwin")).toBe(path.join("/home/anna", ".cache", "samdok"));
    expect(cacheKeyDir({ LOCALAPPDATA: "C:\\Users\\anna\\AppData\\Local" }, "win32")).toBe(
      path.join("C:\\Users\\anna\\AppData\\Local", "samdok"),
    );
  });
});
