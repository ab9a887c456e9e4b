/**
 * The revision round as commands (design §3), one command at a time: the
 * lines each one writes (every other byte of the file stays, comments and key
 * order too), and each refusal with its exit code and its message, the file
 * untouched. The whole round on one document is lifecycle-round.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, validateJson, type RunCliOptions } from "../helpers/cli.js";
import { copyFixture } from "./util.js";

interface Edits {
  replace?: [string, string][];
  remove?: string[];
  insertAfter?: [string, string[]][];
}

/** The original text with whole lines replaced, removed, and inserted after given lines (each line must exist once). */
function edited(original: string, edits: Edits): string {
  const lines = original.split("\n");
  const find = (line: string): number => {
    const i = lines.indexOf(line);
    if (i === -1 || lines.indexOf(line, i + 1) !== -1) throw new Error(`line not found once: ${line}`);
    return i;
  };
  for (const [from, to] of edits.replace ?? []) lines[find(from)] = to;
  for (const line of edits.remove ?? []) lines.splice(find(line), 1);
  for (const [after, added] of edits.insertAfter ?? []) lines.splice(find(after) + 1, 0, ...added);
  return lines.join("\n");
}

const read = (file: string): string => readFileSync(file, "utf8");
const at = (day: string): Date => new Date(`${day}T08:00:00Z`);

