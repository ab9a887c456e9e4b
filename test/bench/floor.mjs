// The floor for `npm run bench`: the bare parse of every document in a folder
// (read, yaml, remark-parse + remark-gfm; nothing else), run as its own
// process like `samdok validate`, so both pay the same start-up and JIT warm-up.
// Prints the milliseconds spent parsing.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseDocument } from "yaml";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";

const dir = process.argv[2];
const processor = unified().use(remarkParse).use(remarkGfm);
const t0 = performance.now();
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith(".md")) continue;
  const text = readFileSync(path.join(dir, f), "utf8");
  const end = text.indexOf("\n---", 3);
  parseDocument(text.slice(4, end));
  processor.parse(text.slice(end + 4));
}
process.stdout.write(String(performance.now() - t0));
