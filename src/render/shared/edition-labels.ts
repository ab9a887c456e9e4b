/**
 * The words a reader of an edition sees for the metadata: field labels from
 * the schema's titles, and display names for types, statuses, parties, roles,
 * decision bodies and tracks from the set's configuration. The documents are
 * Swedish, so the editions are too, whatever language the CLI talks in.
 */
import type { SamDoc, Status } from "../../core/document.js";
import type { DocumentType, SamdokConfig } from "../../core/config.js";
import type { Edition } from "../edition.js";
import { partyName } from "../../core/config.js";
import { documentSchema } from "../../core/schema.js";
import { fieldLabel } from "../../core/schema-explain.js";

export const STATUS_ORDER: readonly Status[] = ["utkast", "remiss", "fastställd", "upphävd"];

export const STATUS_LABEL: Record<Status, string> = {
  utkast: "Utkast",
  remiss: "Remiss",
  fastställd: "Fastställd",
  upphävd: "Upphävd",
};

/** "Ansvarsfördelning" → unchanged; "rutin" → "Rutin". */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

export function statusLabel(status: string): string {
  return STATUS_LABEL[status as Status] ?? capitalize(status);
}

export function typeLabel(type: DocumentType | string): string {
  return capitalize(type);
}

/**
 * The Swedish label of a front-matter field, from the schema's `title`
 * (`/faststalld_datum` → "Fastställd datum"). Falls back to the key.
 */
export function fieldTitle(pointer: string): string {
  return fieldLabel(documentSchema(), pointer, "sv") ?? pointer.split("/").pop() ?? pointer;
}

/** "A, B och C". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1] ?? ""}`;
}

/**
 * A short description of the parties: every name when there are three or
 * fewer, otherwise "Region Sörmland och 9 kommuner" (or "alla parter" when
 * the document applies to every party of the set).
 */
export function partiesSummary(config: SamdokConfig, doc: Pick<SamDoc, "parter">): string {
  const all = [config.region.kod, ...config.parter.map((p) => p.kod)];
  const codes = doc.parter;
  if (codes.length > 3 && all.every((c) => codes.includes(c))) return `Alla parter (${codes.length})`;
  if (codes.length <= 3) return joinSv(codes.map((c) => partyName(config, c)));
  const municipalities = codes.filter((c) => c !== config.region.kod).length;
  const kommuner = `${municipalities} ${municipalities === 1 ? "kommun" : "kommuner"}`;
  return codes.includes(config.region.kod) ? `${config.region.namn} och ${kommuner}` : capitalize(kommuner);
}

/** The parties in configuration order (region first), whatever order the document lists them in. */
export function partiesInOrder(config: SamdokConfig, codes: readonly string[]): string[] {
  const order = [config.region.kod, ...config.parter.map((p) => p.kod)];
  return [...codes].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
}

function rank(order: readonly string[], code: string): number {
  const i = order.indexOf(code);
  return i === -1 ? order.length : i;
}

/** "Hälso- och sjukvårdslag (2017:30), 16 kap. 4 §". */
export function lagrumText(l: { sfs: string; kapitel?: string; paragraf?: string; titel: string }): string {
  const where = [l.kapitel ? `${l.kapitel} kap.` : "", l.paragraf ? `${l.paragraf} §` : ""].filter(Boolean).join(" ");
  return `${l.titel} (${l.sfs})${where ? `, ${where}` : ""}`;
}

/** The name of a set as a reader sees it. */
export function setTitle(config: SamdokConfig): string {
  return config.namn ?? `${config.region.namn}: gemensamma styrdokument`;
}

/**
 * The name of the whole edition, the same in HTML (site name, consolidated
 * page) and Word (cover, page header, document properties): the set's name
 * when the edition's documents come from one set, else the regions of the
 * sets they come from ("Gemensamma styrdokument – Region Sörmland och Region
 * Örebro län", each region once). Only sets with documents in the edition
 * count (published or listed), so a filter that leaves one set out leaves
 * its region out too.
 */
export function editionTitle(edition: Pick<Edition, "sets" | "documents"> & Partial<Pick<Edition, "listed">>): string {
  // The listed documents count too: an edition where nothing applies yet still names its set.
  const roots = new Set([...edition.documents, ...(edition.listed ?? []).map((l) => l.doc)].map((d) => d.loaded.root));
  const sets = edition.sets.filter((s) => roots.has(s.root));
  if (sets.length === 1 && sets[0]) return setTitle(sets[0].config);
  return `Gemensamma styrdokument – ${joinSv([...new Set(sets.map((s) => s.config.region.namn))])}`;
}
