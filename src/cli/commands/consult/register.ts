/**
 * `samdok consult` (alias `remiss`): send the version in progress on remiss, or change the period of a
 * remiss under way (design §3). Only the option table lives here; the action imports run.ts when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { commaList, parseDate, inOption } from "../../options.js";
import type { ConsultFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("consult")
    .alias("remiss")
    .description(
      t(
        "skicka ett utkast på remiss till parterna (status remiss), eller ändra remisstiden för ett dokument på remiss",
        "send a draft on consultation to the parties (status remiss), or change the period of a document on consultation",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--until <datum>", t("sista dag att lämna remissvar", "last day to answer"), parseDate(lang))
    .option(
      "--from <datum>",
      t("remissens första dag (standard: i dag)", "first day of the consultation (default: today)"),
      parseDate(lang),
    )
    .option(
      "--to <parter>",
      t(
        "partkoder som får remissen, kommaseparerade (standard: dokumentets parter); på en pågående remiss läggs de till",
        "party codes to consult, comma-separated (default: the document's parties); on a consultation under way they are added",
      ),
      commaList,
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        "  samdok consult overenskommelse-trygg-hemgang --until 2027-01-31\n  samdok remiss overenskommelse-trygg-hemgang --until 2027-01-31 --to region-04,0480,0484\n  samdok consult overenskommelse-trygg-hemgang --until 2027-02-28   # förläng en pågående remiss\n",
        "  samdok consult overenskommelse-trygg-hemgang --until 2027-01-31\n  samdok consult overenskommelse-trygg-hemgang --until 2027-01-31 --to region-04,0480,0484\n  samdok consult overenskommelse-trygg-hemgang --until 2027-02-28   # extend a consultation under way\n",
      ),
    )
    .action(async (target: string, flags: ConsultFlags) => {
      const { consultCommand } = await import("./run.js");
      ctx.setExit(await consultCommand(ctx.io, target, flags));
    });
}
