/**
 * Pull-request mode: `samdok validate --changed-since REF`.
 *
 * 1. git finds the merge base of REF and HEAD and what differs between it and
 *    the working tree (the branch's commits plus uncommitted and untracked
 *    files): changed, added, renamed and deleted .md files.
 * 2. Every set those files belong to is loaded whole (set rules need all of
 *    it), exactly as in a plain run.
 * 3. Reported are the changed documents, every document that points at one of
 *    them (by id in the front matter, or by a link in the text; a link to a
 *    renamed or deleted document breaks), and, when a set's
 *    samdok.config.json changed, every document of that set.
 * 4. The change rules (SD302–SD399) compare each changed document with its
 *    version at the merge base. A deletion has no file left to carry the
 *    finding, so it is reported on the set's samdok.config.json.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, DocumentResult } from "../core/types.js";
import { compareDiagnostics, finishRun, loadSets, rangeIn, runSetRules, type DocumentSet, type RunOptions, type ValidationRun } from "../core/pipeline/index.js";
import { CONFIG_FILE, type SamdokConfig } from "../core/config.js";
import { fromReport, rangeOf, ruleIsOn } from "../core/diagnostic.js";
import { decodeDocument } from "../core/read.js";
import { readDocumentFile } from "../core/read-regular.js";
import { parseFrontMatter } from "../core/front-matter.js";
import { toPosix } from "../core/paths.js";
import { isMarkdown } from "../core/discover.js";
import { decodeLinkText, isExternal, resolvePath, splitLink } from "../core/links.js";
import { baseComparisonRules } from "../rules/change.js";
import { ID_LINK_FIELDS } from "../rules/sd007-id-lankar.js";
import { Git, type Change } from "./git.js";
import type { BaseDocument, ChangeContext, ChangedDocument, HeadDocument } from "../rules/lib/change-context.js";

/** Front matter and body of a file's bytes, or undefined when it cannot be parsed. */
export function parseSource(bytes: Uint8Array): { data: Record<string, unknown>; body: string } | undefined {
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) return undefined;
  let split: ReturnType<typeof parseFrontMatter>;
  try {
    split = parseFrontMatter(decoded.text);
  } catch {
    return undefined; // never stops the run (a base version is not validated)
  }
  if (!split.ok) return undefined;
  const lines = decoded.text.split("\n");
  return { data: split.value.data, body: lines.slice(split.value.bodyLine - 1).join("\n") };
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** `p` is `prefix` or lies below it (repository-relative POSIX paths; "" is the root). */
const under = (p: string, prefix: string): boolean => prefix === "" || p === prefix || p.startsWith(`${prefix}/`);

/** Would `listMarkdown` have found this path below a set's root (no hidden folders, no node_modules)? */
function isDocumentPath(rel: string): boolean {
  if (!isMarkdown(rel)) return false;
  const dirs = rel.split("/").slice(0, -1);
  return !dirs.some((d) => d.startsWith(".") || d === "node_modules");
}

interface SetInfo {
  set: DocumentSet;
  /** The set's root relative to the repository's root ("" when it is the root). */
  rootRel: string;
  /** Documents by repository-relative path. */
  byRepoPath: Map<string, DocumentResult>;
}

