/**
 * The first steps of a revision round as careful edits (design §3): a new
 * version begun on a fastställd document (`revise --start`), sent on remiss
 * (`consult`), and the parties' answers (`respond`). The decision and the
 * parties' adoptions are lifecycle-decide.ts, the repeal lifecycle-repeal.ts.
 *
 * Each plan takes the file's text and its parsed front matter, refuses a step
 * that does not fit the document's status (a UsageError: exit 2, with what to
 * do instead), and returns the new text; the command validates and writes it
 * (src/cli/edit-document.ts). Nobody has to edit a lifecycle field by hand.
 */
import type { Lang } from "../../core/types.js";
import type { SamdokConfig } from "../../core/config-model.js";
import { partyCodes, partyName } from "../../core/config-model.js";
import type { Remissvar, SamDoc, Standpunkt } from "../../core/document.js";
import { bumpVersion } from "../../core/document-version.js";
import { checkParty, checkText, editing, editor, finish, KEY_ORDER, notInFuture, partyLabel, refuse } from "./lifecycle-common.js";

/** The decision fields of a version: they go when a new version is begun, and stay in git. */
const DECISION_FIELDS = ["faststalld_av", "faststalld_datum", "beslutsparagraf"] as const;

export interface StartPlan {
  text: string;
  from: string;
  to: string;
  /** Set when the version left behind was decided but had not come into force yet (its `giltig_fran`). */
  notYetValid?: string;
}

/** Why a step needs a fastställd document, said for the status it found. */
function notDecided(doc: SamDoc, lang: Lang): Error {
  return doc.status === "upphävd"
    ? refuse(
        `${doc.id} är upphävt och revideras inte. Skapa ett nytt dokument som ersätter det (samdok new).`,
        `${doc.id} is repealed and is not revised. Create a new document that replaces it (samdok new).`,
        lang,
      )
    : refuse(
        `${doc.id} har redan en version under arbete (version ${doc.version}, status ${doc.status}). Fortsätt med den: samdok consult ${doc.id} --until ÅÅÅÅ-MM-DD för remiss, eller samdok decide ${doc.id} --body … --paragraph … när den fastställs.`,
        `${doc.id} already has a version in progress (version ${doc.version}, status ${doc.status}). Continue with it: samdok consult ${doc.id} --until YYYY-MM-DD for consultation, or samdok decide ${doc.id} --body … --paragraph … when it is decided.`,
        lang,
      );
}

/**
 * Begins a new version of a fastställd document: status utkast, the next
 * version (2.0 → 2.1, or 3.0 with `major`), and the decision fields of the
 * old version removed (they stay in git). Validity, revise-by date,
 * follow-ups and adoptions stay: the old version applies until the new one
 * is decided, and the adoptions are its history. No change-history line is
 * written yet: the new version's line is its decision (`decide`).
 */
export function planStart(text: string, doc: SamDoc, options: { major: boolean; today: string; lang: Lang }): StartPlan {
  const { lang } = options;
  if (doc.status !== "fastställd") throw notDecided(doc, lang);
  const to = bumpVersion(doc.version, options.major);
  const ed = editor(text, lang);
  editing(ed, lang, (e) => {
    e.setTopLevelKeys({ status: "utkast", version: to }, KEY_ORDER);
    for (const field of DECISION_FIELDS) e.removeTopLevel(field);
  });
  const plan: StartPlan = { text: finish(ed, lang), from: doc.version, to };
  if (doc.giltig_fran !== undefined && doc.giltig_fran > options.today) plan.notYetValid = doc.giltig_fran;
  return plan;
}

export interface ConsultPlan {
  text: string;
  from: string;
  until: string;
  version: string;
  /** The parties the document went to (all of them, after this step). */
  instanser: string[];
  /** Set when the document was already on remiss: the end of the period before. */
  previousUntil?: string;
  /** The parties added to a remiss already under way. */
  added: string[];
}

/**
 * Sends a draft on remiss (status remiss and a `remiss` block with the
 * period, the version sent and the parties), or, on a document already on
 * remiss, changes the period: a new last day, a new first day when given,
 * and parties added to those consulted. Party codes are checked against the
 * configuration; without `to` the remiss goes to the document's parties.
 */
