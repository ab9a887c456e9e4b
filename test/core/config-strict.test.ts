/**
 * samdok.config.json is strict JSON, read only from a regular file of at most
 * 1 MB, and every rule it names exists. Each attack is a fixture (or, for what
 * git cannot store, made by the test), asserted to fail with a located message
 * and exit 2, and asserted to pass once repaired.
 */
import { afterEach, describe, expect, it } from "vitest";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { LineCounter, parseDocument, parse as parseYaml } from "yaml";
import { positionsOf } from "../../src/core/front-matter.js";
import { FIXTURES, REPO, runCli, type CliResult } from "../helpers/cli.js";
import { ConfigError, MAX_CONFIG_BYTES, clearConfigCache, findConfigPath, loadConfig } from "../../src/core/config.js";
import { MAX_JSON_DEPTH, looksLikeYaml, parseStrictJson } from "../../src/core/strict-json.js";

const fx = (name: string): string => path.join(FIXTURES, name);
const CONFIG = "samdok.config.json";
const VALID = readFileSync(path.join(fx("valid-minimal"), CONFIG), "utf8");
const DOCUMENT = path.join(fx("valid-minimal"), "rutin-utskrivning.md");

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  clearConfigCache();
});

/** A fresh folder with the fixture's files (or the valid document only). */
function tempSet(fixture?: string | null): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-config-"));
  temps.push(dir);
  if (fixture) cpSync(fx(fixture), dir, { recursive: true });
  else if (fixture === undefined) copyFileSync(DOCUMENT, path.join(dir, "rutin-utskrivning.md"));
  return dir;
}

const validate = (dir: string, extra: string[] = []): Promise<CliResult> => runCli(["validate", dir, "--no-cache", ...extra]);

/** Exit 2, the file and line:column named, the explanation given, no stack trace. */
function expectConfigError(r: CliResult, at: string, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/samdok\.config\.json/);
  expect(r.stderr).toMatch(new RegExp(`^\\s+${at}\\s+(fel|error)\\s`, "m"));
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/SD010/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/RangeError|TypeError|SyntaxError/);
}

