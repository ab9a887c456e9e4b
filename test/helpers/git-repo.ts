/**
 * A git repository in a temporary folder for the tests of a document's
 * versions over time: commits with fixed author, committer and dates, so
 * that hashes and commit dates are the same on every run.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface TestRepo {
  dir: string;
  git(args: string[]): string;
  /** Stages everything and commits it on `date` (YYYY-MM-DD, 12:00 UTC); returns the commit's hash. */
  commit(message: string, date: string): string;
}

/** A new repository holding a copy of `fixture` (a folder) under `sub` ("" for the top). */
export function makeRepo(fixture?: string, sub = "documents"): TestRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-repo-"));
  if (fixture) cpSync(fixture, path.join(dir, sub), { recursive: true });
  const env = (date?: string): NodeJS.ProcessEnv => ({
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "Närvårdskoordinator",
    GIT_AUTHOR_EMAIL: "narvard@example.se",
    GIT_COMMITTER_NAME: "Närvårdskoordinator",
    GIT_COMMITTER_EMAIL: "narvard@example.se",
    ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
  });
  const git = (args: string[], date?: string): string =>
    execFileSync("git", args, { cwd: dir, env: env(date), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git(["init", "-q", "-b", "main"]);
  return {
    dir,
    git: (args) => git(args),
    commit(message, date) {
      git(["add", "-A"]);
      git(["commit", "-q", "--allow-empty", "-m", message], date);
      return git(["rev-parse", "HEAD"]).trim();
    },
  };
}
