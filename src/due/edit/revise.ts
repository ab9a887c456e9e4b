/**
 * The two careful edits: a revision (new version, a line in the change
 * history, a new revise-by date) and a follow-up marked as done. Both return
 * the new file text; the caller validates and writes it.
 */
import type { Lang } from "../../core/types.js";
import type { SamdokConfig } from "../../core/config.js";
import type { SamDoc } from "../../core/document.js";
import { bumpVersion } from "../../core/document-version.js";
import { UsageError } from "../../core/errors.js";
import { pick } from "../../i18n/text.js";
import { editing, editor, finish, latestHistoryDate, reviseByFrom } from "./lifecycle-common.js";

/** Where a new `revideras_senast` line goes when the document has none: after the first of these that exists. */
export const REVISE_BY_AFTER = [
  "giltig_till",
  "giltig_fran",
  "diarienummer",
  "beslutsparagraf",
  "faststalld_datum",
  "faststalld_av",
  "dokumentansvarig",
  "parter",
  "spar",
  "version",
];

export interface RevisionPlan {
  text: string;
  from: string;
  to: string;
  date: string;
  /** The new `revideras_senast` (fastställda documents only). */
  reviseBy?: string;
  /** Set when the new revise-by date was limited to `giltig_till`. */
  clampedTo?: string;
  /** Set when `giltig_till` has already passed on the revision date. */
  expired?: string;
  /** Set when the history line says the change is editorial (`redaktionell: true`). */
  editorial?: true;
}

/**
 * Plans a revision. The new `revideras_senast` is the revision date plus the
 * configuration's interval for the document type; when `giltig_till` is a
 * date that comes earlier, the document is due for revision when it stops
 * being valid, so the date is limited to `giltig_till` (the validity rule
 * `revideras_senast <= giltig_till` then still holds). When validity has
 * already ended, the date is not limited: it then falls after `giltig_till`
 * (an SD121 error), so the caller refuses the edit and says why. A draft or a
 * document on remiss keeps its `revideras_senast`: the interval counts from
 * adoption.
 *
 * On a fastställd document a minor step is a review that needs no new
 * decision: its history line says `redaktionell: true`, so that the parties'
 * adoptions of the version before cover it (design §2). A major step is not
 * editorial; a revision that needs a new decision is `revise --start`.
 */
export function planRevision(
  text: string,
  doc: SamDoc,
  config: SamdokConfig,
  options: { summary: string; major: boolean; date: string; lang: Lang },
): RevisionPlan {
  const { lang, date } = options;
  const summary = options.summary.trim();
  if (doc.status === "upphävd") {
    throw new UsageError(
      pick(
        {
          sv: `${doc.id} är upphävt och revideras inte. Skapa ett nytt dokument som ersätter det (samdok new).`,
          en: `${doc.id} is repealed and is not revised. Create a new document that replaces it (samdok new).`,
        },
        lang,
      ),
    );
  }
  if (summary.length < 3 || summary.length > 1000) {
    throw new UsageError(
      pick(
        {
          sv: "--summary ska kort beskriva ändringen (3–1000 tecken).",
          en: "--summary must briefly describe the change (3–1000 characters).",
        },
        lang,
      ),
    );
  }
  const latest = latestHistoryDate(doc);
  if (latest !== undefined && date < latest) {
    throw new UsageError(
      pick(
        {
          sv: `Revisionsdatumet ${date} ligger före den senaste raden i ändringshistoriken (${latest}). Ange --date ${latest} eller senare.`,
          en: `The revision date ${date} is before the latest change-history entry (${latest}). Give --date ${latest} or later.`,
        },
        lang,
      ),
    );
  }
  const to = bumpVersion(doc.version, options.major);
  const plan: Omit<RevisionPlan, "text"> = { from: doc.version, to, date };
  const editorial = doc.status === "fastställd" && !options.major;
  const ed = editor(text, lang);
  editing(ed, lang, (e) => {
    e.setTopLevel("version", to, []);
    // Only an adopted document has a revise-by date to move: a draft's clock starts when it is adopted.
    if (doc.status === "fastställd") {
      const next = reviseByFrom(config, doc.dokumenttyp, date, doc.giltig_till);
      plan.reviseBy = next.reviseBy;
      if (next.clampedTo) plan.clampedTo = next.clampedTo;
      if (next.expired) plan.expired = next.expired;
      e.setTopLevel("revideras_senast", next.reviseBy, REVISE_BY_AFTER);
    }
    e.appendToSeq("andringshistorik", { version: to, datum: date, beskrivning: summary, ...(editorial ? { redaktionell: true } : {}) });
  });
  if (editorial) plan.editorial = true;
  return { ...plan, text: finish(ed, lang) };
}

export interface FollowupPlan {
  text: string;
  /** The follow-up's number in the list, from 1. */
  index: number;
  planned: string;
  description: string;
}

/** Marks a follow-up as done: the earliest open one, or number `index` (from 1). */
export function planFollowup(
  text: string,
  doc: SamDoc,
  options: { date: string; result: string; index?: number; today: string; lang: Lang },
): FollowupPlan {
  const { lang, date } = options;
  const result = options.result.trim();
  const list = doc.uppfoljning ?? [];
  if (list.length === 0) {
    throw new UsageError(
      pick(
        {
          sv: `${doc.id} har inga planerade uppföljningar (fältet uppfoljning).`,
          en: `${doc.id} has no planned follow-ups (the uppfoljning field).`,
        },
        lang,
      ),
    );
  }
  if (result.length < 2 || result.length > 2000) {
    throw new UsageError(
      pick(
        { sv: "--result ska sammanfatta resultatet (2–2000 tecken).", en: "--result must summarise the outcome (2–2000 characters)." },
        lang,
      ),
    );
  }
  if (date > options.today) {
    throw new UsageError(
      pick(
        {
          sv: `--date ${date} ligger i framtiden; en uppföljning registreras när den är gjord.`,
          en: `--date ${date} is in the future; a follow-up is recorded once it is done.`,
        },
        lang,
      ),
    );
  }
  let i: number;
  if (options.index !== undefined) {
    i = options.index - 1;
    const chosen = list[i];
    if (!chosen) {
      throw new UsageError(
        pick(
          {
            sv: `--index ${options.index} finns inte; ${doc.id} har ${list.length} uppföljningar (1–${list.length}).`,
            en: `--index ${options.index} does not exist; ${doc.id} has ${list.length} follow-ups (1–${list.length}).`,
          },
          lang,
        ),
      );
    }
    if (chosen.genomford !== undefined) {
      throw new UsageError(
        pick(
          {
            sv: `Uppföljning ${options.index} (${chosen.datum}) är redan genomförd ${chosen.genomford}.`,
            en: `Follow-up ${options.index} (${chosen.datum}) was already done on ${chosen.genomford}.`,
          },
          lang,
        ),
      );
    }
  } else {
    i = -1;
    list.forEach((u, k) => {
      if (u.genomford !== undefined) return;
      const best = list[i];
      if (i === -1 || (best && u.datum < best.datum)) i = k;
    });
    if (i === -1) {
      throw new UsageError(
        pick({ sv: `Alla uppföljningar i ${doc.id} är redan genomförda.`, en: `Every follow-up in ${doc.id} is already done.` }, lang),
      );
    }
  }
  const chosen = list[i];
  if (!chosen) throw new Error("unreachable");
  const ed = editor(text, lang);
  editing(ed, lang, (e) => e.addToMap(["uppfoljning", i], { genomford: date, resultat: result }));
  return { text: finish(ed, lang), index: i + 1, planned: chosen.datum, description: chosen.beskrivning };
}
