/**
 * The typed view of a document's front matter. Only valid for documents that
 * passed the schema (SD005); consumers that render or track documents refuse
 * a set with errors, so they can rely on it.
 */
import type { DocumentType } from "./config.js";

export type Status = "utkast" | "remiss" | "fastställd" | "upphävd";

export interface Antagande {
  part: string;
  organ: string;
  datum: string;
  version: string;
  paragraf?: string;
  /** The party's own registration number for the decision. */
  diarienummer?: string;
}

export type Standpunkt = "tillstyrker" | "avstyrker" | "synpunkter";

/** A party's answer to a consultation (`remiss.svar`). */
export interface Remissvar {
  part: string;
  datum: string;
  standpunkt: Standpunkt;
  diarienummer?: string;
  kommentar?: string;
}

export interface Remiss {
  fran: string;
  till: string;
  instanser?: string[];
  /** The version sent out. */
  version?: string;
  svar?: Remissvar[];
}

export interface Uppfoljning {
  datum: string;
  beskrivning: string;
  ansvarig: string;
  indikator?: string;
  genomford?: string;
  resultat?: string;
}

export interface Lagrum {
  sfs: string;
  kapitel?: string;
  paragraf?: string;
  titel: string;
}

export interface Andring {
  version: string;
  datum: string;
  beskrivning: string;
  /** An editorial change: the adoptions of the previous version cover this one. */
  redaktionell?: boolean;
}

export interface SamDoc {
  id: string;
  titel: string;
  dokumenttyp: DocumentType;
  status: Status;
  version: string;
  spar: string;
  parter: string[];
  /** One role, or several when the responsibility is shared: read it with `owners()`. */
  dokumentansvarig?: string | string[];
  /** One decision body, or several: read it with `deciders()`. */
  faststalld_av?: string | string[];
  faststalld_datum?: string;
  beslutsparagraf?: string;
  diarienummer?: string;
  antaganden?: Antagande[];
  giltig_fran?: string;
  giltig_till?: string;
  revideras_senast?: string;
  upphavd_datum?: string;
  remiss?: Remiss;
  uppfoljning?: Uppfoljning[];
  ersatter?: string[];
  ersatts_av?: string;
  overordnat?: string;
  relaterade?: string[];
  lagrum?: Lagrum[];
  narvard?: { perspektiv: string[]; vardeord: string[]; fardplan_aktivitet?: string };
  nyckelord?: string[];
  andringshistorik?: Andring[];
}

export const TYPE_ORDER: readonly DocumentType[] = [
  "målbild",
  "policy",
  "färdplan",
  "överenskommelse",
  "riktlinje",
  "handlingsplan",
  "rutin",
];

/** The responsible roles of a document, in the order written (none when it names none). */
export function owners(doc: Pick<SamDoc, "dokumentansvarig">): string[] {
  const v = doc.dokumentansvarig;
  return v === undefined ? [] : typeof v === "string" ? [v] : [...v];
}

/** The decision bodies that adopted a document, in the order written. */
export function deciders(doc: Pick<SamDoc, "faststalld_av">): string[] {
  const v = doc.faststalld_av;
  return v === undefined ? [] : typeof v === "string" ? [v] : [...v];
}