export async function runChangedSince(options: RunOptions & { ref: string }): Promise<ValidationRun> {
  const { lang, today, ref } = options;
  const git = new Git(options.cwd, lang);
  const top = real(git.toplevel());
  const base = git.mergeBase(ref);
  const changes = git.changesSince(base);

  const { sets, named } = await loadSets(options);
  const cwdReal = real(options.cwd);
  const repoRel = (abs: string): string => toPosix(path.relative(top, real(abs)));
  const display = (rel: string): string => toPosix(path.relative(cwdReal, path.join(top, rel))) || rel;
  const scopes = options.paths.map((p) => repoRel(path.resolve(options.cwd, p)));
  const inScope = (rel: string): boolean => scopes.some((s) => under(rel, s));

  const infos: SetInfo[] = sets.map((set) => {
    const rootRel = repoRel(set.loaded.root);
    const byRepoPath = new Map<string, DocumentResult>();
    for (const doc of set.documents) byRepoPath.set(rootRel === "" ? doc.rootPath : `${rootRel}/${doc.rootPath}`, doc);
    return { set, rootRel, byRepoPath };
  });
  /** The set a repository path belongs to: the one with the deepest root above it. */
  const setOf = (rel: string): SetInfo | undefined => {
    let best: SetInfo | undefined;
    for (const info of infos) if (under(rel, info.rootRel) && (!best || info.rootRel.length > best.rootRel.length)) best = info;
    return best;
  };

  const results: DocumentResult[] = [];
  for (const info of infos) {
    const mine = (c: Change): boolean => setOf(c.path) === info || (c.from !== undefined && setOf(c.from) === info);
    const setChanges = changes.filter(mine);
    if (setChanges.length === 0) continue;
    results.push(...checkSet(info, setChanges));
  }
  results.push(...checkRemovedSets());

  function checkSet(info: SetInfo, setChanges: Change[]): DocumentResult[] {
    const { set } = info;
    const configRel = info.rootRel === "" ? CONFIG_FILE : `${info.rootRel}/${CONFIG_FILE}`;
    const configChanged = setChanges.some((c) => c.path === configRel || c.from === configRel);

    // Every document of the set at the base, for ids and for comparing.
    const basePaths = git.filesAt(base, info.rootRel).filter((p) => setOf(p) === info && isDocumentPath(p.slice(info.rootRel === "" ? 0 : info.rootRel.length + 1)));
    // Renamed-in documents may come from outside the set.
    for (const c of setChanges) if (c.from && isMarkdown(c.from) && !basePaths.includes(c.from)) basePaths.push(c.from);
    const blobs = git.readAt(base, basePaths);
    const baseDocs = new Map<string, BaseDocument>();
    for (const p of basePaths) {
      const bytes = blobs.get(p);
      if (!bytes) continue;
      const parsed = parseSource(bytes);
      const doc: BaseDocument = { repoPath: p, display: display(p) };
      if (parsed) {
        doc.data = parsed.data;
        doc.body = parsed.body;
      }
      baseDocs.set(p, doc);
    }
    const baseById = new Map<string, BaseDocument[]>();
    for (const doc of baseDocs.values()) {
      const id = doc.data?.id;
      if (typeof id !== "string") continue;
      baseById.set(id, [...(baseById.get(id) ?? []), doc]);
    }

    const head = (rel: string): HeadDocument | undefined => {
      const result = info.byRepoPath.get(rel);
      if (!result) return undefined;
      const h: HeadDocument = { result };
      try {
        // Only a regular file is opened: a FIFO would block (read-regular.ts).
        const parsed = parseSource(readDocumentFile(path.join(top, rel)));
        if (parsed) {
          h.data = parsed.data;
          h.body = parsed.body;
        }
      } catch {
        // Unreadable now: SD001 already says so; nothing to compare.
      }
      return h;
    };

    const changed: ChangedDocument[] = [];
    const added: ChangedDocument[] = [];
    const deleted: BaseDocument[] = [];
    for (const c of setChanges) {
      if (c.kind === "deleted") {
        const doc = baseDocs.get(c.path);
        if (doc && setOf(c.path) === info) deleted.push(doc);
        continue;
      }
      const now = setOf(c.path) === info ? head(c.path) : undefined;
      const from = c.kind === "renamed" ? c.from : c.kind === "modified" ? c.path : undefined;
      const before = from !== undefined ? baseDocs.get(from) : undefined;
      if (!now) {
        // Renamed out of the set (or into a file that is no document): at the base it was ours.
        if (c.kind === "renamed" && before && c.from !== undefined && setOf(c.from) === info && !isDocumentPath(c.path)) deleted.push(before);
        continue;
      }
      const entry: ChangedDocument = { head: now, moved: before !== undefined && before.repoPath !== c.path };
      if (before) entry.base = before;
      (before ? changed : added).push(entry);
    }
    // A deleted document and a new one with the same id are one document that moved
    // (a rename git did not recognise because the text changed too much).
    for (const entry of added) {
      const id = entry.head.data?.id;
      if (typeof id !== "string") continue;
      const matches = deleted.filter((d) => d.data?.id === id);
      const twins = added.filter((a) => a.head.data?.id === id);
      const gone = matches[0];
      if (matches.length === 1 && twins.length === 1 && gone) {
        entry.base = gone;
        entry.moved = true;
        deleted.splice(deleted.indexOf(gone), 1);
      }
    }
    changed.push(...added);

    // What is reported: the changed documents, those that point at them, or all after a config change.
    const report = new Set<DocumentResult>();
    if (configChanged) for (const doc of set.documents) report.add(doc);
    for (const c of changed) report.add(c.head.result);
    const targetIds = new Set<string>();
    const targetPaths = new Set<string>();
    for (const c of changed) {
      if (typeof c.head.data?.id === "string") targetIds.add(c.head.data.id);
      if (typeof c.base?.data?.id === "string") targetIds.add(c.base.data.id);
      targetPaths.add(c.head.result.rootPath);
      if (c.base) targetPaths.add(rootPathOf(info, c.base.repoPath));
    }
    for (const d of deleted) {
      if (typeof d.data?.id === "string") targetIds.add(d.data.id);
      targetPaths.add(rootPathOf(info, d.repoPath));
    }
    for (const doc of set.documents) {
      if (!report.has(doc) && pointsAt(doc, targetIds, targetPaths)) report.add(doc);
    }

    // Change rules. Deletions outside the paths the user named are not reported.
    const reportedDeletions = deleted.filter((d) => inScope(d.repoPath));
    const extra = new Map<DocumentResult, Diagnostic[]>();
    const configResult: DocumentResult = { file: display(configRel), rootPath: CONFIG_FILE, diagnostics: [] };
    for (const rule of baseComparisonRules) {
      if (!ruleIsOn(rule, set.loaded.config)) continue;
      const push = (doc: DocumentResult, input: Parameters<ChangeContext["report"]>[1]): void => {
        const d = fromReport(doc.file, rule, set.loaded.config, input, rangeIn(doc, input), lang);
        if (!d) return;
        const list = extra.get(doc) ?? [];
        list.push(d);
        extra.set(doc, list);
      };
      const ctx: ChangeContext = {
        ref,
        lang,
        today,
        config: set.loaded.config,
        changed,
        deleted: reportedDeletions,
        baseById,
        report: (doc, input) => {
          report.add(doc);
          push(doc, input);
        },
        reportOnSet: (input) => push(configResult, input),
      };
      rule.checkChange(ctx);
    }

    const setDiagnostics = runSetRules(set, lang, today);
    const out: DocumentResult[] = [];
    for (const doc of set.documents) {
      if (!report.has(doc)) continue;
      if (!named.has(path.resolve(options.cwd, doc.file))) continue;
      const all = [...doc.diagnostics, ...(setDiagnostics.get(doc) ?? []), ...(extra.get(doc) ?? [])].sort(compareDiagnostics);
      out.push({ ...doc, diagnostics: all });
    }
    const onConfig = extra.get(configResult);
    if (onConfig && onConfig.length > 0) {
      out.push({ ...configResult, diagnostics: onConfig.sort(compareDiagnostics) });
    }
    return out;
  }

  /**
   * Documents deleted together with their whole set (its samdok.config.json
   * too): no set is loaded for them, so they are reported on the deleted
   * configuration's path, with the rule levels that configuration had.
   */
  function checkRemovedSets(): DocumentResult[] {
    const orphans = changes.filter((c) => c.kind === "deleted" && isMarkdown(c.path) && inScope(c.path) && !setOf(c.path));
    if (orphans.length === 0) return [];
    const candidates = new Set<string>();
    for (const o of orphans) for (let dir = path.posix.dirname(o.path); ; dir = path.posix.dirname(dir)) {
      candidates.add(dir === "." ? CONFIG_FILE : `${dir}/${CONFIG_FILE}`);
      if (dir === ".") break;
    }
    const configs = git.readAt(base, [...candidates]);
    const blobs = git.readAt(base, orphans.map((o) => o.path));
    const groups = new Map<string, BaseDocument[]>();
    for (const o of orphans) {
      let config: string | undefined;
      for (let dir = path.posix.dirname(o.path); ; dir = path.posix.dirname(dir)) {
        const candidate = dir === "." ? CONFIG_FILE : `${dir}/${CONFIG_FILE}`;
        if (configs.has(candidate)) {
          config = candidate;
          break;
        }
        if (dir === ".") break;
      }
      if (config === undefined) continue; // Never part of a set.
      const doc: BaseDocument = { repoPath: o.path, display: display(o.path) };
      const parsed = blobs.get(o.path) ? parseSource(blobs.get(o.path) as Uint8Array) : undefined;
      if (parsed) {
        doc.data = parsed.data;
        doc.body = parsed.body;
      }
      groups.set(config, [...(groups.get(config) ?? []), doc]);
    }
    const out: DocumentResult[] = [];
    for (const [configRel, deleted] of groups) {
      let config: SamdokConfig;
      try {
        config = JSON.parse((configs.get(configRel) as Buffer).toString("utf8")) as SamdokConfig;
      } catch {
        config = {} as SamdokConfig;
      }
      const result: DocumentResult = { file: display(configRel), rootPath: CONFIG_FILE, diagnostics: [] };
      for (const rule of baseComparisonRules) {
        if (!ruleIsOn(rule, config)) continue;
        rule.checkChange({
          ref,
          lang,
          today,
          config,
          changed: [],
          deleted,
          baseById: new Map(),
          report: () => undefined,
          reportOnSet: (input) => {
            const d = fromReport(result.file, rule, config, input, rangeOf(input, undefined), lang);
            if (d) result.diagnostics.push(d);
          },
        });
      }
      if (result.diagnostics.length > 0) out.push({ ...result, diagnostics: result.diagnostics.sort(compareDiagnostics) });
    }
    return out;
  }

  return finishRun(results, sets);
}

