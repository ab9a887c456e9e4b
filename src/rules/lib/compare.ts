/**
 * Comparing a document with its base version: what changed in the content,
 * and which change-history entries are new. Used by the change rules
 * (SD302–SD307); versions themselves are read and compared by
 * core/document-version.ts.
 */
import type { BaseDocument, HeadDocument } from "./change-context.js";

/**
 * Fields that do not count as a change of content: those that record a
 * change (version, andringshistorik), the review date (a review without
 * change, SD307), and the id (a changed id is SD304's finding, not a new version).
 */
const NOT_CONTENT = new Set(["id", "version", "andringshistorik", "revideras_senast"]);

/** JSON with sorted keys, so that key order and YAML formatting do not count as a change. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The body without trailing spaces on lines or blank lines at the end. */
export function normalizeBody(body: string): string {
  return body
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");
}

export interface Difference {
  /** Front-matter fields whose value changed, apart from id, version, andringshistorik and revideras_senast. */
  fields: string[];
  /** True when the Markdown text changed (beyond trailing white space). */
  body: boolean;
  /** True when revideras_senast changed. */
  reviewDate: boolean;
  /** True when the content changed: a field (see NOT_CONTENT) or the text. */
  substantive: boolean;
}

export function difference(base: BaseDocument, head: HeadDocument): Difference | undefined {
  if (!base.data || !head.data || base.body === undefined || head.body === undefined) return undefined;
  const keys = new Set([...Object.keys(base.data), ...Object.keys(head.data)]);
  const fields = [...keys].filter((k) => !NOT_CONTENT.has(k) && canonical(base.data?.[k]) !== canonical(head.data?.[k])).sort();
  const body = normalizeBody(base.body) !== normalizeBody(head.body);
  return {
    fields,
    body,
    reviewDate: canonical(base.data.revideras_senast) !== canonical(head.data.revideras_senast),
    substantive: fields.length > 0 || body,
  };
}

/** The entries of andringshistorik that were not there at the base. */
export function newHistoryEntries(base: BaseDocument, head: HeadDocument): Record<string, unknown>[] {
  const list = (d: Record<string, unknown> | undefined): Record<string, unknown>[] => {
    const h = d?.andringshistorik;
    return Array.isArray(h) ? h.filter((e): e is Record<string, unknown> => e !== null && typeof e === "object" && !Array.isArray(e)) : [];
  };
  const before = new Set(list(base.data).map(canonical));
  return list(head.data).filter((e) => !before.has(canonical(e)));
}

/** "parter, giltig_till och texten" / "parter, giltig_till and the text". */
export function describeDifference(d: Difference, lang: "sv" | "en"): string {
  const parts = d.fields.map((f) => `\`${f}\``);
  if (d.body) parts.push(lang === "sv" ? "texten" : "the text");
  if (parts.length <= 1) return parts.join("");
  const last = parts.pop() ?? "";
  return `${parts.join(", ")} ${lang === "sv" ? "och" : "and"} ${last}`;
}
