/**
 * `samdok revise`: record a review (new version, change-history line, new revideras_senast), or with
 * `--start` begin a new version of a fastställd document (the first step of a revision round, design §3).
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, inOption } from "../../options.js";
import type { ReviseFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("revise")
    .description(
      t(
        "registrera en revidering (ny version, rad i ändringshistoriken, nytt revideras_senast), eller påbörja en ny version med --start",
        "record a revision (new version, a change-history line, a new revideras_senast), or begin a new version with --start",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .option(
      "--summary <text>",
      t(
        "kort beskrivning av ändringen (till ändringshistoriken); på ett fastställt dokument en redaktionell ändring",
        "short description of the change (for the change history); on a fastställd document an editorial change",
      ),
    )
    .option(
      "--start",
      t(
        "påbörja en ny version av ett fastställt dokument: status utkast, nästa version; den fastställda gäller tills den nya fastställs",
        "begin a new version of a fastställd document: status utkast, the next version; the decided one applies until the new one is decided",
      ),
    )
    .option(
      "--major",
      t("höj huvudversionen (1.4 → 2.0) i stället för 1.4 → 1.5", "raise the major version (1.4 → 2.0) instead of 1.4 → 1.5"),
    )
    .option(
      "--date <datum>",
      t("revisionens datum, med --summary (standard: i dag)", "date of the revision, with --summary (default: today)"),
      parseDate(lang),
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        '  samdok revise rutin-utskrivning-slutenvard --summary "Nya kontaktvägar till kommunerna"\n  samdok revise documents/sormland/riktlinje-hemsjukvard.md --major --summary "Ny ansvarsfördelning" --date 2026-11-20\n  samdok revise overenskommelse-trygg-hemgang --start --major\n',
        '  samdok revise rutin-utskrivning-slutenvard --summary "New contact routes"\n  samdok revise documents/sormland/riktlinje-hemsjukvard.md --major --summary "New division of responsibility" --date 2026-11-20\n  samdok revise overenskommelse-trygg-hemgang --start --major\n',
      ),
    )
    .action(async (target: string, flags: ReviseFlags) => {
      const { reviseCommand } = await import("./run.js");
      ctx.setExit(await reviseCommand(ctx.io, target, flags));
    });
}
