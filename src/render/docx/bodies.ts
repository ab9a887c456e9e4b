/**
 * The documents' Markdown bodies, parsed for the Word edition, in edition
 * order. A body validation parsed in this run comes as it is (`tree`); the
 * rest (those the cache answered for) are parsed here. Parsing is most of the
 * Word step's work then, so for many bodies worker threads parse ahead while
 * the main thread maps the bodies it has to Word content.
 *
 * Work is handed out through a shared counter: every thread (the workers and
 * the main thread) claims the next unparsed document with an atomic add.
 * The main thread needs the bodies in order; rather than wait for one a
 * worker is still parsing, it parses the next unclaimed one itself. So it is
 * never idle while there is parsing left, and a small edition (or a worker
 * that is slow to start) costs nothing but the main thread's own parsing.
 *
 * No tree parsed here has `position`s: they are half the bytes to copy
 * between threads, and the Word mapping does not use them. (Validation's
 * trees keep the few the HTML edition's warnings need; the mapping ignores
 * them.)
 *
 * How many workers, and how one is started, is core/worker-pool.ts's rule,
 * as for validation's workers. Unlike those, a parse worker's heap is not
 * capped: each gets the text of every body to parse (`ParseJob`), which on
 * a large edition alone outgrows a cap sized for a few documents in flight.
 */
import type { Worker } from "node:worker_threads";
import type { Root } from "mdast";
import { editionBody, parseBodyForRules } from "../../core/markdown.js";
import { compiledScript, cores, startWorker, workersFor } from "../../core/worker-pool.js";
import { redlineBody, type RedlineSource } from "./redline-body.js";

/** One body: the whole file text and the line its body starts on (as `parseBody` takes them), or its tree. */
export interface Source {
  text: string;
  bodyLine: number;
  /** Parsed already (by validation): not parsed again, and not sent to a worker. */
  tree?: Root;
  /** `--redline`: the body at REF; the body mapped is the merged tree of the two (redline-body.ts). */
  base?: RedlineSource;
}

/** What a worker gets: the sources, and the counter it claims them by. */
export interface ParseJob {
  sources: Source[];
  claims: SharedArrayBuffer;
}

/** A parsed body, from a worker. */
export interface Parsed {
  index: number;
  tree: Root;
}

/** Beyond a few workers, the main thread's mapping is the bottleneck. */
const MAX_WORKERS = 3;

const WORKER = new URL("./parse-worker.js", import.meta.url);

/**
 * The body as `parseBody` parses it, without positions (the Word mapping
 * does not use them): parsed as validation does, and made complete with
 * `editionBody`, which skips the literal-autolink pass when no text could
 * hold one. The same tree either way (test/core/markdown.test.ts).
 */
export function parseSource(source: Source): Root {
  const tree = source.tree ?? editionBody(parseBodyForRules(source.text, source.bodyLine));
  return source.base ? redlineBody(source.base, tree) : tree;
}

/** Claims the next unparsed body; a number ≥ the count when none is left. */
export function claim(claims: Int32Array): number {
  return Atomics.add(claims, 0, 1);
}

/**
 * One worker per DOCUMENTS_PER_WORKER bodies (worker-pool.ts), leaving a
 * core to the main thread, which parses and maps alongside them.
 */
function workerCount(documents: number): number {
  return workersFor(documents, Math.min(MAX_WORKERS, cores() - 1));
}

/** Yields to the event loop, so that trees the workers have posted are received. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class Bodies {
  private readonly claims = new Int32Array(new SharedArrayBuffer(4));
  /** Parsed and not yet taken. */
  private readonly ready = new Map<number, Root>();
  private readonly workers: Worker[] = [];
  /** Resolves the wait of `get` when a tree arrives or a worker stops. */
  private wake: (() => void) | undefined;
  private running = 0;

  /** The bodies still to parse (those without a tree), and where each is among all of them. */
  private readonly sources: readonly Source[];
  private readonly slots = new Map<number, number>();
  /** The sources given with their trees, until they are taken (a redline one is merged then, on this thread). */
  private readonly given = new Map<number, Source>();

  constructor(all: readonly Source[]) {
    const toParse: Source[] = [];
    all.forEach((s, i) => {
      if (s.tree) {
        this.given.set(i, s);
      } else {
        this.slots.set(i, toParse.length);
        toParse.push(s);
      }
    });
    this.sources = toParse;
    // Running from the TypeScript sources (tests) there is no compiled worker to start.
    const script = compiledScript(WORKER);
    if (script) for (let i = workerCount(toParse.length); i > 0; i--) this.start(script);
  }

  private start(script: URL): void {
    const job: ParseJob = { sources: this.sources as Source[], claims: this.claims.buffer as SharedArrayBuffer };
    const worker = startWorker(script, { workerData: job });
    this.running++;
    worker.on("message", (message: Parsed) => {
      this.ready.set(message.index, message.tree);
      this.notify();
    });
    // A worker that fails leaves the body it had claimed unparsed; `get` then parses it here.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      this.running--;
      this.notify();
    });
    this.workers.push(worker);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The parsed body of source `index` (of all the sources given). Call in order: 0, 1, 2, … */
  async get(index: number): Promise<Root> {
    const known = this.given.get(index);
    if (known) {
      this.given.delete(index);
      return parseSource(known);
    }
    const slot = this.slots.get(index);
    if (slot === undefined) throw new RangeError(`No document ${index}`);
    for (;;) {
      const tree = this.ready.get(slot);
      if (tree) {
        this.ready.delete(slot);
        return tree;
      }
      const next = claim(this.claims);
      const source = this.sources[next];
      if (source) {
        // Parse the next unclaimed body here (the one asked for, or one needed soon), then look again.
        const parsed = parseSource(source);
        if (next === slot) return parsed;
        this.ready.set(next, parsed);
        await turn();
      } else if (this.running > 0) {
        // Every body is claimed: the one asked for is on a worker.
        await new Promise<void>((resolve) => (this.wake = resolve));
      } else {
        // No worker left, and the body never came (its worker failed): parse it here.
        const missing = this.sources[slot];
        if (!missing) throw new RangeError(`No document ${index}`);
        return parseSource(missing);
      }
    }
  }

  /** Stops the workers (they hold memory the rest of the build needs). */
  async close(): Promise<void> {
    Atomics.store(this.claims, 0, this.sources.length);
    this.ready.clear();
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
