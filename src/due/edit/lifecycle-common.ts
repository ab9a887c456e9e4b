/**
 * What the lifecycle edits share (revise, consult, respond, decide, adopt,
 * repeal: src/due/edit/revise.ts, lifecycle.ts, lifecycle-decide.ts,
 * lifecycle-repeal.ts): the careful editor with plain messages when a front
 * matter cannot be edited, the order new keys are written in, and the checks
 * of what a person typed (party codes, decision bodies, texts, dates), each
 * refusing with a message that says what to do instead.
 */
import type { Lang } from "../../core/types.js";
import { partyCodes, partyName, reviewMonths, type SamdokConfig } from "../../core/config-model.js";
import type { SamDoc } from "../../core/document.js";
import { addMonths, isIsoDate } from "../../core/dates.js";
import { UsageError } from "../../core/errors.js";
import { closest } from "../../core/suggest.js";
import { pick } from "../../i18n/text.js";
import { FrontMatterEditor, FrontMatterEditError } from "./front-matter-edit.js";
import { documentSchema } from "../../core/schema.js";

/**
 * The order of the front matter's keys, as the schema lists them
 * (schemas/samverkansdokument.schema.json). A key a command adds goes after
 * the nearest key before it in this list that the document has, so that
 * `faststalld_datum` lands after `faststalld_av` and `remiss` after the dates.
 */
export const KEY_ORDER: readonly string[] = Object.keys((documentSchema() as { properties?: object }).properties ?? {});

/** A refusal: exit 2 with a message in the user's language. */
export function refuse(sv: string, en: string, lang: Lang): UsageError {
  return new UsageError(pick({ sv, en }, lang));
}

function editFailed(error: unknown, lang: Lang): UsageError {
  const detail = error instanceof Error ? error.message : String(error);
  return refuse(
    `YAML-huvudet har en form som samdok inte kan ändra utan att röra andra rader (${detail}). Gör ändringen för hand och kör samdok validate.`,
    `The front matter has a shape samdok cannot change without touching other lines (${detail}). Make the change by hand and run samdok validate.`,
    lang,
  );
}

/** The careful editor for `text`; a front matter it cannot edit is a refusal that says to edit by hand. */
export function editor(text: string, lang: Lang): FrontMatterEditor {
  try {
    return new FrontMatterEditor(text);
  } catch (error) {
    throw editFailed(error, lang);
  }
}

/** Runs edits on the editor; an edit the editor cannot make safely is the same refusal. */
export function editing(ed: FrontMatterEditor, lang: Lang, edits: (ed: FrontMatterEditor) => void): void {
  try {
    edits(ed);
  } catch (error) {
    if (error instanceof FrontMatterEditError) throw editFailed(error, lang);
    throw error;
  }
}

/** The edited text, checked by the editor to parse to exactly the intended data. */
export function finish(ed: FrontMatterEditor, lang: Lang): string {
  try {
    return ed.result();
  } catch (error) {
    if (error instanceof FrontMatterEditError) throw editFailed(error, lang);
    throw error;
  }
}

/** "Nyköpings kommun (0480)": a party as a person knows it, with the code the file holds. */
export function partyLabel(config: SamdokConfig, code: string): string {
  const name = partyName(config, code);
  return name === code ? code : `${name} (${code})`;
}

/** A party code from the command line, checked against the configuration, with a suggestion for a typo. */
export function checkParty(config: SamdokConfig, code: string, flag: string, lang: Lang): string {
  const codes = partyCodes(config);
  if (codes.includes(code)) return code;
  const guess = closest(code, codes);
  const list = codes.map((c) => partyLabel(config, c)).join(", ");
  throw refuse(
    `${flag} ${code}: ingen part med den koden finns i samdok.config.json.${guess ? ` Menade du ${guess}?` : ""} Parterna är: ${list}.`,
    `${flag} ${code}: no party with that code in samdok.config.json.${guess ? ` Did you mean ${guess}?` : ""} The parties are: ${list}.`,
    lang,
  );
}

