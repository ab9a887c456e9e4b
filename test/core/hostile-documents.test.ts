/**
 * Documents built to hang or exhaust a run (issue 13, items 7 and 8): each
 * is generated into a temporary folder next to a valid document
 * (test/helpers/attack-documents.mjs), and every run must end quickly with
 * exit code 1, a located finding on the attack and the valid document's
 * result. Before the limits, these took 495 s, ran out of memory, overflowed
 * the stack or blocked for ever. The timeouts are hang guards, not speed
 * targets. The limits as units: limits.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO, runCli, validateJson, type JsonReport } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";
import { attacks, documentWith, legitimate, writeDocuments } from "../helpers/attack-documents.mjs";
import { runValidation } from "../../src/core/pipeline/index.js";
import { git } from "../ci/git-repo.js";

const HANG_GUARD = 60_000;
const POSIX = process.platform !== "win32";

/** The located finding of each attack: rule, line, column, and what the message says. */
const expected: Record<string, { ruleId: string; line: number; column: number; message: RegExp }> = {
  "nested-markers-line": { ruleId: "SD001", line: 33, column: 65, message: /Listor och citat är nästlade i mer än 32 nivåer/ },
  "nested-quotes-line": { ruleId: "SD001", line: 33, column: 65, message: /nästlade i mer än 32 nivåer/ },
  "nested-ordered-line": { ruleId: "SD001", line: 33, column: 97, message: /nästlade i mer än 32 nivåer/ },
  "nested-markers-indent": { ruleId: "SD001", line: 65, column: 65, message: /nästlade i mer än 32 nivåer/ },
  "many-list-items": { ruleId: "SD001", line: 9130, column: 1, message: /för stor eller för tätt formaterad.*listpunkter/ },
  "big-table": { ruleId: "SD001", line: 469, column: 1, message: /för stor eller för tätt formaterad.*tabellceller/ },
  "yaml-flow-deep": { ruleId: "SD003", line: 17, column: 39, message: /YAML-huvudet är nästlat i mer än 32 nivåer/ },
  "yaml-block-deep": { ruleId: "SD003", line: 18, column: 65, message: /YAML-huvudet är nästlat/ },
  "yaml-map-deep": { ruleId: "SD003", line: 49, column: 33, message: /YAML-huvudet är nästlat/ },
  "yaml-many-keys": { ruleId: "SD003", line: 2002, column: 1, message: /YAML-huvudet är för stort: fler än 2 000 rader/ },
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "samdok-hostile-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function resultOf(report: JsonReport, name: string) {
  return report.results.find((r) => r.file.endsWith(`/${name}`));
}

describe("documents that would hang or exhaust the run", () => {
  it("knows every attack the generator makes", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(attacks).sort());
  });

  for (const [name, want] of Object.entries(expected)) {
    it(
      `${name}: a located ${want.ruleId} on the attack, and the valid document next to it is checked`,
      async () => {
        const dir = path.join(root, name);
        const files = writeDocuments(dir, [name]);
        const { code, report, stderr } = await validateJson([dir]);
        expect(stderr).not.toMatch(/at .*\.(ts|js):\d+/);
        expect(code).toBe(1);
        expect(report.summary.files).toBe(2);
        const attack = resultOf(report, files[name] as string);
        expect(attack?.diagnostics).toHaveLength(1);
        expect(attack?.diagnostics[0]).toMatchObject({ ruleId: want.ruleId, severity: "error", line: want.line, column: want.column });
        expect(attack?.diagnostics[0]?.message).toMatch(want.message);
        expect(resultOf(report, "rutin-giltig.md")?.diagnostics).toEqual([]);
      },
      HANG_GUARD,
    );
  }

  it(
    "all of them in one set, in English too: one finding each, and nothing lost",
    async () => {
      const dir = path.join(root, "alla");
      writeDocuments(dir, Object.keys(attacks));
      const { code, report } = await validateJson([dir], { extra: ["--lang", "en"] });
      expect(code).toBe(1);
      expect(report.summary.files).toBe(Object.keys(attacks).length + 1);
      expect(report.summary.errors).toBe(Object.keys(attacks).length);
      expect(resultOf(report, "rutin-giltig.md")?.diagnostics).toEqual([]);
      expect(resultOf(report, "rutin-listmarkorer.md")?.diagnostics[0]?.message).toMatch(/nested more than 32 levels deep/);
    },
    HANG_GUARD,
  );

  it(
    "big but ordinary documents pass: 2,000 list items, lists nested 8 deep, a 300-row table",
    async () => {
      const dir = path.join(root, "vanliga");
      writeDocuments(dir, Object.keys(legitimate), legitimate);
      const { code, report } = await validateJson([dir]);
      expect(report.results.flatMap((r) => r.diagnostics)).toEqual([]);
      expect(code).toBe(0);
      expect(report.summary.files).toBe(Object.keys(legitimate).length + 1);
    },
    HANG_GUARD,
  );

  it(
    "build refuses a set with a refused document, and publishes a named valid document without parsing the other",
    async () => {
      const dir = path.join(root, "bygge");
      writeDocuments(dir, ["nested-markers-line", "many-list-items"]);
      // A link into the refused document: the edition would parse its body to find the heading.
      writeFileSync(path.join(dir, "rutin-lankar.md"), documentWith("rutin-lankar", "Se [listan](rutin-listmarkorer.md#syfte).\n"));
      const out = path.join(root, "bygge-ut");
      const refused = await runCli(["build", dir, "--format", "html", "--out", out, "--no-cache"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/publiceras inte/);
      // Only the valid document named: the set's other documents are loaded (set rules) but not counted,
      // and the refused ones must not reach the edition, where the body would be parsed again.
      const one = await runCli(["build", path.join(dir, "rutin-lankar.md"), "--format", "html,docx", "--out", out, "--no-cache"]);
      expect(one.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(one.code).toBe(0);
      expect(
        readdirSync(out)
          .filter((f) => !f.startsWith("."))
          .sort(),
      ).toEqual(["index.html", "rutin-lankar.html", "samlad-utgava.docx", "samlad-utgava.html"]);
    },
    HANG_GUARD,
  );

  // Worker threads run the compiled worker (build/), which test/global-setup.ts builds when it is missing or older than src/.
  it(
    "worker threads give the same findings as the main thread",
    async () => {
      requireBuild();
      const dir = path.join(root, "trådar");
      writeDocuments(dir, Object.keys(attacks));
      const run = (jobs: number) => runValidation({ paths: [dir], cwd: REPO, lang: "sv", today: "2026-11-23", jobs });
      const here = await run(1);
      const threads = await run(2);
      expect(here.summary.errors).toBe(Object.keys(attacks).length);
      expect(JSON.stringify(threads.results)).toBe(JSON.stringify(here.results));
    },
    HANG_GUARD,
  );
});

