import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";

export interface InitOptions {
  force?: boolean;
  docs: string;
  from?: string;
  lock: boolean;
}

/**
 * Registers init: a starter configuration and the GitHub Actions workflows for
 * a document repository, and with --from samdok itself as a locked dev
 * dependency, so that the workflows' `npm ci` and `npx samdok` work.
 */
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
    .option(
      "--from <källa>",
      t(
        "lägg in samdok i arkivet: package.json med samdok som devDependency och package-lock.json; källan är en version (0.2.0), en git-adress (git+https://…/samdok.git#v0.2.0) eller ett paket från npm pack (samdok-0.2.0.tgz, kopieras till vendor/)",
        "put samdok into the repository: package.json with samdok as a devDependency and package-lock.json; the source is a version (0.2.0), a git URL (git+https://…/samdok.git#v0.2.0) or a package from npm pack (samdok-0.2.0.tgz, copied into vendor/)",
      ),
    )
    .option(
      "--no-lock",
      t(
        "skriv inte package-lock.json med npm (kör npm install själv senare)",
        "do not write package-lock.json with npm (run npm install yourself later)",
      ),
    )
    .option("--force", t("skriv över filer som redan finns", "overwrite files that already exist"))
    .addHelpText(
      "after",
      t(
        "\nExempel:\n  samdok init --from ../samdok/samdok-0.1.0.tgz\n  samdok init ../samverkan --docs dokument --from git+https://github.com/ORG/samdok.git#v0.1.0\n  samdok init --from 0.1.0\n",
        "\nExamples:\n  samdok init --from ../samdok/samdok-0.1.0.tgz\n  samdok init ../samverkan --docs dokument --from git+https://github.com/ORG/samdok.git#v0.1.0\n  samdok init --from 0.1.0\n",
      ),
    )
    .action(async (dir: string | undefined, flags: InitOptions) => {
      const { initCommand } = await import("../../../ci/init.js");
      ctx.setExit(
        initCommand(ctx.io, dir, {
          docs: flags.docs,
          force: flags.force === true,
          lock: flags.lock,
          ...(flags.from === undefined ? {} : { from: flags.from }),
        }),
      );
    });
}
