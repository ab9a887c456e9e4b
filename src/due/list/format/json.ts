import type { DueReporter } from "./types.js";
import { jsonText } from "../../../core/safe-text.js";

/**
 * `{"asOf", "within", "items": [{id, file, title, kind, date, state, daysLeft, owner, …}]}`.
 * The documented keys come first and are never renamed; more may be added.
 * Written by `jsonText`: no lone surrogates, inert in a terminal or log.
 */
export const json: DueReporter = ({ list }) => {
  const items = list.items.map((i) => ({
    id: i.id,
    file: i.file,
    title: i.title,
    kind: i.kind,
    date: i.date,
    state: i.state,
    daysLeft: i.daysLeft,
    owner: i.owner,
    ownerName: i.ownerName,
    spar: i.spar,
    dokumenttyp: i.dokumenttyp,
    status: i.status,
    ...(i.detail !== undefined ? { detail: i.detail } : {}),
    ...(i.index !== undefined ? { index: i.index } : {}),
  }));
  const overdue = list.items.filter((i) => i.state === "overdue").length;
  return `${jsonText({ asOf: list.asOf, within: list.within, items, counts: { overdue, due: list.items.length - overdue } }, 2)}\n`;
};
