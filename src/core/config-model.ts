/**
 * The configuration's shape and the small lookups rules make in it. Kept
 * apart from config.ts (which reads and checks the file, and knows the rule
 * list) so that rules can import these without an import cycle.
 */
import type { RuleSetting } from "./types.js";
export type DocumentType = "överenskommelse" | "riktlinje" | "rutin" | "policy" | "målbild" | "färdplan" | "handlingsplan";
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  "överenskommelse",
  "riktlinje",
  "rutin",
  "policy",
  "målbild",
  "färdplan",
  "handlingsplan",
];

export interface NamedEntry {
  id: string;
  namn: string;
  beskrivning?: string;
}

/**
 * An entry of the role registry. Not a NamedEntry: the schema gives a role no
 * `beskrivning` (and refuses one), but an organisation and a mailbox.
 */
export interface Role {
  id: string;
  namn: string;
  organisation?: string;
  epost?: string;
}

export interface SamdokConfig {
  $schema?: string;
  namn?: string;
  region: { kod: string; namn: string; lanskod: string };
  parter: { kod: string; namn: string }[];
  beslutsorgan: NamedEntry[];
  roller: Role[];
  spar: NamedEntry[];
  malbild?: { perspektiv: string[]; vardeord: string[] };
  revisionsintervall?: Partial<Record<DocumentType, number>>;
  obligatoriska_rubriker?: Partial<Record<DocumentType, string[]>>;
  regler?: Record<string, RuleSetting>;
  lix?: { grans?: number };
  bevakning?: { inom_dagar?: number; forfallen_revision_ar_fel?: boolean };
  /** The editions: where the published HTML edition is (the calendar links there), and the region's own look. */
  utgava?: EditionSettings;
}

/** `utgava` of samdok.config.json. */
export interface EditionSettings {
  /** Where the published HTML edition is: the calendar links to each document's page there. */
  adress?: string;
  /** Who issues the edition (Word cover, HTML header). */
  utgivare?: string;
  /** An SVG or PNG file inside the set (config-look.ts checks it), with its alt text. */
  logotyp?: { fil: string; alt: string };
  /** The main colour, "#RRGGBB", with at least 4.5:1 contrast against white. */
  farg?: string;
}

/** Default review intervals in months, used when the configuration sets none. */
export const DEFAULT_REVIEW_MONTHS: Record<DocumentType, number> = {
  överenskommelse: 48,
  riktlinje: 36,
  rutin: 24,
  policy: 48,
  målbild: 48,
  färdplan: 48,
  handlingsplan: 12,
};

/** Review interval in months for a document type. */
export function reviewMonths(config: SamdokConfig, type: string): number {
  const set = config.revisionsintervall?.[type as DocumentType];
  return set ?? DEFAULT_REVIEW_MONTHS[type as DocumentType] ?? 24;
}

/** All party codes of a set: the region first, then the municipalities. */
export function partyCodes(config: SamdokConfig): string[] {
  return [config.region.kod, ...config.parter.map((p) => p.kod)];
}

/** Display name of a party code. */
export function partyName(config: SamdokConfig, code: string): string {
  if (code === config.region.kod) return config.region.namn;
  return config.parter.find((p) => p.kod === code)?.namn ?? code;
}

export function roleName(config: SamdokConfig, id: string): string {
  return config.roller.find((r) => r.id === id)?.namn ?? id;
}

export function bodyName(config: SamdokConfig, id: string): string {
  return config.beslutsorgan.find((b) => b.id === id)?.namn ?? id;
}

export function trackName(config: SamdokConfig, id: string): string {
  return config.spar.find((s) => s.id === id)?.namn ?? id;
}
