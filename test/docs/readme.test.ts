import { describe, expect, it } from "vitest";
import path from "node:path";
import { readFileSync } from "node:fs";
import { REPO } from "../helpers/cli.js";
import { readBlock } from "../../src/docs/readme-blocks.js";
import { rulesMarkdownTable } from "../../src/docs/rules-table.js";
import { fieldsMarkdownTable } from "../../src/docs/fields-table.js";
import { rules } from "../../src/rules/index.js";

const readme = readFileSync(path.join(REPO, "README.md"), "utf8");

describe("README.md", () => {
  it("opens with the two commands of a fresh clone", () => {
    const firstBlock = readme.slice(0, readme.indexOf("```", readme.indexOf("```") + 3));
    expect(firstBlock).toContain("npm ci && npm start");
    expect(firstBlock).toContain("npm ci && npm test");
  });

  it("the rules table matches the rule registry (run `npm run generate`)", () => {
    expect(readBlock(readme, "regler")).toBe(rulesMarkdownTable("sv"));
  });

  it("the fields table matches the schema (run `npm run generate`)", () => {
    expect(readBlock(readme, "falt")).toBe(fieldsMarkdownTable());
  });

  it("every rule has an id, a slug, Swedish and English texts, and a docs entry", () => {
    for (const r of rules) {
      expect(r.id).toMatch(/^SD\d{3}$/);
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.description.sv.length, r.id).toBeGreaterThan(10);
      expect(r.description.en.length, r.id).toBeGreaterThan(10);
      expect(readme).toContain(`| ${r.id} |`);
    }
  });
});
