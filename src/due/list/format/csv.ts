/**
 * CSV that opens in Excel with å, ä and ö intact: UTF-8 with a byte-order
 * mark, `;` as separator (Swedish Excel), CRLF line ends, every field quoted.
 */
import { pick } from "../../../i18n/text.js";
import { kindLabel, stateLabel } from "../model.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands } from "../../../core/safe-text.js";
import { csvField } from "../../../core/escape.js";

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
