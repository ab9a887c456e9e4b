/**
 * Runs samdok's main() in-process with captured streams and a fixed clock.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(REPO, "test/fixtures");
/** The fixed clock of every test: 2026-11-23 09:00 Swedish time. */
export const NOW = new Date("2026-11-23T08:00:00Z");
/**
 * Where the tests keep the key that signs the cache (SAMDOK_CACHE_KEY_DIR),
 * so that no test touches the user's own ~/.cache/samdok. A test may give
 * its own in `env`.
 */
export const TEST_CACHE_KEY_DIR = path.join(
  os.tmpdir(),
  `samdok-test-cache-key-${typeof process.getuid === "function" ? process.getuid() : "user"}`,
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  now?: Date;
  env?: Record<string, string | undefined>;
  readFile?: (absPath: string) => Uint8Array;
  tty?: boolean;
}

export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main({
    argv,
    cwd: options.cwd ?? REPO,
    now: options.now ?? NOW,
    env: { SAMDOK_CACHE_KEY_DIR: TEST_CACHE_KEY_DIR, ...options.env },
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    ...(options.readFile ? { readFile: options.readFile } : {}),
  });
  return { code, stdout, stderr };
}

/** Runs `validate --format json --no-cache` and parses the report. */
export async function validateJson(
  paths: string[],
  options: RunCliOptions & { extra?: string[] } = {},
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const r = await runCli(["validate", ...paths, "--format", "json", "--no-cache", ...(options.extra ?? [])], options);
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}

export interface JsonDiagnostic {
  ruleId: string;
  ruleName: string;
  severity: "error" | "warning";
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface JsonReport {
  summary: { files: number; errors: number; warnings: number };
  results: {
    file: string;
    id?: string;
    diagnostics: JsonDiagnostic[];
    lix?: { value: number; band: string; sections: { heading: string; value: number }[] };
  }[];
}

/** All diagnostics of a report as "file:line:column ruleId". */
export function located(report: JsonReport): string[] {
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.file}:${d.line}:${d.column} ${d.ruleId}`));
}
