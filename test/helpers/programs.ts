/**
 * The programs outside Node that some tests open the editions with
 * (LibreOffice's soffice, poppler's pdftotext, Chromium). CI installs them
 * (.ci/run), so there a missing one is a broken machine and fails the test
 * file; on a developer's machine the tests that need it are skipped, with a
 * note on stderr saying what was skipped and why, never silently.
 */
import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Whether the tests run in CI (`CI` set, as GitHub Actions and most services do, and not "false" or "0"). */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/** Whether `program` is an executable file: a path as it is, a bare name on PATH. */
export function hasProgram(program: string): boolean {
  const executable = (file: string): boolean => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (program.includes("/")) return executable(program);
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && executable(path.join(dir, program)));
}

/**
 * Whether the tests of `what` can run: true when every program is there.
 * When one is missing, CI fails the test file (it throws); elsewhere this
 * prints a note and returns false, for `describe.runIf(...)`.
 */
export function needPrograms(what: string, programs: readonly string[]): boolean {
  const missing = programs.filter((p) => !hasProgram(p));
  if (missing.length === 0) return true;
  const note = `${what}: ${missing.join(", ")} saknas / is missing`;
  if (inCi()) throw new Error(`${note}. CI installerar dem / CI installs them (.ci/run).`);
  console.warn(`[samdok-test] HOPPAR ÖVER / SKIPPED ${note}; installera dem för att köra testerna / install them to run the tests.`);
  return false;
}
