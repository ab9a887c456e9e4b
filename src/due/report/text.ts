/** Words and sentences shared by the Markdown and HTML status reports, so that both say the same. */
import type { Lang } from "../../core/types.js";
import { longDate } from "../../core/dates.js";
import { pick } from "../../i18n/text.js";
import type { Standpunkt } from "../../core/document.js";
import type { RemissEntry, RemissTally } from "../list/remiss-answers.js";
import type { Adoption, PartyAdoption, SetReport, StatusReport } from "./report.js";

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function reportTitle(set: SetReport, lang: Lang): string {
  return pick({ sv: `Statusrapport till ${set.recipient}`, en: `Status report to ${set.recipient}` }, lang);
}

export function periodText(report: StatusReport, lang: Lang): string {
  return pick(
    {
      sv: `Rapportdatum ${longDate(report.asOf, "sv")}. Beslut och uppföljningar räknas från ${longDate(report.since, "sv")}; bevakningen ser ${report.within} dagar framåt.`,
      en: `Report date ${longDate(report.asOf, "en")}. Decisions and follow-ups are counted from ${longDate(report.since, "en")}; due dates look ${report.within} days ahead.`,
    },
    lang,
  );
}

/** The summary bullets at the top. */
export function summaryLines(set: SetReport, report: StatusReport, lang: Lang): string[] {
  const lines: string[] = [];
  const statuses = set.byStatus
    .filter((s) => s.count > 0)
    .map((s) => `${s.label} ${s.count}`)
    .join(", ");
  lines.push(
    pick(
      { sv: `${set.total} dokument (${statuses}).`, en: `${set.total} ${set.total === 1 ? "document" : "documents"} (${statuses}).` },
      lang,
    ),
  );
  const overdue = [...set.revisions, ...set.followups].filter((i) => i.state === "overdue");
  const overdueRev = overdue.filter((i) => i.kind !== "follow-up").length;
  const overdueFu = overdue.length - overdueRev;
  const coming = [...set.revisions, ...set.followups].length - overdue.length;
  lines.push(
    pick(
      {
        sv: `Förfallet: ${overdueRev} ${overdueRev === 1 ? "revidering eller giltighetstid" : "revideringar eller giltighetstider"} och ${overdueFu} ${overdueFu === 1 ? "uppföljning" : "uppföljningar"}. Inom ${report.within} dagar förfaller ${coming} till.`,
        en: `Overdue: ${overdueRev} ${overdueRev === 1 ? "revision or validity end" : "revisions or validity ends"} and ${overdueFu} ${overdueFu === 1 ? "follow-up" : "follow-ups"}. ${coming} more ${coming === 1 ? "falls" : "fall"} due within ${report.within} days.`,
      },
      lang,
    ),
  );
  lines.push(
    pick(
      {
        sv: `${set.changes.length} ${set.changes.length === 1 ? "ny fastställd version" : "nya fastställda versioner"} och ${set.followupsDone.length} ${set.followupsDone.length === 1 ? "genomförd uppföljning" : "genomförda uppföljningar"} sedan ${longDate(report.since, "sv")}.`,
        en: `${set.changes.length} new adopted ${set.changes.length === 1 ? "version" : "versions"} and ${set.followupsDone.length} ${set.followupsDone.length === 1 ? "follow-up" : "follow-ups"} done since ${longDate(report.since, "en")}.`,
      },
      lang,
    ),
  );
  for (const w of set.inProgress) if (w.tally) lines.push(remissSummary(w.title, w.tally, report.asOf, lang));
  for (const a of set.adoption) lines.push(adoptionSentence(a.title, a, lang));
  if (set.malbild) {
    lines.push(
      set.malbild.unserved.length === 0
        ? pick(
            {
              sv: "Varje värdeord i målbilden bärs av minst ett dokument.",
              en: "Every value word of the vision is carried by at least one document.",
            },
            lang,
          )
        : pick(
            {
              sv: `Värdeord som inget dokument bär: ${set.malbild.unserved.join(", ")}.`,
              en: `Value words no document carries: ${set.malbild.unserved.join(", ")}.`,
            },
            lang,
          ),
    );
  }
  return lines;
}

/**
 * "N av M parter följer gällande version 2.1." A party follows the version it
 * adopted or one an editorial change carried its adoption forward to (design
 * §2), so an editorial 2.1 does not read as adopted by nobody. A version
 * valid only from a later date is "antagen" by those who adopted it; a
 * version being revised still applies, and the sentence says what is coming.
 */
