/**
 * SD136 (issue 18): raw HTML outside the subset the editions publish (`<br>`,
 * `<sup>`, `<sub>`, tables with `colspan`/`rowspan`, `<details>`) is a
 * warning at the place it stands, in `validate` as well as in `build`, and
 * the two name the same lines: both come from render/shared/raw-html.ts.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, runCli, validateJson, type JsonReport } from "../helpers/cli.js";
import { copyFixture, tempDir } from "../render-html/helpers.js";

const FIXTURE = path.join(FIXTURES, "raw-html-regel");

function findings(report: JsonReport): { at: string; severity: string; message: string }[] {
  return report.results.flatMap((r) =>
    r.diagnostics
      .filter((d) => d.ruleId === "SD136")
      .map((d) => ({
        at: `${path.basename(r.file)}:${d.line}:${d.column}-${d.endLine ?? "?"}:${d.endColumn ?? "?"}`,
        severity: d.severity,
        message: d.message,
      })),
  );
}

describe("SD136 on the fixture", () => {
  let report: JsonReport;
  beforeAll(async () => {
    ({ report } = await validateJson([FIXTURE]));
  });

  it("points at each place with raw HTML outside the subset, in a quote and a list item too, as a warning", () => {
    expect(findings(report).map((f) => `${f.at} ${f.severity}`)).toEqual([
      // `<span class="markerad">` after "Inte tillåtet: ".
      "rutin-ra-html.md:31:16-31:39 warning",
      // `<font color="red">` in a quote ("> Citat med ").
      "rutin-ra-html.md:33:13-33:31 warning",
      // A `<div>` block in the quote, behind its "> ".
      "rutin-ra-html.md:35:3-35:8 warning",
      // `<u>` in the second list item.
      "rutin-ra-html.md:40:3-40:6 warning",
      // The table's and a cell's `style`: the table stays, the attributes go.
      "rutin-ra-html.md:44:1-44:28 warning",
      "rutin-ra-html.md:56:1-56:9 warning",
    ]);
  });

  it("leaves the subset and comments alone: br, sup, sub, colspan, rowspan, scope, details open, summary", () => {
    const lines = findings(report).map((f) => Number(/:(\d+):/.exec(f.at)?.[1]));
    for (const line of [23, 25, 26, 45, 46, 49, 50]) expect(lines).not.toContain(line);
  });

  it("names the tag or attribute in Swedish, what the editions do, and the allowed subset", () => {
    const [span, , , , table, script] = findings(report).map((f) => f.message);
    expect(span).toBe(
      "`<span>` publiceras inte: utgåvorna tar bort taggen och behåller texten. Av rå HTML publiceras bara `<br>`, `<sup>`, `<sub>`, tabeller (`<table>`, `<caption>`, `<thead>`, `<tbody>`, `<tr>`, `<th>`, `<td>` med attributen `colspan`, `rowspan` och `scope`) och `<details>` med `<summary>`; skriv resten med Markdown.",
    );
    expect(table).toContain("Attributen `style` (`<table>`), `style` (`<td>`) publiceras inte.");
    expect(script).toContain(
      "`<script>` publiceras inte: utgåvorna tar bort taggen och behåller texten (innehållet i `<script>` tas bort helt).",
    );
  });

  it("speaks English with --lang en", async () => {
    const { report: en } = await validateJson([FIXTURE], { extra: ["--lang", "en"] });
    expect(findings(en)[0]?.message).toMatch(
      /^`<span>` is not published: the editions remove the tag and keep the text\. Of raw HTML only `<br>`/,
    );
  });
});

describe("validate and build agree", () => {
  it("build warns once for the document, naming the lines SD136 reports", async () => {
    const { report } = await validateJson([FIXTURE]);
    const ruleLines = findings(report).map((f) => Number(/:(\d+):/.exec(f.at)?.[1]));
    const source = copyFixture("raw-html-regel");
    const r = await runCli(["build", source, "--out", path.join(tempDir("ra-html"), "dist")], { cwd: path.dirname(source) });
    expect(r.code, r.stderr).toBe(0);
    const warning = /rutin-ra-html\.md:(\d+): rå HTML som inte publiceras \(rader ([\d, ]+)\): (.*)/.exec(r.stderr);
    expect(warning, r.stderr).not.toBeNull();
    expect(warning?.[2]?.split(", ").map(Number)).toEqual(ruleLines);
    expect(warning?.[3]).toContain("`<span>`, `<font>`, `<div>`, `<u>`, `style` (`<table>`), `style` (`<td>`), `<script>`");
  });
});
