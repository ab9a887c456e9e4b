/**
 * `samdok followup`: a follow-up recorded as done (due/edit/revise.ts plans it; edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { planFollowup } from "../../../due/edit/revise.js";

import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface FollowupFlags {
  result: string;
  date?: string;
  index?: number;
  in?: string;
}

export async function followupCommand(io: Io, target: string, flags: FollowupFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const now = today(io);
  const original = readOriginal(io, entry);
  const plan = planFollowup(original.text, original.doc, {
    date: flags.date ?? now,
    result: flags.result,
    today: now,
    lang,
    ...(flags.index !== undefined ? { index: flags.index } : {}),
  });
  const done = pick(
    {
      sv: `${entry.result.file}: uppföljning ${plan.index} (planerad ${plan.planned}) är genomförd ${flags.date ?? now}: ${plan.description}`,
      en: `${entry.result.file}: follow-up ${plan.index} (planned ${plan.planned}) done on ${flags.date ?? now}: ${plan.description}`,
    },
    lang,
  );
  return validateAndReplace(io, entry, original, plan.text, done);
}
