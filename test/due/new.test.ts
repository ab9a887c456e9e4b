import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli, validateJson } from "../helpers/cli.js";
import { copyFixture } from "./util.js";
import { DOCUMENT_TYPES } from "../../src/core/config.js";
import type { SamdokConfig } from "../../src/core/config.js";
import { freshId, headingsFor } from "../../src/due/edit/template.js";

describe("samdok new", () => {
  it("writes a draft of every type that validates with no errors and no warnings", async () => {
    const dir = copyFixture("due-new");
    const config = JSON.parse(readFileSync(path.join(dir, "samdok.config.json"), "utf8")) as SamdokConfig;
    const created: string[] = [];
    for (const type of DOCUMENT_TYPES) {
      const r = await runCli(["new", "--type", type, "--title", "Samverkan kring äldres läkemedel", "--spar", "hs-rutiner", "--out", "."], {
        cwd: dir,
      });
      expect(r.stderr, type).toBe("");
      expect(r.code, type).toBe(0);
      const file = /Skapade (\S+\.md)/.exec(r.stdout)?.[1];
      expect(file, r.stdout).toBeDefined();
      created.push(file ?? "");
      const text = readFileSync(path.join(dir, file ?? ""), "utf8");
      // The configuration's required headings, in its order (built-in ones where it names none).
      expect(text.match(/^## .*$/gm), type).toEqual(headingsFor(config, type).map((h) => `## ${h}`));
      expect(text).toMatch(/^status: utkast$/m);
      expect(text).toMatch(new RegExp(`^dokumenttyp: ${type}$`, "m"));
      expect(text).toMatch(/^spar: hs-rutiner$/m);
    }
    expect(created.map((f) => f.replace(/-.*/, ""))).toEqual([
      "overenskommelse",
      "riktlinje",
      "rutin",
      "policy",
      "malbild",
      "fardplan",
      "handlingsplan",
    ]);
    expect(created[2]).toBe("rutin-samverkan-kring-aldres-lakemedel.md");
    const { report } = await validateJson(
      created.map((f) => path.join(dir, f)),
      { cwd: dir },
    );
    expect(report.results.flatMap((x) => x.diagnostics.map((d) => `${x.file} ${d.ruleId} ${d.message}`))).toEqual([]);
    expect(report.summary.files).toBe(7);
  });

  it("gives a fresh id when the title's id is taken, and takes the owner and parties given", async () => {
    const dir = copyFixture("due-new");
    const r = await runCli(
      [
        "new",
        "--type",
        "rutin",
        "--title",
        "Rutin för läkemedel vid hemgång",
        "--ansvarig",
        "mas",
        "--parter",
        "region-04,0484",
        "--out",
        ".",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, "rutin-lakemedel-hemgang-2.md"), "utf8");
    expect(text).toContain("id: rutin-lakemedel-hemgang-2\n");
    expect(text).toContain("dokumentansvarig: mas\n");
    expect(text).toContain('parter:\n  - region-04\n  - "0484"\n');
    expect(text).not.toContain("# dokumentansvarig:");
    // The first track of the configuration when --spar is not given.
    expect(text).toContain("spar: trygg-hemgang\n");
  });

  it("makes ids like the sample sets", () => {
    expect(freshId("rutin", "Rutin för utskrivning från slutenvård", new Set())).toBe("rutin-utskrivning-slutenvard");
    expect(freshId("överenskommelse", "Överenskommelse om trygg hemgång och effektiv samverkan", new Set())).toBe(
      "overenskommelse-trygg-hemgang-effektiv-samverkan",
    );
    expect(freshId("målbild", "Länsgemensam målbild för nära vård", new Set())).toBe("malbild-lansgemensam-malbild-nara-vard");
    expect(freshId("rutin", "Rutin för utskrivning", new Set(["rutin-utskrivning", "rutin-utskrivning-2"]))).toBe("rutin-utskrivning-3");
    const long = freshId(
      "riktlinje",
      "Riktlinje för samverkan kring hälso- och sjukvårdsinsatser i ordinärt boende för personer med omfattande behov",
      new Set(),
    );
    expect(long.length).toBeLessThanOrEqual(56);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{2,63}$/);
    expect(long.endsWith("-")).toBe(false);
  });

  it("refuses unknown types, tracks and roles with a suggestion (exit 2)", async () => {
    const dir = copyFixture("due-new");
    const type = await runCli(["new", "--type", "rutinn", "--title", "En rutin om något", "--out", "."], { cwd: dir });
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/Menade du rutin\?/);
    const spar = await runCli(["new", "--type", "rutin", "--title", "En rutin om något", "--spar", "hs-rutin", "--out", "."], { cwd: dir });
    expect(spar.code).toBe(2);
    expect(spar.stderr).toMatch(/Menade du hs-rutiner\?/);
    const taken = await runCli(
      ["new", "--type", "rutin", "--title", "En rutin om något", "--id", "rutin-lakemedel-hemgang", "--out", "."],
      { cwd: dir },
    );
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/används redan/);
    const missing = await runCli(["new", "--type", "rutin"], { cwd: dir });
    expect(missing.code).toBe(2);
  });

  it("needs a set: without a configuration it says how to name one", async () => {
    const r = await runCli(["new", "--type", "rutin", "--title", "En rutin om något", "--out", "/"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Hittade ingen samdok.config.json.*--out/);
  });
});
