import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, isSeq } from "yaml";
import { REPO, FIXTURES } from "../helpers/cli.js";
import { FrontMatterEditor, FrontMatterEditError } from "../../src/due/edit/front-matter-edit.js";

const RENDER = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false } as const;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : e.name.endsWith(".md") ? [path.join(dir, e.name)] : [],
  );
}

describe("FrontMatterEditor", () => {
  it("gives the same text as the yaml Document API wherever doc.toString() keeps the file as written", () => {
    // The sample sets and the due fixtures: for every front matter that
    // yaml's own writer reproduces byte for byte, the spliced edit must equal
    // setIn/add on the Document followed by toString().
    const files = [
      ...markdownFiles(path.join(REPO, "documents")),
      ...markdownFiles(path.join(FIXTURES, "due-dates")),
      ...markdownFiles(path.join(FIXTURES, "due-revise")),
    ];
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      let ed: FrontMatterEditor;
      try {
        ed = new FrontMatterEditor(text);
      } catch {
        continue;
      }
      if (ed.eol !== "\n" || ed.doc.toString(RENDER) !== ed.yaml) continue;
      const data = ed.data;
      if (typeof data.version !== "string" || typeof data.revideras_senast !== "string" || !Array.isArray(data.andringshistorik)) continue;
      const entry = { version: "9.1", datum: "2026-11-23", beskrivning: "En ändring: med kolon." };
      ed.setTopLevel("version", "9.1", []);
      ed.setTopLevel("revideras_senast", "2030-01-31", []);
      ed.appendToSeq("andringshistorik", entry);
      const spliced = new FrontMatterEditor(ed.result()).yaml;

      const doc = parseDocument(ed.yaml, { version: "1.2" });
      doc.setIn(["version"], "9.1");
      doc.setIn(["revideras_senast"], "2030-01-31");
      const seq = doc.get("andringshistorik", true);
      if (!isSeq(seq)) throw new Error("not a sequence");
      seq.add(doc.createNode(entry));
      expect(spliced, path.relative(REPO, file)).toBe(doc.toString(RENDER));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it("inserts a missing key after the named one, past a comment on its line", () => {
    const text = "---\nid: x\ngiltig_till: 2027-12-31   # slutdatum\nnyckelord: [a]\n---\nText\n";
    const ed = new FrontMatterEditor(text);
    ed.setTopLevel("revideras_senast", "2027-06-30", ["giltig_till"]);
    expect(ed.result()).toBe(
      "---\nid: x\ngiltig_till: 2027-12-31   # slutdatum\nrevideras_senast: 2027-06-30\nnyckelord: [a]\n---\nText\n",
    );
  });

  it("appends to flow sequences, also empty ones, and mimics the quoting of the item before", () => {
    const ed = new FrontMatterEditor("---\nandringshistorik: [{version: '1.0', datum: 2024-01-01, beskrivning: Start}]\nlista: []\n---\n");
    ed.appendToSeq("andringshistorik", { version: "1.1", datum: "2025-01-01", beskrivning: "Mer" });
    ed.appendToSeq("lista", { a: "b" });
    expect(ed.result()).toBe(
      "---\nandringshistorik: [{version: '1.0', datum: 2024-01-01, beskrivning: Start}, {version: '1.1', datum: 2025-01-01, beskrivning: Mer}]\nlista: [{a: b}]\n---\n",
    );
  });

  it("writes a value with line breaks on one double-quoted line", () => {
    const ed = new FrontMatterEditor("---\nuppfoljning:\n  - datum: 2026-01-01\n    resultat: gammalt\n---\n");
    ed.addToMap(["uppfoljning", 0], { resultat: "rad ett\nrad två", genomford: "2026-01-02" });
    expect(ed.result()).toBe(
      '---\nuppfoljning:\n  - datum: 2026-01-01\n    resultat: "rad ett\\nrad två"\n    genomford: 2026-01-02\n---\n',
    );
  });

  it("refuses a file without front matter", () => {
    expect(() => new FrontMatterEditor("# Bara text\n")).toThrow(FrontMatterEditError);
    expect(() => new FrontMatterEditor("---\nid: x\n")).toThrow(FrontMatterEditError);
  });

  it("checks its own work: a splice that changes the data is never returned", () => {
    const ed = new FrontMatterEditor('---\nid: x\nversion: "1.0"\n---\n');
    ed.setTopLevel("version", "1.1", []);
    // Simulate a faulty splice: it would change the id as well.
    (ed as unknown as { splices: { at: number; remove: number; insert: string }[] }).splices.push({ at: 4, remove: 1, insert: "y" });
    expect(() => ed.result()).toThrow(FrontMatterEditError);
  });
});
