/**
 * `samdok followup`: record a follow-up as done.
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, parseWholeNumber, inOption } from "../../options.js";
import type { FollowupFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("followup")
    .description(t("registrera en genomförd uppföljning (genomford och resultat)", "record a follow-up as done (genomford and resultat)"))
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--result <text>", t("kort sammanfattning av resultatet", "short summary of the outcome"))
    .option(
      "--date <datum>",
      t("när uppföljningen gjordes (standard: i dag)", "when the follow-up was done (default: today)"),
      parseDate(lang),
    )
    .option(
      "--index <nummer>",
      t(
        "vilken uppföljning, räknat från 1 (standard: den tidigaste som inte är gjord)",
        "which follow-up, counted from 1 (default: the earliest not yet done)",
      ),
      parseWholeNumber(lang),
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        '  samdok followup overenskommelse-trygg-hemgang --date 2026-11-12 --result "Betalningsansvaret minskade i sju av nio kommuner."\n  samdok followup overenskommelse-trygg-hemgang --index 3 --result "Klart."\n',
        '  samdok followup overenskommelse-trygg-hemgang --date 2026-11-12 --result "Payment days fell in seven of nine municipalities."\n  samdok followup overenskommelse-trygg-hemgang --index 3 --result "Done."\n',
      ),
    )
    .action(async (target: string, flags: FollowupFlags) => {
      const { followupCommand } = await import("./run.js");
      ctx.setExit(await followupCommand(ctx.io, target, flags));
    });
}
