import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  program
    .command("rules")
    .description(
      t("lista reglerna med id, namn, standardnivå och beskrivning", "list the rules with id, name, default severity and description"),
    )
    .argument("[regel]", t("visa en regel i detalj (id eller namn)", "show one rule in detail (id or name)"))
    .addOption(
      new Option("-f, --format <format>", t("utdataformat", "output format")).choices(["text", "markdown", "json"]).default("text"),
    )
    .action(async (which: string | undefined, flags: { format: "text" | "markdown" | "json" }) => {
      const { rulesCommand } = await import("./run.js");
      ctx.setExit(rulesCommand(ctx.io, which, flags.format));
    });
}
