// npm run bench: validate's speed and memory against the bare parse floor,
// the cache, and start-up time. Prints figures; asserts nothing (targets are
// stated next to the figures). Usage: npm run bench [-- --docs 5000]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { generateSet } from "./synthetic.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const bin = path.join(repo, "bin/samdok.js");
if (!existsSync(path.join(repo, "build/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "inherit" });

const tmp = mkdtempSync(path.join(os.tmpdir(), "samdok-bench-"));
const dir = path.join(tmp, "docs");
const { bytes, files: N } = generateSet(repo, dir, arg("docs", 5000));
console.log(`samdok bench: ${N} synthetic documents, ${(bytes / 1e6).toFixed(1)} MB, node ${process.version}, ${os.cpus().length} cores`);

function runCli(args, cwd = tmp) {
  const rssFile = path.join(tmp, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", path.join(repo, "test/bench/rss-report.mjs"), bin, ...args], {
    cwd,
    env: { ...process.env, SAMDOK_BENCH_RSS: rssFile, NO_COLOR: "1" },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const ms = performance.now() - t0;
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, "utf8")) : undefined;
  const rss = usage ? usage.maxRSS / 1024 : NaN;
  const cpu = usage ? (usage.user + usage.system) / 1000 : NaN;
  return { ms, rss, cpu, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// 1. The floor: read, yaml, remark-parse + remark-gfm; nothing else. Run as
// its own process, like validate, so that both pay JIT warm-up alike.
function bareParse() {
  const t0 = performance.now();
  const rssFile = path.join(tmp, `rss-floor-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ["--import", path.join(repo, "test/bench/rss-report.mjs"), path.join(repo, "test/bench/floor.mjs"), dir], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, SAMDOK_BENCH_RSS: rssFile },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, "utf8")) : undefined;
  return { parse: Number(r.stdout), wall: performance.now() - t0, cpu: usage ? (usage.user + usage.system) / 1000 : NaN };
}
// Node start-up is part of what a user waits for, and not part of the floor: measure it.
const startup = Math.min(...[0, 1, 2].map(() => runCli(["--version"]).ms));
// 2. validate, as a user runs it, without the cache: with its default of one
// thread per core for a set this large, and in one thread (--jobs 1). A
// shared 2-core machine's speed drifts by a quarter within minutes, so the
// floor and both runs take turns, `--rounds` times (default 2), and the
// fastest of each is compared.
const rounds = arg("rounds", 2);
const floors = [];
const colds = [];
const singles = [];
for (let i = 0; i < rounds; i++) {
  floors.push(bareParse());
  colds.push(runCli(["validate", "docs", "--no-cache", "--format", "json"]));
  singles.push(runCli(["validate", "docs", "--no-cache", "--format", "json", "--jobs", "1"]));
}
const fastest = (runs, key) => runs.reduce((a, b) => (b[key] < a[key] ? b : a));
const floorRun = fastest(floors, "parse");
const floor = floorRun.parse;
const cold = fastest(colds, "ms");
const single = fastest(singles, "ms");
const summary = JSON.parse(cold.stdout).summary;
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const all = (runs, key) => runs.map((r) => fmt(r[key])).join(", ");
const ratio = (ms) => `${((ms - startup) / floor).toFixed(2)}x`;
const peak = (runs) => Math.max(...runs.map((r) => r.rss)).toFixed(0);
console.log(`\nfastest of ${rounds} rounds each (all runs in brackets)`);
console.log(`validate (no cache)         ${fmt(cold.ms)}  ${Math.round(N / (cold.ms / 1000))} documents/s  peak RSS ${peak(colds)} MB (aim < 300 MB)  CPU ${fmt(cold.cpu)} in all threads  [${all(colds, "ms")}]`);
console.log(`  findings                  ${summary.errors} errors, ${summary.warnings} warnings in ${summary.files} files`);
console.log(`validate --jobs 1           ${fmt(single.ms)}  ${Math.round(N / (single.ms / 1000))} documents/s  peak RSS ${peak(singles)} MB  CPU ${fmt(single.cpu)}  [${all(singles, "ms")}]`);
console.log(`bare parse floor            ${fmt(floor)}  (read + yaml + remark-parse/gfm, one thread, own process)  [${all(floors, "parse")}]`);
console.log(`node + samdok start-up      ${fmt(startup)}`);
console.log(`ratio validate / floor      ${ratio(cold.ms)} wall time (aim <= 1.2x); --jobs 1: ${ratio(single.ms)}; CPU time in all threads: ${(cold.cpu / floor).toFixed(2)}x`);
// CPU time of whole processes, one thread of JavaScript each (plus V8's own
// garbage-collection and compiler threads in both): the same work, and less
// at the mercy of a busy host than wall time is.
const floorCpu = fastest(floors, "cpu").cpu;
console.log(`CPU time, --jobs 1 / floor  ${(single.cpu / floorCpu).toFixed(2)}x  (${fmt(single.cpu)} / ${fmt(floorCpu)}, fastest of each; floor runs [${all(floors, "cpu")}])`);

// 3. The cache: warm it, change one document, validate again.
// Three times, a different document each time; the fastest counts.
runCli(["validate", "docs", "--format", "json"]);
const mds = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
const one = mds[0];
const warms = [0, 1, 2].map((i) => {
  appendFileSync(path.join(dir, mds[i * 7]), "\nEn ny mening i slutet.\n");
  return runCli(["validate", "docs", "--format", "json"]);
});
const warm = fastest(warms, "ms");
console.log(`validate (cache, 1 changed) ${fmt(warm.ms)}  peak RSS ${warm.rss.toFixed(0)} MB  (aim < 1 s)  [${all(warms, "ms")}]`);
// The same after a change that moves a link: the set-wide rules run again.
const withLink = readdirSync(dir).filter((f) => f.endsWith(".md")).sort()[1];
appendFileSync(path.join(dir, withLink), `\nSe [${one}](${one}).\n`);
const moved = runCli(["validate", "docs", "--format", "json"]);
console.log(`  … 1 changed, with a new link ${fmt(moved.ms)}  (set-wide rules run again)`);

// 4. --help.
const helps = [0, 1, 2, 3, 4].map(() => runCli(["--help"]).ms).sort((a, b) => a - b);
console.log(`samdok --help (median of 5)  ${helps[2].toFixed(0)} ms  (aim < 150 ms)  [${helps.map((h) => h.toFixed(0)).join(", ")} ms]`);

rmSync(tmp, { recursive: true, force: true });

// 5. The Word edition, when its benchmark is there.
const docxBench = path.join(repo, "test/bench/docx-bench.mjs");
if (existsSync(docxBench) && !process.argv.includes("--no-docx")) {
  console.log("");
  const r = spawnSync(process.execPath, [docxBench], { cwd: repo, stdio: "inherit" });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
