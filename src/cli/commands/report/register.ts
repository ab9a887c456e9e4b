/**
 * `samdok report`: the status report for the steering group.
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate } from "../../options.js";
import type { ReportFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("report")
    .description(
      t(
        "statusrapport till styrgruppen (Länsstyrgruppen) som Markdown eller HTML",
        "status report for the steering group (Länsstyrgruppen) as Markdown or HTML",
      ),
    )
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .option(
      "--since <datum>",
      t(
        "redovisa beslut och uppföljningar från detta datum (standard: tre månader bakåt)",
        "report decisions and follow-ups from this date (default: three months back)",
      ),
      parseDate(lang),
    )
    .option("--as-of <datum>", t("rapportdatum (standard: i dag)", "report date (default: today)"), parseDate(lang))
    .option(
      "--within <dagar>",
      t("hur långt fram bevakningen ser (standard: som samdok due)", "how far ahead due dates look (default: as samdok due)"),
    )
    .addOption(new Option("-f, --format <format>", t("utdataformat", "output format")).choices(["markdown", "html"]).default("markdown"))
    .option("-o, --output <fil>", t("skriv till en fil (atomiskt)", "write to a file (atomically)"))
    .option(
      "--to <mottagare>",
      t(
        "rapportens mottagare (standard: Länsstyrgruppen om den finns bland beslutsorganen)",
        "the report's recipient (default: Länsstyrgruppen when it is a decision body)",
      ),
    )
    .addHelpText(
      "after",
      examples(
        "  samdok report documents/sormland --since 2026-09-01\n  samdok report documents/sormland --format html --output dist/statusrapport.html\n",
        "  samdok report documents/sormland --since 2026-09-01\n  samdok report documents/sormland --format html --output dist/status-report.html\n",
      ),
    )
    .action(async (paths: string[], flags: ReportFlags) => {
      const { reportCommand } = await import("./run.js");
      ctx.setExit(await reportCommand(ctx.io, paths, flags));
    });
}
