/**
 * samdok's command line: commander wired to injected streams and a clock.
 * `main` never calls process.exit and never throws; it returns the exit code:
 * 0 no errors, 1 findings, 2 usage, configuration or internal failure.
 *
 * Only commander and the commands' small registration modules load here;
 * each command imports its implementation when it runs, so that `--help` and
 * `validate` never load the docx or rehype code.
 */
import { Command, CommanderError, Option, type Argument, type Help } from "commander";
import type { Lang } from "../core/types.js";
import { EXIT_FAILURE, EXIT_OK, type Io, type Out } from "./io.js";
import { UserError, type CommandContext } from "./context.js";
import { pick } from "../i18n/text.js";
import { samdokVersion } from "../core/version.js";
import { safeMessage } from "../core/safe-text.js";
import { register as registerValidate } from "./commands/validate/register.js";
import { register as registerRules } from "./commands/rules/register.js";
import { register as registerStart } from "./commands/start/register.js";
import { register as registerBuild } from "./commands/build/register.js";
import { register as registerDue } from "./commands/due/register.js";
import { register as registerRevise } from "./commands/revise/register.js";
import { register as registerFollowup } from "./commands/followup/register.js";
import { register as registerConsult } from "./commands/consult/register.js";
import { register as registerRespond } from "./commands/respond/register.js";
import { register as registerDecide } from "./commands/decide/register.js";
import { register as registerAdopt } from "./commands/adopt/register.js";
import { register as registerRepeal } from "./commands/repeal/register.js";
import { register as registerHistory } from "./commands/history/register.js";
import { register as registerNew } from "./commands/new/register.js";
import { register as registerReport } from "./commands/report/register.js";
import { register as registerInit } from "./commands/init/register.js";
import { register as registerImport } from "./commands/import/register.js";

export interface MainOptions {
  argv: readonly string[];
  cwd: string;
  stdout: Out;
  stderr: Out;
  now: Date;
  env?: Readonly<Record<string, string | undefined>>;
  readFile?: (absPath: string) => Uint8Array;
  /** Called just before an editing command (revise, followup, the lifecycle steps) replaces a document (tests). */
  beforeCommit?: (absPath: string) => void;
}

function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lang" && argv[i + 1] === "en") return "en";
    if (a === "--lang=en") return "en";
    if (a === "--lang" || a?.startsWith("--lang=")) return "sv";
  }
  return env.SAMDOK_LANG === "en" ? "en" : "sv";
}

/** commander's help headings in Swedish. */
function translateHelp(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text
    .replace(/^Usage:/gm, "Användning:")
    .replace(/^Options:/gm, "Flaggor:")
    .replace(/^Commands:/gm, "Kommandon:")
    .replace(/^Arguments:/gm, "Argument:")
    .replace(/^Global Options:/gm, "Globala flaggor:")
    .replace(/display help for command/g, "visa hjälp för kommandot")
    .replace(/output the version number/g, "visa versionsnumret")
    .replace(/\[options\]/g, "[flaggor]")
    .replace(/\[command\]/g, "[kommando]");
}

/** The words commander puts in parentheses after an option's description, per language. */
const HELP_EXTRAS = {
  sv: { choices: "val", default: "standard", preset: "utan värde", env: "miljövariabel" },
  en: { choices: "choices", default: "default", preset: "preset", env: "env" },
} as const;

/**
 * The help's "(choices: …, default: …)" after an option or argument, built
 * in the run's language rather than patched into the text afterwards: a
 * replacement on the printed help misses a "default:" that commander wrapped
 * or that a description happens to contain. The rules of what is shown are
 * commander's own (Help.optionDescription), only the words differ.
 */
