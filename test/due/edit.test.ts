import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, validateJson } from "../helpers/cli.js";
import { copyFixture } from "./util.js";

/** The original text with whole lines replaced and new lines inserted after given lines (LF or CRLF). */
function expectedEdit(original: string, replace: [string, string][], insertAfter: [string, string[]][] = []): string {
  const eol = original.includes("\r\n") ? "\r\n" : "\n";
  const lines = original.split(eol);
  for (const [from, to] of replace) {
    const i = lines.indexOf(from);
    if (i === -1) throw new Error(`line not found: ${from}`);
    lines[i] = to;
  }
  for (const [after, added] of insertAfter) {
    const i = lines.indexOf(after);
    if (i === -1) throw new Error(`line not found: ${after}`);
    lines.splice(i + 1, 0, ...added);
  }
  return lines.join(eol);
}

const read = (file: string): string => readFileSync(file, "utf8");

describe("samdok revise", () => {
  it("changes only the version, revideras_senast and one new history entry; every other byte stays", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-handskriven.md");
    const before = read(file);
    const r = await runCli(["revise", "rutin-handskriven", "--summary", "Uppdaterade kontaktvägar till kommunerna."], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [
          ["version: '1.9'", "version: '1.10'"],
          ["revideras_senast: 2027-03-01", "revideras_senast: 2028-11-23"],
        ],
        [
          [
            "  beskrivning: Nya kontaktvägar.   # se protokollet",
            // A review of a fastställd document is editorial: the adoptions of 1.9 cover 1.10.
            [
              "- version: '1.10'",
              "  datum: 2026-11-23",
              "  beskrivning: Uppdaterade kontaktvägar till kommunerna.",
              "  redaktionell: true",
            ],
          ],
        ],
      ),
    );
    expect(r.stdout).toContain("rutin-handskriven.md: version 1.9 → 1.10");
    expect(r.stdout).toContain("revideras senast 2028-11-23");
    // The interval counts from the review (the latest history line), not from the old decision: no SD122.
    expect(r.stdout).not.toMatch(/SD122/);
  });

  it("--major raises the major version; --date sets the date the interval counts from", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-handskriven.md");
    const before = read(file);
    const r = await runCli(
      [
        "revise",
        "rutin-handskriven.md",
        "--major",
        "--date",
        "2026-02-29".replace("29", "28"),
        "--summary",
        "Ny ansvarsfördelning: regionen tar över.",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [
          ["version: '1.9'", "version: '2.0'"],
          ["revideras_senast: 2027-03-01", "revideras_senast: 2028-02-28"],
        ],
        [
          [
            "  beskrivning: Nya kontaktvägar.   # se protokollet",
            ["- version: '2.0'", "  datum: 2026-02-28", '  beskrivning: "Ny ansvarsfördelning: regionen tar över."'],
          ],
        ],
      ),
    );
  });

  it("keeps a byte-order mark and CRLF line ends, and limits revideras_senast to giltig_till", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-crlf.md");
    const before = read(file);
    const r = await runCli(["revise", "rutin-crlf", "--summary", "Nya telefonnummer."], { cwd: dir });
    expect(r.code).toBe(0);
    const after = read(file);
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(after).toBe(
      expectedEdit(
        before,
        [['version: "3.4"', 'version: "3.5"']],
        [
          [
            "    beskrivning: Förtydligad arbetsgång.",
            ['  - version: "3.5"', "    datum: 2026-11-23", "    beskrivning: Nya telefonnummer.", "    redaktionell: true"],
          ],
        ],
      ),
    );
    // 2026-11-23 + 24 months is after giltig_till 2026-12-31: the date stays at the end of validity.
    expect(after).toContain("revideras_senast: 2026-12-31\r\n");
    expect(r.stdout).toMatch(/Revideras senast sattes till 2026-12-31.*giltig_till/);
  });

  it("adds a change history to a draft that has none, and leaves its revideras_senast alone", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-utkast-utan-historik.md");
    const before = read(file);
    const r = await runCli(["revise", "rutin-utkast-utan-historik", "--summary", "Andra utkastet."], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [['version: "0.1"', 'version: "0.2"']],
        [
          [
            'parter: ["region-04", "0484"]',
            ["andringshistorik:", '  - version: "0.2"', "    datum: 2026-11-23", "    beskrivning: Andra utkastet."],
          ],
        ],
      ),
    );
    expect(read(file)).not.toContain("revideras_senast");
    const { report } = await validateJson([file], { cwd: dir });
    expect(report.results.flatMap((x) => x.diagnostics.map((d) => `${d.ruleId} ${d.message}`))).toEqual([]);
  });

  it("an unknown id exits 2 with a suggestion and touches nothing", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "rutin-handskriven.md");
    const before = read(file);
    const r = await runCli(["revise", "rutin-handskrivn", "--summary", "Något."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Hittade inget dokument med id eller fil "rutin-handskrivn"\. Menade du rutin-handskriven\?/);
    expect(read(file)).toBe(before);
  });

  it("refuses a date before the latest history entry, and a missing summary", async () => {
    const dir = copyFixture("due-revise");
    const early = await runCli(["revise", "rutin-handskriven", "--summary", "Bakåt i tiden.", "--date", "2025-01-01"], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/före den senaste raden i ändringshistoriken \(2025-03-01\)/);
    const none = await runCli(["revise", "rutin-handskriven"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--summary/);
  });

  it("refuses an upphävd document", async () => {
    const dir = copyFixture("due-dates");
    const r = await runCli(["revise", "rutin-upphavd", "--summary", "Ska inte gå."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/upphävt/);
  });
});

