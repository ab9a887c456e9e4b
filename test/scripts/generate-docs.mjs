// npm run generate: rewrites the generated parts of README.md (the rules
// table and the front-matter fields table) from the code. A test fails when
// README.md and the code disagree.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rulesMarkdownTable } from "../../build/docs/rules-table.js";
import { fieldsMarkdownTable } from "../../build/docs/fields-table.js";
import { replaceBlock } from "../../build/docs/readme-blocks.js";

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../README.md");
let text = readFileSync(readme, "utf8");
text = replaceBlock(text, "regler", rulesMarkdownTable("sv"));
text = replaceBlock(text, "falt", fieldsMarkdownTable());
writeFileSync(readme, text);
console.log("README.md uppdaterad.");