/** Runs a command in a fresh copy of the fixture and returns the result with the file before and after. */
async function run(
  argv: string[],
  file: string,
  options: RunCliOptions & { fixture?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string; before: string; after: string; dir: string }> {
  const dir = options.cwd ?? copyFixture(options.fixture ?? "livscykel-runda");
  const abs = path.join(dir, file);
  const before = read(abs);
  const r = await runCli(argv, { ...options, cwd: dir });
  return { ...r, before, after: read(abs), dir };
}

/** Every finding of validate on the folder, as "file ruleId". */
async function findings(dir: string, now?: Date): Promise<string[]> {
  const { report } = await validateJson(["."], { cwd: dir, ...(now ? { now } : {}) });
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)} ${d.ruleId} ${d.message}`));
}

const HEMGANG = "overenskommelse-hemgang.md";

describe("samdok revise --start", () => {
  it("--major: status utkast, the next major version, the decision fields gone; every other line stays", async () => {
    const r = await run(["revise", "overenskommelse-hemgang", "--start", "--major"], HEMGANG);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [
          ["status: fastställd", "status: utkast"],
          ['version: "2.0"   # gäller sedan 2025', 'version: "3.0"   # gäller sedan 2025'],
        ],
        remove: ["faststalld_av: nsv", "faststalld_datum: 2025-01-15    # beslut i nämnden", 'beslutsparagraf: "§ 4"'],
      }),
    );
    expect(r.stdout).toContain(
      "overenskommelse-hemgang.md: version 2.0 → 3.0 (utkast). Version 2.0 gäller tills den nya fastställs.\nNästa steg: samdok consult overenskommelse-hemgang",
    );
    expect(await findings(r.dir)).toEqual([]);
  });

  it("without --major: the next minor version; in English with --lang en", async () => {
    const r = await run(["--lang", "en", "revise", "overenskommelse-hemgang.md", "--start"], HEMGANG);
    expect(r.code).toBe(0);
    expect(r.after).toContain('version: "2.1"   # gäller sedan 2025\n');
    expect(r.stdout).toContain("overenskommelse-hemgang.md: version 2.0 → 2.1 (draft). Version 2.0 applies until the new one is decided.");
  });

  it("refuses a document already in progress, --summary with --start, --date with --start, and neither", async () => {
    const dir = copyFixture("livscykel-runda");
    const draft = path.join(dir, "rutin-utkast.md");
    const before = read(draft);
    const again = await runCli(["revise", "rutin-utkast", "--start"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /rutin-utkast har redan en version under arbete \(version 0\.3, status utkast\)\. Fortsätt med den: samdok consult/,
    );
    const both = await runCli(["revise", "overenskommelse-hemgang", "--start", "--summary", "Ny text."], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--start och --summary går inte ihop/);
    const dated = await runCli(["revise", "overenskommelse-hemgang", "--start", "--date", "2026-11-01"], { cwd: dir });
    expect(dated.code).toBe(2);
    expect(dated.stderr).toMatch(/--date används inte med --start/);
    const neither = await runCli(["revise", "overenskommelse-hemgang"], { cwd: dir });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/Ange --summary .* eller --start/);
    expect(read(draft)).toBe(before);
    expect(read(path.join(dir, HEMGANG))).toContain("status: fastställd\n");
  });
});

describe("samdok revise --summary", () => {
  it("on a fastställd document: a minor version with an editorial history line", async () => {
    const r = await run(["revise", "overenskommelse-hemgang", "--summary", "Rättade stavfel."], HEMGANG);
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [
          ['version: "2.0"   # gäller sedan 2025', 'version: "2.1"   # gäller sedan 2025'],
          // Four years from today is after giltig_till: the date stays at the end of validity.
          ["revideras_senast: 2028-06-30", "revideras_senast: 2028-12-31"],
        ],
        insertAfter: [
          [
            "    beskrivning: Ny version med två kommuner.",
            ['  - version: "2.1"', "    datum: 2026-11-23", "    beskrivning: Rättade stavfel.", "    redaktionell: true"],
          ],
        ],
      }),
    );
    expect(r.stdout).toMatch(/Ändringen är redaktionell: antaganden av version 2\.0 gäller även version 2\.1\./);
  });

  it("--major on a fastställd document is no editorial change", async () => {
    const r = await run(["revise", "overenskommelse-hemgang", "--major", "--summary", "Ny ansvarsfördelning."], HEMGANG);
    expect(r.code).toBe(0);
    expect(r.after).toContain('  - version: "3.0"\n    datum: 2026-11-23\n    beskrivning: Ny ansvarsfördelning.\n# Slut');
    expect(r.stdout).toMatch(/En ny huvudversion är inte redaktionell/);
  });
});

describe("samdok consult", () => {
  it("sends a draft to the document's parties: status remiss and a remiss block after the last key before it", async () => {
    const r = await run(["consult", "rutin-utkast", "--until", "2027-01-31"], "rutin-utkast.md");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [["status: utkast", "status: remiss"]],
        insertAfter: [
          [
            "dokumentansvarig: mas",
            ["remiss:", "  fran: 2026-11-23", "  till: 2027-01-31", '  version: "0.3"', "  instanser:", "    - region-04", '    - "0480"'],
          ],
        ],
      }),
    );
    expect(r.stdout).toContain(
      "rutin-utkast.md: version 0.3 på remiss 2026-11-23 – 2027-01-31 till Region Sörmland (region-04), Nyköpings kommun (0480).",
    );
    expect(await findings(r.dir)).toEqual([]);
  });

  it("--to and --from choose the parties and the first day (alias remiss)", async () => {
    const r = await run(["remiss", "rutin-utkast", "--until", "2027-01-31", "--from", "2026-11-20", "--to", "0480"], "rutin-utkast.md");
    expect(r.code).toBe(0);
    expect(r.after).toContain(
      'remiss:\n  fran: 2026-11-20\n  till: 2027-01-31\n  version: "0.3"\n  instanser:\n    - "0480"\nandringshistorik:',
    );
  });

  it("on a document already on remiss: a new last day, and parties added to the flow list", async () => {
    const dir = copyFixture("livscykel-runda");
    const r = await run(["consult", "riktlinje-remiss", "--until", "2026-12-15", "--to", "0484"], "riktlinje-remiss.md", { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [
          ["  till: 2026-11-15   # förlängd en gång", "  till: 2026-12-15   # förlängd en gång"],
          ['  instanser: [region-04, "0480"]', '  instanser: [region-04, "0480", "0484"]'],
        ],
      }),
    );
    expect(r.stdout).toContain(
      "riktlinje-remiss.md: remisstiden ändrad: till 2026-11-15 → 2026-12-15; tillagda: Eskilstuna kommun (0484).",
    );
  });

  it("refuses a fastställd document, an unknown party, a last day before the first, a first day ahead and a bad date", async () => {
    const dir = copyFixture("livscykel-runda");
    const before = read(path.join(dir, HEMGANG));
    const decided = await runCli(["consult", "overenskommelse-hemgang", "--until", "2027-01-31"], { cwd: dir });
    expect(decided.code).toBe(2);
    expect(decided.stderr).toMatch(
      /är fastställt \(version 2\.0\)\. Påbörja en ny version .*samdok revise overenskommelse-hemgang --start/,
    );
    expect(read(path.join(dir, HEMGANG))).toBe(before);

    const draftBefore = read(path.join(dir, "rutin-utkast.md"));
    const typo = await runCli(["consult", "rutin-utkast", "--until", "2027-01-31", "--to", "region-04,0481"], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /--to 0481: ingen part med den koden finns i samdok\.config\.json\. Menade du 0480\? Parterna är: Region Sörmland \(region-04\)/,
    );
    const backwards = await runCli(["consult", "rutin-utkast", "--until", "2026-11-01"], { cwd: dir });
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--until 2026-11-01 ligger före remissens första dag 2026-11-23/);
    const ahead = await runCli(["consult", "rutin-utkast", "--from", "2026-12-01", "--until", "2027-01-31"], { cwd: dir });
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toMatch(/--from 2026-12-01 ligger i framtiden/);
    const bad = await runCli(["consult", "rutin-utkast", "--until", "31/1 2027"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Ange ett datum som ÅÅÅÅ-MM-DD/);
    const missing = await runCli(["consult", "rutin-utkast"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Flaggan --until <datum> måste anges/);
    expect(read(path.join(dir, "rutin-utkast.md"))).toBe(draftBefore);
  });
});

describe("samdok respond", () => {
  it("appends an answer to remiss.svar with its registration number and comment", async () => {
    const r = await run(
      [
        "respond",
        "riktlinje-remiss",
        "--party",
        "0480",
        "--position",
        "reject",
        "--date",
        "2026-11-10",
        "--registration",
        "SN 2026/9",
        "--comment",
        "Ansvaret för hjälpmedel är oklart.",
      ],
      "riktlinje-remiss.md",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        insertAfter: [
          [
            "      standpunkt: tillstyrker",
            [
              '    - part: "0480"',
              "      datum: 2026-11-10",
              "      standpunkt: avstyrker",
              "      diarienummer: SN 2026/9",
              "      kommentar: Ansvaret för hjälpmedel är oklart.",
            ],
          ],
        ],
      }),
    );
    expect(r.stdout).toContain(
      "riktlinje-remiss.md: remissvar från Nyköpings kommun (0480) 2026-11-10: avstyrker.\n2 av 2 remissinstanser har svarat.",
    );
  });

  it("a second answer from the same party is appended too, and said to replace the first (alias svara)", async () => {
    const r = await run(["svara", "riktlinje-remiss", "--party", "region-04", "--position", "synpunkter"], "riktlinje-remiss.md");
    expect(r.code).toBe(0);
    expect(r.after).toContain(
      "      standpunkt: tillstyrker\n    - part: region-04\n      datum: 2026-11-23\n      standpunkt: synpunkter\nnyckelord:",
    );
    expect(r.stdout).toMatch(/Svaret ersätter partens tidigare svar \(2026-10-20: tillstyrker\); det senaste gäller\./);
    expect(r.stdout).toMatch(/Svaret kom efter sista svarsdagen 2026-11-15\./);
  });

  it("refuses a document not on remiss, a party not consulted or mistyped, an unknown position and a date ahead", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, "riktlinje-remiss.md");
    const before = read(file);
    const draft = await runCli(["respond", "rutin-utkast", "--party", "0480", "--position", "approve"], { cwd: dir });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toMatch(
      /rutin-utkast är inte på remiss \(status utkast\)\. Skicka det på remiss först: samdok consult rutin-utkast/,
    );
    const outsider = await runCli(["respond", "riktlinje-remiss", "--party", "0484", "--position", "approve"], { cwd: dir });
    expect(outsider.code).toBe(2);
    expect(outsider.stderr).toMatch(
      /Eskilstuna kommun \(0484\) fick inte remissen.*samdok consult riktlinje-remiss --until 2026-11-15 --to 0484/,
    );
    const typo = await runCli(["respond", "riktlinje-remiss", "--party", "0481", "--position", "approve"], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--party 0481: ingen part med den koden .*Menade du 0480\?/);
    const position = await runCli(["respond", "riktlinje-remiss", "--party", "0480", "--position", "aprove"], { cwd: dir });
    expect(position.code).toBe(2);
    expect(position.stderr).toMatch(
      /Värdet 'aprove' för flaggan --position <ståndpunkt> är ogiltigt\. Menade du approve\? Ange tillstyrker \(approve\)/,
    );
    const ahead = await runCli(["respond", "riktlinje-remiss", "--party", "0480", "--position", "approve", "--date", "2026-11-24"], {
      cwd: dir,
    });
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toMatch(/--date 2026-11-24 ligger i framtiden/);
    const early = await runCli(["respond", "riktlinje-remiss", "--party", "0480", "--position", "approve", "--date", "2026-09-01"], {
      cwd: dir,
    });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/--date 2026-09-01 ligger före remissens början 2026-10-01/);
    expect(read(file)).toBe(before);
  });
});

describe("samdok decide", () => {
  it("decides a 0.x version on remiss as 1.0: decision fields, validity, revise-by, a history line; the remiss block goes", async () => {
    const r = await run(
      ["decide", "riktlinje-remiss", "--body", "lansstyrgruppen", "--paragraph", "§ 7", "--date", "2026-11-20"],
      "riktlinje-remiss.md",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [
          ["status: remiss", "status: fastställd"],
          ['version: "0.2"', 'version: "1.0"'],
        ],
        remove: [
          "remiss:",
          "  fran: 2026-10-01",
          "  till: 2026-11-15   # förlängd en gång",
          '  version: "0.2"',
          '  instanser: [region-04, "0480"]',
          "  svar:",
          "    - part: region-04",
          "      datum: 2026-10-20",
          "      standpunkt: tillstyrker",
        ],
        insertAfter: [
          [
            "dokumentansvarig: mas",
            [
              "faststalld_av: lansstyrgruppen",
              "faststalld_datum: 2026-11-20",
              "beslutsparagraf: § 7",
              "giltig_fran: 2026-11-20",
              "giltig_till: tills vidare",
              "revideras_senast: 2029-11-20",
            ],
          ],
          [
            "    beskrivning: Remissversion.",
            ['  - version: "1.0"', "    datum: 2026-11-20", "    beskrivning: Fastställd av Länsstyrgruppen 2026-11-20, § 7."],
          ],
        ],
      }),
    );
    expect(r.stdout).toContain(
      "riktlinje-remiss.md: version 0.2 → 1.0 fastställd 2026-11-20 av Länsstyrgruppen; gäller från 2026-11-20 till tills vidare, revideras senast 2029-11-20.",
    );
    expect(r.stdout).toContain("Inga remissvar registrerades från Nyköpings kommun (0480).");
    expect(await findings(r.dir)).toEqual([]);
  });

  it("several bodies make a list; --valid-until, --registration and --summary are written (alias faststall)", async () => {
    const r = await run(
      [
        "faststall",
        "rutin-utkast",
        "--body",
        "nsv,lansstyrgruppen",
        "--paragraph",
        "§ 3",
        "--valid-from",
        "2027-01-01",
        "--valid-until",
        "2028-12-31",
        "--registration",
        "LSG 2026/4",
        "--summary",
        "Första fastställda versionen.",
      ],
      "rutin-utkast.md",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [
          ["status: utkast", "status: fastställd"],
          ['version: "0.3"', 'version: "1.0"'],
        ],
        insertAfter: [
          [
            "dokumentansvarig: mas",
            [
              "faststalld_av:",
              "  - nsv",
              "  - lansstyrgruppen",
              "faststalld_datum: 2026-11-23",
              "beslutsparagraf: § 3",
              "diarienummer: LSG 2026/4",
              "giltig_fran: 2027-01-01",
              "giltig_till: 2028-12-31",
              "revideras_senast: 2028-11-23",
            ],
          ],
          [
            "    beskrivning: Synpunkter från arbetsgruppen.",
            ['  - version: "1.0"', "    datum: 2026-11-23", "    beskrivning: Första fastställda versionen."],
          ],
        ],
      }),
    );
    expect(await findings(r.dir)).toEqual([]);
  });

  it("--editorial after a minor --start: the history line says redaktionell, and the old adoptions cover it", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, HEMGANG);
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start"], { cwd: dir })).code).toBe(0);
    const r = await runCli(
      ["decide", "overenskommelse-hemgang", "--body", "nsv", "--paragraph", "§ 40", "--editorial", "--summary", "Nya telefonnummer."],
      { cwd: dir },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toContain(
      '  - version: "2.1"\n    datum: 2026-11-23\n    beskrivning: Nya telefonnummer.\n    redaktionell: true\n# Slut på huvudet.',
    );
    expect(read(file)).toContain("giltig_till: 2028-12-31\nrevideras_senast: 2028-12-31\n");
    expect(r.stdout).toMatch(/Ändringen är redaktionell: parternas antaganden av version 2\.0 gäller även version 2\.1\./);
    expect(r.stdout).not.toMatch(/samdok adopt/);
    const adopt = await runCli(["adopt", "overenskommelse-hemgang", "--party", "0480", "--body", "Socialnämnden"], { cwd: dir });
    expect(adopt.code).toBe(0);
    expect(adopt.stdout).toMatch(/Alla 3 parter följer nu version 2\.1\./);
    expect(await findings(dir)).toEqual([]);
  });

  it("a draft revised with --summary already has its version's history line: the decision dates it instead of adding one", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, HEMGANG);
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start"], { cwd: dir, now: at("2026-11-20") })).code).toBe(0);
    const draft = await runCli(["revise", "overenskommelse-hemgang", "--summary", "Utkastet justerat."], {
      cwd: dir,
      now: at("2026-11-21"),
    });
    expect(draft.code).toBe(0);
    const before = read(file);
    expect(before).toContain('  - version: "2.2"\n    datum: 2026-11-21\n    beskrivning: Utkastet justerat.\n# Slut');
    const r = await runCli(["decide", "overenskommelse-hemgang", "--body", "nsv", "--paragraph", "§ 41", "--editorial"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toContain(
      '  - version: "2.2"\n    datum: 2026-11-23\n    beskrivning: Utkastet justerat.\n    redaktionell: true\n# Slut',
    );
    expect(read(file).match(/version: "2\.2"/g)).toHaveLength(2);
    expect(await findings(dir)).toEqual([]);
  });

  it("refuses --editorial across a major version and for a first version", async () => {
    const dir = copyFixture("livscykel-runda");
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start", "--major"], { cwd: dir })).code).toBe(0);
    const before = read(path.join(dir, HEMGANG));
    const major = await runCli(["decide", "overenskommelse-hemgang", "--body", "nsv", "--paragraph", "§ 1", "--editorial"], { cwd: dir });
    expect(major.code).toBe(2);
    expect(major.stderr).toMatch(/--editorial: version 2\.0 → 3\.0 är en ny huvudversion.*Ta bort --editorial/);
    expect(read(path.join(dir, HEMGANG))).toBe(before);
    const first = await runCli(["decide", "rutin-utkast", "--body", "nsv", "--paragraph", "§ 1", "--editorial"], { cwd: dir });
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/--editorial: version 1\.0 är den första fastställda versionen/);
  });

  it("refuses a fastställd document, an unknown body, a bad or early end of validity, a date ahead or before the history", async () => {
    const dir = copyFixture("livscykel-runda");
    const decided = await runCli(["decide", "overenskommelse-hemgang", "--body", "nsv", "--paragraph", "§ 1"], { cwd: dir });
    expect(decided.code).toBe(2);
    expect(decided.stderr).toMatch(
      /overenskommelse-hemgang är redan fastställt \(version 2\.0, 2025-01-15\)\. För en ny version: samdok revise overenskommelse-hemgang --start/,
    );
    const file = path.join(dir, "rutin-utkast.md");
    const before = read(file);
    const cases: [string[], RegExp][] = [
      [
        ["--body", "nvs", "--paragraph", "§ 1"],
        /--body nvs: beslutsorganet finns inte i samdok\.config\.json\. Menade du nsv\? Ange ett id ur beslutsorgan: nsv \(/,
      ],
      [
        ["--body", "nsv", "--paragraph", "§ 1", "--valid-until", "snart"],
        /Värdet 'snart' för flaggan .*ogiltigt\. Ange ett datum som ÅÅÅÅ-MM-DD.*eller tills-vidare/,
      ],
      [
        ["--body", "nsv", "--paragraph", "§ 1", "--valid-until", "2026-11-01"],
        /--valid-until 2026-11-01 ska ligga efter beslutsdatumet \(2026-11-23\)/,
      ],
      [["--body", "nsv", "--paragraph", "§ 1", "--date", "2026-11-30"], /--date 2026-11-30 ligger i framtiden/],
      [
        ["--body", "nsv", "--paragraph", "§ 1", "--date", "2026-10-01"],
        /Beslutsdatumet 2026-10-01 ligger före den senaste raden i ändringshistoriken \(2026-10-15\)/,
      ],
      [["--body", "nsv"], /Flaggan --paragraph <§> måste anges/],
      [["--body", "nsv", "--paragraph", ""], /--paragraph ska vara 1–40 tecken långt/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(["decide", "rutin-utkast", ...flags], { cwd: dir });
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr, flags.join(" ")).toMatch(message);
    }
    expect(read(file)).toBe(before);
  });

  it("refuses a decision that would add an error, and says which (an open follow-up after the new end of validity)", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, HEMGANG);
    expect((await runCli(["revise", "overenskommelse-hemgang", "--start", "--major"], { cwd: dir })).code).toBe(0);
    const before = read(file);
    const r = await runCli(["decide", "overenskommelse-hemgang", "--body", "nsv", "--paragraph", "§ 1", "--valid-until", "2027-06-30"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /Ändringen skulle ge overenskommelse-hemgang\.md ett nytt fel och skrevs inte; filen är orörd:\n.*2027-10-31.*SD123/,
    );
    expect(read(file)).toBe(before);
  });
});

describe("samdok adopt", () => {
  it("appends the adoption of the current decided version; a document without antaganden gets the list after the decision fields", async () => {
    const r = await run(
      [
        "adopt",
        "rutin-ersattare",
        "--party",
        "0480",
        "--body",
        "Socialnämnden",
        "--date",
        "2026-11-02",
        "--paragraph",
        "§ 45",
        "--registration",
        "SN 2026/31",
      ],
      "rutin-ersattare.md",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        insertAfter: [
          [
            'beslutsparagraf: "§ 9"',
            [
              "antaganden:",
              '  - part: "0480"',
              "    organ: Socialnämnden",
              "    datum: 2026-11-02",
              '    version: "3.0"',
              "    paragraf: § 45",
              "    diarienummer: SN 2026/31",
            ],
          ],
        ],
      }),
    );
    expect(r.stdout).toContain(
      "rutin-ersattare.md: Nyköpings kommun (0480) antog version 3.0 2026-11-02 i Socialnämnden.\n1 av 2 parter följer version 3.0; kvar: Region Sörmland (region-04).",
    );
    expect(await findings(r.dir)).toEqual([]);
  });

  it("while a new version is drafted, a late adoption is of the version in force (alias anta)", async () => {
    const dir = copyFixture("livscykel-runda");
    const file = path.join(dir, "rutin-ersattare.md");
    expect((await runCli(["revise", "rutin-ersattare", "--start", "--major"], { cwd: dir })).code).toBe(0);
    const r = await runCli(["anta", "rutin-ersattare", "--party", "region-04", "--body", "Hälso- och sjukvårdsnämnden"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(read(file)).toContain(
      'antaganden:\n  - part: region-04\n    organ: Hälso- och sjukvårdsnämnden\n    datum: 2026-11-23\n    version: "3.0"\n',
    );
    const pending = await runCli(["adopt", "rutin-ersattare", "--party", "0480", "--body", "Socialnämnden", "--adopted-version", "4.0"], {
      cwd: dir,
    });
    expect(pending.code).toBe(2);
    expect(pending.stderr).toMatch(
      /Version 4\.0 är inte fastställd än \(status utkast\)\. Anta den när den har fastställts \(samdok decide\), eller anta en fastställd version: 3\.0\./,
    );
  });

  it("refuses a party not among the document's parties, a second adoption, a draft, an unknown version and a date before the decision", async () => {
    const dir = copyFixture("livscykel-runda");
    const before = read(path.join(dir, HEMGANG));
    const cases: [string[], RegExp][] = [
      [
        ["rutin-ersattare", "--party", "0484", "--body", "Socialnämnden"],
        /Eskilstuna kommun \(0484\) står inte bland dokumentets parter \(region-04, 0480\)/,
      ],
      [["rutin-ersattare", "--party", "0481", "--body", "Socialnämnden"], /--party 0481: ingen part med den koden.*Menade du 0480\?/],
      [
        ["overenskommelse-hemgang", "--party", "0480", "--body", "Socialnämnden"],
        /Nyköpings kommun \(0480\) har redan antagit version 2\.0 \(2025-02-20, Socialnämnden\)/,
      ],
      [
        ["rutin-utkast", "--party", "0480", "--body", "Socialnämnden"],
        /rutin-utkast har ingen fastställd version än \(version 0\.3, status utkast\)/,
      ],
      [
        ["overenskommelse-hemgang", "--party", "0480", "--body", "Socialnämnden", "--adopted-version", "1.5"],
        /--adopted-version 1\.5 är ingen fastställd version av overenskommelse-hemgang\. Fastställda versioner: 1\.0, 2\.0\./,
      ],
      [
        ["rutin-ersattare", "--party", "0480", "--body", "Socialnämnden", "--date", "2026-09-30"],
        /--date 2026-09-30 ligger före beslutet om version 3\.0 \(2026-10-01\)/,
      ],
      [["rutin-ersattare", "--party", "0480", "--body", "S"], /--body ska vara 2–120 tecken långt/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["adopt", ...args], { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(read(path.join(dir, HEMGANG))).toBe(before);
  });
});

describe("samdok repeal", () => {
  it("repeals a fastställd document", async () => {
    const r = await run(["repeal", "rutin-gammal", "--date", "2026-12-31"], "rutin-gammal.md");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [["status: fastställd", "status: upphävd"]],
        insertAfter: [["revideras_senast: 2027-06-01", ["upphavd_datum: 2026-12-31"]]],
      }),
    );
    expect(r.stdout).toContain("rutin-gammal.md: upphävt från 2026-12-31.");
  });

  it("--replaced-by writes ersatts_av here and ersatter in the replacing document (alias upphav)", async () => {
    const dir = copyFixture("livscykel-runda");
    const other = path.join(dir, "rutin-ersattare.md");
    const otherBefore = read(other);
    const r = await run(["upphav", "rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-ersattare"], "rutin-gammal.md", {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.after).toBe(
      edited(r.before, {
        replace: [["status: fastställd", "status: upphävd"]],
        insertAfter: [["revideras_senast: 2027-06-01", ["upphavd_datum: 2026-12-31", "ersatts_av: rutin-ersattare"]]],
      }),
    );
    expect(read(other)).toBe(edited(otherBefore, { insertAfter: [["revideras_senast: 2028-10-01", ["ersatter:", "  - rutin-gammal"]]] }));
    expect(r.stdout).toContain(
      "rutin-gammal.md: upphävt från 2026-12-31, ersatt av rutin-ersattare.\nrutin-ersattare.md: ersatter nu rutin-gammal.",
    );
    expect(await findings(dir)).toEqual([]);
  });

  it("refuses a draft, a repealed document, a date before the decision, itself or a lower version as replacement", async () => {
    const dir = copyFixture("livscykel-runda");
    const files = ["rutin-gammal.md", "rutin-utkast.md", "rutin-ersattare.md"].map((f) => path.join(dir, f));
    const before = files.map(read);
    const cases: [string[], RegExp][] = [
      [["rutin-utkast", "--date", "2026-12-31"], /rutin-utkast har status utkast \(version 0\.3\): bara ett fastställt dokument upphävs/],
      [["rutin-gammal", "--date", "2025-01-01"], /--date 2025-01-01 ligger före beslutet om dokumentet \(2025-06-01\)/],
      [["rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-gammal"], /--replaced-by rutin-gammal är samma dokument/],
      [
        ["rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-ersatare"],
        /Hittade inget dokument med id eller fil "rutin-ersatare"\. Menade du rutin-ersattare\?/,
      ],
      [
        ["rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-utkast"],
        /skulle ge ett nytt fel och skrevs inte; filerna är orörda:\n\s+rutin-utkast\.md:.*SD102/,
      ],
      [["rutin-gammal"], /Flaggan --date <datum> måste anges/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["repeal", ...args], { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    expect(files.map(read)).toEqual(before);
    expect((await runCli(["repeal", "rutin-gammal", "--date", "2026-12-31"], { cwd: dir })).code).toBe(0);
    const twice = await runCli(["repeal", "rutin-gammal", "--date", "2027-01-31"], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/rutin-gammal är redan upphävt \(2026-12-31\)/);
  });
});

describe("two files written together", () => {
  it("when the repealed file changes meanwhile, neither file is changed (the replacing one gets its bytes back) and a new run does the step", async () => {
    const { main } = await import("../../src/cli/main.js");
    const dir = copyFixture("livscykel-runda");
    const old = path.join(dir, "rutin-gammal.md");
    const other = path.join(dir, "rutin-ersattare.md");
    const colleague = read(old).replace("Rutinen för hemtagning.", "Rutinen för hemtagning, med en kollegas ändring.");
    const otherBefore = read(other);
    let stderr = "";
    const code = await main({
      argv: ["repeal", "rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-ersattare"],
      cwd: dir,
      now: at("2026-11-23"),
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (t: string) => ((stderr += t), true), isTTY: false },
      beforeCommit: (abs) => {
        if (abs === old) writeFileSync(old, colleague);
      },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/Filen ändrades medan samdok arbetade: rutin-gammal\.md/);
    expect(read(old)).toBe(colleague);
    expect(read(other)).toBe(otherBefore);
    const again = await runCli(["repeal", "rutin-gammal", "--date", "2026-12-31", "--replaced-by", "rutin-ersattare"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(read(old)).toContain("med en kollegas ändring");
    expect(read(old)).toContain("upphavd_datum: 2026-12-31\nersatts_av: rutin-ersattare\n");
    expect(await findings(dir)).toEqual([]);
  });
});

describe("help", () => {
  it("each command has a Swedish example, and an English one with --lang en; the Swedish aliases answer", async () => {
    for (const [command, alias] of [
      ["consult", "remiss"],
      ["respond", "svara"],
      ["decide", "faststall"],
      ["adopt", "anta"],
      ["repeal", "upphav"],
    ] as const) {
      const sv = await runCli([command, "--help"]);
      expect(sv.code).toBe(0);
      expect(sv.stdout).toMatch(new RegExp(`^Användning: samdok ${command}\\|${alias} `));
      expect(sv.stdout).not.toMatch(/default:/);
      expect(sv.stdout).toMatch(new RegExp(`Exempel:\\n  samdok (${command}|${alias}) `));
      expect(sv.stdout).toMatch(/--in <mapp>/);
      const en = await runCli(["--lang", "en", command, "--help"]);
      expect(en.stdout).toMatch(new RegExp(`Examples:\\n  samdok ${command} `));
      const viaAlias = await runCli([alias, "--help"]);
      expect(viaAlias.stdout).toBe(sv.stdout);
    }
    const revise = await runCli(["revise", "--help"]);
    expect(revise.stdout).toMatch(/--start/);
    expect(revise.stdout).toMatch(/samdok revise overenskommelse-trygg-hemgang --start --major/);
  });
});
