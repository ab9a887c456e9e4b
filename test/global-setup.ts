/**
 * Vitest's global setup (test/vitest.config.ts): before any test runs, it
 * builds samdok once with `npm run build` when build/ is missing or older
 * than what it is made from (src/, schemas/, tsconfig.json).
 *
 * Why: a few tests need the compiled code: the worker threads run
 * build/core/worker.js, bin/samdok.js runs build/bundle/, and the validators
 * compiled at build time are compared with the schemas. They used to be
 * skipped without a word when build/ was missing, and ran the old code when
 * it was stale, so a green run could have tested nothing, or yesterday's
 * samdok. Now they always run, against the code as it is.
 *
 * A failed build (someone's half-done edit of src/ that does not compile)
 * does not stop the run: most tests run the TypeScript sources directly. The
 * failure is handed to the tests (`samdokBuildFailure`), and each test that
 * needs build/ fails with it (requireBuild in test/helpers/build.ts) rather
 * than test a half-built build/. Runs that start at the same
 * time in the same checkout take turns (a lock folder in the temporary
 * folder), so that two builds never write build/ at once; the second finds
 * the first's build fresh and does not build again.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Why `npm run build` failed before this run (Swedish / English), or "" when build/ is up to date. */
    samdokBuildFailure: string;
  }
}

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What `npm run build` is made from. */
const SOURCES = ["src", "schemas", "tsconfig.json"];

/**
 * What the tests need from build/: the outputs of each step of `npm run
 * build` (tsc, compile-validators, bundle). The oldest of them tells when
 * the last whole build ended: a build that stopped at tsc leaves the bundle
 * older than the sources, and the next run builds again.
 */
const OUTPUTS = [
  "build/cli/main.js",
  "build/core/worker.js",
  "build/core/validators.cjs",
  "build/bundle/main.js",
  "build/bundle/worker.js",
  "build/bundle/parse-worker.js",
  "build/bundle/modules.json",
];

/** A build that takes longer than this left its lock behind (killed): the lock is removed. */
const LOCK_STALE_MS = 15 * 60_000;

/** The newest file under `p` (itself if it is a file): its path and modification time, or undefined if there is none. */
function newestFile(p: string): { file: string; mtimeMs: number } | undefined {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isDirectory()) return { file: p, mtimeMs: st.mtimeMs };
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(p)) {
    const found = newestFile(path.join(p, name));
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}

interface Stale {
  /** An output is not there at all (rather than older than a source). */
  missing: boolean;
  /** Why, in Swedish and English. */
  reason: string;
}

/** Why build/ must be built again, or undefined when it is up to date. */
function stale(): Stale | undefined {
  let built = Infinity;
  for (const output of OUTPUTS) {
    const st = statSync(path.join(REPO, output), { throwIfNoEntry: false });
    if (!st) return { missing: true, reason: `${output} saknas / is missing` };
    built = Math.min(built, st.mtimeMs);
  }
  for (const source of SOURCES) {
    const newest = newestFile(path.join(REPO, source));
    if (newest && newest.mtimeMs > built)
      return { missing: false, reason: `${path.relative(REPO, newest.file)} är nyare än build/ / is newer than build/` };
  }
  return undefined;
}

/** Takes the build lock of this checkout, waiting for another run's build; returns the function that gives it back. */
async function lock(): Promise<() => void> {
  const name = `samdok-test-build-${createHash("sha256").update(REPO).digest("hex").slice(0, 16)}.lock`;
  const dir = path.join(os.tmpdir(), name);
  let told = false;
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const since = statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (since !== undefined && Date.now() - since > LOCK_STALE_MS) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      console.log(`[samdok-test] väntar på en annan testkörnings bygge / waiting for another test run's build (${dir})`);
      told = true;
    }
    await sleep(1_000);
  }
}

/** Builds samdok with `npm run build` when build/ is missing or stale, and tells the tests whether that failed. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("samdokBuildFailure", await buildIfStale());
}

/** Builds when build/ is missing or stale; returns why the build failed, or "". */
async function buildIfStale(): Promise<string> {
  if (stale() === undefined) return "";
  const unlock = await lock();
  try {
    // Another run may have built while this one waited.
    const before = stale();
    if (before === undefined) return "";
    console.log(`[samdok-test] bygger först / building first (npm run build): ${before.reason}`);
    const started = Date.now();
    const result = spawnSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit", shell: process.platform === "win32" });
    let failure = "";
    if (result.error) failure = `kunde inte starta / could not start npm run build: ${result.error.message}`;
    else if (result.status !== 0)
      failure = `npm run build misslyckades / failed (${result.signal ?? `exit ${result.status}`}); se kompilatorns utdata ovanför testerna / see the compiler's output above the tests`;
    const after = stale();
    // A missing output is a build that did not do its work (the bundler absent, say); a source saved
    // during the build is someone editing, and the next run builds again.
    if (!failure && after?.missing) failure = `npm run build skrev inte allt / did not write everything: ${after.reason}`;
    if (failure) {
      console.error(`[samdok-test] ${failure}. Testerna som behöver build/ fallerar / the tests that need build/ fail.`);
      return failure;
    }
    if (after) console.log(`[samdok-test] ändrad under bygget / changed during the build: ${after.reason}`);
    console.log(`[samdok-test] byggt / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return "";
  } finally {
    unlock();
  }
}
