import { Option, type Command } from "commander";
import type { CommandContext } from "../../context.js";
import { pick } from "../../../i18n/text.js";
import { parseDate, parseJobs } from "../../options.js";

export interface BuildFlags {
  /** Unset means html. (No commander default: the list parser would append to it.) */
  format?: string[];
  out: string;
  status?: string[];
  type?: string[];
  spar?: string[];
  perDocument?: boolean;
  template?: string;
  tocField?: boolean;
  pageNumbers?: boolean;
  jobs?: number | "auto";
  /** Unset means true outside CI: the validation before a build uses the cache that `validate` keeps. */
  cache?: boolean;
  cacheLocation?: string;
  /** `--as-of`: publish each document's version in force on this date (YYYY-MM-DD). */
  asOf?: string;
  /** `--redline`: mark what changed since this git revision, or "in-force" (the version in force). */
  redline?: string;
  /** `--sammanslagen` (`--merged`): one edition of every set, instead of one per set. */
  sammanslagen?: boolean;
  merged?: boolean;
}

const list = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(",").map((s) => s.trim()).filter(Boolean)];

export function register(program: Command, ctx: CommandContext): void {
  const lang = ctx.io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  program
    .command("build")
    .description(t("bygg utgåvor av samlingen: HTML (webb) och Word (.docx)", "build editions of the set: HTML (web) and Word (.docx)"))
    .argument("[sökvägar...]", t("mappar eller .md-filer (standard: documents/)", "folders or .md files (default: documents/)"))
    .addOption(new Option("--format <format>", t("html, docx, pdf eller flera: html,docx,pdf (standard: html)", "html, docx, pdf or several: html,docx,pdf (default: html)")).argParser(list))
    .option("--out <mapp>", t("mapp att skriva utgåvan till", "folder to write the edition to"), "dist")
    .option(
      "--status <status>",
      t(
        "publicera arbetskopiorna med denna status, som de är (kommaseparerat), t.ex. remiss för en remissutgåva",
        "publish the working copies with this status, as they are (comma-separated), e.g. remiss for a consultation edition",
      ),
      list,
    )
    .option(
      "--as-of <datum>",
      t(
        "publicera varje dokuments version som gällde (eller gäller) detta datum, ÅÅÅÅ-MM-DD, med texten ur git",
        "publish each document's version in force on this date, YYYY-MM-DD, its text from git",
      ),
      parseDate(lang),
    )
    .option(
      "--redline <ref>",
      t(
        "ändringsutgåva: markera vad som ändrats sedan en version i git (tagg, gren eller commit), eller sedan den version som gäller (in-force)",
        "redline edition: mark what changed since a version in git (tag, branch or commit), or since the version in force (in-force)",
      ),
    )
    .option("--type <typ>", t("ta bara med dessa dokumenttyper", "include only these document types"), list)
    .option("--spar <spår>", t("ta bara med dessa spår", "include only these tracks"), list)
    .option("--per-document", t("Word och PDF: skriv också en fil per dokument", "Word and PDF: also write one file per document"))
    // One option, named in either language; the help shows the name in the language it talks.
    .addOption(
      new Option("--sammanslagen", "en utgåva av alla samlingar tillsammans, i stället för en mapp per samling (alias --merged)").hideHelp(lang === "en"),
    )
    .addOption(new Option("--merged", "one edition of every set together, instead of a folder per set (alias --sammanslagen)").hideHelp(lang !== "en"))
    .option("--template <fil>", t("Word: mall (.docx eller .dotx) med regionens stilar", "Word: template (.docx or .dotx) with the region's styles"))
    .option("--toc-field", t("Word: använd Words innehållsförteckningsfält i stället för länklistan", "Word: use Word's table-of-contents field instead of the link list"))
    .option("--jobs <antal>", t("trådar för att tolka dokumenten: ett antal, eller auto", "threads for parsing the documents: a number, or auto"), parseJobs(lang), "auto")
    .option("--cache", t("använd cachen även i CI (standard utanför CI)", "use the cache also in CI (the default outside CI)"))
    .option("--no-cache", t("validera om alla filer utan cachen (.samdokcache)", "validate every file again without the cache (.samdokcache)"))
    .option("--cache-location <fil>", t("var cachen sparas (standard: .samdokcache)", "where the cache is kept (default: .samdokcache)"))
    .option("--page-numbers", t("Word: uppskatta sidnummer i innehållsförteckningen (långsamt)", "Word: estimate page numbers in the table of contents (slow)"))
    .addHelpText(
      "after",
      t(
        "\nUtan --status publiceras den version av varje dokument som gäller i dag (ur git när arbetskopian är ett utkast,\npå remiss eller ännu inte giltig), och kommande versioner aviseras; utkast, remisser och upphävda dokument\nlistas i registret utan att publiceras. Med --status publiceras arbetskopiorna med den statusen, som de är.\n\nExempel:\n  samdok build --format html --out dist\n  samdok build --format html,docx --as-of 2027-03-01 --out dist-2027-03-01\n  samdok build --status remiss --out remissutgava\n  samdok build --format docx --per-document --status fastställd\n  samdok build --format docx,html --redline v1.0 --out andringar\n  samdok build --format docx --status remiss --redline in-force --out remiss-andringar\n",
        "\nWithout --status each document's version in force today is published (from git when the working copy is a draft,\non remiss or not yet valid) and coming versions are announced; drafts, remisser and repealed documents are\nlisted in the register, not published. With --status the working copies with that status are published as they are.\n\nExamples:\n  samdok build --format html --out dist\n  samdok build --format html,docx --as-of 2027-03-01 --out dist-2027-03-01\n  samdok build --status remiss --out remissutgava\n  samdok build --format docx --per-document --status fastställd\n  samdok build --format docx,html --redline v1.0 --out andringar\n  samdok build --format docx --status remiss --redline in-force --out remiss-andringar\n",
      ),
    )
    .action(async (paths: string[], flags: BuildFlags) => {
      const { buildCommand } = await import("./run.js");
      ctx.setExit(await buildCommand(ctx.io, paths, flags));
    });
}
