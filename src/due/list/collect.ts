/**
 * Collects what needs attention: revisions, follow-ups not yet done, validity
 * ending, consultations past their end, parties that have not adopted the
 * decided version, and parties whose remiss answer is missing after the
 * remiss end. Pure apart from loading: the clock comes in as a calendar date,
 * and all arithmetic is on dates.
 */
import type { Lang } from "../../core/types.js";
import { DOCUMENT_TYPES, partyName, roleName, trackName, type LoadedConfig } from "../../core/config.js";
import type { LoadedDocument } from "../../core/loaded-document.js";
import { addDays, daysBetween, isIsoDate } from "../../core/dates.js";
import { UsageError } from "../../core/errors.js";
import { closest } from "../../core/suggest.js";
import { pick } from "../../i18n/text.js";
import { needsAdoption, partyVersions } from "../../core/party-version.js";
import type { DueItem, DueKind, DueList } from "./model.js";
import { missingPartyAnswers } from "./remiss-answers.js";

/** The default window: the sets' `bevakning.inom_dagar` (the largest when they differ), else 90 days. */
export function defaultWithin(sets: readonly { config: LoadedConfig["config"] }[]): number {
  const values = sets.map((s) => s.config.bevakning?.inom_dagar).filter((v): v is number => typeof v === "number");
  return values.length > 0 ? Math.max(...values) : 90;
}

/** The longest window, ten years: more is a typo, not a plan. */
export const MAX_WITHIN_DAYS = 3660;

/** Days per unit of --within; a month is 30 days and a year 365, as a person counts ahead. */
const WITHIN_UNITS: readonly [RegExp, number][] = [
  [/^(d|dag|dagar|day|days)$/, 1],
  [/^(w|v|vecka|veckor|week|weeks)$/, 7],
  [/^(m|mån|månad|månader|man|manad|manader|mo|month|months)$/, 30],
  [/^(å|år|ar|y|yr|year|years)$/, 365],
];

/** Is the word a unit of --within ("månader", "år", "weeks")? For `--within 3 månader` written without quotes. */
export function isWithinUnit(word: string): boolean {
  const w = word.trim().toLowerCase();
  return w !== "" && WITHIN_UNITS.some(([re]) => re.test(w));
}

/** A calendar is read a year ahead: its window is at least this, unless --within says otherwise. */
export const CALENDAR_WITHIN_DAYS = 365;

/**
 * "90d", "90", "12w"/"12v" (weeks), "3 månader"/"3m" (months, 30 days), "1 år"/"1y" (365 days) → days;
 * anything else is a usage error. The configuration speaks of review intervals in months, so may the flag.
 */
export function parseWithin(value: string, lang: Lang): number {
  const m = /^\s*(\d{1,5})\s*(\p{L}*)\s*$/u.exec(value);
  const unit = (m?.[2] ?? "").toLowerCase();
  const perUnit = unit === "" ? 1 : WITHIN_UNITS.find(([re]) => re.test(unit))?.[1];
  if (!m || perUnit === undefined) {
    throw new UsageError(
      pick(
        {
          sv: `--within "${value}" går inte att läsa. Ange dagar, veckor, månader eller år, till exempel --within 90d, --within 12v, --within 6m eller --within 1år.`,
          en: `--within "${value}" cannot be read. Give days, weeks, months or years, for example --within 90d, --within 12w, --within 6m or --within 1y.`,
        },
        lang,
      ),
    );
  }
  const days = Number(m[1]) * perUnit;
  if (days > MAX_WITHIN_DAYS) {
    throw new UsageError(
      pick(
        {
          sv: `--within ${value} är för långt; ange högst ${MAX_WITHIN_DAYS} dagar (tio år).`,
          en: `--within ${value} is too long; give at most ${MAX_WITHIN_DAYS} days (ten years).`,
        },
        lang,
      ),
    );
  }
  return days;
}

/** Page names the HTML edition keeps for itself; a document with such an id is `dokument-<id>.html` (render/html/anchors.ts). */
const EDITION_PAGES = new Set(["index", "samlad-utgava", "innehall"]);

