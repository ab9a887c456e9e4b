/**
 * The `samdok due` table on a terminal of a given width (issue 17): the whole
 * width is used, the document's id is never cut (the title is shortened
 * first), and without a terminal (a pipe, a file) nothing is cut at all.
 */
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { table, displayWidth, documentCell, kindCell } from "../../src/due/list/format/table.js";
import type { DueItem, DueList } from "../../src/due/list/model.js";
import { NOW, REPO, TEST_CACHE_KEY_DIR } from "../helpers/cli.js";
import { DATES } from "./util.js";

const LONG_TITLE = "Rutin för läkemedel vid övergångar mellan vårdgivare i Sörmlands län";
const LONG_ID = "rutin-lakemedel-vid-overgangar";

function item(over: Partial<DueItem>): DueItem {
  return {
    id: "rutin-kort",
    file: "documents/rutin-kort.md",
    title: "Kort rutin",
    kind: "revision",
    date: "2026-03-31",
    state: "overdue",
    daysLeft: -237,
    owner: "mas",
    ownerName: "Medicinskt ansvarig sjuksköterska (MAS)",
    spar: "vard",
    sparName: "Vård",
    dokumenttyp: "rutin",
    status: "fastställd",
    set: "Test",
    ...over,
  };
}

const LIST: DueList = {
  asOf: "2026-11-23",
  within: 90,
  items: [
    item({ id: LONG_ID, title: LONG_TITLE }),
    item({
      id: "overenskommelse-trygg-hemgang",
      title: "Överenskommelse om trygg hemgång och effektiv samverkan",
      kind: "adoption",
      partyName: "Ljusnarsbergs kommun",
      ownerName: "Utvecklingsledare för rehabiliterande arbetssätt",
      state: "due",
      date: "2026-12-15",
      daysLeft: 22,
    }),
    item({ id: "rutin-kort", title: "Kort rutin", kind: "follow-up", index: 2 }),
  ],
};

/** The rows of the table (below the header line), without the heading and the count. */
function rows(text: string): string[] {
  return text.split("\n").filter((l) => /^(förfallen|snart) /.test(l));
}

/**
 * Every row keeps its id whole, and stays within the width unless even the id
 * alone is wider than the room left (then the cell is just "(id)").
 */
function expectFits(text: string, ids: readonly string[], columns: number): void {
  for (const id of ids) expect(text).toContain(`(${id})`);
  for (const line of rows(text)) {
    expect(line).toMatch(/\([a-z0-9-]+\)$/);
    if (displayWidth(line) > columns) expect(line).toMatch(/ {2}\([a-z0-9-]+\)$/);
  }
}

