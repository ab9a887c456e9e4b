/**
 * `samdok init` and the workflows it writes: the files, that they parse, that
 * every samdok command and flag they use exists, that their validate commands
 * do what the workflow expects on a real repository, and that the weekly
 * job's issue handling does the right thing (with stand-ins for gh and npx).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { clearConfigCache, ConfigError, loadConfig } from "../../src/core/config.js";
import { ACTIONS, DUE_MARKER, PLACEHOLDER, WORKFLOW_NODE } from "../../src/ci/templates.js";
import { copyFromFixture, git, makeUpstream, removeDir, tempDir } from "./git-repo.js";
import { helpOptions, parseWorkflow, samdokInvocations, steps, type Workflow } from "./workflow-commands.js";

let root: string;

/** What init adds to a repository's .gitignore. */
const GITIGNORE_BLOCK = "# samdok: installerade paket, utgåvorna och valideringens cache\nnode_modules/\ndist/\n.samdokcache\n";

/** The filter the weekly workflow finds its issue with. */
const JQ_FILTER = "[.[] | select(.body | contains(env.MARKER))] | first | .number // empty";

beforeAll(() => {
  root = tempDir("samdok-init-");
});

afterAll(() => removeDir(root));

async function initInto(name: string, extra: string[] = []): Promise<{ dir: string; stdout: string; code: number }> {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  const r = await runCli(["init", dir, ...extra]);
  return { dir, stdout: r.stdout + r.stderr, code: r.code };
}

const read = (dir: string, f: string): string => readFileSync(path.join(dir, f), "utf8");

