/**
 * Step 4: the set-wide rules (links between documents, ids, replacements …)
 * on each loaded set. Their findings are remembered in the cache under a
 * fingerprint of what they read, and taken from there when nothing they
 * read has changed.
 */
import { createHash } from "node:crypto";
import type { Diagnostic, DocumentResult, Lang } from "../types.js";
import { fromReport, ruleCrashed, ruleIsOn } from "../diagnostic.js";
import { setRules } from "../../rules/index.js";
import type { SetContext, SetRule } from "../../rules/types.js";
import { hasData, rangeIn } from "./stored-result.js";
import type { DocumentSet } from "./types.js";

/**
 * What the set-wide rules see of a set, as one hash: the configuration and
 * every document's `setKey` (or, for a document without front matter, only
 * that it is there). Undefined when a document has no key.
 */
function setFingerprint(set: DocumentSet): string | undefined {
  const hash = createHash("sha256").update(set.loaded.hash);
  for (const doc of set.documents) {
    if (doc.setKey === undefined && hasData(doc)) return undefined;
    hash.update(`\0${doc.rootPath}\0${doc.fatal === true}\0${doc.setKey ?? "-"}`);
  }
  return hash.digest("hex");
}

/**
 * Runs the set-wide rules on a loaded set; returns their diagnostics by file.
 * When nothing they read has changed since the last run with the cache (a
 * change to a document's text that moves no heading or link, say), their
 * findings are taken from the cache instead.
 */
export function runSetRules(set: DocumentSet, lang: Lang, today: string): Map<DocumentResult, Diagnostic[]> {
  const cacheable = (rule: SetRule): boolean => rule.readsFiles !== true;
  const fingerprint = set.memory ? setFingerprint(set) : undefined;
  const remembered = fingerprint !== undefined ? set.memory?.recall(fingerprint) : undefined;
  let out: Map<DocumentResult, Diagnostic[]>;
  if (remembered !== undefined) {
    const byPath = new Map(set.documents.map((d) => [d.rootPath, d]));
    out = new Map();
    for (const [rootPath, diagnostics] of (JSON.parse(remembered) as { findings: [string, Diagnostic[]][] }).findings) {
      const doc = byPath.get(rootPath);
      if (doc) out.set(doc, diagnostics);
    }
  } else {
    out = computeSetRules(set, lang, today, cacheable);
    if (fingerprint !== undefined)
      set.memory?.keep(fingerprint, JSON.stringify({ findings: [...out].map(([doc, diagnostics]) => [doc.rootPath, diagnostics]) }));
  }
  // Rules that look at other files run every time.
  for (const [doc, diagnostics] of computeSetRules(set, lang, today, (rule) => !cacheable(rule))) {
    out.set(doc, [...(out.get(doc) ?? []), ...diagnostics]);
  }
  return out;
}

function computeSetRules(
  set: DocumentSet,
  lang: Lang,
  today: string,
  which: (rule: SetRule) => boolean,
): Map<DocumentResult, Diagnostic[]> {
  const out = new Map<DocumentResult, Diagnostic[]>();
  // Read without parsing what a result may still hold as text (result-text.ts).
  const parsed = set.documents.filter(hasData);
  const byId = new Map<string, DocumentResult[]>();
  const byRootPath = new Map<string, DocumentResult>();
  for (const doc of set.documents) byRootPath.set(doc.rootPath, doc);
  for (const doc of parsed) {
    const id = doc.id ?? doc.data?.id;
    if (typeof id !== "string") continue;
    const list = byId.get(id) ?? [];
    list.push(doc);
    byId.set(id, list);
  }
  for (const rule of setRules()) {
    if (!which(rule) || !ruleIsOn(rule, set.loaded.config)) continue;
    const ctx: SetContext = {
      documents: parsed,
      byId,
      byRootPath,
      loaded: set.loaded,
      config: set.loaded.config,
      lang,
      today,
      report: (doc, input) => {
        const d = fromReport(doc.file, rule, set.loaded.config, input, rangeIn(doc, input), lang);
        if (!d) return;
        const list = out.get(doc) ?? [];
        list.push(d);
        out.set(doc, list);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      const first = parsed[0];
      if (first) {
        const list = out.get(first) ?? [];
        list.push(ruleCrashed(first.file, rule, error, lang, false));
        out.set(first, list);
      }
    }
  }
  return out;
}
