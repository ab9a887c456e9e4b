/**
 * The parties' adoptions as a careful edit (design §3): after the joint body
 * has decided a version (lifecycle-decide.ts), each party adopts it in its own
 * nämnd, and until it has, it follows the version it adopted before.
 *
 * Which versions are decided is read from the change history (the working
 * copy is all these edits know; git keeps the rest, src/core/history/); which
 * version each party follows is src/core/party-version.ts, as the report and
 * `samdok due` read it.
 */
import type { Lang } from "../../core/types.js";
import type { SamdokConfig } from "../../core/config-model.js";
import type { Antagande, SamDoc } from "../../core/document.js";
import { currentVersion, partyVersion } from "../../core/party-version.js";
import { isIsoDate } from "../../core/dates.js";
import { compareDocumentVersions, parseDocumentVersion } from "../../core/document-version.js";
import { checkParty, checkText, editing, editor, finish, KEY_ORDER, notInFuture, partyLabel, refuse } from "./lifecycle-common.js";

/** The decided versions the change history shows: 1.0 or later, and older than a version still in progress. */
export function decidedVersions(doc: SamDoc): string[] {
  const inProgress = doc.status === "utkast" || doc.status === "remiss";
  const versions = (doc.andringshistorik ?? [])
    .map((h) => h.version)
    .filter((v) => (parseDocumentVersion(v)?.[0] ?? 0) >= 1)
    .filter((v) => !inProgress || (compareDocumentVersions(v, doc.version) ?? 0) < 0);
  if (!inProgress && !versions.includes(doc.version) && isIsoDate(doc.faststalld_datum)) versions.push(doc.version);
  return versions;
}

/** The date a version was decided: its change-history line, else `faststalld_datum` for the current one. */
export function decisionDate(doc: SamDoc, version: string): string | undefined {
  const line = (doc.andringshistorik ?? []).find((h) => h.version === version);
  if (line) return line.datum;
  return version === doc.version ? doc.faststalld_datum : undefined;
}

export interface AdoptPlan {
  text: string;
  adoption: Antagande;
  /** The current decided version (src/core/party-version.ts), after this step. */
  current?: string;
  /** The document's parties that follow the current version after this step, and those that do not. */
  following: string[];
  remaining: string[];
}

/**
 * Records a party's adoption in its own body: appended to `antaganden`, for
 * the current decided version (`currentVersion`: while a new version is in
 * progress, the one before it) or the decided version asked for. Refused for a version not
 * decided, for a party not among the document's parties, and when the party
 * already adopted that version.
 */
export function planAdopt(
  text: string,
  doc: SamDoc,
  config: SamdokConfig,
  options: {
    party: string;
    body: string;
    date: string;
    paragraph?: string;
    registration?: string;
    version?: string;
    today: string;
    lang: Lang;
  },
): AdoptPlan {
  const { lang, date } = options;
  if (doc.status === "upphävd") {
    throw refuse(`${doc.id} är upphävt och antas inte.`, `${doc.id} is repealed and is not adopted.`, lang);
  }
  const party = checkParty(config, options.party, "--party", lang);
  if (!doc.parter.includes(party)) {
    throw refuse(
      `${partyLabel(config, party)} står inte bland dokumentets parter (${doc.parter.join(", ")}). Bara en part antar dokumentet; rätta --party, eller lägg till parten i parter.`,
      `${partyLabel(config, party)} is not among the document's parties (${doc.parter.join(", ")}). Only a party adopts the document; correct --party, or add the party to parter.`,
      lang,
    );
  }
  const organ = checkText(options.body, "--body", 2, 120, lang);
  const decided = decidedVersions(doc);
  const version = options.version ?? currentVersion(doc) ?? decided.at(-1);
  if (version === undefined) {
    throw refuse(
      `${doc.id} har ingen fastställd version än (version ${doc.version}, status ${doc.status}). Parterna antar dokumentet när det har fastställts (samdok decide).`,
      `${doc.id} has no decided version yet (version ${doc.version}, status ${doc.status}). The parties adopt the document once it is decided (samdok decide).`,
      lang,
    );
  }
  if (!decided.includes(version)) {
    const pending = version === doc.version && doc.status !== "fastställd";
    throw refuse(
      pending
        ? `Version ${version} är inte fastställd än (status ${doc.status}). Anta den när den har fastställts (samdok decide)${decided.length > 0 ? `, eller anta en fastställd version: ${decided.join(", ")}` : ""}.`
        : `--adopted-version ${version} är ingen fastställd version av ${doc.id}. ${decided.length > 0 ? `Fastställda versioner: ${decided.join(", ")}.` : "Det har ingen fastställd version än."}`,
      pending
        ? `Version ${version} is not decided yet (status ${doc.status}). Adopt it once it is decided (samdok decide)${decided.length > 0 ? `, or adopt a decided version: ${decided.join(", ")}` : ""}.`
        : `--adopted-version ${version} is not a decided version of ${doc.id}. ${decided.length > 0 ? `Decided versions: ${decided.join(", ")}.` : "It has no decided version yet."}`,
      lang,
    );
  }
  const already = (doc.antaganden ?? []).find((a) => a.part === party && a.version === version);
  if (already) {
    throw refuse(
      `${partyLabel(config, party)} har redan antagit version ${version} (${already.datum}, ${already.organ}). Ingenting att lägga till.`,
      `${partyLabel(config, party)} has already adopted version ${version} (${already.datum}, ${already.organ}). Nothing to add.`,
      lang,
    );
  }
  notInFuture(date, options.today, "--date", { sv: "ett antagande", en: "an adoption" }, lang);
  const decidedOn = decisionDate(doc, version);
  if (decidedOn !== undefined && date < decidedOn) {
    throw refuse(
      `--date ${date} ligger före beslutet om version ${version} (${decidedOn}). En part antar en beslutad version: ange dagen för partens beslut, ${decidedOn} eller senare.`,
      `--date ${date} is before version ${version} was decided (${decidedOn}). A party adopts a decided version: give the day of the party's decision, ${decidedOn} or later.`,
      lang,
    );
  }
  const adoption: Antagande = { part: party, organ, datum: date, version };
  if (options.paragraph !== undefined) adoption.paragraf = checkText(options.paragraph, "--paragraph", 1, 40, lang);
  if (options.registration !== undefined) adoption.diarienummer = checkText(options.registration, "--registration", 1, 40, lang);
  const ed = editor(text, lang);
  editing(ed, lang, (e) => {
    if (doc.antaganden === undefined) e.setTopLevelKeys({ antaganden: [{ ...adoption }] }, KEY_ORDER);
    else e.appendToSeqAt(["antaganden"], { ...adoption });
  });
  const after: SamDoc = { ...doc, antaganden: [...(doc.antaganden ?? []), adoption] };
  const following = doc.parter.filter((p) => partyVersion(after, p).current);
  const plan: AdoptPlan = { text: finish(ed, lang), adoption, following, remaining: doc.parter.filter((p) => !following.includes(p)) };
  const current = currentVersion(after);
  if (current !== undefined) plan.current = current;
  return plan;
}
