// A git repository for the history benchmark: `count` routines (routines.mjs)
// in a first commit, then commits up to `commits`, each changing one routine's
// text; every fourth change also raises its version with a line in the change
// history, dated the commit's day, as `samdok revise --summary` writes it.
// One routine (the first) gets every tenth commit, so its history is long.
// Written with one `git fast-import`, so that 2,000 commits take a second.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { routineId, writeRoutineSet } from "./routines.mjs";

const DAY = 86_400;

export function writeHistoryRepository(repo, dir, count, commits) {
  mkdirSync(dir, { recursive: true });
  const { files } = writeRoutineSet(repo, dir, count);
  const texts = new Map(files.map((f) => [f.split(path.sep).join("/"), readFileSync(path.join(dir, f), "utf8")]));
  const config = readFileSync(path.join(dir, "samdok.config.json"), "utf8");
  const names = [...texts.keys()];
  const start = Date.UTC(2025, 2, 1) / 1000;
  const chunks = [];
  const data = (text) => {
    const bytes = Buffer.from(text, "utf8");
    chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from("\n"));
  };
  const commit = (n, changed) => {
    const when = start + Math.floor((n * DAY) / 4);
    chunks.push(Buffer.from(`commit refs/heads/main\ncommitter Bench <bench@example.se> ${when} +0000\n`));
    data(`Ändring ${n}`);
    for (const [file, text] of changed) {
      chunks.push(Buffer.from(`M 100644 inline ${file}\n`));
      data(text);
    }
  };
  commit(0, [["samdok.config.json", config], ...texts]);
  let versionChanges = 0;
  for (let n = 1; n < commits; n++) {
    const file = n % 10 === 0 ? names[0] : names[(n * 7919) % names.length];
    let text = `${texts.get(file)}\nÄndring nummer ${n} i texten.\n`;
    if (n % 4 === 0) {
      const day = new Date((start + Math.floor((n * DAY) / 4)) * 1000).toISOString().slice(0, 10);
      const m = /\nversion: "(\d+)\.(\d+)"\n/.exec(text);
      const next = `${m[1]}.${Number(m[2]) + 1}`;
      text = text
        .replace(m[0], `\nversion: "${next}"\n`)
        .replace("\n---\n\n## Syfte", `\n  - version: "${next}"\n    datum: ${day}\n    beskrivning: Ändring ${n}.\n---\n\n## Syfte`);
      versionChanges++;
    }
    texts.set(file, text);
    commit(n, [[file, text]]);
  }
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, input: Buffer.concat(chunks), maxBuffer: 1 << 28 });
  execFileSync("git", ["checkout", "-q", "-f", "main"], { cwd: dir });
  return { commits, versionChanges, busiest: routineId(1), typical: routineId(Math.ceil(count / 2)), asOf: "2025-10-01" };
}