/**
 * The document's page in the published edition: `<adress>/<id>.html`, as
 * `samdok build` names the page of a document whose id is unique in the
 * edition. Undefined without an address.
 */
export function editionPage(address: string | undefined, id: string): string | undefined {
  if (address === undefined || address.trim() === "") return undefined;
  const name = EDITION_PAGES.has(id) ? `dokument-${id}` : id;
  const base = address.trim().endsWith("/") ? address.trim() : `${address.trim()}/`;
  return `${base}${encodeURIComponent(name)}.html`;
}

/**
 * The items of one document as of a date. An upphävd document is never due.
 * Revision, validity, follow-ups and adoptions concern fastställda documents
 * (a draft's dates are plans, not duties); a document on remiss has its
 * remiss end, and once that has passed, one item per party that was asked
 * (a party code in `remiss.instanser`) and has not answered.
 *
 * An adoption item is one party of a document that asks for adoption
 * (`needsAdoption`) that does not follow the decided version, editorial
 * changes counted (`partyVersion`). It falls due when the version becomes
 * valid (`giltig_fran`, else the decision date): a version decided to apply
 * from a later date shows up as coming, so the parties can adopt it in time.
 */
export function itemsOf(entry: LoadedDocument, asOf: string, within: number): DueItem[] {
  const { doc, loaded, result } = entry;
  if (doc.status === "upphävd") return [];
  const horizon = addDays(asOf, within);
  const config = loaded.config;
  const url = editionPage(config.utgava?.adress, doc.id);
  const out: DueItem[] = [];
  // An item of a document with several responsible roles is on each role's list.
  const add = (kind: DueKind, date: unknown, owner: string | string[] | undefined, extra: Partial<DueItem> = {}): void => {
    if (!isIsoDate(date) || date > horizon) return;
    const ids = owner === undefined ? [""] : typeof owner === "string" ? [owner] : owner.length > 0 ? owner : [""];
    for (const ownerId of ids) push(kind, date, ownerId, extra);
  };
  const push = (kind: DueKind, date: string, ownerId: string, extra: Partial<DueItem>): void => {
    out.push({
      id: doc.id,
      file: result.file,
      title: doc.titel,
      kind,
      date,
      state: date < asOf ? "overdue" : "due",
      daysLeft: daysBetween(asOf, date),
      owner: ownerId,
      ownerName: ownerId ? roleName(config, ownerId) : "",
      spar: doc.spar,
      sparName: trackName(config, doc.spar),
      dokumenttyp: doc.dokumenttyp,
      status: doc.status,
      set: config.namn ?? config.region.namn,
      ...(url !== undefined ? { url } : {}),
      ...extra,
    });
  };
  if (doc.status === "fastställd") {
    add("revision", doc.revideras_senast, doc.dokumentansvarig);
    if (doc.giltig_till !== "tills vidare") add("expiry", doc.giltig_till, doc.dokumentansvarig);
    (doc.uppfoljning ?? []).forEach((u, i) => {
      if (u.genomford !== undefined) return;
      add("follow-up", u.datum, u.ansvarig ?? doc.dokumentansvarig, { detail: u.beskrivning, index: i + 1 });
    });
    if (needsAdoption(doc)) {
      const decided = doc.andringshistorik?.find((a) => a.version === doc.version)?.datum;
      const date = doc.giltig_fran ?? doc.faststalld_datum ?? decided;
      for (const { party, version } of partyVersions(doc)) {
        if (version.current) continue;
        const name = partyName(config, party);
        add("adoption", date, doc.dokumentansvarig, {
          party,
          partyName: name,
          version: doc.version,
          detail: `${name}, version ${doc.version}`,
        });
      }
    }
  }
  // While a new version is drafted or on remiss, the version in force (from git) still has its duties:
  // its revision date and validity; its open follow-ups are the ones the draft carries forward.
  if ((doc.status === "utkast" || doc.status === "remiss") && entry.inForce) {
    const inForce = entry.inForce.doc;
    const detail = `version ${entry.inForce.version} (${doc.version}: ${doc.status})`;
    add("revision", inForce.revideras_senast, doc.dokumentansvarig, { detail });
    if (inForce.giltig_till !== "tills vidare") add("expiry", inForce.giltig_till, doc.dokumentansvarig, { detail });
    (doc.uppfoljning ?? []).forEach((u, i) => {
      if (u.genomford !== undefined) return;
      add("follow-up", u.datum, u.ansvarig ?? doc.dokumentansvarig, { detail: u.beskrivning, index: i + 1 });
    });
  }
  if (doc.status === "remiss") {
    add("remiss", doc.remiss?.till, doc.dokumentansvarig);
    const remiss = doc.remiss;
    if (remiss && isIsoDate(remiss.till) && remiss.till < asOf) {
      for (const missing of missingPartyAnswers(remiss, config)) {
        add("remiss-answer", remiss.till, doc.dokumentansvarig, {
          party: missing.instans,
          partyName: missing.name,
          detail: missing.name,
          ...(remiss.version !== undefined ? { version: remiss.version } : {}),
        });
      }
    }
  }
  return out;
}

