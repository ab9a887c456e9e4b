/**
 * `samdok due`: what must be revised, followed up, stops being valid or is past its remiss.
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, commaList } from "../../options.js";
import { FAIL_ON, GROUP_BY } from "../../../due/list/model.js";
import { DUE_FORMATS } from "../../../due/list/format/types.js";
import type { DueFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("due")
    .description(
      t(
        "visa vad som ska revideras, följas upp, slutar gälla eller har passerat remisstiden",
        "list what must be revised, followed up, stops being valid or is past its consultation",
      ),
    )
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .option("--as-of <datum>", t("räkna från detta datum (standard: i dag)", "count from this date (default: today)"), parseDate(lang))
    .option(
      t("--within <tid>", "--within <time>"),
      t(
        "hur långt framåt, t.ex. 90d, 12v, 6m eller 1år (standard: bevakning.inom_dagar i konfigurationen, annars 90; med --format ics minst ett år)",
        "how far ahead, e.g. 90d, 12w, 6m or 1y (default: bevakning.inom_dagar in the configuration, else 90; with --format ics at least a year)",
      ),
    )
    .option(
      "--owner <roll>",
      t("bara poster för denna ansvariga roll (id eller namn)", "only items for this responsible role (id or name)"),
    )
    .option(
      "--spar <spår>",
      t("bara dokument i dessa spår (kommaseparerat)", "only documents in these tracks (comma-separated)"),
      commaList,
    )
    .option("--type <typ>", t("bara dessa dokumenttyper (kommaseparerat)", "only these document types (comma-separated)"), commaList)
    .addOption(new Option("--group-by <fält>", t("gruppera listan", "group the list")).choices([...GROUP_BY]))
    .addOption(new Option("-f, --format <format>", t("utdataformat", "output format")).choices([...DUE_FORMATS]).default("table"))
    .addOption(
      new Option(
        "--fail-on <läge>",
        t(
          "slutkod 1 när något är förfallet (overdue) eller förfallet eller snart (due)",
          "exit 1 when anything is overdue, or overdue or due",
        ),
      )
        .choices([...FAIL_ON])
        .default("never"),
    )
    .option(
      "-o, --output <fil>",
      t("skriv till en fil (atomiskt) i stället för till terminalen", "write to a file (atomically) instead of the terminal"),
    )
    .addHelpText(
      "after",
      examples(
        "  samdok due\n  samdok due documents/sormland --within 180d --group-by ansvarig\n  samdok due --format markdown --fail-on overdue > bevakning.md\n  samdok due --format ics --output bevakning.ics\n  samdok due --format csv --output bevakning.csv --owner narvardskoordinator\n",
        "  samdok due\n  samdok due documents/sormland --within 180d --group-by ansvarig\n  samdok due --format markdown --fail-on overdue > due.md\n  samdok due --format ics --output due.ics\n  samdok due --format csv --output due.csv --owner narvardskoordinator\n",
      ),
    )
    .action(async (paths: string[], flags: DueFlags) => {
      const { dueCommand } = await import("./run.js");
      ctx.setExit(await dueCommand(ctx.io, paths, flags));
    });
}
