/**
 * `samdok consult`: a draft sent on remiss, or the period of a remiss changed (due/edit/lifecycle.ts
 * plans it; edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { planConsult } from "../../../due/edit/lifecycle.js";
import { partyLabel } from "../../../due/edit/lifecycle-common.js";
import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface ConsultFlags {
  until: string;
  from?: string;
  to?: string[];
  in?: string;
}

export async function consultCommand(io: Io, target: string, flags: ConsultFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  const config = entry.loaded.config;
  const plan = planConsult(original.text, original.doc, config, {
    until: flags.until,
    today: today(io),
    lang,
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.to !== undefined ? { to: flags.to } : {}),
  });
  const id = original.doc.id;
  const names = (codes: readonly string[]): string => codes.map((c) => partyLabel(config, c)).join(", ");
  let done: string;
  if (plan.previousUntil === undefined) {
    done = pick(
      {
        sv: `${entry.result.file}: version ${plan.version} på remiss ${plan.from} – ${plan.until} till ${names(plan.instanser)}.`,
        en: `${entry.result.file}: version ${plan.version} on consultation ${plan.from} – ${plan.until} to ${names(plan.instanser)}.`,
      },
      lang,
    );
  } else {
    const period =
      plan.previousUntil === plan.until
        ? pick({ sv: `remisstiden är oförändrad (till ${plan.until})`, en: `the period is unchanged (until ${plan.until})` }, lang)
        : pick(
            {
              sv: `remisstiden ändrad: till ${plan.previousUntil} → ${plan.until}`,
              en: `period changed: until ${plan.previousUntil} → ${plan.until}`,
            },
            lang,
          );
    const added = plan.added.length > 0 ? pick({ sv: `; tillagda: ${names(plan.added)}`, en: `; added: ${names(plan.added)}` }, lang) : "";
    done = `${entry.result.file}: ${period}${added}.`;
  }
  const notes = [
    pick(
      {
        sv: `Registrera svaren med samdok respond ${id} --party KOD --position tillstyrker|avstyrker|synpunkter.`,
        en: `Record the answers with samdok respond ${id} --party CODE --position approve|reject|comments.`,
      },
      lang,
    ),
  ];
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}