describe.skipIf(!POSIX)("files that are not regular files", () => {
  const writers: ChildProcess[] = [];
  afterAll(() => {
    for (const w of writers) w.kill();
  });

  /**
   * A FIFO, with a hang guard: should samdok open it after all, this writer
   * frees it after a while with text that is no document, so that the test
   * fails instead of blocking for ever.
   */
  function fifo(file: string): void {
    execFileSync("mkfifo", [file]);
    const writer = spawn("sh", ["-c", `sleep 20; printf '%s' 'ingen front matter' > "$1"`, "sh", file], { stdio: "ignore" });
    writers.push(writer);
  }

  it(
    "reports a FIFO and a link to a FIFO with SD001 and never opens them; the rest of the run goes on, with the cache too",
    async () => {
      const dir = path.join(root, "kanaler");
      writeDocuments(dir, []);
      fifo(path.join(dir, "rutin-kanal.md"));
      fifo(path.join(dir, "kanal.fifo"));
      symlinkSync("kanal.fifo", path.join(dir, "rutin-lank.md"));
      const check = (report: JsonReport): void => {
        expect(report.summary.files).toBe(3);
        for (const name of ["rutin-kanal.md", "rutin-lank.md"]) {
          expect(resultOf(report, name)?.diagnostics).toEqual([
            expect.objectContaining({ ruleId: "SD001", line: 1, column: 1, severity: "error" }),
          ]);
          expect(resultOf(report, name)?.diagnostics[0]?.message).toMatch(/inte en vanlig fil utan en namngiven kanal \(FIFO/);
        }
        expect(resultOf(report, "rutin-giltig.md")?.diagnostics).toEqual([]);
      };
      const plain = await validateJson([dir]);
      expect(plain.code).toBe(1);
      check(plain.report);
      // Named on the command line, and with the cache (which looks at files before reading them).
      const cacheLocation = path.join(root, "kanaler.samdokcache");
      for (let round = 0; round < 2; round++) {
        const r = await runCli([
          "validate",
          path.join(dir, "rutin-kanal.md"),
          path.join(dir, "rutin-lank.md"),
          path.join(dir, "rutin-giltig.md"),
          "--format",
          "json",
          "--cache-location",
          cacheLocation,
        ]);
        expect(r.code).toBe(1);
        check(JSON.parse(r.stdout) as JsonReport);
      }
      // Build never reads them either.
      const built = await runCli([
        "build",
        path.join(dir, "rutin-giltig.md"),
        "--format",
        "html",
        "--out",
        path.join(root, "kanaler-ut"),
        "--no-cache",
      ]);
      expect(built.code).toBe(0);
    },
    HANG_GUARD,
  );

  it(
    "validate --changed-since does not open a document that became a FIFO in the working tree",
    async () => {
      const repo = path.join(root, "repo");
      mkdirSync(repo);
      git(repo, "init", "-q", "-b", "main");
      writeDocuments(path.join(repo, "documents"), []);
      git(repo, "add", "-A");
      git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.se", "commit", "-q", "-m", "bas");
      unlinkSync(path.join(repo, "documents/rutin-giltig.md"));
      fifo(path.join(repo, "documents/rutin-giltig.md"));
      const { code, report } = await validateJson(["documents"], { cwd: repo, extra: ["--changed-since", "main"] });
      expect(code).toBe(1);
      expect(resultOf(report, "rutin-giltig.md")?.diagnostics[0]).toMatchObject({ ruleId: "SD001", line: 1, column: 1 });
      expect(resultOf(report, "rutin-giltig.md")?.diagnostics[0]?.message).toMatch(/inte en vanlig fil/);
    },
    HANG_GUARD,
  );
});
