/**
 * `samdok new`: a new draft from the template of its type.
 * Only the option table lives here; the action imports its implementation (run.ts) when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { commaList } from "../../options.js";
import type { NewFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("new")
    .description(
      t("skapa ett nytt dokument (utkast) ur mallen för dess typ", "create a new document (draft) from the template of its type"),
    )
    .requiredOption(
      "--type <typ>",
      t(
        "överenskommelse, riktlinje, rutin, policy, målbild, färdplan eller handlingsplan",
        "överenskommelse, riktlinje, rutin, policy, målbild, färdplan or handlingsplan",
      ),
    )
    .requiredOption("--title <titel>", t("dokumentets titel", "the document's title"))
    .option(
      "--spar <spår>",
      t(
        "spåret dokumentet hör till (standard: det första i konfigurationen)",
        "the document's track (default: the first in the configuration)",
      ),
    )
    .option(
      "--out <mapp>",
      t(
        "samlingens mapp, där filen skrivs (standard: den aktuella mappen)",
        "the set's folder, where the file is written (default: the current folder)",
      ),
    )
    .option("--id <id>", t("eget id i stället för ett som bildas av titeln", "an id of your own instead of one made from the title"))
    .option("--ansvarig <roll>", t("dokumentansvarig roll", "the responsible role"))
    .option(
      "--parter <koder>",
      t(
        "partkoder, kommaseparerade (standard: alla parter i konfigurationen)",
        "party codes, comma-separated (default: every party in the configuration)",
      ),
      commaList,
    )
    .addHelpText(
      "after",
      examples(
        '  samdok new --type rutin --title "Rutin för läkemedel vid hemgång" --spar hs-rutiner --out documents/sormland\n',
        '  samdok new --type rutin --title "Rutin för läkemedel vid hemgång" --spar hs-rutiner --out documents/sormland\n',
      ),
    )
    .action(async (flags: NewFlags) => {
      const { newCommand } = await import("./run.js");
      ctx.setExit(await newCommand(ctx.io, flags));
    });
}
