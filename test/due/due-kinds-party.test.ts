/**
 * `samdok due`: the items that concern one party of a document, `adoption`
 * (a decided version the party does not follow) and `remiss-answer` (an
 * answer missing after the remiss end), in every format.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import ICAL from "ical.js";
import { HtmlValidate } from "html-validate";
import type { Io } from "../../src/cli/io.js";
import { dueSummary } from "../../src/cli/commands/due/run.js";
import { FIXTURES, NOW, REPO, runCli } from "../helpers/cli.js";
import { dueJson } from "./util.js";

const ADOPTION = path.join(FIXTURES, "due-parter-antagande");
const REMISS = path.join(FIXTURES, "due-parter-remiss");
const LEAP = path.join(FIXTURES, "due-parter-skottdag");
/** The leap-day fixture is read on the day after the leap day (its dates lie in 2028). */
const MARCH_1_2028 = new Date("2028-03-01T08:00:00Z");

interface PartyItem {
  id: string;
  kind: string;
  date: string;
  state: string;
  daysLeft: number;
  owner: string;
  party?: string;
  partyName?: string;
  version?: string;
  detail?: string;
}

const line = (i: PartyItem): string => `${i.id} ${i.kind} ${i.party ?? "-"} ${i.date} ${i.state} ${i.daysLeft} ${i.owner}`;
const ofKind = (items: PartyItem[], ...kinds: string[]): PartyItem[] => items.filter((i) => kinds.includes(i.kind));