function helpConfiguration(lang: Lang): Partial<Help> {
  const words = HELP_EXTRAS[lang];
  const shown = (value: unknown, description: string | undefined): string => description || JSON.stringify(value);
  const withExtras = (description: string, extras: string[]): string => {
    if (extras.length === 0) return description;
    const note = `(${extras.join(", ")})`;
    return description ? `${description} ${note}` : note;
  };
  return {
    optionDescription: (option: Option): string => {
      const extras: string[] = [];
      if (option.argChoices) extras.push(`${words.choices}: ${option.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
      const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
      if (option.defaultValue !== undefined && showDefault) {
        extras.push(`${words.default}: ${shown(option.defaultValue, option.defaultValueDescription)}`);
      }
      if (option.presetArg !== undefined && option.optional) extras.push(`${words.preset}: ${JSON.stringify(option.presetArg)}`);
      if (option.envVar !== undefined) extras.push(`${words.env}: ${option.envVar}`);
      return withExtras(option.description, extras);
    },
    argumentDescription: (argument: Argument): string => {
      const extras: string[] = [];
      if (argument.argChoices) extras.push(`${words.choices}: ${argument.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
      if (argument.defaultValue !== undefined) {
        extras.push(`${words.default}: ${shown(argument.defaultValue, argument.defaultValueDescription)}`);
      }
      return withExtras(argument.description, extras);
    },
  };
}

/**
 * The subcommand a command line names (`validate` in `samdok --lang en validate x`),
 * so that an error can point at that command's help rather than the whole list.
 */
function namedCommand(argv: readonly string[], program: Command): Command | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--lang") {
      i++;
      continue;
    }
    if (a.startsWith("-")) continue;
    return program.commands.find((c) => c.name() === a || c.aliases().includes(a));
  }
  return undefined;
}

/** commander's own error messages, said plainly in Swedish. */
function translateError(error: CommanderError, lang: Lang): string {
  const m = error.message.replace(/^error: /, "");
  if (lang === "en") return m;
  const quoted = /'([^']*)'/g;
  const q = [...m.matchAll(quoted)].map((x) => x[1] ?? "");
  switch (error.code) {
    case "commander.unknownOption":
      return `Okänd flagga ${q[0] ?? ""}.${/Did you mean (\S+)\?/.exec(m)?.[1] ? ` Menade du ${/Did you mean (\S+)\?/.exec(m)?.[1]}?` : ""}`;
    case "commander.unknownCommand":
      return `Okänt kommando ${q[0] ?? ""}.${/Did you mean (\S+)\?/.exec(m)?.[1] ? ` Menade du ${/Did you mean (\S+)\?/.exec(m)?.[1]}?` : ""}`;
    case "commander.missingArgument":
      return `Argumentet ${q[0] ?? ""} saknas.`;
    case "commander.optionMissingArgument":
      return `Flaggan ${q[0] ?? ""} behöver ett värde.`;
    case "commander.missingMandatoryOptionValue":
      return `Flaggan ${q[0] ?? ""} måste anges.`;
    case "commander.invalidArgument":
      return m
        .replace(/^option '([^']*)' argument '([^']*)' is invalid\./, "Värdet '$2' för flaggan $1 är ogiltigt.")
        .replace(/Allowed choices are (.*)\./, "Tillåtna värden: $1.");
    case "commander.excessArguments":
      return `För många argument. ${m}`;
    default:
      return m;
  }
}

