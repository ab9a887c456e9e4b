/**
 * Which version of a document applies to each party (issue 15, design §2).
 *
 * A joint body decides a version; each party then adopts it in its own nämnd,
 * and until it has, that party still follows the version it adopted before.
 * A purely editorial change (`andringshistorik` entry with `redaktionell:
 * true`) needs no new adoption: an adoption of the version before it covers
 * it. The status report and `samdok due` (items of kind `adoption`) both ask
 * these questions, so the answer lives here, once, as pure functions of the
 * front matter: no clock, no git, no configuration.
 *
 * Versions are compared as numbers (`compareDocumentVersions`), never by the
 * date of the adoption: a party may adopt 1.1 and 2.0 on the same day, and the
 * newer version is the one it follows.
 */
import type { Antagande, SamDoc } from "./document.js";
import { compareDocumentVersions, isDocumentVersion } from "./document-version.js";

/** What one party follows. */
export interface PartyVersion {
  /** The version this party follows: its latest adoption, carried forward over editorial changes. */
  applies?: string;
  /** The party's latest adoption (the newest version it adopted, up to the current one). */
  adopted?: Antagande;
  /** True when `applies` is newer than `adopted.version`: editorial changes carry the adoption forward. */
  coveredByEditorial: boolean;
  /** True when the party follows the document's current decided version. */
  current: boolean;
}

/** Negative, 0 or positive; a value that is not a version sorts first (the schema reports it, SD005). */
const cmp = (a: string, b: string): number => compareDocumentVersions(a, b) ?? (isDocumentVersion(a) ? 1 : isDocumentVersion(b) ? -1 : 0);

/**
 * True for a document whose parties adopt it in their own bodies: an
 * överenskommelse, or any document that keeps an `antaganden` list. Other
 * documents are decided once, by the joint body, and nobody adopts them.
 */
export function needsAdoption(doc: Pick<SamDoc, "dokumenttyp" | "antaganden">): boolean {
  return doc.dokumenttyp === "överenskommelse" || Array.isArray(doc.antaganden);
}

/**
 * The decided version the parties are asked to follow. For a fastställd
 * document it is the document's own version (also when it is valid only from
 * a later date: that is the version to adopt before then). For a draft or a
 * document on remiss it is the newest decided version below the one being
 * worked on, read from `andringshistorik` (versions 1.0 and up) and, when the
 * history is missing, from the adoptions kept as history. Undefined for an
 * upphävd document (nothing applies any more) and for a first draft.
 */
export function currentVersion(doc: Pick<SamDoc, "status" | "version" | "andringshistorik" | "antaganden">): string | undefined {
  if (doc.status === "fastställd") return doc.version;
  if (doc.status === "upphävd") return undefined;
  const decided = [...(doc.andringshistorik ?? []).map((a) => a.version), ...(doc.antaganden ?? []).map((a) => a.version)].filter(
    (v) => isDocumentVersion(v) && !v.startsWith("0.") && (compareDocumentVersions(v, doc.version) ?? 0) < 0,
  );
  return decided.sort(cmp).pop();
}

/**
 * The version `from` is carried forward to by editorial changes, up to and
 * including `upTo` (no limit when undefined): each distinct version after
 * `from` in `andringshistorik`, in version order, whose entries are all
 * `redaktionell: true`, until the first that is not. Only versions the
 * history names count, so a document without a history line for its current
 * version never counts as covered.
 */
export function editorialSuccessor(doc: Pick<SamDoc, "andringshistorik">, from: string, upTo?: string): string {
  const history = doc.andringshistorik ?? [];
  const later = [...new Set(history.map((a) => a.version))]
    .filter((v) => isDocumentVersion(v) && cmp(v, from) > 0 && (upTo === undefined || cmp(v, upTo) <= 0))
    .sort(cmp);
  let reached = from;
  for (const v of later) {
    if (!history.filter((a) => a.version === v).every((a) => a.redaktionell === true)) break;
    reached = v;
  }
  return reached;
}

/**
 * Which version applies to party `party` (a party code from `parter`).
 * The party follows the current decided version if it adopted it, or if it
 * adopted an older version and every change after that one up to the current
 * version was editorial. Otherwise it follows the newest version it adopted,
 * carried forward over any editorial changes that came right after it; or
 * none. Adoptions of a version newer than the current one (a hand-written
 * entry for a version still on remiss) are left out.
 */
export function partyVersion(doc: SamDoc, party: string): PartyVersion {
  const current = currentVersion(doc);
  const mine = (doc.antaganden ?? [])
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.part === party && isDocumentVersion(a.version) && (current === undefined || cmp(a.version, current) <= 0))
    // Newest version first; the same version adopted twice: the later decision, then the later line.
    .sort((x, y) => cmp(y.a.version, x.a.version) || y.a.datum.localeCompare(x.a.datum) || y.index - x.index);
  const adopted = mine[0]?.a;
  if (!adopted) return { coveredByEditorial: false, current: false };
  const applies = editorialSuccessor(doc, adopted.version, current);
  return {
    applies,
    adopted,
    coveredByEditorial: applies !== adopted.version,
    current: current !== undefined && cmp(applies, current) === 0,
  };
}

/** `partyVersion` for each of the document's parties, in the order of `parter`. */
export function partyVersions(doc: SamDoc): { party: string; version: PartyVersion }[] {
  return doc.parter.map((party) => ({ party, version: partyVersion(doc, party) }));
}
