/**
 * SD125: the change history reads as a story, oldest first, and ends with the
 * version the document carries. A draft or a version on remiss is not decided
 * yet: `samdok decide` writes its line, so until then the newest entry may be
 * the version in force (2.0 while 3.0 is drafted), never a later one. An entry
 * marked `redaktionell` says the adoptions of the previous version still
 * cover it; a new major version is never editorial.
 */
import type { DocumentRule } from "./types.js";
import { date, entries, str } from "./lib/data.js";
import { compareDocumentVersions, parseDocumentVersion } from "../core/document-version.js";

export const rule: DocumentRule = {
  id: "SD125",
  name: "andringshistorik",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "`andringshistorik` står i datumordning med stigande versioner, äldst först; den senaste posten är dokumentets `version` (i ett utkast eller på remiss: högst den), och en ny huvudversion är aldrig `redaktionell`.",
    en: "`andringshistorik` is in date order with increasing versions, oldest first; its newest entry is the document's `version` (in a draft or on remiss: at most that), and a new major version is never `redaktionell`.",
  },
  docs: {
    sv: 'Ändringshistoriken visar vad som hänt med dokumentet, version för version. Skriv den äldsta posten först och lägg till en ny post längst ned för varje ny version. Exempel: 1.0 (2021-03-25), 1.1 (2023-03-23), 2.0 (2025-03-20) och `version: "2.0"`. Ett utkast eller en remissversion (till exempel 3.0) får sin rad när den fastställs (`samdok decide`); dessförinnan får historiken sluta med den version som gäller. En rad med `redaktionell: true` är en redaktionell ändring som inte behöver antas på nytt (2.0 → 2.1); en ny huvudversion (2.1 → 3.0) är aldrig redaktionell.',
    en: 'The change history shows what happened to the document, version by version. Write the oldest entry first and add a new entry at the bottom for each new version. Example: 1.0 (2021-03-25), 1.1 (2023-03-23), 2.0 (2025-03-20) and `version: "2.0"`. A draft or consultation version (say 3.0) gets its entry when it is decided (`samdok decide`); until then the history may end with the version in force. An entry with `redaktionell: true` is an editorial change that needs no new adoption (2.0 → 2.1); a new major version (2.1 → 3.0) is never editorial.',
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
    if (!reversed) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const cur = list[i];
        if (!prev || !cur || cur.value.redaktionell !== true) continue;
        const [p, c] = [parseDocumentVersion(prev.version), parseDocumentVersion(cur.version)];
        if (!p || !c || c[0] <= p[0]) continue;
        ctx.report({
          path: `${cur.path}/redaktionell`,
          message: {
            sv: `Version ${cur.version ?? ""} är en ny huvudversion (efter ${prev.version ?? ""}) men markerad \`redaktionell: true\`. En redaktionell ändring behöver inte antas på nytt och höjer bara den mindre siffran (${prev.version ?? ""} → ${p[0]}.${p[1] + 1}). Ta bort \`redaktionell\`, eller ge ändringen version ${p[0]}.${p[1] + 1} om den verkligen är redaktionell.`,
            en: `Version ${cur.version ?? ""} is a new major version (after ${prev.version ?? ""}) but marked \`redaktionell: true\`. An editorial change needs no new adoption and only raises the minor number (${prev.version ?? ""} → ${p[0]}.${p[1] + 1}). Remove \`redaktionell\`, or give the change version ${p[0]}.${p[1] + 1} if it really is editorial.`,
          },
        });
      }
    }
    const current = str(ctx.data, "version");
    const newest = reversed ? list[0] : list[list.length - 1];
    if (current === undefined || newest?.version === undefined || newest.version === current) return;
    const cmp = compareDocumentVersions(current, newest.version);
    if (cmp === undefined) return;
    // Not decided yet: its line comes with the decision, so the history may end with an earlier version.
    const status = str(ctx.data, "status");
    if ((status === "utkast" || status === "remiss") && cmp > 0) return;
    ctx.report({
      path: "/version",
      message:
        cmp < 0
          ? {
              sv: `Dokumentet har version ${current}, men \`andringshistorik\` har redan en post för den senare versionen ${newest.version}. Rätta \`version\` till ${newest.version}, eller rätta historiken.`,
              en: `The document has version ${current}, but \`andringshistorik\` already has an entry for the later version ${newest.version}. Correct \`version\` to ${newest.version}, or correct the history.`,
            }
          : {
              sv: `Dokumentet har version ${current}, men den senaste posten i \`andringshistorik\` är version ${newest.version}. Lägg till en post för version ${current} sist i historiken, eller rätta \`version\`.`,
              en: `The document has version ${current}, but the newest entry in \`andringshistorik\` is version ${newest.version}. Add an entry for version ${current} at the end of the history, or correct \`version\`.`,
            },
    });
  },
};
