/**
 * Documents deleted together with their whole set (its samdok.config.json
 * too): no set is loaded for them, so they are reported on the deleted
 * configuration's path, with the rule levels that configuration had at the base.
 */
import path from "node:path";
import type { DocumentResult } from "../../core/types.js";
import type { Change } from "../../core/git.js";
import { compareDiagnostics, type RunOptions } from "../../core/pipeline/index.js";
import { CONFIG_FILE, type SamdokConfig } from "../../core/config.js";
import { decodeDocument } from "../../core/read.js";
import { parseStrictJson } from "../../core/strict-json.js";
import { isMarkdown } from "../../core/discover.js";
import type { BaseDocument } from "../../rules/lib/change-context.js";
import { baseDocument } from "./changes.js";
import { runChangeRules } from "./change-rules.js";
import type { Repository, SetPlaces } from "./repository.js";

/** Findings on the sets deleted whole, one result per deleted configuration that has any. */
export function checkRemovedSets(
  changes: readonly Change[],
  places: SetPlaces,
  repo: Repository,
  options: RunOptions & { ref: string },
): DocumentResult[] {
  const orphans = changes.filter((c) => c.kind === "deleted" && isMarkdown(c.path) && repo.inScope(c.path) && !places.setOf(c.path));
  if (orphans.length === 0) return [];
  const out: DocumentResult[] = [];
  for (const [configRel, { bytes, deleted }] of groupByConfig(orphans, repo)) {
    const file = repo.display(configRel);
    const found = runChangeRules({
      ref: options.ref,
      lang: options.lang,
      today: options.today,
      config: baseConfig(bytes),
      changed: [],
      deleted,
      baseById: new Map(),
      configFile: file,
    });
    if (found.onSet.length > 0) out.push({ file, rootPath: CONFIG_FILE, diagnostics: found.onSet.sort(compareDiagnostics) });
  }
  return out;
}

/** Where a configuration for the path could have been: its folder's, then each parent's up to the root. */
function configCandidates(repoPath: string): string[] {
  const candidates: string[] = [];
  for (let dir = path.posix.dirname(repoPath); ; dir = path.posix.dirname(dir)) {
    candidates.push(dir === "." ? CONFIG_FILE : `${dir}/${CONFIG_FILE}`);
    if (dir === ".") return candidates;
  }
}

/** The deleted documents at the base, under the nearest configuration the base had; those under none were never in a set. */
function groupByConfig(orphans: readonly Change[], repo: Repository): Map<string, { bytes: Buffer; deleted: BaseDocument[] }> {
  const candidates = new Set(orphans.flatMap((o) => configCandidates(o.path)));
  const configs = repo.git.readAt(repo.base, [...candidates]);
  const blobs = repo.git.readAt(
    repo.base,
    orphans.map((o) => o.path),
  );
  const groups = new Map<string, { bytes: Buffer; deleted: BaseDocument[] }>();
  for (const o of orphans) {
    const config = configCandidates(o.path).find((c) => configs.has(c));
    const bytes = config === undefined ? undefined : configs.get(config);
    if (config === undefined || bytes === undefined) continue; // Never part of a set.
    const group = groups.get(config) ?? { bytes, deleted: [] };
    group.deleted.push(baseDocument(o.path, blobs.get(o.path), repo));
    groups.set(config, group);
  }
  return groups;
}

/**
 * The configuration as it was at the base, read as loadConfig reads one
 * (strict UTF-8 without BOM, then strict JSON); when it cannot be read, no
 * configuration ({}): every change rule at its default level.
 */
function baseConfig(bytes: Buffer): SamdokConfig {
  const decoded = decodeDocument(bytes);
  const parsed = decoded.ok ? parseStrictJson(decoded.text) : undefined;
  return parsed?.ok ? (parsed.value as SamdokConfig) : ({} as SamdokConfig);
}
