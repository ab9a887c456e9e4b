/**
 * The per-document step in worker threads. Parsing Markdown is most of a
 * large run's time (see `npm run bench`), and each document is parsed on its
 * own, so a set of hundreds of documents is shared out over a few worker
 * threads while the main thread reads files, answers from the cache and
 * collects the results (it parses nothing itself then). Small runs, and
 * machines with one core, stay in the main thread: how many threads a run is
 * worth, and how one is started, is worker-pool.ts's rule, which the Word
 * edition's parsing (render/docx/bodies.ts) follows too.
 *
 * Workers only compute: the main thread reads every file (so an injected
 * reader and the cache work as before) and a worker answers with the same
 * JSON text the main thread would have made. A worker that fails or dies is
 * no failure of the run: its document is analysed in the main thread.
 */
import type { Worker } from "node:worker_threads";
import { compiledScript, cores, DOCUMENTS_PER_WORKER, startWorker, workersFor } from "./worker-pool.js";
import type { LoadedConfig } from "./config.js";
import type { Root } from "mdast";
import type { Lang } from "./types.js";

export type WorkerRequest =
  | { kind: "config"; key: number; loaded: LoadedConfig }
  | {
      kind: "analyze";
      id: number;
      config: number;
      file: string;
      rootPath: string;
      abs: string;
      bytes: Uint8Array;
      lang: Lang;
      today: string;
      keepBody: boolean;
    };

/** A result's JSON text and, when asked for, the document's body for the editions (`editionBody`). */
export interface Analysed {
  json: string;
  body?: Root;
}

export type WorkerReply = ({ id: number } & Analysed) | { id: number; error: string };

/**
 * Below this many documents to parse, `jobs: "auto"` stays in the main
 * thread: they are worth one worker (DOCUMENTS_PER_WORKER), and one worker
 * only moves the main thread's parsing to another thread.
 */
export const PARALLEL_MIN_DOCUMENTS = 2 * DOCUMENTS_PER_WORKER;
/** More threads than this gain little and cost memory. */
const MAX_AUTO_THREADS = 4;

/**
 * How many worker threads to start for `pending` documents to parse; 0 means
 * the main thread does all the work. `jobs` is the user's choice: a number,
 * or "auto" (the default) for one thread per DOCUMENTS_PER_WORKER documents
 * (worker-pool.ts), at most one per core and MAX_AUTO_THREADS, and never a
 * single one. With workers, they parse every document and the main thread only
 * reads files and collects results: its heap, which holds every result of
 * the run, then never fills with the parser's garbage, and each worker's
 * heap is capped (WORKER_OLD_SPACE_MB). That kept a 5,000-document run
 * under 300 MB where the main thread parsing alongside one worker peaked at
 * 345–376 MB, and it was faster too (37 s against 41–44 s on 2 cores).
 */
export function workerCount(jobs: number | "auto" | undefined, pending: number): number {
  if (pending === 0) return 0;
  const threads =
    jobs === undefined || jobs === "auto" ? workersFor(pending, Math.min(cores(), MAX_AUTO_THREADS)) : Math.min(jobs, pending);
  // One worker would only move the main thread's parsing to another thread.
  return threads >= 2 ? threads : 0;
}

/**
 * The old generation of each worker's heap, in MB. Its live data is a few
 * documents in flight; the cap makes V8 collect the parser's garbage early
 * instead of letting the heap grow. A document too large for it (a worker
 * that runs out of memory dies) is analysed in the main thread instead.
 * (The Word edition's parse workers have no cap: each holds every body's
 * text it may claim, see render/docx/bodies.ts.)
 */
export const WORKER_OLD_SPACE_MB = 64;

/**
 * The compiled worker module: next to this one when samdok runs from build/,
 * or build/core/worker.js when this module runs from its TypeScript source
 * (the tests). Undefined when there is none: the main thread does the work.
 */
export function workerScript(): URL | undefined {
  return compiledScript(new URL("./worker.js", import.meta.url), new URL("../../build/core/worker.js", import.meta.url));
}

export interface AnalyzeTask {
  file: string;
  rootPath: string;
  abs: string;
  bytes: Uint8Array;
  loaded: LoadedConfig;
  lang: Lang;
  today: string;
  /** Answer with the body too (for an edition). */
  keepBody: boolean;
}

/** One worker thread; one document at a time. */
export class AnalyzerThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (answer: Analysed) => void; reject: (error: Error) => void }>();
  private readonly configKeys = new Map<LoadedConfig, number>();
  private nextId = 0;
  /** Set when the thread failed or exited: it takes no more work. */
  dead = false;

  constructor(script: URL) {
    this.worker = startWorker(script, { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB });
    this.worker.on("message", (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ("json" in reply) waiter.resolve(reply);
      else waiter.reject(new Error(reply.error));
    });
    const fail = (error: Error): void => {
      this.dead = true;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  analyze(task: AnalyzeTask): Promise<Analysed> {
    if (this.dead) return Promise.reject(new Error("worker is gone"));
    let key = this.configKeys.get(task.loaded);
    if (key === undefined) {
      key = this.configKeys.size;
      this.configKeys.set(task.loaded, key);
      this.worker.postMessage({ kind: "config", key, loaded: task.loaded } satisfies WorkerRequest);
    }
    const id = this.nextId++;
    const { loaded: _loaded, ...rest } = task;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: "analyze", id, config: key, ...rest } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

/** Starts `count` threads, or none when there is no compiled worker. */
export function startThreads(count: number): AnalyzerThread[] {
  const script = count > 0 ? workerScript() : undefined;
  if (!script) return [];
  return Array.from({ length: count }, () => new AnalyzerThread(script));
}
