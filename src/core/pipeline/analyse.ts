/**
 * Step 3: every document of every set through the per-document step
 * (core/analyze.ts), answered from the cache where it can be, in worker
 * threads when there are many (parallel.ts). What a document is taken
 * through depends on the stage (types.ts): the front-matter stage parses no
 * body and runs only the schema, without cache or threads.
 */
import { lstatSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Root } from "mdast";
import type { DocumentResult, Lang } from "../types.js";
import { analyzeToText, type AnalyzeInput } from "../analyze.js";
import { makeDiagnostic } from "../diagnostic.js";
import { editionBody } from "../markdown.js";
import { startThreads, workerCount, type AnalyzerThread } from "../parallel.js";
import { readDocumentFile, readErrorMessage, notRegularMessage, specialKind, specialKindOf } from "../read-regular.js";
import { isInside, toPosix } from "../paths.js";
import { ResultCache, openResultCache } from "../cache.js";
import { schemaHash } from "../schema.js";
import { samdokVersion, codeFingerprint } from "../version.js";
import type { LoadedConfig } from "../config.js";
import { documentRules, ruleById, rules as allRules } from "../../rules/index.js";
import type { DocumentRule } from "../../rules/types.js";
import { pick } from "../../i18n/text.js";
import { clearPositionCache, resultText, storedResult } from "./stored-result.js";
import type { DocumentSet, RunOptions, SetMemory, SetPlan } from "./types.js";

/** The rules of each stage: the front-matter stage runs the schema only (SD001–SD004 are the parser's own). */
function stageRules(options: RunOptions): readonly DocumentRule[] {
  const all = documentRules();
  return options.stage === "front-matter" ? all.filter((r) => r.id === "SD005") : all;
}

export async function analyseSets(plans: readonly SetPlan[], options: RunOptions): Promise<DocumentSet[]> {
  const { cwd, lang } = options;
  clearPositionCache();
  const frontMatterOnly = options.stage === "front-matter";
  const read = options.readFile ?? readDocumentFile;
  const globalKey = createHash("sha256")
    .update([samdokVersion(), codeFingerprint(), schemaHash(), lang, options.today, allRules.map((r) => r.id).join(",")].join("\0"))
    .digest("hex");
  // The cache holds results of the whole per-document step only.
  const cache =
    options.cacheLocation && !frontMatterOnly
      ? openResultCache(options.cacheLocation, globalKey, { cwd, lang, keyDir: options.cacheKeyDir, note: options.onCacheNote })
      : undefined;

  const total = plans.reduce((n, s) => n + s.files.length, 0);
  // While the documents are analysed, each result is held as its JSON text:
  // one string per document instead of thousands of small objects, so that
  // the garbage collector has little to trace while the parser makes garbage.
  const texts: string[][] = plans.map((s) => new Array<string>(s.files.length));
  let done = 0;
  const finish = (p: Pending, json: string): void => {
    (texts[p.set] as string[])[p.index] = json;
    options.onProgress?.(++done, total);
  };
  const step: Step = { options, read, cache, rules: stageRules(options) };
  const pending: Pending[] = [];
  plans.forEach(({ loaded, files }, set) => {
    files.forEach((abs, index) => {
      const file = toPosix(path.relative(cwd, abs)) || path.basename(abs);
      const p: Pending = { set, index, abs, file, rootPath: toPosix(path.relative(loaded.root, abs)), loaded, stat: "" };
      const early = withoutReading(p, step);
      if (early !== undefined) finish(p, early);
      else pending.push(p);
    });
  });
  await analyzePending(pending, step, finish);
  cache?.save();
  return plans.map(({ loaded, files }, set): DocumentSet => {
    // Each text is let go as soon as it is parsed, so that texts and objects are not all held at once.
    const held = texts[set] as (string | undefined)[];
    const documents = held.map((json, i) => {
      held[i] = undefined;
      return storedResult(json as string, files[i] as string, read);
    });
    if (!cache) return { loaded, documents };
    const key = `set:${toPosix(path.relative(cwd, loaded.path))}`;
    const memory: SetMemory = {
      recall: (fingerprint) => cache.lookUp(key, fingerprint, loaded.hash),
      keep: (fingerprint, json) => {
        cache.set(key, fingerprint, "", loaded.hash, json);
        cache.save();
      },
    };
    return { loaded, documents, memory };
  });
}

/** A document still to be looked at: where it is, and where its result goes. */
interface Pending {
  set: number;
  index: number;
  abs: string;
  file: string;
  rootPath: string;
  loaded: LoadedConfig;
  /** Size and time, when the cache is used. */
  stat: string;
}

interface Step {
  options: RunOptions;
  read: (p: string) => Uint8Array;
  cache: ResultCache | undefined;
  rules: readonly DocumentRule[];
}

function unreadable(p: Pending, message: string, lang: Lang): string {
  return resultText({
    file: p.file,
    rootPath: p.rootPath,
    fatal: true,
    diagnostics: [makeDiagnostic(p.file, ruleById("SD001"), "error", [1, 1, 1, 1], pick({ sv: message, en: message }, lang))],
  } satisfies DocumentResult);
}

