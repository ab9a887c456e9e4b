import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "../helpers/cli.js";
import { requireBuild } from "../helpers/build.js";
import { runValidation } from "../../src/core/pipeline/index.js";
import { AnalyzerThread, workerCount, workerScript, PARALLEL_MIN_DOCUMENTS } from "../../src/core/parallel.js";
import { loadConfig } from "../../src/core/config.js";

// The worker threads run the compiled worker (build/core/worker.js): test/global-setup.ts builds it
// before any test when build/ is missing or older than src/, so these tests always run.
const BUILT = existsSync(path.join(REPO, "build/core/worker.js"));
const PATHS = [
  "documents",
  ...[
    "rules-lankar",
    "rules-personuppgifter",
    "rules-lix",
    "rules-stod",
    "schema-errors",
    "bad-yaml-syntax",
    "bad-not-utf8",
    "bad-alias-bomb",
    "bad-duplicate-keys",
    "bom-and-crlf",
    "nfd-text",
  ].map((f) => `test/fixtures/${f}`),
];

describe("the per-document step in worker threads", () => {
  it("uses worker threads only for large runs with more than one core, or when asked; one thread is the main thread alone", () => {
    expect(workerCount("auto", PARALLEL_MIN_DOCUMENTS - 1)).toBe(0);
    expect(workerCount(undefined, 10)).toBe(0);
    expect(workerCount(1, 5000)).toBe(0);
    expect(workerCount(3, 5000)).toBe(3);
    expect(workerCount(8, 2)).toBe(2);
    expect(workerCount(4, 0)).toBe(0);
    expect(workerCount("auto", 5000)).toBeLessThanOrEqual(4);
    expect(workerCount("auto", 5000)).not.toBe(1);
  });

  it("gives exactly the results of the main thread, findings, facts and positions alike", async () => {
    requireBuild();
    const run = (jobs: number) => runValidation({ paths: PATHS, cwd: REPO, lang: "sv", today: "2026-11-23", jobs });
    const here = await run(1);
    const threads = await run(3);
    expect(here.results.length).toBeGreaterThan(30);
    expect(here.summary.errors).toBeGreaterThan(5);
    expect(JSON.stringify(threads.results)).toBe(JSON.stringify(here.results));
    expect(threads.summary).toEqual(here.summary);
    // Positions (unpacked on demand) point at the same places.
    const a = here.results.find((r) => r.data !== undefined);
    const b = threads.results.find((r) => r.file === a?.file);
    expect(b?.positions).toEqual(a?.positions);
  });

  it("a thread that dies rejects its work, so that the main thread can do it", async () => {
    requireBuild();
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-worker-"));
    try {
      const script = path.join(dir, "dies.mjs");
      writeFileSync(script, "throw new Error('worker fails to start');\n");
      const thread = new AnalyzerThread(pathToFileURL(script));
      const loaded = loadConfig(path.join(REPO, "documents/sormland/samdok.config.json"), REPO, "sv");
      await expect(
        thread.analyze({
          file: "x.md",
          rootPath: "x.md",
          abs: path.join(dir, "x.md"),
          bytes: new Uint8Array(),
          loaded,
          lang: "sv",
          today: "2026-11-23",
          keepBody: false,
        }),
      ).rejects.toThrow();
      expect(thread.dead).toBe(true);
      await expect(
        thread.analyze({
          file: "y.md",
          rootPath: "y.md",
          abs: path.join(dir, "y.md"),
          bytes: new Uint8Array(),
          loaded,
          lang: "sv",
          today: "2026-11-23",
          keepBody: false,
        }),
      ).rejects.toThrow();
      await thread.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds the compiled worker from the TypeScript source too", () => {
    expect(workerScript() !== undefined).toBe(BUILT);
  });
});