export function adoptionSentence(title: string | undefined, a: Adoption, lang: Lang): string {
  const lead = title ? `${title}: ` : "";
  const n = a.following;
  const m = a.parties.length;
  if (a.validFrom !== undefined) {
    return pick(
      {
        sv: `${lead}${n} av ${m} parter har antagit version ${a.version}, som gäller från ${longDate(a.validFrom, "sv")}.`,
        en: `${lead}${n} of ${m} parties have adopted version ${a.version}, valid from ${longDate(a.validFrom, "en")}.`,
      },
      lang,
    );
  }
  const coming =
    a.inProgress === undefined
      ? { sv: "", en: "" }
      : a.status === "remiss"
        ? { sv: `; version ${a.inProgress} är på remiss`, en: `; version ${a.inProgress} is out for consultation` }
        : { sv: `; version ${a.inProgress} är under arbete`, en: `; version ${a.inProgress} is being drafted` };
  return pick(
    {
      sv: `${lead}${n} av ${m} parter följer gällande version ${a.version}${coming.sv}.`,
      en: `${lead}${n} of ${m} parties follow the current version ${a.version}${coming.en}.`,
    },
    lang,
  );
}

/** "Ja" / "Nej": whether the party follows the decided version. */
export function followsText(p: PartyAdoption, lang: Lang): string {
  return p.state === "current" ? pick({ sv: "Ja", en: "Yes" }, lang) : pick({ sv: "Nej", en: "No" }, lang);
}

/** The version that applies to the party: "2.0", "2.1 (redaktionell ändring, antagen 2.0)", or "–". */
export function appliesText(p: PartyAdoption, lang: Lang): string {
  if (p.applies === undefined) return "–";
  if (!p.coveredByEditorial) return p.applies;
  return pick(
    {
      sv: `${p.applies} (redaktionell ändring, antagen ${p.version ?? ""})`,
      en: `${p.applies} (editorial change, adopted ${p.version ?? ""})`,
    },
    lang,
  );
}

/** The party's decision: body, date, paragraph and registration number; or that it has adopted nothing. */
export function decisionText(p: PartyAdoption, lang: Lang): string {
  if (!p.date) return pick({ sv: "har inte antagit", en: "has not adopted" }, lang);
  const dnr = p.diarienummer !== undefined ? pick({ sv: `dnr ${p.diarienummer}`, en: `reg. no. ${p.diarienummer}` }, lang) : undefined;
  return [p.organ, p.date, p.paragraf, dnr].filter(Boolean).join(", ");
}

export const STANDPUNKT: Record<Standpunkt, { sv: string; en: string }> = {
  tillstyrker: { sv: "tillstyrker", en: "approves" },
  avstyrker: { sv: "avstyrker", en: "rejects" },
  synpunkter: { sv: "synpunkter", en: "comments" },
};

/** "Riktlinje X: 1 av 3 remissinstanser har svarat; remisstiden slutade 30 november 2026." For the summary. */
export function remissSummary(title: string, tally: RemissTally, asOf: string, lang: Lang): string {
  const answered = tally.entries.length - tally.missing.length;
  const ended = tally.till < asOf;
  return pick(
    {
      sv: `${title}: ${answered} av ${tally.entries.length} remissinstanser har svarat; remisstiden ${ended ? "slutade" : "slutar"} ${longDate(tally.till, "sv")}.`,
      en: `${title}: ${answered} of ${tally.entries.length} consulted parties have answered; the consultation ${ended ? "ended" : "ends"} on ${longDate(tally.till, "en")}.`,
    },
    lang,
  );
}

/**
 * The remiss tally in one sentence: the period, how many of the instanser have
 * answered, the count per standpoint, and who has not answered (by name),
 * with whether the remiss time has run out.
 */
export function remissSentence(title: string | undefined, tally: RemissTally, asOf: string, lang: Lang): string {
  const lead = title ? `${title}: ` : "";
  const version = tally.version !== undefined ? ` ${pick({ sv: "för version", en: "on version" }, lang)} ${tally.version}` : "";
  const ended = tally.till < asOf;
  const period = pick(
    ended
      ? {
          sv: `remisstiden${version} slutade ${longDate(tally.till, "sv")}`,
          en: `the consultation${version} ended on ${longDate(tally.till, "en")}`,
        }
      : {
          sv: `remisstiden${version} slutar ${longDate(tally.till, "sv")}`,
          en: `the consultation${version} ends on ${longDate(tally.till, "en")}`,
        },
    lang,
  );
  const c = tally.counts;
  const answered = tally.entries.length - tally.missing.length;
  const counts = pick(
    {
      sv: `tillstyrker ${c.tillstyrker}, avstyrker ${c.avstyrker}, synpunkter ${c.synpunkter}`,
      en: `approve ${c.tillstyrker}, reject ${c.avstyrker}, comments ${c.synpunkter}`,
    },
    lang,
  );
  const missing =
    tally.missing.length === 0
      ? ""
      : pick(
          {
            sv: `, inte svarat ${tally.missing.length} (${namesOf(tally.missing)})`,
            en: `, not answered ${tally.missing.length} (${namesOf(tally.missing)})`,
          },
          lang,
        );
  if (tally.entries.length === 0) {
    return cap(
      pick({ sv: `${lead}${period}. Inga remissinstanser och inga svar.`, en: `${lead}${period}. No parties named and no answers.` }, lang),
    );
  }
  return cap(
    pick(
      {
        sv: `${lead}${period}. ${answered} av ${tally.entries.length} har svarat: ${counts}${missing}.`,
        en: `${lead}${period}. ${answered} of ${tally.entries.length} have answered: ${counts}${missing}.`,
      },
      lang,
    ),
  );
}

