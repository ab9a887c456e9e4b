// npm run bench: samdok's speed and memory against what a user could use
// instead (the bare parse floors, markdownlint-cli2, pandoc), the cache, and
// start-up time. Every comparison is measured in the same run on the same
// machine, and ends as one line of the "Aims" table: what, our figure, their
// figure, the ratio, the aim and PASS or MISS. It asserts nothing: a missed
// aim is reported, not failed. test/bench/README.md describes each comparison.
//
//   npm run bench [-- --docs 5000] [--edition-docs 1000] [--rounds 2]
//                 [--only due,validate,cache,help,html,docx,history,import,redline,docx-split] [--no-docx]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, appendFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { generateSet } from "./synthetic.mjs";
import { writeRoutineSet } from "./routines.mjs";
import { writeHistoryRepository } from "./history-repo.mjs";
import { markedWords, pandiffWords, writeHardRepository, writeRedlineRepository } from "./redline-bench.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

// The comparisons, in the order they run (`cache` changes the document set,
// so it comes after `due` and `validate`). `--only` names one or more,
// comma-separated; `--no-docx` (as before) leaves out both Word parts.
const COMPARISONS = ["due", "validate", "cache", "help", "html", "docx", "history", "import", "redline", "docx-split"];
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? "").split(",").filter(Boolean) : COMPARISONS;
const unknown = only.filter((name) => !COMPARISONS.includes(name));
if (unknown.length > 0 || only.length === 0) {
  console.error(
    `bench: okänd jämförelse ${unknown.join(", ") || "(ingen)"} / unknown comparison. Välj bland / choose from: ${COMPARISONS.join(", ")}`,
  );
  process.exit(2);
}
const noDocx = process.argv.includes("--no-docx");
const wants = (name) => only.includes(name) && !(noDocx && name.startsWith("docx"));

const bin = path.join(repo, "bin/samdok.js");
if (!existsSync(path.join(repo, "build/cli/main.js"))) execFileSync("npm", ["run", "build"], { cwd: repo, stdio: "inherit" });

