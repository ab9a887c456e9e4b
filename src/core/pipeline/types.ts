/**
 * What the steps of the validation pipeline pass to each other and what a run
 * returns. The pipeline itself is in index.ts: discover → group by
 * configuration → analyse → set-wide rules → finish.
 */
import type { Root } from "mdast";
import type { DocumentResult, Lang } from "../types.js";
import type { LoadedConfig } from "../config.js";

/**
 * How far each document is taken. "front-matter": read, front matter parsed
 * and checked against the schema (SD001–SD005), the body never parsed: what
 * `due`, `report` and the editing commands need. "rules" (the default): the
 * body parsed and every rule run, as `validate` and `build` need.
 */
export type Stage = "front-matter" | "rules";

export interface RunOptions {
  paths: readonly string[];
  cwd: string;
  lang: Lang;
  /** The run's calendar date, YYYY-MM-DD. */
  today: string;
  /** How far each document is taken; default "rules". */
  stage?: Stage;
  /**
   * With the front-matter stage only: load just the files this accepts (by
   * absolute path) instead of every document of the sets named. For a command
   * that needs one document (`history`, `revise`) and nothing of the others.
   */
  onlyFiles?: (absPath: string) => boolean;
  /** Path of the cache file, or undefined for no cache. */
  cacheLocation?: string;
  /** Folder of the key that signs the cache (cache-key.ts); default: the user's cache folder. */
  cacheKeyDir?: string;
  /** Where a note goes when the cache is not used (a git-tracked or special file, no key): stderr. */
  onCacheNote?: (line: string) => void;
  /** Injectable file reading (tests). */
  readFile?: (absPath: string) => Uint8Array;
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads for the per-document step: a number, or "auto" (the
   * default) for one per core when there are hundreds of documents to parse.
   * 1 keeps all work in the calling thread.
   */
  jobs?: number | "auto";
  /**
   * When given, the body of each document this run parses is put here by
   * absolute path, ready for the editions (`editionBody`), so that a build
   * does not parse it again. Documents the cache answers are not parsed.
   */
  bodies?: Map<string, Root>;
}

/** The files a run looks at: the named ones, and the whole set of each configuration they belong to. */
export interface SetPlan {
  loaded: LoadedConfig;
  /** Absolute paths of every document of the set, named or not, sorted. */
  files: string[];
}

export interface DocumentSet {
  loaded: LoadedConfig;
  /** Every document of the set, named or not, sorted by path. */
  documents: DocumentResult[];
  /** Where the set-wide findings are remembered between runs (the cache), when it is used. */
  memory?: SetMemory;
}

/** The set-wide findings of a run, remembered under a fingerprint of what the rules read. */
export interface SetMemory {
  recall(fingerprint: string): string | undefined;
  keep(fingerprint: string, json: string): void;
}

export interface ValidationRun {
  /** Results for the named files, sorted by path; diagnostics sorted by position. */
  results: DocumentResult[];
  sets: DocumentSet[];
  summary: { files: number; errors: number; warnings: number };
  /**
   * Pull-request mode only: findings on documents the pull request did not
   * touch and did not cause (src/ci/changed/results.ts). Not in `results` or
   * `summary`, so they neither annotate nor fail the pull request; reporters
   * summarise them.
   */
  untouched?: DocumentResult[];
}
