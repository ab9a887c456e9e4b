/**
 * The validation pipeline: discover → group by configuration → analyse each
 * document (cached) → set-wide rules → sorted results.
 *
 * A set is every document under one configuration's folder. Set-wide rules
 * always see the whole set, even when only some files were named, so that a
 * link into an unnamed document still resolves; findings are reported only
 * for the files that were named.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { decodeDocument } from "./read.js";
import { collectEvery } from "./memory.js";
import { packPositions, unpackPositions } from "./packed-positions.js";
import { parseFrontMatter } from "./front-matter.js";
import path from "node:path";
import { createHash } from "node:crypto";
import type { Diagnostic, DocumentResult, Lang, PositionMap } from "./types.js";
import { ConfigError, findConfigPath, loadConfig, type LoadedConfig } from "./config.js";
import { discover, listMarkdown } from "./discover.js";
import { analyzeDocument, makeDiagnostic, rangeOf } from "./analyze.js";
import { toPosix, isInside } from "./paths.js";
import { ResultCache, CACHE_FILE } from "./cache.js";
import { schemaHash } from "./schema.js";
import { samdokVersion, codeFingerprint } from "./version.js";
import { documentRules, setRules, ruleById, rules as allRules } from "../rules/index.js";
import { severityFor } from "../rules/settings.js";
import type { SetContext } from "../rules/types.js";
import { pick } from "../i18n/text.js";

export interface RunOptions {
  paths: readonly string[];
  cwd: string;
  lang: Lang;
  /** The run's calendar date, YYYY-MM-DD. */
  today: string;
  /** Path of the cache file, or undefined for no cache. */
  cacheLocation?: string;
  /** Injectable file reading (tests). */
  readFile?: (absPath: string) => Uint8Array;
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentSet {
  loaded: LoadedConfig;
  /** Every document of the set, named or not, sorted by path. */
  documents: DocumentResult[];
}

