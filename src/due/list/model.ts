/**
 * What `samdok due` works with: one item per date that needs attention, and
 * the Swedish (and English) words for its kind and state. Most items concern
 * a document; `adoption` and `remiss-answer` concern one party of it (who has
 * not adopted the decided version, who has not answered the remiss), so that
 * the coordinator can chase each party on its own.
 */
import type { DocumentType } from "../../core/config.js";
import type { Status } from "../../core/document.js";
import type { Lang } from "../../core/types.js";
import { pick, type Localized } from "../../i18n/text.js";

export type DueKind = "revision" | "follow-up" | "expiry" | "remiss" | "adoption" | "remiss-answer";
export type DueState = "overdue" | "due";
export type GroupBy = "ansvarig" | "spar" | "dokumenttyp";
export type FailOn = "overdue" | "due" | "never";

export const DUE_KINDS: readonly DueKind[] = ["revision", "follow-up", "expiry", "remiss", "adoption", "remiss-answer"];
/** The kinds that concern one party of a document (the item has `party`). */
export const PARTY_KINDS: readonly DueKind[] = ["adoption", "remiss-answer"];
export const GROUP_BY: readonly GroupBy[] = ["ansvarig", "spar", "dokumenttyp"];
export const FAIL_ON: readonly FailOn[] = ["overdue", "due", "never"];

export interface DueItem {
  id: string;
  /** Display path relative to the working directory. */
  file: string;
  title: string;
  kind: DueKind;
  /** The date the item falls due, YYYY-MM-DD. */
  date: string;
  state: DueState;
  /** date − as-of in calendar days: negative when overdue. */
  daysLeft: number;
  /** The responsible role's id ("" when the document names none). */
  owner: string;
  ownerName: string;
  spar: string;
  sparName: string;
  dokumenttyp: DocumentType;
  status: Status;
  /** For a follow-up: what is to be followed up; for a party's item: the party and what is missing. */
  detail?: string;
  /** For `adoption` and `remiss-answer`: the party's code (from `parter` or `remiss.instanser`). */
  party?: string;
  /** For `adoption` and `remiss-answer`: the party's name from the configuration. */
  partyName?: string;
  /** For `adoption`: the decided version the party has not adopted; for `remiss-answer`: the version on remiss, when given. */
  version?: string;
  /** For a follow-up: its number in the document's `uppfoljning` list, from 1. */
  index?: number;
  /** Name of the document set (the configuration's `namn`). */
  set: string;
  /** The document's page in the published edition, when the configuration gives its address (`utgava.adress`). */
  url?: string;
}

export interface DueList {
  asOf: string;
  within: number;
  items: DueItem[];
}

export const KIND_LABEL: Record<DueKind, Localized> = {
  revision: { sv: "revidering", en: "revision" },
  "follow-up": { sv: "uppföljning", en: "follow-up" },
  expiry: { sv: "giltighet upphör", en: "validity ends" },
  remiss: { sv: "remisstid slut", en: "consultation ends" },
  adoption: { sv: "antagande saknas", en: "adoption missing" },
  "remiss-answer": { sv: "remissvar saknas", en: "consultation answer missing" },
};

/** Calendar summaries: what to do, said as a task. */
export const KIND_TASK: Record<DueKind, Localized> = {
  revision: { sv: "Revidera senast", en: "Revise by" },
  "follow-up": { sv: "Uppföljning", en: "Follow-up" },
  expiry: { sv: "Giltigheten upphör", en: "Validity ends" },
  remiss: { sv: "Remisstiden slutar", en: "Consultation ends" },
  adoption: { sv: "Antagande saknas", en: "Adoption missing" },
  "remiss-answer": { sv: "Remissvar saknas", en: "Consultation answer missing" },
};

export const STATE_LABEL: Record<DueState, Localized> = {
  overdue: { sv: "förfallen", en: "overdue" },
  due: { sv: "snart", en: "due" },
};

export function kindLabel(kind: DueKind, lang: Lang): string {
  return pick(KIND_LABEL[kind], lang);
}

export function stateLabel(state: DueState, lang: Lang): string {
  return pick(STATE_LABEL[state], lang);
}

