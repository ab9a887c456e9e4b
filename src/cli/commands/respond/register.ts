/**
 * `samdok respond` (alias `svara`): record a party's answer to a remiss (design §3).
 * Only the option table lives here; the action imports run.ts when it runs.
 */
import { InvalidArgumentError, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import type { Lang } from "../../../core/types.js";
import type { Standpunkt } from "../../../core/document.js";
import { closest } from "../../../core/suggest.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, inOption } from "../../options.js";
import type { RespondFlags } from "./run.js";

/** The positions `--position` accepts: English words, or the Swedish ones the file holds. */
const POSITIONS: Readonly<Record<string, Standpunkt>> = {
  approve: "tillstyrker",
  reject: "avstyrker",
  comments: "synpunkter",
  tillstyrker: "tillstyrker",
  avstyrker: "avstyrker",
  synpunkter: "synpunkter",
};

/** `--position`: the English word or the Swedish one the file holds. */
function parsePosition(lang: Lang) {
  return (value: string): Standpunkt => {
    const position = Object.hasOwn(POSITIONS, value) ? POSITIONS[value] : undefined;
    if (position !== undefined) return position;
    const guess = closest(value, Object.keys(POSITIONS));
    throw new InvalidArgumentError(
      pick(
        {
          sv: `${guess ? `Menade du ${guess}? ` : ""}Ange tillstyrker (approve), avstyrker (reject) eller synpunkter (comments).`,
          en: `${guess ? `Did you mean ${guess}? ` : ""}Give approve (tillstyrker), reject (avstyrker) or comments (synpunkter).`,
        },
        lang,
      ),
    );
  };
}

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("respond")
    .alias("svara")
    .description(
      t(
        "registrera en parts remissvar (ståndpunkt, datum, diarienummer) på ett dokument på remiss",
        "record a party's answer to a consultation (position, date, registration number)",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--party <kod>", t("partens kod, till exempel 0480", "the party's code, for example 0480"))
    .requiredOption(
      "--position <ståndpunkt>",
      t(
        "tillstyrker, avstyrker eller synpunkter (även approve, reject, comments)",
        "approve, reject or comments (also tillstyrker, avstyrker, synpunkter)",
      ),
      parsePosition(lang),
    )
    .option("--date <datum>", t("dagen då svaret kom in (standard: i dag)", "the day the answer arrived (default: today)"), parseDate(lang))
    .option("--registration <dnr>", t("partens diarienummer för svaret", "the party's registration number for the answer"))
    .option("--comment <text>", t("kort sammanfattning av svaret", "short summary of the answer"))
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        '  samdok respond overenskommelse-trygg-hemgang --party 0480 --position tillstyrker --registration "SN 2026/112"\n  samdok svara overenskommelse-trygg-hemgang --party 0484 --position synpunkter --date 2027-01-20 --comment "Vill förtydliga ansvaret för hjälpmedel."\n',
        '  samdok respond overenskommelse-trygg-hemgang --party 0480 --position approve --registration "SN 2026/112"\n  samdok respond overenskommelse-trygg-hemgang --party 0484 --position comments --date 2027-01-20 --comment "Clarify who provides aids."\n',
      ),
    )
    .action(async (target: string, flags: RespondFlags) => {
      const { respondCommand } = await import("./run.js");
      ctx.setExit(await respondCommand(ctx.io, target, flags));
    });
}
