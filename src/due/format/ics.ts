/**
 * An RFC 5545 calendar: one all-day event per item, for Outlook and Google
 * Calendar. Reproducible: each UID is the document id, kind and date, and
 * DTSTAMP is the as-of date, so the same input always gives the same bytes.
 *
 * Two things the `ics` package gets wrong are put right afterwards: it folds
 * lines at 75 characters instead of 75 octets (å, ä and ö are two octets),
 * and it writes the alarm trigger as `-P14DT`, which RFC 5545 does not allow
 * (a `T` must be followed by a time).
 */
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { pick } from "../../i18n/text.js";
import { addDays, dayNumber } from "../../core/dates.js";
import { KIND_TASK, kindLabel, stateLabel } from "../model.js";
import type { DueReporter } from "./types.js";

function dateArray(iso: string): DateArray {
  const [y, m, d] = iso.split("-").map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** Unfolds and folds again at 75 octets, never inside a UTF-8 sequence. */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const encoder = new TextEncoder();
  const out: string[] = [];
  for (const line of lines) {
    let rest = line;
    let limit = 75;
    const parts: string[] = [];
    while (encoder.encode(rest).length > limit) {
      let cut = 0;
      let bytes = 0;
      for (const ch of rest) {
        const size = encoder.encode(ch).length;
        if (bytes + size > limit) break;
        bytes += size;
        cut += ch.length;
      }
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
      limit = 74;
    }
    parts.push(rest);
    out.push(parts.join("\r\n "));
  }
  return out.join("\r\n");
}

export const ics: DueReporter = ({ list, lang }) => {
  const stamp = dayNumber(list.asOf) * 86_400_000;
  const seen = new Map<string, number>();
  const events = list.items.map((item) => {
    const base = `${item.id}-${item.kind}-${item.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const summary = `${pick(KIND_TASK[item.kind], lang)}: ${item.title}`;
    const description = [
      `${pick({ sv: "Dokument", en: "Document" }, lang)}: ${item.title} (${item.id})`,
      item.detail ? `${kindLabel(item.kind, lang)}: ${item.detail}` : "",
      `${pick({ sv: "Ansvarig", en: "Owner" }, lang)}: ${item.ownerName || "–"}`,
      `${pick({ sv: "Fil", en: "File" }, lang)}: ${item.file}`,
      `${pick({ sv: "Läge", en: "State" }, lang)} ${list.asOf}: ${stateLabel(item.state, lang)}`,
    ]
      .filter(Boolean)
      .join("\n");
    const event: EventAttributes & { timestamp: number } = {
      uid: `${n === 1 ? base : `${base}-${n}`}@samdok`,
      start: dateArray(item.date),
      end: dateArray(addDays(item.date, 1)),
      title: summary,
      description,
      categories: ["samdok", kindLabel(item.kind, lang)],
      transp: "TRANSPARENT",
      timestamp: stamp,
      alarms: [{ action: "display", description: `${pick({ sv: "Påminnelse", en: "Reminder" }, lang)}: ${summary}`, trigger: { days: 14, before: true } }],
    };
    return event;
  });
  const { error, value } = createEvents(events, {
    productId: "-//samdok//bevakning//SV",
    calName: pick({ sv: "Samverkansdokument – bevakning", en: "Governance documents – due dates" }, lang),
  });
  if (error || value === null) throw error ?? new Error("ics: no output");
  return foldOctets(value.replace(/^TRIGGER:(-?)P(\d+[WD])T\r$/gm, "TRIGGER:$1P$2\r"));
};
