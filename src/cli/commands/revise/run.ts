/**
 * `samdok revise`: a new version with its change-history line and revideras_senast (due/edit/revise.ts
 * plans it), or with `--start` a new version begun on a fastställd document (due/edit/lifecycle.ts);
 * edit-document.ts validates and writes.
 */
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { UsageError } from "../../../core/errors.js";
import { planRevision } from "../../../due/edit/revise.js";
import { planStart } from "../../../due/edit/lifecycle.js";

import { readOriginal, resolveDocument, validateAndReplace } from "../../edit-document.js";

export interface ReviseFlags {
  summary?: string;
  start?: boolean;
  major?: boolean;
  date?: string;
  in?: string;
}

export async function reviseCommand(io: Io, target: string, flags: ReviseFlags): Promise<number> {
  const lang = io.lang;
  if (flags.start === true && flags.summary !== undefined) {
    throw new UsageError(
      pick(
        {
          sv: "--start och --summary går inte ihop. --start påbörjar en ny version som beskrivs när den fastställs (samdok decide --summary); --summary registrerar en redaktionell ändring direkt. Välj en av dem.",
          en: "--start and --summary do not go together. --start begins a new version, described when it is decided (samdok decide --summary); --summary records an editorial change at once. Choose one.",
        },
        lang,
      ),
    );
  }
  if (flags.start === true && flags.date !== undefined) {
    throw new UsageError(
      pick(
        {
          sv: "--date används inte med --start: den nya versionen får sitt datum när den fastställs (samdok decide --date).",
          en: "--date is not used with --start: the new version gets its date when it is decided (samdok decide --date).",
        },
        lang,
      ),
    );
  }
  if (flags.start !== true && flags.summary === undefined) {
    throw new UsageError(
      pick(
        {
          sv: "Ange --summary med en kort beskrivning av ändringen, eller --start för att påbörja en ny version av ett fastställt dokument.",
          en: "Give --summary with a short description of the change, or --start to begin a new version of a fastställd document.",
        },
        lang,
      ),
    );
  }
  const entry = await resolveDocument(io, target, flags.in);
  const original = readOriginal(io, entry);
  if (flags.start === true) {
    const plan = planStart(original.text, original.doc, { major: flags.major === true, today: today(io), lang });
    const notes = [
      pick(
        {
          sv: `Nästa steg: samdok consult ${original.doc.id} --until ÅÅÅÅ-MM-DD för remiss, eller samdok decide ${original.doc.id} --body … --paragraph … när den nya versionen fastställs.`,
          en: `Next: samdok consult ${original.doc.id} --until YYYY-MM-DD for consultation, or samdok decide ${original.doc.id} --body … --paragraph … when the new version is decided.`,
        },
        lang,
      ),
    ];
    if (plan.notYetValid) {
      notes.unshift(
        pick(
          {
            sv: `Obs! Version ${plan.from} skulle börja gälla ${plan.notYetValid}; dess beslut finns kvar i git-historiken.`,
            en: `Note: version ${plan.from} was to apply from ${plan.notYetValid}; its decision stays in the git history.`,
          },
          lang,
        ),
      );
    }
    const done = pick(
      {
        sv: `${entry.result.file}: version ${plan.from} → ${plan.to} (utkast). Version ${plan.from} gäller tills den nya fastställs.`,
        en: `${entry.result.file}: version ${plan.from} → ${plan.to} (draft). Version ${plan.from} applies until the new one is decided.`,
      },
      lang,
    );
    return validateAndReplace(io, entry, original, plan.text, done, notes);
  }
  const date = flags.date ?? today(io);
  const plan = planRevision(original.text, original.doc, entry.loaded.config, {
    summary: flags.summary ?? "",
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
  if (plan.editorial) {
    notes.push(
      pick(
        {
          sv: `Ändringen är redaktionell: antaganden av version ${plan.from} gäller även version ${plan.to}. Kräver ändringen ett nytt beslut, påbörja i stället en ny version med samdok revise --start.`,
          en: `The change is editorial: adoptions of version ${plan.from} cover version ${plan.to} too. If the change needs a new decision, begin a new version with samdok revise --start instead.`,
        },
        lang,
      ),
    );
  } else if (original.doc.status === "fastställd") {
    notes.push(
      pick(
        {
          sv: `En ny huvudversion är inte redaktionell: parterna behöver anta version ${plan.to} (samdok adopt). Ska den fastställas först, använd hellre samdok revise --start --major och sedan samdok decide.`,
          en: `A new major version is not editorial: the parties need to adopt version ${plan.to} (samdok adopt). If it is still to be decided, use samdok revise --start --major and then samdok decide instead.`,
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
