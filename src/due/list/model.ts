/**
 * What `samdok due` works with: one item per date that needs attention, and
 * the Swedish (and English) words for its kind and state.
 */
import type { DocumentType } from "../../core/config.js";
import type { Status } from "../../core/document.js";
import type { Lang } from "../../core/types.js";
import { pick, type Localized } from "../../i18n/text.js";

export type DueKind = "revision" | "follow-up" | "expiry" | "remiss";
export type DueState = "overdue" | "due";
export type GroupBy = "ansvarig" | "spar" | "dokumenttyp";
export type FailOn = "overdue" | "due" | "never";

export const DUE_KINDS: readonly DueKind[] = ["revision", "follow-up", "expiry", "remiss"];
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
  /** For a follow-up: what is to be followed up. */
  detail?: string;
  /** For a follow-up: its number in the document's `uppfoljning` list, from 1. */
  index?: number;
  /** Name of the document set (the configuration's `namn`). */
  set: string;
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
};

/** Calendar summaries: what to do, said as a task. */
export const KIND_TASK: Record<DueKind, Localized> = {
  revision: { sv: "Revidera senast", en: "Revise by" },
  "follow-up": { sv: "Uppföljning", en: "Follow-up" },
  expiry: { sv: "Giltigheten upphör", en: "Validity ends" },
  remiss: { sv: "Remisstiden slutar", en: "Consultation ends" },
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
