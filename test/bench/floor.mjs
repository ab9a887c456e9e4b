// The floors for `npm run bench`, each run as its own process like samdok,
// so that both pay the same start-up and JIT warm-up. Prints the milliseconds
// spent reading and parsing.
//
//   node floor.mjs <folder>                  read, yaml (parseDocument, with
//                                            positions), remark-parse + remark-gfm:
//                                            the floor of `samdok validate`
//   node floor.mjs <folder> --front-matter   read and yaml's parse() of the
//                                            front matter, nothing else: the
//                                            floor of `samdok due`
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parse, parseDocument } from "yaml";

const dir = process.argv[2];
const frontMatterOnly = process.argv.includes("--front-matter");
// remark is loaded only for the full floor: the front-matter floor does not pay for modules it does not use.
const processor = frontMatterOnly
  ? undefined
  : await Promise.all([import("unified"), import("remark-parse"), import("remark-gfm")]).then(
      ([{ unified }, { default: remarkParse }, { default: remarkGfm }]) => unified().use(remarkParse).use(remarkGfm),
    );
const t0 = performance.now();
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith(".md")) continue;
  const text = readFileSync(path.join(dir, f), "utf8");
  const end = text.indexOf("\n---", 3);
  if (processor) {
    parseDocument(text.slice(4, end));
    processor.parse(text.slice(end + 4));
  } else {
    parse(text.slice(4, end));
  }
}
process.stdout.write(String(performance.now() - t0));
