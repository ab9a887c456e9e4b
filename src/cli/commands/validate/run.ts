import type { Io } from "../../io.js";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, useColor } from "../../io.js";
import type { ValidateFlags } from "./register.js";
import { runValidation, type ValidationRun } from "../../../core/pipeline/index.js";
import { defaultPaths } from "../../../core/pipeline/discover.js";
import { safeMessage } from "../../../core/safe-text.js";
import { cacheOptions } from "../../../core/cache.js";
import { today } from "../../options.js";
import { reporters } from "../../../reporters/index.js";
import { rules } from "../../../rules/index.js";
import { samdokVersion } from "../../../core/version.js";
import { outputTarget, writeOutputFile } from "../../output-file.js";
import { progress } from "../../progress.js";
import { pick, plural } from "../../../i18n/text.js";

/** The file name suggested when --output names a folder. */
const REPORT_EXAMPLE: Record<string, string> = {
  stylish: "samdok.txt",
  json: "samdok.json",
  github: "samdok.txt",
  sarif: "samdok.sarif",
  junit: "samdok.xml",
};

/** Runs validation; a hook lets pull-request mode narrow the run. */
export async function validateCommand(io: Io, paths: string[], flags: ValidateFlags): Promise<number> {
  const lang = io.lang;
  // A folder named as the report file is said before the documents are read.
  const target = flags.output ? outputTarget(io, flags.output, REPORT_EXAMPLE[flags.format] ?? "samdok.txt") : undefined;
  const bar = progress(io.stderr, pick({ sv: "Kontrollerar", en: "Checking" }, lang));
  let run: ValidationRun;
  const options = {
    paths: paths.length > 0 ? paths : defaultPaths(io.cwd, lang, "validate", (line) => io.stderr.write(`${safeMessage(line)}\n`)),
    cwd: io.cwd,
    lang,
    today: today(io),
    onProgress: bar.tick,
    jobs: flags.jobs ?? "auto",
    ...cacheOptions({
      cwd: io.cwd,
      env: io.env,
      lang,
      cache: flags.cache,
      location: flags.cacheLocation,
      note: (line) => io.stderr.write(`${line}\n`),
    }),
    ...(io.readFile ? { readFile: io.readFile } : {}),
  };
  try {
    if (flags.changedSince !== undefined) {
      const { runChangedSince } = await import("../../../ci/changed/index.js");
      run = await runChangedSince({ ...options, ref: flags.changedSince });
    } else {
      run = await runValidation(options);
    }
  } finally {
    bar.done();
  }
  const input = {
    results: run.results,
    summary: run.summary,
    lang,
    rules,
    version: samdokVersion(),
    ...(run.untouched ? { untouched: run.untouched } : {}),
  };
  const reporter = reporters[flags.format];
  if (!reporter) {
    io.stderr.write(`samdok: ${pick({ sv: `Okänt format ${flags.format}.`, en: `Unknown format ${flags.format}.` }, lang)}\n`);
    return EXIT_FAILURE;
  }
  if (target !== undefined) {
    writeOutputFile(io, target, reporter({ ...input, color: false }));
    const stylish = reporters.stylish;
    if (stylish) io.stdout.write(stylish({ ...input, color: useColor(io.stdout, io.env) }));
  } else {
    io.stdout.write(reporter({ ...input, color: flags.format === "stylish" && useColor(io.stdout, io.env) }));
  }
  if (run.summary.errors > 0) return EXIT_FINDINGS;
  if (flags.maxWarnings !== undefined && run.summary.warnings > flags.maxWarnings) {
    io.stderr.write(
      `samdok: ${pick(
        {
          sv: `${plural(run.summary.warnings, "varning", "varningar", "sv")} är fler än de ${flags.maxWarnings} som --max-warnings tillåter.`,
          en: `${plural(run.summary.warnings, "warning is", "warnings are", "en")} more than the ${flags.maxWarnings} that --max-warnings allows.`,
        },
        lang,
      )}\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
