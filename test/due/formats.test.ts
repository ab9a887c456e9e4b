import { beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { HtmlValidate } from "html-validate";
import { REPO, runCli } from "../helpers/cli.js";
import { DATES } from "./util.js";
import { collectDue } from "../../src/due/list/collect.js";
import { loadDocuments } from "../../src/core/store.js";
import type { DueItem, DueList } from "../../src/due/list/model.js";
import { json } from "../../src/due/list/format/json.js";
import { csv } from "../../src/due/list/format/csv.js";
import { markdown, DUE_MARKER } from "../../src/due/list/format/markdown.js";
import { html } from "../../src/due/list/format/html.js";
import { ics, foldOctets } from "../../src/due/list/format/ics.js";
import { icsText } from "../../src/core/escape.js";
import { table } from "../../src/due/list/format/table.js";

let list: DueList;
beforeAll(async () => {
  const { docs } = await loadDocuments({ paths: [DATES], cwd: REPO, lang: "sv", today: "2026-11-23" });
  list = collectDue(docs, "2026-11-23", 90);
});

/** A hand-made item with text that needs escaping in every format. */
function tricky(over: Partial<DueItem> = {}): DueItem {
  return {
    id: "rutin-svar",
    file: "docs/rutin-svar.md",
    title: '=Rutin "A|B"; <script>alert(1)</script> & mer åäö',
    kind: "follow-up",
    date: "2026-12-01",
    state: "due",
    daysLeft: 8,
    owner: "mas",
    ownerName: "Medicinskt ansvarig sjuksköterska",
    spar: "hs-rutiner",
    sparName: "Hälso- och sjukvårdsrutiner",
    dokumenttyp: "rutin",
    status: "fastställd",
    detail: "Rad ett\nrad två",
    index: 1,
    set: "Test",
    ...over,
  };
}

describe("json", () => {
  it("has exactly the documented shape, the documented keys first", () => {
    const out = JSON.parse(json({ list, lang: "sv", color: false })) as { asOf: string; within: number; items: Record<string, unknown>[] };
    expect(Object.keys(out).slice(0, 3)).toEqual(["asOf", "within", "items"]);
    expect(out.asOf).toBe("2026-11-23");
    expect(out.within).toBe(90);
    expect(out.items.length).toBe(5);
    for (const item of out.items) {
      expect(Object.keys(item).slice(0, 8)).toEqual(["id", "file", "title", "kind", "date", "state", "daysLeft", "owner"]);
      expect(typeof item.daysLeft).toBe("number");
      expect(["overdue", "due"]).toContain(item.state);
    }
    expect(out.items[0]).toMatchObject({
      id: "overenskommelse-manadsskifte",
      file: "test/fixtures/due-dates/overenskommelse-manadsskifte.md",
      title: "Överenskommelse som slutar gälla vid ett månadsskifte",
      kind: "follow-up",
      date: "2026-10-31",
      state: "overdue",
      daysLeft: -23,
      owner: "narvardskoordinator",
    });
  });
});

describe("csv", () => {
  it("opens in Excel: BOM, semicolons, CRLF, quoted fields, Swedish headers", () => {
    const out = csv({
      list: {
        asOf: "2026-11-23",
        within: 90,
        items: [tricky(), tricky({ id: "b", state: "overdue", daysLeft: -3, title: "Vanlig titel" })],
      },
      lang: "sv",
      color: false,
    });
    expect(out.startsWith("\uFEFF")).toBe(true);
    const lines = out.slice(1).split("\r\n");
    expect(lines.pop()).toBe("");
    // A line break inside a text stays inside its quoted field.
    expect(lines[1]).toContain('"Rad ett\nrad två"');
    expect(lines[0]).toBe('"Läge";"Datum";"Dagar kvar";"Vad";"Dokument-id";"Titel";"Ansvarig";"Spår";"Dokumenttyp";"Beskrivning";"Fil"');
    // A formula-looking title gets an apostrophe; quotes are doubled; the separator inside quotes is harmless.
    expect(lines[1]).toContain(`"'=Rutin ""A|B""; <script>alert(1)</script> & mer åäö"`);
    expect(lines[1]?.startsWith('"snart";"2026-12-01";"8";"uppföljning";"rutin-svar"')).toBe(true);
    expect(lines[2]?.startsWith('"förfallen";"2026-12-01";"-3";')).toBe(true);
    // Every row has the same number of fields.
    const fields = (line: string): number => line.match(/"(?:[^"]|"")*"/g)?.length ?? 0;
    expect(new Set(lines.map(fields))).toEqual(new Set([11]));
  });
});