// The other tools. Each comparison whose tool is missing prints "not installed" instead of failing.
const markdownlintBin = path.join(repo, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const hasMarkdownlint = existsSync(markdownlintBin);
const pandocVersion = spawnSync("pandoc", ["--version"], { encoding: "utf8" });
const hasPandoc = pandocVersion.status === 0;
// GNU time gives a child's CPU time and peak RSS (getrusage, the same figure
// as process.resourceUsage() in rss-report.mjs) for tools that are not Node.
const timeBin = "/usr/bin/time";
const hasTime = existsSync(timeBin);

const rounds = arg("rounds", 2);
const tmp = mkdtempSync(path.join(os.tmpdir(), "samdok-bench-"));
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (n) => `${n.toFixed(0)} MB`;
const all = (runs, key, show = fmt) => runs.map((r) => show(r[key])).join(", ");
const fastest = (runs, key) => runs.reduce((a, b) => (b[key] < a[key] ? b : a));
const highest = (runs, key) => Math.max(...runs.map((r) => r[key]));

/** Runs the built CLI in its own process: wall time, and its peak RSS and CPU time in all threads (rss-report.mjs). */
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

/** runCli, and an error with samdok's own message when it did not end as expected. */
function runCliOk(args, cwd = tmp, codes = [0]) {
  const r = runCli(args, cwd);
  if (!codes.includes(r.code)) throw new Error(`samdok ${args.join(" ")}: exit ${r.code}\n${r.stderr}`);
  return r;
}

/** Runs another tool under GNU time (when there) for its CPU time and peak RSS; wall time is measured here, as for runCli. */
function runTool(command, args, cwd, codes = [0]) {
  const usageFile = path.join(tmp, `time-${Math.random().toString(36).slice(2)}`);
  const [file, argv] = hasTime ? [timeBin, ["-f", "%U %S %M", "-o", usageFile, command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: "1" } });
  const ms = performance.now() - t0;
  if (!codes.includes(r.status))
    throw new Error(
      `${path.basename(command)} ${args.slice(0, 8).join(" ")} …: exit ${r.status}\n${r.error ?? ""}${(r.stderr ?? "").slice(0, 2000)}`,
    );
  let cpu = NaN;
  let rss = NaN;
  if (existsSync(usageFile)) {
    // The last line: GNU time writes "Command exited with non-zero status" before it.
    const [user, system, kb] = readFileSync(usageFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    cpu = (user + system) * 1000;
    rss = kb / 1024;
  }
  return { ms, rss, cpu, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A floor (floor.mjs) as its own process, like samdok: the milliseconds it spent parsing, its whole wall time and its CPU time. */
function floorRun(dir, extra = []) {
  const rssFile = path.join(tmp, `rss-floor-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ["--import", path.join(repo, "test/bench/rss-report.mjs"), path.join(repo, "test/bench/floor.mjs"), dir, ...extra],
    {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, SAMDOK_BENCH_RSS: rssFile },
    },
  );
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, "utf8")) : undefined;
  return { parse: Number(r.stdout), wall, cpu: usage ? (usage.user + usage.system) / 1000 : NaN, rss: usage ? usage.maxRSS / 1024 : NaN };
}

// The "Aims" table, printed at the end. A comparison that throws records
// its error in the table, and the others still run.
const aims = [];
const ratioText = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : "n/a");
/** One aim that is a ratio, ours / theirs: PASS when it is at most `limit`. */
function aimRatio(what, ours, theirs, show, limit) {
  const ratio = ours / theirs;
  aims.push([
    what,
    show(ours),
    show(theirs),
    ratioText(ratio),
    `<= ${limit.toFixed(1)}x`,
    Number.isFinite(ratio) ? (ratio <= limit ? "PASS" : "MISS") : "n/a",
  ]);
}
/** One aim that is an absolute figure: PASS when ours is under `limit`. */
function aimBelow(what, ours, show, limit) {
  aims.push([what, show(ours), "-", "-", `< ${show(limit)}`, ours < limit ? "PASS" : "MISS"]);
}
const aimNotInstalled = (what, tool, aim) => aims.push([what, "", "", "", aim, `${tool} not installed`]);
function section(name, body) {
  if (!wants(name)) return;
  try {
    body();
  } catch (error) {
    console.error(`bench ${name}: ${error instanceof Error ? error.message : error}`);
    aims.push([name, "", "", "", "", "FAILED (see above)"]);
    process.exitCode = 1;
  }
}

// The synthetic set shaped like documents/ (synthetic.mjs), for due, validate and the cache.
const dir = path.join(tmp, "docs");
let N = 0;
if (["due", "validate", "cache"].some(wants)) {
  const set = generateSet(repo, dir, arg("docs", 5000));
  N = set.files;
  console.log(
    `samdok bench: ${N} synthetic documents, ${(set.bytes / 1e6).toFixed(1)} MB, node ${process.version}, ${os.cpus().length} cores`,
  );
}

// 1. due against the front-matter floor: every file read and its YAML
// parsed with the yaml package, nothing else (floor.mjs --front-matter).
// Both as whole processes, wall time: Node's start-up is in both, samdok's
// own start-up and everything past the parse is what due costs on top.
section("due", () => {
  const dues = [];
  const floors = [];
  for (let i = 0; i < rounds; i++) {
    floors.push(floorRun(dir, ["--front-matter"]));
    dues.push(runCliOk(["due", "docs", "--format", "json"]));
  }
  const due = fastest(dues, "ms");
  const floor = fastest(floors, "wall");
  const items = JSON.parse(due.stdout).items.length;
  console.log(`\ndue, fastest of ${rounds} rounds each (all runs in brackets)`);
  console.log(
    `due                         ${fmt(due.ms)}  ${items} items  peak RSS ${mb(highest(dues, "rss"))}  CPU ${fmt(due.cpu)} in all threads  [${all(dues, "ms")}]`,
  );
  console.log(
    `front-matter floor          ${fmt(floor.wall)}  whole process, of which ${fmt(fastest(floors, "parse").parse)} read + yaml parse  [${all(floors, "wall")}]`,
  );
  aimRatio(`due, ${N} documents / front-matter floor, wall`, due.ms, floor.wall, fmt, 2);
});

// 2. validate, as a user runs it, without the cache: with its default of one
// thread per core for a set this large, and in one thread (--jobs 1); and
// markdownlint-cli2 (one thread) on the same files with its default rules.
// A shared 2-core machine's speed drifts by a quarter within minutes, so all
// take turns, `--rounds` times (default 2), and the fastest of each is compared.
section("validate", () => {
  // Node start-up is part of what a user waits for, and not part of the parse floor: measure it.
  const startup = Math.min(...[0, 1, 2].map(() => runCliOk(["--version"]).ms));
  // markdownlint-cli2's configuration: its default rules, all on; it has no cache.
  writeFileSync(
    path.join(tmp, ".markdownlint-cli2.jsonc"),
    JSON.stringify({ config: { default: true }, noBanner: true, noProgress: true }),
  );
  const floors = [];
  const colds = [];
  const singles = [];
  const lints = [];
  for (let i = 0; i < rounds; i++) {
    floors.push(floorRun(dir));
    colds.push(runCliOk(["validate", "docs", "--no-cache", "--format", "json"], tmp, [0, 1]));
    singles.push(runCliOk(["validate", "docs", "--no-cache", "--format", "json", "--jobs", "1"], tmp, [0, 1]));
    // Exit 1: it found something, as it will with default rules on these documents.
    if (hasMarkdownlint) lints.push(runTool(process.execPath, [markdownlintBin, "docs/*.md"], tmp, [0, 1]));
  }
  const floor = fastest(floors, "parse").parse;
  const cold = fastest(colds, "ms");
  const single = fastest(singles, "ms");
  const summary = JSON.parse(cold.stdout).summary;
  const ratio = (ms) => `${((ms - startup) / floor).toFixed(2)}x`;
  console.log(`\nvalidate, fastest of ${rounds} rounds each (all runs in brackets)`);
  console.log(
    `validate (no cache)         ${fmt(cold.ms)}  ${Math.round(N / (cold.ms / 1000))} documents/s  peak RSS ${mb(highest(colds, "rss"))} (aim < 300 MB)  CPU ${fmt(cold.cpu)} in all threads  [${all(colds, "ms")}]`,
  );
  console.log(`  findings                  ${summary.errors} errors, ${summary.warnings} warnings in ${summary.files} files`);
  console.log(
    `validate --jobs 1           ${fmt(single.ms)}  ${Math.round(N / (single.ms / 1000))} documents/s  peak RSS ${mb(highest(singles, "rss"))}  CPU ${fmt(single.cpu)}  [${all(singles, "ms")}]`,
  );
  console.log(
    `bare parse floor            ${fmt(floor)}  (read + yaml + remark-parse/gfm, one thread, own process)  [${all(floors, "parse")}]`,
  );
  console.log(`node + samdok start-up      ${fmt(startup)}`);
  console.log(
    `ratio validate / floor      ${ratio(cold.ms)} wall time (aim <= 1.2x); --jobs 1: ${ratio(single.ms)}; CPU time in all threads: ${(cold.cpu / floor).toFixed(2)}x`,
  );
  // CPU time of whole processes, one thread of JavaScript each (plus V8's own
  // garbage-collection and compiler threads in both): the same work, and less
  // at the mercy of a busy host than wall time is.
  const floorCpu = fastest(floors, "cpu").cpu;
  console.log(
    `CPU time, --jobs 1 / floor  ${(single.cpu / floorCpu).toFixed(2)}x  (${fmt(single.cpu)} / ${fmt(floorCpu)}, fastest of each; floor runs [${all(floors, "cpu")}])`,
  );
  const what = `validate --no-cache, ${N} documents / markdownlint-cli2, wall`;
  if (hasMarkdownlint) {
    const lint = fastest(lints, "ms");
    const findings = lint.stderr.split("\n").filter((l) => / error MD\d+/.test(l)).length;
    console.log(
      `markdownlint-cli2           ${fmt(lint.ms)}  ${findings} findings (default rules, no cache, one thread)  peak RSS ${Number.isFinite(lint.rss) ? mb(highest(lints, "rss")) : "n/a"}  [${all(lints, "ms")}]`,
    );
    aimRatio(what, cold.ms, lint.ms, fmt, 1.0);
  } else aimNotInstalled(what, "markdownlint-cli2", "<= 1.0x");
  // The threads' overhead: the same work in one thread costs this much CPU time.
  const threadsCpu = fastest(colds, "cpu").cpu;
  const singleCpu = fastest(singles, "cpu").cpu;
  aimRatio(`validate CPU time, worker threads / --jobs 1`, threadsCpu, singleCpu, fmt, 1.3);
});

// 3. The cache: warm it, change one document, validate again.
// Three times, a different document each time; the fastest counts.
section("cache", () => {
  runCliOk(["validate", "docs", "--format", "json"], tmp, [0, 1]);
  const mds = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const one = mds[0];
  const warms = [0, 1, 2].map((i) => {
    appendFileSync(path.join(dir, mds[i * 7]), "\nEn ny mening i slutet.\n");
    return runCliOk(["validate", "docs", "--format", "json"], tmp, [0, 1]);
  });
  const warm = fastest(warms, "ms");
  console.log(`\nvalidate (cache, 1 changed) ${fmt(warm.ms)}  peak RSS ${mb(warm.rss)}  (aim < 1 s)  [${all(warms, "ms")}]`);
  // The same after a change that moves a link: the set-wide rules run again.
  const withLink = mds[1];
  appendFileSync(path.join(dir, withLink), `\nSe [${one}](${one}).\n`);
  const moved = runCliOk(["validate", "docs", "--format", "json"], tmp, [0, 1]);
  console.log(`  … 1 changed, with a new link ${fmt(moved.ms)}  (set-wide rules run again)`);
  aimBelow(`validate with the cache, 1 of ${N} changed`, warm.ms, fmt, 1000);
});

// 4. --help.
section("help", () => {
  const helps = [0, 1, 2, 3, 4].map(() => runCliOk(["--help"]).ms).sort((a, b) => a - b);
  const ms = (n) => `${n.toFixed(0)} ms`;
  console.log(`\nsamdok --help (median of 5)  ${ms(helps[2])}  (aim < 150 ms)  [${helps.map(ms).join(", ")}]`);
  aimBelow("samdok --help, median of 5", helps[2], ms, 150);
});

// 5. The editions against pandoc, on a set of routines (routines.mjs, the
// Word benchmark's set). pandoc is given the same files as samdok, in one
// run (not one run per file: that would mostly measure pandoc's start-up
// a thousand times, and a thousand standalone pages are not one edition), with
// --file-scope so that each file is parsed on its own, its front matter
// as metadata and its footnotes its own, as samdok reads them. samdok
// writes a page per document and an index; pandoc one standalone page with a
// table of contents (or one .docx). Both cold: samdok with --no-cache.
const editionDocs = arg("edition-docs", 1000);
const editionDir = path.join(tmp, "edition");
let editionFiles = [];
if (["html", "docx"].some(wants)) {
  const set = writeRoutineSet(repo, editionDir, editionDocs);
  editionFiles = set.files;
  console.log(
    `\neditions: ${editionDocs} synthetic routines, ${(set.bytes / 1e6).toFixed(1)} MB${hasPandoc ? `, ${pandocVersion.stdout.split("\n")[0]}` : ""}`,
  );
}
/** samdok build and pandoc in turns, `rounds` times, each into a fresh output. */
function editionRounds(format, pandocTo, pandocOut) {
  const ours = [];
  const theirs = [];
  const samdokOut = path.join(tmp, `dist-${format}`);
  const theirOut = path.join(tmp, pandocOut);
  for (let i = 0; i < rounds; i++) {
    rmSync(samdokOut, { recursive: true, force: true });
    ours.push(runCliOk(["build", "--format", format, editionDir, "--out", samdokOut, "--no-cache"], editionDir));
    if (!hasPandoc) continue;
    rmSync(theirOut, { force: true });
    theirs.push(
      runTool(
        "pandoc",
        [
          "-f",
          "markdown",
          "-t",
          pandocTo,
          "-s",
          "--toc",
          "--file-scope",
          "--metadata",
          "title=Samlad utgåva",
          "-o",
          theirOut,
          ...editionFiles,
        ],
        editionDir,
      ),
    );
  }
  return { ours, theirs };
}
section("html", () => {
  const what = `HTML edition, ${editionDocs} documents / pandoc -s --toc, wall`;
  const { ours, theirs } = editionRounds("html", "html5", "pandoc.html");
  const our = fastest(ours, "ms");
  console.log(
    `HTML edition                ${fmt(our.ms)}  peak RSS ${mb(highest(ours, "rss"))}  CPU ${fmt(our.cpu)}  [${all(ours, "ms")}]`,
  );
  if (!hasPandoc) return aimNotInstalled(what, "pandoc", "<= 0.6x");
  const their = fastest(theirs, "ms");
  console.log(
    `pandoc -s --toc (html5)     ${fmt(their.ms)}  peak RSS ${Number.isFinite(their.rss) ? mb(highest(theirs, "rss")) : "n/a"}  CPU ${Number.isFinite(their.cpu) ? fmt(their.cpu) : "n/a"}  [${all(theirs, "ms")}]`,
  );
  aimRatio(what, our.ms, their.ms, fmt, 0.6);
});
section("docx", () => {
  const what = `Word edition, ${editionDocs} documents / pandoc .docx`;
  const { ours, theirs } = editionRounds("docx", "docx", "pandoc.docx");
  const our = fastest(ours, "ms");
  console.log(
    `Word edition                ${fmt(our.ms)}  peak RSS ${mb(highest(ours, "rss"))}  CPU ${fmt(our.cpu)}  [${all(ours, "ms")}]`,
  );
  if (!hasPandoc) {
    aimNotInstalled(`${what}, wall`, "pandoc", "<= 0.5x");
    aimNotInstalled(`${what}, peak RSS`, "pandoc", "<= 0.5x");
    return;
  }
  const their = fastest(theirs, "ms");
  console.log(
    `pandoc --toc (docx)         ${fmt(their.ms)}  peak RSS ${Number.isFinite(their.rss) ? mb(highest(theirs, "rss")) : "n/a"}  CPU ${Number.isFinite(their.cpu) ? fmt(their.cpu) : "n/a"}  [${all(theirs, "ms")}]`,
  );
  aimRatio(`${what}, wall`, our.ms, their.ms, fmt, 0.5);
  // Peak memory: the highest of the rounds on each side (it varies little).
  if (hasTime) aimRatio(`${what}, peak RSS`, highest(ours, "rss"), highest(theirs, "rss"), mb, 0.5);
  else aims.push([`${what}, peak RSS`, mb(highest(ours, "rss")), "", "", "<= 0.5x", "n/a (no /usr/bin/time)"]);
});

// 6. Versions over time (issue 15): a repository of `--edition-docs`
// routines and 2,000 commits (history-repo.mjs, written with one git
// fast-import). `samdok history <id>` as a user types it, and a
// point-in-time edition (`build --as-of`, every document's version in force
// on a date, texts from git) against the plain edition of the same files.
section("history", () => {
  const histDir = path.join(tmp, "history");
  const made = writeHistoryRepository(repo, histDir, editionDocs, 2000);
  console.log(`\nhistory: ${editionDocs} routines, ${made.commits} commits, ${made.versionChanges} version changes`);
  const histories = [0, 1, 2].map(() => runCliOk(["history", made.busiest, "--in", ".", "--format", "json"], histDir));
  const versions = JSON.parse(histories[0].stdout).versions.length;
  const h = fastest(histories, "ms");
  console.log(`samdok history ${made.busiest}   ${fmt(h.ms)}  ${versions} versions  [${all(histories, "ms")}]`);
  aimBelow(`history of the busiest document (${versions} versions), ${editionDocs} documents, ${made.commits} commits`, h.ms, fmt, 1000);
  // A typical document of the same repository: two or three commits, one version.
  const typicals = [0, 1, 2].map(() => runCliOk(["history", made.typical, "--in", ".", "--format", "json"], histDir));
  const typical = fastest(typicals, "ms");
  console.log(`samdok history ${made.typical}   ${fmt(typical.ms)}  [${all(typicals, "ms")}]`);
  aimBelow(`history of a typical document, ${editionDocs} documents, ${made.commits} commits`, typical.ms, fmt, 1000);
  const plains = [];
  const asOfs = [];
  for (let i = 0; i < rounds; i++) {
    rmSync(path.join(tmp, "dist-plain"), { recursive: true, force: true });
    plains.push(runCliOk(["build", "--format", "html", ".", "--out", path.join(tmp, "dist-plain"), "--no-cache"], histDir));
    rmSync(path.join(tmp, "dist-asof"), { recursive: true, force: true });
    asOfs.push(
      runCliOk(["build", "--format", "html", ".", "--out", path.join(tmp, "dist-asof"), "--no-cache", "--as-of", made.asOf], histDir),
    );
  }
  const plain = fastest(plains, "ms");
  const asOf = fastest(asOfs, "ms");
  console.log(`HTML edition                ${fmt(plain.ms)}  [${all(plains, "ms")}]`);
  console.log(`HTML edition --as-of ${made.asOf}  ${fmt(asOf.ms)}  peak RSS ${mb(highest(asOfs, "rss"))}  [${all(asOfs, "ms")}]`);
  aimRatio(`HTML edition --as-of / plain, ${editionDocs} documents`, asOf.ms, plain.ms, fmt, 1.5);
});

// 7. Importing Word documents (issue 19): 100 routines of about ten pages
// each (the routine text repeated), written as Word files by samdok's own
// per-document edition, imported into an empty set.
section("import", () => {
  const importDir = path.join(tmp, "import-source");
  const { files } = writeRoutineSet(repo, importDir, 100);
  for (const f of files) {
    const file = path.join(importDir, f);
    const text = readFileSync(file, "utf8");
    const split = text.indexOf("\n---\n", 4) + 5;
    const body = text.slice(split);
    // About ten pages: the body's sections again, with headings that stay unique.
    const more = Array.from({ length: 9 }, (_, k) => body.replace(/^## (.+)$/gm, `## $1 (del ${k + 2})`)).join("\n");
    writeFileSync(file, `${text}\n${more}`);
  }
  const words = path.join(tmp, "import-docx");
  runCliOk(["build", ".", "--format", "docx", "--per-document", "--out", words, "--no-cache"], importDir);
  const docx = readdirSync(words).filter((f) => f.endsWith(".docx") && f !== "samlad-utgava.docx");
  const target = path.join(tmp, "import-target");
  const runs = [0, 1].map(() => {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "samdok.config.json"), readFileSync(path.join(importDir, "samdok.config.json")));
    return runCliOk(["import", ...docx.map((f) => path.join(words, f)), "--out", target], tmp, [0, 1]);
  });
  const best = fastest(runs, "ms");
  console.log(`\nimport ${docx.length} Word files   ${fmt(best.ms)}  peak RSS ${mb(highest(runs, "rss"))}  [${all(runs, "ms")}]`);
  aimBelow(`import of ${docx.length} ten-page Word documents`, best.ms, fmt, 20000);
});

