import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  program
    .command("start")
    .description(
      t(
        "huvudjobbet: validera, sammanfatta vad som förfaller och bygg utgåvorna i dist/",
        "the main job: validate, summarise what is due and build the editions into dist/",
      ),
    )
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .option("--out <mapp>", t("mapp för utgåvorna", "folder for the editions"), "dist")
    .action(async (paths: string[], flags: { out: string }) => {
      const { startCommand } = await import("./run.js");
      ctx.setExit(await startCommand(ctx.io, paths, flags));
    });
}
