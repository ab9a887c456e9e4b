/**
 * The file a command writes to (`validate --output`, `due --output`, `report
 * --output`): a folder, a place that cannot be written or a path below a file
 * gives one Swedish message naming the path and exit 2, never a stack trace.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli, type CliResult } from "../helpers/cli.js";

const SET = path.join(FIXTURES, "valid-minimal");
const temp = (): string => mkdtempSync(path.join(os.tmpdir(), "samdok-utfil-"));

function plain(r: CliResult): void {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/internt fel|internal error|\n\s+at /);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
}

describe("an output file that is a device or a FIFO", () => {
  // Renaming a report over /dev/null as root would replace the device for every later step of a CI job.
  it.runIf(process.platform === "linux")("due, report and validate --output refuse it and leave it as it was", async () => {
    const dir = temp();
    const fifo = path.join(dir, "kanal");
    const device = path.join(dir, "noll");
    execFileSync("mkfifo", [fifo]);
    execFileSync("mknod", ["-m", "666", device, "c", "1", "3"]); // a /dev/null of our own
    for (const target of [fifo, device]) {
      for (const args of [
        ["due", SET, "-o", target],
        ["report", SET, "--output", target],
        ["validate", SET, "--format", "json", "--output", target],
      ]) {
        const r = await runCli(args);
        plain(r);
        expect(r.stderr).toMatch(/inte en vanlig fil, och samdok skriver inte över den/);
      }
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});

describe("an output file that names a folder", () => {
  it("due --output, -o and a path ending in / are refused, and nothing is written", async () => {
    const dir = temp();
    for (const flag of ["--output", "-o"]) {
      const r = await runCli(["due", SET, "--format", "ics", flag, dir]);
      plain(r);
      expect(r.stderr).toBe(`samdok: ${dir} är en mapp, inte en fil. Ange ett filnamn, till exempel ${dir}/bevakning.ics.\n`);
    }
    const slash = await runCli(["due", SET, "--format", "csv", "-o", `${dir}/ny/`]);
    plain(slash);
    expect(slash.stderr).toContain("är en mapp, inte en fil. Ange ett filnamn, till exempel");
    expect(slash.stderr).toContain("/ny/bevakning.csv.");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("report --output and validate --output too, in English with --lang en", async () => {
    const dir = temp();
    const report = await runCli(["report", SET, "--format", "html", "--output", dir]);
    plain(report);
    expect(report.stderr).toBe(`samdok: ${dir} är en mapp, inte en fil. Ange ett filnamn, till exempel ${dir}/statusrapport.html.\n`);
    const validate = await runCli(["validate", SET, "--no-cache", "--format", "sarif", "--output", dir]);
    plain(validate);
    expect(validate.stderr).toBe(`samdok: ${dir} är en mapp, inte en fil. Ange ett filnamn, till exempel ${dir}/samdok.sarif.\n`);
    const english = await runCli(["validate", SET, "--no-cache", "--format", "json", "--output", dir, "--lang", "en"]);
    plain(english);
    expect(english.stderr).toBe(`samdok: ${dir} is a folder, not a file. Name a file, for example ${dir}/samdok.json.\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a file path is written as before (the check refuses only folders)", async () => {
    const dir = temp();
    expect((await runCli(["due", SET, "--format", "ics", "--output", path.join(dir, "a", "bevakning.ics")])).code).toBe(0);
    expect(readFileSync(path.join(dir, "a", "bevakning.ics"), "utf8")).toContain("BEGIN:VCALENDAR");
    expect((await runCli(["report", SET, "--output", path.join(dir, "rapport.md")])).code).toBe(0);
    expect((await runCli(["validate", SET, "--no-cache", "--format", "sarif", "--output", path.join(dir, "samdok.sarif")])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["a", "rapport.md", "samdok.sarif"]);
  });
});

describe("an output file that cannot be written", () => {
  it("validate --output in a place even root cannot write (/sys)", async () => {
    const r = await runCli(["validate", SET, "--no-cache", "--format", "sarif", "--output", "/sys/samdok.sarif"]);
    plain(r);
    expect(r.stderr).toMatch(
      /^samdok: Kunde inte skriva \/sys\/samdok\.sarif: (behörighet saknas|filsystemet är skrivskyddat|åtgärden är inte tillåten)\. Filen skrevs inte\.\n$/,
    );
    expect(existsSync("/sys/samdok.sarif")).toBe(false);
  });

  it("validate --output below a file (ENOTDIR) names the file in the way", async () => {
    const dir = temp();
    const file = path.join(dir, "rapport.txt");
    writeFileSync(file, "x");
    const r = await runCli(["validate", SET, "--no-cache", "--format", "junit", "--output", path.join(file, "samdok.xml")]);
    plain(r);
    expect(r.stderr).toBe(
      `samdok: Kunde inte skriva ${file}/samdok.xml: en del av sökvägen är en fil, inte en mapp (${file}). Filen skrevs inte.\n`,
    );
  });

  it("due --output /proc/x/… exits 2 at once instead of spinning (recursive mkdir)", { timeout: 20_000 }, async () => {
    const started = Date.now();
    const r = await runCli(["due", SET, "--format", "ics", "--output", "/proc/samdok-x/y/bevakning.ics"]);
    plain(r);
    expect(r.stderr).toBe(
      "samdok: Kunde inte skriva /proc/samdok-x/y/bevakning.ics: sökvägen finns inte (/proc/samdok-x). Filen skrevs inte.\n",
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("report --output where a folder is in the way of the file's folder", async () => {
    const dir = temp();
    mkdirSync(path.join(dir, "ut"));
    writeFileSync(path.join(dir, "ut", "del"), "en fil");
    const r = await runCli(["report", SET, "--output", path.join(dir, "ut", "del", "rapport.md")], { cwd: dir });
    plain(r);
    expect(r.stderr).toBe(
      "samdok: Kunde inte skriva ut/del/rapport.md: en del av sökvägen är en fil, inte en mapp (ut/del). Filen skrevs inte.\n",
    );
  });
});
