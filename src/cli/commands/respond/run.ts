/**
 * `samdok respond`: a party's answer to a remiss appended to `remiss.svar` (due/edit/lifecycle.ts
 * plans it; edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import type { Standpunkt } from "../../../core/document.js";
import { planRespond } from "../../../due/edit/lifecycle.js";
import { partyLabel } from "../../../due/edit/lifecycle-common.js";
import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface RespondFlags {
  party: string;
  position: Standpunkt;
  date?: string;
  registration?: string;
  comment?: string;
  in?: string;
}

const POSITION_EN: Record<Standpunkt, string> = { tillstyrker: "approve", avstyrker: "reject", synpunkter: "comments" };

export async function respondCommand(io: Io, target: string, flags: RespondFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  const config = entry.loaded.config;
  const now = today(io);
  const plan = planRespond(original.text, original.doc, config, {
    party: flags.party,
    position: flags.position,
    date: flags.date ?? now,
    today: now,
    lang,
    ...(flags.registration !== undefined ? { registration: flags.registration } : {}),
    ...(flags.comment !== undefined ? { comment: flags.comment } : {}),
  });
  const a = plan.answer;
  const who = partyLabel(config, a.part);
  const done = pick(
    {
      sv: `${entry.result.file}: remissvar från ${who} ${a.datum}: ${a.standpunkt}.`,
      en: `${entry.result.file}: answer from ${who} on ${a.datum}: ${POSITION_EN[a.standpunkt]}.`,
    },
    lang,
  );
  const notes: string[] = [];
  if (plan.replaces) {
    notes.push(
      pick(
        {
          sv: `Svaret ersätter partens tidigare svar (${plan.replaces.datum}: ${plan.replaces.standpunkt}); det senaste gäller.`,
          en: `The answer replaces the party's earlier one (${plan.replaces.datum}: ${POSITION_EN[plan.replaces.standpunkt]}); the latest counts.`,
        },
        lang,
      ),
    );
  }
  if (plan.late) {
    notes.push(
      pick({ sv: `Svaret kom efter sista svarsdagen ${plan.late}.`, en: `The answer came after the last day, ${plan.late}.` }, lang),
    );
  }
  if (plan.consulted.length > 0) {
    const waiting = plan.consulted.filter((p) => !plan.answered.includes(p));
    notes.push(
      pick(
        {
          sv: `${plan.answered.length} av ${plan.consulted.length} remissinstanser har svarat${waiting.length > 0 ? `; väntar på ${waiting.map((p) => partyLabel(config, p)).join(", ")}` : ""}.`,
          en: `${plan.answered.length} of ${plan.consulted.length} consulted parties have answered${waiting.length > 0 ? `; waiting for ${waiting.map((p) => partyLabel(config, p)).join(", ")}` : ""}.`,
        },
        lang,
      ),
    );
  }
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}
