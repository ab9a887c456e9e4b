/**
 * What a reader must be told before reading a document: that it is a draft,
 * on consultation, repealed, past its revision date, not yet in force or no
 * longer valid. Judged against the edition's date, not the clock, so that an
 * edition says the same thing whenever it is rebuilt.
 */
import type { SamDoc } from "../../core/document.js";
import type { ComingVersion } from "../../core/history/in-force.js";
import type { EditionDocument, ListedDocument } from "../edition.js";
import { daysBetween, isIsoDate, longDate } from "../../core/dates.js";

export type Notice =
  | { kind: "utkast" }
  | { kind: "remiss"; fran: string; till: string; instanser: string[]; phase: "före" | "pågår" | "avslutad" }
  /** `kommer`: the repeal takes effect after the edition's date (the document still applies). */
  | { kind: "upphävd"; datum?: string; successorId?: string; kommer?: true }
  | { kind: "revision-passerad"; datum: string; days: number }
  | { kind: "ej-i-kraft"; fran: string }
  | { kind: "giltighet-utgangen"; till: string };

/**
 * @param successorId the document that replaced this one (from `ersatts_av`
 *   or the reverse of another document's `ersatter`), if known
 */
export function noticesFor(doc: SamDoc, editionDate: string, successorId?: string): Notice[] {
  const out: Notice[] = [];
  switch (doc.status) {
    case "utkast":
      out.push({ kind: "utkast" });
      break;
    case "remiss":
      if (doc.remiss) {
        const phase = editionDate < doc.remiss.fran ? "före" : editionDate > doc.remiss.till ? "avslutad" : "pågår";
        out.push({ kind: "remiss", fran: doc.remiss.fran, till: doc.remiss.till, instanser: doc.remiss.instanser ?? [], phase });
      } else {
        out.push({ kind: "remiss", fran: "", till: "", instanser: [], phase: "pågår" });
      }
      break;
    case "upphävd": {
      const n: Notice = { kind: "upphävd" };
      if (doc.upphavd_datum) n.datum = doc.upphavd_datum;
      if (doc.upphavd_datum && isIsoDate(doc.upphavd_datum) && doc.upphavd_datum > editionDate) n.kommer = true;
      const successor = successorId ?? doc.ersatts_av;
      if (successor) n.successorId = successor;
      out.push(n);
      break;
    }
    case "fastställd": {
      if (doc.giltig_fran && isIsoDate(doc.giltig_fran) && doc.giltig_fran > editionDate)
        out.push({ kind: "ej-i-kraft", fran: doc.giltig_fran });
      if (doc.giltig_till && isIsoDate(doc.giltig_till) && doc.giltig_till < editionDate)
        out.push({ kind: "giltighet-utgangen", till: doc.giltig_till });
      if (doc.revideras_senast && isIsoDate(doc.revideras_senast) && doc.revideras_senast < editionDate) {
        out.push({ kind: "revision-passerad", datum: doc.revideras_senast, days: daysBetween(doc.revideras_senast, editionDate) });
      }
      break;
    }
  }
  return out;
}

/** True when a fastställd document's revision date has passed on `editionDate`. */
export function revisionOverdue(doc: SamDoc, editionDate: string): boolean {
  return doc.status === "fastställd" && !!doc.revideras_senast && isIsoDate(doc.revideras_senast) && doc.revideras_senast < editionDate;
}

/** True when a fastställd document is due for revision within `days` of `editionDate` (and not yet overdue). */
export function revisionDueSoon(doc: SamDoc, editionDate: string, days: number): boolean {
  if (doc.status !== "fastställd" || !doc.revideras_senast || !isIsoDate(doc.revideras_senast)) return false;
  const left = daysBetween(editionDate, doc.revideras_senast);
  return left >= 0 && left <= days;
}

function long(date: string | undefined): string {
  return date ? longDate(date, "sv") : "";
}

/**
 * The sentence that announces a document's coming version, the same in
 * both editions: "Version 3.0 är på remiss till 31 januari 2027.",
 * "Version 3.0 är under arbete.", "Version 3.0 är beslutad och gäller från 1 februari 2027."
 */
export function comingSentence(c: ComingVersion): string {
  const v = `Version ${c.record.version}`;
  switch (c.kind) {
    case "utkast":
      return `${v} är under arbete.`;
    case "remiss":
      return c.date ? `${v} är på remiss till ${long(c.date)}.` : `${v} är på remiss.`;
    case "beslutad":
      return c.date ? `${v} är beslutad och gäller från ${long(c.date)}.` : `${v} är beslutad.`;
  }
}

/** "3.0 på remiss", "3.0 under arbete", "3.0 från 1 februari 2027": the coming version in a register's version column. */
export function comingShort(c: ComingVersion): string {
  const v = c.record.version;
  switch (c.kind) {
    case "utkast":
      return `${v} under arbete`;
    case "remiss":
      return `${v} på remiss`;
    case "beslutad":
      return c.date ? `${v} från ${long(c.date)}` : `${v} beslutad`;
  }
}

/** "Här visas version 2.0, som gäller." — after the announcement, so the reader knows which text is before them. */
export function shownVersionSentence(d: EditionDocument): string {
  return `Här visas version ${d.doc.version}, som gäller.`;
}

/** "version 1.0, ur git-commit abc123def456 (29 februari 2024)": where an older version's text comes from. */
export function publishedFromText(d: EditionDocument): string | undefined {
  const p = d.publishedFrom;
  if (!p) return undefined;
  return `Version ${p.version}, ur git-commit ${p.commit.slice(0, 12)}${p.committed ? ` (${long(p.committed)})` : ""}`;
}

