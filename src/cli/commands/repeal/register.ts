/**
 * `samdok repeal` (alias `upphav`): repeal a fastställd document, optionally naming the document that
 * replaces it (design §3). Only the option table lives here; the action imports run.ts when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate } from "../../options.js";
import type { RepealFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("repeal")
    .alias("upphav")
    .description(
      t(
        "upphäv ett fastställt dokument (status upphävd, upphavd_datum), och ange vilket dokument som ersätter det",
        "repeal a fastställd document (status upphävd, upphavd_datum), and name the document that replaces it",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--date <datum>", t("dagen då upphävandet gäller", "the day the repeal takes effect"), parseDate(lang))
    .option(
      "--replaced-by <id>",
      t(
        "id för dokumentet som ersätter det; får dokumentets id i sitt ersatter",
        "id of the document that replaces it; it gets this document's id in its ersatter",
      ),
    )
    .option(
      "--in <mapp>",
      t("var dokumenten söks när de anges med id (standard: documents/)", "where to look for documents named by id (default: documents/)"),
    )
    .addHelpText(
      "after",
      examples(
        "  samdok repeal rutin-utskrivning-2019 --date 2027-01-01 --replaced-by rutin-utskrivning\n  samdok upphav riktlinje-hemsjukvard --date 2027-06-30\n",
        "  samdok repeal rutin-utskrivning-2019 --date 2027-01-01 --replaced-by rutin-utskrivning\n  samdok repeal riktlinje-hemsjukvard --date 2027-06-30\n",
      ),
    )
    .action(async (target: string, flags: RepealFlags) => {
      const { repealCommand } = await import("./run.js");
      ctx.setExit(await repealCommand(ctx.io, target, flags));
    });
}
