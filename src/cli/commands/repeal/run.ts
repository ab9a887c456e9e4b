/**
 * `samdok repeal`: a fastställd document made upphävd, and the replacing document's `ersatter`
 * (due/edit/lifecycle-repeal.ts plans both; edit-document.ts validates the set and writes them).
 */
import type { Io } from "../../io.js";
import { pick } from "../../../i18n/text.js";
import { planRepeal } from "../../../due/edit/lifecycle-repeal.js";
import { readOriginal, resolveDocument, validateAndReplace, validateAndReplaceAll, type Replacement } from "../../edit-document.js";

export interface RepealFlags {
  date: string;
  replacedBy?: string;
  in?: string;
}

export async function repealCommand(io: Io, target: string, flags: RepealFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  const other = flags.replacedBy !== undefined ? await resolveDocument(io, flags.replacedBy, flags.in) : undefined;
  const theirs = other !== undefined && other.absPath !== entry.absPath ? readOriginal(io, other) : undefined;
  const plan = planRepeal(original.text, original.doc, {
    date: flags.date,
    file: entry.result.file,
    lang,
    ...(other !== undefined ? { replacing: theirs ?? original } : {}),
  });
  const by = other !== undefined ? pick({ sv: `, ersatt av ${other.doc.id}`, en: `, replaced by ${other.doc.id}` }, lang) : "";
  const done = pick(
    {
      sv: `${entry.result.file}: upphävt från ${plan.date}${by}.`,
      en: `${entry.result.file}: repealed from ${plan.date}${by}.`,
    },
    lang,
  );
  if (other === undefined || theirs === undefined || plan.replacingText === undefined) {
    return validateAndReplace(io, entry, original, plan.text, done);
  }
  const also = pick(
    {
      sv: `${other.result.file}: ersatter nu ${original.doc.id}.`,
      en: `${other.result.file}: now replaces ${original.doc.id}.`,
    },
    lang,
  );
  // The replacing document first: when the second write finds its file changed, a new run finds the first done.
  const edits: Replacement[] = [
    { entry: other, original: theirs, text: plan.replacingText },
    { entry, original, text: plan.text },
  ];
  return validateAndReplaceAll(io, edits, `${done}\n${also}`);
}
