/**
 * The status report for the steering group (Länsstyrgruppen): the figures,
 * what was decided since a date, what is due, how far the parties have
 * adopted each agreement, and how the set serves the målbild. This module
 * only gathers the facts; report-markdown.ts and report-html.ts write them.
 */
import { DOCUMENT_TYPES, partyName, trackName, type DocumentType, type SamdokConfig } from "../../core/config.js";
import { TYPE_ORDER, type SamDoc, type Status } from "../../core/document.js";
import { isIsoDate } from "../../core/dates.js";
import { compareVersionsLoosely } from "../../core/document-version.js";
import { collectDue } from "../list/collect.js";
import type { LoadedDocument as LoadedDoc } from "../../core/loaded-document.js";
import type { LoadedDocuments } from "../../core/store.js";
import type { DueItem } from "../list/model.js";

export const STATUS_ORDER: readonly Status[] = ["utkast", "remiss", "fastställd", "upphävd"];

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface DocRef {
  id: string;
  title: string;
  file: string;
}

export interface Change extends DocRef {
  date: string;
  version: string;
  description: string;
}

export interface InProgress extends DocRef {
  status: Status;
  version: string;
  lastChange?: string;
  remissTill?: string;
}

export interface FollowupDone extends DocRef {
  planned: string;
  done: string;
  description: string;
  result?: string;
}

export type AdoptionState = "current" | "older" | "none";

export interface PartyAdoption {
  code: string;
  name: string;
  state: AdoptionState;
  version?: string;
  date?: string;
  organ?: string;
  paragraf?: string;
}

export interface Adoption extends DocRef {
  version: string;
  parties: PartyAdoption[];
  adoptedCurrent: number;
}

export interface Coverage {
  name: string;
  docs: DocRef[];
}

export interface MalbildCoverage {
  /** How many documents were counted (all that are not upphävda). */
  considered: number;
  perspectives: Coverage[];
  vardeord: Coverage[];
  unserved: string[];
}

export interface SetReport {
  name: string;
  recipient: string;
  total: number;
  byStatus: Count[];
  byType: Count[];
  byTrack: { id: string; name: string; total: number; byStatus: Record<Status, number> }[];
  changes: Change[];
  repealed: (DocRef & { date: string })[];
  /** Documents being drafted or on remiss. */
  inProgress: InProgress[];
  revisions: DueItem[];
  followups: DueItem[];
  followupsDone: FollowupDone[];
  adoption: Adoption[];
  malbild?: MalbildCoverage;
}

export interface StatusReport {
  asOf: string;
  since: string;
  within: number;
  sets: SetReport[];
}

export interface ReportOptions {
  asOf: string;
  since: string;
  within: number;
  /** Who the report is for; default: the set's Länsstyrgruppen, else "styrgruppen". */
  to?: string;
}

const ref = (d: LoadedDoc): DocRef => ({ id: d.doc.id, title: d.doc.titel, file: d.result.file });
const inPeriod = (date: unknown, since: string, asOf: string): date is string => isIsoDate(date) && date >= since && date <= asOf;
const byDateThenId =
  <T extends { id: string }>(date: (x: T) => string) =>
  (a: T, b: T): number =>
    date(a).localeCompare(date(b)) || a.id.localeCompare(b.id);

function recipientOf(config: SamdokConfig): string {
  return config.beslutsorgan.find((b) => b.id === "lansstyrgruppen")?.namn ?? "styrgruppen";
}

/** Each party's latest adoption of the document, compared with its current version. */
export function adoptionOf(doc: SamDoc, config: SamdokConfig): PartyAdoption[] {
  return doc.parter.map((code) => {
    const decisions = (doc.antaganden ?? [])
      .filter((a) => a.part === code)
      .sort((a, b) => a.datum.localeCompare(b.datum) || compareVersionsLoosely(a.version, b.version));
    const latest = decisions.find((a) => a.version === doc.version) ?? decisions[decisions.length - 1];
    const entry: PartyAdoption = {
      code,
      name: partyName(config, code),
      state: latest ? (latest.version === doc.version ? "current" : "older") : "none",
    };
    if (latest) {
      entry.version = latest.version;
      entry.date = latest.datum;
      entry.organ = latest.organ;
      if (latest.paragraf !== undefined) entry.paragraf = latest.paragraf;
    }
    return entry;
  });
}

