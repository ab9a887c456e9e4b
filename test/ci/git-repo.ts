/**
 * Real git repositories in a temporary folder for pull-request mode: an
 * "upstream" with the base set on main, and clones that play the pull
 * request's branch. Git runs without the user's or the system's
 * configuration, with a fixed author.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES } from "../helpers/cli.js";

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_NAME: "Närvårdskoordinator",
  GIT_AUTHOR_EMAIL: "narvard@example.se",
  GIT_COMMITTER_NAME: "Närvårdskoordinator",
  GIT_COMMITTER_EMAIL: "narvard@example.se",
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies files of a fixture folder into `documents/` of a work tree (paths relative to both). */
export function copyFromFixture(work: string, fixture: string, ...files: string[]): void {
  for (const f of files) {
    const target = path.join(work, "documents", f);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(FIXTURES, fixture, f), target);
  }
}

/**
 * upstream/: main with test/fixtures/ci-base as documents/, then one more
 * commit on main (test/fixtures/ci-main-later) that the pull requests do not
 * contain: `clone(name)` makes a clone whose branch starts at the first
 * commit, so that origin/main has moved on since, as it does in real life.
 */
export function makeUpstream(root: string): { upstream: string; base: string; clone: (name: string) => string } {
  const upstream = path.join(root, "upstream");
  mkdirSync(upstream, { recursive: true });
  git(upstream, "init", "-q", "-b", "main");
  cpSync(path.join(FIXTURES, "ci-base"), path.join(upstream, "documents"), { recursive: true });
  git(upstream, "add", "-A");
  git(upstream, "commit", "-q", "-m", "Samlingen som den är fastställd");
  const base = git(upstream, "rev-parse", "HEAD").trim();
  copyFromFixture(upstream, "ci-main-later", "riktlinje-hygien.md");
  git(upstream, "commit", "-q", "-am", "Hygienriktlinjen 1.1 (på main efter att grenarna skapades)");
  return {
    upstream,
    base,
    clone: (name) => {
      const work = path.join(root, name);
      git(root, "clone", "-q", upstream, work);
      git(work, "checkout", "-q", "-b", `pr-${name}`, base);
      return work;
    },
  };
}