describe("the due table on a terminal", () => {
  it.each([120, 160, 200])("keeps every id whole and every line within %i columns", (columns) => {
    const text = table({ list: LIST, lang: "sv", color: false, columns });
    const lines = rows(text);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    expectFits(
      text,
      LIST.items.map((i) => i.id),
      columns,
    );
    // The header names the same columns at every width.
    expect(text).toMatch(/^Läge +Datum +Dagar +Vad +Ansvarig +Dokument$/m);
  });

  it.each([60, 80, 100])("keeps every id whole on a narrow terminal of %i columns", (columns) => {
    const text = table({ list: LIST, lang: "sv", color: false, columns });
    expect(rows(text)).toHaveLength(3);
    expectFits(
      text,
      LIST.items.map((i) => i.id),
      columns,
    );
  });

  it("shortens the title, not the id, and uses the width it is given", () => {
    const text = table({ list: LIST, lang: "sv", color: false, columns: 140 });
    const [line = "", party = ""] = rows(text);
    expect(line).toMatch(new RegExp(`  Rutin för läkemede… \\(${LONG_ID}\\)$`));
    // The title takes what is left: the line reaches the edge.
    expect(displayWidth(line)).toBe(140);
    // "Ansvarig" gave room; "Vad" with its party did not need to.
    expect(line).toContain("  Medicinskt ansv…  ");
    expect(party).toContain("  antagande saknas: Ljusnarsbergs kommun  ");
  });

  it("shows whole titles when the terminal is wide enough", () => {
    const text = table({ list: LIST, lang: "sv", color: false, columns: 250 });
    expect(text).toContain(`${LONG_TITLE} (${LONG_ID})`);
    expect(text).not.toContain("…");
  });

  it("on a narrow terminal lets Vad and Ansvarig give room before the title becomes unreadable", () => {
    const text = table({ list: LIST, lang: "sv", color: false, columns: 110 });
    const [first, second] = rows(text);
    expect(first).toMatch(/ {2}revidering {8}Medicinskt ansv… {2}Rutin för… \(rutin-lakemedel-vid-overgangar\)$/);
    // The party's name is kept before the kind's label.
    expect(second).toMatch(/ {2}Ljusnarsbergs k… {2}Utvecklingsleda… {2}Överenskomm… \(overenskommelse-trygg-hemgang\)$/);
    // Up to the edge (a space before the "…" is dropped).
    expect(displayWidth(first ?? "")).toBeGreaterThanOrEqual(109);
    expect(displayWidth(first ?? "")).toBeLessThanOrEqual(110);
  });

  it("never drops the id, even where no title fits: the cell is then the id alone", () => {
    const text = table({ list: LIST, lang: "sv", color: false, columns: 40 });
    for (const i of LIST.items) expect(text).toContain(`(${i.id})`);
    expect(rows(text)[0]).toMatch(new RegExp(`  \\(${LONG_ID}\\)$`));
  });

  it("cuts nothing without a width (output to a pipe or a file)", () => {
    const text = table({ list: LIST, lang: "sv", color: false });
    expect(text).toContain(`${LONG_TITLE} (${LONG_ID})`);
    expect(text).toContain("Utvecklingsledare för rehabiliterande arbetssätt");
    expect(text).not.toContain("…");
  });

  it("aligns columns by what a terminal shows, not by UTF-16 length", () => {
    // "ä" written as a + U+0308 is one cell; an emoji is two.
    const decomposed = item({ id: "rutin-a", title: "Ja\u0308mfo\u0308r", ownerName: "Ga\u0308st" });
    const emoji = item({ id: "rutin-b", title: "Rutin 🚑", ownerName: "Vän 🚑" });
    const text = table({ list: { ...LIST, items: [decomposed, emoji] }, lang: "sv", color: false, columns: 200 });
    const [a, b] = rows(text);
    expect(displayWidth("Ga\u0308st")).toBe(4);
    expect(displayWidth("Vän 🚑")).toBe(6);
    // Both document cells start in the same terminal column.
    const startOf = (line: string, title: string): number => displayWidth(line.slice(0, line.indexOf(title)));
    expect(startOf(a ?? "", "Ja\u0308mfo\u0308r")).toBe(startOf(b ?? "", "Rutin 🚑"));
  });

  it("documentCell keeps a short title whole and never cuts inside a grapheme", () => {
    expect(documentCell("Kort", "id-1", 40)).toBe("Kort (id-1)");
    expect(kindCell("antagande saknas", "Laxå kommun", 40)).toBe("antagande saknas: Laxå kommun");
    expect(kindCell("antagande saknas", "Laxå kommun", 20)).toBe("antaga…: Laxå kommun");
    expect(kindCell("revidering", undefined, 8)).toBe("revider…");
    expect(documentCell("Rutin 🚑🚑🚑🚑", "x", 14)).toBe("Rutin 🚑… (x)");
    expect(documentCell("Rutin för läkemedel", "rutin-lakemedel", 20)).toBe("(rutin-lakemedel)");
    expect(documentCell("Rutin för läkemedel", "rutin-lakemedel", 200)).toBe("Rutin för läkemedel (rutin-lakemedel)");
  });
});

/** `samdok due` and the summary of `samdok start`, in-process, with stdout as a terminal of `columns` or as a pipe. */
async function run(argv: string[], columns?: number): Promise<string> {
  let stdout = "";
  const io = {
    argv,
    cwd: REPO,
    now: NOW,
    env: { SAMDOK_CACHE_KEY_DIR: TEST_CACHE_KEY_DIR, NO_COLOR: "1" },
    stdout: { write: (s: string) => (stdout += s), isTTY: columns !== undefined, ...(columns !== undefined ? { columns } : {}) },
    stderr: { write: () => true, isTTY: false },
  };
  await main(io);
  return stdout;
}

describe("samdok due and samdok start pass the terminal's width", () => {
  it.each([100, 120, 160])("samdok due on a %i-column terminal keeps each id and uses the width", async (columns) => {
    const text = await run(["due", "documents", "--within", "400"], columns);
    const lines = rows(text);
    expect(lines.length).toBeGreaterThan(5);
    expectFits(text, [], columns);
    // Some title is shortened, and the longest line reaches the edge (or passes it only with an id alone).
    expect(text).toContain("…");
    expect(Math.max(...lines.map(displayWidth))).toBeGreaterThanOrEqual(columns);
    if (columns >= 120) for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
  });

  it("samdok due to a pipe cuts nothing", async () => {
    const text = await run(["due", "documents", "--within", "400"]);
    expect(rows(text).length).toBeGreaterThan(5);
    expect(text).not.toContain("…");
  });

  it("the summary of samdok start keeps each id on an 80-column terminal", async () => {
    const { dueSummary } = await import("../../src/cli/commands/due/run.js");
    let stdout = "";
    const io: Io = {
      cwd: REPO,
      stdout: { write: (s: string) => (stdout += s), isTTY: true, columns: 80 },
      stderr: { write: () => true },
      now: NOW,
      env: { NO_COLOR: "1" },
      lang: "sv",
    };
    await dueSummary(io, [DATES]);
    const lines = rows(stdout);
    expect(lines.length).toBeGreaterThan(0);
    expectFits(stdout, [], 80);
  });
});
