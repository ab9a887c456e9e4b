import type { DueReporter } from "./types.js";
import { jsonText } from "../../../core/safe-text.js";

/**
 * `{"asOf", "within", "items": [{id, file, title, kind, date, state, daysLeft, owner, …}]}`.
 * An item of kind `adoption` or `remiss-answer` concerns one party: it also
 * has `party` (the code), `partyName` and, for `adoption` (and a remiss that
 * names its version), `version`.
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
    ...(i.party !== undefined ? { party: i.party } : {}),
    ...(i.partyName !== undefined ? { partyName: i.partyName } : {}),
    ...(i.version !== undefined ? { version: i.version } : {}),
  }));
  const overdue = list.items.filter((i) => i.state === "overdue").length;
  return `${jsonText({ asOf: list.asOf, within: list.within, items, counts: { overdue, due: list.items.length - overdue } }, 2)}\n`;
};