function rootPathOf(info: SetInfo, repoPath: string): string {
  return info.rootRel === "" ? repoPath : repoPath.slice(info.rootRel.length + 1);
}

/** Does the document point at one of the ids (front matter) or paths (links in the text)? */
function pointsAt(doc: DocumentResult, ids: ReadonlySet<string>, rootPaths: ReadonlySet<string>): boolean {
  const data = doc.data ?? {};
  for (const field of ID_LINK_FIELDS) {
    const value = data[field];
    const list = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v === "string" && ids.has(v))) return true;
  }
  const dir = path.posix.dirname(doc.rootPath);
  for (const link of doc.facts?.links ?? []) {
    if (link.kind === "image") continue;
    const target = linkTarget(link.url, dir);
    if (target !== undefined && rootPaths.has(target)) return true;
  }
  return false;
}

/**
 * The root-relative path a link written in a document in `fromDir` points at, read as core/links.ts
 * reads links; undefined for an external link, a link within the same document, a path written from
 * the root (`/x.md`) or one that leaves the root. A trailing `/` is kept (`rutin.md/` is no document).
 * A percent-encoded leading slash (`%2Fx.md`) is joined to a subfolder, as the Word edition reads it;
 * from the root's own folder (joined to "", not ".") it stays `/x.md`, which names no document.
 */
export function linkTarget(url: string, fromDir: string): string | undefined {
  if (url.startsWith("/") || isExternal(url)) return undefined;
  const written = decodeLinkText(splitLink(url).path);
  if (written === "") return undefined;
  const found = resolvePath(written, fromDir === "." ? "" : fromDir, { absolute: "from-folder", trailingSlash: "keep" });
  return found.outside ? undefined : found.rootPath;
}