describe("samdok followup", () => {
  it("marks the earliest open follow-up as done, adding two lines under it and nothing else", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "overenskommelse-uppfoljning.md");
    const before = read(file);
    const r = await runCli(
      ["followup", "overenskommelse-uppfoljning", "--date", "2026-11-20", "--result", "14 dagar i snitt per kommun."],
      { cwd: dir },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("uppföljning 3 (planerad 2026-10-31) är genomförd 2026-11-20");
    expect(read(file)).toBe(
      expectedEdit(
        before,
        [],
        [
          [
            "    indikator: Dagar med betalningsansvar per kommun",
            ["    genomford: 2026-11-20", "    resultat: 14 dagar i snitt per kommun."],
          ],
        ],
      ),
    );
    // Now the item is no longer due.
    const due = await runCli(["due", dir, "--format", "json"], { cwd: dir });
    expect(due.stdout).not.toContain('"date": "2026-10-31"');
  });

  it("--index picks a follow-up, also one written on a single line", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "overenskommelse-uppfoljning.md");
    const before = read(file);
    const r = await runCli(["followup", "overenskommelse-uppfoljning", "--index", "4", "--result", "Klart: före tiden."], { cwd: dir });
    expect(r.code).toBe(0);
    expect(read(file)).toBe(
      expectedEdit(before, [
        [
          "  - {datum: 2027-06-30, ansvarig: mas, beskrivning: Uppföljning på en rad}",
          '  - {datum: 2027-06-30, ansvarig: mas, beskrivning: Uppföljning på en rad, genomford: 2026-11-23, resultat: "Klart: före tiden."}',
        ],
      ]),
    );
  });

  it("refuses a follow-up already done, a number that does not exist and a date in the future", async () => {
    const dir = copyFixture("due-revise");
    const file = path.join(dir, "overenskommelse-uppfoljning.md");
    const before = read(file);
    const done = await runCli(["followup", "overenskommelse-uppfoljning", "--index", "1", "--result", "Igen."], { cwd: dir });
    expect(done.code).toBe(2);
    expect(done.stderr).toMatch(/redan genomförd 2025-11-04/);
    const missing = await runCli(["followup", "overenskommelse-uppfoljning", "--index", "9", "--result", "Nej."], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/har 4 uppföljningar/);
    const future = await runCli(["followup", "overenskommelse-uppfoljning", "--date", "2026-11-24", "--result", "Sen."], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/i framtiden/);
    expect(read(file)).toBe(before);
  });

  it("says so when a document has no follow-ups", async () => {
    const dir = copyFixture("due-revise");
    const r = await runCli(["followup", "rutin-crlf", "--result", "Inget att följa upp."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inga planerade uppföljningar/);
  });
});
