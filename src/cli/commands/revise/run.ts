/**
 * `samdok revise`: a new version with its change-history line and revideras_senast (due/edit/revise.ts plans it; edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { planRevision } from "../../../due/edit/revise.js";

import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface ReviseFlags {
  summary: string;
  major?: boolean;
  date?: string;
  in?: string;
}

export async function reviseCommand(io: Io, target: string, flags: ReviseFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const date = flags.date ?? today(io);
  const original = readOriginal(io, entry);
  const plan = planRevision(original.text, original.doc, entry.loaded.config, {
    summary: flags.summary,
    major: flags.major === true,
    date,
    lang,
  });
  const notes: string[] = [];
  if (plan.clampedTo) {
    notes.push(
      pick(
        {
          sv: `Revideras senast sattes till ${plan.clampedTo}, dagen då dokumentet slutar gälla (giltig_till). Förläng giltig_till om det ska gälla längre.`,
          en: `Revise-by was set to ${plan.clampedTo}, the day the document stops being valid (giltig_till). Extend giltig_till if it is to apply longer.`,
        },
        lang,
      ),
    );
  }
  if (plan.expired) {
    notes.push(
      pick(
        {
          sv: `Obs! Giltigheten (giltig_till ${plan.expired}) har redan gått ut. Ange ett nytt giltig_till.`,
          en: `Note: validity (giltig_till ${plan.expired}) has already ended. Set a new giltig_till.`,
        },
        lang,
      ),
    );
  }
  if (original.doc.status === "fastställd") {
    notes.push(
      pick(
        {
          sv: "När den nya versionen fastställs: uppdatera faststalld_datum och beslutsparagraf.",
          en: "When the new version is adopted: update faststalld_datum and beslutsparagraf.",
        },
        lang,
      ),
    );
  }
  const reviseBy = plan.reviseBy
    ? pick({ sv: `, revideras senast ${plan.reviseBy}`, en: `, revise by ${plan.reviseBy}` }, lang)
    : pick(
        {
          sv: " (revideras_senast ändras inte förrän dokumentet är fastställt)",
          en: " (revideras_senast is not changed until the document is adopted)",
        },
        lang,
      );
  const done = pick(
    {
      sv: `${entry.result.file}: version ${plan.from} → ${plan.to}, ändringshistoriken har fått en rad (${plan.date})${reviseBy}.`,
      en: `${entry.result.file}: version ${plan.from} → ${plan.to}, one line added to the change history (${plan.date})${reviseBy}.`,
    },
    lang,
  );
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}