/** Decision bodies from the command line, each one of the configuration's `beslutsorgan`. */
export function checkBodies(config: SamdokConfig, ids: readonly string[], lang: Lang): string[] {
  const known = config.beslutsorgan.map((b) => b.id);
  if (ids.length === 0) {
    throw refuse(
      `Ange beslutsorganet med --body, till exempel --body ${known[0] ?? "lansstyrgruppen"}.`,
      `Name the decision body with --body, for example --body ${known[0] ?? "lansstyrgruppen"}.`,
      lang,
    );
  }
  for (const id of ids) {
    if (known.includes(id)) continue;
    const guess = closest(id, known);
    const list = config.beslutsorgan.map((b) => `${b.id} (${b.namn})`).join(", ");
    throw refuse(
      `--body ${id}: beslutsorganet finns inte i samdok.config.json.${guess ? ` Menade du ${guess}?` : ""} Ange ett id ur beslutsorgan: ${list}.`,
      `--body ${id}: the decision body is not in samdok.config.json.${guess ? ` Did you mean ${guess}?` : ""} Give an id from beslutsorgan: ${list}.`,
      lang,
    );
  }
  return [...new Set(ids)];
}

/** A free text for a field with the schema's length limits; trimmed. */
export function checkText(value: string, flag: string, min: number, max: number, lang: Lang): string {
  const text = value.trim();
  // A name, a section or a registration number is one line: a line break or another control character
  // would be written into the front matter as part of it.
  if (max <= 120 && /[\p{Cc}\u2028\u2029]/u.test(text)) {
    throw refuse(
      `${flag} ska stå på en rad, utan radbrytningar eller andra styrtecken.`,
      `${flag} must be one line, without line breaks or other control characters.`,
      lang,
    );
  }
  if (text.length >= min && text.length <= max) return text;
  throw refuse(`${flag} ska vara ${min}–${max} tecken långt.`, `${flag} must be ${min}–${max} characters long.`, lang);
}

/** Refuses a date after today for something that has to have happened (an answer, a decision, an adoption). */
export function notInFuture(date: string, today: string, flag: string, what: { sv: string; en: string }, lang: Lang): void {
  if (date <= today) return;
  throw refuse(
    `${flag} ${date} ligger i framtiden; ${what.sv} registreras när det har skett. Ange dagens datum eller ett tidigare.`,
    `${flag} ${date} is in the future; ${what.en} is recorded once it has happened. Give today's date or an earlier one.`,
    lang,
  );
}

/** The latest date in the change history, if any. */
export function latestHistoryDate(doc: Pick<SamDoc, "andringshistorik">): string | undefined {
  return (doc.andringshistorik ?? []).reduce<string | undefined>(
    (max, h) => (isIsoDate(h.datum) && (max === undefined || h.datum > max) ? h.datum : max),
    undefined,
  );
}

export interface ReviseBy {
  reviseBy: string;
  /** Set when the date was limited to `giltig_till`. */
  clampedTo?: string;
  /** Set when `giltig_till` had already passed on `date`. */
  expired?: string;
}

/**
 * The new `revideras_senast` counted from `date`: the configuration's
 * interval for the document type, limited to `giltig_till` when that comes
 * earlier (a document is due for revision when it stops being valid, and the
 * validity rule SD121 asks for `revideras_senast <= giltig_till`). When
 * validity has already ended, the date is not limited: it then falls after
 * `giltig_till`, which SD121 reports, so the caller's edit is refused with why.
 */
export function reviseByFrom(config: SamdokConfig, type: string, date: string, validUntil: string | undefined): ReviseBy {
  const reviseBy = addMonths(date, reviewMonths(config, type));
  if (!isIsoDate(validUntil)) return { reviseBy };
  if (validUntil < date) return { reviseBy, expired: validUntil };
  if (validUntil < reviseBy) return { reviseBy: validUntil, clampedTo: validUntil };
  return { reviseBy };
}
