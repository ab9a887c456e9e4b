/**
 * The terminal view: aligned columns, colour only when asked for. Every value
 * from the documents and the configuration is shown as one line of text
 * (`safeText`), and no line can be read as a CI log command.
 */
import { pick } from "../../../i18n/text.js";
import { longDate } from "../../../core/dates.js";
import { TYPE_ORDER } from "../../../core/document.js";
import { countsText, groupItems, kindLabel, mergeOwners, stateLabel, type DueItem } from "../model.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands, safeText } from "../../../core/safe-text.js";

const ansi =
  (code: string) =>
  (on: boolean, s: string): string =>
    on ? `\u001b[${code}m${s}\u001b[0m` : s;
const red = ansi("31");
const yellow = ansi("33");
const bold = ansi("1");
const dim = ansi("2");

function truncate(s: string, width: number): string {
  if (width <= 1 || s.length <= width) return s;
  // Never cut between the two halves of a surrogate pair (an emoji, say).
  const cut = /[\uD800-\uDBFF]/.test(s.charAt(width - 2)) ? width - 2 : width - 1;
  return `${s.slice(0, cut)}…`;
}

export const table: DueReporter = ({ list: input, lang, groupBy, color, columns }) => {
  // One row per task; per role only when the list is split by role.
  const list = groupBy === "ansvarig" ? input : { ...input, items: mergeOwners(input.items) };
  const out: string[] = [];
  out.push(
    bold(
      color,
      pick(
        {
          sv: `Bevakning per ${longDate(list.asOf, "sv")}, ${list.within} dagar framåt`,
          en: `Due as of ${longDate(list.asOf, "en")}, ${list.within} days ahead`,
        },
        lang,
      ),
    ),
  );
  out.push("");
  if (list.items.length === 0) {
    out.push(
      pick({ sv: "Inget är förfallet eller förfaller inom perioden.", en: "Nothing is overdue or falls due within the period." }, lang),
    );
    return `${out.join("\n")}\n`;
  }
  const header = [
    pick({ sv: "Läge", en: "State" }, lang),
    pick({ sv: "Datum", en: "Date" }, lang),
    pick({ sv: "Dagar", en: "Days" }, lang),
    pick({ sv: "Vad", en: "Kind" }, lang),
    pick({ sv: "Ansvarig", en: "Owner" }, lang),
    pick({ sv: "Dokument", en: "Document" }, lang),
  ];
  const cells = (i: DueItem): string[] => [
    stateLabel(i.state, lang),
    i.date,
    String(i.daysLeft),
    kindLabel(i.kind, lang) +
      (i.index !== undefined ? ` ${i.index}` : "") +
      (i.partyName !== undefined ? `: ${safeText(i.partyName)}` : ""),
    safeText(i.ownerName || "–"),
    safeText(`${i.title} (${i.id})`),
  ];
  const rows = list.items.map(cells);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const indent = groupBy ? "  " : "";
  const render = (r: string[], state?: DueItem["state"]): string => {
    const fixed = r.slice(0, 5).map((cell, c) => (c === 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)));
    const used = indent.length + fixed.reduce((n, s) => n + s.length + 2, 0);
    const last = columns && columns > used + 10 ? truncate(r[5] ?? "", columns - used) : (r[5] ?? "");
    let first = fixed[0] ?? "";
    if (state === "overdue") first = red(color, first);
    else if (state === "due") first = yellow(color, first);
    return `${indent}${[first, ...fixed.slice(1), last].join("  ")}`.trimEnd();
  };
  for (const group of groupItems(list.items, groupBy, lang, TYPE_ORDER)) {
    if (groupBy) out.push(bold(color, safeText(group.title)), "");
    out.push(dim(color, render(header)));
    for (const item of group.items) out.push(render(cells(item), item.state));
    out.push("");
  }
  out.push(`${countsText(list.items, lang).replace(/^./, (c) => c.toUpperCase())}.`);
  return `${neutralizeWorkflowCommands(out.join("\n"))}\n`;
};
