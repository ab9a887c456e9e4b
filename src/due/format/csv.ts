/**
 * CSV that opens in Excel with å, ä and ö intact: UTF-8 with a byte-order
 * mark, `;` as separator (Swedish Excel), CRLF line ends, every field quoted.
 */
import { pick } from "../../i18n/text.js";
import { kindLabel, stateLabel } from "../model.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands, safeText } from "../../core/safe-text.js";

/**
 * Quotes a field; text that Excel would run as a formula gets a leading
 * apostrophe, and controls are shown as symbols (`safeText`, line breaks kept).
 */
export function csvField(value: string | number, text = true): string {
  let s = safeText(String(value), { multiline: true });
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const csv: DueReporter = ({ list, lang }) => {
  const header = [
    pick({ sv: "Läge", en: "State" }, lang),
    pick({ sv: "Datum", en: "Date" }, lang),
    pick({ sv: "Dagar kvar", en: "Days left" }, lang),
    pick({ sv: "Vad", en: "Kind" }, lang),
    pick({ sv: "Dokument-id", en: "Document id" }, lang),
    pick({ sv: "Titel", en: "Title" }, lang),
    pick({ sv: "Ansvarig", en: "Owner" }, lang),
    pick({ sv: "Spår", en: "Track" }, lang),
    pick({ sv: "Dokumenttyp", en: "Document type" }, lang),
    pick({ sv: "Beskrivning", en: "Description" }, lang),
    pick({ sv: "Fil", en: "File" }, lang),
  ];
  const rows = list.items.map((i) =>
    [
      csvField(stateLabel(i.state, lang)),
      csvField(i.date),
      csvField(i.daysLeft, false),
      csvField(kindLabel(i.kind, lang)),
      csvField(i.id),
      csvField(i.title),
      csvField(i.ownerName || i.owner),
      csvField(i.sparName),
      csvField(i.dokumenttyp),
      csvField(i.detail ?? ""),
      csvField(i.file),
    ].join(";"),
  );
  // A field with a line break starts a line: inert if the file is printed in a CI log.
  return `\uFEFF${neutralizeWorkflowCommands([header.map((h) => csvField(h)).join(";"), ...rows].join("\r\n"))}\r\n`;
};