export async function main(options: MainOptions): Promise<number> {
  const env = options.env ?? {};
  const lang = detectLang(options.argv, env);
  const io: Io = { cwd: options.cwd, stdout: options.stdout, stderr: options.stderr, now: options.now, env, lang };
  if (options.readFile) io.readFile = options.readFile;
  if (options.beforeCommit) io.beforeCommit = options.beforeCommit;
  let exitCode = EXIT_OK;
  const ctx: CommandContext = {
    io,
    setExit: (code) => {
      exitCode = code;
    },
  };
  const t = (text: { sv: string; en: string }): string => pick(text, lang);

  const program = new Command("samdok");
  program
    .description(
      t({
        sv: "samdok – verktyg för samverkansdokument mellan region och kommuner: validering, bevakning av revidering och uppföljning, HTML- och Word-utgåvor.",
        en: "samdok – tools for governance documents shared by a region and its municipalities: validation, review and follow-up tracking, HTML and Word editions.",
      }),
    )
    .version(samdokVersion(), "-V, --version", t({ sv: "visa versionsnumret", en: "output the version number" }))
    .helpOption("-h, --help", t({ sv: "visa hjälp", en: "display help" }))
    .addOption(
      new Option("--lang <språk>", t({ sv: "språk för meddelanden och utdata", en: "language of messages and output" }))
        .choices(["sv", "en"])
        .default("sv"),
    )
    .showSuggestionAfterError(true)
    .configureHelp(helpConfiguration(lang))
    .configureOutput({
      writeOut: (s) => options.stdout.write(translateHelp(s, lang)),
      writeErr: (s) => options.stderr.write(translateHelp(s, lang)),
      outputError: () => {
        /* printed below, translated */
      },
    })
    .exitOverride();
  program.addHelpCommand(false);

  registerValidate(program, ctx);
  registerRules(program, ctx);
  registerDue(program, ctx);
  registerRevise(program, ctx);
  registerConsult(program, ctx);
  registerRespond(program, ctx);
  registerDecide(program, ctx);
  registerAdopt(program, ctx);
  registerRepeal(program, ctx);
  registerFollowup(program, ctx);
  registerHistory(program, ctx);
  registerNew(program, ctx);
  registerReport(program, ctx);
  registerBuild(program, ctx);
  registerInit(program, ctx);
  registerImport(program, ctx);
  registerStart(program, ctx);

  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.helpOption("-h, --help", t({ sv: "visa hjälp för kommandot", en: "display help for command" }));
    cmd.configureHelp(helpConfiguration(lang));
    cmd.configureOutput({
      writeOut: (s) => options.stdout.write(translateHelp(s, lang)),
      writeErr: (s) => options.stderr.write(translateHelp(s, lang)),
      outputError: () => {},
    });
  }

  try {
    if (options.argv.length === 0) {
      program.outputHelp();
      return EXIT_FAILURE;
    }
    await program.parseAsync([...options.argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT_OK;
      // A message can quote what was typed or name a file: shown as text, inert in a CI log.
      const help = `samdok ${namedCommand(options.argv, program)?.name() ?? ""} --help`.replace("  ", " ");
      options.stderr.write(
        `samdok: ${safeMessage(translateError(error, lang))}\n${t({ sv: `Se \`${help}\`.`, en: `See \`${help}\`.` })}\n`,
      );
      return EXIT_FAILURE;
    }
    if (error instanceof UserError || (error instanceof Error && error.name === "UsageError")) {
      options.stderr.write(`samdok: ${safeMessage(error.message)}\n`);
      return EXIT_FAILURE;
    }
    const { ConfigError } = await import("../core/config.js");
    if (error instanceof ConfigError) {
      if (error.diagnostics.length > 0) {
        const { stylish } = await import("../reporters/stylish.js");
        const { useColor } = await import("./io.js");
        options.stderr.write(
          stylish({
            results: [{ file: error.diagnostics[0]?.file ?? "", rootPath: "", diagnostics: error.diagnostics }],
            summary: { files: 1, errors: error.diagnostics.length, warnings: 0 },
            lang,
            rules: [],
            color: useColor(options.stderr, env),
            version: samdokVersion(),
          }),
        );
      }
      options.stderr.write(`samdok: ${safeMessage(error.message)}\n`);
      return EXIT_FAILURE;
    }
    // Last resort: a file-system error naming a path (a full disk, a read-only folder, a file
    // where a folder should be) is the machine's, not a bug: one plain message, no stack.
    const { describeFsError } = await import("../core/fs-errors.js");
    const plain = describeFsError(error, lang, options.cwd);
    if (plain !== undefined) {
      options.stderr.write(`samdok: ${safeMessage(plain)}\n`);
      return EXIT_FAILURE;
    }
    const e = error as Error;
    options.stderr.write(
      `${t({ sv: "samdok: internt fel – detta är ett fel i samdok, inte i dina dokument. Rapportera det gärna med texten nedan.", en: "samdok: internal error – this is a bug in samdok, not in your documents. Please report it with the text below." })}\n${safeMessage(e?.stack ?? String(e))}\n`,
    );
    return EXIT_FAILURE;
  }
}
