/**
 * The rules over a document's life (issue 15): lists of roles and decision
 * bodies, remissvar, a review that restarts the revision clock, follow-ups
 * done under an earlier version, drafts that do not yet carry what a decision
 * writes, decided versions ≥ 1.0 and the remiss block on status remiss only.
 * rules-livscykel-ratt holds each state a lifecycle command leaves (no
 * finding at all); rules-livscykel-fel one mistake per document. Positions
 * are `file:line:column` relative to the fixture folder.
 */
import path from "node:path";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO, runCli, validateJson, type JsonDiagnostic, type JsonReport } from "../helpers/cli.js";

interface Found extends JsonDiagnostic {
  at: string;
}

async function scenario(dir: string): Promise<{ report: JsonReport; of: (ruleId: string) => Found[]; at: (ruleId: string) => string[] }> {
  const { report } = await validateJson([dir]);
  const of = (ruleId: string): Found[] =>
    report.results
      .flatMap((r) =>
        r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => ({ ...d, at: `${path.basename(r.file)}:${d.line}:${d.column}` })),
      )
      .sort((a, b) => a.at.localeCompare(b.at, "en", { numeric: true }));
  return { report, of, at: (ruleId) => of(ruleId).map((d) => d.at) };
}

/** "file:line:column ruleId" of every finding. */
const all = (report: JsonReport): string[] =>
  report.results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)}:${d.line}:${d.column} ${d.ruleId} ${d.message}`));

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a folder in a temporary directory, removed after the test. */
function copy(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "samdok-livscykel-"));
  cpSync(from, dir, { recursive: true });
  temps.push(dir);
  return dir;
}

describe("every state a lifecycle command leaves passes every rule", () => {
  it("rules-livscykel-ratt: draft of a new version, draft without history, remiss with answers, decided not yet valid, reviewed, repealed", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "rules-livscykel-ratt")]);
    expect(all(report)).toEqual([]);
    expect(report.results).toHaveLength(6);
  });
});

describe("mistakes over a document's life", () => {
  let fel: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    fel = await scenario(path.join(FIXTURES, "rules-livscykel-fel"));
  });

  it("SD110 and SD111 check every entry of a list and point at it", () => {
    expect(fel.at("SD110")).toEqual(["ansvar-lista.md:9:41"]);
    expect(fel.of("SD110")[0]?.message).toContain(
      "rollen `narvardskordinator` finns inte i rollregistret. Menade du `narvardskoordinator` (Närvårdskoordinator)?",
    );
    expect(fel.at("SD111")).toEqual(["ansvar-lista.md:12:5"]);
    expect(fel.of("SD111")[0]?.message).toContain("Beslutsorganet `lanstyrgruppen` finns inte");
  });

  it("SD106 reports a remissvar from a code that is no party; SD113 one from a party that was not consulted", () => {
    expect(fel.at("SD106")).toEqual(["remissvar-fel.md:18:13"]);
    expect(fel.of("SD106")[0]?.message).toContain("`0481` i `remiss.svar` är inte en part i konfigurationen");
    expect(fel.at("SD113")).toEqual(["remissvar-fel.md:21:13"]);
    expect(fel.of("SD113")[0]).toMatchObject({ severity: "warning" });
    expect(fel.of("SD113")[0]?.message).toContain(
      "Remissvaret kommer från `0484` (Eskilstuna kommun), som varken står bland dokumentets `parter` eller bland `remiss.instanser`",
    );
  });

  it("SD122 counts the interval from the latest change-history entry when that is later than the decision", () => {
    expect(fel.at("SD122")).toEqual(["granskning-for-sen.md:14:19"]);
    expect(fel.of("SD122")[0]?.message).toContain(
      "En rutin ska revideras inom 2 år från den senaste raden i ändringshistoriken (2026-11-01), alltså senast 2028-11-01",
    );
  });

  it("SD123 reports open follow-ups outside the validity of a first version, never those done", () => {
    expect(fel.at("SD123")).toEqual(["uppfoljning-forsta-version.md:21:12", "uppfoljning-forsta-version.md:24:12"]);
  });

  it("SD125 reports a draft whose history is ahead of its version, and an editorial new major version", () => {
    expect(fel.at("SD125")).toEqual(["historik-fore.md:6:10", "redaktionell-huvudversion.md:26:19"]);
    const [ahead, editorial] = fel.of("SD125");
    expect(ahead?.message).toContain("har redan en post för den senare versionen 3.0. Rätta `version` till 3.0");
    expect(editorial?.message).toContain("Version 2.0 är en ny huvudversion (efter 1.1) men markerad `redaktionell: true`");
  });

  it("SD127 reports a decided or repealed document with a 0.x version, and tells to set 1.0 or use samdok decide", () => {
    expect(fel.of("SD127").map((d) => `${d.at} ${d.severity}`)).toEqual(["fastst-noll.md:6:10 error", "upphavd-noll.md:6:10 error"]);
    expect(fel.of("SD127")[0]?.message).toContain('sätt `version: "1.0"`');
    expect(fel.of("SD127")[0]?.message).toContain("`samdok decide` gör det");
  });

  it("SD128 warns for a remiss block outside status remiss and says to remove it", () => {
    expect(fel.of("SD128").map((d) => `${d.at} ${d.severity}`)).toEqual([
      "fastst-med-remiss.md:15:1 warning",
      "utkast-med-remiss.md:10:1 warning",
    ]);
    expect(fel.of("SD128")[0]?.message).toContain("Ta bort `remiss`; remissvaren finns kvar i git-historiken");
    expect(fel.of("SD128")[1]?.message).toContain("`samdok consult`");
  });

  it("nothing else: each document has only its own mistake", () => {
    const ids = new Set(["SD106", "SD110", "SD111", "SD113", "SD122", "SD123", "SD125", "SD127", "SD128"]);
    expect(all(fel.report).filter((f) => !ids.has(f.split(" ")[1] ?? ""))).toEqual([]);
  });

  it("speaks English with --lang en", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "rules-livscykel-fel")], { extra: ["--lang", "en"] });
    const messages = report.results.flatMap((r) => r.diagnostics.map((d) => `${d.ruleId} ${d.message}`));
    expect(messages).toContainEqual(expect.stringMatching(/^SD127 The document is adopted but has version 0\.9/));
    expect(messages).toContainEqual(expect.stringMatching(/^SD128 The document is adopted but still has the `remiss` block/));
    expect(messages).toContainEqual(expect.stringMatching(/^SD113 The answer comes from `0484` \(Eskilstuna kommun\)/));
  });
});

describe("a review (samdok revise --summary) restarts the revision clock", () => {
  it("rules-livscykel-granskning: overdue before, no finding at all after the review", async () => {
    const dir = copy(path.join(FIXTURES, "rules-livscykel-granskning"));
    const before = await validateJson([dir]);
    expect(all(before.report).map((f) => f.split(" ").slice(0, 2).join(" "))).toEqual(["rutin-granskas.md:16:19 SD301"]);
    const r = await runCli(["revise", "rutin-granskas", "--summary", "Granskad utan ändring."], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, "rutin-granskas.md"), "utf8")).toContain("revideras_senast: 2028-11-23");
    const after = await validateJson([dir]);
    expect(all(after.report)).toEqual([]);
  });

  it("documents/: reviewing rutin-utskrivning-slutenvard gives no SD122", async () => {
    const dir = copy(path.join(REPO, "documents/sormland"));
    const r = await runCli(["revise", "rutin-utskrivning-slutenvard", "--summary", "Granskad utan ändring."], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/SD122/);
    const after = await validateJson([path.join(dir, "rutin-utskrivning-slutenvard.md")]);
    expect(all(after.report).filter((f) => / SD(122|301) /.test(f))).toEqual([]);
  });
});