// 8. Redline editions (issue 16): a Word redline of `--edition-docs`
// routines, a tenth of them changed since the tag `bas` (one word replaced,
// one sentence added), against the plain Word edition of the same files, in
// turns. Then the hard fixture: words marked as changed against the words
// that changed (test/fixtures/redline-hard/facit.json), and pandiff's count.
section("redline", () => {
  const redDir = path.join(tmp, "redline");
  const { changed } = writeRedlineRepository(repo, redDir, editionDocs);
  console.log(`\nredline: ${editionDocs} routines, ${changed} changed since the tag bas`);
  const plains = [];
  const reds = [];
  for (let i = 0; i < rounds; i++) {
    rmSync(path.join(tmp, "dist-red-plain"), { recursive: true, force: true });
    plains.push(runCliOk(["build", "--format", "docx", ".", "--out", path.join(tmp, "dist-red-plain"), "--no-cache"], redDir));
    rmSync(path.join(tmp, "dist-red"), { recursive: true, force: true });
    reds.push(runCliOk(["build", "--format", "docx", ".", "--out", path.join(tmp, "dist-red"), "--no-cache", "--redline", "bas"], redDir));
  }
  const plain = fastest(plains, "ms");
  const red = fastest(reds, "ms");
  console.log(`Word edition                ${fmt(plain.ms)}  [${all(plains, "ms")}]`);
  console.log(`Word edition --redline bas  ${fmt(red.ms)}  peak RSS ${mb(highest(reds, "rss"))}  [${all(reds, "ms")}]`);
  aimRatio(`Word redline / plain Word edition, ${editionDocs} documents, ${changed} changed`, red.ms, plain.ms, fmt, 1.5);

  const hardDir = path.join(tmp, "redline-hard");
  const facit = writeHardRepository(repo, hardDir);
  const hardOut = path.join(tmp, "dist-hard");
  runCliOk(["build", "--format", "docx", ".", "--per-document", "--out", hardOut, "--no-cache", "--redline", "fore"], hardDir);
  const marked = markedWords(path.join(hardOut, "rutin-svar.docx"));
  const truth = facit.inserted + facit.deleted;
  const ours = marked.inserted + marked.deleted;
  console.log(
    `hard fixture: ${ours} words marked (${marked.inserted} inserted, ${marked.deleted} deleted); ${truth} changed (${facit.inserted} + ${facit.deleted})`,
  );
  const pandiff = pandiffWords(repo, path.join(tmp, "pandiff"));
  if (pandiff.error) {
    console.log(`pandiff: ${pandiff.error}`);
    aims.push([
      `redline hard fixture: words marked / words changed`,
      String(ours),
      String(truth),
      ratioText(ours / truth),
      "<= 1.2x",
      ours / truth <= 1.2 ? "PASS" : "MISS",
    ]);
    aims.push(["pandiff on the hard fixture: words marked / words changed", "", "", "", "report", pandiff.error]);
    return;
  }
  const theirs = pandiff.inserted + pandiff.deleted;
  console.log(`pandiff: ${theirs} words marked (${pandiff.inserted} inserted, ${pandiff.deleted} deleted)`);
  aims.push([
    `redline hard fixture: words marked / words changed`,
    String(ours),
    String(truth),
    ratioText(ours / truth),
    "<= 1.2x",
    ours / truth <= 1.2 ? "PASS" : "MISS",
  ]);
  aims.push([
    "pandiff on the hard fixture: words marked / words changed",
    String(theirs),
    String(truth),
    ratioText(theirs / truth),
    "report",
    "measured",
  ]);
});

rmSync(tmp, { recursive: true, force: true });

if (aims.length > 0) {
  const head = ["what", "ours", "theirs", "ratio", "aim", "result"];
  const widths = head.map((_, c) => Math.max(...[head, ...aims].map((row) => row[c].length)));
  const line = (row) =>
    row
      .map((cell, c) => (c === 0 || c >= 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  console.log(
    `\nAims (issues 14, 15, 16 and 19), on ${os.cpus().length} cores; each figure the fastest of ${rounds} rounds unless its line says otherwise\n${line(head)}`,
  );
  for (const row of aims) console.log(line(row));
}

// 6. The Word edition's own benchmark (docx-bench.mjs): where its time goes, validation or Word.
const docxBench = path.join(repo, "test/bench/docx-bench.mjs");
if (wants("docx-split") && existsSync(docxBench)) {
  console.log("");
  const r = spawnSync(process.execPath, [docxBench, "--count", String(editionDocs)], { cwd: repo, stdio: "inherit" });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