/**
 * Why a document is listed and not published, in a few words
 * ("På remiss till 31 januari 2027, version 3.0."). `successor` names the
 * document that replaced a repealed one, when the caller knows its title.
 */
export function listedReasonText(l: ListedDocument, editionDate: string, successor?: string): string {
  const v = l.version ? `, version ${l.version}` : "";
  const by = successor ?? l.replacedBy;
  switch (l.reason) {
    case "utkast":
      return `Utkast under arbete${v}. Gäller inte.`;
    case "remiss":
      return `${l.date ? `På remiss till ${long(l.date)}` : "På remiss"}${v}. Gäller inte än.`;
    case "beslutad":
      return `Beslutad${v}. ${l.date ? `Gäller från ${long(l.date)}.` : "Gäller inte än."}`;
    case "upphävd":
      return `Upphävd${l.date ? ` ${long(l.date)}` : ""}${by ? `, ersatt av ${by}` : ""}.`;
    case "utgången":
      return `Giltighetstiden gick ut${l.date ? ` ${long(l.date)}` : ""}${v}.`;
    case "ej-beslutad":
      return `Inte beslutat den ${long(editionDate)}.`;
    case "ej-läsbar":
      return `Version${l.version ? ` ${l.version}` : ""} gäller men kunde inte läsas ur git.`;
  }
}

/** How a notice looks: the HTML banner's kind (`banner-utkast` …) and the Word notice style's. */
export type NoticeBox = "utkast" | "remiss" | "upphavd" | "revision" | "kommande";

/**
 * A notice in words, for an edition that writes it as text (the Word
 * edition): a label, shown bold and followed by ". ", and the text, where
 * `{ ref }` names another document (its title, linked where it can be).
 * The words are the HTML banners' (src/render/html/parts.ts `banners`);
 * test/render-docx/frame.test.ts holds the two to the same text.
 */
export interface NoticeText {
  box: NoticeBox;
  label: string;
  parts: (string | { ref: string })[];
}

function longOrText(value: string): string {
  return isIsoDate(value) ? longDate(value, "sv") : value;
}

/** "A, B och C". */
function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1] ?? ""}`;
}

/**
 * The document that replaced `d`: its `ersatts_av`, or a document of the
 * same set that lists it in `ersatter` (as edition-relations.ts finds it).
 */
export function successorOf(d: EditionDocument, all: readonly EditionDocument[]): string | undefined {
  if (d.doc.ersatts_av) return d.doc.ersatts_av;
  return all.find((o) => o !== d && o.loaded.root === d.loaded.root && (o.doc.ersatter ?? []).includes(d.doc.id))?.doc.id;
}

/** A notice of `noticesFor` in words. */
export function noticeText(n: Notice): NoticeText {
  switch (n.kind) {
    case "utkast":
      return { box: "utkast", label: "Utkast", parts: ["Dokumentet är ett utkast. Det är inte fastställt och gäller inte."] };
    case "remiss": {
      const period = n.fran && n.till ? ` Remisstiden är ${longOrText(n.fran)}–${longOrText(n.till)}.` : "";
      const phase =
        n.phase === "avslutad" ? " Remisstiden har gått ut och svaren bereds." : n.phase === "före" ? " Remisstiden har inte börjat." : "";
      const bodies = n.instanser.length > 0 ? ` Remissinstanser: ${joinWords(n.instanser)}.` : "";
      return {
        box: "remiss",
        label: "Remissversion",
        parts: [`Dokumentet är ute på remiss och gäller inte än.${period}${phase}${bodies}`],
      };
    }
    case "upphävd": {
      const by = n.successorId;
      if (n.kommer && n.datum) {
        const parts: NoticeText["parts"] = [`Dokumentet upphävs den ${longOrText(n.datum)} och gäller till dess.`];
        if (by) parts.push(" Det ersätts av ", { ref: by }, ".");
        return { box: "upphavd", label: "Upphävs", parts };
      }
      const when = n.datum ? ` sedan ${longOrText(n.datum)}` : "";
      return {
        box: "upphavd",
        label: "Upphävd",
        parts: by
          ? [`Dokumentet gäller inte längre${when}. Det är ersatt av `, { ref: by }, "."]
          : [`Dokumentet gäller inte längre${when}.`],
      };
    }
    case "revision-passerad":
      return {
        box: "revision",
        label: "Revisionsdatum passerat",
        parts: [
          `Dokumentet skulle ha reviderats senast ${longOrText(n.datum)}. Det gäller tills vidare, men kontrollera med dokumentansvarig att innehållet fortfarande stämmer.`,
        ],
      };
    case "ej-i-kraft":
      return { box: "kommande", label: "Gäller ännu inte", parts: [`Dokumentet är fastställt och börjar gälla ${longOrText(n.fran)}.`] };
    case "giltighet-utgangen":
      return { box: "upphavd", label: "Giltighetstiden har gått ut", parts: [`Dokumentet gällde till och med ${longOrText(n.till)}.`] };
  }
}

/**
 * Every notice of a published document, in the order the HTML edition shows
 * them: the coming version first, then draft, remiss, repealed, past
 * revision, not yet or no longer valid.
 */
export function documentNotices(d: EditionDocument, editionDate: string, all: readonly EditionDocument[]): NoticeText[] {
  const out: NoticeText[] = [];
  if (d.coming)
    out.push({ box: "kommande", label: "Ny version på väg", parts: [`${comingSentence(d.coming)} ${shownVersionSentence(d)}`] });
  for (const n of noticesFor(d.doc, editionDate, successorOf(d, all))) out.push(noticeText(n));
  return out;
}
