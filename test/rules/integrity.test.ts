/**
 * Every integrity rule against its fixtures: the documents that must trigger
 * it (at the exact line and column) and the documents in the same set that
 * must not. Positions are `file:line:column` relative to the fixture folder.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, validateJson, type JsonDiagnostic, type JsonReport } from "../helpers/cli.js";

interface Found extends JsonDiagnostic {
  at: string;
}

async function scenario(name: string): Promise<{ report: JsonReport; of: (ruleId: string) => Found[]; at: (ruleId: string) => string[] }> {
  const dir = path.join(FIXTURES, name);
  const { report } = await validateJson([dir]);
  const prefix = `test/fixtures/${name}/`;
  const of = (ruleId: string): Found[] =>
    report.results
      .flatMap((r) =>
        r.diagnostics.filter((d) => d.ruleId === ruleId).map((d) => ({ ...d, at: `${r.file.replace(prefix, "")}:${d.line}:${d.column}` })),
      )
      .sort((a, b) => a.at.localeCompare(b.at, "en", { numeric: true }));
  return { report, of, at: (ruleId) => of(ruleId).map((d) => d.at) };
}

type Scenario = Awaited<ReturnType<typeof scenario>>;

describe("a clean set triggers none of the integrity rules", () => {
  it("rules-ren: no SD1xx finding and no schema error", async () => {
    const { report } = await scenario("rules-ren");
    const findings = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => /^SD(1\d\d|00\d)$/.test(d.ruleId)).map((d) => `${r.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`),
    );
    expect(findings).toEqual([]);
    expect(report.results).toHaveLength(4);
  });
});

describe("the set: replacement, cycles, leaning on repealed or overdue documents", () => {
  let s: Scenario;
  let c: Scenario;
  let stod: Scenario;
  beforeAll(async () => {
    s = await scenario("rules-ersattning");
    c = await scenario("rules-cykler");
    stod = await scenario("rules-stod");
  });

  it("SD101 reports each one-sided replacement on the document to fix", () => {
    expect(s.at("SD101")).toEqual([
      "gammal-ett.md:2:5", // replaced by ny-ett but has no ersatts_av: points at the id
      "gammal-tva.md:9:13", // ersatts_av names ny-ett, but ny-tva replaces it
      "ny-ett.md:9:11", // gammal-tva says ersatts_av: ny-ett; ny-ett's ersatter lacks it
      "ny-tre.md:2:5", // gammal-tre says ersatts_av: ny-tre; ny-tre has no ersatter at all
    ]);
    const [first] = s.of("SD101");
    expect(first?.message).toContain("Lägg till `ersatts_av: ny-ett`");
  });

  it("SD102 reports a successor without a higher version (numeric: 1.10 > 1.9 is fine)", () => {
    expect(s.at("SD102")).toEqual(["ny-fyra.md:6:10", "ny-tva.md:6:10"]);
    expect(s.of("SD102")[0]?.message).toMatch(/version 2\.3.*version 1\.0/);
  });

  it("SD103 reports cycles in ersatter/ersatts_av and in overordnat, and not a straight chain", () => {
    expect(c.at("SD103")).toEqual([
      "cykel-a.md:9:12",
      "cykel-a.md:10:13",
      "cykel-b.md:9:12",
      "cykel-b.md:10:13",
      "niva-ett.md:9:13",
      "niva-tre.md:9:13",
      "niva-tva.md:9:13",
      "sjalv.md:9:13",
    ]);
    const niva = c.of("SD103").find((d) => d.at.startsWith("niva-ett"));
    expect(niva?.message).toContain("niva-ett → niva-tva → niva-tre → niva-ett");
    expect(c.at("SD103").some((a) => a.startsWith("kedja-"))).toBe(false);
  });

  it("SD104 reports a fastställd document leaning on an upphävd one via overordnat, relaterade and a text link", () => {
    // grund-ny links to grund-upphavd, which it replaces (history, allowed); the draft is not checked.
    expect(stod.at("SD104")).toEqual(["lutar.md:15:13", "lutar.md:16:14", "lutar.md:21:4"]);
    expect(stod.of("SD104")[0]?.message).toContain("Peka på `grund-ny` i stället");
    const link = stod.of("SD104")[2];
    expect([link?.endLine, link?.endColumn]).toEqual([21, 31]); // the whole link `[grunden](grund-upphavd.md)`
  });

  it("SD105 warns once per overdue document (revideras_senast before today), not for one due today", () => {
    expect(stod.at("SD105")).toEqual(["lutar.md:16:29"]);
    expect(stod.of("SD105")[0]?.severity).toBe("warning");
    expect(stod.of("SD105")[0]?.message).toContain("som skulle ha reviderats senast 22 november 2026.");
  });
});

describe("parties and registries", () => {
  let p: Scenario;
  let r: Scenario;
  let u: Scenario;
  beforeAll(async () => {
    p = await scenario("rules-parter");
    r = await scenario("rules-register");
    u = await scenario("rules-register-utan-malbild");
  });

  it("SD106 reports unknown parties, foreign county codes and another region, with a suggestion", () => {
    expect(p.at("SD106")).toEqual(["antaganden-fel.md:16:11", "parter-fel.md:8:21", "parter-fel.md:8:29", "parter-fel.md:8:37"]);
    const [ant, lan, unknown, region] = p.of("SD106");
    expect(ant?.message).toContain("Menade du `0480` (Nyköpings kommun)?");
    expect(lan?.message).toContain("hör till län 08");
    expect(unknown?.message).toContain("`0481` i `parter` är inte en part");
    expect(region?.message).toContain("`region-04`");
  });

  it("SD107 reports an överenskommelse without the region or without a municipality", () => {
    expect(p.at("SD107")).toEqual(["overenskommelse-utan-kommun.md:8:1", "overenskommelse-utan-region.md:8:1"]);
  });

  it("SD108 reports adoptions by a party not in parter and of a version not in the history", () => {
    expect(p.at("SD108")).toEqual(["antaganden-fel.md:20:11", "antaganden-fel.md:23:14", "antaganden-utan-historik.md:23:14"]);
    expect(p.of("SD108")[1]?.message).toContain("Version 3.0 finns inte i `andringshistorik` (där finns 1.0, 2.0)");
  });

  it("SD109 reports an unknown track with the closest one", () => {
    expect(r.at("SD109")).toEqual(["register-fel.md:7:7"]);
    expect(r.of("SD109")[0]?.message).toContain("Menade du `trygg-hemgang`");
  });

  it("SD110 reports roles missing from the registry (dokumentansvarig and uppföljning)", () => {
    expect(r.at("SD110")).toEqual(["register-fel.md:9:19", "register-fel.md:20:15"]);
    expect(r.of("SD110")[0]?.message).toContain("Menade du `narvardskoordinator`");
  });

  it("SD111 reports an unknown decision body", () => {
    expect(r.at("SD111")).toEqual(["register-fel.md:10:16"]);
  });

  it("SD112 reports value words outside the vision, and narvard without a configured vision", () => {
    expect(r.at("SD112")).toEqual(["register-fel.md:24:14", "register-fel.md:24:21"]);
    expect(r.of("SD112")[0]?.message).toContain("Menade du `tillit`?");
    expect(u.at("SD112")).toEqual(["narvard-utan-malbild.md:9:1"]);
  });
});

describe("dates and versions", () => {
  let d: Scenario;
  let utkast: Scenario;
  beforeAll(async () => {
    d = await scenario("rules-datum");
    utkast = await scenario("rules-utkast");
  });

  it("SD120 warns for validity before the decision and errs for an end not after the start", () => {
    expect(d.of("SD120").map((x) => `${x.at} ${x.severity}`)).toEqual([
      "giltighet-retroaktiv.md:12:14 warning",
      "giltighet-samma-dag.md:13:14 error",
      "giltighet-slut-fore-start.md:13:14 error",
    ]);
  });

  it("SD121 reports revideras_senast after the end of validity or not after the decision", () => {
    expect(d.at("SD121")).toEqual(["revision-efter-slut.md:14:19", "revision-fore-beslut.md:14:19"]);
  });

  it("SD122 warns when revideras_senast is beyond the configured interval (rutin: 24 months)", () => {
    expect(d.at("SD122")).toEqual(["revision-intervall.md:14:19"]);
    expect(d.of("SD122")[0]?.message).toContain("senast 2027-01-15");
  });

  it("SD123 reports follow-ups outside the validity period, not those on its first and last day", () => {
    expect(d.at("SD123")).toEqual(["uppfoljning-utanfor.md:16:12", "uppfoljning-utanfor.md:25:12"]);
  });

  it("SD124 reports an överenskommelse without follow-ups (missing or empty)", () => {
    expect(d.at("SD124")).toEqual(["ovk-tom-uppfoljning.md:15:1", "ovk-utan-uppfoljning.md:4:14"]);
  });

  it("SD125 reports history out of date or version order, a reversed list once, and a newest entry that is not the version", () => {
    expect(d.at("SD125")).toEqual([
      "historik-omvand.md:15:1",
      "historik-ordning.md:20:12",
      "historik-ordning.md:22:14",
      "historik-version.md:6:10",
    ]);
  });

  it("SD126 reports decision fields in utkast and remiss, and only adoptions of the current version", () => {
    expect(utkast.at("SD126")).toEqual([
      "remiss-med-antagande.md:10:1",
      "remiss-med-antagande.md:22:14",
      "utkast-med-beslut.md:10:1",
      "utkast-med-beslut.md:11:1",
      "utkast-med-beslut.md:13:1",
    ]);
  });
});

describe("structure of the text", () => {
  let h: Scenario;
  let l: Scenario;
  beforeAll(async () => {
    h = await scenario("rules-rubriker");
    l = await scenario("rules-lankar");
  });

  it("SD130 reports missing and misordered required headings where to fix them", () => {
    expect(h.at("SD130")).toEqual([
      "rutin-inga-rubriker.md:17:1",
      "rutin-inga-rubriker.md:17:1",
      "rutin-inga-rubriker.md:17:1",
      "rutin-liknande.md:25:1",
      "rutin-ordning.md:17:1",
      "rutin-saknar.md:21:1",
    ]);
    expect(h.of("SD130").find((x) => x.at.startsWith("rutin-liknande"))?.message).toContain(
      'Rubriken "Ansvarsfördelning" på rad 21 liknar den',
    );
    expect(h.of("SD130").find((x) => x.at.startsWith("rutin-ordning"))?.message).toContain('Flytta avsnittet efter rubriken "Ansvar"');
  });

  it("SD131 reports skipped heading levels", () => {
    expect(h.at("SD131")).toEqual(["niva-borjar-djupt.md:17:1", "niva-hopp.md:21:1"]);
    expect(h.of("SD131")[1]?.message).toContain("skriv `### Detalj`");
  });

  it("SD132 reports a second top heading", () => {
    expect(h.at("SD132")).toEqual(["tva-huvudrubriker.md:25:1"]);
  });

  it("SD133 reports links to missing documents and headings (also in the same document)", () => {
    expect(l.at("SD133")).toEqual(["lank-a.md:20:4", "lank-a.md:20:35", "lank-a.md:21:30"]);
    const messages = l.of("SD133").map((x) => x.message);
    expect(messages[0]).toContain("Menade du `lank-b.md`?");
    expect(messages[1]).toContain("Menade du `#andra-avsnittet`?");
    expect(messages[2]).toContain("i detta dokument");
  });

  it("SD134 reports missing files, links outside the root and absolute paths", () => {
    expect(l.at("SD134")).toEqual(["lank-a.md:26:3", "lank-a.md:27:3", "lank-a.md:28:3", "lank-a.md:31:1", "undermapp/lank-d.md:20:6"]);
  });

  it("SD135 reports images without alternative text", () => {
    expect(l.at("SD135")).toEqual(["lank-a.md:33:1", "lank-a.md:35:1", "lank-a.md:39:1"]);
  });
});

describe("personal data and plain language", () => {
  let pu: Scenario;
  let pl: Scenario;
  let lix: Scenario;
  let lixGrans: Scenario;
  beforeAll(async () => {
    pu = await scenario("rules-personuppgifter");
    pl = await scenario("rules-platshallare");
    lix = await scenario("rules-lix");
    lixGrans = await scenario("rules-lix-grans");
  });

  it("SD140 reports personnummer and samordningsnummer in the front matter and the text, at the exact range", () => {
    expect(pu.at("SD140")).toEqual([
      "personuppgifter.md:10:16", // front matter value
      "personuppgifter.md:16:28",
      "personuppgifter.md:16:70",
      "personuppgifter.md:16:90",
      "personuppgifter.md:17:19", // samordningsnummer
      "personuppgifter.md:17:35",
      "personuppgifter.md:17:51",
      "personuppgifter.md:21:10", // in a table
    ]);
    const first = pu.of("SD140")[1];
    expect([first?.line, first?.column, first?.endLine, first?.endColumn]).toEqual([16, 28, 16, 39]);
    expect(pu.of("SD140")[4]?.message).toContain("samordningsnummer");
  });

  it("SD141 warns for personal e-mail addresses, not functional ones", () => {
    expect(pu.at("SD141")).toEqual([
      "personuppgifter.md:11:21",
      "personuppgifter.md:33:12",
      "personuppgifter.md:33:50",
      "personuppgifter.md:35:20",
      "personuppgifter.md:35:50",
    ]);
    expect(pu.of("SD141").every((x) => x.severity === "warning")).toBe(true);
    const mailto = pu.of("SD141")[3];
    expect([mailto?.endLine, mailto?.endColumn]).toEqual([35, 44]);
  });

  it("SD142 reports placeholders in a fastställd document only, across lines too", () => {
    expect(pl.at("SD142")).toEqual([
      "fastst-platshallare.md:15:21",
      "fastst-platshallare.md:20:1",
      "fastst-platshallare.md:22:9",
      "fastst-platshallare.md:24:48",
      "fastst-platshallare.md:26:1",
      "fastst-platshallare.md:29:6",
    ]);
    const lorem = pl.of("SD142")[4];
    expect([lorem?.endLine, lorem?.endColumn]).toEqual([27, 6]);
  });

  it("SD143 warns above the limit per document and per top-level section, with the band", () => {
    expect(lix.at("SD143")).toEqual(["lix-svar-hela.md:17:1", "lix-svar.md:21:1"]);
    expect(lix.of("SD143")[0]?.message).toContain("mycket svår");
    expect(lix.of("SD143")[1]?.message).toMatch(/Avsnittet "Ansvar" har LIX 112,7.*gränsen är 55,0/);
  });

  it("SD143 follows the configured limit", () => {
    expect(lixGrans.at("SD143")).toEqual(["lix-svar.md:19:1", "lix-svar.md:21:1"]);
    expect(lixGrans.of("SD143")[0]?.message).toContain("gränsen är 40,0");
  });

  it("validate --format json carries the LIX figures per document and section", () => {
    const svar = lix.report.results.find((r) => r.file.endsWith("rules-lix/lix-svar.md"));
    expect(svar?.lix?.sections.map((s) => [s.heading, s.value])).toEqual([
      ["Syfte", 7.8],
      ["Ansvar", 112.7],
    ]);
  });
});

describe("messages in English", () => {
  it("are given with --lang en", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "rules-personuppgifter")], { extra: ["--lang", "en"] });
    const messages = report.results.flatMap((r) =>
      r.diagnostics.filter((d) => d.ruleId === "SD140" || d.ruleId === "SD141").map((d) => d.message),
    );
    expect(messages.length).toBe(13);
    expect(messages.every((m) => m.includes("looks like"))).toBe(true);
  });
});
