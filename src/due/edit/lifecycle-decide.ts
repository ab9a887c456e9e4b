/**
 * The decision of a revision round as a careful edit (design §3): the joint
 * body decides the version in progress (`decide`); the parties then adopt it
 * (lifecycle-adopt.ts).
 *
 * A version's decision date is the date of its change-history line, so the
 * decision writes that line.
 */
import type { Lang } from "../../core/types.js";
import { bodyName, partyCodes, type SamdokConfig } from "../../core/config-model.js";
import type { SamDoc } from "../../core/document.js";
import { isIsoDate } from "../../core/dates.js";
import { compareDocumentVersions, parseDocumentVersion } from "../../core/document-version.js";
import {
  checkBodies,
  checkText,
  editing,
  editor,
  finish,
  KEY_ORDER,
  latestHistoryDate,
  notInFuture,
  refuse,
  reviseByFrom,
  type ReviseBy,
} from "./lifecycle-common.js";

/** `giltig_till` as the command line says "until further notice". */
export const UNTIL_FURTHER_NOTICE = "tills vidare";

export interface DecidePlan extends ReviseBy {
  text: string;
  /** The version in the file before, and the version decided (a 0.x draft becomes 1.0). */
  from: string;
  version: string;
  date: string;
  bodies: string[];
  validFrom: string;
  validUntil: string;
  /** An earlier `giltig_till` that had passed the new validity's start, replaced by "tills vidare". */
  droppedUntil?: string;
  editorial: boolean;
  /** The decided version before this one, when the history shows one. */
  previous?: string;
  /** Set when the decision came before the remiss period ended. */
  remissOpenUntil?: string;
  /** Consulted parties that never answered. */
  unanswered: string[];
  /** Whether the parties adopt the document in their own bodies (an agreement, or a document with adoptions). */
  asksAdoption: boolean;
}

/**
 * Decides the version in progress: status fastställd, the decision fields,
 * validity (`giltig_fran` the given day or the decision date; `giltig_till`
 * the given one, else the existing one when it still lies after the new
 * start, else "tills vidare"), `revideras_senast` from the decision date and
 * the configuration's interval (limited to `giltig_till`), the change-history
 * line of the version (its date is the decision date), and the `remiss`
 * block removed (it stays in git). A 0.x draft becomes 1.0. When the history
 * already ends with this version's line (a draft revised with `revise
 * --summary`), that line gets the decision date instead of a second line.
 */
