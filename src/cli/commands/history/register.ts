/**
 * `samdok history`: a document's versions from git, oldest first.
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, inOption } from "../../options.js";
import type { HistoryFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("history")
    .alias("historik")
    .description(
      t(
        "visa ett dokuments versioner ur git: status, beslut, giltighet och commit, äldst först",
        "show a document's versions from git: status, decision, validity and commit, oldest first",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .addOption(new Option("-f, --format <format>", t("utdataformat", "output format")).choices(["table", "json"]).default("table"))
    .option(
      "--as-of <datum>",
      t("vilken version som gällde en viss dag (standard: i dag)", "which version applied on a given day (default: today)"),
      parseDate(lang),
    )
    .option(
      "--show <version>",
      t(
        "skriv ut texten i en version (tecken som kan styra en terminal eller CI visas som symboler; exakta byte: git show <commit>:<fil>)",
        "print the text of one version (characters that could drive a terminal or CI are shown as symbols; exact bytes: git show <commit>:<file>)",
      ),
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        "  samdok history overenskommelse-trygg-hemgang\n  samdok history documents/sormland/rutin-utskrivning-slutenvard.md --format json\n  samdok historik overenskommelse-trygg-hemgang --as-of 2026-01-01\n  samdok history rutin-utskrivning-slutenvard --show 1.0\n",
        "  samdok history overenskommelse-trygg-hemgang\n  samdok history documents/sormland/rutin-utskrivning-slutenvard.md --format json\n  samdok history overenskommelse-trygg-hemgang --as-of 2026-01-01\n  samdok history rutin-utskrivning-slutenvard --show 1.0\n",
      ),
    )
    .action(async (target: string, flags: HistoryFlags) => {
      const { historyCommand } = await import("./run.js");
      ctx.setExit(await historyCommand(ctx.io, target, flags));
    });
}
