/**
 * An RFC 5545 calendar: one all-day event per item, for Outlook and Google
 * Calendar. Reproducible: each UID is the document id, kind (and party, for
 * an adoption or remiss answer missing) and date, and DTSTAMP is the as-of
 * date, so the same input always gives the same bytes.
 *
 * Written here line by line rather than with the `ics` package, which folded
 * lines at 75 characters instead of 75 octets, wrote the alarm trigger as
 * `-P14DT` (RFC 5545 wants a time after `T`), left a bare CR in SUMMARY and
 * `;` and `,` unescaped in the alarm's DESCRIPTION. Here every text value is
 * shown as text first (`safeText`: controls as symbols, lone surrogates as
 * U+FFFD), then escaped as RFC 5545 TEXT (backslash, `;`, `,`, line break as
 * `\n`; `icsText` in core/escape.ts), and every line is folded at 75 octets
 * without splitting a character, and where folding keeps the file inert when
 * it is printed in a CI log.
 */
import { pick } from "../../../i18n/text.js";
import { addDays } from "../../../core/dates.js";
import { inlineCommandSplits, neutralizeWorkflowCommands, startsLikeCommand } from "../../../core/safe-text.js";
import { icsText } from "../../../core/escape.js";
import { KIND_TASK, kindLabel, stateLabel } from "../model.js";
import type { DueReporter } from "./types.js";

/** `2026-11-23` → `20261123` (a DATE value). */
const icsDate = (iso: string): string => iso.replace(/-/g, "");

const encoder = new TextEncoder();

/**
 * One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8
 * sequence. Where it folds also keeps the file inert in a CI log, without
 * changing what a calendar reads (unfolding removes the breaks again): a
 * `##[` or `##vso[` is split after its first `#`, and a continuation line
 * never starts like a workflow command (`::` after whitespace): the fold
 * moves a few characters earlier instead.
 */
function foldLine(line: string): string {
  const chars = Array.from(line);
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    offsets.push(unit);
    unit += ch.length;
  }
  const forced = new Set(inlineCommandSplits(line));
  const parts: string[] = [];
  let from = 0;
  let bytes = 0;
  let limit = 75;
  for (let i = 0; i < chars.length; i++) {
    const size = encoder.encode(chars[i]).length;
    if (i > from && (bytes + size > limit || forced.has(offsets[i] ?? 0))) {
      let cut = i;
      while (cut - 1 > from && startsLikeCommand(line, offsets[cut] ?? 0)) cut--;
      parts.push(chars.slice(from, cut).join(""));
      bytes = encoder.encode(chars.slice(cut, i).join("")).length;
      from = cut;
      limit = 74; // the leading space of a continuation line counts
    }
    bytes += size;
  }
  parts.push(chars.slice(from).join(""));
  return parts.join("\r\n ");
}

/**
 * Unfolds and folds again at 75 octets, never inside a UTF-8 sequence (see
 * `foldLine`). Should a line still read as a CI log command (only a run of
 * more than 70 spaces before `::` could), its first character is replaced.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  return neutralizeWorkflowCommands(lines.map(foldLine).join("\r\n"));
}

export const ics: DueReporter = ({ list, lang }) => {
  const stamp = `${icsDate(list.asOf)}T000000Z`;
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:-//samdok//bevakning//SV",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(pick({ sv: "Samverkansdokument – bevakning", en: "Governance documents – due dates" }, lang))}`,
    "X-PUBLISHED-TTL:PT1H",
  ];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    // A party's item carries the party in its UID, so that one party adopting does not renumber the others.
    const base = `${item.id}-${item.kind}${item.party !== undefined ? `-${item.party}` : ""}-${item.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const task = pick(KIND_TASK[item.kind], lang) + (item.partyName !== undefined ? ` (${item.partyName})` : "");
    const summary = `${task}: ${item.title}`;
    const description = [
      `${pick({ sv: "Dokument", en: "Document" }, lang)}: ${item.title} (${item.id})`,
      item.detail ? `${kindLabel(item.kind, lang)}: ${item.detail}` : "",
      `${pick({ sv: "Ansvarig", en: "Owner" }, lang)}: ${item.ownerName || "–"}`,
      `${pick({ sv: "Fil", en: "File" }, lang)}: ${item.file}`,
      `${pick({ sv: "Läge", en: "State" }, lang)} ${list.asOf}: ${stateLabel(item.state, lang)}`,
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${icsText(`${n === 1 ? base : `${base}-${n}`}@samdok`)}`,
      `SUMMARY:${icsText(summary)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(item.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(item.date, 1))}`,
      `DESCRIPTION:${icsText(description)}`,
      `CATEGORIES:${["samdok", kindLabel(item.kind, lang)].map(icsText).join(",")}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${icsText(`${pick({ sv: "Påminnelse", en: "Reminder" }, lang)}: ${summary}`)}`,
      "TRIGGER:-P14D",
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return foldOctets(`${lines.join("\r\n")}\r\n`);
};
