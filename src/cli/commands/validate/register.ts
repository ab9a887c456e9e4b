import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseJobs, parseWholeNumber } from "../../options.js";

export interface ValidateFlags {
  format: string;
  output?: string;
  maxWarnings?: number;
  /** --cache (true), --no-cache (false), or neither: the cache is used, except in CI. */
  cache?: boolean;
  cacheLocation?: string;
  changedSince?: string;
  jobs: number | "auto";
}

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  program
    .command("validate")
    .description(
      t("kontrollera dokumentens YAML-huvud, text och samlingens helhet", "check the documents' front matter, text and the set as a whole"),
    )
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .addOption(
      new Option("-f, --format <format>", t("utdataformat", "output format"))
        .choices(["stylish", "json", "github", "sarif", "junit"])
        .default("stylish"),
    )
    .option(
      "-o, --output <fil>",
      t("skriv rapporten till en fil (terminalen får stylish)", "write the report to a file (the terminal gets stylish)"),
    )
    .option(
      "--max-warnings <antal>",
      t("slutkod 1 om det blir fler varningar än så", "exit 1 when there are more warnings than this"),
      parseWholeNumber(lang),
    )
    .option("--cache", t("använd cachen även i CI (standard utanför CI)", "use the cache also in CI (the default outside CI)"))
    .option("--no-cache", t("läs om alla filer utan cache", "re-read every file without the cache"))
    .option("--cache-location <fil>", t("var cachen sparas (standard: .samdokcache)", "where the cache is kept (default: .samdokcache)"))
    .option(
      "--jobs <antal>",
      t(
        "trådar för att tolka dokumenten: ett antal, eller auto (en per kärna när dokumenten är många)",
        "threads for parsing the documents: a number, or auto (one per core when there are many documents)",
      ),
      parseJobs(lang),
      "auto",
    )
    .option(
      "--changed-since <ref>",
      t("kontrollera bara dokument som ändrats sedan en git-referens", "check only documents changed since a git ref"),
    )
    .addHelpText(
      "after",
      t(
        "\nExempel:\n  samdok validate\n  samdok validate documents/sormland --format json\n  samdok validate --max-warnings 0\n",
        "\nExamples:\n  samdok validate\n  samdok validate documents/sormland --format json\n  samdok validate --max-warnings 0\n",
      ),
    )
    .action(async (paths: string[], flags: ValidateFlags) => {
      const { validateCommand } = await import("./run.js");
      ctx.setExit(await validateCommand(ctx.io, paths, flags));
    });
}
