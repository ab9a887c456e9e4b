import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";

export interface InitOptions {
  force?: boolean;
  docs: string;
}

/** Registers init: a starter configuration and the GitHub Actions workflows for a document repository. */
export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  program
    .command("init")
    .description(
      t(
        "förbered ett dokumentarkiv: startkonfiguration, arbetsflöden för GitHub Actions och .gitignore",
        "set up a document repository: starter configuration, GitHub Actions workflows and .gitignore",
      ),
    )
    .argument("[mapp]", t("arkivets mapp (standard: den aktuella)", "the repository's folder (default: the current one)"))
    .option(
      "--docs <mapp>",
      t(
        "dokumentens mapp i arkivet, där samdok.config.json skrivs",
        "the documents' folder in the repository, where samdok.config.json is written",
      ),
      "documents",
    )
    .option("--force", t("skriv över filer som redan finns", "overwrite files that already exist"))
    .addHelpText(
      "after",
      t(
        "\nExempel:\n  samdok init\n  samdok init ../samverkan --docs dokument\n",
        "\nExamples:\n  samdok init\n  samdok init ../samverkan --docs dokument\n",
      ),
    )
    .action(async (dir: string | undefined, flags: InitOptions) => {
      const { initCommand } = await import("../../../ci/init.js");
      ctx.setExit(initCommand(ctx.io, dir, { docs: flags.docs, force: flags.force === true }));
    });
}
