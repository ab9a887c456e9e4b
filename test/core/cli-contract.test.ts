import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync, writeFileSync } from "node:fs";
import { FIXTURES, REPO, runCli, validateJson } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";

const fx = (name: string): string => path.join(FIXTURES, name);

describe("CLI contract", () => {
  it("validate --format json has exactly the documented shape", async () => {
    const { report } = await validateJson([fx("schema-agreement")]);
    expect(Object.keys(report)).toEqual(["summary", "results"]);
    expect(Object.keys(report.summary)).toEqual(["files", "errors", "warnings"]);
    const r = report.results[0];
    expect(r?.file).toBe("test/fixtures/schema-agreement/overenskommelse-en-part.md");
    const d = r?.diagnostics[0];
    expect(d).toMatchObject({
      ruleId: expect.any(String),
      severity: "error",
      message: expect.any(String),
      line: expect.any(Number),
      column: expect.any(Number),
    });
  });

  it("paths are POSIX and relative to the working directory", async () => {
    const { report } = await validateJson(["schema-agreement"], { cwd: FIXTURES });
    expect(report.results[0]?.file).toBe("schema-agreement/overenskommelse-en-part.md");
  });

  it("stylish: Swedish, no colour when not a terminal, colour on a terminal unless NO_COLOR", async () => {
    const plain = await runCli(["validate", fx("schema-agreement"), "--no-cache"]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain("test/fixtures/schema-agreement/overenskommelse-en-part.md");
    expect(plain.stdout).toMatch(/ 8:1 +fel +`parter`/);
    expect(plain.stdout).toMatch(/2 fel och 0 varningar i 1 fil/);
    expect(plain.stdout).not.toContain("\u001b[");
    const tty = await runCli(["validate", fx("schema-agreement"), "--no-cache"], { tty: true });
    expect(tty.stdout).toContain("\u001b[31m");
    const noColor = await runCli(["validate", fx("schema-agreement"), "--no-cache"], { tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout).not.toContain("\u001b[");
  });

  it("warnings alone exit 0; --max-warnings turns them into exit 1", async () => {
    const ok = await runCli(["validate", fx("warning-file-name"), "--no-cache"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/varning .*rutin-annat-namn\.md/);
    const strict = await runCli(["validate", fx("warning-file-name"), "--no-cache", "--max-warnings", "0"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--max-warnings/);
  });

  it("usage errors exit 2 with a Swedish message and no stack", async () => {
    for (const argv of [["validate", "--max-warnings", "många"], ["validera"], ["validate", "--nonsense"], ["validate", "--format"]]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(/^samdok: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await runCli(["validera"])).stderr).toMatch(/Okänt kommando validera.*Menade du validate\?/s);
  });

  it("--help and --version exit 0; no arguments shows help and exits 2", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Användning: samdok/);
    expect(help.stdout).toMatch(/validate/);
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const none = await runCli([]);
    expect(none.code).toBe(2);
  });

  it("every command's Swedish help says standard, never default (also where commander wraps the line)", async () => {
    for (const command of ["validate", "rules", "due", "report", "build", "init", "start", "revise", "followup", "new"]) {
      const help = await runCli([command, "--help"]);
      if (help.code !== 0) continue; // not every name is a command of this version
      expect(help.stdout, command).not.toMatch(/default:/);
    }
  });

  it("the content-keyed cache reuses results and notices a change", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-cache-"));
    try {
      cpSync(fx("valid-minimal"), dir, { recursive: true });
      const cache = path.join(dir, ".samdokcache");
      const run = () => runCli(["validate", ".", "--format", "json"], { cwd: dir });
      const first = await run();
      expect(first.code).toBe(0);
      expect(existsSync(cache)).toBe(true);
      const lines = readFileSync(cache, "utf8").trim().split("\n");
      expect(lines[0]).toMatch(/^samdok-cache-5\t[0-9a-f]{64}\t[0-9a-f]{16}$/);
      // The document's result, and the set-wide findings under the configuration's path.
      expect(lines.slice(1).map((l) => l.split("\t")[0])).toEqual(["rutin-utskrivning.md", "set:samdok.config.json"]);
      const second = await run();
      expect(second.stdout).toBe(first.stdout);
      const file = path.join(dir, "rutin-utskrivning.md");
      writeFileSync(file, readFileSync(file, "utf8").replace('version: "1.1"', "version: 1.1"));
      const third = await run();
      expect(third.code).toBe(1);
      expect(third.stdout).toMatch(/citattecken/);
      const nocache = await runCli(["validate", ".", "--format", "json", "--no-cache"], { cwd: dir });
      expect(nocache.stdout).toBe(third.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the cache and the set-wide rules", () => {
  it("reuses set-wide findings only while what they read is unchanged; files that links name are looked at every time", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-setcache-"));
    try {
      cpSync(fx("valid-minimal"), dir, { recursive: true });
      const file = path.join(dir, "rutin-utskrivning.md");
      const original = readFileSync(file, "utf8");
      const run = async () => {
        const r = await runCli(["validate", ".", "--format", "json"], { cwd: dir });
        return (JSON.parse(r.stdout) as { results: { diagnostics: { ruleId: string }[] }[] }).results.flatMap((x) =>
          x.diagnostics.map((d) => d.ruleId),
        );
      };
      expect(await run()).toEqual([]);
      // Text only: the set-wide findings (none) still hold.
      writeFileSync(file, `${original}\nEn mening till.\n`);
      expect(await run()).toEqual([]);
      // A new link to a document that does not exist: the set-wide rules must run again.
      writeFileSync(file, `${original}\nSe [rutinen](saknas.md).\n`);
      expect(await run()).toContain("SD133");
      expect(await run()).toContain("SD133");
      // An attachment: found, then deleted without any document changing.
      writeFileSync(file, `${original}\nSe [blanketten](bilaga.pdf).\n`);
      writeFileSync(path.join(dir, "bilaga.pdf"), "%PDF-1.4\n");
      expect(await run()).toEqual([]);
      rmSync(path.join(dir, "bilaga.pdf"));
      expect(await run()).toContain("SD134");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("build and the cache", () => {
  it("the validation before a build keeps and uses validate's cache, unless --no-cache", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-buildcache-"));
    try {
      cpSync(fx("valid-minimal"), dir, { recursive: true });
      const cache = path.join(dir, ".samdokcache");
      expect((await runCli(["build", ".", "--out", "ut", "--no-cache"], { cwd: dir })).code).toBe(0);
      expect(existsSync(cache)).toBe(false);
      expect((await runCli(["build", ".", "--out", "ut"], { cwd: dir })).code).toBe(0);
      expect(readFileSync(cache, "utf8")).toMatch(/\nrutin-utskrivning\.md\t/);
      // A broken document is still refused when its result comes from the cache.
      const file = path.join(dir, "rutin-utskrivning.md");
      writeFileSync(file, readFileSync(file, "utf8").replace('version: "1.1"', "version: 1.1"));
      expect((await runCli(["validate", "."], { cwd: dir })).code).toBe(1);
      expect((await runCli(["build", ".", "--out", "ut"], { cwd: dir })).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("fast start", () => {
  // bin/samdok.js runs build/: test/global-setup.ts builds it when it is missing or older than src/.
  beforeAll(requireBuild);
  const trace = (args: string[], expand = true): string[] => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "samdok-trace-")), "imports.txt");
    writeFileSync(out, "");
    try {
      execFileSync(
        process.execPath,
        ["--import", path.join(REPO, "test/helpers/trace-imports.mjs"), path.join(REPO, "bin/samdok.js"), ...args],
        {
          cwd: REPO,
          env: { ...process.env, SAMDOK_TRACE_IMPORTS: out, NO_COLOR: "1" },
          stdio: "pipe",
        },
      );
    } catch {
      // validate exits 1 on findings; the trace is what matters
    }
    const loaded = readFileSync(out, "utf8").split("\n").filter(Boolean);
    if (!expand) return loaded;
    // Run bundled (src/bundle.ts), a chunk stands for the modules it holds.
    const bundle = path.join(REPO, "build/bundle");
    const modules = existsSync(path.join(bundle, "modules.json"))
      ? (JSON.parse(readFileSync(path.join(bundle, "modules.json"), "utf8")) as Record<string, string[]>)
      : {};
    return loaded.flatMap((u) => {
      const file = u.startsWith("file:") ? fileURLToPath(u) : u;
      const held = path.dirname(file) === bundle ? modules[path.basename(file)] : undefined;
      return held ? [u, ...held.map((m) => pathToFileURL(path.join(REPO, m)).href)] : [u];
    });
  };
  it("npm run build bundles the CLI, and bin/samdok.js runs the bundle", () => {
    expect(existsSync(path.join(REPO, "build/bundle/main.js"))).toBe(true);
    const loaded = trace(["--version"], false);
    expect(loaded.some((u) => u.endsWith("/build/bundle/main.js"))).toBe(true);
    expect(loaded.filter((u) => u.includes("/build/cli/"))).toEqual([]);
  });
  it("--help loads neither the Markdown, docx nor rehype code", () => {
    const loaded = trace(["--help"]);
    expect(loaded.some((u) => u.includes("commander"))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/(docx|rehype-|remark-|unified|ajv)/.test(u))).toEqual([]);
  });
  it("validate loads no docx or rehype code", () => {
    const loaded = trace(["validate", "test/fixtures/valid-minimal", "--no-cache"]);
    expect(loaded.some((u) => u.includes("remark-parse"))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/(docx|rehype-|remark-rehype|fflate)/.test(u))).toEqual([]);
  });
  it("validate loads the HTML parser (parse5) only for raw HTML it must parse", () => {
    // documents/ has no raw HTML; SD136 loads hast-util-from-html the first time it meets some.
    const loaded = trace(["validate", "documents", "--no-cache"]);
    expect(loaded.some((u) => u.includes("raw-html"))).toBe(true);
    expect(loaded.filter((u) => /node_modules\/(parse5|hast-util-from-html)\//.test(u))).toEqual([]);
  });
});
