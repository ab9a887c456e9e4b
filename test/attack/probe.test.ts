import { it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli, FIXTURES } from "../helpers/cli.js";

const HEAD = readFileSync(path.join(FIXTURES, "raw-html-utgava/rutin-blandad-html.md"), "utf8").split("\n## Syfte")[0];

it("probe colspan bomb", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "probe-"));
  cpSync(path.join(FIXTURES, "raw-html-utgava/samdok.config.json"), path.join(dir, "samdok.config.json"));
  const n = Number(process.env.CELLS ?? 10), rows = Number(process.env.ROWS ?? 10);
  const table = `<table><tr>${'<td colspan="1000" rowspan="65534">x</td>'.repeat(n)}</tr>${"<tr></tr>".repeat(rows)}</table>`;
  writeFileSync(path.join(dir, "rutin.md"), `${HEAD}\n## Syfte\n\n${table}\n\n## Ansvar\n\nText.\n\n## Arbetsgång\n\nText.\n`);
  const t = Date.now();
  const r = await runCli(["build", dir, "--format", process.env.FMT ?? "docx", "--out", path.join(dir, "dist"), "--no-cache"], { cwd: dir });
  console.log(r.code, Date.now() - t, "ms", r.stdout.slice(0, 300), r.stderr.slice(0, 600), process.memoryUsage().rss / 1e6);
});
