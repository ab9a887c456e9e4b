/**
 * `samdok decide`: the decision on the version in progress (due/edit/lifecycle-decide.ts plans it;
 * edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { bodyName } from "../../../core/config-model.js";
import { planDecide } from "../../../due/edit/lifecycle-decide.js";
import { partyLabel } from "../../../due/edit/lifecycle-common.js";
import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface DecideFlags {
  body: string[];
  paragraph: string;
  date?: string;
  validFrom?: string;
  validUntil?: string;
  registration?: string;
  summary?: string;
  editorial?: boolean;
  in?: string;
}

export async function decideCommand(io: Io, target: string, flags: DecideFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  const config = entry.loaded.config;
  const now = today(io);
  const plan = planDecide(original.text, original.doc, config, {
    bodies: flags.body,
    paragraph: flags.paragraph,
    date: flags.date ?? now,
    editorial: flags.editorial === true,
    today: now,
    lang,
    ...(flags.validFrom !== undefined ? { validFrom: flags.validFrom } : {}),
    ...(flags.validUntil !== undefined ? { validUntil: flags.validUntil } : {}),
    ...(flags.registration !== undefined ? { registration: flags.registration } : {}),
    ...(flags.summary !== undefined ? { summary: flags.summary } : {}),
  });
  const id = original.doc.id;
  const bodies = plan.bodies.map((b) => bodyName(config, b)).join(pick({ sv: " och ", en: " and " }, lang));
  const version = plan.from === plan.version ? plan.version : `${plan.from} → ${plan.version}`;
  const done = pick(
    {
      sv: `${entry.result.file}: version ${version} fastställd ${plan.date} av ${bodies}; gäller från ${plan.validFrom} till ${plan.validUntil}, revideras senast ${plan.reviseBy}.`,
      en: `${entry.result.file}: version ${version} decided on ${plan.date} by ${bodies}; applies from ${plan.validFrom} until ${plan.validUntil === "tills vidare" ? "further notice" : plan.validUntil}, revise by ${plan.reviseBy}.`,
    },
    lang,
  );
  const notes: string[] = [];
  if (plan.previous !== undefined && plan.validFrom > plan.date) {
    notes.push(
      pick(
        {
          sv: `Version ${plan.previous} gäller till dess, ${plan.validFrom}.`,
          en: `Version ${plan.previous} applies until then, ${plan.validFrom}.`,
        },
        lang,
      ),
    );
  }
  if (plan.droppedUntil !== undefined) {
    notes.push(
      pick(
        {
          sv: `Det tidigare giltig_till (${plan.droppedUntil}) låg inte efter den nya giltighetens början och ersattes med tills vidare. Ange --valid-until för ett slutdatum.`,
          en: `The earlier giltig_till (${plan.droppedUntil}) was not after the new validity's start and was replaced by tills vidare. Give --valid-until for an end date.`,
        },
        lang,
      ),
    );
  }
  if (plan.clampedTo !== undefined) {
    notes.push(
      pick(
        {
          sv: `Revideras senast sattes till ${plan.clampedTo}, dagen då dokumentet slutar gälla (giltig_till).`,
          en: `Revise-by was set to ${plan.clampedTo}, the day the document stops applying (giltig_till).`,
        },
        lang,
      ),
    );
  }
  if (plan.remissOpenUntil !== undefined) {
    notes.push(
      pick(
        {
          sv: `Obs! Remisstiden (till ${plan.remissOpenUntil}) hade inte gått ut.`,
          en: `Note: the consultation period (until ${plan.remissOpenUntil}) had not ended.`,
        },
        lang,
      ),
    );
  }
  if (plan.unanswered.length > 0) {
    notes.push(
      pick(
        {
          sv: `Inga remissvar registrerades från ${plan.unanswered.map((p) => partyLabel(config, p)).join(", ")}.`,
          en: `No answers were recorded from ${plan.unanswered.map((p) => partyLabel(config, p)).join(", ")}.`,
        },
        lang,
      ),
    );
  }
  if (plan.editorial && plan.previous !== undefined) {
    notes.push(
      pick(
        {
          sv: `Ändringen är redaktionell: parternas antaganden av version ${plan.previous} gäller även version ${plan.version}.`,
          en: `The change is editorial: the parties' adoptions of version ${plan.previous} cover version ${plan.version} too.`,
        },
        lang,
      ),
    );
  } else if (plan.asksAdoption) {
    notes.push(
      pick(
        {
          sv: `Parterna antar version ${plan.version} i egna nämnder: samdok adopt ${id} --party KOD --body "Nämndens namn" --date ÅÅÅÅ-MM-DD.`,
          en: `The parties adopt version ${plan.version} in their own committees: samdok adopt ${id} --party CODE --body "Committee name" --date YYYY-MM-DD.`,
        },
        lang,
      ),
    );
  }
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}
