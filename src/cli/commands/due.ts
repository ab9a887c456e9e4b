/**
 * Registers due, revise, followup, new and report. Only the option tables
 * live here; each action imports its implementation when it runs.
 */
import { Option, type Command } from "commander";
import type { CommandContext } from "../context.js";
import { pick } from "../../i18n/text.js";
import { parseDate, parseWholeNumber } from "../options.js";
import { FAIL_ON, GROUP_BY } from "../../due/model.js";
import { DUE_FORMATS } from "../../due/format/types.js";
import type { DueFlags, ReportFlags } from "../due-command.js";
import type { FollowupFlags, NewFlags, ReviseFlags } from "../edit-command.js";

const list = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(",").map((s) => s.trim()).filter(Boolean)];

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("due")
    .description(t("visa vad som ska revideras, följas upp, slutar gälla eller har passerat remisstiden", "list what must be revised, followed up, stops being valid or is past its consultation"))
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .option("--as-of <datum>", t("räkna från detta datum (standard: i dag)", "count from this date (default: today)"), parseDate(lang))
    .option("--within <dagar>", t("hur långt framåt, t.ex. 90d, 90 eller 12v (standard: bevakning.inom_dagar i konfigurationen, annars 90)", "how far ahead, e.g. 90d, 90 or 12w (default: bevakning.inom_dagar in the configuration, else 90)"))
    .option("--owner <roll>", t("bara poster för denna ansvariga roll (id eller namn)", "only items for this responsible role (id or name)"))
    .option("--spar <spår>", t("bara dokument i dessa spår (kommaseparerat)", "only documents in these tracks (comma-separated)"), list)
    .option("--type <typ>", t("bara dessa dokumenttyper (kommaseparerat)", "only these document types (comma-separated)"), list)
    .addOption(new Option("--group-by <fält>", t("gruppera listan", "group the list")).choices([...GROUP_BY]))
    .addOption(new Option("-f, --format <format>", t("utdataformat", "output format")).choices([...DUE_FORMATS]).default("table"))
    .addOption(new Option("--fail-on <läge>", t("slutkod 1 när något är förfallet (overdue) eller förfallet eller snart (due)", "exit 1 when anything is overdue, or overdue or due")).choices([...FAIL_ON]).default("never"))
    .option("-o, --output <fil>", t("skriv till en fil (atomiskt) i stället för till terminalen", "write to a file (atomically) instead of the terminal"))
    .addHelpText(
      "after",
      examples(
        "  samdok due\n  samdok due documents/sormland --within 180d --group-by ansvarig\n  samdok due --format markdown --fail-on overdue > bevakning.md\n  samdok due --format ics --output bevakning.ics\n  samdok due --format csv --output bevakning.csv --owner narvardskoordinator\n",
        "  samdok due\n  samdok due documents/sormland --within 180d --group-by ansvarig\n  samdok due --format markdown --fail-on overdue > due.md\n  samdok due --format ics --output due.ics\n  samdok due --format csv --output due.csv --owner narvardskoordinator\n",
      ),
    )
    .action(async (paths: string[], flags: DueFlags) => {
      const { dueCommand } = await import("../due-command.js");
      ctx.setExit(await dueCommand(ctx.io, paths, flags));
    });

  program
    .command("revise")
    .description(t("registrera en revidering: ny version, rad i ändringshistoriken och nytt revideras_senast", "record a revision: new version, a change-history line and a new revideras_senast"))
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--summary <text>", t("kort beskrivning av ändringen (till ändringshistoriken)", "short description of the change (for the change history)"))
    .option("--major", t("höj huvudversionen (1.4 → 2.0) i stället för 1.4 → 1.5", "raise the major version (1.4 → 2.0) instead of 1.4 → 1.5"))
    .option("--date <datum>", t("revisionens datum (standard: i dag)", "date of the revision (default: today)"), parseDate(lang))
    .option("--in <mapp>", t("var dokumentet söks när det anges med id (standard: documents/)", "where to look for a document named by id (default: documents/)"))
    .addHelpText(
      "after",
      examples(
        '  samdok revise rutin-utskrivning-slutenvard --summary "Nya kontaktvägar till kommunerna"\n  samdok revise documents/sormland/riktlinje-hemsjukvard.md --major --summary "Ny ansvarsfördelning" --date 2026-11-20\n',
        '  samdok revise rutin-utskrivning-slutenvard --summary "New contact routes"\n  samdok revise documents/sormland/riktlinje-hemsjukvard.md --major --summary "New division of responsibility" --date 2026-11-20\n',
      ),
    )
    .action(async (target: string, flags: ReviseFlags) => {
      const { reviseCommand } = await import("../edit-command.js");
      ctx.setExit(await reviseCommand(ctx.io, target, flags));
    });

  program
    .command("followup")
    .description(t("registrera en genomförd uppföljning (genomford och resultat)", "record a follow-up as done (genomford and resultat)"))
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--result <text>", t("kort sammanfattning av resultatet", "short summary of the outcome"))
    .option("--date <datum>", t("när uppföljningen gjordes (standard: i dag)", "when the follow-up was done (default: today)"), parseDate(lang))
    .option("--index <nummer>", t("vilken uppföljning, räknat från 1 (standard: den tidigaste som inte är gjord)", "which follow-up, counted from 1 (default: the earliest not yet done)"), parseWholeNumber(lang))
    .option("--in <mapp>", t("var dokumentet söks när det anges med id (standard: documents/)", "where to look for a document named by id (default: documents/)"))
    .addHelpText(
      "after",
      examples(
        '  samdok followup overenskommelse-trygg-hemgang --date 2026-11-12 --result "Betalningsansvaret minskade i sju av nio kommuner."\n  samdok followup overenskommelse-trygg-hemgang --index 3 --result "Klart."\n',
        '  samdok followup overenskommelse-trygg-hemgang --date 2026-11-12 --result "Payment days fell in seven of nine municipalities."\n  samdok followup overenskommelse-trygg-hemgang --index 3 --result "Done."\n',
      ),
    )
    .action(async (target: string, flags: FollowupFlags) => {
      const { followupCommand } = await import("../edit-command.js");
      ctx.setExit(await followupCommand(ctx.io, target, flags));
    });

  program
    .command("new")
    .description(t("skapa ett nytt dokument (utkast) ur mallen för dess typ", "create a new document (draft) from the template of its type"))
    .requiredOption("--type <typ>", t("överenskommelse, riktlinje, rutin, policy, målbild, färdplan eller handlingsplan", "överenskommelse, riktlinje, rutin, policy, målbild, färdplan or handlingsplan"))
    .requiredOption("--title <titel>", t("dokumentets titel", "the document's title"))
    .option("--spar <spår>", t("spåret dokumentet hör till (standard: det första i konfigurationen)", "the document's track (default: the first in the configuration)"))
    .option("--out <mapp>", t("samlingens mapp, där filen skrivs (standard: den aktuella mappen)", "the set's folder, where the file is written (default: the current folder)"))
    .option("--id <id>", t("eget id i stället för ett som bildas av titeln", "an id of your own instead of one made from the title"))
    .option("--ansvarig <roll>", t("dokumentansvarig roll", "the responsible role"))
    .option("--parter <koder>", t("partkoder, kommaseparerade (standard: alla parter i konfigurationen)", "party codes, comma-separated (default: every party in the configuration)"), list)
    .addHelpText(
      "after",
      examples(
        '  samdok new --type rutin --title "Rutin för läkemedel vid hemgång" --spar hs-rutiner --out documents/sormland\n',
        '  samdok new --type rutin --title "Rutin för läkemedel vid hemgång" --spar hs-rutiner --out documents/sormland\n',
      ),
    )
    .action(async (flags: NewFlags) => {
      const { newCommand } = await import("../edit-command.js");
      ctx.setExit(await newCommand(ctx.io, flags));
    });

  program
    .command("report")
    .description(t("statusrapport till styrgruppen (Länsstyrgruppen) som Markdown eller HTML", "status report for the steering group (Länsstyrgruppen) as Markdown or HTML"))
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .option("--since <datum>", t("redovisa beslut och uppföljningar från detta datum (standard: tre månader bakåt)", "report decisions and follow-ups from this date (default: three months back)"), parseDate(lang))
    .option("--as-of <datum>", t("rapportdatum (standard: i dag)", "report date (default: today)"), parseDate(lang))
    .option("--within <dagar>", t("hur långt fram bevakningen ser (standard: som samdok due)", "how far ahead due dates look (default: as samdok due)"))
    .addOption(new Option("-f, --format <format>", t("utdataformat", "output format")).choices(["markdown", "html"]).default("markdown"))
    .option("-o, --output <fil>", t("skriv till en fil (atomiskt)", "write to a file (atomically)"))
    .option("--to <mottagare>", t("rapportens mottagare (standard: Länsstyrgruppen om den finns bland beslutsorganen)", "the report's recipient (default: Länsstyrgruppen when it is a decision body)"))
    .addHelpText(
      "after",
      examples(
        "  samdok report documents/sormland --since 2026-09-01\n  samdok report documents/sormland --format html --output dist/statusrapport.html\n",
        "  samdok report documents/sormland --since 2026-09-01\n  samdok report documents/sormland --format html --output dist/status-report.html\n",
      ),
    )
    .action(async (paths: string[], flags: ReportFlags) => {
      const { reportCommand } = await import("../due-command.js");
      ctx.setExit(await reportCommand(ctx.io, paths, flags));
    });
}
