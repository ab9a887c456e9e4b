/**
 * The editor operations the lifecycle commands added to FrontMatterEditor:
 * removing a key with its whole value, setting several keys in the schema's
 * order, replacing a value of another shape, appending scalars and nested
 * items. Each keeps every byte it does not have to change.
 */
import { describe, expect, it } from "vitest";
import { FrontMatterEditor, FrontMatterEditError } from "../../src/due/edit/front-matter-edit.js";
import { KEY_ORDER } from "../../src/due/edit/lifecycle-common.js";

const fm = (...lines: string[]): string => ["---", ...lines, "---", "", "Text."].join("\n");

describe("FrontMatterEditor for the lifecycle steps", () => {
  it("removes a key with its block value and the comment on its last line; comment lines around it stay", () => {
    const ed = new FrontMatterEditor(
      fm(
        "id: x",
        "# om remissen",
        "remiss:",
        "  fran: 2026-01-01",
        "  # inne i blocket",
        "  svar:",
        "    - part: a   # svar",
        "# efter",
        "slut: 1",
      ),
    );
    ed.removeTopLevel("remiss");
    ed.removeTopLevel("saknas");
    expect(ed.result()).toBe(fm("id: x", "# om remissen", "# efter", "slut: 1"));
  });

  it("a key inserted where another is removed lands in its place, in the order given, also with CRLF", () => {
    const text = fm("id: x", "status: remiss", "dokumentansvarig: mas", "remiss: {fran: 2026-01-01, till: 2026-02-01}", "nyckelord: [a]")
      .split("\n")
      .join("\r\n");
    const ed = new FrontMatterEditor(text);
    // The insertion is asked for first: the removal must still take the original lines only.
    ed.setTopLevelKeys(
      { giltig_fran: "2026-03-01", faststalld_datum: "2026-02-10", status: "fastställd", faststalld_av: ["a", "b"] },
      KEY_ORDER,
    );
    ed.removeTopLevel("remiss");
    expect(ed.result()).toBe(
      fm(
        "id: x",
        "status: fastställd",
        "dokumentansvarig: mas",
        "faststalld_av:",
        "  - a",
        "  - b",
        "faststalld_datum: 2026-02-10",
        "giltig_fran: 2026-03-01",
        "nyckelord: [a]",
      )
        .split("\n")
        .join("\r\n"),
    );
  });

  it("replaces a value of another shape in its place, and puts a key missing from the order last", () => {
    const ed = new FrontMatterEditor(fm("id: x", "faststalld_av: nsv   # ett organ", "giltig_fran: 2026-01-01", "nyckelord: [a]"));
    ed.setTopLevelKeys({ faststalld_av: ["nsv", "lsg"], okand: "z" }, KEY_ORDER);
    expect(ed.result()).toBe(fm("id: x", "faststalld_av:", "  - nsv", "  - lsg", "giltig_fran: 2026-01-01", "nyckelord: [a]", "okand: z"));
  });

  it("appends scalars to nested lists, block and flow, with the quoting of the item before; creates a missing list in its map", () => {
    const ed = new FrontMatterEditor(fm("remiss:", "  instanser:", '    - "0480"', "  fran: 2026-01-01", "andra: {lista: ['a']}"));
    ed.appendToSeqAt(["remiss", "instanser"], "region-04");
    ed.appendToSeqAt(["andra", "lista"], "b");
    ed.appendToSeqAt(["remiss", "svar"], { part: "0480", datum: "2026-01-10", standpunkt: "tillstyrker" });
    expect(ed.result()).toBe(
      fm(
        "remiss:",
        "  instanser:",
        '    - "0480"',
        '    - "region-04"',
        "  fran: 2026-01-01",
        "  svar:",
        '    - part: "0480"',
        "      datum: 2026-01-10",
        "      standpunkt: tillstyrker",
        "andra: {lista: ['a', 'b']}",
      ),
    );
  });

  it("sets a boolean in place, and refuses to remove a key it cannot take out line by line", () => {
    const ed = new FrontMatterEditor(fm("andringshistorik:", "  - version: '1.0'", "    redaktionell: false"));
    ed.setScalar(["andringshistorik", 0, "redaktionell"], true);
    expect(ed.result()).toBe(fm("andringshistorik:", "  - version: '1.0'", "    redaktionell: true"));
    const flow = new FrontMatterEditor(fm("{id: x, remiss: {fran: 2026-01-01}}"));
    expect(() => flow.removeTopLevel("remiss")).toThrow(FrontMatterEditError);
  });
});
