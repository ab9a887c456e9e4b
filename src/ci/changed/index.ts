/**
 * Pull-request mode: `samdok validate --changed-since REF`, step by step,
 * each step in its own file:
 *
 * 1. git (core/git.ts) finds the merge base of REF and HEAD and what differs
 *    between it and the working tree (the branch's commits plus uncommitted
 *    and untracked files): changed, added, renamed and deleted .md files.
 * 2. Every set those files belong to is loaded whole (set rules need all of
 *    it), exactly as in a plain run: steps 1–3 of core/pipeline.
 *    repository.ts places each set in the repository.
 * 3. changes.ts reads each set's changes against the base: changed and new
 *    documents with their base versions, deleted ones, the base's ids.
 * 4. select.ts chooses what is reported: the changed documents, every
 *    document that points at one of them (by id in the front matter, or by a
 *    link in the text; a link to a renamed or deleted document breaks), and,
 *    when a set's samdok.config.json changed, every document of that set.
 * 5. change-rules.ts runs the change rules (SD302–SD399), which compare each
 *    changed document with its version at the merge base. A deletion has no
 *    file left to carry the finding, so it is reported on the set's
 *    samdok.config.json.
 * 6. results.ts adds the set rules and keeps the documents the user named.
 *    On a document the pull request did not touch, only what the change
 *    caused is its finding (base-set.ts compares with the set at the base);
 *    the rest is returned as `untouched`: summarised once by the reporters,
 *    never annotated, never failing the pull request.
 * 7. removed-sets.ts reports documents deleted together with their whole set.
 */
import type { Diagnostic, DocumentResult } from "../../core/types.js";
import { finishRun, loadSets, runSetRules, type RunOptions, type ValidationRun } from "../../core/pipeline/index.js";
import { Git } from "../../core/git.js";
import { changesIn, readChanges } from "./changes.js";
import { selectReported } from "./select.js";
import { runChangeRules } from "./change-rules.js";
import { namedReported, setResults } from "./results.js";
import { baseSetFindings } from "./base-set.js";
import { checkRemovedSets } from "./removed-sets.js";
import { configPathOf, openRepository, placeSets } from "./repository.js";

/** Validates what changed since the merge base with `ref`. Throws UsageError (exit code 2) outside git or for an unknown ref. */
export async function runChangedSince(options: RunOptions & { ref: string }): Promise<ValidationRun> {
  const { lang, today, ref } = options;
  const git = new Git(options.cwd, lang);
  const top = git.toplevel();
  const base = git.mergeBase(ref);
  const changes = git.changesSince(base);

  const { sets, named } = await loadSets(options);
  const repo = openRepository(git, top, base, options);
  const places = placeSets(sets, repo);

  const results: DocumentResult[] = [];
  const untouched: DocumentResult[] = [];
  for (const info of places.infos) {
    const setChanges = changesIn(info, changes, places);
    if (setChanges.length === 0) continue;
    const read = readChanges(info, setChanges, places, repo);
    const reported = selectReported(info, read);
    const configFile = repo.display(configPathOf(info));
    // Deletions outside the paths the user named are not reported.
    const deleted = read.deleted.filter((d) => repo.inScope(d.repoPath));
    const found = runChangeRules({
      ref,
      lang,
      today,
      config: info.set.loaded.config,
      changed: read.changed,
      deleted,
      baseById: read.baseById,
      configFile,
    });
    const scope = { cwd: options.cwd, named, lang, today, configFile };
    const shown = namedReported(info, reported, found, scope);
    const now = runSetRules(info.set, lang, today);
    const touched = new Set<DocumentResult>(read.configChanged ? info.set.documents : read.changed.map((c) => c.head.result));
    // The set at the base is analysed only when an untouched document has set-rule findings to weigh.
    const weigh = shown.some((doc) => !touched.has(doc) && (now.get(doc)?.length ?? 0) > 0);
    const atBase = weigh ? await baseSetFindings(info, read, places, repo, options) : new Map<DocumentResult, Diagnostic[]>();
    const outcome = setResults(shown, found, { now, atBase, touched }, scope);
    results.push(...outcome.results);
    untouched.push(...outcome.untouched);
  }
  results.push(...checkRemovedSets(changes, places, repo, options));
  return { ...finishRun(results, sets), untouched: finishRun(untouched, sets).results };
}