export function compareItems(a: DueItem, b: DueItem): number {
  return (
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    a.kind.localeCompare(b.kind) ||
    (a.index ?? 0) - (b.index ?? 0) ||
    a.file.localeCompare(b.file)
  );
}

export interface DueFilters {
  owner?: string;
  spar?: string[];
  type?: string[];
}

/** All items of the documents as of `asOf`, sorted by date, then id. */
export function collectDue(docs: readonly LoadedDocument[], asOf: string, within: number, filters: DueFilters = {}): DueList {
  const items = docs
    .filter((d) => !filters.spar?.length || filters.spar.includes(d.doc.spar))
    .filter((d) => !filters.type?.length || filters.type.includes(d.doc.dokumenttyp))
    .flatMap((d) => itemsOf(d, asOf, within))
    .filter((i) => filters.owner === undefined || i.owner === filters.owner)
    .sort(compareItems);
  return { asOf, within, items };
}

/** Folds "overenskommelse" to "överenskommelse": types may be typed without å, ä, ö. */
function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function unknownValue(flag: string, value: string, known: readonly string[], lang: Lang): UsageError {
  const guess = closest(value, known);
  const list = known.join(", ");
  return new UsageError(
    pick(
      {
        sv: `${flag} "${value}" finns inte.${guess ? ` Menade du ${guess}?` : ""} Möjliga värden: ${list}.`,
        en: `${flag} "${value}" does not exist.${guess ? ` Did you mean ${guess}?` : ""} Possible values: ${list}.`,
      },
      lang,
    ),
  );
}

/**
 * Checks filter values against the sets' configurations; accepts ids or names
 * (without å, ä, ö as well) and returns the ids. Unknown values are usage errors.
 */
export function resolveFilters(
  raw: { owner?: string; spar?: string[]; type?: string[] },
  configs: readonly LoadedConfig["config"][],
  lang: Lang,
): DueFilters {
  const out: DueFilters = {};
  const match = (value: string, entries: { id: string; namn: string }[]): string | undefined => {
    const v = fold(value.trim());
    return entries.find((e) => fold(e.id) === v || fold(e.namn) === v)?.id;
  };
  if (raw.owner !== undefined) {
    const roles = configs.flatMap((c) => c.roller);
    const id = match(raw.owner, roles);
    if (!id) throw unknownValue("--owner", raw.owner, [...new Set(roles.map((r) => r.id))], lang);
    out.owner = id;
  }
  if (raw.spar?.length) {
    const tracks = configs.flatMap((c) => c.spar);
    out.spar = raw.spar.map((s) => {
      const id = match(s, tracks);
      if (!id) throw unknownValue("--spar", s, [...new Set(tracks.map((t) => t.id))], lang);
      return id;
    });
  }
  if (raw.type?.length) {
    out.type = raw.type.map((t) => {
      const found = DOCUMENT_TYPES.find((d) => fold(d) === fold(t.trim()));
      if (!found) throw unknownValue("--type", t, DOCUMENT_TYPES, lang);
      return found;
    });
  }
  return out;
}