describe("the configuration is strict JSON", () => {
  const cases: [scenario: string, at: string, message: RegExp, repair: (text: Buffer) => string][] = [
    ["config-yaml", "2:1", /samdok\.config\.json ska vara JSON, inte YAML/, (b) => JSON.stringify(parseYaml(b.toString("utf8")), null, 2)],
    [
      "config-trailing-comma",
      "25:36",
      /Kommatecken efter sista värdet är inte tillåtet i JSON/,
      (b) => b.toString("utf8").replace(/},\n}/, "}\n}"),
    ],
    ["config-not-utf8", "4:52", /inte sparad som UTF-8 \(byte 0xF6 på rad 4/, (b) => b.toString("latin1")],
    [
      "config-duplicate-key",
      "25:3",
      /"namn" förekommer två gånger i samma objekt \(första gången på rad 3\)/,
      (b) => b.toString("utf8").replace('  "namn": "Annan samling",\n', ""),
    ],
    ["config-alias-bomb", "1:1", /ska vara JSON, inte YAML/, () => VALID],
    [
      "config-unknown-rule",
      "26:31",
      /Det finns ingen regel "fillankr" under "regler"\. Menade du "fillankar" \(SD134\)\?/,
      (b) => b.toString("utf8").replace('"fillankr"', '"fillankar"').replace('"SD999"', '"SD109"'),
    ],
  ];
  for (const [scenario, at, message, repair] of cases) {
    it(`${scenario}: exit 2 at ${at}, and exit 0 once repaired`, async () => {
      expectConfigError(await validate(fx(scenario)), at, message);
      const dir = tempSet(scenario);
      writeFileSync(path.join(dir, CONFIG), repair(readFileSync(path.join(dir, CONFIG))));
      const fixed = await validate(dir);
      expect(fixed.stderr).toBe("");
      expect(fixed.code).toBe(0);
    });
  }

  it("reports the unknown rule id too, with the ids that exist", async () => {
    const r = await validate(fx("config-unknown-rule"));
    expect(r.stderr).toMatch(/^\s+26:50\s+fel\s+Det finns ingen regel "SD999" under "regler"\. Reglernas id är SD001–SD010, SD101–/m);
    // SD999 is not a typo of any id: no "Menade du" for it.
    expect(r.stderr).not.toMatch(/"SD999"[^\n]*Menade du/);
  });

  it("explains in English with --lang en", async () => {
    const r = await validate(fx("config-trailing-comma"), ["--lang", "en"]);
    expectConfigError(r, "25:36", /A comma after the last value is not allowed in JSON/);
    const y = await validate(fx("config-yaml"), ["--lang", "en"]);
    expectConfigError(y, "2:1", /samdok\.config\.json must be JSON, not YAML/);
  });

  it("never expands the alias bomb", async () => {
    const started = Date.now();
    expectConfigError(await validate(fx("config-alias-bomb")), "1:1", /JSON, inte YAML/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("accepts a BOM and CRLF line ends, with the same positions", async () => {
    const dir = tempSet();
    writeFileSync(path.join(dir, CONFIG), `\uFEFF${VALID.replace(/\n/g, "\r\n")}`);
    expect((await validate(dir)).code).toBe(0);
    const wrong = VALID.replace('"lanskod": "04"', '"lanskod": 4');
    const column = (wrong.split("\n")[3] as string).indexOf("4 }") + 1;
    for (const text of [wrong, `\uFEFF${wrong.replace(/\n/g, "\r\n")}`]) {
      clearConfigCache();
      writeFileSync(path.join(dir, CONFIG), text);
      expectConfigError(await validate(dir), `4:${column}`, /`lanskod` \(Länskod\) ska vara text, men är ett tal/);
    }
  });

  it("refuses a configuration nested 100 000 levels deep with a message (exit 2)", async () => {
    const dir = tempSet();
    writeFileSync(path.join(dir, CONFIG), `{"region": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    const r = await validate(dir);
    expectConfigError(r, `1:${12 + MAX_JSON_DEPTH - 1}`, new RegExp(`nästlad i mer än ${MAX_JSON_DEPTH} nivåer`));
  });

  it("refuses a configuration over 1 MB without parsing it, and reads one just under", async () => {
    const dir = tempSet();
    const padded = (size: number): string => VALID + " ".repeat(size - Buffer.byteLength(VALID));
    writeFileSync(path.join(dir, CONFIG), padded(MAX_CONFIG_BYTES + 1000));
    expectConfigError(
      await validate(dir),
      "1:1",
      /samdok\.config\.json är 1,0 MB\. En konfiguration är normalt några kB och samdok läser högst 1 MB/,
    );
    clearConfigCache();
    writeFileSync(path.join(dir, CONFIG), padded(MAX_CONFIG_BYTES - 1000));
    expect((await validate(dir)).code).toBe(0);
  });
});

describe("only a regular file is read", () => {
  it.skipIf(process.platform === "win32")("refuses a FIFO named samdok.config.json at once instead of hanging", async () => {
    const dir = tempSet();
    execFileSync("mkfifo", [path.join(dir, CONFIG)]);
    const started = Date.now();
    expectConfigError(await validate(dir), "1:1", /är en specialfil \(till exempel en namngiven pipe/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses a folder named samdok.config.json instead of using the configuration above it", async () => {
    const parent = tempSet(null);
    writeFileSync(path.join(parent, CONFIG), VALID);
    const set = path.join(parent, "samling");
    mkdirSync(path.join(set, CONFIG), { recursive: true });
    copyFileSync(DOCUMENT, path.join(set, "rutin-utskrivning.md"));
    expect(findConfigPath(set)).toBe(path.join(set, CONFIG));
    expectConfigError(await validate(set), "1:1", /samling\/samdok\.config\.json är en mapp, inte en vanlig fil/);
    // Without the folder, the configuration above is the set's, as before.
    rmSync(path.join(set, CONFIG), { recursive: true });
    expect(findConfigPath(set)).toBe(path.join(parent, CONFIG));
    expect((await validate(set)).code).toBe(0);
  });

  it.skipIf(process.platform !== "linux")("refuses a symbolic link to /proc/self/environ", async () => {
    const dir = tempSet();
    symlinkSync("/proc/self/environ", path.join(dir, CONFIG));
    const r = await validate(dir);
    expectConfigError(r, "1:1", /är en systemfil, inte en vanlig fil/);
    // A link to a regular configuration is still read.
    rmSync(path.join(dir, CONFIG));
    symlinkSync(path.join(fx("valid-minimal"), CONFIG), path.join(dir, CONFIG));
    expect((await validate(dir)).code).toBe(0);
  });

  it("reports a broken symbolic link, not the configuration above it", async () => {
    const dir = tempSet();
    symlinkSync(path.join(dir, "finns-inte.json"), path.join(dir, CONFIG));
    expectConfigError(await validate(dir), "1:1", /går inte att öppna: filen finns inte/);
  });
});

describe("rule settings", () => {
  const withRules = (regler: Record<string, string>): ConfigError | undefined => {
    const dir = tempSet();
    writeFileSync(path.join(dir, CONFIG), VALID.replace(/\n}\s*$/, `,\n  "regler": ${JSON.stringify(regler)}\n}\n`));
    clearConfigCache();
    try {
      loadConfig(path.join(dir, CONFIG), dir, "sv");
      return undefined;
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
  };

  it("accepts rules by id and by name", () => {
    expect(withRules({ SD108: "off", filnamn: "error", "granskning-utan-andring": "warning" })).toBeUndefined();
  });

  it("suggests the id for a slip of case, located at the key", () => {
    const error = withRules({ sd134: "off" });
    expect(error?.diagnostics).toEqual([
      expect.objectContaining({
        line: 26,
        column: 14,
        ruleId: "SD010",
        message: expect.stringMatching(/ingen regel "sd134".*Menade du "SD134" \(fillankar\)\?/),
      }),
    ]);
  });

  it("refuses to change a rule that cannot be changed", () => {
    const error = withRules({ SD010: "off" });
    expect(error?.diagnostics[0]?.message).toMatch(/Regeln SD010 \(konfiguration\) går inte att ändra/);
  });

  it("refuses one rule given by id and name with different levels", () => {
    expect(withRules({ SD134: "off", fillankar: "off" })).toBeUndefined();
    const error = withRules({ SD134: "off", fillankar: "error" });
    expect(error?.diagnostics[0]?.message).toMatch(/SD134 och fillankar är samma regel men har olika nivåer \(off och error\)/);
  });

  it("still reports schema errors in regler at their place", () => {
    const error = withRules({ SD108: "warn" });
    expect(error?.diagnostics).toHaveLength(1);
    // `  "regler": {"SD108":"warn"}`: the value "warn" starts in column 22.
    expect(error?.diagnostics[0]).toMatchObject({ line: 26, column: 22, message: expect.stringMatching(/off|warning|error/) });
  });
});

describe("every configuration in the repository still loads", () => {
  const configs: string[] = [];
  for (const base of [path.join(REPO, "documents"), FIXTURES]) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        // config-* fixtures are broken configurations on purpose.
        else if (entry.name === CONFIG && !path.basename(dir).startsWith("config-")) configs.push(p);
      }
    };
    walk(base);
  }
  it("finds the configurations", () => {
    expect(configs.length).toBeGreaterThan(20);
    expect(configs.some((c) => c.includes(`${path.sep}documents${path.sep}`))).toBe(true);
  });
  for (const config of configs) {
    it(path.relative(REPO, config), () => {
      const loaded = loadConfig(config, REPO, "sv");
      // The strict parser reads the same values as JSON.parse.
      expect(loaded.config).toEqual(JSON.parse(readFileSync(config, "utf8").replace(/^\uFEFF/, "")));
    });
  }
});

describe("parseStrictJson", () => {
  const problem = (text: string): string => {
    const r = parseStrictJson(text);
    if (r.ok) throw new Error(`accepted: ${text}`);
    return `${r.problem.line}:${r.problem.column} ${r.problem.message.sv}`;
  };

  it.each([
    ['{"a": 1,}', /^1:8 Kommatecken efter sista värdet/],
    ["[1, 2,\n]", /^1:6 Kommatecken efter sista värdet/],
    ['{"a": 1 // kommentar\n}', /^1:9 Kommentarer är inte tillåtna/],
    ["{'a': 1}", /^1:2 Text skrivs inom dubbla citattecken \("\) i JSON, inte enkla/],
    ["{a: 1}", /^1:2 Namnet ska stå inom dubbla citattecken i JSON: "a"/],
    ['{"a": 1\n "b": 2}', /^2:2 Kommatecken saknas före detta namn/],
    ["[1 2]", /^1:4 Kommatecken saknas före detta värde/],
    ['{"a" 1}', /^1:6 Kolon \(:\) saknas efter "a"/],
    ['{"a": True}', /^1:7 True är inte ett värde i JSON/],
    ['{"a": NaN}', /^1:7 NaN finns inte i JSON/],
    ['{"a": 04}', /^1:7 Talet 04 är inte giltigt i JSON: ett tal får inte börja med 0/],
    ['{"a": "rad ett\nrad två"}', /^1:7 Citattecknet som börjar här stängs inte på samma rad/],
    ['{"a": "C:\\mappar"}', /^1:10 Ogiltig kombination \\m/],
    ['{"a": [1, 2}', /^1:12 Oväntat tecken "}"\. Här väntades , eller \]/],
    ['{"a": {"b": 1}', /^1:15 Filen tar slut innan objektet som börjar på rad 1, kolumn 1 stängs med }/],
    ['{"a": 1}}', /^1:9 Text efter JSON-värdets slut/],
    ['{"a": \u201dx\u201d}', /^1:7 Typografiska citattecken/],
    ['{"a": &x 1}', /^1:7 Ankare och alias/],
    ["   \n ", /^1:1 Filen är tom/],
    ['"region": {"kod": "region-04"}', /^1:1 Hela konfigurationen ska stå inom klamrar/],
    ['{"a": 1, "b": 2, "a": 3}', /^1:18 "a" förekommer två gånger i samma objekt \(första gången på rad 1\)/],
  ])("%j → %s", (text, expected) => {
    expect(problem(text)).toMatch(expected);
  });

  it("tells YAML from JSON without its braces", () => {
    expect(looksLikeYaml("# kommentar\n\nregion:\n  kod: region-04\n")).toBe(3);
    expect(looksLikeYaml("---\nregion: {}\n")).toBe(1);
    expect(looksLikeYaml("- a\n")).toBe(1);
    expect(looksLikeYaml('"region": {"kod": "region-04"}')).toBeUndefined();
    expect(looksLikeYaml('{"region": {"kod": "region-04"},}')).toBeUndefined();
  });

  it("allows the same key in different objects", () => {
    expect(parseStrictJson('[{"a": 1}, {"a": 2}]')).toMatchObject({ ok: true, value: [{ a: 1 }, { a: 2 }] });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    const nested = (k: number): string => "[".repeat(k) + "]".repeat(k);
    expect(parseStrictJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(problem(nested(MAX_JSON_DEPTH + 1))).toMatch(
      new RegExp(`^1:${MAX_JSON_DEPTH + 1} Konfigurationen är nästlad i mer än ${MAX_JSON_DEPTH} nivåer`),
    );
    // The object is level 1, so the 64th "[" (column 5 + 64) is one too many.
    expect(problem(`{"a":${"[".repeat(200_000)}`)).toMatch(/^1:69 Konfigurationen är nästlad/);
  });

  it("keeps __proto__ an ordinary key, as JSON.parse does", () => {
    const r = parseStrictJson('{"__proto__": {"polluted": true}, "a": 1}');
    expect(r.ok).toBe(true);
    const value = (r as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value).toEqual(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
  });

  it("locates keys and values exactly as the YAML parser did", () => {
    for (const text of [
      VALID,
      ...readdirSync(path.join(REPO, "documents")).map((set) => readFileSync(path.join(REPO, "documents", set, CONFIG), "utf8")),
      '{\n  "a": [1, {"b": [true, null]}, "x"],\n\t"c": {}, "d/e~f": -1.5e3\n}',
    ]) {
      const r = parseStrictJson(text);
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      expect(r.ok && r.positions).toEqual(positionsOf(doc, lineCounter));
    }
  });

  it("agrees with JSON.parse on what is JSON, on thousands of mutated inputs", () => {
    // A small deterministic generator: mutations of valid JSON by deleting, inserting or replacing characters.
    let seed = 13;
    const random = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const alphabet = [
      '"',
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      " ",
      "\n",
      "\t",
      "0",
      "1",
      "-",
      ".",
      "e",
      "E",
      "+",
      "t",
      "r",
      "u",
      "f",
      "n",
      "l",
      "\\",
      "/",
      "a",
      "å",
      "\u0001",
      "\u2028",
    ];
    const seeds = [VALID, '{"a": [1, -2.5e+3, 0, true, false, null, "x\\u00e5\\n\\"y"], "b": {}}', "[]", '"s"', "-0.0E-0"];
    let agreed = 0;
    for (let round = 0; round < 4000; round++) {
      let text = seeds[random(seeds.length)] as string;
      for (let m = 1 + random(3); m > 0; m--) {
        const at = random(text.length + 1);
        const op = random(3);
        const ch = alphabet[random(alphabet.length)] as string;
        text =
          op === 0
            ? text.slice(0, at) + text.slice(at + 1)
            : op === 1
              ? text.slice(0, at) + ch + text.slice(at)
              : text.slice(0, at) + ch + text.slice(at + 1);
      }
      let expected: unknown;
      let jsonOk = true;
      try {
        expected = JSON.parse(text);
      } catch {
        jsonOk = false;
      }
      const r = parseStrictJson(text);
      if (r.ok) {
        expect(jsonOk, text).toBe(true);
        expect(r.value, text).toEqual(expected);
      } else if (jsonOk) {
        // The only JSON refused is a key given twice in one object.
        expect(r.problem.message.sv, text).toMatch(/förekommer två gånger/);
      }
      agreed++;
    }
    expect(agreed).toBe(4000);
  });
});
