/**
 * Reproducible and atomic: two builds of the same sources are byte-identical,
 * and a build that fails (while rendering, or while writing) leaves the
 * previous edition exactly as it was, without temporary files.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { mkdirSync, readdirSync } from "node:fs";
import { ALL_WORKING_COPIES, buildHtml, copyDir, copyFixture, EVERY_STATUS, listFiles, snapshot, tempDir } from "./helpers.js";
import { NOW } from "../helpers/cli.js";
import { prepareEdition } from "../../src/render/edition.js";
import { buildHtml as buildHtmlEdition } from "../../src/render/html/index.js";

describe("reproducible builds", () => {
  it("two builds of the same sources are byte-identical", async () => {
    const source = copyFixture("html-utgava");
    const a = path.join(tempDir("a"), "dist");
    const b = path.join(tempDir("b"), "dist");
    expect((await buildHtml([source], a, [], { cwd: path.dirname(source) })).code).toBe(0);
    // Another moment on the same day, from another folder: nothing of it may show.
    const later = new Date(NOW.getTime() + 5 * 3600_000);
    expect((await buildHtml([source], b, [], { cwd: tempDir("annan"), now: later })).code).toBe(0);
    const first = snapshot(a);
    const second = snapshot(b);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, data] of first) expect(second.get(file)?.equals(data), file).toBe(true);
  });

  it("the same build with SOURCE_DATE_EPOCH is byte-identical whatever the clock says", async () => {
    const source = copyFixture("html-utgava");
    const env = { SOURCE_DATE_EPOCH: "1782172800" };
    const a = path.join(tempDir("a"), "dist");
    const b = path.join(tempDir("b"), "dist");
    expect((await buildHtml([source], a, [], { cwd: path.dirname(source), env })).code).toBe(0);
    expect((await buildHtml([source], b, [], { cwd: path.dirname(source), env, now: new Date("2030-01-01T12:00:00Z") })).code).toBe(0);
    const first = snapshot(a);
    for (const [file, data] of snapshot(b)) expect(first.get(file)?.equals(data), file).toBe(true);
  });
});

function tempFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith(".tmp")) found.push(e.name);
    }
  };
  walk(dir);
  return found;
}

describe("atomic builds", () => {
  it("a build that fails while rendering leaves the previous edition intact", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("atomisk"), "dist");
    expect((await buildHtml([source], out, ["--status", "fastställd"], { cwd: path.dirname(source) })).code).toBe(0);
    const before = snapshot(out);
    const kept = copyDir(out);

    const edition = await prepareEdition({
      paths: [source],
      cwd: path.dirname(source),
      lang: "sv",
      today: "2026-11-24",
      outDir: out,
      // Every working copy, so that there is a fourth page to fail.
      filters: { status: EVERY_STATUS },
      now: new Date("2026-11-24T08:00:00Z"),
      env: {},
      stderr: { write: () => true },
    });
    // The fourth page fails to render, after three others have been rendered.
    const failing = edition.documents[3];
    expect(failing).toBeDefined();
    Object.defineProperty(failing, "text", {
      get() {
        throw new Error("simulerat fel mitt i bygget");
      },
    });
    await expect(buildHtmlEdition(edition)).rejects.toThrow("simulerat fel");

    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, data] of before) expect(after.get(file)?.equals(data), file).toBe(true);
    expect(tempFiles(out)).toEqual([]);
    expect(listFiles(kept)).toEqual(listFiles(out));
  });

  it("a build that cannot write one of its files writes none of them", async () => {
    const source = copyFixture("html-utgava");
    const out = path.join(tempDir("atomisk"), "dist");
    expect((await buildHtml([source], out, ["--status", "fastställd"], { cwd: path.dirname(source) })).code).toBe(0);
    const before = snapshot(out);
    // Something in the way of a page the full build wants to write.
    mkdirSync(path.join(out, "rutin-utkast.html"));
    const r = await buildHtml([source], out, ALL_WORKING_COPIES, { cwd: path.dirname(source), now: new Date("2026-11-24T08:00:00Z") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("den tidigare utgåvan är orörd");
    const after = snapshot(out);
    for (const [file, data] of before) expect(after.get(file)?.equals(data), file).toBe(true);
    expect(after.size).toBe(before.size);
    expect(tempFiles(out)).toEqual([]);
  });
});
