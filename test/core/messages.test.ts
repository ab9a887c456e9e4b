/**
 * The message templates of src/messages/: every template of every module has
 * a Swedish and an English text, neither empty, with the same placeholders,
 * so that a translation cannot drop (or invent) a value. The modules are
 * found by listing the folder, so a new one is checked without being named
 * here.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fill, fillIn, PLACEHOLDER } from "../../src/messages/template.js";

const DIR = new URL("../../src/messages/", import.meta.url);
const modules = readdirSync(DIR)
  .filter((name) => name.endsWith(".ts"))
  .sort();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The placeholder names of a text, each once, sorted. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))].sort();
}

/** Every exported table of a module (a plain object of templates) → its entries. */
async function tables(file: string): Promise<[string, Record<string, unknown>][]> {
  const exported = (await import(new URL(file, DIR).href)) as Record<string, unknown>;
  return Object.entries(exported).filter((entry): entry is [string, Record<string, unknown>] => isPlainObject(entry[1]));
}

describe("message templates (src/messages/)", () => {
  it("finds the modules", () => {
    expect(modules).toEqual(expect.arrayContaining(["front-matter.ts", "limits.ts", "read.ts", "schema.ts", "template.ts"]));
  });

  for (const file of modules.filter((name) => name !== "template.ts")) {
    describe(file, () => {
      it("exports its templates as tables", async () => {
        expect((await tables(file)).length).toBeGreaterThan(0);
      });

      it("has every template in Swedish and English, not empty, with the same placeholders", async () => {
        let count = 0;
        for (const [table, entries] of await tables(file)) {
          for (const [key, template] of Object.entries(entries)) {
            const where = `${file} ${table}.${key}`;
            expect(isPlainObject(template), where).toBe(true);
            const { sv, en } = template as { sv?: unknown; en?: unknown };
            expect(typeof sv, `${where}.sv`).toBe("string");
            expect(typeof en, `${where}.en`).toBe("string");
            expect((sv as string).trim(), `${where}.sv`).not.toBe("");
            expect((en as string).trim(), `${where}.en`).not.toBe("");
            expect(placeholders(en as string), `${where}: the placeholders of en and sv`).toEqual(placeholders(sv as string));
            // A brace that is not part of a placeholder is a misspelt one (`{field` or `{ field }`): fill would leave it as it is.
            for (const text of [sv as string, en as string]) expect(text.replace(PLACEHOLDER, ""), where).not.toMatch(/[{}]/);
            count++;
          }
        }
        expect(count).toBeGreaterThan(0);
      });
    });
  }
});

describe("fill", () => {
  const template = { sv: "{field} har värdet {value} ({value}).", en: "{field} is {value} ({value})." } as const;

  it("fills every placeholder, a value in both languages by language", () => {
    expect(fill(template, { field: { sv: "`titel` (Titel)", en: "`titel` (Title)" }, value: 3 })).toEqual({
      sv: "`titel` (Titel) har värdet 3 (3).",
      en: "`titel` (Title) is 3 (3).",
    });
    expect(fillIn(template, "en", { field: "`x`", value: "y" })).toBe("`x` is y (y).");
  });

  it("fills in one pass: a value that looks like a placeholder, or like a replacement pattern, is kept as written", () => {
    expect(fillIn(template, "sv", { field: "{value}", value: "$& $1 {field}" })).toBe("{value} har värdet $& $1 {field} ($& $1 {field}).");
  });

  it("gives a template without placeholders as it is, as a new object", () => {
    const plain = { sv: "Filen är tom.", en: "The file is empty." } as const;
    expect(fill(plain)).toEqual(plain);
    expect(fill(plain)).not.toBe(plain);
  });
});
