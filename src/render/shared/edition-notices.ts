/**
 * What a reader must be told before reading a document: that it is a draft,
 * on consultation, repealed, past its revision date, not yet in force or no
 * longer valid. Judged against the edition's date, not the clock, so that an
 * edition says the same thing whenever it is rebuilt.
 */
import type { SamDoc } from "../../core/document.js";
import { daysBetween, isIsoDate } from "../../core/dates.js";

export type Notice =
  | { kind: "utkast" }
  | { kind: "remiss"; fran: string; till: string; instanser: string[]; phase: "före" | "pågår" | "avslutad" }
  | { kind: "upphävd"; datum?: string; successorId?: string }
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
