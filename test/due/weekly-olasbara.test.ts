/**
 * The weekly issue (`samdok due --format markdown`, what the weekly workflow
 * posts) names the documents it could not read, file by file with the reason
 * in short, and its count says they are not in it: "2 förfallna" must not
 * pass for the whole truth when two broken documents may be overdue too.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { markdown } from "../../src/due/list/format/markdown.js";

const BROKEN = path.join(FIXTURES, "kalender-trasigt-dokument");
const WHOLE = path.join(FIXTURES, "pr-sammanfattning");

describe("due --format markdown with documents that cannot be read", () => {
  it("lists each unread document with its file, line and reason, and says the count leaves them out", async () => {
    const r = await runCli(["due", BROKEN, "--format", "markdown"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const counts = lines.find((l) => l.startsWith("Läget 23 november 2026"));
    expect(counts).toBe(
      "Läget 23 november 2026, med 90 dagar framåt: **5 förfallna och 0 snart**. 2 dokument kunde inte läsas och är inte med i räkningen (se nedan).",
    );
    const section = lines.indexOf("### Dokument som inte kunde läsas");
    expect(section).toBeGreaterThan(0);
    const rows = lines.slice(section).filter((l) => l.startsWith("| ") && l.includes(".md"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| `[^|`]*kalender-trasigt-dokument\/rutin-trasig-citat\.md` \| 6 \| SD00\d: [^|]+ \|$/);
    expect(rows[1]).toMatch(/^\| `[^|`]*kalender-trasigt-dokument\/rutin-trasig-kolon\.md` \| 3 \| SD00\d: [^|]+ \|$/);
    // The reason is short: one sentence, not the parser's whole explanation.
    for (const row of rows) expect(row.length).toBeLessThan(320);
    // Still said on stderr for a person at the terminal.
    expect(r.stderr).toContain("2 dokument togs inte med");
  });

  it("says nothing of unread documents when every document could be read", async () => {
    const r = await runCli(["due", WHOLE, "--format", "markdown"]);
    expect(r.stdout).not.toContain("kunde inte läsas");
    expect(r.stdout).toContain("**5 förfallna och 0 snart**.\n");
  });

  it("speaks English with --lang en", async () => {
    const r = await runCli(["due", BROKEN, "--format", "markdown", "--lang", "en"]);
    expect(r.stdout).toContain("2 documents could not be read and are not counted (see below).");
    expect(r.stdout).toContain("### Documents that could not be read");
  });

  it("one unread document without a finding still gets a row", () => {
    const out = markdown({
      list: { asOf: "2026-11-23", within: 90, items: [] },
      lang: "sv",
      color: false,
      skipped: [{ file: "documents/x.md", rootPath: "x.md", diagnostics: [], fatal: true }],
    });
    expect(out).toContain("1 dokument kunde inte läsas");
    expect(out).toContain("| `documents/x.md` | – | Kan inte läsas. |");
  });
});
