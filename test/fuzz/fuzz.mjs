#!/usr/bin/env node
/**
 * npm run fuzz: feeds random and grammar-based mutations of documents/
 * through `samdok validate` (and every K-th iteration `samdok build`, HTML
 * and Word) and checks that nothing crashes, hangs, prints a stack trace or
 * loses another document's result. Not part of `npm test`. See README.md here.
 *
 *   node test/fuzz/fuzz.mjs [--iterations N] [--seed S] [--build-every K]
 *                           [--timeout-ms T] [--start I] [--max-failures F]
 *                           [--findings DIR] [--docs DIR]
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import { CANARY, checkEdition, checkRun, checkValidateJson, firstLines, isMarkdown, listFiles } from "./checks.mjs";
import { PWNED_FILE } from "./grammar.mjs";
import { FILE_WEIGHTS, FILES, FILES_BENIGN, mutateDocument } from "./mutators.mjs";
import { Rng } from "./rng.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const BIN = path.join(REPO, "bin/samdok.js");

// ---------------------------------------------------------------------------
// Options

const DEFAULTS = {
  iterations: 200,
  seed: "1",
  "build-every": 10,
  "timeout-ms": 60_000,
  start: 0,
  "max-failures": 25,
  findings: "/tmp/fuzz-findings",
  docs: path.join(REPO, "documents"),
  verbose: 0,
  keep: 0,
  "dry-run": 0,
};
const opts = { ...DEFAULTS };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      console.log(
        "usage: node test/fuzz/fuzz.mjs [--iterations N] [--seed S] [--build-every K (0: never)] [--timeout-ms T] [--start I] [--max-failures F] [--findings DIR] [--docs DIR] [--verbose 1] [--keep 1 (save every iteration)] [--dry-run 1 (mutate only; with --verbose 1 to list the mutations)]",
      );
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !(m[1] in DEFAULTS)) {
      console.error(`fuzz: unknown argument ${a}`);
      process.exit(2);
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) {
      console.error(`fuzz: ${a} needs a value`);
      process.exit(2);
    }
    opts[m[1]] = typeof DEFAULTS[m[1]] === "number" ? Number(value) : value;
    if (Number.isNaN(opts[m[1]])) {
      console.error(`fuzz: ${a} needs a number`);
      process.exit(2);
    }
  }
}
const ITERATIONS = opts.iterations;
const SEED = String(opts.seed);
const BUILD_EVERY = opts["build-every"];
const TIMEOUT = opts["timeout-ms"];
const START = opts.start;
const MAX_FAILURES = opts["max-failures"];
const FINDINGS = path.resolve(opts.findings);
const DOCS = path.resolve(opts.docs);

if (!existsSync(BIN) || !(existsSync(path.join(REPO, "build/bundle/main.js")) || existsSync(path.join(REPO, "build/cli/main.js")))) {
  console.error("fuzz: build/ is missing; run `npm run build` first");
  process.exit(2);
}

// ---------------------------------------------------------------------------
// The unmutated tree, read once

function readTree(dir, prefix, tree = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) readTree(abs, rel, tree);
    else if (entry.isFile()) tree.set(rel, { kind: "file", data: readFileSync(abs) });
  }
  return tree;
}
const SNAPSHOT = readTree(DOCS, "documents");
const SETS = [...SNAPSHOT.keys()].filter((k) => k.endsWith("/samdok.config.json")).map((k) => path.posix.dirname(k));
if (!SETS.length) {
  console.error(`fuzz: no samdok.config.json under ${DOCS}`);
  process.exit(2);
}
const IDS = [...SNAPSHOT.values()].map((e) => /^id:\s*(\S+)/m.exec(e.data.toString("utf8"))?.[1]).filter(Boolean);

// ---------------------------------------------------------------------------
// Writing a tree to disk and seeing it as discovery would

function writeTree(root, tree, log) {
  const fifos = [];
  for (const [rel, e] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = path.join(root, rel);
    try {
      mkdirSync(path.dirname(abs), { recursive: true });
      if (e.kind === "file") writeFileSync(abs, e.data);
      else if (e.kind === "dir") mkdirSync(abs, { recursive: true });
      else if (e.kind === "symlink") {
        // "ABS:x" is x in the iteration's folder, outside documents/; written relative so that a saved finding keeps it.
        const target = e.target.startsWith("ABS:") ? path.relative(path.dirname(abs), path.join(root, e.target.slice(4))) : e.target;
        symlinkSync(target, abs);
      } else if (e.kind === "fifo") fifos.push(abs);
      else if (e.kind === "sparse") {
        const fd = openSync(abs, "w");
        ftruncateSync(fd, e.size);
        closeSync(fd);
      }
    } catch (error) {
      log.push(`(could not create ${JSON.stringify(rel)}: ${error.code ?? error.message})`);
      tree.delete(rel);
    }
  }
  for (const fifo of fifos) {
    if (!existsSync(fifo)) execFileSync("mkfifo", [fifo]);
  }
}

// ---------------------------------------------------------------------------
// Running samdok

const CHILD_ENV = { ...process.env, NO_COLOR: "1", SAMDOK_FUZZ_CANARY: CANARY, LANG: "C.UTF-8" };
for (const k of ["FORCE_COLOR", "GITHUB_ACTIONS", "CI", "SOURCE_DATE_EPOCH"]) delete CHILD_ENV[k];

function samdok(args, cwd, timeout) {
  const t0 = performance.now();
  // The heap cap keeps a runaway child from taking the shared machine's memory: it becomes a crash instead.
  const r = spawnSync(process.execPath, ["--max-old-space-size=1536", BIN, ...args], {
    cwd,
    env: CHILD_ENV,
    timeout,
    killSignal: "SIGKILL",
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - t0);
  const decode = (b) => (b ? new TextDecoder("utf-8").decode(b) : "");
  return {
    args,
    ms,
    status: r.status,
    signal: r.signal,
    error: r.error,
    stdoutBytes: r.stdout,
    stdout: decode(r.stdout),
    stderr: decode(r.stderr),
  };
}

// ---------------------------------------------------------------------------
// One iteration

function iteration(i) {
  const rng = new Rng(`${SEED}:${i}`);
  const tree = new Map([...SNAPSHOT].map(([k, v]) => [k, { ...v }]));
  const log = [];
  const ctx = { rng, tree, log, touched: new Set(), ids: IDS, currentId: undefined };
  const isBuild = BUILD_EVERY > 0 && (i + 1) % BUILD_EVERY === 0;
  // Most build iterations keep the documents valid, so that the build gets past validation to the renderers.
  const benign = isBuild && rng.chance(0.7);
  const docs = () => [...tree].filter(([k, e]) => e.kind === "file" && isMarkdown(k) && !k.includes("/.")).map(([k]) => k);

  for (const rel of rng.sample(docs(), rng.range(2, 6))) mutateDocument(ctx, rel, rng.range(1, 3), benign);
  const fileMutations = benign ? (rng.chance(0.5) ? 1 : 0) : rng.chance(0.6) ? rng.range(1, 3) : 0;
  for (let k = 0; k < fileMutations; k++) {
    const name = benign ? rng.pick(FILES_BENIGN) : rng.weighted(FILE_WEIGHTS);
    const what = FILES[name](ctx, docs(), SETS);
    if (what) log.push(`files: ${what}`);
  }

  const root = mkdtempSync(path.join(os.tmpdir(), "samdok-fuzz-"));
  writeTree(root, tree, log);
  writeFileSync(
    path.join(root, "fuzz-mutations.txt"),
    `seed ${SEED}, iteration ${i}${benign ? " (kept valid for the build)" : ""}\n${log.join("\n")}\n`,
  );

  const failures = [];
  const runs = [];
  if (opts["dry-run"]) return { root, log, failures, runs, mutated: ctx.touched.size, builds: 0, benign };
  const jobs = rng.chance(0.15) ? ["--jobs", "2"] : [];
  const v = samdok(["validate", "documents", "--format", "json", "--no-cache", ...jobs], root, TIMEOUT);
  runs.push(v);
  failures.push(...checkRun("validate", v, [0, 1], TIMEOUT, { jsonStdout: true }));
  let validateErrors;
  if (v.status === 0 || v.status === 1) {
    const { out, errors } = checkValidateJson(v, root, tree);
    validateErrors = errors;
    failures.push(...out);
  }
  if (existsSync(path.join(root, PWNED_FILE))) failures.push({ kind: "code-execution", detail: "a ---js front matter was executed" });
  if (benign && v.status === 1) {
    // The mutations of a build iteration keep every document valid (attachments that exist, text that breaks no rule).
    let parsed;
    try {
      parsed = JSON.parse(v.stdout);
    } catch {
      parsed = { results: [] };
    }
    const errs = (parsed.results ?? []).flatMap((res) =>
      (res.diagnostics ?? [])
        .filter((d) => d.severity === "error")
        .map((d) => `${res.file}:${d.line} ${d.ruleId} ${d.message.slice(0, 160)}`),
    );
    failures.push({
      kind: "benign-error",
      detail: `the mutations kept every document valid, but validate found ${errs.length} error(s): ${errs.slice(0, 3).join(" | ")}`,
    });
  }

  let builds = 0;
  if (isBuild && v.status !== null && [0, 1].includes(v.status)) {
    // The same result in worker threads, byte for byte.
    const v2 = samdok(["validate", "documents", "--format", "json", "--no-cache", ...(jobs.length ? [] : ["--jobs", "2"])], root, TIMEOUT);
    runs.push(v2);
    const f2 = checkRun("validate --jobs", v2, [0, 1], TIMEOUT, { jsonStdout: true });
    failures.push(...f2);
    if (!f2.length && v2.stdout !== v.stdout)
      failures.push({ kind: "jobs-differ", detail: "validate with and without worker threads printed different results" });

    for (const format of ["html", "docx"]) {
      const outDir = path.join(root, `out-${format}`);
      const b = samdok(["build", "documents", "--format", format, "--out", outDir, "--no-cache"], root, TIMEOUT * 2);
      runs.push(b);
      builds++;
      const fb = checkRun(`build ${format}`, b, [0, 1], TIMEOUT * 2);
      failures.push(...fb);
      if (fb.length) continue;
      if (v.status === 0 && b.status !== 0)
        failures.push({
          kind: "build-refused",
          detail: `validate found no errors but build ${format} exited ${b.status}: ${firstLines(b.stderr, 3)}`,
        });
      if (v.status === 1 && b.status === 0)
        failures.push({ kind: "build-published", detail: `validate found ${validateErrors} errors but build ${format} published` });
      if (b.status === 1 && listFiles(outDir).length)
        failures.push({ kind: "build-partial", detail: `build ${format} refused but wrote ${listFiles(outDir).length} files` });
      if (b.status === 0) failures.push(...checkEdition(outDir, format));
    }
    if (existsSync(path.join(root, PWNED_FILE)))
      failures.push({ kind: "code-execution", detail: "a ---js front matter was executed during build" });
  }
  return { root, log, failures, runs, mutated: ctx.touched.size, builds, benign };
}

function saveFinding(i, result) {
  const dest = path.join(FINDINGS, `${SEED}-${i}`);
  mkdirSync(FINDINGS, { recursive: true });
  rmSync(dest, { recursive: true, force: true });
  try {
    renameSync(result.root, dest);
  } catch {
    execFileSync("cp", ["-a", result.root, dest]);
    rmSync(result.root, { recursive: true, force: true });
  }
  const text = [
    `fuzz finding: seed ${SEED}, iteration ${i}`,
    "",
    ...result.failures.map((f) => `FAIL ${f.kind}: ${f.detail}`),
    "",
    "Reproduce (FIFOs inside: do not cp -r this folder; use cp -a):",
    `  cd ${dest} && node ${BIN} validate documents --format json --no-cache`,
    `  cd ${dest} && node ${BIN} build documents --format html --out out-html --no-cache`,
    `  node ${path.relative(process.cwd(), path.join(HERE, "fuzz.mjs"))} --seed ${SEED} --start ${i} --iterations 1 --build-every ${BUILD_EVERY}   # regenerate`,
    "",
    "Mutations:",
    ...result.log.map((l) => `  ${l}`),
    "",
    ...result.runs.flatMap((r) => [
      `$ samdok ${r.args.join(" ")}   (${r.ms} ms, exit ${r.status}${r.signal ? `, signal ${r.signal}` : ""})`,
      `stderr: ${r.stderr.slice(0, 6_000)}`,
      `stdout (start): ${r.stdout.slice(0, 2_000)}`,
      "",
    ]),
  ].join("\n");
  writeFileSync(path.join(dest, "reason.txt"), text);
  return dest;
}

// ---------------------------------------------------------------------------
// The run

let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
});

const t0 = performance.now();
let mutatedDocs = 0;
let builds = 0;
let done = 0;
let failedIterations = 0;
let slowest = { ms: 0, i: -1 };
const signatures = new Map();
const tty = process.stderr.isTTY;
console.log(
  `fuzz: seed ${SEED}, iterations ${START}..${START + ITERATIONS - 1}, build every ${BUILD_EVERY || "never"}, timeout ${TIMEOUT} ms, ${SNAPSHOT.size} files in ${path.relative(REPO, DOCS) || DOCS}`,
);

// build/ is shared and may be rebuilt while the fuzzer runs: a module that is
// missing for a moment is not a finding. Wait and run the iteration again.
const REBUILT = /ERR_MODULE_NOT_FOUND|Cannot find module|does not provide an export named/;
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

if (!opts["dry-run"]) {
  // The unmutated documents, once: a baseline time, and a check that samdok runs at all.
  const root = mkdtempSync(path.join(os.tmpdir(), "samdok-fuzz-"));
  writeTree(root, new Map(SNAPSHOT), []);
  let base;
  for (let attempt = 0; attempt < 4; attempt++) {
    base = samdok(["validate", "documents", "--format", "json", "--no-cache"], root, TIMEOUT);
    if (!REBUILT.test(base.stderr)) break;
    sleep(30_000);
  }
  rmSync(root, { recursive: true, force: true });
  if (base.status !== 0 && base.status !== 1) {
    console.error(
      `fuzz: samdok validate fails on the unmutated documents (exit ${base.status ?? base.signal}):\n${base.stderr.slice(0, 2_000)}`,
    );
    process.exit(2);
  }
  console.log(`fuzz: unmutated documents validate in ${base.ms} ms (exit ${base.status})`);
}

let noted = 0;
for (let i = START; i < START + ITERATIONS && !interrupted; i++) {
  let result = iteration(i);
  for (let attempt = 0; attempt < 3 && result.runs.some((r) => REBUILT.test(r.stderr)); attempt++) {
    rmSync(result.root, { recursive: true, force: true });
    console.log(`fuzz: iteration ${i}: build/ seems to be being rebuilt; waiting 30 s and running it again`);
    sleep(30_000);
    result = iteration(i);
  }
  // A "benign" iteration whose documents turned out to have errors (the mutations together crossed a
  // limit or broke a link) is the generator's misjudgement, not samdok's: a note, saved, not a failure.
  const notes = result.failures.filter((f) => f.kind === "benign-error");
  result.failures = result.failures.filter((f) => f.kind !== "benign-error");
  if (notes.length && !result.failures.length) {
    noted++;
    const dest = saveFinding(i, { ...result, failures: notes });
    console.log(`NOTE iteration ${i} (${notes[0].detail.slice(0, 200)}) → ${dest}`);
  }
  done++;
  mutatedDocs += result.mutated;
  builds += result.builds;
  for (const r of result.runs) if (r.args[0] === "validate" && r.ms > slowest.ms) slowest = { ms: r.ms, i };
  if (opts.verbose) {
    console.log(
      `iteration ${i}${result.benign ? " (valid)" : ""}: ${result.runs.map((r) => `${r.args.slice(0, 1).join(" ")}${r.args.includes("--format") ? ` ${r.args[r.args.indexOf("--format") + 1]}` : ""} ${r.status ?? r.signal} ${r.ms} ms`).join(", ")}`,
    );
    for (const l of result.log) console.log(`  ${l.slice(0, 160)}`);
  }
  if (opts.keep && !result.failures.length) console.log(`kept iteration ${i} → ${saveFinding(i, result)}`);
  else if (result.failures.length) {
    failedIterations++;
    const dest = saveFinding(i, result);
    const kinds = [...new Set(result.failures.map((f) => f.kind))].join(", ");
    console.log(`FAIL iteration ${i} (${kinds}) → ${dest}`);
    for (const f of result.failures.slice(0, 6)) console.log(`  ${f.kind}: ${f.detail.slice(0, 300)}`);
    for (const f of result.failures) {
      const sig = `${f.kind}: ${f.detail.replace(/documents\/\S+|\d+/g, "…").slice(0, 200)}`;
      const s = signatures.get(sig) ?? { count: 0, first: dest };
      s.count++;
      signatures.set(sig, s);
    }
    if (failedIterations >= MAX_FAILURES) {
      console.log(`fuzz: stopping after ${failedIterations} failing iterations (--max-failures)`);
      break;
    }
  } else rmSync(result.root, { recursive: true, force: true });
  if (tty)
    process.stderr.write(
      `\rfuzz: ${done}/${ITERATIONS} iterations, ${failedIterations} failures, ${Math.round((performance.now() - t0) / 1000)} s `,
    );
}
if (tty) process.stderr.write("\n");

const secs = Math.round((performance.now() - t0) / 1000);
if (signatures.size) {
  console.log("\ndistinct failures (count, first finding):");
  for (const [sig, s] of [...signatures].sort((a, b) => b[1].count - a[1].count)) console.log(`  ${s.count}× ${sig}  [${s.first}]`);
}
console.log(`slowest validate: ${slowest.ms} ms (iteration ${slowest.i})`);
const n = (x) => x.toLocaleString("en-US");
console.log(
  `fuzz: ${n(done)} iterations, ${n(mutatedDocs)} mutated documents, ${n(builds)} builds, ${n(failedIterations)} failures, ${n(noted)} notes (seed ${SEED}, ${secs} s)${interrupted ? " (interrupted)" : ""}`,
);
process.exitCode = failedIterations || interrupted ? 1 : 0;
