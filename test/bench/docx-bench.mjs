#!/usr/bin/env node
/**
 * Benchmark of the Word edition: generates N synthetic documents shaped like
 * documents/ (default 1,000; routines.mjs) with a samdok.config.json in a temporary folder,
 * then builds the consolidated edition through the built CLI
 * (`node bin/samdok.js build --format docx`) in a child process, and prints
 * the wall time and the child's peak memory (maxRSS).
 *
 *   node test/bench/docx-bench.mjs [--count 1000] [--per-document] [--keep]
 *
 * A second run of the same work, split in its two steps, shows how much of
 * the time is validation (prepareEdition) and how much the Word edition.
 *
 * Run `npx tsc -p .` first: it measures the built CLI in build/.
 * Aim (issue 6): under 10 s and 1 GB on a 2-core machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeRoutineSet } from "./routines.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const countAt = args.indexOf("--count");
const COUNT = countAt >= 0 ? Number(args[countAt + 1]) : 1000;
const PER_DOCUMENT = args.includes("--per-document");
const KEEP = args.includes("--keep");

if (!existsSync(path.join(REPO, "build/cli/main.js"))) {
  console.error("docx-bench: build/ saknas. Kör `npx tsc -p .` först.");
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-docx-bench-"));
const out = path.join(dir, "dist");
try {
  writeRoutineSet(REPO, dir, COUNT);

  // The child reports its own peak memory when it exits (process.resourceUsage().maxRSS, in KiB).
  const probe = path.join(dir, "peak.mjs");
  writeFileSync(
    probe,
    `process.on("exit", () => { process.stderr.write("\\nSAMDOK_MAXRSS_KB=" + process.resourceUsage().maxRSS + "\\n"); });\n`,
  );
  const cliArgs = [
    path.join(REPO, "bin/samdok.js"),
    "build",
    "--format",
    "docx",
    dir,
    "--out",
    out,
    ...(PER_DOCUMENT ? ["--per-document"] : []),
  ];
  // The same work split in its two steps (validation, then the Word edition), to show where the time goes.
  const split = path.join(dir, "split.mjs");
  writeFileSync(
    split,
    `import { prepareEdition } from ${JSON.stringify(path.join(REPO, "build/render/edition.js"))};
import { buildDocx } from ${JSON.stringify(path.join(REPO, "build/render/docx/index.js"))};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
let t = performance.now(), c = cpu();
const edition = await prepareEdition({ paths: [${JSON.stringify(dir)}], cwd: ${JSON.stringify(dir)}, keepBodies: true, lang: "sv", today: "2026-11-23", outDir: ${JSON.stringify(out)}, filters: {}, now: new Date(), env: process.env, stderr: process.stderr });
const validation = { wall: (performance.now() - t) / 1000, cpu: cpu() - c };
t = performance.now(); c = cpu();
const files = await buildDocx(edition, { perDocument: ${PER_DOCUMENT}, tocField: false, pageNumbers: false });
const word = { wall: (performance.now() - t) / 1000, cpu: cpu() - c };
console.log(JSON.stringify({ documents: edition.documents.length, files: files.length, validation, word }));
`,
  );
  const env = { ...process.env, SOURCE_DATE_EPOCH: "1795392000", NO_COLOR: "1" };
  const run = (script) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["--import", probe, ...script], {
      cwd: dir,
      encoding: "utf8",
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { child, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  };
  const { child, seconds } = run(cliArgs);
  const via = "node bin/samdok.js build --format docx";
  const rss = /SAMDOK_MAXRSS_KB=(\d+)/.exec(child.stderr ?? "");
  const edition = path.join(out, "samlad-utgava.docx");
  if (child.status !== 0 || !existsSync(edition)) {
    console.error(
      `docx-bench: bygget misslyckades (exit ${child.status}).\n${child.stdout}\n${(child.stderr ?? "").replace(/\nSAMDOK_MAXRSS_KB=\d+\n/, "")}`,
    );
    process.exitCode = 1;
  } else {
    const mb = rss ? Number(rss[1]) / 1024 : NaN;
    const size = statSync(edition).size / 1024 / 1024;
    console.log(`Word-utgåvan, ${COUNT} dokument${PER_DOCUMENT ? " (samlad + en fil per dokument)" : " (samlad)"}:`);
    console.log(`  tid:        ${seconds.toFixed(2)} s (mål < 10 s)`);
    console.log(`  toppminne:  ${mb.toFixed(0)} MB maxRSS (mål < 1024 MB)`);
    console.log(`  fil:        ${size.toFixed(1)} MB samlad-utgava.docx`);
    console.log(`  via:        ${via}`);
    console.log(`  utdata:     ${child.stdout.trim()}`);
    rmSync(out, { recursive: true, force: true });
    const parts = run([split]);
    try {
      const r = JSON.parse(parts.child.stdout.trim().split("\n").pop() ?? "");
      const prss = /SAMDOK_MAXRSS_KB=(\d+)/.exec(parts.child.stderr ?? "");
      console.log(`  uppdelat (egen körning, ${prss ? (Number(prss[1]) / 1024).toFixed(0) : "?"} MB maxRSS):`);
      console.log(`    validering (prepareEdition): ${r.validation.wall.toFixed(2)} s vägg, ${r.validation.cpu.toFixed(2)} s cpu`);
      console.log(`    Word-utgåvan (buildDocx):    ${r.word.wall.toFixed(2)} s vägg, ${r.word.cpu.toFixed(2)} s cpu`);
    } catch {
      console.error(`docx-bench: den uppdelade körningen misslyckades (exit ${parts.child.status}).\n${parts.child.stderr}`);
    }
    // A benchmark reports; it does not fail on a missed aim.
    if (seconds >= 10 || mb >= 1024)
      console.log(
        `  mål:        ej nått (${seconds >= 10 ? "tid" : ""}${seconds >= 10 && mb >= 1024 ? ", " : ""}${mb >= 1024 ? "minne" : ""})`,
      );
  }
} finally {
  if (KEEP) console.log(`  mapp:       ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
