import type { Io } from "../../io.js";
import { EXIT_OK } from "../../io.js";
import { validateCommand } from "../validate/run.js";
import { buildCommand } from "../build/run.js";
import { pick } from "../../../i18n/text.js";
import { defaultPaths } from "../../../core/pipeline/discover.js";
import { safeMessage } from "../../../core/safe-text.js";

/**
 * `npm start`: what a coordinator's scheduled job does. Validates; when the
 * set has no errors, prints what is due and builds the editions into dist/.
 */
export async function startCommand(io: Io, named: string[], flags: { out: string }): Promise<number> {
  const lang = io.lang;
  // The nearest set is found (and said) once, not by each step again.
  const paths = named.length > 0 ? named : defaultPaths(io.cwd, lang, "start", (line) => io.stderr.write(`${safeMessage(line)}\n`));
  const heading = (sv: string, en: string): void => {
    io.stdout.write(`\n== ${pick({ sv, en }, lang)} ==\n\n`);
  };
  heading("Validering", "Validation");
  const validation = await validateCommand(io, paths, { format: "stylish", jobs: "auto" });
  if (validation !== EXIT_OK) {
    io.stderr.write(
      `samdok: ${pick({ sv: "Samlingen har fel; inga utgåvor byggs förrän de är rättade.", en: "The set has errors; no editions are built until they are fixed." }, lang)}\n`,
    );
    return validation;
  }
  const hooks = await import("./hooks.js");
  for (const step of hooks.steps) {
    heading(step.title.sv, step.title.en);
    const code = await step.run(io, paths, flags);
    if (code !== EXIT_OK) return code;
  }
  heading("Utgåvor", "Editions");
  return buildCommand(io, paths, { format: hooks.editionFormats, out: flags.out });
}