export function planDecide(
  text: string,
  doc: SamDoc,
  config: SamdokConfig,
  options: {
    bodies: readonly string[];
    paragraph: string;
    date: string;
    validFrom?: string;
    validUntil?: string;
    registration?: string;
    summary?: string;
    editorial: boolean;
    today: string;
    lang: Lang;
  },
): DecidePlan {
  const { lang, date } = options;
  if (doc.status === "fastställd" || doc.status === "upphävd") {
    throw doc.status === "upphävd"
      ? refuse(`${doc.id} är upphävt och fastställs inte igen.`, `${doc.id} is repealed and is not decided again.`, lang)
      : refuse(
          `${doc.id} är redan fastställt (version ${doc.version}${doc.faststalld_datum ? `, ${doc.faststalld_datum}` : ""}). För en ny version: samdok revise ${doc.id} --start (eller --start --major), sedan samdok decide.`,
          `${doc.id} is already fastställd (version ${doc.version}${doc.faststalld_datum ? `, ${doc.faststalld_datum}` : ""}). For a new version: samdok revise ${doc.id} --start (or --start --major), then samdok decide.`,
          lang,
        );
  }
  const bodies = checkBodies(config, options.bodies, lang);
  const paragraph = checkText(options.paragraph, "--paragraph", 1, 40, lang);
  const registration = options.registration === undefined ? undefined : checkText(options.registration, "--registration", 1, 40, lang);
  const summary = options.summary === undefined ? undefined : checkText(options.summary, "--summary", 3, 1000, lang);
  notInFuture(date, options.today, "--date", { sv: "ett beslut", en: "a decision" }, lang);
  const latest = latestHistoryDate(doc);
  if (latest !== undefined && date < latest) {
    throw refuse(
      `Beslutsdatumet ${date} ligger före den senaste raden i ändringshistoriken (${latest}). Ange --date ${latest} eller senare.`,
      `The decision date ${date} is before the latest change-history entry (${latest}). Give --date ${latest} or later.`,
      lang,
    );
  }
  const remiss = doc.status === "remiss" ? doc.remiss : undefined;
  if (remiss && date < remiss.fran) {
    throw refuse(
      `Beslutsdatumet ${date} ligger före remissens början ${remiss.fran}. Ange dagen då beslutet fattades.`,
      `The decision date ${date} is before the consultation began on ${remiss.fran}. Give the day the decision was taken.`,
      lang,
    );
  }

  const parsed = parseDocumentVersion(doc.version, { leadingZeros: true });
  const version = parsed && parsed[0] === 0 ? "1.0" : doc.version;
  const history = doc.andringshistorik ?? [];
  const lastIndex = history.length - 1;
  const reuse = lastIndex >= 0 && compareDocumentVersions(history[lastIndex]?.version, version) === 0;
  const earlier = (reuse ? history.slice(0, lastIndex) : history)
    .map((h) => h.version)
    .filter((v) => (parseDocumentVersion(v)?.[0] ?? 0) >= 1 && (compareDocumentVersions(v, version) ?? 0) < 0);
  const previous = earlier.at(-1);
  if (options.editorial) {
    const major = parseDocumentVersion(version)?.[0];
    if (previous === undefined || parseDocumentVersion(previous)?.[0] !== major) {
      throw refuse(
        previous === undefined
          ? `--editorial: version ${version} är den första fastställda versionen, och den behöver parternas antaganden. Ta bort --editorial.`
          : `--editorial: version ${previous} → ${version} är en ny huvudversion, och den behöver parternas antaganden. Ta bort --editorial, eller påbörja en mindre version (samdok revise --start utan --major).`,
        previous === undefined
          ? `--editorial: version ${version} is the first decided version and needs the parties' adoptions. Leave out --editorial.`
          : `--editorial: version ${previous} → ${version} is a new major version and needs the parties' adoptions. Leave out --editorial, or begin a minor version (samdok revise --start without --major).`,
        lang,
      );
    }
  }

  const validFrom = options.validFrom ?? date;
  const floor = validFrom > date ? validFrom : date;
  let validUntil: string;
  let droppedUntil: string | undefined;
  if (options.validUntil !== undefined) {
    validUntil = options.validUntil;
    if (validUntil !== UNTIL_FURTHER_NOTICE && validUntil <= floor) {
      throw refuse(
        `--valid-until ${validUntil} ska ligga efter ${floor === date ? "beslutsdatumet" : "giltig_fran"} (${floor}). Ange ett senare datum, eller tills-vidare.`,
        `--valid-until ${validUntil} must be after ${floor === date ? "the decision date" : "giltig_fran"} (${floor}). Give a later date, or tills-vidare.`,
        lang,
      );
    }
  } else if (isIsoDate(doc.giltig_till) && doc.giltig_till > floor) {
    validUntil = doc.giltig_till;
  } else {
    validUntil = UNTIL_FURTHER_NOTICE;
    if (isIsoDate(doc.giltig_till)) droppedUntil = doc.giltig_till;
  }
  const next = reviseByFrom(config, doc.dokumenttyp, date, validUntil);

  const beskrivning =
    summary ??
    (reuse
      ? undefined
      : `Fastställd av ${bodies.map((b) => bodyName(config, b)).join(" och ")} ${date}, ${paragraph}.`.replace(/\.\.$/, "."));
  const values: Record<string, unknown> = {
    status: "fastställd",
    version,
    faststalld_av: bodies.length === 1 ? bodies[0] : bodies,
    faststalld_datum: date,
    beslutsparagraf: paragraph,
    giltig_fran: validFrom,
    revideras_senast: next.reviseBy,
  };
  if (registration !== undefined) values.diarienummer = registration;
  if (validUntil !== doc.giltig_till) values.giltig_till = validUntil;
  if (version === doc.version) delete values.version;

  const ed = editor(text, lang);
  editing(ed, lang, (e) => {
    e.setTopLevelKeys(values, KEY_ORDER);
    e.removeTopLevel("remiss");
    if (reuse) {
      const line = history[lastIndex];
      e.setScalar(["andringshistorik", lastIndex, "datum"], date);
      if (summary !== undefined) e.setScalar(["andringshistorik", lastIndex, "beskrivning"], summary);
      if (options.editorial && line?.redaktionell !== true) {
        if (line?.redaktionell === undefined) e.addToMap(["andringshistorik", lastIndex], { redaktionell: true });
        else e.setScalar(["andringshistorik", lastIndex, "redaktionell"], true);
      }
    } else {
      e.appendToSeqAt(["andringshistorik"], {
        version,
        datum: date,
        beskrivning,
        ...(options.editorial ? { redaktionell: true } : {}),
      });
    }
  });

  const codes = partyCodes(config);
  const consulted = (remiss?.instanser ?? []).filter((p) => codes.includes(p));
  const answered = new Set((remiss?.svar ?? []).map((s) => s.part));
  const plan: DecidePlan = {
    text: finish(ed, lang),
    from: doc.version,
    version,
    date,
    bodies,
    validFrom,
    validUntil,
    editorial: options.editorial,
    unanswered: consulted.filter((p) => !answered.has(p)),
    asksAdoption: doc.dokumenttyp === "överenskommelse" || doc.antaganden !== undefined,
    ...next,
  };
  if (droppedUntil !== undefined) plan.droppedUntil = droppedUntil;
  if (previous !== undefined) plan.previous = previous;
  if (remiss && remiss.till > date) plan.remissOpenUntil = remiss.till;
  return plan;
}
