/**
 * The last step of `npm run build`: bundles the compiled CLI (build/cli,
 * build/core, …) with its dependencies into build/bundle/, which bin/samdok.js
 * runs when it is there.
 *
 * Why: Node loads an ES module graph file by file. `samdok validate` alone
 * pulled in about 300 modules (micromark, mdast-util-*, the rules …), and
 * resolving and compiling them took about a third of a second on every run,
 * more than a cached re-validation of 5,000 documents itself. A few bundled
 * chunks load in a third of that.
 *
 * The bundle keeps the module graph's laziness: every `import()` becomes its
 * own chunk, so `--help` and `validate` still load no docx or rehype code.
 * The worker threads' scripts (core/worker.js, render/docx/parse-worker.js)
 * are entries of their own, with the same names next to the chunks, where
 * `new URL("./worker.js", import.meta.url)` finds them.
 *
 * `modules.json` lists which source modules each output file holds, so that a
 * test can see what a command loads (test/core/cli-contract.test.ts).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "./core/write.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const out = path.join(here, "bundle");

const ENTRIES = {
  main: path.join(here, "cli/main.js"),
  worker: path.join(here, "core/worker.js"),
  "parse-worker": path.join(here, "render/docx/parse-worker.js"),
};

async function bundle(): Promise<void> {
  // An old bundle must never outlive the code it was made from.
  rmSync(out, { recursive: true, force: true });
  let build: typeof import("rolldown").build;
  try {
    ({ build } = await import("rolldown"));
  } catch (error) {
    // Without the bundler (installed without dev dependencies, or no native build of it for this platform),
    // samdok still works: bin/samdok.js runs build/cli/ instead, only slower to start.
    process.stdout.write(
      `samdok: kunde inte bunta (${(error as Error).message.split("\n")[0]}); bin/samdok.js kör build/cli/ i stället.\n`,
    );
    return;
  }
  mkdirSync(out, { recursive: true });
  const result = await build({
    input: ENTRIES,
    platform: "node",
    // Nothing is minified: a stack trace from an internal failure stays readable.
    output: { dir: out, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    onLog(level, log, handler) {
      // gray-matter's JavaScript engine (never reachable: front-matter.ts removes every engine but YAML) uses eval.
      if (log.code === "EVAL" && log.id?.includes(`gray-matter`)) return;
      handler(level, log);
    },
  });
  const modules: Record<string, string[]> = {};
  for (const chunk of result.output) {
    if (chunk.type !== "chunk") continue;
    modules[chunk.fileName] = chunk.moduleIds.map((id) => path.relative(repo, id).split(path.sep).join("/")).sort();
  }
  writeFileAtomic(path.join(out, "modules.json"), `${JSON.stringify(modules, null, 1)}\n`);
  const files = readdirSync(out).filter((f) => f.endsWith(".js"));
  process.stdout.write(`samdok: build/bundle/, ${files.length} filer\n`);
}

await bundle();
