import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHmac } from "node:crypto";
import { ResultCache } from "../../src/core/cache.js";

const KEY = "a".repeat(64);
/** The key that signs the lines (in a run: the user's, see cache-key.ts). */
const SECRET = Buffer.alloc(32, 7);
const keyId = (secret: Buffer): string => createHmac("sha256", secret).update("samdok-cache-key-id").digest("hex").slice(0, 16);
/** A line as samdok writes it, signed with `secret`. */
const signed = (body: string, secret = SECRET, globalKey = KEY): string =>
  `${body}\t${createHmac("sha256", secret).update(globalKey).update("\n").update(body, "latin1").digest("hex").slice(0, 32)}\n`;
const HEADER = `samdok-cache-5\t${KEY}\t${keyId(SECRET)}\n`;
const json = (n: number): string => JSON.stringify({ file: `d${n}.md`, n });

describe("the result cache file", () => {
  let dir = "";
  let file = "";
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "samdok-cachefile-"));
    file = path.join(dir, ".samdokcache");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fill = (count: number): void => {
    const c = new ResultCache(file, KEY, SECRET);
    for (let i = 0; i < count; i++) c.set(`d${i}.md`, `h${i}`, `s${i}`, "conf", json(i));
    c.save();
  };
  const lineCount = (): number => readFileSync(file, "utf8").split("\n").filter(Boolean).length;

  it("reads back what it saved, by stat and by content, and only for the same configuration", () => {
    fill(3);
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byStat("d1.md", "s1", "conf")).toBe(json(1));
    expect(c.byStat("d1.md", "s-other", "conf")).toBeUndefined();
    expect(c.byStat("d1.md", "s1", "other-conf")).toBeUndefined();
    expect(c.byContent("d2.md", "h2", "s-touched", "conf")).toBe(json(2));
    expect(c.byContent("d2.md", "h-other", "s2", "conf")).toBeUndefined();
    expect(c.byStat("d9.md", "s9", "conf")).toBeUndefined();
  });

  it("appends a changed entry instead of rewriting the file, and the later line wins", () => {
    fill(10);
    const before = readFileSync(file, "utf8");
    const c = new ResultCache(file, KEY, SECRET);
    c.set("d4.md", "h4b", "s4b", "conf", json(40));
    c.save();
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).split("\t")[0]).toBe("d4.md");
    const again = new ResultCache(file, KEY, SECRET);
    expect(again.byStat("d4.md", "s4b", "conf")).toBe(json(40));
    expect(again.byStat("d4.md", "s4", "conf")).toBeUndefined();
    expect(again.byStat("d5.md", "s5", "conf")).toBe(json(5));
  });

  it("a touched file's new time is remembered", () => {
    fill(2);
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byContent("d0.md", "h0", "s0-touched", "conf")).toBe(json(0));
    c.save();
    expect(new ResultCache(file, KEY, SECRET).byStat("d0.md", "s0-touched", "conf")).toBe(json(0));
  });

  it("rewrites the file once outdated lines are half of it", () => {
    fill(4);
    for (let round = 1; round <= 6; round++) {
      const c = new ResultCache(file, KEY, SECRET);
      c.set("d0.md", `h0-${round}`, `s0-${round}`, "conf", json(100 + round));
      c.save();
      // Header plus at most twice the live entries.
      expect(lineCount()).toBeLessThanOrEqual(1 + 2 * 4);
    }
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byStat("d0.md", "s0-6", "conf")).toBe(json(106));
    expect(c.byStat("d3.md", "s3", "conf")).toBe(json(3));
  });

  it("ignores a last line that was cut short, and then writes the file whole", () => {
    fill(3);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, text.length - 5));
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byStat("d2.md", "s2", "conf")).toBeUndefined();
    expect(c.byStat("d1.md", "s1", "conf")).toBe(json(1));
    c.set("d2.md", "h2", "s2", "conf", json(2));
    c.save();
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("starts afresh for another samdok, schema or date (another key)", () => {
    fill(3);
    const c = new ResultCache(file, "b".repeat(64), SECRET);
    expect(c.byStat("d1.md", "s1", "conf")).toBeUndefined();
    c.set("d1.md", "h1", "s1", "conf", json(1));
    c.save();
    expect(lineCount()).toBe(2);
    expect(readFileSync(file, "utf8").startsWith(`samdok-cache-5\t${"b".repeat(64)}\t${keyId(SECRET)}\n`)).toBe(true);
  });

  it("is pure ASCII, and paths and results with any characters come back unchanged", () => {
    const odd = "överenskommelse – ny\\del.md";
    const result = JSON.stringify({ file: odd, message: "Fastställd § 14 – “klar” 😀" });
    const c = new ResultCache(file, KEY, SECRET);
    c.set(odd, "h", "s", "conf", result);
    c.save();
    const bytes = readFileSync(file);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const again = new ResultCache(file, KEY, SECRET);
    const back = again.byStat(odd, "s", "conf");
    expect(back).toBeDefined();
    expect(JSON.parse(back as string)).toEqual(JSON.parse(result));
    expect(again.byStat("överenskommelse – ny/del.md", "s", "conf")).toBeUndefined();
  });

  it("trusts only lines signed with its own secret, for its own first line", () => {
    fill(3);
    const text = readFileSync(file, "latin1");
    // Another user's samdok: another first line, so nothing is read, and the file is written anew.
    const other = new ResultCache(file, KEY, Buffer.alloc(32, 8));
    expect(other.byStat("d1.md", "s1", "conf")).toBeUndefined();
    // Lines signed with another secret under this secret's first line: each is ignored.
    const foreign = (body: string): string => signed(body, Buffer.alloc(32, 8));
    writeFileSync(file, `${HEADER}${foreign(`d1.md\th1\ts1\tconf\t${json(1)}`)}${signed(`d2.md\th2\ts2\tconf\t${json(2)}`)}`);
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byStat("d1.md", "s1", "conf")).toBeUndefined();
    expect(c.byContent("d1.md", "h1", "s1", "conf")).toBeUndefined();
    expect(c.lookUp("d1.md", "h1", "conf")).toBeUndefined();
    expect(c.byStat("d2.md", "s2", "conf")).toBe(json(2));
    // A signed line changed afterwards: ignored.
    const changed = text.replace(`"n":1}`, `"n":9}`);
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    expect(new ResultCache(file, KEY, SECRET).byStat("d1.md", "s1", "conf")).toBeUndefined();
    expect(new ResultCache(file, KEY, SECRET).byStat("d0.md", "s0", "conf")).toBe(json(0));
    // Signed for another samdok, schema or date (another global key): ignored, even under this first line.
    writeFileSync(file, `${HEADER}${signed(`d1.md\th1\ts1\tconf\t${json(1)}`, SECRET, "b".repeat(64))}`);
    expect(new ResultCache(file, KEY, SECRET).byStat("d1.md", "s1", "conf")).toBeUndefined();
  });

  it("drops lines it cannot trust when it writes the file whole", () => {
    // The last line is cut short, so the file is written whole.
    writeFileSync(
      file,
      `${HEADER}${signed(`d1.md\th1\ts1\tconf\t${json(1)}`, Buffer.alloc(32, 8))}${signed(`d2.md\th2\ts2\tconf\t${json(2)}`)}garbage\tline\nd5.md\th5`,
    );
    const c = new ResultCache(file, KEY, SECRET);
    c.set("d3.md", "h3", "s3", "conf", json(3));
    c.save();
    const lines = readFileSync(file, "latin1").split("\n").filter(Boolean);
    expect(lines.map((l) => l.split("\t")[0])).toEqual(["samdok-cache-5", "d2.md", "d3.md"]);
    const again = new ResultCache(file, KEY, SECRET);
    for (const n of [2, 3]) expect(again.byStat(`d${n}.md`, `s${n}`, "conf")).toBe(json(n));
  });

  it("does not trust a line whose result is not one JSON object", () => {
    writeFileSync(file, `${HEADER}${signed('d1.md\th1\ts1\tconf\t{"file":"d1.md"')}${signed("d2.md\th2\ts2\tconf")}`);
    const c = new ResultCache(file, KEY, SECRET);
    expect(c.byStat("d1.md", "s1", "conf")).toBeUndefined();
    expect(c.byStat("d2.md", "s2", "conf")).toBeUndefined();
  });
});