export function planConsult(
  text: string,
  doc: SamDoc,
  config: SamdokConfig,
  options: { until: string; from?: string; to?: readonly string[]; today: string; lang: Lang },
): ConsultPlan {
  const { lang, until } = options;
  if (doc.status === "fastställd" || doc.status === "upphävd") {
    throw doc.status === "upphävd"
      ? refuse(`${doc.id} är upphävt och skickas inte på remiss.`, `${doc.id} is repealed and is not sent on consultation.`, lang)
      : refuse(
          `${doc.id} är fastställt (version ${doc.version}). Påbörja en ny version innan den skickas på remiss: samdok revise ${doc.id} --start (eller --start --major).`,
          `${doc.id} is fastställd (version ${doc.version}). Begin a new version before sending it on consultation: samdok revise ${doc.id} --start (or --start --major).`,
          lang,
        );
  }
  const to = [...new Set((options.to ?? []).map((p) => checkParty(config, p, "--to", lang)))];
  const current = doc.status === "remiss" ? doc.remiss : undefined;
  const from = options.from ?? current?.fran ?? options.today;
  if (options.from !== undefined && current === undefined) {
    notInFuture(options.from, options.today, "--from", { sv: "en remiss", en: "a consultation" }, lang);
  }
  if (until < from) {
    throw refuse(
      `--until ${until} ligger före remissens första dag ${from}. Ange en sista svarsdag ${from} eller senare.`,
      `--until ${until} is before the consultation's first day ${from}. Give a last day to answer on or after ${from}.`,
      lang,
    );
  }
  const ed = editor(text, lang);
  if (current === undefined) {
    const instanser = to.length > 0 ? to : doc.parter.filter((p) => partyCodes(config).includes(p));
    if (instanser.length === 0) {
      throw refuse(
        `${doc.id} har inga parter att skicka remissen till. Ange dem med --to, till exempel --to ${partyCodes(config).slice(0, 2).join(",")}.`,
        `${doc.id} has no parties to consult. Name them with --to, for example --to ${partyCodes(config).slice(0, 2).join(",")}.`,
        lang,
      );
    }
    const block = { fran: from, till: until, version: doc.version, instanser };
    editing(ed, lang, (e) => e.setTopLevelKeys({ status: "remiss", remiss: block }, KEY_ORDER));
    return { text: finish(ed, lang), from, until, version: doc.version, instanser, added: [] };
  }
  const had = current.instanser ?? [];
  const added = to.filter((p) => !had.includes(p));
  editing(ed, lang, (e) => {
    if (until !== current.till) e.setScalar(["remiss", "till"], until);
    if (from !== current.fran) e.setScalar(["remiss", "fran"], from);
    if (added.length > 0 && current.instanser === undefined) e.addToMap(["remiss"], { instanser: added });
    else for (const p of added) e.appendToSeqAt(["remiss", "instanser"], p);
  });
  return {
    text: finish(ed, lang),
    from,
    until,
    version: current.version ?? doc.version,
    instanser: [...had, ...added],
    previousUntil: current.till,
    added,
  };
}

export interface RespondPlan {
  text: string;
  answer: Remissvar;
  /** The same party's answer before this one, which this one replaces. */
  replaces?: Remissvar;
  /** Set when the answer came after the last day (`remiss.till`). */
  late?: string;
  /** The consulted parties that have answered, after this answer, and those consulted. */
  answered: string[];
  consulted: string[];
}

/**
 * Records a party's answer to the remiss: appended to `remiss.svar`, a
 * second answer from the same party too (the latest counts). Only on a
 * document on remiss; the party must be a configured one, and one of the
 * document's parties or of those consulted (what SD113 asks).
 */
export function planRespond(
  text: string,
  doc: SamDoc,
  config: SamdokConfig,
  options: { party: string; position: Standpunkt; date: string; registration?: string; comment?: string; today: string; lang: Lang },
): RespondPlan {
  const { lang, date } = options;
  const remiss = doc.remiss;
  if (doc.status !== "remiss" || remiss === undefined) {
    const next =
      doc.status === "utkast"
        ? {
            sv: `Skicka det på remiss först: samdok consult ${doc.id} --until ÅÅÅÅ-MM-DD.`,
            en: `Send it on consultation first: samdok consult ${doc.id} --until YYYY-MM-DD.`,
          }
        : { sv: "Remissvar registreras medan dokumentet är på remiss.", en: "Answers are recorded while the document is on consultation." };
    throw refuse(
      `${doc.id} är inte på remiss (status ${doc.status}). ${next.sv}`,
      `${doc.id} is not on consultation (status ${doc.status}). ${next.en}`,
      lang,
    );
  }
  const party = checkParty(config, options.party, "--party", lang);
  const codes = partyCodes(config);
  const consulted = (remiss.instanser ?? []).filter((p) => codes.includes(p));
  // As SD113 asks: one of the document's parties, or one of the consulted (by code or by name).
  const fold = (s: string): string => s.trim().toLocaleLowerCase("sv");
  const asked = (remiss.instanser ?? []).map(fold);
  if (!doc.parter.includes(party) && !asked.includes(fold(party)) && !asked.includes(fold(partyName(config, party)))) {
    throw refuse(
      `${partyLabel(config, party)} fick inte remissen: parten står varken bland dokumentets parter eller bland remissinstanserna. Rätta --party, eller lägg till parten först: samdok consult ${doc.id} --until ${remiss.till} --to ${party}.`,
      `${partyLabel(config, party)} was not consulted: the party is neither among the document's parties nor among the consulted. Correct --party, or add the party first: samdok consult ${doc.id} --until ${remiss.till} --to ${party}.`,
      lang,
    );
  }
  notInFuture(date, options.today, "--date", { sv: "ett remissvar", en: "an answer" }, lang);
  if (date < remiss.fran) {
    throw refuse(
      `--date ${date} ligger före remissens början ${remiss.fran}. Ange dagen då svaret kom in.`,
      `--date ${date} is before the consultation began on ${remiss.fran}. Give the day the answer arrived.`,
      lang,
    );
  }
  const answer: Remissvar = { part: party, datum: date, standpunkt: options.position };
  if (options.registration !== undefined) answer.diarienummer = checkText(options.registration, "--registration", 1, 40, lang);
  if (options.comment !== undefined) answer.kommentar = checkText(options.comment, "--comment", 2, 2000, lang);
  const before = remiss.svar ?? [];
  const replaces = before.filter((s) => s.part === party).at(-1);
  const ed = editor(text, lang);
  editing(ed, lang, (e) => e.appendToSeqAt(["remiss", "svar"], { ...answer }));
  const answered = [...new Set([...before.map((s) => s.part), party])];
  const plan: RespondPlan = {
    text: finish(ed, lang),
    answer,
    answered: consulted.length > 0 ? consulted.filter((p) => answered.includes(p)) : answered,
    consulted,
  };
  if (replaces) plan.replaces = replaces;
  if (date > remiss.till) plan.late = remiss.till;
  return plan;
}
