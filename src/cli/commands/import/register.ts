/**
 * `samdok import`: Word files into a document set, with an import report.
 * Only the option table lives here; the action imports its implementation
 * (run.ts, and through it mammoth) when it runs, so `--help` stays quick.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import type { ImportFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);

  program
    .command("import")
    .description(
      t(
        "importera Word-filer (.docx, .doc, .odt, .rtf) till en dokumentsamling, med en rapport om vad som behöver ses över",
        "import Word files (.docx, .doc, .odt, .rtf) into a document set, with a report of what needs a look",
      ),
    )
    .argument("<filer...>", t("Word-filerna som ska importeras", "the Word files to import"))
    .requiredOption("--out <mapp>", t("mappen i samlingen där dokumenten skrivs", "the folder of the set where the documents are written"))
    .option(
      "--type <typ>",
      t(
        "dokumenttyp för alla filerna, när dokumenten inte själva säger den",
        "the document type of every file, when the documents do not say it themselves",
      ),
    )
    .option(
      "--track <spår>",
      t("spåret dokumenten hör till (id eller namn ur konfigurationen)", "the track the documents belong to (id or name)"),
    )
    .option("--dry-run", t("visa rapporten utan att skriva något", "show the report without writing anything"))
    .option("--force", t("skriv över dokument som redan finns", "overwrite documents that already exist"))
    .addHelpText(
      "after",
      t(
        "\nExempel:\n" +
          "  samdok import gamla/Rutin-lakemedel.docx --out documents/sormland\n" +
          "  samdok import gamla/*.docx --out documents/sormland --type rutin --track hs-rutiner --dry-run\n" +
          "  samdok import arkiv/riktlinje.doc arkiv/policy.odt --out documents/sormland --force\n" +
          "\nRapporten säger per fil vad som kändes igen, vad som gissades och vad som behöver en person.\n" +
          "Slutkod: 0 allt importerat, 1 något behöver ses över, 2 fel i kommandoraden.\n",
        "\nExamples:\n" +
          "  samdok import old/Routine-medication.docx --out documents/sormland\n" +
          "  samdok import old/*.docx --out documents/sormland --type rutin --track hs-rutiner --dry-run\n" +
          "  samdok import archive/guideline.doc archive/policy.odt --out documents/sormland --force\n" +
          "\nThe report says per file what was recognised, what was guessed and what needs a person.\n" +
          "Exit code: 0 all imported, 1 something needs a look, 2 usage error.\n",
      ),
    )
    .action(async (files: string[], flags: ImportFlags) => {
      const { importCommand } = await import("./run.js");
      ctx.setExit(await importCommand(ctx.io, files, flags));
    });
}
