/**
 * The calendar (`samdok due --format ics`) as a coordinator subscribes to it:
 * overdue items are all-day events today, so that Outlook's current week
 * shows them; no text freezes the state of the day the file was made; each
 * event links to the document in the published edition when the
 * configuration gives its address; and the window covers a year. The file
 * stays RFC 5545: folded at 75 octets, and UIDs that do not change from one
 * day to the next.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import ICAL from "ical.js";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { parseWithin, MAX_WITHIN_DAYS } from "../../src/due/list/collect.js";

const EDITION = path.join(FIXTURES, "kalender-utgava");
const PLAIN = path.join(FIXTURES, "pr-sammanfattning");

interface Event {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  url: string | undefined;
  alarm: boolean;
}

function events(ics: string): Event[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    start: (e.getFirstPropertyValue("dtstart") as ICAL.Time).toString(),
    end: (e.getFirstPropertyValue("dtend") as ICAL.Time).toString(),
    summary: String(e.getFirstPropertyValue("summary")),
    description: String(e.getFirstPropertyValue("description")),
    url: (e.getFirstPropertyValue("url") as string | null) ?? undefined,
    alarm: e.getFirstSubcomponent("valarm") !== null,
  }));
}

const calendar = async (dir: string, extra: string[] = [], now?: Date) => {
  const r = await runCli(["due", dir, "--format", "ics", ...extra], now ? { now } : {});
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
};

describe("due --format ics", () => {
  it("puts an overdue item on today as an all-day event that says since when", async () => {
    const all = events(await calendar(EDITION));
    const revision = all.find((e) => e.uid === "overenskommelse-hemgang-revision-2026-03-31@samdok");
    expect(revision).toMatchObject({
      start: "2026-11-23",
      end: "2026-11-24",
      summary: "Förfallen sedan 31 mars 2026: Revidera senast: Överenskommelse om trygg hemgång",
      alarm: false,
    });
    expect(revision?.description).toContain("Skulle ha gjorts senast 31 mars 2026.");
  });

  it("keeps the UID of an overdue item from one day to the next, and moves the event along", async () => {
    const monday = events(await calendar(EDITION));
    const tuesday = events(await calendar(EDITION, [], new Date("2026-11-24T08:00:00Z")));
    const find = (list: Event[]) => list.find((e) => e.uid === "rutin-hjalpmedel-revision-2026-06-30@samdok");
    expect(find(monday)?.start).toBe("2026-11-23");
    expect(find(tuesday)?.start).toBe("2026-11-24");
    expect(new Set(monday.map((e) => e.uid))).toEqual(new Set(tuesday.map((e) => e.uid)));
  });

  it("leaves an item still ahead on its own date, with its reminder, and writes no state as of a day", async () => {
    const text = await calendar(EDITION);
    const ahead = events(text).find((e) => e.uid === "rutin-utskrivning-revision-2027-08-31@samdok");
    expect(ahead).toMatchObject({ start: "2027-08-31", summary: "Revidera senast: Rutin för utskrivning från slutenvård", alarm: true });
    expect(ahead?.description).toContain("Senast 31 augusti 2027.");
    expect(text).not.toMatch(/Läge \d{4}-\d{2}-\d{2}/);
    expect(text.replace(/\r\n /g, "")).not.toContain("förfallen\\n");
  });

  it("links to the document in the published edition when the configuration gives its address", async () => {
    const ahead = events(await calendar(EDITION)).find((e) => e.uid === "rutin-utskrivning-revision-2027-08-31@samdok");
    expect(ahead?.url).toBe("https://example.github.io/samverkan/rutin-utskrivning.html");
    expect(ahead?.description).toContain("Läs dokumentet: https://example.github.io/samverkan/rutin-utskrivning.html");
    expect(ahead?.description).not.toContain("Fil:");
  });

  it("shows the repository path without an address", async () => {
    const ahead = events(await calendar(PLAIN)).find((e) => e.uid === "rutin-utskrivning-revision-2027-08-31@samdok");
    expect(ahead?.url).toBeUndefined();
    expect(ahead?.description).toMatch(/Fil: .*pr-sammanfattning\/rutin-utskrivning\.md$/);
  });

  it("covers a year by default, and as far as --within says", async () => {
    const year = events(await calendar(EDITION)).map((e) => e.uid);
    // 2027-08-31 is 281 days ahead: in the calendar's year, outside the configuration's 90 days.
    expect(year).toContain("rutin-utskrivning-revision-2027-08-31@samdok");
    const short = events(await calendar(EDITION, ["--within", "90d"])).map((e) => e.uid);
    expect(short).not.toContain("rutin-utskrivning-revision-2027-08-31@samdok");
    const three = events(await calendar(EDITION, ["--within", "3 år"])).map((e) => e.uid);
    expect(three).toContain("overenskommelse-hemgang-expiry-2028-12-31@samdok");
    expect(year).not.toContain("overenskommelse-hemgang-expiry-2028-12-31@samdok");
  });

  it("stays RFC 5545: CRLF, lines of at most 75 octets, one URL per linked event", async () => {
    const text = await calendar(EDITION);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded.match(/^URL;VALUE=URI:/gm)?.length).toBe(unfolded.match(/^BEGIN:VEVENT/gm)?.length);
  });
});

describe("--within in months and years", () => {
  it("reads days, weeks, months and years, in Swedish and English", () => {
    expect(parseWithin("90", "sv")).toBe(90);
    expect(parseWithin("12v", "sv")).toBe(84);
    expect(parseWithin("3 månader", "sv")).toBe(90);
    expect(parseWithin("6m", "sv")).toBe(180);
    expect(parseWithin("12 månader", "sv")).toBe(360);
    expect(parseWithin("1 år", "sv")).toBe(365);
    expect(parseWithin("1år", "sv")).toBe(365);
    expect(parseWithin("2 years", "en")).toBe(730);
    expect(MAX_WITHIN_DAYS).toBeGreaterThanOrEqual(365);
    expect(() => parseWithin("11 år", "sv")).toThrow(/högst 3660 dagar/);
    expect(() => parseWithin("3 fortnights", "en")).toThrow(/days, weeks, months or years/);
  });

  it("takes `--within 3 månader` written without quotes as one value, not as a path", async () => {
    const r = await runCli(["due", PLAIN, "--format", "json", "--within", "12", "månader"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { within: number }).within).toBe(360);
    const year = await runCli(["due", "--within", "1", "år", PLAIN, "--format", "json"]);
    expect(year.stderr).toBe("");
    expect((JSON.parse(year.stdout) as { within: number }).within).toBe(365);
  });
});
