/**
 * samdok in a real document repository, end to end, the way README's "Kom
 * igång i ert dokumentarkiv" and the workflows do it: `npm pack` gives a
 * tarball with only what runs (no sources, tests or development tools);
 * `samdok init --from` that tarball in a fresh git repository writes
 * package.json, package-lock.json and the workflows; `npm ci` installs it
 * (samdok from vendor/, its runtime dependencies from the npm cache, the
 * registry only for what the cache lacks); and `npx samdok validate`, the
 * workflows' own commands and `npx samdok build` run as separate processes
 * with the real clock.
 *
 * Why: every part of this was broken for a new coordinator (a 404 for
 * `npx samdok`, workflows installing an unpublished version, "command not
 * found"), and each part passed its own unit test. Only the whole path shows
 * that it works. It runs npm for real, so it takes a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { REPO, FIXTURES, TEST_CACHE_KEY_DIR } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";
import { DUE_MARKER } from "../../src/ci/templates.js";
import { git, removeDir, tempDir } from "./git-repo.js";
import { parseWorkflow, samdokInvocations, type Workflow } from "./workflow-commands.js";

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let root: string;
let tarball: string;
let packed: PackResult;
let repo: string;

/** Runs a program in the document repository (or `cwd`), never through a shell. */
function run(cmd: string, args: string[], cwd = repo, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, SAMDOK_CACHE_KEY_DIR: TEST_CACHE_KEY_DIR, NO_COLOR: "1", ...env },
    timeout: 240_000,
  });
}

const output = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

beforeAll(() => {
  requireBuild();
  root = tempDir("samdok-pack-install-");
  // --ignore-scripts: pack build/ as the test run built it, without prepack/prepare rebuilding the shared checkout.
  const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], REPO);
  if (pack.status !== 0) throw new Error(`npm pack: ${output(pack)}`);
  packed = (JSON.parse(pack.stdout) as [PackResult])[0];
  tarball = path.join(root, packed.filename);
  repo = path.join(root, "samverkan");
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
});

afterAll(() => removeDir(root));

