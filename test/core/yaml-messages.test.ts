/**
 * YAML syntax errors said in Swedish with the fix (issue 17): each mistake a
 * person makes by hand gets a message that names the field and, where it can
 * be built, the line as it should be written; one mistake gives one message
 * (the parser's echoes are dropped); and no message shows the parser's own
 * English text. Typographic quotes are named, in a syntax error and in a
 * schema error alike.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter, type FrontMatterProblem } from "../../src/core/front-matter.js";
import { YAML_ERRORS, YAML_MISTAKES } from "../../src/messages/front-matter.js";
import { FIXTURES, located, validateJson } from "../helpers/cli.js";

/** The problems of a front matter made of `yaml` lines. */
function problems(yaml: string): FrontMatterProblem[] {
  const result = parseFrontMatter(`---\n${yaml}\n---\n\n# Rubrik\n`);
  if (result.ok) throw new Error("expected a problem");
  return result.problems;
}

/** The one problem of a front matter, checked to be the only one. */
function only(yaml: string): FrontMatterProblem {
  const found = problems(yaml);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0] as FrontMatterProblem;
}

/** Words of the yaml package's own messages, none of which may reach a reader. */
const PARSER_TEXT = /YAML:|at line|column \d|Nested mappings|Implicit|compact|Tabs are|token|Unexpected|must be|Missing/;

describe("YAML syntax errors in Swedish, with the fix", () => {
  it("a colon inside a value: the field named, the line given in quotes", () => {
    const p = only("id: rutin-a\ntitel: Rutin: läkemedel vid övergång\nstatus: utkast");
    expect([p.ruleId, p.line, p.column]).toEqual(["SD003", 3, 8]);
    expect(p.message.sv).toBe(
      "Värdet i `titel` innehåller kolon följt av mellanslag (`: `), och då läser YAML resten av raden som ett nytt fält. " +
        'Sätt hela värdet inom raka citattecken: `titel: "Rutin: läkemedel vid övergång"`',
    );
    expect(p.message.en).toContain('Put the whole value in straight quotes: `titel: "Rutin: läkemedel vid övergång"`');
  });

  it("a colon in a list entry's value, with double quotes and a comment in it", () => {
    const p = only('andringshistorik:\n  - version: "1.0"\n    beskrivning: Ändrat: "ny" rubrik # se bilaga');
    expect(p.line).toBe(4);
    expect(p.message.sv).toContain("`    beskrivning: 'Ändrat: \"ny\" rubrik' # se bilaga`");
  });

  it("a colon after a quoted value (a flow-like line): says to quote, without a wrong example", () => {
    const p = only('andringshistorik:\n  - version: "3.1", datum: 2026-12-02, beskrivning: Ny rad');
    expect(p.line).toBe(3);
    expect(p.message).toEqual(YAML_MISTAKES.colonInValueNoExample);
  });

  it("one tab gives one message, at the tab, saying to use spaces", () => {
    const p = only('id: a\nandringshistorik:\n  - version: "1.0"\n\tdatum: 2026-01-01\n    beskrivning: x\ntitel: b');
    expect([p.line, p.column]).toEqual([5, 1]);
    expect(p.message).toEqual(YAML_MISTAKES.tabIndent);
    expect(p.message.sv).toMatch(/ersätt tabben med mellanslag/);
  });

  it("a tab after spaces (which the parser calls bad indentation) is named as a tab, at its column", () => {
    const p = only('id: a\nandringshistorik:\n  - version: "1.0"\n  \tdatum: 2026-01-01\n    beskrivning: x');
    expect([p.line, p.column]).toEqual([5, 3]);
    expect(p.message).toEqual(YAML_MISTAKES.tabIndent);
  });

  it("typographic quotes that break the syntax are named, and the line given with straight quotes", () => {
    const p = only("id: a\ntitel: ”Rutin: läkemedel”");
    expect(p.line).toBe(3);
    expect(p.message.sv).toContain("typografiska citattecken (”)");
    expect(p.message.sv).toContain('`titel: "Rutin: läkemedel"`');
  });

  it("a list begun on the key's line", () => {
    const p = only("id: a\nparter: - region-04");
    expect(p.line).toBe(3);
    expect(p.message.sv).toContain("En lista kan inte börja på samma rad som fältet `parter`");
  });

  it("a [ never closed points at the bracket", () => {
    const p = only('id: a\nparter: ["region-04", "0480"\ntitel: b');
    expect([p.line, p.column]).toEqual([3, 9]);
    expect(p.message.sv).toContain("börjar med `[` avslutas aldrig med `]`");
  });

  it("a field indented under a plain value", () => {
    const p = only("id: a\n  titel: b");
    expect(p.line).toBe(3);
    expect(p.message).toEqual(YAML_MISTAKES.uneven);
  });

  it("a line without a colon", () => {
    const p = only("id: a\ntitel Rutin\nstatus: utkast");
    expect(p.line).toBe(3);
    expect(p.message).toEqual(YAML_MISTAKES.noColon);
  });

  it("a value starting with a reserved character", () => {
    const p = only("id: a\nkontakt: @region");
    expect(p.message.sv).toContain("kan inte börja med `@`");
    expect(p.message.sv).toContain('`kontakt: "@region"`');
  });

  it("each duplicate key is named", () => {
    const found = problems("id: a\ntitel: b\nid: c\ntitel: d");
    expect(found.map((p) => [p.line, p.message.sv])).toEqual([
      [4, "Fältet `id` förekommer två gånger i YAML-huvudet. Ta bort den ena raden så att bara ett värde gäller."],
      [5, "Fältet `titel` förekommer två gånger i YAML-huvudet. Ta bort den ena raden så att bara ett värde gäller."],
    ]);
  });

  it("a bad escape in double quotes", () => {
    const p = only('id: a\ntitel: "C:\\q"');
    expect(p.message).toEqual(YAML_ERRORS.BAD_DQ_ESCAPE);
  });

  it("an unclosed quote still points at the quote that was opened", () => {
    const p = only('id: a\ntitel: "Rutin\nstatus: utkast');
    expect([p.line, p.column]).toEqual([3, 8]);
    expect(p.message.sv).toMatch(/citattecknet stängs aldrig/);
  });

  it("no message shows the parser's English text, in either language", () => {
    const cases = [
      "id: a\ntitel: Rutin: x",
      "id: a\n\ttitel: x",
      "id: a\nid: b",
      "id: a\n]",
      "id: [a, b\ntitel: x",
      "id: {a: b\n",
      "id: @x",
      "id: a\ntitel x\nb: c",
      "id: a\n- x",
      'id: "a\\q"',
      "titel: {a: b: c}",
      "parter: - a",
      "a: &x b\nc: *y",
      "a: &x &y b",
    ];
    for (const yaml of cases) {
      for (const p of problems(yaml)) {
        expect(p.message.sv, yaml).not.toMatch(PARSER_TEXT);
        expect(p.message.en, yaml).not.toMatch(/YAML:|at line|column \d|Nested mappings|Implicit keys|compact mappings/);
      }
    }
  });

  it("every YAML error code has a message that says what to do, without the parser's text", () => {
    for (const [code, template] of Object.entries(YAML_ERRORS)) {
      expect(template.sv, code).not.toMatch(/\{detail\}|YAML:/);
      expect(template.sv.length, code).toBeGreaterThan(40);
    }
  });
});

