/**
 * Comparing a document with its base version: what changed in the content,
 * and which change-history entries are new. A lifecycle step that only
 * records (an adoption, a follow-up done, a remissvar, a replacement) is no
 * change of content and needs no new version. Used by the change rules
 * (SD302–SD307); versions themselves are read and compared by
 * core/document-version.ts.
 */
import type { BaseDocument, HeadDocument } from "./change-context.js";

/**
 * Fields that do not count as a change of content: those that record a
 * change (version, andringshistorik), the review date (a review without
 * change, SD307), the id (a changed id is SD304's finding, not a new
 * version), and what the lifecycle commands record about a decided document
 * without changing what was decided: the parties' adoptions (`samdok adopt`),
 * the consultation record (`remiss`, removed by `samdok decide` or by hand,
 * SD128) and the documents it replaces (`ersatter`, written on the replacing
 * document by `samdok repeal --replaced-by`).
 */
const NOT_CONTENT = new Set(["id", "version", "andringshistorik", "revideras_senast", "antaganden", "remiss", "ersatter"]);

/** What `samdok followup` records on a follow-up: done, not a change of the plan that was decided. */
const FOLLOWUP_RECORD = new Set(["genomford", "resultat"]);

/** A field's value as far as it is content: follow-ups without their outcome. */
function contentOf(key: string, value: unknown): unknown {
  if (key !== "uppfoljning" || !Array.isArray(value)) return value;
  return value.map((u: unknown) =>
    u !== null && typeof u === "object" && !Array.isArray(u)
      ? Object.fromEntries(Object.entries(u as Record<string, unknown>).filter(([k]) => !FOLLOWUP_RECORD.has(k)))
      : u,
  );
}

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
  /** Front-matter fields whose content changed (see NOT_CONTENT and FOLLOWUP_RECORD for what is not content). */
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
  const fields = [...keys]
    .filter((k) => !NOT_CONTENT.has(k) && canonical(contentOf(k, base.data?.[k])) !== canonical(contentOf(k, head.data?.[k])))
    .sort();
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
