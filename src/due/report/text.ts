/** Words and sentences shared by the Markdown and HTML status reports. */
import type { Lang } from "../../core/types.js";
import { longDate } from "../../core/dates.js";
import { pick } from "../../i18n/text.js";
import type { AdoptionState, PartyAdoption, SetReport, StatusReport } from "./report.js";

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
  lines.push(pick({ sv: `${set.total} dokument (${statuses}).`, en: `${set.total} documents (${statuses}).` }, lang));
  const overdue = [...set.revisions, ...set.followups].filter((i) => i.state === "overdue");
  const overdueRev = overdue.filter((i) => i.kind !== "follow-up").length;
  const overdueFu = overdue.length - overdueRev;
  const coming = [...set.revisions, ...set.followups].length - overdue.length;
  lines.push(
    pick(
      {
        sv: `Förfallet: ${overdueRev} ${overdueRev === 1 ? "revidering eller giltighetstid" : "revideringar eller giltighetstider"} och ${overdueFu} ${overdueFu === 1 ? "uppföljning" : "uppföljningar"}. Inom ${report.within} dagar förfaller ${coming} till.`,
        en: `Overdue: ${overdueRev} revisions or validity ends and ${overdueFu} follow-ups. ${coming} more fall due within ${report.within} days.`,
      },
      lang,
    ),
  );
  lines.push(
    pick(
      {
        sv: `${set.changes.length} ${set.changes.length === 1 ? "ny fastställd version" : "nya fastställda versioner"} och ${set.followupsDone.length} ${set.followupsDone.length === 1 ? "genomförd uppföljning" : "genomförda uppföljningar"} sedan ${longDate(report.since, "sv")}.`,
        en: `${set.changes.length} new adopted versions and ${set.followupsDone.length} follow-ups done since ${longDate(report.since, "en")}.`,
      },
      lang,
    ),
  );
  for (const a of set.adoption) lines.push(adoptionSentence(a.title, a.version, a.adoptedCurrent, a.parties.length, lang));
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

export function adoptionSentence(title: string | undefined, version: string, adopted: number, parties: number, lang: Lang): string {
  const lead = title ? `${title}: ` : "";
  return pick(
    {
      sv: `${lead}${adopted} av ${parties} parter har antagit gällande version ${version}.`,
      en: `${lead}${adopted} of ${parties} parties have adopted the current version ${version}.`,
    },
    lang,
  );
}

export function adoptionStateText(p: PartyAdoption, lang: Lang): string {
  const texts: Record<AdoptionState, string> = {
    current: pick({ sv: "Ja, gällande version", en: "Yes, current version" }, lang),
    older: pick({ sv: `Nej, har antagit version ${p.version ?? ""}`, en: `No, adopted version ${p.version ?? ""}` }, lang),
    none: pick({ sv: "Nej, inget beslut", en: "No, no decision" }, lang),
  };
  return texts[p.state];
}

export function decisionText(p: PartyAdoption): string {
  if (!p.date) return "–";
  return [p.organ, p.date, p.paragraf].filter(Boolean).join(", ");
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
  adopted: { sv: "Antagit gällande version", en: "Adopted current version" },
  decision: { sv: "Beslut", en: "Decision" },
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
  malbild: {
    sv: "Samlingens konfiguration har ingen målbild (perspektiv och värdeord).",
    en: "The set's configuration has no vision (perspectives and value words).",
  },
} as const;
