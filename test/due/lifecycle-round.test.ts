/**
 * A whole revision round on one document, by commands only (design §3):
 * version 2.0 applies; 3.0 is begun, sent on remiss, answered, decided to
 * apply from a later date and adopted. After each step the document passes
 * validation with nothing more to say than before the round. And a one-step
 * review (`revise --summary`) of a fastställd document leaves nothing for
 * the revision-interval or follow-up rules to report.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, validateJson } from "../helpers/cli.js";
import { copyFixture } from "./util.js";

const at = (day: string): Date => new Date(`${day}T08:00:00Z`);

/** Every finding of validate on the folder, as "file ruleId message". */
async function findings(dir: string, now: Date): Promise<string[]> {
  const { report } = await validateJson(["."], { cwd: dir, now });
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)} ${d.ruleId} ${d.message}`));
}

describe("a revision round", () => {
  it("revise --start --major → consult → respond ×2 → decide (valid later) → adopt ×3 leaves a clean document", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, "overenskommelse-hemgang.md");
    const original = readFileSync(file, "utf8");
    const before = await findings(dir, at("2026-11-23"));
    const steps: [string, string[], RegExp][] = [
      ["2026-11-23", ["revise", "overenskommelse-hemgang", "--start", "--major"], /version 2\.0 → 3\.0 \(utkast\)/],
      ["2026-12-01", ["consult", "overenskommelse-hemgang", "--until", "2027-01-31"], /version 3\.0 på remiss 2026-12-01 – 2027-01-31/],
      [
        "2026-12-15",
        ["respond", "overenskommelse-hemgang", "--party", "0480", "--position", "approve", "--registration", "SN 2026/112"],
        /remissvar från Nyköpings kommun \(0480\) 2026-12-15: tillstyrker/,
      ],
      [
        "2027-01-20",
        ["respond", "overenskommelse-hemgang", "--party", "0484", "--position", "comments", "--comment", "Förtydliga ansvaret."],
        /2 av 3 remissinstanser har svarat; väntar på Region Sörmland \(region-04\)/,
      ],
      [
        "2027-02-10",
        [
          "decide",
          "overenskommelse-hemgang",
          "--body",
          "nsv",
          "--paragraph",
          "§ 12",
          "--valid-from",
          "2027-04-01",
          "--registration",
          "NSV 2026/40",
          "--summary",
          "Ny ansvarsfördelning för hjälpmedel.",
        ],
        /version 3\.0 fastställd 2027-02-10 av Nämnden för samverkan inom socialtjänst och vård; gäller från 2027-04-01 till 2028-12-31[^\n]*\nVersion 2\.0 gäller till dess, 2027-04-01\./,
      ],
      [
        "2027-03-01",
        ["adopt", "overenskommelse-hemgang", "--party", "0480", "--body", "Socialnämnden", "--paragraph", "§ 45"],
        /1 av 3 parter följer version 3\.0; kvar: Region Sörmland \(region-04\), Eskilstuna kommun \(0484\)\./,
      ],
      ["2027-03-05", ["adopt", "overenskommelse-hemgang", "--party", "0484", "--body", "Vård- och omsorgsnämnden"], /2 av 3 parter/],
      [
        "2027-03-20",
        ["adopt", "overenskommelse-hemgang", "--party", "region-04", "--body", "Regionstyrelsen"],
        /Alla 3 parter följer nu version 3\.0\./,
      ],
    ];
    for (const [day, argv, said] of steps) {
      const r = await runCli(argv, { cwd: dir, now: at(day) });
      expect(r.stderr, argv.join(" ")).toBe("");
      expect(r.code, argv.join(" ")).toBe(0);
      expect(r.stdout, argv.join(" ")).toMatch(said);
      // Nothing to act on after any step that was not there before the round.
      expect(await findings(dir, at(day)), argv.join(" ")).toEqual(before);
    }
    const text = readFileSync(file, "utf8");
    // The decision: new fields where the old ones stood, validity from the later date, the remiss gone.
    expect(text).toContain(
      [
        "dokumentansvarig: narvardskoordinator",
        "faststalld_av: nsv",
        "faststalld_datum: 2027-02-10",
        "beslutsparagraf: § 12",
        "diarienummer: NSV 2026/40",
        "antaganden:",
      ].join("\n"),
    );
    expect(text).toContain("giltig_fran: 2027-04-01\ngiltig_till: 2028-12-31\nrevideras_senast: 2028-12-31\nuppfoljning:");
    expect(text).not.toContain("remiss:");
    expect(text).toContain(
      '  - version: "3.0"\n    datum: 2027-02-10\n    beskrivning: Ny ansvarsfördelning för hjälpmedel.\n# Slut på huvudet.',
    );
    expect(text).toContain('  - part: "0480"\n    organ: Socialnämnden\n    datum: 2027-03-01\n    version: "3.0"\n    paragraf: § 45\n');
    // What the round did not touch is as it was: the comments, the body, the old adoptions and follow-ups.
    const kept = (s: string): string => s.slice(s.indexOf("uppfoljning:"), s.indexOf("andringshistorik:"));
    expect(kept(text)).toBe(kept(original));
    expect(text).toContain("# Överenskommelsen skrevs för hand: kommentarer och ordning ska stå kvar.\nid: overenskommelse-hemgang\n");
    expect(text).toContain('version: "3.0"   # gäller sedan 2025\n');
    expect(text.slice(text.indexOf("\n---\n"))).toBe(original.slice(original.indexOf("\n---\n")));
    expect(text).toContain(
      '  - part: region-04\n    organ: Regionstyrelsen\n    datum: 2025-02-10\n    version: "2.0"\n  - part: "0480"\n    organ: Socialnämnden\n    datum: 2025-02-20\n    version: "2.0"\n    paragraf: "§ 31"\n',
    );
    const { code } = await validateJson(["."], { cwd: dir, now: at("2027-04-02") });
    expect(code).toBe(0);
  });

  it("while 3.0 is on remiss, a step that does not fit is refused and nothing changes", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, "overenskommelse-hemgang.md");
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start", "--major"], { cwd: dir })).code).toBe(0);
    expect((await runCli(["consult", "overenskommelse-hemgang", "--until", "2027-01-31"], { cwd: dir })).code).toBe(0);
    const onRemiss = readFileSync(file, "utf8");
    const steps: [string[], RegExp][] = [
      [["revise", "overenskommelse-hemgang", "--start"], /har redan en version under arbete \(version 3\.0, status remiss\)/],
      [["adopt", "overenskommelse-hemgang", "--party", "0480", "--body", "Socialnämnden"], /har redan antagit version 2\.0/],
      [
        ["repeal", "overenskommelse-hemgang", "--date", "2027-01-01"],
        /har status remiss \(version 3\.0\): bara ett fastställt dokument upphävs/,
      ],
    ];
    for (const [argv, said] of steps) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(said);
    }
    expect(readFileSync(file, "utf8")).toBe(onRemiss);
  });
});

describe("a one-step review of a fastställd document", () => {
  it("revise --summary writes an editorial line and a revise-by date counted from it: no SD122, no SD123 afterwards", async () => {
    const dir = copyFixture("livscykel-granskning");
    const file = path.join(dir, "rutin-granskas.md");
    const r = await runCli(["revise", "rutin-granskas", "--summary", "Aktualitetsprövad utan ändringar i sak."], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text).toContain('version: "2.1"\n');
    expect(text).toContain("revideras_senast: 2028-11-23\n");
    expect(text).toContain(
      '  - version: "2.1"\n    datum: 2026-11-23\n    beskrivning: Aktualitetsprövad utan ändringar i sak.\n    redaktionell: true\n---',
    );
    const after = await findings(dir, at("2026-11-23"));
    expect(after.filter((f) => / SD12[23] /.test(f))).toEqual([]);
    expect(after).toEqual([]);
  });
});
