/**
 * The status report for the steering group (Länsstyrgruppen): the figures,
 * what was decided since a date, what is due, which version applies to each
 * party of each agreement, how a remiss has been answered, and how the set
 * serves the målbild. This module only gathers the facts; markdown.ts and
 * html.ts write them, with the words shared in text.ts.
 */
import { DOCUMENT_TYPES, partyName, trackName, type DocumentType, type SamdokConfig } from "../../core/config.js";
import { TYPE_ORDER, type SamDoc, type Status } from "../../core/document.js";
import { isIsoDate } from "../../core/dates.js";
import { currentVersion, needsAdoption, partyVersion } from "../../core/party-version.js";
import { collectDue } from "../list/collect.js";
import { mergeOwners } from "../list/model.js";
import { remissTally, type RemissTally } from "../list/remiss-answers.js";
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
  /** For a document on remiss: who has answered, and how. */
  tally?: RemissTally;
}

export interface FollowupDone extends DocRef {
  planned: string;
  done: string;
  description: string;
  result?: string;
}

/** current: follows the decided version; older: follows an older one; none: has adopted no version. */
export type AdoptionState = "current" | "older" | "none";

export interface PartyAdoption {
  code: string;
  name: string;
  state: AdoptionState;
  /** The version that applies to the party (its adoption, carried forward over editorial changes). */
  applies?: string;
  /** True when `applies` is newer than the adopted version: editorial changes need no new adoption. */
  coveredByEditorial: boolean;
  /** The adopted version, and the decision that adopted it. */
  version?: string;
  date?: string;
  organ?: string;
  paragraf?: string;
  diarienummer?: string;
}

export interface Adoption extends DocRef {
  /** The decided version the parties are asked to follow. */
  version: string;
  status: Status;
  /** When the decided version is valid only from a date after the report date. */
  validFrom?: string;
  /** For a draft or a document on remiss: the version being worked on, while `version` still applies. */
  inProgress?: string;
  parties: PartyAdoption[];
  /** How many parties follow `version`. */
  following: number;
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

/**
 * Which version applies to each of the document's parties (`partyVersion`,
 * core/party-version.ts): its latest adoption, or the version an editorial
 * change carried that adoption forward to.
 */
export function adoptionOf(doc: SamDoc, config: SamdokConfig): PartyAdoption[] {
  return doc.parter.map((code) => {
    const pv = partyVersion(doc, code);
    const entry: PartyAdoption = {
      code,
      name: partyName(config, code),
      state: pv.current ? "current" : pv.applies !== undefined ? "older" : "none",
      coveredByEditorial: pv.coveredByEditorial,
    };
    if (pv.applies !== undefined) entry.applies = pv.applies;
    const a = pv.adopted;
    if (a) {
      entry.version = a.version;
      entry.date = a.datum;
      entry.organ = a.organ;
      if (a.paragraf !== undefined) entry.paragraf = a.paragraf;
      if (a.diarienummer !== undefined) entry.diarienummer = a.diarienummer;
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
      if (d.doc.status === "remiss" && d.doc.remiss) {
        entry.remissTill = d.doc.remiss.till;
        entry.tally = remissTally(d.doc.remiss, config);
      }
      return entry;
    })
    .sort((a, b) => STATUS_ORDER.indexOf(b.status) - STATUS_ORDER.indexOf(a.status) || a.id.localeCompare(b.id));
  const repealed = docs
    .filter((d) => d.doc.status === "upphävd" && inPeriod(d.doc.upphavd_datum, since, asOf))
    .map((d) => ({ ...ref(d), date: d.doc.upphavd_datum ?? "" }))
    .sort(byDateThenId((c) => c.date));

  // One row per task: an item of a document with several roles names them all. The parties'
  // adoptions and remiss answers have their own sections, so their items are not repeated here.
  const due = mergeOwners(collectDue(docs, asOf, within).items);
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

  // Agreements in force, and those being revised while an earlier decided version still applies.
  const adoption: Adoption[] = docs
    .filter((d) => d.doc.status !== "upphävd" && needsAdoption(d.doc) && currentVersion(d.doc) !== undefined)
    .sort((a, b) => TYPE_ORDER.indexOf(a.doc.dokumenttyp) - TYPE_ORDER.indexOf(b.doc.dokumenttyp) || a.doc.id.localeCompare(b.doc.id))
    .map((d) => {
      const parties = adoptionOf(d.doc, config);
      const entry: Adoption = {
        ...ref(d),
        version: currentVersion(d.doc) ?? d.doc.version,
        status: d.doc.status,
        parties,
        following: parties.filter((p) => p.state === "current").length,
      };
      if (d.doc.status === "fastställd" && isIsoDate(d.doc.giltig_fran) && d.doc.giltig_fran > asOf) entry.validFrom = d.doc.giltig_fran;
      if (d.doc.status !== "fastställd") entry.inProgress = d.doc.version;
      return entry;
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
    revisions: due.filter((i) => i.kind === "revision" || i.kind === "expiry" || i.kind === "remiss"),
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
