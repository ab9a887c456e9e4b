/**
 * `samdok adopt`: a party's adoption appended to `antaganden` (due/edit/lifecycle-adopt.ts plans it;
 * edit-document.ts validates and writes).
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { planAdopt } from "../../../due/edit/lifecycle-adopt.js";
import { partyLabel } from "../../../due/edit/lifecycle-common.js";
import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface AdoptFlags {
  party: string;
  body: string;
  date?: string;
  paragraph?: string;
  registration?: string;
  adoptedVersion?: string;
  in?: string;
}

export async function adoptCommand(io: Io, target: string, flags: AdoptFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  const config = entry.loaded.config;
  const now = today(io);
  const plan = planAdopt(original.text, original.doc, config, {
    party: flags.party,
    body: flags.body,
    date: flags.date ?? now,
    today: now,
    lang,
    ...(flags.paragraph !== undefined ? { paragraph: flags.paragraph } : {}),
    ...(flags.registration !== undefined ? { registration: flags.registration } : {}),
    ...(flags.adoptedVersion !== undefined ? { version: flags.adoptedVersion } : {}),
  });
  const a = plan.adoption;
  const done = pick(
    {
      sv: `${entry.result.file}: ${partyLabel(config, a.part)} antog version ${a.version} ${a.datum} i ${a.organ}.`,
      en: `${entry.result.file}: ${partyLabel(config, a.part)} adopted version ${a.version} on ${a.datum} in ${a.organ}.`,
    },
    lang,
  );
  const total = plan.following.length + plan.remaining.length;
  const current = plan.current ?? a.version;
  const notes = [
    plan.remaining.length === 0
      ? pick({ sv: `Alla ${total} parter följer nu version ${current}.`, en: `All ${total} parties now follow version ${current}.` }, lang)
      : pick(
          {
            sv: `${plan.following.length} av ${total} parter följer version ${current}; kvar: ${plan.remaining.map((p) => partyLabel(config, p)).join(", ")}.`,
            en: `${plan.following.length} of ${total} parties follow version ${current}; remaining: ${plan.remaining.map((p) => partyLabel(config, p)).join(", ")}.`,
          },
          lang,
        ),
  ];
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}