/** Names separated by semicolons: an instans is often written "Division X, Region Y". */
const namesOf = (entries: readonly RemissEntry[]): string => entries.map((e) => e.name).join("; ");

/** One row per instans: name, standpoint (or "inte svarat"), date, registration number and comment. */
export function remissRows(tally: RemissTally, lang: Lang): string[][] {
  return tally.entries.map((e) => [
    e.name,
    e.answer ? pick(STANDPUNKT[e.answer.standpunkt], lang) : pick({ sv: "inte svarat", en: "not answered" }, lang),
    e.answer?.datum ?? "–",
    e.answer?.diarienummer ?? "–",
    e.answer?.kommentar ?? "–",
  ]);
}

export const H = {
  summary: { sv: "Sammanfattning", en: "Summary" },
  figures: { sv: "Dokumenten i siffror", en: "The documents in figures" },
  byStatus: { sv: "Per status", en: "By status" },
  byType: { sv: "Per dokumenttyp", en: "By document type" },
  byTrack: { sv: "Per spår", en: "By track" },
  changes: { sv: "Beslut och revideringar", en: "Decisions and revisions" },
  inProgress: { sv: "Under arbete: utkast och remisser", en: "In progress: drafts and consultations" },
  due: { sv: "Revidering och giltighet: förfallet och kommande", en: "Revision and validity: overdue and coming" },
  followups: { sv: "Uppföljningar", en: "Follow-ups" },
  followupsDue: { sv: "Förfallna och kommande uppföljningar", en: "Overdue and coming follow-ups" },
  followupsDone: { sv: "Genomförda uppföljningar", en: "Follow-ups done" },
  adoption: { sv: "Antagande hos parterna", en: "Adoption by the parties" },
  remissAnswers: { sv: "Remissvar", en: "Consultation answers" },
  malbild: { sv: "Hur dokumenten tjänar målbilden", en: "How the documents serve the vision" },
  perspectives: { sv: "Perspektiv", en: "Perspectives" },
  vardeord: { sv: "Värdeord", en: "Value words" },
} as const;

export const COL = {
  status: { sv: "Status", en: "Status" },
  type: { sv: "Dokumenttyp", en: "Document type" },
  track: { sv: "Spår", en: "Track" },
  count: { sv: "Antal", en: "Count" },
  share: { sv: "Andel", en: "Share" },
  total: { sv: "Totalt", en: "Total" },
  date: { sv: "Datum", en: "Date" },
  document: { sv: "Dokument", en: "Document" },
  version: { sv: "Version", en: "Version" },
  change: { sv: "Ändring", en: "Change" },
  state: { sv: "Läge", en: "State" },
  when: { sv: "När", en: "When" },
  kind: { sv: "Vad", en: "Kind" },
  owner: { sv: "Ansvarig", en: "Owner" },
  done: { sv: "Genomförd", en: "Done" },
  followup: { sv: "Uppföljning", en: "Follow-up" },
  result: { sv: "Resultat", en: "Result" },
  lastChange: { sv: "Senast ändrad", en: "Last changed" },
  remissTill: { sv: "Remiss till", en: "Consultation until" },
  party: { sv: "Part", en: "Party" },
  applies: { sv: "Version som gäller för parten", en: "Version that applies to the party" },
  adoption: { sv: "Antagande", en: "Adoption" },
  instans: { sv: "Remissinstans", en: "Consulted party" },
  standpunkt: { sv: "Ståndpunkt", en: "Position" },
  registration: { sv: "Diarienummer", en: "Registration number" },
  comment: { sv: "Kommentar", en: "Comment" },
  perspective: { sv: "Perspektiv", en: "Perspective" },
  word: { sv: "Värdeord", en: "Value word" },
  docs: { sv: "Dokument", en: "Documents" },
} as const;

export function share(count: number, total: number): string {
  return total === 0 ? "0 %" : `${Math.round((100 * count) / total)} %`;
}

export const NONE = {
  changes: { sv: "Inga nya fastställda versioner under perioden.", en: "No new adopted versions during the period." },
  inProgress: { sv: "Inga dokument är under arbete.", en: "No documents are in progress." },
  due: { sv: "Inget förfallet eller kommande.", en: "Nothing overdue or coming." },
  followupsDone: { sv: "Inga uppföljningar genomförda under perioden.", en: "No follow-ups done during the period." },
  adoption: {
    sv: "Samlingen har inga fastställda överenskommelser eller antaganden att redovisa.",
    en: "The set has no adopted agreements or adoptions to report.",
  },
  remissAnswers: {
    sv: "Remissen har inga remissinstanser och inga svar ännu.",
    en: "The consultation names no parties and has no answers yet.",
  },
  malbild: {
    sv: "Samlingens konfiguration har ingen målbild (perspektiv och värdeord).",
    en: "The set's configuration has no vision (perspectives and value words).",
  },
} as const;
