/**
 * A self-contained e-mail body: one HTML file, styles inline (mail clients
 * drop style sheets), no images, every value escaped. The state is written
 * out in words, so colour is never the only signal.
 */
import { pick } from "../../../i18n/text.js";
import { longDate } from "../../../core/dates.js";
import { TYPE_ORDER } from "../../../core/document.js";
import { countsText, daysText, groupItems, kindLabel, mergeOwners, stateLabel, type DueItem } from "../model.js";
import { htmlText as e } from "../../../core/escape.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands } from "../../../core/safe-text.js";

const CELL = "padding:6px 8px;border-bottom:1px solid #c8c8c8;text-align:left;vertical-align:top";
const HEAD = `${CELL};background:#e8eef5;color:#1a1a1a;font-weight:bold`;
const STATE_STYLE = { overdue: "color:#a3000b;font-weight:bold", due: "color:#6b4400;font-weight:bold" };

export const html: DueReporter = ({ list: input, lang, groupBy }) => {
  // One row per task; per role only when the list is split by role.
  const list = groupBy === "ansvarig" ? input : { ...input, items: mergeOwners(input.items) };
  const title = pick({ sv: "Bevakning av samverkansdokumenten", en: "Due dates of the governance documents" }, lang);
  const head = [
    pick({ sv: "Läge", en: "State" }, lang),
    pick({ sv: "Datum", en: "Date" }, lang),
    pick({ sv: "Vad", en: "Kind" }, lang),
    pick({ sv: "Dokument", en: "Document" }, lang),
    pick({ sv: "Ansvarig", en: "Owner" }, lang),
  ];
  const row = (i: DueItem): string =>
    `<tr><td style="${CELL}"><span style="${STATE_STYLE[i.state]}">${e(stateLabel(i.state, lang))}</span></td>` +
    `<td style="${CELL};white-space:nowrap">${e(i.date)}<br><span style="color:#444444;font-size:14px">${e(daysText(i.daysLeft, lang))}</span></td>` +
    `<td style="${CELL}">${e(kindLabel(i.kind, lang))}${i.detail ? `<br><span style="color:#444444;font-size:14px">${e(i.detail)}</span>` : ""}</td>` +
    `<td style="${CELL}">${e(i.title)}<br><span style="color:#444444;font-size:14px">${e(i.id)} · ${e(i.file)}</span></td>` +
    (groupBy === "ansvarig" ? "" : `<td style="${CELL}">${e(i.ownerName || "–")}</td>`) +
    "</tr>";
  const tableOf = (items: DueItem[], caption: string): string =>
    `<table style="border-collapse:collapse;width:100%;margin:0 0 24px 0">\n` +
    `<caption style="text-align:left;font-weight:bold;padding:4px 0">${e(caption)}</caption>\n` +
    `<thead><tr>${(groupBy === "ansvarig" ? head.slice(0, -1) : head).map((h) => `<th scope="col" style="${HEAD}">${e(h)}</th>`).join("")}</tr></thead>\n` +
    `<tbody>\n${items.map(row).join("\n")}\n</tbody>\n</table>`;
  const parts: string[] = [];
  parts.push(`<h1 style="font-size:24px;margin:0 0 8px 0">${e(title)}</h1>`);
  parts.push(
    `<p style="margin:0 0 16px 0">${e(
      pick(
        {
          sv: `Läget ${longDate(list.asOf, "sv")}, med ${list.within} dagar framåt:`,
          en: `As of ${longDate(list.asOf, "en")}, looking ${list.within} days ahead:`,
        },
        lang,
      ),
    )} <strong>${e(countsText(list.items, lang))}</strong>.</p>`,
  );
  if (list.items.length > 0) {
    for (const group of groupItems(list.items, groupBy, lang, TYPE_ORDER)) {
      if (groupBy) parts.push(`<h2 style="font-size:20px;margin:24px 0 8px 0">${e(group.title)}</h2>`);
      const caption = `${groupBy ? group.title : pick({ sv: "Förfallet och snart förfallande", en: "Overdue and due" }, lang)}: ${countsText(group.items, lang)}`;
      parts.push(tableOf(group.items, caption));
    }
  }
  parts.push(
    `<p style="margin:16px 0 0 0;color:#444444;font-size:14px">${e(
      pick(
        {
          sv: "Skapad av samdok due. Ändra i dokumenten, så blir nästa utskick rätt.",
          en: "Written by samdok due. Change the documents and the next message follows.",
        },
        lang,
      ),
    )}</p>`,
  );
  return neutralizeWorkflowCommands(
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${e(`${title} ${longDate(list.asOf, lang)}`)}</title>\n</head>\n` +
      `<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">\n` +
      `<main>\n${parts.join("\n")}\n</main>\n</body>\n</html>\n`,
    "markup",
  );
};