/** A result known without reading the file: a link out of the root, or an unchanged file in the cache. */
function withoutReading(p: Pending, { options, cache }: Step): string | undefined {
  const lang = options.lang;
  // One lstat tells both whether the file is a link and, when it is not, its size and time.
  let link: Stats | undefined;
  try {
    link = lstatSync(p.abs);
  } catch {
    link = undefined;
  }
  const isLink = link?.isSymbolicLink() === true;
  if (isLink && !isInside(realPathOf(p.loaded.root), realPathOf(p.abs))) {
    return unreadable(
      p,
      pick(
        {
          sv: "Filen är en länk som pekar utanför dokumentroten (mappen med samdok.config.json). Den läses inte.",
          en: "The file is a link that points outside the document root (the folder with samdok.config.json). It is not read.",
        },
        lang,
      ),
      lang,
    );
  }
  // A FIFO, socket or device is never opened: opening a FIFO blocks for ever (read-regular.ts).
  const special = isLink ? specialKindOf(p.abs) : link ? specialKind(link) : undefined;
  if (special) return unreadable(p, pick(notRegularMessage(special), lang), lang);
  if (!cache) return undefined;
  p.stat = isLink ? statOf(p.abs) : link ? `${link.size}:${link.mtimeMs}` : "";
  return cache.byStat(p.file, p.stat, p.loaded.hash);
}

/** Reads a file: its result when it cannot be read or the cache knows its bytes, else the bytes to analyse. */
function readOrLookUp(p: Pending, { options, read, cache }: Step): { json: string } | { bytes: Uint8Array; hash: string } {
  const lang = options.lang;
  let bytes: Uint8Array;
  try {
    bytes = read(p.abs);
  } catch (error) {
    return { json: unreadable(p, pick(readErrorMessage(error), lang), lang) };
  }
  const hash = cache ? ResultCache.hash(bytes) : "";
  const hit = cache?.byContent(p.file, hash, p.stat, p.loaded.hash);
  return hit !== undefined ? { json: hit } : { bytes, hash };
}

/** The per-document step in this thread. */
function analyzeHere(p: Pending, bytes: Uint8Array, step: Step): string {
  const bodies = step.options.bodies;
  const onBody = bodies ? (tree: Root): void => void bodies.set(p.abs, editionBody(tree, { lines: true })) : undefined;
  const input: AnalyzeInput = {
    file: p.file,
    rootPath: p.rootPath,
    absPath: p.abs,
    bytes,
    loaded: p.loaded,
    lang: step.options.lang,
    today: step.options.today,
    rules: step.rules,
    ...(onBody ? { onBody } : {}),
  };
  if (step.options.stage === "front-matter") input.stage = "front-matter";
  return analyzeToText(input);
}

/**
 * Reads and analyses the documents the cache could not answer without
 * reading: in worker threads when there are many (parallel.ts), else here.
 */
async function analyzePending(pending: Pending[], step: Step, finish: (p: Pending, json: string) => void): Promise<void> {
  // Parsing front matter alone is cheaper than handing the bytes to a thread.
  const threads = step.options.stage === "front-matter" ? [] : startThreads(workerCount(step.options.jobs, pending.length));
  const record = (p: Pending, hash: string, json: string): void => {
    step.cache?.set(p.file, hash, p.stat, p.loaded.hash, json);
    finish(p, json);
  };
  let next = 0;
  /** The next document that needs analysing, after answering those the cache knows. */
  const claim = (): { p: Pending; bytes: Uint8Array; hash: string } | undefined => {
    while (next < pending.length) {
      const p = pending[next++] as Pending;
      const r = readOrLookUp(p, step);
      if ("json" in r) finish(p, r.json);
      else return { p, ...r };
    }
    return undefined;
  };
  if (threads.length === 0) {
    for (let c = claim(); c; c = claim()) {
      record(c.p, c.hash, analyzeHere(c.p, c.bytes, step));
    }
    return;
  }
  const { lang, today, bodies } = step.options;
  // Each worker has two documents at a time, so it never waits for the main
  // thread, which reads the files and records the results (parallel.ts).
  const workerLane = async (thread: AnalyzerThread): Promise<void> => {
    const inFlight: Promise<void>[] = [];
    const send = async ({ p, bytes, hash }: { p: Pending; bytes: Uint8Array; hash: string }): Promise<void> => {
      let json: string;
      try {
        const answer = await thread.analyze({
          file: p.file,
          rootPath: p.rootPath,
          abs: p.abs,
          bytes,
          loaded: p.loaded,
          lang,
          today,
          keepBody: bodies !== undefined,
        });
        json = answer.json;
        if (answer.body) bodies?.set(p.abs, answer.body);
      } catch {
        // A worker that failed or died: the main thread does the work.
        json = analyzeHere(p, bytes, step);
      }
      record(p, hash, json);
    };
    for (let c = claim(); c; c = claim()) {
      inFlight.push(send(c));
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
  };
  try {
    await Promise.all(threads.map(workerLane));
  } finally {
    await Promise.all(threads.map((t) => t.close()));
  }
}

function statOf(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "";
  }
}

function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