// npm against the registry for what the cache lacks: generous, so that a slow registry does not fail the test.
describe("samdok packed, installed and run in a document repository", { timeout: 300_000 }, () => {
  it("npm pack holds what runs and nothing else", () => {
    const files = packed.files.map((f) => f.path);
    const dependencies = Object.keys(
      (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { dependencies: object }).dependencies,
    );
    expect(dependencies.length).toBeGreaterThan(0);
    for (const f of files)
      expect(f, f).toMatch(/^(package\.json|README\.md|LICENSE(\.md)?|bin\/samdok\.js|build\/.+|schemas\/[\w-]+\.schema\.json)$/);
    for (const needed of [
      "bin/samdok.js",
      "build/cli/main.js",
      "build/core/validators.cjs",
      "build/bundle/main.js",
      "schemas/samdok-config.schema.json",
    ])
      expect(files).toContain(needed);
    // The bundler's own script (it imports rolldown, a dev dependency) is a build step, not part of what runs.
    expect(files).not.toContain("build/bundle.js");
  });

  it("init --from the tarball writes package.json, package-lock.json and the workflows", () => {
    // As README says: samdok's own checkout runs init in the new repository.
    const init = run(process.execPath, [path.join(REPO, "bin/samdok.js"), "init", ".", "--from", tarball]);
    expect(init.status, output(init)).toBe(0);
    const pkg = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")) as {
      private: boolean;
      devDependencies: Record<string, string>;
    };
    expect(pkg.private).toBe(true);
    expect(pkg.devDependencies).toEqual({ samdok: `file:vendor/${packed.filename}` });
    expect(readFileSync(path.join(repo, "vendor", packed.filename))).toEqual(readFileSync(tarball));
    const lock = JSON.parse(readFileSync(path.join(repo, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; dev?: boolean }>;
    };
    expect(lock.packages["node_modules/samdok"]?.resolved).toBe(`file:vendor/${packed.filename}`);
    expect(readFileSync(path.join(repo, ".gitignore"), "utf8")).toMatch(/^node_modules\/\ndist\/\n\.samdokcache$/m);
    expect(init.stdout).toMatch(/och kontrollera dem med: npm ci && npx samdok validate documents/);
  });

  it("npm ci installs samdok with only its runtime dependencies", () => {
    const ci = run("npm", ["ci", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"]);
    expect(ci.status, output(ci)).toBe(0);
    const installed = readdirSync(path.join(repo, "node_modules"));
    expect(installed).toContain("samdok");
    for (const dev of ["typescript", "vitest", "rolldown", "eslint", "prettier", "playwright-core"])
      expect(installed, dev).not.toContain(dev);
    expect(readdirSync(path.join(repo, "node_modules/samdok")).sort()).toEqual(
      ["README.md", "bin", "build", "package.json", "schemas"].concat(existsSync(path.join(REPO, "LICENSE")) ? ["LICENSE"] : []).sort(),
    );
    const version = run("npx", ["samdok", "--version"]);
    expect(version.status, output(version)).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string }).version);
  });

  it("validate refuses init's configuration until the placeholders are filled in", () => {
    mkdirSync(path.join(repo, "documents"), { recursive: true });
    cpSync(path.join(FIXTURES, "ci-forfallen", "riktlinje-fallprevention.md"), path.join(repo, "documents/riktlinje-fallprevention.md"));
    const unfilled = run("npx", ["samdok", "validate", "documents"]);
    expect(unfilled.status, output(unfilled)).toBe(2);
    expect(unfilled.stderr).toMatch(/"region\.namn" har kvar platshållaren ÄNDRA: från samdok init/);
    expect(unfilled.stdout + unfilled.stderr).not.toContain("Inga problem");

    // The region's real configuration, with the $schema that init writes: it must point at the installed schema.
    const config = JSON.parse(readFileSync(path.join(FIXTURES, "ci-forfallen", "samdok.config.json"), "utf8")) as Record<string, unknown>;
    const schema = (JSON.parse(readFileSync(path.join(repo, "documents/samdok.config.json"), "utf8")) as { $schema: string }).$schema;
    expect(existsSync(path.resolve(repo, "documents", schema))).toBe(true);
    writeFileSync(path.join(repo, "documents/samdok.config.json"), `${JSON.stringify({ ...config, $schema: schema }, null, 2)}\n`);
    const filled = run("npx", ["samdok", "validate", "documents"]);
    // The fixture's guideline is past its revision date: a warning, not an error.
    expect(filled.status, output(filled)).toBe(0);
    expect(filled.stdout).toMatch(/0 fel och 1 varning i 1 fil\./);
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "Samverkansdokument med samdok");
    // node_modules/, dist/ and .samdokcache stay out of git.
    expect(git(repo, "ls-files")).not.toMatch(/node_modules|\.samdokcache/);
  });

  it("the workflows' samdok commands work as they are written", () => {
    const read = (f: string): Workflow => parseWorkflow(readFileSync(path.join(repo, ".github/workflows", f), "utf8"));
    const [annotations, sarif] = samdokInvocations(read("samdok-pr.yml"));
    const [due] = samdokInvocations(read("samdok-due.yml"));
    // The pull request: origin/main as a clone has it, and a branch that changes the guideline without a new version.
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
    git(repo, "checkout", "-q", "-b", "andring");
    appendFileSync(path.join(repo, "documents/riktlinje-fallprevention.md"), "\nEn ny mening om fallprevention.\n");
    git(repo, "commit", "-q", "-am", "Ändra riktlinjen");
    const BASE_REF = "origin/main";
    const expand = (argv: string[]): string[] => argv.map((w) => w.replace(/\$BASE_REF/g, BASE_REF));

    const pr = run("npx", ["samdok", ...expand(annotations!)]);
    expect(pr.status, output(pr)).toBe(1);
    expect(pr.stdout).toMatch(/^::error file=documents\/riktlinje-fallprevention\.md,line=\d+,.*title=SD302 version-hojs::/m);
    const report = run("npx", ["samdok", ...expand(sarif!)]);
    expect(report.status, output(report)).toBe(1);
    const log = JSON.parse(readFileSync(path.join(repo, "samdok.sarif"), "utf8")) as import("sarif").Log;
    expect(log.runs[0]?.results?.map((r) => r.ruleId)).toContain("SD302");

    const weekly = run("npx", ["samdok", ...due!]);
    // Overdue since September 2026: exit 1, the report the weekly issue gets.
    expect(weekly.status, output(weekly)).toBe(1);
    expect(weekly.stdout.startsWith(DUE_MARKER)).toBe(true);
    expect(weekly.stdout).toMatch(/\*\*1 förfallen/);
  });

  it("build writes the edition into dist/, which git ignores", () => {
    git(repo, "checkout", "-q", "main");
    const build = run("npx", ["samdok", "build", "documents"], repo, { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) });
    expect(build.status, output(build)).toBe(0);
    expect(build.stdout).toMatch(/^Utgåva 2026-12-01 \(källa [0-9a-f]{12}\): 1 dokument, \d+ filer i dist\//m);
    expect(readFileSync(path.join(repo, "dist/riktlinje-fallprevention.html"), "utf8")).toContain("<html");
    // Only the pull request's SARIF report is new; the edition and the cache are ignored.
    expect(git(repo, "status", "--porcelain")).toBe("?? samdok.sarif\n");
  });
});
