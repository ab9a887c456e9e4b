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
}

export interface SamDoc {
  id: string;
  titel: string;
  dokumenttyp: DocumentType;
  status: Status;
  version: string;
  spar: string;
  parter: string[];
  dokumentansvarig?: string;
  faststalld_av?: string;
  faststalld_datum?: string;
  beslutsparagraf?: string;
  diarienummer?: string;
  antaganden?: Antagande[];
  giltig_fran?: string;
  giltig_till?: string;
  revideras_senast?: string;
  upphavd_datum?: string;
  remiss?: { fran: string; till: string; instanser?: string[] };
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
