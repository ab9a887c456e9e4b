/**
 * The file a command writes its report to (`validate --output`, `due
 * --output`, `report --output`): refused plainly when it names a folder, and
 * written atomically, with one clear message (exit 2) when the machine says
 * no: a read-only place, a full disk, a file where a folder should be.
 */
import { lstatSync, statSync } from "node:fs";
import path from "node:path";
import type { Io } from "./io.js";
import { pick } from "../i18n/text.js";
import { UsageError } from "../core/errors.js";
import { writeFileAtomic } from "../core/write.js";
import { fsReason, shownPath } from "../core/fs-errors.js";

/**
 * The output file's absolute path. Called before the command does its work,
 * so a folder given by mistake is said at once.
 * @param example a file name to suggest, e.g. `bevakning.ics`
 */
export function outputTarget(io: Io, output: string, example: string): string {
  const target = path.resolve(io.cwd, output);
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // Nothing there yet (or not reachable): writing says what is wrong.
  }
  if (isFolder || /[\\/]$/.test(output)) {
    const shown = shownPath(target, io.cwd);
    const suggestion = `${shown.replace(/\/$/, "")}/${example}`;
    throw new UsageError(
      pick(
        {
          sv: `${shown} är en mapp, inte en fil. Ange ett filnamn, till exempel ${suggestion}.`,
          en: `${shown} is a folder, not a file. Name a file, for example ${suggestion}.`,
        },
        io.lang,
      ),
    );
  }
  refuseSpecial(io, target);
  return target;
}

/**
 * A report replaces the file at its path by renaming a new file over it: run
 * as root (as CI often is), `--output /dev/null` would replace the device for
 * every later step, and a FIFO would be gone. Only a regular file (or a
 * symbolic link, which is replaced, not followed) is ever replaced.
 */
function refuseSpecial(io: Io, target: string): void {
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return; // nothing there yet
  }
  if (stats.isFile() || stats.isSymbolicLink() || stats.isDirectory()) return;
  const kind = stats.isFIFO()
    ? { sv: "en namngiven kanal (FIFO)", en: "a named pipe (FIFO)" }
    : stats.isSocket()
      ? { sv: "en socket", en: "a socket" }
      : { sv: "en enhet", en: "a device" };
  throw new UsageError(
    pick(
      {
        sv: `${shownPath(target, io.cwd)} är ${kind.sv}, inte en vanlig fil, och samdok skriver inte över den. Ange ett vanligt filnamn, eller skriv rapporten till terminalen utan --output.`,
        en: `${shownPath(target, io.cwd)} is ${kind.en}, not an ordinary file, and samdok does not replace it. Name an ordinary file, or write the report to the terminal without --output.`,
      },
      io.lang,
    ),
  );
}

/** Writes the file atomically; a file-system failure becomes a UsageError naming the file. */
export function writeOutputFile(io: Io, target: string, data: string | Uint8Array): void {
  refuseSpecial(io, target);
  try {
    writeFileAtomic(target, data);
  } catch (error) {
    const reason = fsReason(error, io.lang);
    if (reason === undefined) throw error;
    const where = (error as NodeJS.ErrnoException).path;
    const detail = typeof where === "string" && path.resolve(where) !== target ? ` (${shownPath(where, io.cwd)})` : "";
    throw new UsageError(
      pick(
        {
          sv: `Kunde inte skriva ${shownPath(target, io.cwd)}: ${reason}${detail}. Filen skrevs inte.`,
          en: `Could not write ${shownPath(target, io.cwd)}: ${reason}${detail}. The file was not written.`,
        },
        io.lang,
      ),
      { cause: error },
    );
  }
}