describe("a cached result with the set's findings added", () => {
  it("keeps its front matter unparsed until read, and equal when read", async () => {
    const { resultFromText, resultText } = await import("../../src/core/pipeline/result-text.js");
    const { withDiagnostics } = await import("../../src/core/pipeline/index.js");
    const original = {
      file: "documents/a.md",
      rootPath: "a.md",
      diagnostics: [],
      data: { id: "rutin-a", titel: "Rutin A" },
      packedPositions: "x",
      facts: { links: [], headings: [{ depth: 2, text: "Syfte", slug: "syfte", line: 5 }] },
    };
    const cached = resultFromText(resultText(original as never));
    const finding = {
      file: "documents/a.md",
      line: 2,
      column: 1,
      ruleId: "SD105",
      ruleName: "stod-i-forfallet",
      severity: "warning" as const,
      message: "…",
    };
    const copy = withDiagnostics(cached, [finding]);
    expect(Object.getOwnPropertyDescriptor(copy, "data")?.get).toBeTypeOf("function");
    expect(copy.diagnostics).toEqual([finding]);
    expect(cached.diagnostics).toEqual([]);
    expect(copy.data).toEqual(original.data);
    expect(copy.packedPositions).toBe("x");
    expect(copy.facts?.headings).toEqual(original.facts.headings);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(cached).sort());
  });
});
