/**
 * What `due`, `report` and `start` share: the named documents loaded from the
 * store (front matter only), the ones left out said on stderr, and a report
 * file written with a line that says so.
 */
import path from "node:path";
import type { Io } from "./io.js";
import { today } from "./options.js";
import { defaultPaths } from "../core/pipeline/discover.js";
import { byCount, pick } from "../i18n/text.js";
import { writeOutputFile } from "./output-file.js";
import { toPosix } from "../core/paths.js";
import { safeMessage, safeText } from "../core/safe-text.js";
import type { DocumentResult } from "../core/types.js";
import { loadDocuments, type LoadedDocuments } from "../core/store.js";

/**
 * The named documents, or with no path named the nearest set from the working
 * folder (core/pipeline/discover.ts); `command` names the subcommand in the
 * message when there is none.
 */
export function loadNamed(io: Io, paths: string[], command = "due"): Promise<LoadedDocuments> {
  return loadDocuments({
    paths: paths.length > 0 ? paths : defaultPaths(io.cwd, io.lang, command, (line) => io.stderr.write(`${safeMessage(line)}\n`)),
    cwd: io.cwd,
    lang: io.lang,
    today: today(io),
    ...(io.readFile ? { readFile: io.readFile } : {}),
  });
}

/** Says which named documents were left out, and why, on stderr. */
export function mentionSkipped(io: Io, skipped: readonly DocumentResult[]): void {
  if (skipped.length === 0) return;
  const shown = skipped
    .slice(0, 5)
    .map((r) => safeText(r.file))
    .join(", ");
  const more = skipped.length > 5 ? pick({ sv: ` och ${skipped.length - 5} till`, en: ` and ${skipped.length - 5} more` }, io.lang) : "";
  io.stderr.write(
    `samdok: ${pick(
      {
        sv: `${skipped.length} dokument togs inte med eftersom ${byCount(skipped.length, "det", "de", "sv")} inte kan läsas eller har fel i YAML-huvudet: ${shown}${more}. Kör \`samdok validate\` för detaljer.`,
        en: `${byCount(skipped.length, `1 document was left out because it cannot be read or its front matter has`, `${skipped.length} documents were left out because they cannot be read or their front matter has`, "en")} errors: ${shown}${more}. Run \`samdok validate\` for details.`,
      },
      io.lang,
    )}\n`,
  );
}

export function writeOutput(io: Io, target: string, text: string, what: string): void {
  writeOutputFile(io, target, text);
  io.stdout.write(
    `${safeMessage(pick({ sv: `Skrev ${toPosix(path.relative(io.cwd, target))}: ${what}.`, en: `Wrote ${toPosix(path.relative(io.cwd, target))}: ${what}.` }, io.lang))}\n`,
  );
}
