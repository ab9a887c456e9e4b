import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, REPO, runCli } from "../helpers/cli.js";
import { brief, DATES, dueJson } from "./util.js";
import { collectDue, parseWithin, type DueFilters } from "../../src/due/list/collect.js";
import { loadDocuments } from "../../src/core/store.js";
import type { LoadedDocument as LoadedDoc } from "../../src/core/loaded-document.js";
import { UsageError } from "../../src/core/errors.js";

// The date arithmetic is checked on the library (fast); the CLI tests below
// check the wiring: the clock, the options, the exit codes.
let docs: LoadedDoc[] = [];
beforeAll(async () => {
  docs = (await loadDocuments({ paths: [DATES], cwd: REPO, lang: "sv", today: "2026-11-23" })).docs;
});
const due = (asOf: string, within = 90, filters: DueFilters = {}): string[] => brief(collectDue(docs, asOf, within, filters));

describe("samdok due: what is due, as of the fixed clock 2026-11-23", () => {
  it("lists revisions, open follow-ups, validity and remiss, sorted by date then id", async () => {
    const { code, json } = await dueJson([DATES]);
    expect(code).toBe(0);
    expect(json.asOf).toBe("2026-11-23");
    // The configuration's bevakning.inom_dagar (90) is the default window.
    expect(json.within).toBe(90);
    expect(brief(json)).toEqual([
      "overenskommelse-manadsskifte follow-up 2026-10-31 overdue -23",
      "rutin-remiss remiss 2026-11-20 overdue -3",
      "rutin-midnatt revision 2026-11-24 due 1",
      "overenskommelse-manadsskifte follow-up 2026-11-30 due 7",
      "overenskommelse-manadsskifte revision 2027-01-31 due 69",
    ]);
  });

  it("skips a follow-up already done, and names the owner of each follow-up", async () => {
    const { json } = await dueJson([DATES]);
    const followups = json.items.filter((i) => i.kind === "follow-up");
    expect(followups.map((f) => f.index)).toEqual([3, 2]);
    expect(followups.map((f) => f.owner)).toEqual(["narvardskoordinator", "mas"]);
    expect(json.items.some((i) => i.date === "2025-10-31")).toBe(false);
  });

  it("never lists an upphävd document, however overdue its dates", async () => {
    expect(due("2030-01-01", 3650).some((s) => s.startsWith("rutin-upphavd"))).toBe(false);
    expect(due("2030-01-01", 3650).length).toBeGreaterThan(0);
  });

  it("does not list a draft's planned dates", async () => {
    expect(due("2026-12-01", 3650).some((s) => s.startsWith("rutin-utkast"))).toBe(false);
  });

  it("lists nothing for a document without follow-ups and `giltig_till: tills vidare` but its revision", async () => {
    expect(due("2028-01-01", 3650).filter((s) => s.startsWith("rutin-skottdag"))).toEqual(["rutin-skottdag revision 2028-02-29 due 59"]);
    expect(due("2028-01-01", 3650).filter((s) => s.startsWith("rutin-midnatt"))).toEqual([
      "rutin-midnatt revision 2026-11-24 overdue -403",
    ]);
  });

  describe("leap day 2028-02-29", () => {
    const skottdag = (asOf: string, within = 90): string[] => due(asOf, within).filter((s) => s.startsWith("rutin-skottdag"));
    it("is one day away on 2028-02-28", () => {
      expect(skottdag("2028-02-28")).toEqual(["rutin-skottdag revision 2028-02-29 due 1"]);
    });
    it("is due on the day itself, with 0 days left", () => {
      expect(skottdag("2028-02-29")).toEqual(["rutin-skottdag revision 2028-02-29 due 0"]);
    });
    it("is one day overdue on 2028-03-01", () => {
      expect(skottdag("2028-03-01")).toEqual(["rutin-skottdag revision 2028-02-29 overdue -1"]);
    });
    it("falls exactly at the edge of a 90-day window from 2027-12-01", () => {
      expect(skottdag("2027-12-01", 90)).toEqual(["rutin-skottdag revision 2028-02-29 due 90"]);
      expect(skottdag("2027-12-01", 89)).toEqual([]);
    });
    it("counts a leap year's 366 days", () => {
      expect(skottdag("2027-02-28", 366)).toEqual(["rutin-skottdag revision 2028-02-29 due 366"]);
    });
  });

  describe("end of month", () => {
    it("counts 90 days from 2026-11-30 to 2027-02-28 across month ends", () => {
      expect(due("2026-11-30", 90).filter((s) => s.includes("2027-02"))).toEqual([
        "overenskommelse-manadsskifte follow-up 2027-02-27 due 89",
        "overenskommelse-manadsskifte expiry 2027-02-28 due 90",
      ]);
      expect(due("2026-11-30", 89).filter((s) => s.includes("2027-02"))).toEqual([
        "overenskommelse-manadsskifte follow-up 2027-02-27 due 89",
      ]);
    });
    it("makes validity ending on the last day of February overdue on 1 March", () => {
      expect(due("2027-03-01", 90, { type: ["överenskommelse"] }).filter((s) => s.includes(" expiry "))).toEqual([
        "overenskommelse-manadsskifte expiry 2027-02-28 overdue -1",
      ]);
    });
    it("--as-of on the command line is the date counted from", async () => {
      const { json } = await dueJson([DATES, "--as-of", "2026-11-30", "--within", "90d"]);
      expect(json.asOf).toBe("2026-11-30");
      expect(json.within).toBe(90);
      expect(brief(json)).toEqual(due("2026-11-30", 90));
    });
  });

  describe("time zones: a date is a date", () => {
    it("is already the 24th in Sweden at 23:30 UTC on the 23rd", async () => {
      const { json } = await dueJson([DATES], { now: new Date("2026-11-23T23:30:00Z") });
      expect(json.asOf).toBe("2026-11-24");
      expect(brief(json)).toContain("rutin-midnatt revision 2026-11-24 due 0");
      expect(brief(json)).toContain("rutin-remiss remiss 2026-11-20 overdue -4");
    });
    it("is still the 23rd one second before Swedish midnight", async () => {
      const { json } = await dueJson([DATES], { now: new Date("2026-11-23T22:59:59Z") });
      expect(json.asOf).toBe("2026-11-23");
      expect(brief(json)).toContain("rutin-midnatt revision 2026-11-24 due 1");
    });
    it("counts whole days across the change to summer time", () => {
      // 2027-03-28 is the last Sunday of March: a day of 23 hours in Sweden.
      expect(due("2027-03-27", 400).filter((s) => s.startsWith("rutin-skottdag"))).toEqual(["rutin-skottdag revision 2028-02-29 due 339"]);
    });
  });

  describe("filters and exit codes", () => {
    it("--owner takes a role id or its name", async () => {
      const byId = await dueJson([DATES, "--owner", "mas"]);
      expect(brief(byId.json)).toEqual(["overenskommelse-manadsskifte follow-up 2026-11-30 due 7"]);
      const byName = await dueJson([DATES, "--owner", "Medicinskt ansvarig sjuksköterska"]);
      expect(byName.json.items).toEqual(byId.json.items);
    });
    it("--type accepts the type without å, ä, ö; --spar filters by track", async () => {
      const type = await dueJson([DATES, "--type", "overenskommelse"]);
      expect(new Set(type.json.items.map((i) => i.id))).toEqual(new Set(["overenskommelse-manadsskifte"]));
      expect(due("2028-02-01", 90, { spar: ["hs-rutiner"] })).toEqual(["rutin-skottdag revision 2028-02-29 due 28"]);
    });
    it("an unknown owner is a usage error with a suggestion (exit 2)", async () => {
      const r = await runCli(["due", DATES, "--owner", "mass"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Menade du mas\?/);
    });
    it("--fail-on overdue exits 1 when something is overdue; due also counts what is due soon", async () => {
      expect((await runCli(["due", DATES, "--fail-on", "overdue"])).code).toBe(1);
      expect((await runCli(["due", DATES, "--fail-on", "never"])).code).toBe(0);
      expect((await runCli(["due", DATES])).code).toBe(0);
      // Only due-soon items for mas: overdue does not fire, due does.
      expect((await runCli(["due", DATES, "--owner", "mas", "--fail-on", "overdue"])).code).toBe(0);
      expect((await runCli(["due", DATES, "--owner", "mas", "--fail-on", "due"])).code).toBe(1);
      expect((await runCli(["due", DATES, "--fail-on", "sometimes"])).code).toBe(2);
    });
  });

  describe("--within", () => {
    it("accepts 90d, a bare number and weeks", () => {
      expect(parseWithin("90d", "sv")).toBe(90);
      expect(parseWithin("45", "sv")).toBe(45);
      expect(parseWithin("12v", "sv")).toBe(84);
      expect(parseWithin("2w", "en")).toBe(14);
      expect(parseWithin("0", "sv")).toBe(0);
    });
    it.each(["abc", "-5", "90x", "", "1.5", "99999", "90 dygn"])("rejects %j", (value) => {
      expect(() => parseWithin(value, "sv")).toThrow(UsageError);
    });
    it("rejects nonsense on the command line with exit 2 and no output", async () => {
      const r = await runCli(["due", DATES, "--within", "snart"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--within "snart" går inte att läsa/);
      expect(r.stdout).toBe("");
    });
  });

  it("mentions documents it cannot read and lists the rest", async () => {
    const { code, json, stderr } = await dueJson([path.join(FIXTURES, "due-broken")]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 dokument togs inte med.*rutin-trasig\.md/);
    expect(json.items.map((i) => i.id)).toEqual(["rutin-hel"]);
  });

  it("works on the sample sets in documents/ (loosely: they may change)", async () => {
    const { code, json } = await dueJson([]);
    expect(code).toBe(0);
    expect(json.items.length).toBeGreaterThan(0);
    for (const item of json.items) {
      expect(["revision", "follow-up", "expiry", "remiss", "adoption", "remiss-answer"]).toContain(item.kind);
      expect(item.state).toBe(item.daysLeft < 0 ? "overdue" : "due");
      expect(item.daysLeft).toBeLessThanOrEqual(json.within);
      expect(item.file).toMatch(/^documents\//);
    }
    const dates = json.items.map((i) => `${i.date} ${i.id}`);
    expect([...dates].sort()).toEqual(dates);
  });
});
