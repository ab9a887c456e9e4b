/**
 * An RFC 5545 calendar: one all-day event per item, for Outlook and Google
 * Calendar. An overdue item is an event today ("Förfallen sedan 31 mars
 * 2026: …"), not on its past date where no one looks; its text says when it
 * was due, never "as of" the day the file was made, so a subscribed calendar
 * does not go stale between runs. With the configuration's `utgava.adress`
 * each event links to the document's page in the published edition.
 * Reproducible: each UID is the document id, kind (and party, for
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
import { addDays, longDate } from "../../../core/dates.js";
import { inlineCommandSplits, neutralizeWorkflowCommands, startsLikeCommand } from "../../../core/safe-text.js";
import { icsText } from "../../../core/escape.js";
import { KIND_TASK, kindLabel } from "../model.js";
import type { DueReporter } from "./types.js";

/**
 * A URI property value: not TEXT, so nothing is backslash-escaped; what a
 * URI may not hold (controls, spaces, quotes) is percent-encoded, which
 * also keeps a line break out of the file.
 */
function icsUri(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f"<>\\^`{|}]/gu, (c) => encodeURIComponent(c));
}

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
    // The UID names the due date, not the day shown: an overdue item that moves along with today stays one event.
    const base = `${item.id}-${item.kind}${item.party !== undefined ? `-${item.party}` : ""}-${item.date}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const overdue = item.state === "overdue";
    const task = pick(KIND_TASK[item.kind], lang) + (item.partyName !== undefined ? ` (${item.partyName})` : "");
    const since = pick({ sv: `Förfallen sedan ${longDate(item.date, "sv")}`, en: `Overdue since ${longDate(item.date, "en")}` }, lang);
    const summary = overdue ? `${since}: ${task}: ${item.title}` : `${task}: ${item.title}`;
    const description = [
      `${pick({ sv: "Dokument", en: "Document" }, lang)}: ${item.title} (${item.id})`,
      item.detail ? `${kindLabel(item.kind, lang)}: ${item.detail}` : "",
      // The due date in words, true whenever the calendar is read; never a state as of the day it was written.
      overdue
        ? pick({ sv: `Skulle ha gjorts senast ${longDate(item.date, "sv")}.`, en: `Was due by ${longDate(item.date, "en")}.` }, lang)
        : pick({ sv: `Senast ${longDate(item.date, "sv")}.`, en: `Due by ${longDate(item.date, "en")}.` }, lang),
      `${pick({ sv: "Ansvarig", en: "Owner" }, lang)}: ${item.ownerName || "–"}`,
      item.url !== undefined
        ? `${pick({ sv: "Läs dokumentet", en: "Read the document" }, lang)}: ${item.url}`
        : `${pick({ sv: "Fil", en: "File" }, lang)}: ${item.file}`,
    ]
      .filter(Boolean)
      .join("\n");
    // Overdue: an all-day event today, so that it is in this week's view; it moves with each new calendar.
    const day = overdue ? list.asOf : item.date;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${icsText(`${n === 1 ? base : `${base}-${n}`}@samdok`)}`,
      `SUMMARY:${icsText(summary)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
      `DESCRIPTION:${icsText(description)}`,
    );
    if (item.url !== undefined) lines.push(`URL;VALUE=URI:${icsUri(item.url)}`);
    lines.push(`CATEGORIES:${["samdok", kindLabel(item.kind, lang)].map(icsText).join(",")}`, "TRANSP:TRANSPARENT");
    // A reminder two weeks ahead makes sense only for what is still ahead.
    if (!overdue) {
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${icsText(`${pick({ sv: "Påminnelse", en: "Reminder" }, lang)}: ${summary}`)}`,
        "TRIGGER:-P14D",
        "END:VALARM",
      );
    }
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return foldOctets(`${lines.join("\r\n")}\r\n`);
};
