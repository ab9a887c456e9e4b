import type { DocumentRule } from "./types.js";
import { date, entries, str } from "./lib/data.js";
import { compareDocumentVersions } from "../core/document-version.js";

export const rule: DocumentRule = {
  id: "SD125",
  name: "andringshistorik",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "`andringshistorik` står i datumordning med stigande versioner, äldst först, och den senaste posten är dokumentets `version`.",
    en: "`andringshistorik` is in date order with increasing versions, oldest first, and its newest entry is the document's `version`.",
  },
  docs: {
    sv: 'Ändringshistoriken visar vad som hänt med dokumentet, version för version. Skriv den äldsta posten först och lägg till en ny post längst ned för varje ny version. Exempel: 1.0 (2021-03-25), 1.1 (2023-03-23), 2.0 (2025-03-20) och `version: "2.0"`.',
    en: 'The change history shows what happened to the document, version by version. Write the oldest entry first and add a new entry at the bottom for each new version. Example: 1.0 (2021-03-25), 1.1 (2023-03-23), 2.0 (2025-03-20) and `version: "2.0"`.',
  },
  check(ctx) {
    const list = entries(ctx.data, "andringshistorik").map((e) => ({
      ...e,
      version: str(e.value, "version"),
      date: date(e.value, "datum"),
    }));
    if (list.length === 0) return;
    // A list written newest first: one finding, not one per entry.
    const reversed =
      list.length >= 2 && list.every((e, i) => i === 0 || (compareDocumentVersions(e.version, list[i - 1]?.version) ?? 0) < 0);
    if (reversed) {
      ctx.report({
        path: "/andringshistorik",
        key: true,
        message: {
          sv: "Ändringshistoriken står med den nyaste versionen först. Vänd på ordningen: den äldsta versionen först och den nyaste sist.",
          en: "The change history lists the newest version first. Reverse it: the oldest version first and the newest last.",
        },
      });
    } else {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const cur = list[i];
        if (!prev || !cur) continue;
        const cmp = compareDocumentVersions(cur.version, prev.version);
        if (cmp !== undefined && cmp <= 0) {
          ctx.report({
            path: `${cur.path}/version`,
            message: {
              sv: `Version ${cur.version ?? ""} står efter version ${prev.version ?? ""}. Versionerna ska öka nedåt i listan, till exempel 1.0, 1.1, 2.0${cmp === 0 ? ", och varje version förekommer en gång" : ""}.`,
              en: `Version ${cur.version ?? ""} comes after version ${prev.version ?? ""}. Versions must increase down the list, for example 1.0, 1.1, 2.0${cmp === 0 ? ", each version once" : ""}.`,
            },
          });
        } else if (cur.date && prev.date && cur.date < prev.date) {
          ctx.report({
            path: `${cur.path}/datum`,
            message: {
              sv: `Datumet ${cur.date} (version ${cur.version ?? ""}) ligger före föregående post, ${prev.date} (version ${prev.version ?? ""}). Posterna ska stå i datumordning, äldst först; rätta datumet eller ordningen.`,
              en: `The date ${cur.date} (version ${cur.version ?? ""}) is before the previous entry, ${prev.date} (version ${prev.version ?? ""}). Entries must be in date order, oldest first; correct the date or the order.`,
            },
          });
        }
      }
    }
    const current = str(ctx.data, "version");
    const newest = reversed ? list[0] : list[list.length - 1];
    if (current === undefined || newest?.version === undefined || newest.version === current) return;
    if (compareDocumentVersions(current, newest.version) === undefined) return;
    ctx.report({
      path: "/version",
      message: {
        sv: `Dokumentet har version ${current}, men den senaste posten i \`andringshistorik\` är version ${newest.version}. Lägg till en post för version ${current} sist i historiken, eller rätta \`version\`.`,
        en: `The document has version ${current}, but the newest entry in \`andringshistorik\` is version ${newest.version}. Add an entry for version ${current} at the end of the history, or correct \`version\`.`,
      },
    });
  },
};
