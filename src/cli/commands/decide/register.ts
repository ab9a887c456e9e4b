/**
 * `samdok decide` (alias `faststall`): record the joint body's decision on the version in progress
 * (design §3). Only the option table lives here; the action imports run.ts when it runs.
 */
import { InvalidArgumentError, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import type { Lang } from "../../../core/types.js";
import { isIsoDate } from "../../../core/dates.js";
import { pick } from "../../../i18n/text.js";
import { commaList, parseDate, inOption } from "../../options.js";
import type { DecideFlags } from "./run.js";

/** `--valid-until`: a date, or "tills-vidare" (also "tills vidare") for no end date. */
function parseValidUntil(lang: Lang) {
  return (value: string): string => {
    if (/^tills[ -]vidare$/i.test(value.trim())) return "tills vidare";
    if (isIsoDate(value)) return value;
    throw new InvalidArgumentError(
      pick(
        {
          sv: "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2030-12-31, eller tills-vidare.",
          en: "Give a date as YYYY-MM-DD, for example 2030-12-31, or tills-vidare.",
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
    .command("decide")
    .alias("faststall")
    .description(
      t(
        "registrera beslutet om versionen under arbete: status fastställd, beslutsuppgifter, giltighet, revideras_senast och en rad i ändringshistoriken",
        "record the decision on the version in progress: status fastställd, decision fields, validity, revideras_senast and a change-history line",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption(
      "--body <organ>",
      t(
        "beslutsorganets id ur konfigurationen; flera kommaseparerade",
        "the decision body's id from the configuration; several comma-separated",
      ),
      commaList,
    )
    .requiredOption("--paragraph <§>", t('paragraf i protokollet, till exempel "§ 27"', 'section of the minutes, for example "§ 27"'))
    .option("--date <datum>", t("beslutsdatum (standard: i dag)", "date of the decision (default: today)"), parseDate(lang))
    .option(
      "--valid-from <datum>",
      t("första dag den nya versionen gäller (standard: beslutsdatumet)", "first day the new version applies (default: the decision date)"),
      parseDate(lang),
    )
    .option(
      "--valid-until <datum|tills-vidare>",
      t(
        "sista dag den gäller (standard: nuvarande giltig_till om den ligger senare, annars tills vidare)",
        "last day it applies (default: the current giltig_till when later, else tills vidare)",
      ),
      parseValidUntil(lang),
    )
    .option("--registration <dnr>", t("ärendets diarienummer", "the case's registration number"))
    .option(
      "--summary <text>",
      t("vad som ändrats, till ändringshistoriken (standard: beslutet)", "what changed, for the change history (default: the decision)"),
    )
    .option(
      "--editorial",
      t(
        "ändringen är redaktionell: parternas antaganden av förra versionen gäller (inte över en huvudversion)",
        "the change is editorial: the parties' adoptions of the previous version apply (not across a major version)",
      ),
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        '  samdok decide overenskommelse-trygg-hemgang --body lansstyrgruppen --paragraph "§ 12" --valid-from 2027-04-01 --summary "Ny ansvarsfördelning för hjälpmedel."\n  samdok faststall rutin-utskrivning --body nsv --paragraph "§ 4" --date 2027-02-10 --valid-until tills-vidare\n',
        '  samdok decide overenskommelse-trygg-hemgang --body lansstyrgruppen --paragraph "§ 12" --valid-from 2027-04-01 --summary "New division of responsibility for aids."\n  samdok decide rutin-utskrivning --body nsv --paragraph "§ 4" --date 2027-02-10 --valid-until tills-vidare\n',
      ),
    )
    .action(async (target: string, flags: DecideFlags) => {
      const { decideCommand } = await import("./run.js");
      ctx.setExit(await decideCommand(ctx.io, target, flags));
    });
}
