/**
 * The worker threads samdok starts, in one place: how many a run is worth,
 * where a thread's compiled script is, and how a thread is started. Two
 * pools use it, each with its own entry script and way of handing out work:
 *
 * - validation (parallel.ts, entry worker.ts): the main thread sends one
 *   document at a time and collects the answers; it parses nothing itself
 *   while workers run.
 * - the Word edition's bodies (render/docx/bodies.ts, entry
 *   render/docx/parse-worker.ts): workers claim bodies through a shared
 *   counter and the main thread parses alongside them.
 *
 * Each caller names its own script (`new URL("./x.js", import.meta.url)`
 * next to itself), so that the compiled tree and the bundle (bundle.ts) both
 * find it.
 */
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * One worker thread for every this many documents to parse, and none for
 * fewer: a worker costs a few hundred milliseconds to start (it loads the
 * Markdown parser again), which fewer documents do not win back.
 */
export const DOCUMENTS_PER_WORKER = 100;

/** The cores this process may use. */
export function cores(): number {
  return availableParallelism();
}

/** How many workers `documents` are worth: one per DOCUMENTS_PER_WORKER, at most `most`. */
export function workersFor(documents: number, most: number): number {
  return Math.max(0, Math.min(most, Math.floor(documents / DOCUMENTS_PER_WORKER)));
}

/**
 * A worker's compiled script: `script` when it exists (samdok runs from
 * build/ or the bundle), else `fallback` when that exists (build/… for a
 * module run from its TypeScript source, as in the tests), else undefined:
 * there is nothing to start and the main thread does the work.
 */
export function compiledScript(script: URL, fallback?: URL): URL | undefined {
  if (existsSync(fileURLToPath(script))) return script;
  return fallback && existsSync(fileURLToPath(fallback)) ? fallback : undefined;
}

export interface StartOptions {
  /** What the thread gets as `workerData`. */
  workerData?: unknown;
  /** A cap on the old generation of the thread's heap, in MB; none when absent. */
  maxOldGenerationSizeMb?: number;
}

/**
 * Starts a worker thread. No inherited flags (a profiler or a preload of the
 * parent is not wanted in every thread); the output of a worker, which has
 * none, is not shown.
 */
export function startWorker(script: URL, options: StartOptions = {}): Worker {
  return new Worker(script, {
    execArgv: [],
    stdout: true,
    stderr: true,
    ...(options.workerData !== undefined ? { workerData: options.workerData } : {}),
    ...(options.maxOldGenerationSizeMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } } : {}),
  });
}
