import { HtmlValidate } from "html-validate";
import { readFileSync, readdirSync } from "node:fs";
const dir = process.argv[2];
const hv = new HtmlValidate({ extends: ["html-validate:recommended"] });
for (const f of readdirSync(dir).filter(f => f.endsWith(".html"))) {
  const report = await hv.validateString(readFileSync(`${dir}/${f}`, "utf8"), f);
  for (const r of report.results) for (const m of r.messages) console.log(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
}
