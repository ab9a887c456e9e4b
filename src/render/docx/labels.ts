/**
 * The words a reader of the Word edition sees. The documents are Swedish, so
 * the edition is too (language sv-SE), whatever language the CLI talks in.
 */
import { keepReferencesTogether } from "../shared/typography.js";
import { deciders, owners, type SamDoc } from "../../core/document.js";
import { capitalize, statusLabel } from "../shared/edition-labels.js";

export { STATUS_LABEL, capitalize, statusLabel } from "../shared/edition-labels.js";
import type { SamdokConfig } from "../../core/config.js";
import { bodyName, partyName, roleName, trackName } from "../../core/config.js";
import { isIsoDate, longDate } from "../../core/dates.js";

export const LABEL = {
  edition: "Samlad utgåva",
  contents: "Innehåll",
  parties: "Parter",
  editionDate: "Utgåvans datum",
  sourceRevision: "Källversion",
  unknownRevision: "okänd (källorna ligger inte i git)",
  documentCount: "Antal dokument",
  notGoverning: "Utskriven kopia är inte styrande",
  page: "Sida",
  of: "av",
  history: "Ändringshistorik",
  noHistory: "Dokumentet har ingen ändringshistorik.",
  field: "Uppgift",
  value: "Värde",
  version: "Version",
  date: "Datum",
  change: "Ändring",
  image: "Bild",
  tocFieldHint: "Högerklicka och välj Uppdatera fält för att få sidnummer.",
  asOf: "Gällande den",
  comingVersion: "Ny version på väg",
  publishedFrom: "Publicerad ur",
  listed: "Dokument som inte ingår i utgåvan",
  listedCount: "Listade men inte publicerade",
  issuer: "Utgivare",
} as const;

/** Characters of a title the running header shows: with version, status and the edition's date it fits one line of A4. */
export const HEAD_TITLE_LENGTH = 60;

/**
 * A title for the running header: whole when it is short, else cut at a
 * word and ended with "…" ("Rutin för trygg hemgång och effektiv samverkan
 * mellan…"), never in the middle of a word unless one word is too long.
 */
export function shortTitle(title: string, max = HEAD_TITLE_LENGTH): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  // A space just after the limit ends a whole word too.
  const space = clean.slice(0, max + 1).lastIndexOf(" ");
  const cut = (space >= max / 2 ? clean.slice(0, space) : clean.slice(0, max - 1)).replace(/[\s,.;:–-]+$/, "");
  return `${cut}…`;
}

/** "Utgåva 23 november 2026", or "Gällande den 1 mars 2027" for a point-in-time edition: the right of every page header. */
export function editionStamp(edition: { date: string; asOf?: string }): string {
  return edition.asOf ? `${LABEL.asOf} ${longDate(edition.asOf, "sv")}` : `Utgåva ${longDate(edition.date, "sv")}`;
}

/** "1 oktober 2024" for a date, the text itself for anything else ("tills vidare"). */
export function dateText(value: string | undefined): string {
  if (!value) return "";
  return isIsoDate(value) ? longDate(value, "sv") : value;
}

/** "Rutin för trygg hemgång · version 2.1 · Fastställd": the line every page of a document carries, its title where a reader looks for it. */
export function runningHead(doc: SamDoc): string {
  return `${shortTitle(doc.titel)} · ${LABEL.version.toLowerCase()} ${doc.version} · ${statusLabel(doc.status)}`;
}

/** "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1] ?? ""}`;
}

export interface MetadataRow {
  label: string;
  value: string;
  /** Ids of documents the value refers to, shown as links when they are in the edition. */
  refs?: string[];
  /** A value of several lines (one per adoption). */
  lines?: string[];
}

/** The metadata table of a chapter, with Swedish labels, in reading order. Empty values are left out. */
export function metadataRows(doc: SamDoc, config: SamdokConfig): MetadataRow[] {
  const rows: MetadataRow[] = [];
  const add = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== "") rows.push({ label, value });
  };
  add("Id", doc.id);
  add("Dokumenttyp", capitalize(doc.dokumenttyp));
  add("Status", statusLabel(doc.status));
  add("Version", doc.version);
  add("Spår", trackName(config, doc.spar));
  const decided = [
    joinSv(deciders(doc).map((b) => bodyName(config, b))),
    doc.faststalld_datum ? dateText(doc.faststalld_datum) : "",
    keepReferencesTogether(doc.beslutsparagraf ?? ""),
  ]
    .filter(Boolean)
    .join(", ");
  add("Fastställd av och när", decided);
  const adopted = (doc.antaganden ?? []).map(
    // The version is shown only when a party adopted another version than the current one.
    (a) =>
      `${partyName(config, a.part)}: ${bodyName(config, a.organ)}, ${dateText(a.datum)}${a.paragraf ? `, ${a.paragraf}` : ""}${a.version !== doc.version ? ` (version ${a.version})` : ""}`,
  );
  if (adopted.length > 0) rows.push({ label: "Antagen av", value: adopted.join("\n"), lines: adopted });
  add("Diarienummer", doc.diarienummer);
  add("Giltig från", dateText(doc.giltig_fran));
  add("Giltig till", dateText(doc.giltig_till));
  add("Revideras senast", dateText(doc.revideras_senast));
  add("Upphävd", dateText(doc.upphavd_datum));
  add("Dokumentansvarig", joinSv(owners(doc).map((r) => roleName(config, r))));
  add("Parter", joinSv(doc.parter.map((p) => partyName(config, p))));
  const refRow = (label: string, ids: string[] | undefined): void => {
    if (ids && ids.length > 0) rows.push({ label, value: ids.join(", "), refs: ids });
  };
  refRow("Överordnat dokument", doc.overordnat ? [doc.overordnat] : undefined);
  refRow("Ersätter", doc.ersatter);
  refRow("Ersätts av", doc.ersatts_av ? [doc.ersatts_av] : undefined);
  refRow("Relaterade dokument", doc.relaterade);
  if (doc.lagrum && doc.lagrum.length > 0) {
    add(
      "Lagrum",
      doc.lagrum
        .map(
          (l) =>
            `${l.titel} (${l.sfs})${l.kapitel || l.paragraf ? `, ${[l.kapitel ? `${l.kapitel} kap.` : "", l.paragraf ? `${l.paragraf} §` : ""].filter(Boolean).join(" ")}` : ""}`,
        )
        .join("; "),
    );
  }
  return rows;
}
