/**
 * Which version of a document applies on a date, and which is on its way.
 * Pure: it works on the records a timeline holds (timeline.ts), so due,
 * report and the editions answer the same question the same way.
 *
 * A version is in force on day D when it was decided (status fastställd, or
 * upphävd: a repealed document was decided before it was repealed), its own
 * validity covers D (`giltig_fran` ≤ D ≤ `giltig_till`, or "tills vidare") and
 * it had been decided by D (the date of its change-history line, else
 * `faststalld_datum`). Of those, the highest version wins: a new version
 * replaces the old from its own `giltig_fran`. When the newest state says
 * the document is repealed on or before D, nothing is in force, so a version
 * decided but repealed before it came into force never applies.
 */
import { isIsoDate } from "../dates.js";
import { compareDocumentVersions, isDocumentVersion, parseDocumentVersion } from "../document-version.js";
import type { VersionRecord } from "./timeline.js";

function dateOf(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return isIsoDate(v) ? v : undefined;
}

/** The day a version was decided: its change-history line's date, else `faststalld_datum`. */
export function decisionDate(record: Pick<VersionRecord, "data" | "version">): string | undefined {
  const history = record.data.andringshistorik;
  if (Array.isArray(history)) {
    for (let i = history.length - 1; i >= 0; i--) {
      const h = history[i] as Record<string, unknown> | null;
      if (h && typeof h === "object" && h.version === record.version && isIsoDate(h.datum)) return h.datum;
    }
  }
  return dateOf(record.data, "faststalld_datum");
}

/** True when the record was a decided version (fastställd, or later repealed). */
export function isDecided(record: Pick<VersionRecord, "status">): boolean {
  return record.status === "fastställd" || record.status === "upphävd";
}

/** True when the record's own validity and decision cover `date`. */
export function coversDate(record: VersionRecord, date: string): boolean {
  if (!isDecided(record)) return false;
  const from = dateOf(record.data, "giltig_fran");
  const until = record.data.giltig_till;
  const decided = decisionDate(record);
  if (from === undefined || from > date) return false;
  if (decided !== undefined && decided > date) return false;
  if (until === "tills vidare") return true;
  return isIsoDate(until) && until >= date;
}

/** The repeal the newest state records, when it has taken effect on `date`. */
export function repealOn(records: readonly VersionRecord[], date: string): { date: string; replacedBy?: string } | undefined {
  const newest = records[records.length - 1];
  if (!newest || newest.status !== "upphävd") return undefined;
  const on = dateOf(newest.data, "upphavd_datum");
  if (on === undefined || on > date) return undefined;
  const by = newest.data.ersatts_av;
  return typeof by === "string" ? { date: on, replacedBy: by } : { date: on };
}

/** The version in force on `date` (records oldest first), or undefined when none is. */
export function versionInForce(records: readonly VersionRecord[], date: string): VersionRecord | undefined {
  if (repealOn(records, date)) return undefined;
  let best: VersionRecord | undefined;
  for (const r of records) {
    // A version that is no version ("2", "::error…") is never in force: it cannot be ordered against the others.
    if (!isDocumentVersion(r.version) || !coversDate(r, date)) continue;
    if (!best || (compareDocumentVersions(r.version, best.version) ?? 0) >= 0) best = r;
  }
  return best;
}

export type ComingKind = "utkast" | "remiss" | "beslutad";

export interface ComingVersion {
  kind: ComingKind;
  record: VersionRecord;
  /** For remiss: the last day to answer; for beslutad: the day it comes into force. */
  date?: string;
}

/**
 * The version on its way on `date`: the newest state when it is newer than
 * the version in force (or there is none) and is a draft, on remiss, or
 * decided but not yet valid. Undefined when nothing is coming.
 */
export function comingVersion(records: readonly VersionRecord[], date: string): ComingVersion | undefined {
  const newest = records[records.length - 1];
  if (!newest || repealOn(records, date)) return undefined;
  const inForce = versionInForce(records, date);
  if (inForce === newest) return undefined;
  if (inForce && (compareDocumentVersions(newest.version, inForce.version) ?? 1) <= 0) return undefined;
  if (newest.status === "utkast") return { kind: "utkast", record: newest };
  if (newest.status === "remiss") {
    const remiss = newest.data.remiss as Record<string, unknown> | undefined;
    const till = remiss && typeof remiss === "object" ? dateOf(remiss, "till") : undefined;
    return till ? { kind: "remiss", record: newest, date: till } : { kind: "remiss", record: newest };
  }
  if (newest.status === "fastställd") {
    const from = dateOf(newest.data, "giltig_fran");
    if (from !== undefined && from > date) return { kind: "beslutad", record: newest, date: from };
    const decided = decisionDate(newest);
    if (decided !== undefined && decided > date) return { kind: "beslutad", record: newest, date: decided };
  }
  return undefined;
}

export type DocumentState =
  | { kind: "in-force"; record: VersionRecord; coming?: ComingVersion }
  | { kind: "repealed"; date: string; replacedBy?: string }
  | { kind: "not-yet"; coming?: ComingVersion };

/** What a document is on `date`: a version in force (perhaps with one coming), repealed, or not yet decided or valid. */
export function stateOn(records: readonly VersionRecord[], date: string): DocumentState {
  const repeal = repealOn(records, date);
  if (repeal) return { kind: "repealed", ...repeal };
  const record = versionInForce(records, date);
  const coming = comingVersion(records, date);
  if (record) return coming ? { kind: "in-force", record, coming } : { kind: "in-force", record };
  return coming ? { kind: "not-yet", coming } : { kind: "not-yet" };
}

/**
 * Whether a coming version was under way on `date` by its own dates, for a
 * point in time (`--as-of`): a remiss that had started and not yet ended, or a
 * decision already taken. A draft leaves no date, so it is never announced
 * then. What is announced as of a date is thus the same whatever day it is
 * asked (today's view, without --as-of, announces whatever the working copy is).
 */
export function underWayOn(coming: ComingVersion, date: string): boolean {
  switch (coming.kind) {
    case "utkast":
      return false;
    case "remiss": {
      const remiss = coming.record.data.remiss as Record<string, unknown> | undefined;
      const from = remiss && typeof remiss === "object" ? remiss.fran : undefined;
      return isIsoDate(from) && from <= date && (coming.date === undefined || date <= coming.date);
    }
    case "beslutad": {
      const decided = decisionDate(coming.record);
      return decided !== undefined && decided <= date;
    }
  }
}

/**
 * The decided versions a document's own change history names before its
 * current one (1.0 or later: 0.x drafts never applied). For a draft outside
 * git or in a shallow clone: a version that may still apply, but whose text
 * cannot be read.
 */
export function earlierDecidedVersions(doc: { version?: unknown; andringshistorik?: readonly { version: string }[] }): string[] {
  return (doc.andringshistorik ?? [])
    .map((a) => a.version)
    .filter((v) => (parseDocumentVersion(v)?.[0] ?? 0) >= 1 && (compareDocumentVersions(v, doc.version) ?? 0) < 0);
}