describe("YAML messages in a run (fixtures)", () => {
  const fx = (name: string): string => path.join(FIXTURES, name);

  it("bad-yaml-colon: one SD003 at the value, with the corrected line", async () => {
    const { code, report } = await validateJson([fx("bad-yaml-colon")]);
    expect(code).toBe(1);
    expect(located(report).map((l) => l.split("/").pop())).toEqual(["rutin-kolon.md:23:18 SD003"]);
    expect(report.results[0]?.diagnostics[0]?.message).toContain('`    beskrivning: "Ändrat: nya kontaktvägar till kommunen"`');
  });

  it("bad-yaml-tab-cascade: one tab, one message", async () => {
    const { code, report } = await validateJson([fx("bad-yaml-tab-cascade")]);
    expect(code).toBe(1);
    expect(located(report).map((l) => l.split("/").pop())).toEqual(["rutin-tabb.md:22:1 SD003"]);
    expect(report.results[0]?.diagnostics[0]?.message).toMatch(/^Tabbtecken används som indrag/);
  });

  it("bad-yaml-typographic-quotes: the schema message names the quotes and gives the line", async () => {
    const { code, report } = await validateJson([fx("bad-yaml-typographic-quotes")]);
    expect(code).toBe(1);
    const diagnostics = report.results[0]?.diagnostics ?? [];
    const version = diagnostics.find((d) => d.ruleId === "SD005" && d.line === 6);
    expect(version?.message).toContain('har värdet "”1.1”", som har fel form');
    expect(version?.message).toContain(
      'Värdet står inom typografiska citattecken (”), som YAML läser som en del av texten. Använd raka citattecken ("): `version: "1.1"`.',
    );
  });

  it("in English, too", async () => {
    const { report } = await validateJson([fx("bad-yaml-typographic-quotes")], { extra: ["--lang", "en"] });
    const version = report.results[0]?.diagnostics.find((d) => d.ruleId === "SD005" && d.line === 6);
    expect(version?.message).toContain('Use straight quotes ("): `version: "1.1"`.');
  });
});