export interface ValidationRun {
  /** Results for the named files, sorted by path; diagnostics sorted by position. */
  results: DocumentResult[];
  sets: DocumentSet[];
  summary: { files: number; errors: number; warnings: number };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

export function defaultCacheLocation(cwd: string): string {
  return path.join(cwd, CACHE_FILE);
}

/** Loads every document of every set that the named paths touch. */
export function loadSets(options: RunOptions): { sets: DocumentSet[]; named: Set<string> } {
  const { cwd, lang } = options;
  clearPositionCache();
  const found = discover(options.paths, cwd, {
    missing: (p) => pick({ sv: `Sökvägen "${p}" finns inte. Ange en mapp eller en .md-fil, till exempel: samdok validate documents/`, en: `The path "${p}" does not exist. Name a folder or a .md file, for example: samdok validate documents/` }, lang),
  });
  const named = new Set(found.files);
  const byConfig = new Map<string, string[]>();
  const orphans: string[] = [];
  const dirConfig = new Map<string, string | undefined>();
  for (const file of found.files) {
    const dir = path.dirname(file);
    if (!dirConfig.has(dir)) dirConfig.set(dir, findConfigPath(dir));
    const configPath = dirConfig.get(dir);
    if (!configPath) {
      orphans.push(file);
      continue;
    }
    if (!byConfig.has(configPath)) byConfig.set(configPath, []);
  }
  if (orphans.length > 0) {
    const shown = orphans.slice(0, 3).map((f) => toPosix(path.relative(cwd, f))).join(", ");
    throw new ConfigError(
      pick(
        {
          sv: `Hittade ingen samdok.config.json för ${shown}${orphans.length > 3 ? ` (och ${orphans.length - 3} till)` : ""}. Konfigurationen söks i dokumentets mapp och i mapparna ovanför. Skapa en med \`samdok init\`.`,
          en: `No samdok.config.json found for ${shown}${orphans.length > 3 ? ` (and ${orphans.length - 3} more)` : ""}. It is looked for in the document's folder and the folders above. Create one with \`samdok init\`.`,
        },
        lang,
      ),
    );
  }

  const read = options.readFile ?? ((p: string) => readFileSync(p));
  const docRules = documentRules();
  const globalKey = createHash("sha256")
    .update([samdokVersion(), codeFingerprint(), schemaHash(), lang, options.today, allRules.map((r) => r.id).join(",")].join("\0"))
    .digest("hex");
  const cache = options.cacheLocation ? new ResultCache(options.cacheLocation, globalKey) : undefined;

  const sets: DocumentSet[] = [];
  const configPaths = [...byConfig.keys()].sort();
  const all: { loaded: LoadedConfig; files: string[] }[] = configPaths.map((configPath) => {
    const loaded = loadConfig(configPath, cwd, lang);
    // The whole set, so that set-wide rules see every document.
    const files = new Set(listMarkdown(loaded.root));
    for (const f of found.files) if (findConfigPath(path.dirname(f)) === configPath) files.add(f);
    return { loaded, files: [...files].sort() };
  });
  const total = all.reduce((n, s) => n + s.files.length, 0);
  let done = 0;
  // Only parsing makes garbage worth collecting: cache hits do not count.
  const gc = collectEvery(total > 1500 ? 1000 : Number.MAX_SAFE_INTEGER);
  const parsedBefore = parsedCount;
  for (const { loaded, files } of all) {
    // While parsing, each result is held as its JSON text: one string per
    // document instead of thousands of small objects, so that the garbage
    // collector has little to trace while the parser makes its garbage.
    const frozen: { abs: string; json: string }[] = [];
    for (const abs of files) {
      const file = toPosix(path.relative(cwd, abs)) || path.basename(abs);
      const rootPath = toPosix(path.relative(loaded.root, abs));
      frozen.push({ abs, json: analyzeOne(abs, file, rootPath, loaded, options, read, docRules, cache) });
      options.onProgress?.(++done, total);
      if (parsedCount !== parsedBefore) gc(parsedCount - parsedBefore);
    }
    const documents = frozen.map(({ abs, json }) => withLazyPositions(JSON.parse(json) as DocumentResult, abs, read));
    sets.push({ loaded, documents });
  }
  cache?.save();
  return { sets, named };
}

/** The per-document step with its cache; returns the result as JSON text. */
function analyzeOne(
  abs: string,
  file: string,
  rootPath: string,
  loaded: LoadedConfig,
  options: RunOptions,
  read: (p: string) => Uint8Array,
  docRules: ReturnType<typeof documentRules>,
  cache: ResultCache | undefined,
): string {
  const lang = options.lang;
  const unreadable = (message: string): string =>
    JSON.stringify({
      file,
      rootPath,
      fatal: true,
      diagnostics: [makeDiagnostic(file, ruleById("SD001"), "error", [1, 1, 1, 1], message)],
    } satisfies DocumentResult);
  if (isSymlink(abs) && !isInside(realPathOf(loaded.root), realPathOf(abs))) {
    return unreadable(pick({ sv: "Filen är en länk som pekar utanför dokumentroten (mappen med samdok.config.json). Den läses inte.", en: "The file is a link that points outside the document root (the folder with samdok.config.json). It is not read." }, lang));
  }
  const stat = cache ? statOf(abs) : "";
  const unchanged = cache?.byStat(file, stat, loaded.hash);
  if (unchanged !== undefined) return unchanged;
  let bytes: Uint8Array;
  try {
    bytes = read(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM"
        ? { sv: "behörighet saknas", en: "permission denied" }
        : code === "EISDIR"
          ? { sv: "det är en mapp", en: "it is a folder" }
          : code === "ENOENT"
            ? { sv: "filen finns inte längre", en: "the file no longer exists" }
            : { sv: (error as Error).message, en: (error as Error).message };
    return unreadable(pick({ sv: `Filen kan inte läsas (${why.sv}).`, en: `The file cannot be read (${why.en}).` }, lang));
  }
  const hash = cache ? ResultCache.hash(bytes) : "";
  const hit = cache?.byContent(file, hash, stat, loaded.hash);
  if (hit !== undefined) return hit;
  parsedCount++;
  const result = analyzeDocument({ file, rootPath, absPath: abs, bytes, loaded, lang, today: options.today, rules: docRules });
  if (result.positions && result.data !== undefined) {
    const packed = packPositions(result.data, result.positions);
    if (packed !== undefined) result.packedPositions = packed;
  }
  delete result.positions;
  const json = JSON.stringify(result);
  cache?.set(file, hash, stat, loaded.hash, json);
  return json;
}

/** How many documents this process has parsed (cache misses). */
let parsedCount = 0;

function statOf(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "";
  }
}

/**
 * Front-matter positions are large and needed only when a set-wide rule
 * reports on a document. After the per-document step they are kept packed
 * (a short string of numbers, also what the cache stores) and unpacked on
 * first use; when they could not be packed, the file is parsed again.
 */
function withLazyPositions(result: DocumentResult, abs: string, read: (p: string) => Uint8Array): DocumentResult {
  if (result.data === undefined) return result;
  const data = result.data;
  const packed = result.packedPositions;
  Object.defineProperty(result, "positions", {
    enumerable: false,
    configurable: true,
    get(): PositionMap | undefined {
      return recentPositions(abs, () => (packed !== undefined ? unpackPositions(data, packed) : undefined) ?? reparsePositions(abs, read));
    },
  });
  return result;
}

function reparsePositions(abs: string, read: (p: string) => Uint8Array): PositionMap | undefined {
  try {
    const decoded = decodeDocument(read(abs));
    const split = decoded.ok ? parseFrontMatter(decoded.text) : undefined;
    return split?.ok ? split.value.positions : undefined;
  } catch {
    return undefined;
  }
}

/** Set rules report document by document, so a few recent position maps are enough to keep. */
const RECENT = 16;
const recent = new Map<string, PositionMap | undefined>();

function recentPositions(abs: string, compute: () => PositionMap | undefined): PositionMap | undefined {
  if (recent.has(abs)) return recent.get(abs);
  const positions = compute();
  recent.set(abs, positions);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return positions;
}

/** Forgets remembered positions (a file may have been edited in the same process). */
export function clearPositionCache(): void {
  recent.clear();
}

/** Only a link can lead out of the document root (folders found by walking are never links). */
function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Runs the set-wide rules on a loaded set; returns their diagnostics by file. */
export function runSetRules(set: DocumentSet, lang: Lang, today: string): Map<DocumentResult, Diagnostic[]> {
  const out = new Map<DocumentResult, Diagnostic[]>();
  const parsed = set.documents.filter((d) => d.data !== undefined);
  const byId = new Map<string, DocumentResult[]>();
  const byRootPath = new Map<string, DocumentResult>();
  for (const doc of set.documents) byRootPath.set(doc.rootPath, doc);
  for (const doc of parsed) {
    const id = doc.data?.id;
    if (typeof id !== "string") continue;
    const list = byId.get(id) ?? [];
    list.push(doc);
    byId.set(id, list);
  }
  for (const rule of setRules()) {
    if (severityFor(rule, set.loaded.config) === "off") continue;
    const ctx: SetContext = {
      documents: parsed,
      byId,
      byRootPath,
      loaded: set.loaded,
      config: set.loaded.config,
      lang,
      today,
      report: (doc, input) => {
        const severity = severityFor(rule, set.loaded.config, input.severity);
        if (severity === "off") return;
        const list = out.get(doc) ?? [];
        list.push(makeDiagnostic(doc.file, rule, severity, rangeOf(input, doc.positions), pick(input.message, lang)));
        out.set(doc, list);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      const first = parsed[0];
      if (first) {
        const list = out.get(first) ?? [];
        list.push(makeDiagnostic(first.file, rule, "error", [1, 1, 1, 1], pick({ sv: `Internt fel i regeln ${rule.id}: ${(error as Error).message}. Rapportera gärna felet.`, en: `Internal error in rule ${rule.id}: ${(error as Error).message}. Please report it.` }, lang)));
        out.set(first, list);
      }
    }
  }
  return out;
}

/** Validates the named paths. Throws UsageError or ConfigError for exit code 2. */
export function runValidation(options: RunOptions): ValidationRun {
  const { sets, named } = loadSets(options);
  const results: DocumentResult[] = [];
  for (const set of sets) {
    const setDiagnostics = runSetRules(set, options.lang, options.today);
    for (const doc of set.documents) {
      const abs = path.resolve(options.cwd, doc.file);
      if (!named.has(abs)) continue;
      const extra = setDiagnostics.get(doc) ?? [];
      const merged = Object.create(Object.getPrototypeOf(doc), Object.getOwnPropertyDescriptors(doc)) as DocumentResult;
      merged.diagnostics = [...doc.diagnostics, ...extra].sort(compareDiagnostics);
      results.push(merged);
    }
  }
  return finishRun(results, sets);
}

/** Sorts the results by file and counts their findings. */
export function finishRun(results: DocumentResult[], sets: DocumentSet[]): ValidationRun {
  results.sort((a, b) => a.file.localeCompare(b.file));
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === "error") errors++;
      else warnings++;
    }
  }
  return { results, sets, summary: { files: results.length, errors, warnings } };
}
