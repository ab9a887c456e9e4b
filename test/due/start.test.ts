import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { steps } from "../../src/cli/commands/start/hooks.js";
import { NOW, REPO, runCli } from "../helpers/cli.js";
import { DATES } from "./util.js";

function captureIo(): { io: Io; out: () => string } {
  let stdout = "";
  const io: Io = {
    cwd: REPO,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    now: NOW,
    env: {},
    lang: "sv",
  };
  return { io, out: () => stdout };
}

describe("samdok start: the due summary step", () => {
  it("prints the items that need attention and never fails the start", async () => {
    const step = steps.find((s) => s.title.sv === "Bevakning");
    expect(step).toBeDefined();
    const { io, out } = captureIo();
    expect(await step?.run(io, [DATES], { out: "dist" })).toBe(0);
    expect(out()).toContain("Bevakning per 23 november 2026, 90 dagar framåt");
    expect(out()).toContain("2 förfallna och 3 snart.");
  });

  it("shows at most ten items and says where the rest are", async () => {
    const { dueSummary } = await import("../../src/cli/commands/due/run.js");
    const { io, out } = captureIo();
    await dueSummary(io, [DATES], 2);
    expect(out().match(/^(förfallen|snart) /gm)?.length).toBe(2);
    expect(out()).toContain("Visar 2 av 5 (2 förfallna och 3 snart). Hela listan: samdok due");
  });
});

describe("help", () => {
  it.each(["due", "revise", "followup", "new", "report"])("samdok %s --help is Swedish, with examples", async (command) => {
    const r = await runCli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: samdok /);
    expect(r.stdout).toContain("Exempel:");
  });
});