function setReport(docs: LoadedDoc[], config: SamdokConfig, options: ReportOptions): SetReport {
  const { asOf, since, within } = options;
  const count = <K extends string>(keys: readonly K[], keyOf: (d: SamDoc) => K): Count[] =>
    keys.map((key) => ({ key, label: key, count: docs.filter((d) => keyOf(d.doc) === key).length }));
  const trackIds = [
    ...config.spar.map((s) => s.id),
    ...new Set(docs.map((d) => d.doc.spar).filter((s) => !config.spar.some((t) => t.id === s))),
  ];
  const byTrack = trackIds
    .map((id) => {
      const inTrack = docs.filter((d) => d.doc.spar === id);
      const byStatus = Object.fromEntries(STATUS_ORDER.map((s) => [s, inTrack.filter((d) => d.doc.status === s).length])) as Record<
        Status,
        number
      >;
      return { id, name: trackName(config, id), total: inTrack.length, byStatus };
    })
    .filter((t) => t.total > 0 || config.spar.some((s) => s.id === t.id));

  // Decided versions only: a draft's 0.x entries are work in progress, shown apart.
  const changes: Change[] = docs
    .filter((d) => d.doc.status === "fastställd" || d.doc.status === "upphävd")
    .flatMap((d) =>
      (d.doc.andringshistorik ?? [])
        .filter((a) => inPeriod(a.datum, since, asOf) && !a.version.startsWith("0."))
        .map((a) => ({ ...ref(d), date: a.datum, version: a.version, description: a.beskrivning })),
    )
    .sort(byDateThenId((c) => c.date));
  const inProgress: InProgress[] = docs
    .filter((d) => d.doc.status === "utkast" || d.doc.status === "remiss")
    .map((d) => {
      const last = (d.doc.andringshistorik ?? [])
        .filter((a) => isIsoDate(a.datum))
        .sort((a, b) => a.datum.localeCompare(b.datum))
        .pop();
      const entry: InProgress = { ...ref(d), status: d.doc.status, version: d.doc.version };
      if (last) entry.lastChange = last.datum;
      if (d.doc.status === "remiss" && d.doc.remiss) entry.remissTill = d.doc.remiss.till;
      return entry;
    })
    .sort((a, b) => STATUS_ORDER.indexOf(b.status) - STATUS_ORDER.indexOf(a.status) || a.id.localeCompare(b.id));
  const repealed = docs
    .filter((d) => d.doc.status === "upphävd" && inPeriod(d.doc.upphavd_datum, since, asOf))
    .map((d) => ({ ...ref(d), date: d.doc.upphavd_datum ?? "" }))
    .sort(byDateThenId((c) => c.date));

  const due = collectDue(docs, asOf, within).items;
  const followupsDone: FollowupDone[] = docs
    .flatMap((d) =>
      (d.doc.uppfoljning ?? [])
        .filter((u) => inPeriod(u.genomford, since, asOf))
        .map((u) => ({
          ...ref(d),
          planned: u.datum,
          done: u.genomford ?? "",
          description: u.beskrivning,
          ...(u.resultat !== undefined ? { result: u.resultat } : {}),
        })),
    )
    .sort(byDateThenId((f) => f.done));

  const adoption: Adoption[] = docs
    .filter((d) => d.doc.status === "fastställd" && (d.doc.dokumenttyp === "överenskommelse" || (d.doc.antaganden?.length ?? 0) > 0))
    .sort((a, b) => TYPE_ORDER.indexOf(a.doc.dokumenttyp) - TYPE_ORDER.indexOf(b.doc.dokumenttyp) || a.doc.id.localeCompare(b.doc.id))
    .map((d) => {
      const parties = adoptionOf(d.doc, config);
      return { ...ref(d), version: d.doc.version, parties, adoptedCurrent: parties.filter((p) => p.state === "current").length };
    });

  const report: SetReport = {
    name: config.namn ?? config.region.namn,
    recipient: options.to ?? recipientOf(config),
    total: docs.length,
    byStatus: count(STATUS_ORDER, (d) => d.status),
    byType: count(
      DOCUMENT_TYPES.slice().sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b)) as DocumentType[],
      (d) => d.dokumenttyp,
    ).filter((c) => c.count > 0),
    byTrack,
    changes,
    repealed,
    inProgress,
    revisions: due.filter((i) => i.kind !== "follow-up"),
    followups: due.filter((i) => i.kind === "follow-up"),
    followupsDone,
    adoption,
  };
  if (config.malbild) {
    const living = docs.filter((d) => d.doc.status !== "upphävd").sort((a, b) => a.doc.id.localeCompare(b.doc.id));
    const cover = (names: readonly string[], pickList: (d: SamDoc) => readonly string[] | undefined): Coverage[] =>
      names.map((name) => ({ name, docs: living.filter((d) => pickList(d.doc)?.includes(name)).map(ref) }));
    const vardeord = cover(config.malbild.vardeord, (d) => d.narvard?.vardeord);
    report.malbild = {
      considered: living.length,
      perspectives: cover(config.malbild.perspektiv, (d) => d.narvard?.perspektiv),
      vardeord,
      unserved: vardeord.filter((v) => v.docs.length === 0).map((v) => v.name),
    };
  }
  return report;
}

/** The report's facts, one part per document set. */
export function buildStatusReport(loaded: LoadedDocuments, options: ReportOptions): StatusReport {
  const sets = loaded.sets
    .map((set) => ({ set, docs: loaded.docs.filter((d) => d.loaded === set.loaded) }))
    .filter((s) => s.docs.length > 0)
    .map((s) => setReport(s.docs, s.set.loaded.config, options));
  return { asOf: options.asOf, since: options.since, within: options.within, sets };
}
