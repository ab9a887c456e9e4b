/**
 * A ready issue body for a scheduled job. The hidden marker on the first line
 * never changes, so that a job can find its own issue and update it instead
 * of opening a new one each week.
 *
 * Documents that could not be read (broken front matter) have no dates to
 * list, but they are not left out in silence: the count says they are not
 * in it, and a section names each file with the reason in short, since a
 * broken document may well be one that is overdue.
 */
import { pick } from "../../../i18n/text.js";
import { longDate } from "../../../core/dates.js";
import { TYPE_ORDER } from "../../../core/document.js";
import { countsText, daysText, groupItems, kindLabel, mergeOwners, stateLabel, type DueItem } from "../model.js";
import { mdTable } from "../markdown-table.js";
import type { DueReporter } from "./types.js";
import type { DocumentResult, Lang } from "../../../core/types.js";
import { neutralizeWorkflowCommands } from "../../../core/safe-text.js";
import { markdownText } from "../../../core/escape.js";

export const DUE_MARKER = "<!-- samdok-due -->";

/** The first sentence of a message, at most about 160 characters: the reason in short. */
function shortReason(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  const end = oneLine.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? oneLine.slice(0, end + 1) : oneLine;
  return sentence.length > 160 ? `${sentence.slice(0, 159).trimEnd()}…` : sentence;
}

/** "2 dokument kunde inte läsas" with a table of file, line and reason; nothing when all could. */
export function unreadSection(skipped: readonly DocumentResult[], lang: Lang): string[] {
  if (skipped.length === 0) return [];
  const rows = skipped.map((r) => {
    const d = r.diagnostics.find((x) => x.severity === "error") ?? r.diagnostics[0];
    return [
      `\`${r.file}\``,
      d ? `${d.line}` : "–",
      d ? `${d.ruleId}: ${shortReason(d.message)}` : pick({ sv: "Kan inte läsas.", en: "Cannot be read." }, lang),
    ];
  });
  return [
    `### ${pick({ sv: "Dokument som inte kunde läsas", en: "Documents that could not be read" }, lang)}`,
    "",
    pick(
      {
        sv: "Deras datum finns inte med i listan ovan. Rätta YAML-huvudet (kör `samdok validate` på filen för hela förklaringen), så kommer de med nästa gång.",
        en: "Their dates are not in the list above. Fix the front matter (run `samdok validate` on the file for the whole explanation), and they are included next time.",
      },
      lang,
    ),
    "",
    mdTable([pick({ sv: "Fil", en: "File" }, lang), pick({ sv: "Rad", en: "Line" }, lang), pick({ sv: "Varför", en: "Why" }, lang)], rows),
    "",
  ];
}

export const markdown: DueReporter = ({ list: input, lang, groupBy, skipped = [] }) => {
  // One row per task; per role only when the list is split by role.
  const list = groupBy === "ansvarig" ? input : { ...input, items: mergeOwners(input.items) };
  const out: string[] = [DUE_MARKER];
  out.push(`## ${pick({ sv: "Bevakning av samverkansdokumenten", en: "Due dates of the governance documents" }, lang)}`, "");
  const unread = skipped.length;
  const docs = (n: number, l: Lang): string => (l === "sv" ? `${n} dokument` : `${n} ${n === 1 ? "document" : "documents"}`);
  const notCounted =
    unread === 0
      ? { sv: "", en: "" }
      : {
          sv: ` ${docs(unread, "sv")} kunde inte läsas och är inte med i räkningen (se nedan).`,
          en: ` ${docs(unread, "en")} could not be read and ${unread === 1 ? "is" : "are"} not counted (see below).`,
        };
  out.push(
    pick(
      {
        sv: `Läget ${longDate(list.asOf, "sv")}, med ${list.within} dagar framåt: **${countsText(list.items, "sv")}**.${notCounted.sv}`,
        en: `As of ${longDate(list.asOf, "en")}, looking ${list.within} days ahead: **${countsText(list.items, "en")}**.${notCounted.en}`,
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
  out.push(...unreadSection(skipped, lang));
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
