/**
 * What one set reports in pull-request mode: each selected document that the
 * user named, with its own findings, the set rules' and the change rules'
 * together and sorted, and the set's samdok.config.json when the change rules
 * reported on the set.
 *
 * A selected document the pull request did not touch (it points at one that
 * changed) keeps only the findings the change caused: the change rules' and
 * the set rules' findings that the set did not have at the base
 * (base-set.ts). Its other findings (an overdue revision, a support in an
 * overdue document) were there before the change and belong to whoever owns
 * that document: they go to `untouched`, which the reporters summarise in one
 * line instead of annotating the pull request, and which do not fail it.
 */
import path from "node:path";
import type { Diagnostic, DocumentResult, Lang } from "../../core/types.js";
import { compareDiagnostics } from "../../core/pipeline/index.js";
import { CONFIG_FILE } from "../../core/config.js";
import type { ChangeFindings } from "./change-rules.js";
import type { SetInfo } from "./repository.js";
import { splitByBase } from "./base-set.js";

/** Where the set's results are shown, and which files the user named (absolute paths). */
export interface ResultScope {
  cwd: string;
  named: ReadonlySet<string>;
  lang: Lang;
  today: string;
  /** The set's samdok.config.json as messages show it. */
  configFile: string;
}

/** What the set rules found, now and (for the untouched documents) at the base. */
export interface SetFindings {
  now: ReadonlyMap<DocumentResult, Diagnostic[]>;
  atBase: ReadonlyMap<DocumentResult, Diagnostic[]>;
  /** The documents the pull request touched: changed, new, or all of them when the configuration changed. */
  touched: ReadonlySet<DocumentResult>;
}

/** The set's results (the reported documents in the set's order, then its configuration), and the findings left to the summary. */
export interface SetOutcome {
  results: DocumentResult[];
  untouched: DocumentResult[];
}

/** Document rules whose findings depend on files other than the document: links to files (SD134) and what lies outside the root (SD009). */
const FILE_RULES: ReadonlySet<string> = new Set(["SD009", "SD134"]);

/** The named documents among those reported: what the run shows of the set. */
export function namedReported(
  info: SetInfo,
  reported: ReadonlySet<DocumentResult>,
  found: ChangeFindings,
  scope: ResultScope,
): DocumentResult[] {
  return info.set.documents.filter(
    (doc) => (reported.has(doc) || found.touched.has(doc)) && scope.named.has(path.resolve(scope.cwd, doc.file)),
  );
}

/** Splits each shown document's findings into the pull request's own and those on what it did not touch. */
export function setResults(
  shown: readonly DocumentResult[],
  found: ChangeFindings,
  setFindings: SetFindings,
  scope: ResultScope,
): SetOutcome {
  const results: DocumentResult[] = [];
  const untouched: DocumentResult[] = [];
  for (const doc of shown) {
    const setNow = setFindings.now.get(doc) ?? [];
    const byChange = found.onDocuments.get(doc) ?? [];
    if (setFindings.touched.has(doc) || found.touched.has(doc)) {
      results.push({ ...doc, diagnostics: [...doc.diagnostics, ...setNow, ...byChange].sort(compareDiagnostics) });
      continue;
    }
    const { caused, before: beforeAll } = splitByBase(setNow, setFindings.atBase.get(doc) ?? []);
    // The base set is read with today's files beside it, so a rule on files cannot be weighed against it.
    const before = beforeAll.filter((d) => !FILE_RULES.has(d.ruleId));
    caused.push(...beforeAll.filter((d) => FILE_RULES.has(d.ruleId)));
    // A rule that looks at other files (a picture, a link out of the root) can find something new in
    // a document nobody changed, when the pull request deleted or replaced the file it links: those
    // findings are the pull request's own, never summarised away.
    const onFiles = doc.diagnostics.filter((d) => FILE_RULES.has(d.ruleId));
    // Still shown (it points at what changed), with what the change did to it.
    results.push({ ...doc, diagnostics: [...caused, ...onFiles, ...byChange].sort(compareDiagnostics) });
    const old = [...doc.diagnostics.filter((d) => !FILE_RULES.has(d.ruleId)), ...before].sort(compareDiagnostics);
    if (old.length > 0) untouched.push({ ...doc, diagnostics: old });
  }
  if (found.onSet.length > 0) {
    results.push({ file: scope.configFile, rootPath: CONFIG_FILE, diagnostics: found.onSet.sort(compareDiagnostics) });
  }
  return { results, untouched };
}
