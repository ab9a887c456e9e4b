/**
 * A ready issue body for a scheduled job. The hidden marker on the first line
 * never changes, so that a job can find its own issue and update it instead
 * of opening a new one each week.
 */
import { pick } from "../../../i18n/text.js";
import { longDate } from "../../../core/dates.js";
import { TYPE_ORDER } from "../../../core/document.js";
import { countsText, daysText, groupItems, kindLabel, mergeOwners, stateLabel, type DueItem } from "../model.js";
import { mdTable } from "../markdown-table.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands } from "../../../core/safe-text.js";
import { markdownText } from "../../../core/escape.js";

export const DUE_MARKER = "<!-- samdok-due -->";

export const markdown: DueReporter = ({ list: input, lang, groupBy }) => {
  // One row per task; per role only when the list is split by role.
  const list = groupBy === "ansvarig" ? input : { ...input, items: mergeOwners(input.items) };
  const out: string[] = [DUE_MARKER];
  out.push(`## ${pick({ sv: "Bevakning av samverkansdokumenten", en: "Due dates of the governance documents" }, lang)}`, "");
  out.push(
    pick(
      {
        sv: `Läget ${longDate(list.asOf, "sv")}, med ${list.within} dagar framåt: **${countsText(list.items, "sv")}**.`,
        en: `As of ${longDate(list.asOf, "en")}, looking ${list.within} days ahead: **${countsText(list.items, "en")}**.`,
      },
      lang,
    ),
    "",
  );
  const header = [
    pick({ sv: "Läge", en: "State" }, lang),
    pick({ sv: "Datum", en: "Date" }, lang),
    pick({ sv: "När", en: "When" }, lang),
    pick({ sv: "Vad", en: "Kind" }, lang),
    pick({ sv: "Dokument", en: "Document" }, lang),
    pick({ sv: "Ansvarig", en: "Owner" }, lang),
  ];
  const row = (i: DueItem): string[] => [
    stateLabel(i.state, lang),
    i.date,
    daysText(i.daysLeft, lang),
    kindLabel(i.kind, lang) + (i.detail ? `: ${i.detail}` : ""),
    `${i.title} (${i.id}, ${i.file})`,
    i.ownerName || "–",
  ];
  if (list.items.length > 0) {
    for (const group of groupItems(list.items, groupBy, lang, TYPE_ORDER)) {
      if (groupBy) out.push(`### ${markdownText(group.title)}`, "");
      // Grouped by owner, the owner column would only repeat the heading.
      const keep = (cells: string[]): string[] => (groupBy === "ansvarig" ? cells.slice(0, -1) : cells);
      out.push(
        mdTable(
          keep(header),
          group.items.map((i) => keep(row(i))),
        ),
        "",
      );
    }
  }
  out.push(
    `_${pick(
      {
        sv: "Skapad av `samdok due`. Listan skrivs om vid varje körning: ändra i dokumenten (till exempel med `samdok revise`, `samdok followup`, `samdok adopt` eller `samdok respond`), inte här.",
        en: "Written by `samdok due`. The list is rewritten on every run: change the documents (for example with `samdok revise`, `samdok followup`, `samdok adopt` or `samdok respond`), not this text.",
      },
      lang,
    )}_`,
  );
  return `${neutralizeWorkflowCommands(out.join("\n"), "markup")}\n`;
};
