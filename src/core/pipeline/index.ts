/**
 * The validation pipeline, step by step, each step in its own file:
 *
 * 1. discover.ts: the Markdown files under the named paths;
 * 2. group.ts: each under the configuration that governs it, with its whole set;
 * 3. analyse.ts: every document read and analysed (core/analyze.ts), from
 *    the cache or in worker threads where that pays, as far as the stage asks;
 * 4. set-rules.ts: the rules that look across a set;
 * 5. finish.ts: the named documents' findings together, sorted and counted.
 *
 * How results are held between the steps is private to stored-result.ts.
 * Commands that need only front matter (`due`, `report`, the editing
 * commands) stop after step 3 with `stage: "front-matter"`; `--changed-since`
 * (ci/changed/) runs steps 1–3, then its own selection and the change rules.
 */
import { discoverNamed } from "./discover.js";
import { groupByConfiguration } from "./group.js";
import { analyseSets } from "./analyse.js";
import { runSetRules } from "./set-rules.js";
import { finishRun, namedResults } from "./finish.js";
import type { DocumentSet, RunOptions, ValidationRun } from "./types.js";

export type { DocumentSet, RunOptions, SetMemory, Stage, ValidationRun } from "./types.js";
export { runSetRules } from "./set-rules.js";
export { compareDiagnostics, finishRun, withDiagnostics } from "./finish.js";
export { clearPositionCache, rangeIn } from "./stored-result.js";

/** Validates the named paths. Throws UsageError or ConfigError for exit code 2. */
export async function runValidation(options: RunOptions): Promise<ValidationRun> {
  const { sets, named } = await loadSets(options);
  const findings = sets.map((set) => runSetRules(set, options.lang, options.today));
  return finishRun(namedResults(sets, findings, named, options.cwd), sets);
}

/** Steps 1–3: every document of every set that the named paths touch, loaded as far as the stage asks. */
export async function loadSets(options: RunOptions): Promise<{ sets: DocumentSet[]; named: Set<string> }> {
  const found = discoverNamed(options);
  const grouped = groupByConfiguration(found, options);
  const only = options.stage === "front-matter" ? options.onlyFiles : undefined;
  const plans = only ? grouped.map((p) => ({ ...p, files: p.files.filter(only) })) : grouped;
  return { sets: await analyseSets(plans, options), named: found.named };
}
