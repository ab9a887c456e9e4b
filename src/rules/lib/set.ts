/** Helpers for set-wide rules: documents by id, and what a document leans on. */
import type { DocumentResult, Range } from "../../core/types.js";
import type { SetContext } from "../types.js";
import { str, strings } from "./data.js";
import { isMarkdown as isMarkdownPath } from "../../core/discover.js";
import { resolveLink } from "../../core/links.js";

/** The one document with this id, or undefined when there is none or the id is ambiguous (SD006, SD007 report those). */
export function single(ctx: SetContext, id: string | undefined): DocumentResult | undefined {
  if (id === undefined) return undefined;
  const docs = ctx.byId.get(id);
  return docs && docs.length === 1 ? docs[0] : undefined;
}

export function idOf(doc: DocumentResult): string | undefined {
  return str(doc.data, "id");
}

/** How a finding names the way one document leans on another. */
export const DEPENDENCY_VIA = {
  relaterade: { sv: "`relaterade`", en: "`relaterade`" },
  overordnat: { sv: "`overordnat`", en: "`overordnat`" },
  text: { sv: "Länken", en: "The link" },
} as const;

export interface Dependency {
  target: DocumentResult;
  via: "relaterade" | "overordnat" | "text";
  /** Where the reference stands: a front-matter pointer or the link's range. */
  at: { path: string } | { range: Range };
}

/**
 * The documents `doc` leans on: its `overordnat`, its `relaterade`, and the
 * documents its text links to. A link to a document it replaces (`ersatter`)
 * is history, not support, and is left out.
 */
export function dependenciesOf(ctx: SetContext, doc: DocumentResult): Dependency[] {
  // Several rules ask for the same documents' dependencies in one run (the
  // set's byRootPath map is shared by them): resolve each document's once.
  let known = remembered.get(ctx.byRootPath);
  if (!known) remembered.set(ctx.byRootPath, (known = new WeakMap()));
  let deps = known.get(doc);
  if (!deps) known.set(doc, (deps = findDependencies(ctx, doc)));
  return deps;
}

const remembered = new WeakMap<SetContext["byRootPath"], WeakMap<DocumentResult, Dependency[]>>();

function findDependencies(ctx: SetContext, doc: DocumentResult): Dependency[] {
  const out: Dependency[] = [];
  const replaced = new Set(strings(doc.data, "ersatter").map((e) => e.value));
  const overordnat = str(doc.data, "overordnat");
  const parent = single(ctx, overordnat);
  if (parent && parent !== doc) out.push({ target: parent, via: "overordnat", at: { path: "/overordnat" } });
  for (const r of strings(doc.data, "relaterade")) {
    const target = single(ctx, r.value);
    if (target && target !== doc) out.push({ target, via: "relaterade", at: { path: r.path } });
  }
  for (const link of doc.facts?.links ?? []) {
    if (link.kind === "image") continue;
    const resolved = resolveLink(link.url, doc.rootPath);
    if (!resolved?.rootPath || resolved.outside || !isMarkdownPath(resolved.rootPath)) continue;
    const target = ctx.byRootPath.get(resolved.rootPath);
    if (!target || target === doc || target.data === undefined) continue;
    const targetId = idOf(target);
    if (targetId !== undefined && replaced.has(targetId)) continue;
    out.push({ target, via: "text", at: { range: [link.line, link.column, link.endLine, link.endColumn] } });
  }
  return out;
}
