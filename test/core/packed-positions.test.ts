import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO } from "../helpers/cli.js";
import { parseFrontMatter } from "../../src/core/front-matter.js";
import { normalizeText } from "../../src/core/read.js";
import { locatePacked, packPositions, unpackPositions } from "../../src/core/pipeline/packed-positions.js";
import { locate } from "../../src/core/schema-explain.js";

describe("packed positions", () => {
  it("round-trip every sample document exactly", () => {
    let n = 0;
    for (const set of ["sormland", "orebro"]) {
      const dir = path.join(REPO, "documents", set);
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".md"))) {
        const split = parseFrontMatter(normalizeText(readFileSync(path.join(dir, f), "utf8")));
        if (!split.ok) throw new Error(f);
        const packed = packPositions(split.value.data, split.value.positions);
        expect(packed, f).toBeTypeOf("string");
        expect(unpackPositions(split.value.data, packed ?? ""), f).toEqual(split.value.positions);
        expect((packed ?? "").length, f).toBeLessThan(JSON.stringify(split.value.positions).length / 2);
        n++;
      }
    }
    expect(n).toBeGreaterThan(19);
  });

  it("locate a pointer straight from the packed form exactly as in the unpacked map", () => {
    let checked = 0;
    for (const set of ["sormland", "orebro"]) {
      const dir = path.join(REPO, "documents", set);
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".md"))) {
        const split = parseFrontMatter(normalizeText(readFileSync(path.join(dir, f), "utf8")));
        if (!split.ok) throw new Error(f);
        const { data, positions } = split.value;
        const packed = packPositions(data, positions) ?? "";
        // Every pointer there is, plus pointers that are not there (their nearest ancestor is found).
        const pointers = [...Object.keys(positions), "/saknas", "/parter/99", "/antaganden/0/saknas", "/uppfoljning/0/datum/x", "/a~1b"];
        for (const pointer of pointers) {
          for (const preferKey of [false, true]) {
            expect(locatePacked(data, packed, pointer, preferKey), `${f} ${pointer}`).toEqual(locate(positions, pointer, preferKey));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("refuses what it cannot pack faithfully: index-like keys and aliases", () => {
    for (const text of ["---\nid: abc\n2024: x\n---\n", "---\na: &x [1, 2]\nb: *x\n---\n"]) {
      const split = parseFrontMatter(text);
      if (!split.ok) throw new Error(text);
      expect(packPositions(split.value.data, split.value.positions), text).toBeUndefined();
    }
  });
});
