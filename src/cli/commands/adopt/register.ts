/**
 * `samdok adopt` (alias `anta`): record a party's adoption of a decided version in its own body
 * (design §3). Only the option table lives here; the action imports run.ts when it runs.
 */
import type { Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, inOption } from "../../options.js";
import type { AdoptFlags } from "./run.js";

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const examples = (sv: string, en: string): string => t(`\nExempel:\n${sv}`, `\nExamples:\n${en}`);

  program
    .command("adopt")
    .alias("anta")
    .description(
      t(
        "registrera att en part har antagit en fastställd version i egen nämnd (antaganden)",
        "record that a party has adopted a decided version in its own committee (antaganden)",
      ),
    )
    .argument("<dokument>", t("dokumentets id eller fil", "the document's id or file"))
    .requiredOption("--party <kod>", t("partens kod, till exempel 0480", "the party's code, for example 0480"))
    .requiredOption(
      "--body <nämnd>",
      t(
        "den nämnd eller det organ hos parten som beslutade, till exempel Socialnämnden",
        "the party's committee or body that decided, for example Socialnämnden",
      ),
    )
    .option("--date <datum>", t("partens beslutsdatum (standard: i dag)", "date of the party's decision (default: today)"), parseDate(lang))
    .option("--paragraph <§>", t("paragraf i partens protokoll", "section of the party's minutes"))
    .option("--registration <dnr>", t("partens diarienummer för beslutet", "the party's registration number for the decision"))
    // Not --version: commander reads that as samdok's own -V, --version anywhere on the line.
    .option(
      "--adopted-version <version>",
      t("den fastställda version som antogs (standard: den som gäller)", "the decided version adopted (default: the current one)"),
    )
    .option(...inOption(lang))
    .addHelpText(
      "after",
      examples(
        '  samdok adopt overenskommelse-trygg-hemgang --party 0480 --body Socialnämnden --date 2027-03-15 --paragraph "§ 45" --registration "SN 2027/31"\n  samdok anta overenskommelse-trygg-hemgang --party region-04 --body "Hälso- och sjukvårdsnämnden" --adopted-version 3.0\n',
        '  samdok adopt overenskommelse-trygg-hemgang --party 0480 --body Socialnämnden --date 2027-03-15 --paragraph "§ 45" --registration "SN 2027/31"\n  samdok adopt overenskommelse-trygg-hemgang --party region-04 --body "Hälso- och sjukvårdsnämnden" --adopted-version 3.0\n',
      ),
    )
    .action(async (target: string, flags: AdoptFlags) => {
      const { adoptCommand } = await import("./run.js");
      ctx.setExit(await adoptCommand(ctx.io, target, flags));
    });
}
