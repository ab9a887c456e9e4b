/**
 * Where LibreOffice is. The PDF edition is made by LibreOffice from the Word
 * edition (`soffice --headless --convert-to pdf`), so `samdok build --format
 * pdf` needs it; everything else samdok does works without it. It is looked
 * up before anything is validated or written, so a machine without it gets
 * one plain message saying how to install it, and the previous edition is
 * left as it was.
 *
 * The lookup reads only the environment it is given (the CLI's `io.env`):
 * `SAMDOK_SOFFICE` (the same variable `samdok import` reads) names the
 * program outright; otherwise `soffice` or `libreoffice` on PATH, and on
 * Windows and macOS the places LibreOffice's own installer puts it, which
 * are seldom on PATH there.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../../core/types.js";
import { pick } from "../../i18n/text.js";

type Env = Readonly<Record<string, string | undefined>>;

/** An executable regular file (on Windows, any regular file: X_OK means nothing there). */
function runnable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folders LibreOffice's installer uses where it does not put soffice on PATH. */
function installedPlaces(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === "darwin") return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"];
  if (platform !== "win32") return [];
  const roots = [env.ProgramFiles ?? env.PROGRAMFILES, env["ProgramFiles(x86)"], "C:\\Program Files", "C:\\Program Files (x86)"];
  return [...new Set(roots.filter((r): r is string => Boolean(r)))].map((root) =>
    path.win32.join(root, "LibreOffice", "program", "soffice.exe"),
  );
}

/**
 * The LibreOffice program to run, or undefined when there is none.
 * @param env the environment to look in (PATH, SAMDOK_SOFFICE); tests give one without LibreOffice
 * @param platform which operating system's names and places to try
 */
export function findSoffice(env: Env, platform: NodeJS.Platform = process.platform): string | undefined {
  const named = env.SAMDOK_SOFFICE;
  if (named !== undefined && named !== "") return runnable(named, platform) ? named : undefined;
  const pathApi = platform === "win32" ? path.win32 : path.posix;
  const folders = (env.PATH ?? env.Path ?? "").split(platform === "win32" ? ";" : ":").filter((d) => d !== "");
  const names = platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const name of names) {
    for (const folder of folders) {
      const candidate = pathApi.join(folder, name);
      if (runnable(candidate, platform)) return candidate;
    }
  }
  return installedPlaces(env, platform).find((p) => runnable(p, platform));
}

/** What a user without LibreOffice is told: why it is needed and how to get it. */
export function sofficeMissing(env: Env, lang: Lang): string {
  const named = env.SAMDOK_SOFFICE;
  if (named !== undefined && named !== "") {
    return pick(
      {
        sv: `PDF-utgåvan görs av LibreOffice, men SAMDOK_SOFFICE=${named} är inget program som går att köra. Ange sökvägen till LibreOffices soffice, eller ta bort SAMDOK_SOFFICE så söks soffice i PATH.`,
        en: `The PDF edition is made by LibreOffice, but SAMDOK_SOFFICE=${named} is not a program that can be run. Give the path of LibreOffice's soffice, or remove SAMDOK_SOFFICE to look for soffice on PATH.`,
      },
      lang,
    );
  }
  return pick(
    {
      sv: "PDF-utgåvan görs av LibreOffice, som inte är installerat här (programmet soffice finns inte i PATH). Installera det: på Debian och Ubuntu `sudo apt-get install libreoffice-writer-nogui`, på Windows och macOS från https://www.libreoffice.org/download/. Ligger soffice någon annanstans, ange den med SAMDOK_SOFFICE=/sökväg/till/soffice. HTML- och Word-utgåvorna behöver inte LibreOffice: bygg dem utan pdf i --format.",
      en: "The PDF edition is made by LibreOffice, which is not installed here (the program soffice is not on PATH). Install it: on Debian and Ubuntu `sudo apt-get install libreoffice-writer-nogui`, on Windows and macOS from https://www.libreoffice.org/download/. If soffice is somewhere else, name it with SAMDOK_SOFFICE=/path/to/soffice. The HTML and Word editions do not need LibreOffice: build them without pdf in --format.",
    },
    lang,
  );
}