/** "i dag", "om 12 dagar", "för 3 dagar sedan". */
export function daysText(days: number, lang: Lang): string {
  if (days === 0) return pick({ sv: "i dag", en: "today" }, lang);
  const n = Math.abs(days);
  if (days > 0) return lang === "sv" ? `om ${n} ${n === 1 ? "dag" : "dagar"}` : `in ${n} ${n === 1 ? "day" : "days"}`;
  return lang === "sv" ? `för ${n} ${n === 1 ? "dag" : "dagar"} sedan` : `${n} ${n === 1 ? "day" : "days"} ago`;
}

/** "2 förfallna och 3 snart" / "inget förfaller". */
export function countsText(items: readonly DueItem[], lang: Lang): string {
  const overdue = items.filter((i) => i.state === "overdue").length;
  const due = items.length - overdue;
  if (items.length === 0) return pick({ sv: "inget förfallet eller snart förfallande", en: "nothing overdue or due" }, lang);
  return lang === "sv" ? `${overdue} ${overdue === 1 ? "förfallen" : "förfallna"} och ${due} snart` : `${overdue} overdue and ${due} due`;
}

/**
 * One row per task for a reader: items that differ only in the responsible
 * role (a document with several roles has one item per role, so that each
 * role's list is complete) become one item whose `ownerName` names every
 * role. For views that are not split by role: the status report, the
 * summary of `samdok start`, and the lists not grouped by owner. The first
 * item's `owner` id is kept.
 */
export function mergeOwners(items: readonly DueItem[]): DueItem[] {
  const merged = new Map<string, { item: DueItem; names: string[] }>();
  for (const item of items) {
    const key = JSON.stringify([item.file, item.id, item.kind, item.date, item.index ?? 0, item.party ?? ""]);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { item: { ...item }, names: item.ownerName ? [item.ownerName] : [] });
    else if (item.ownerName && !seen.names.includes(item.ownerName)) seen.names.push(item.ownerName);
  }
  return [...merged.values()].map(({ item, names }) => ({ ...item, ownerName: names.join(", ") }));
}

/**
 * One row per document for the party kinds: the `adoption` (or
 * `remiss-answer`) items of one document, date and role become one item
 * whose `partyName` counts the parties ("3 parter") and whose `detail` names
 * them. For a short overview (`samdok start`), where an agreement with ten
 * parties should not push everything else off the screen; `samdok due`
 * lists each party.
 */
export function collapseParties(items: readonly DueItem[], lang: Lang): DueItem[] {
  const out: DueItem[] = [];
  const byKey = new Map<string, { item: DueItem; names: string[] }>();
  for (const item of items) {
    if (item.party === undefined) {
      out.push(item);
      continue;
    }
    const key = JSON.stringify([item.file, item.id, item.kind, item.date, item.owner, item.ownerName]);
    const seen = byKey.get(key);
    const name = item.partyName ?? item.party;
    if (seen) {
      seen.names.push(name);
      continue;
    }
    const entry = { item: { ...item }, names: [name] };
    byKey.set(key, entry);
    out.push(entry.item);
  }
  for (const { item, names } of byKey.values()) {
    if (names.length === 1) continue;
    item.partyName = lang === "sv" ? `${names.length} parter` : `${names.length} parties`;
    item.detail = names.join(", ");
    delete item.party;
  }
  return out;
}

export interface Group {
  key: string;
  title: string;
  items: DueItem[];
}

/** Splits items into groups in a stable order; items keep their order. */
export function groupItems(items: readonly DueItem[], by: GroupBy | undefined, lang: Lang, typeOrder: readonly string[]): Group[] {
  if (!by) return [{ key: "", title: "", items: [...items] }];
  const groups = new Map<string, Group>();
  for (const item of items) {
    const key = by === "ansvarig" ? item.owner : by === "spar" ? item.spar : item.dokumenttyp;
    const title =
      by === "ansvarig"
        ? item.ownerName || pick({ sv: "Ingen ansvarig angiven", en: "No owner given" }, lang)
        : by === "spar"
          ? item.sparName
          : item.dokumenttyp;
    const group = groups.get(key) ?? { key, title, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  if (by === "dokumenttyp") return list.sort((a, b) => typeOrder.indexOf(a.key) - typeOrder.indexOf(b.key));
  return list.sort((a, b) => a.title.localeCompare(b.title, "sv") || a.key.localeCompare(b.key));
}
