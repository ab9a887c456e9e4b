/**
 * What one set reports in pull-request mode: each selected document that the
 * user named, with its own findings, the set rules' and the change rules'
 * together and sorted, and the set's samdok.config.json when the change rules
 * reported on the set.
 */
import path from "node:path";
import type { DocumentResult, Lang } from "../../core/types.js";
import { compareDiagnostics, runSetRules } from "../../core/pipeline/index.js";
import { CONFIG_FILE } from "../../core/config.js";
import type { ChangeFindings } from "./change-rules.js";
import type { SetInfo } from "./repository.js";

/** Where the set's results are shown, and which files the user named (absolute paths). */
export interface ResultScope {
  cwd: string;
  named: ReadonlySet<string>;
  lang: Lang;
  today: string;
  /** The set's samdok.config.json as messages show it. */
  configFile: string;
}

/** The set's results: the reported documents in the set's order, then its configuration. */
export function setResults(
  info: SetInfo,
  reported: ReadonlySet<DocumentResult>,
  found: ChangeFindings,
  scope: ResultScope,
): DocumentResult[] {
  const { set } = info;
  const setDiagnostics = runSetRules(set, scope.lang, scope.today);
  const out: DocumentResult[] = [];
  for (const doc of set.documents) {
    if (!reported.has(doc) && !found.touched.has(doc)) continue;
    if (!scope.named.has(path.resolve(scope.cwd, doc.file))) continue;
    const all = [...doc.diagnostics, ...(setDiagnostics.get(doc) ?? []), ...(found.onDocuments.get(doc) ?? [])].sort(compareDiagnostics);
    out.push({ ...doc, diagnostics: all });
  }
  if (found.onSet.length > 0) {
    out.push({ file: scope.configFile, rootPath: CONFIG_FILE, diagnostics: found.onSet.sort(compareDiagnostics) });
  }
  return out;
}
