/**
 * writeFileAtomic's temporary file has a name others can guess
 * (`.<name>.<pid>.<n>.tmp`): a symbolic link planted there must never be
 * written through (issue 13: nothing outside the document root is written).
 */
import { afterAll, describe, expect, it } from "vitest";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../../src/core/write.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const temp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), "samdok-skriv-"));
  dirs.push(d);
  return d;
};

describe("writeFileAtomic", () => {
  it("writes the file and leaves no temporary file", () => {
    const dir = temp();
    const target = path.join(dir, "rapport.md");
    writeFileAtomic(target, "ny text\n");
    expect(readFileSync(target, "utf8")).toBe("ny text\n");
    expect(readdirSync(dir)).toEqual(["rapport.md"]);
  });

  it.runIf(process.platform !== "win32")("never writes through a symbolic link planted at a temporary file's name", () => {
    const dir = temp();
    const outside = path.join(temp(), "hemlig.txt");
    writeFileSync(outside, "orörd\n");
    const target = path.join(dir, "rapport.md");
    // Every name this process could pick next.
    for (let n = 1; n <= 2000; n++) symlinkSync(outside, path.join(dir, `.rapport.md.${process.pid}.${n}.tmp`));
    expect(() => writeFileAtomic(target, "angripen\n")).toThrow(/EEXIST/);
    expect(readFileSync(outside, "utf8")).toBe("orörd\n");
    expect(existsSync(target)).toBe(false);
    // The planted links are not samdok's to remove.
    expect(lstatSync(path.join(dir, `.rapport.md.${process.pid}.1.tmp`)).isSymbolicLink()).toBe(true);
  });
});