describe("samdok init", () => {
  it("writes the configuration, both workflows and the .gitignore entry", async () => {
    const { dir, stdout, code } = await initInto("ny");
    expect(code).toBe(0);
    for (const f of ["documents/samdok.config.json", ".github/workflows/samdok-pr.yml", ".github/workflows/samdok-due.yml", ".gitignore"])
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(read(dir, ".gitignore")).toBe(GITIGNORE_BLOCK);
    expect(stdout).toContain("Skrev:");
    expect(stdout).toContain(`Fyll i allt som är märkt "${PLACEHOLDER}"`);
    // No package.json with samdok: the message says how to get samdok into the repository, and writes none.
    expect(stdout).toMatch(
      /1\. Lägg in samdok i arkivet: .*Kör samdok init --from <version \| git-adress \| sökväg till samdok-x\.y\.z\.tgz/,
    );
    expect(existsSync(path.join(dir, "package.json"))).toBe(false);
  });

  it("does not ask for samdok when the repository's package.json already has it", async () => {
    const dir = path.join(root, "har-paket");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ private: true, devDependencies: { samdok: "0.1.0" } }));
    const r = await runCli(["init", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("Lägg in samdok");
    expect(r.stdout).toMatch(/1\. Fyll i allt/);
  });

  it("writes a configuration that follows the schema, where only the region's parts to fill in are errors", async () => {
    const { dir } = await initInto("giltig");
    clearConfigCache();
    const text = read(dir, "documents/samdok.config.json");
    expect(text.match(new RegExp(PLACEHOLDER, "g"))?.length).toBeGreaterThanOrEqual(5);
    expect((JSON.parse(text) as { $schema: string }).$schema).toBe("../node_modules/samdok/schemas/samdok-config.schema.json");
    let error: unknown;
    try {
      loadConfig(path.join(dir, "documents/samdok.config.json"), dir, "sv");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const diagnostics = (error as ConfigError).diagnostics;
    // One error per placeholder line (the marked names and the stand-in codes and address), and nothing else: the rest follows the schema.
    const placeholderLines = text
      .split("\n")
      .flatMap((l, i) => (l.includes(PLACEHOLDER) || /"(region-00|00|0000|andra-funktionsbrevlada@example\.se)"/.test(l) ? [i + 1] : []));
    expect(diagnostics.map((d) => d.line)).toEqual(placeholderLines);
    for (const d of diagnostics) {
      expect(d.ruleId).toBe("SD010");
      expect(d.severity).toBe("error");
      expect(d.message).toMatch(/platshållaren ÄNDRA: från samdok init|startkonfigurationens exempel/);
    }
  });

  it("leaves existing files alone without --force, replaces them with it, and never repeats the .gitignore entry", async () => {
    const { dir } = await initInto("finns");
    writeFileSync(path.join(dir, ".github/workflows/samdok-pr.yml"), "# egen\n");
    writeFileSync(path.join(dir, ".gitignore"), "node_modules\n/dist/\n.samdokcache");
    const again = await runCli(["init", dir]);
    expect(again.code).toBe(0);
    expect(read(dir, ".github/workflows/samdok-pr.yml")).toBe("# egen\n");
    expect(again.stdout).toMatch(/Fanns redan och lämnades orörda \(skriv över med --force\):\n(.*\n)*.*samdok-pr\.yml/);
    expect(read(dir, ".gitignore")).toBe("node_modules\n/dist/\n.samdokcache");
    const forced = await runCli(["init", dir, "--force"]);
    expect(forced.code).toBe(0);
    expect(read(dir, ".github/workflows/samdok-pr.yml")).toContain("name: samdok – pull request");

    writeFileSync(path.join(dir, ".gitignore"), "node_modules/");
    await runCli(["init", dir]);
    expect(read(dir, ".gitignore")).toBe(
      "node_modules/\n# samdok: installerade paket, utgåvorna och valideringens cache\ndist/\n.samdokcache\n",
    );
  });

  it("puts the configuration and the workflows' paths in the folder --docs names, and refuses one outside", async () => {
    const { dir } = await initInto("egen-mapp", ["--docs", "styrdokument/gemensamma"]);
    expect(existsSync(path.join(dir, "styrdokument/gemensamma/samdok.config.json"))).toBe(true);
    expect(read(dir, ".github/workflows/samdok-pr.yml")).toContain("npx samdok validate styrdokument/gemensamma --changed-since");
    expect(read(dir, ".github/workflows/samdok-due.yml")).toContain("npx samdok due styrdokument/gemensamma --format markdown");
    const outside = await runCli(["init", dir, "--docs", "../annat"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^samdok: Dokumentmappen "..\/annat" ligger utanför/);
  });
});

describe("the generated workflows", () => {
  let pr: Workflow;
  let due: Workflow;
  let prText: string;
  let dueText: string;

  beforeAll(async () => {
    const { dir } = await initInto("arbetsfloden");
    prText = read(dir, ".github/workflows/samdok-pr.yml");
    dueText = read(dir, ".github/workflows/samdok-due.yml");
    pr = parseWorkflow(prText);
    due = parseWorkflow(dueText);
  });

  it("parse as YAML and have the shape GitHub Actions needs", () => {
    expect(pr.name).toBe("samdok – pull request");
    expect(Object.keys(pr.on)).toEqual(["pull_request"]);
    const job = Object.values(pr.jobs)[0]!;
    expect(job["runs-on"]).toBe("ubuntu-latest");
    // Least privilege: nothing for the workflow as a whole, and the job only what it uses.
    expect(pr.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: "read", "security-events": "write", actions: "read" });
    const prSteps = steps(pr);
    expect(prSteps.find((s) => s.uses === ACTIONS.checkout)?.with).toEqual({ "persist-credentials": false, "fetch-depth": 0 });
    expect(prSteps.find((s) => s.uses === ACTIONS.setupNode)?.with).toEqual({ "node-version": WORKFLOW_NODE });
    expect(WORKFLOW_NODE).toBe(22);
    const upload = prSteps.find((s) => s.uses === ACTIONS.uploadSarif);
    expect(upload?.with).toEqual({ sarif_file: "samdok.sarif", category: "samdok" });
    expect(upload?.if).toContain("!cancelled()");
    // Code scanning needs a public repository or GitHub Advanced Security: without it the upload fails and the job still passes.
    expect(upload?.["continue-on-error"]).toBe(true);
    expect(prText).toMatch(/# Kodskanningen finns i publika arkiv och i privata arkiv med GitHub Advanced\n\s+# Security/);
    // The base ref reaches the shell through the environment, not by expression expansion in run:.
    expect(job.env?.BASE_REF).toBe("origin/${{ github.base_ref }}");
    for (const s of prSteps) expect(s.run ?? "").not.toContain("${{");

    expect(due.on).toEqual({ schedule: [{ cron: "0 5 * * 1" }], workflow_dispatch: null });
    expect(due.permissions).toEqual({});
    expect(Object.values(due.jobs)[0]?.permissions).toEqual({ contents: "read", issues: "write" });
    expect(steps(due).find((s) => s.uses === ACTIONS.checkout)?.with).toEqual({ "persist-credentials": false, "fetch-depth": 0 });
    expect(steps(due).find((s) => s.uses === ACTIONS.setupNode)?.with).toEqual({ "node-version": WORKFLOW_NODE });

    // Every action is pinned by a version tag, on a release that runs on Node 24; both workflows install with npm ci.
    for (const w of [pr, due]) {
      for (const s of steps(w).filter((x) => x.uses)) expect(s.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
      const install = steps(w).find((s) => s.name === "Installera samdok");
      expect(install?.run).toMatch(/^\s*npm ci --no-audit --no-fund$/m);
      // Never a registry install of a package that may not be published: the locked version or a clear error.
      expect(install?.run).not.toMatch(/npm (install|i) |samdok@/);
    }
    expect(ACTIONS).toEqual({
      checkout: "actions/checkout@v5",
      setupNode: "actions/setup-node@v5",
      uploadSarif: "github/codeql-action/upload-sarif@v4",
    });
    const update = steps(due).find((s) => s.run?.includes("gh issue"));
    expect(update?.env?.MARKER).toBe(DUE_MARKER);
    expect(update?.env?.GH_TOKEN).toBe("${{ github.token }}");
    for (const cmd of ["gh issue list", "gh issue edit", "gh issue create", "gh issue close"]) expect(update?.run).toContain(cmd);
  });

  it("name only samdok commands, flags and values that exist", async () => {
    const invocations = [...samdokInvocations(pr), ...samdokInvocations(due)];
    expect(invocations.map((a) => a[0])).toEqual(["validate", "validate", "due"]);
    for (const argv of invocations) {
      const [command, ...rest] = argv;
      const options = await helpOptions(command!);
      expect(options, `samdok ${command} is not a command`).toBeDefined();
      for (let i = 0; i < rest.length; i++) {
        const word = rest[i]!;
        if (!word.startsWith("-")) continue;
        const [flag, inline] = word.split("=", 2) as [string, string | undefined];
        const option = options!.find((o) => o.flags.includes(flag));
        expect(option, `samdok ${command} has no ${flag}`).toBeDefined();
        if (!option?.takesValue) continue;
        const value = inline ?? rest[++i];
        expect(value, `${flag} needs a value`).toBeDefined();
        if (option.choices) expect(option.choices, `${command} ${flag} ${value}`).toContain(value);
      }
    }
  });

  it("fail a pull request with mistakes through the same validate commands, with annotations and a SARIF file", async () => {
    const repo = makeUpstream(path.join(root, "pr-repo"));
    const work = repo.clone("arbete");
    // The document repository as `samdok init` leaves it, with the region's real configuration filled in.
    cpSync(path.join(root, "arbetsfloden/.github"), path.join(work, ".github"), { recursive: true });
    copyFromFixture(work, "ci-pr-fel", "rutin-utskrivning.md");
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "Ändra rutinen utan ny version");
    const env = { BASE_REF: "origin/main" };
    const validates = samdokInvocations(pr).filter((a) => a[0] === "validate");
    const results = [];
    for (const argv of validates) {
      const expanded = argv.map((w) => w.replace(/\$BASE_REF/g, env.BASE_REF));
      results.push({ argv: expanded, ...(await runCli([...expanded, "--no-cache"], { cwd: work })) });
    }
    const [annotations, sarifRun] = results;
    expect(annotations?.argv).toEqual(["validate", "documents", "--changed-since", "origin/main", "--format", "github"]);
    expect(annotations?.code).toBe(1);
    expect(annotations?.stdout).toMatch(
      /^::error file=documents\/rutin-utskrivning\.md,line=6,col=10,.*title=SD302 version-hojs::.*i basversionen \(origin\/main\) var versionen 2\.1/m,
    );
    expect(annotations?.stdout).not.toContain("riktlinje-hygien");
    expect(sarifRun?.code).toBe(1);
    const sarif = JSON.parse(read(work, "samdok.sarif")) as import("sarif").Log;
    expect(sarif.runs[0]?.results?.map((r) => r.ruleId)).toEqual(expect.arrayContaining(["SD302", "SD303"]));
    const uris = (sarif.runs[0]?.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(uris).toContain("documents/rutin-utskrivning.md");
    for (const uri of uris) expect(uri).toMatch(/^documents\/[^/]+\.md$/);
    // The terminal got stylish while the file got SARIF.
    expect(sarifRun?.stdout).toMatch(/✖ \d+ fel/);

    // Fixed as the rules ask: both commands pass.
    copyFromFixture(work, "ci-pr-ratt", "rutin-utskrivning.md");
    git(work, "commit", "-q", "-am", "Version 2.2 med ändringshistorik");
    for (const argv of validates) {
      const r = await runCli([...argv.map((w) => w.replace(/\$BASE_REF/g, env.BASE_REF)), "--no-cache"], { cwd: work });
      expect(r.code, `${argv.join(" ")}\n${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it("run the weekly step's issue handling right: create, update, close, and stop on failure", () => {
    const step = steps(due).find((s) => s.run?.includes("gh issue"))!;
    const bin = path.join(root, "falska-program");
    mkdirSync(bin, { recursive: true });
    const log = path.join(root, "anrop.log");
    // `npx samdok due …`: prints a report and exits with the status the test asks for.
    writeFileSync(
      path.join(bin, "npx"),
      `#!/bin/sh\necho "npx $*" >> "$FAKE_LOG"\nprintf '%s\\n# Att revidera\\n' "$FAKE_DUE_MARKER"\nexit "$FAKE_DUE_STATUS"\n`,
    );
    // \`gh\`: logs every call and answers issue list from FAKE_ISSUES through the --jq filter: with
    // jq where it is installed (gh's own jq is gojq, which agrees with jq here), else the same filter in JS.
    writeFileSync(
      path.join(bin, "gh"),
      `#!/usr/bin/env node
const fs = require("node:fs");
const { execFileSync } = require("node:child_process");
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, "gh " + args.join(" ") + "\\n");
if (args[0] === "issue" && args[1] === "list") {
  const filter = args[args.indexOf("--jq") + 1];
  let out;
  try {
    out = execFileSync("jq", ["-r", filter], { input: process.env.FAKE_ISSUES, env: process.env }).toString();
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
    if (filter !== ${JSON.stringify(JQ_FILTER)}) throw new Error("unknown filter " + filter);
    const hit = JSON.parse(process.env.FAKE_ISSUES).filter((i) => i.body.includes(process.env.MARKER))[0];
    out = hit ? hit.number + "\\n" : "";
  }
  process.stdout.write(out);
}
`,
    );
    chmodSync(path.join(bin, "npx"), 0o755);
    chmodSync(path.join(bin, "gh"), 0o755);
    const script = path.join(root, "steg.sh");
    writeFileSync(script, step.run!);
    const cwd = path.join(root, "bevakning");
    mkdirSync(cwd, { recursive: true });

    const run = (status: number, issues: { number: number; body: string }[], marker = DUE_MARKER) => {
      writeFileSync(log, "");
      const r = spawnSync("bash", ["-e", script], {
        cwd,
        encoding: "utf8",
        env: {
          PATH: `${bin}:${process.env.PATH ?? ""}`,
          ...step.env,
          GH_TOKEN: "x",
          GH_REPO: "region/samverkan",
          FAKE_LOG: log,
          FAKE_DUE_STATUS: String(status),
          FAKE_DUE_MARKER: marker,
          FAKE_ISSUES: JSON.stringify(issues),
        },
      });
      return {
        code: r.status,
        calls: readFileSync(log, "utf8").trim().split("\n"),
        body: existsSync(path.join(cwd, "samdok-due.md")) ? readFileSync(path.join(cwd, "samdok-due.md"), "utf8") : "",
      };
    };
    const other = { number: 3, body: "Ett annat ärende" };
    const ours = { number: 7, body: `${DUE_MARKER}\n# Att revidera` };

    const created = run(1, [other]);
    expect(created.code).toBe(0);
    expect(created.calls[0]).toBe("npx samdok due documents --format markdown --fail-on due");
    expect(created.calls.slice(1)).toEqual([
      `gh issue list --state open --limit 500 --json number,body --jq ${JQ_FILTER}`,
      "gh issue create --title Samverkansdokument att revidera och följa upp --body-file samdok-due.md",
    ]);

    const updated = run(1, [other, ours]);
    expect(updated.calls.at(-1)).toBe("gh issue edit 7 --body-file samdok-due.md");

    const closed = run(0, [ours, other]);
    expect(closed.calls.at(-1)).toMatch(/^gh issue close 7 --comment Inget förfaller/);

    const quiet = run(0, [other]);
    expect(quiet.calls.filter((c) => !c.startsWith("gh issue list"))).toEqual(["npx samdok due documents --format markdown --fail-on due"]);

    const failed = run(2, [ours]);
    expect(failed.code).toBe(2);
    expect(failed.calls).toEqual(["npx samdok due documents --format markdown --fail-on due"]);

    // A report without the marker still gets one, so that next week finds the issue.
    const unmarked = run(1, [], "");
    expect(unmarked.body.startsWith(`${DUE_MARKER}\n\n`)).toBe(true);
  });

  it("run the weekly samdok command itself: exit 0 or 1 and a body with the marker", async () => {
    const [argv] = samdokInvocations(due);
    const dir = path.join(root, "vecka");
    mkdirSync(path.join(dir, "documents"), { recursive: true });
    for (const f of ["samdok.config.json", "riktlinje-fallprevention.md", "rutin-upphavd.md"])
      cpSync(path.join(FIXTURES, "ci-forfallen", f), path.join(dir, "documents", f));
    const r = await runCli(argv!, { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(DUE_MARKER);
    expect(r.stdout).toContain("riktlinje-fallprevention");
  });
});