describe("due: adoption items", () => {
  it("lists each party that does not follow the decided version, per responsible role; an editorial 2.1 covers 2.0", async () => {
    const { code, json } = await dueJson([ADOPTION]);
    expect(code).toBe(0);
    const items = ofKind(json.items as PartyItem[], "adoption");
    // Region Sörmland and Eskilstuna adopted 2.0, and 2.1 is editorial: they follow 2.1.
    // Nyköping adopted 1.1 only, Gnesta nothing. The decided 3.0 (valid from 2027-01-01) is adopted by nobody.
    expect(items.map(line)).toEqual([
      "overenskommelse-redaktionell adoption 0480 2026-10-01 overdue -53 narvardskoordinator",
      "overenskommelse-redaktionell adoption 0480 2026-10-01 overdue -53 mas",
      "overenskommelse-redaktionell adoption 0461 2026-10-01 overdue -53 narvardskoordinator",
      "overenskommelse-redaktionell adoption 0461 2026-10-01 overdue -53 mas",
      "overenskommelse-beslutad adoption region-04 2027-01-01 due 39 narvardskoordinator",
      "overenskommelse-beslutad adoption 0480 2027-01-01 due 39 narvardskoordinator",
      "overenskommelse-beslutad adoption 0484 2027-01-01 due 39 narvardskoordinator",
    ]);
    expect(items[0]).toMatchObject({
      party: "0480",
      partyName: "Nyköpings kommun",
      version: "2.1",
      detail: "Nyköpings kommun, version 2.1",
    });
    expect(items[4]).toMatchObject({ version: "3.0" });
  });

  it("is not listed before the window reaches the date the version becomes valid", async () => {
    const { json } = await dueJson([ADOPTION, "--within", "30"]);
    expect(ofKind(json.items as PartyItem[], "adoption").some((i) => i.id === "overenskommelse-beslutad")).toBe(false);
  });

  it("--owner keeps one role's items; --fail-on overdue fails on a missing adoption", async () => {
    const { json } = await dueJson([ADOPTION, "--owner", "mas"]);
    expect(json.items.map((i) => `${i.kind} ${(i as PartyItem).party ?? "-"}`)).toEqual(["adoption 0480", "adoption 0461"]);
    expect((await runCli(["due", ADOPTION, "--fail-on", "overdue"])).code).toBe(1);
  });

  it("names the party and the version in the human formats, one row per task", async () => {
    const table = (await runCli(["due", ADOPTION])).stdout;
    expect(table).toMatch(
      /^förfallen\s+2026-10-01\s+-53\s+antagande saknas: Nyköpings kommun\s+Närvårdskoordinator, Medicinskt ansvarig sjuksköterska\s+Överenskommelse med en redaktionell ändring \(overenskommelse-redaktionell\)$/m,
    );
    // Two roles, one row: the counts are of tasks, not of roles.
    expect(table).toContain("2 förfallna och 3 snart.");
    const md = (await runCli(["due", ADOPTION, "--format", "markdown"])).stdout;
    expect(md).toContain(
      "| förfallen | 2026-10-01 | för 53 dagar sedan | antagande saknas: Gnesta kommun, version 2.1 | Överenskommelse med en redaktionell ändring (overenskommelse-redaktionell, test/fixtures/due-parter-antagande/overenskommelse-redaktionell.md) | Närvårdskoordinator, Medicinskt ansvarig sjuksköterska |",
    );
    const en = (await runCli(["due", ADOPTION, "--lang", "en"])).stdout;
    expect(en).toMatch(/adoption missing: Gnesta kommun/);
  });

  it("keeps one row per role when the list is grouped by role", async () => {
    const md = (await runCli(["due", ADOPTION, "--format", "markdown", "--group-by", "ansvarig"])).stdout;
    const mas = md.slice(md.indexOf("### Medicinskt ansvarig sjuksköterska"), md.indexOf("### Närvårdskoordinator"));
    expect(mas.match(/antagande saknas/g)?.length).toBe(2);
    const nvk = md.slice(md.indexOf("### Närvårdskoordinator"));
    expect(nvk.match(/antagande saknas/g)?.length).toBe(5);
  });

  it("is valid HTML with the party in the kind cell", async () => {
    const r = await runCli(["due", ADOPTION, "--format", "html"]);
    expect(r.stdout).toContain("antagande saknas<br><span");
    expect(r.stdout).toContain(">Eskilstuna kommun, version 3.0</span>");
    // Inline styles are the point of an e-mail body (mail clients drop style sheets).
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-inline-style": "off" } });
    const report = await validator.validateString(r.stdout);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("gives each party its own calendar event, with the party in the UID and the summary", async () => {
    const r = await runCli(["due", ADOPTION, "--format", "ics"]);
    const events = new ICAL.Component(ICAL.parse(r.stdout) as unknown[]).getAllSubcomponents("vevent");
    const uids = events.map((e) => String(e.getFirstPropertyValue("uid")));
    expect(uids).toContain("overenskommelse-beslutad-adoption-0484-2027-01-01@samdok");
    // Two roles: the same party twice, told apart by a counter.
    expect(uids.filter((u) => u.startsWith("overenskommelse-redaktionell-adoption-0480-2026-10-01"))).toEqual([
      "overenskommelse-redaktionell-adoption-0480-2026-10-01@samdok",
      "overenskommelse-redaktionell-adoption-0480-2026-10-01-2@samdok",
    ]);
    expect(new Set(uids).size).toBe(uids.length);
    const summaries = events.map((e) => String(e.getFirstPropertyValue("summary")));
    // Overdue, so shown today and prefixed with the day it fell due (issue 17); one event per responsible role.
    expect(
      summaries.filter((x) => x.endsWith("Antagande saknas (Gnesta kommun): Överenskommelse med en redaktionell ändring")),
    ).toHaveLength(2);
  });

  it("puts the party in the CSV description", async () => {
    const r = await runCli(["due", ADOPTION, "--format", "csv"]);
    expect(r.stdout).toContain(
      '"antagande saknas";"overenskommelse-beslutad";"Överenskommelse som gäller från årsskiftet";"Närvårdskoordinator";',
    );
    expect(r.stdout).toContain('"Region Sörmland, version 3.0"');
  });
});

describe("due: remiss-answer items", () => {
  it("lists each consulted party without an answer once the remiss has ended", async () => {
    const { json } = await dueJson([REMISS]);
    // The agreement being revised asks no adoption of the version on remiss, and its remiss is still open.
    expect((json.items as PartyItem[]).map(line)).toEqual([
      "rutin-remiss-svar remiss - 2026-11-20 overdue -3 mas",
      "rutin-remiss-svar remiss-answer region-04 2026-11-20 overdue -3 mas",
      "rutin-remiss-svar remiss-answer 0484 2026-11-20 overdue -3 mas",
      "overenskommelse-revideras remiss - 2026-12-31 due 38 narvardskoordinator",
    ]);
    expect(json.items[2]).toMatchObject({ partyName: "Eskilstuna kommun", version: "0.3", detail: "Eskilstuna kommun" });
  });

  it("lists none while the remiss is still open, the last day included", async () => {
    const { json } = await dueJson([REMISS, "--as-of", "2026-11-20"]);
    expect(ofKind(json.items as PartyItem[], "remiss-answer")).toEqual([]);
    const after = await dueJson([REMISS, "--as-of", "2026-11-21"]);
    expect(ofKind(after.json.items as PartyItem[], "remiss-answer").length).toBe(2);
  });

  it("on a leap day: the remiss ending 2028-02-29 is past on 1 March; the latest answer counts; a name is not chased", async () => {
    const { json } = await dueJson([LEAP], { now: MARCH_1_2028 });
    // Eskilstuna answered (twice); Nyköping did not; "Brukarrådet för nära vård" is no party code.
    expect(ofKind(json.items as PartyItem[], "remiss-answer", "remiss").map(line)).toEqual([
      "rutin-remiss-skottdag remiss - 2028-02-29 overdue -1 mas",
      "rutin-remiss-skottdag remiss-answer 0480 2028-02-29 overdue -1 mas",
    ]);
    const onTheDay = await dueJson([LEAP, "--as-of", "2028-02-29"], { now: MARCH_1_2028 });
    expect(ofKind(onTheDay.json.items as PartyItem[], "remiss-answer")).toEqual([]);
  });

  it("on a leap day: an adoption falls due on the day the version becomes valid, 2028-02-29", async () => {
    const before = await dueJson([LEAP, "--as-of", "2028-02-28"], { now: MARCH_1_2028 });
    expect(ofKind(before.json.items as PartyItem[], "adoption").map(line)).toEqual([
      "overenskommelse-skottdag adoption 0480 2028-02-29 due 1 narvardskoordinator",
    ]);
    const after = await dueJson([LEAP], { now: MARCH_1_2028 });
    expect(ofKind(after.json.items as PartyItem[], "adoption").map(line)).toEqual([
      "overenskommelse-skottdag adoption 0480 2028-02-29 overdue -1 narvardskoordinator",
    ]);
  });
});

describe("samdok start: the summary stays short", () => {
  it("shows the parties of one document as one row", async () => {
    let stdout = "";
    const io: Io = {
      cwd: REPO,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      now: NOW,
      env: {},
      lang: "sv",
    };
    await dueSummary(io, [ADOPTION]);
    expect(stdout).toMatch(
      /^snart\s+2027-01-01\s+39\s+antagande saknas: 3 parter\s+Närvårdskoordinator\s+Överenskommelse som gäller från årsskiftet/m,
    );
    expect(stdout).toMatch(/antagande saknas: 2 parter\s+Närvårdskoordinator, Medicinskt ansvarig sjuksköterska/);
    expect(stdout.match(/^(förfallen|snart) /gm)?.length).toBe(2);
  });

  it("on the sample sets, fits the missing adoptions of an agreement in one row", async () => {
    let stdout = "";
    const io: Io = {
      cwd: REPO,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      now: NOW,
      env: {},
      lang: "sv",
    };
    await dueSummary(io, ["documents/sormland"]);
    // Oxelösund adopted 1.0, Trosa and Gnesta 1.1 of the agreement now at 2.0.
    expect(stdout.match(/antagande saknas/g)?.length).toBe(1);
    expect(stdout).toMatch(/antagande saknas: 3 parter .*\(overenskommelse-trygg-hemgang\)/);
  });
});