describe("markdown", () => {
  it("starts with the stable hidden marker, whatever the date", () => {
    const a = markdown({ list, lang: "sv", color: false });
    const b = markdown({ list: { ...list, asOf: "2027-01-01", items: [] }, lang: "sv", color: false });
    expect(a.split("\n")[0]).toBe("<!-- samdok-due -->");
    expect(b.split("\n")[0]).toBe(DUE_MARKER);
    expect(a).toContain("**2 förfallna och 3 snart**");
    expect(a.match(/^\| (förfallen|snart) \|/gm)?.length).toBe(5);
  });

  it("groups by owner, track or type with one table per group", () => {
    const byOwner = markdown({ list, lang: "sv", color: false, groupBy: "ansvarig" });
    expect(byOwner.match(/^### .*$/gm)).toEqual(["### Medicinskt ansvarig sjuksköterska", "### Närvårdskoordinator"]);
    const byTrack = markdown({ list, lang: "sv", color: false, groupBy: "spar" });
    expect(byTrack.match(/^### .*$/gm)).toEqual(["### Trygg hemgång och effektiv samverkan"]);
    const mixed = markdown({ list: { ...list, items: [...list.items, tricky()] }, lang: "sv", color: false, groupBy: "spar" });
    expect(mixed.match(/^### .*$/gm)).toEqual(["### Hälso- och sjukvårdsrutiner", "### Trygg hemgång och effektiv samverkan"]);
    const byType = markdown({ list, lang: "sv", color: false, groupBy: "dokumenttyp" });
    expect(byType.match(/^### .*$/gm)).toEqual(["### överenskommelse", "### rutin"]);
  });

  it("escapes pipes and HTML in cells", () => {
    const out = markdown({ list: { asOf: "2026-11-23", within: 90, items: [tricky()] }, lang: "sv", color: false });
    const row = out.split("\n").find((l) => l.startsWith("| snart"));
    expect(row).toContain("A\\|B");
    expect(row).toContain("&lt;script&gt;");
    expect(row).not.toContain("\n");
  });
});

describe("html (e-mail body)", () => {
  it("is valid, self-contained, Swedish and escaped", async () => {
    const out = html({
      list: { asOf: "2026-11-23", within: 90, items: [...list.items, tricky()] },
      lang: "sv",
      color: false,
      groupBy: "spar",
    });
    expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(out).not.toMatch(/<script>|<img|<link|<style|src=|href=/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain('<th scope="col"');
    expect(out).toContain(">förfallen<");
    // Inline styles are the point of an e-mail body (mail clients drop style sheets).
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "no-inline-style": "off" } });
    const report = await validator.validateString(out);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe("ics", () => {
  const parse = (text: string): ICAL.Component => new ICAL.Component(ICAL.parse(text));

  it("parses with a real iCalendar parser: one all-day event per item, stable UIDs, alarms", () => {
    const out = ics({ list, lang: "sv", color: false });
    const cal = parse(out);
    const events = cal.getAllSubcomponents("vevent");
    expect(events.length).toBe(list.items.length);
    const rows = events.map((e) => {
      const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
      const end = e.getFirstPropertyValue("dtend") as ICAL.Time;
      const stamp = e.getFirstPropertyValue("dtstamp") as ICAL.Time;
      const alarm = e.getFirstSubcomponent("valarm");
      const trigger = alarm?.getFirstPropertyValue("trigger") as ICAL.Duration | undefined;
      return {
        uid: e.getFirstPropertyValue("uid"),
        start: start.toString(),
        allDay: start.isDate,
        end: end.toString(),
        stamp: stamp.toString(),
        summary: e.getFirstPropertyValue("summary"),
        action: alarm?.getFirstPropertyValue("action"),
        trigger: trigger?.toSeconds(),
      };
    });
    // Overdue items are shown today (test/due/ics-calendar.test.ts); their UIDs keep the due date.
    expect(rows.map((r) => `${r.uid} ${r.start} ${r.end}`)).toEqual([
      "overenskommelse-manadsskifte-follow-up-2026-10-31@samdok 2026-11-23 2026-11-24",
      "rutin-remiss-remiss-2026-11-20@samdok 2026-11-23 2026-11-24",
      "rutin-midnatt-revision-2026-11-24@samdok 2026-11-24 2026-11-25",
      "overenskommelse-manadsskifte-follow-up-2026-11-30@samdok 2026-11-30 2026-12-01",
      "overenskommelse-manadsskifte-revision-2027-01-31@samdok 2027-01-31 2027-02-01",
    ]);
    for (const r of rows) {
      expect(r.allDay).toBe(true);
      expect(r.stamp).toBe("2026-11-23T00:00:00Z");
    }
    // A reminder two weeks ahead only for what is still ahead.
    for (const r of rows.slice(2)) {
      expect(r.action).toBe("DISPLAY");
      expect(r.trigger).toBe(-14 * 86400);
    }
    expect(rows.slice(0, 2).map((r) => r.action)).toEqual([undefined, undefined]);
    expect(rows[2]?.summary).toBe("Revidera senast: Rutin som ska revideras den 24 november");
    expect(rows[1]?.summary).toBe("Förfallen sedan 20 november 2026: Remisstiden slutar: Rutin som är ute på remiss");
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//samdok//bevakning//SV");
  });

  it("is RFC 5545 text: CRLF, lines of at most 75 octets, VALUE=DATE, a valid trigger", () => {
    const out = ics({
      list: {
        asOf: "2026-11-23",
        within: 90,
        items: [tricky({ title: "Överenskommelse om ÅÄÖ åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö" })],
      },
      lang: "sv",
      color: false,
    });
    expect(out.endsWith("\r\n")).toBe(true);
    expect(out.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of out.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(out).toMatch(/^DTSTART;VALUE=DATE:20261201\r$/m);
    expect(out).toMatch(/^TRIGGER:-P14D\r$/m);
    const summary = parse(out).getFirstSubcomponent("vevent")?.getFirstPropertyValue("summary");
    expect(summary).toBe("Uppföljning: Överenskommelse om ÅÄÖ åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö åäö");
  });

  it("is reproducible and keeps UIDs unique when a document has two items on one day", () => {
    const items = [tricky(), tricky({ index: 2 })];
    const a = ics({ list: { asOf: "2026-11-23", within: 90, items }, lang: "sv", color: false });
    const b = ics({ list: { asOf: "2026-11-23", within: 90, items }, lang: "sv", color: false });
    expect(a).toBe(b);
    const uids = parse(a)
      .getAllSubcomponents("vevent")
      .map((e) => e.getFirstPropertyValue("uid"));
    expect(uids).toEqual(["rutin-svar-follow-up-2026-12-01@samdok", "rutin-svar-follow-up-2026-12-01-2@samdok"]);
  });

  it("folds on octets without splitting a character", () => {
    const line = `SUMMARY:${"å".repeat(100)}`;
    const folded = foldOctets(`${line}\r\n`);
    const parts = folded.split("\r\n");
    expect(parts.every((p) => new TextEncoder().encode(p).length <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`${line}\r\n`);
  });

  it("escapes text values as RFC 5545 TEXT, controls shown as symbols", () => {
    expect(icsText("a\r\nb\nc;d,e\\f\rg\u001b[2J\ud800")).toBe("a\\nb\\nc\\;d\\,e\\\\f\u240Dg\u241B[2J\uFFFD");
  });

  it("folds so that no line reads as a CI log command, and unfolds to the same text", () => {
    const title = `${"x".repeat(50)} ##[add-mask]hemlig ${"y".repeat(40)}    ::error file=a.md::b ${"z".repeat(45)}::warning::c`;
    const out = ics({ list: { asOf: "2026-11-23", within: 90, items: [tricky({ title })] }, lang: "sv", color: false });
    for (const line of out.split("\r\n")) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/##\[/);
      expect(line).not.toMatch(/^\s*::/);
    }
    expect(out).toMatch(/#\r\n #\[add-mask\]/);
    expect(parse(out).getFirstSubcomponent("vevent")?.getFirstPropertyValue("summary")).toBe(`Uppföljning: ${title}`);
    // Wherever `::` falls, a continuation line does not start with it.
    for (let n = 40; n < 60; n++) {
      const t = `${"a".repeat(n)}  ::add-mask::hemlig`;
      const folded = ics({ list: { asOf: "2026-11-23", within: 90, items: [tricky({ title: t })] }, lang: "sv", color: false });
      expect(folded.split("\r\n").filter((l) => /^\s*::/.test(l))).toEqual([]);
      expect(parse(folded).getFirstSubcomponent("vevent")?.getFirstPropertyValue("summary")).toBe(`Uppföljning: ${t}`);
    }
  });

  it("writes a calendar file with --output", async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "samdok-ics-"));
    try {
      const target = path.join(dir, "bevakning.ics");
      const r = await runCli(["due", DATES, "--format", "ics", "--within", "90d", "--output", target]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Skrev .*bevakning\.ics: 2 förfallna och 3 snart\./);
      expect(parse(readFileSync(target, "utf8")).getAllSubcomponents("vevent").length).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("table", () => {
  it("aligns columns, says the counts and uses no colour off a terminal", () => {
    const out = table({ list, lang: "sv", color: false });
    expect(out).not.toContain("\u001b[");
    const lines = out.split("\n");
    expect(lines[0]).toBe("Bevakning per 23 november 2026, 90 dagar framåt");
    expect(lines[2]).toMatch(/^Läge\s+Datum\s+Dagar\s+Vad\s+Ansvarig\s+Dokument$/);
    expect(lines[3]).toMatch(
      /^förfallen\s+2026-10-31\s+-23\s+uppföljning 3\s+Närvårdskoordinator\s+Överenskommelse som slutar gälla vid ett månadsskifte \(overenskommelse-manadsskifte\)$/,
    );
    expect(out.trimEnd().split("\n").pop()).toBe("2 förfallna och 3 snart.");
    const datesColumn = lines.slice(3, 8).map((l) => l.indexOf("20"));
    expect(new Set(datesColumn).size).toBe(1);
  });

  it("colours the state on a terminal and fits the width", async () => {
    const colored = table({ list, lang: "sv", color: true, columns: 100 });
    expect(colored).toContain("\u001b[31mförfallen");
    const r = await runCli(["due", DATES], { tty: true, env: { NO_COLOR: "1" } });
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("cuts a long title to the width without splitting an emoji", () => {
    // From 76 columns a few cells of the title fit beside the id (which is never cut: test/due/table-width.test.ts).
    for (let columns = 76; columns < 86; columns++) {
      const out = table({
        list: { asOf: "2026-11-23", within: 90, items: [tricky({ title: "😀".repeat(40), ownerName: "MAS" })] },
        lang: "sv",
        color: false,
        columns,
      });
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(out).toContain("😀… (rutin-svar)");
    }
  });

  it("says so when nothing is due", async () => {
    const r = await runCli(["due", DATES, "--as-of", "2026-06-01", "--within", "10"]);
    expect(r.stdout).toContain("Inget är förfallet eller förfaller inom perioden.");
  });

  it("speaks English with --lang en", async () => {
    const r = await runCli(["due", DATES, "--lang", "en"]);
    expect(r.stdout).toContain("Due as of 23 November 2026, 90 days ahead");
    expect(r.stdout).toContain("2 overdue and 3 due.");
  });
});
