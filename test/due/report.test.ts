import { describe, expect, it } from "vitest";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { DATES } from "./util.js";

const REPORT = path.join(FIXTURES, "due-report");

/** The lines of one `## ` section of a Markdown report. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}`);
  if (start === -1) throw new Error(`no section ${heading}`);
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start + 1, end === -1 ? undefined : end);
}

describe("samdok report (Markdown)", () => {
  it("is addressed to Länsstyrgruppen and sums up the set", async () => {
    const r = await runCli(["report", REPORT]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("# Statusrapport till Länsstyrgruppen");
    expect(r.stdout).toContain("**Testsamling**. Rapportdatum 23 november 2026. Beslut och uppföljningar räknas från 23 augusti 2026;");
    expect(section(r.stdout, "Sammanfattning")).toContain("- 4 dokument (utkast 1, fastställd 2, upphävd 1).");
    expect(section(r.stdout, "Sammanfattning")).toContain("- Överenskommelse om hemgång: 1 av 3 parter följer gällande version 2.0.");
  });

  it("counts by status, type and track in tables", async () => {
    const figures = section((await runCli(["report", REPORT])).stdout, "Dokumenten i siffror");
    expect(figures).toContain("| Utkast | 1 | 25 % |\n| Remiss | 0 | 0 % |\n| Fastställd | 2 | 50 % |\n| Upphävd | 1 | 25 % |");
    expect(figures).toContain("| Överenskommelse | 1 | 25 % |\n| Rutin | 3 | 75 % |");
    expect(figures).toContain(
      "| Trygg hemgång och effektiv samverkan | 0 | 0 | 1 | 1 | 2 |\n| Hälso- och sjukvårdsrutiner | 1 | 0 | 1 | 0 | 2 |",
    );
  });

  it("lists decided versions since --since, and drafts apart", async () => {
    const md = (await runCli(["report", REPORT, "--since", "2026-06-01"])).stdout;
    const changes = section(md, "Beslut och revideringar sedan 1 juni 2026");
    expect(changes).toContain(
      "| 2026-09-10 | Överenskommelse om hemgång (overenskommelse-hemgang) | 2.0 | Ny version med Eskilstuna som part. |",
    );
    expect(changes).not.toContain("rutin-utkast");
    expect(changes).toContain("Upphävda under perioden: Rutin som har upphävts (rutin-gammal, 2026-07-01).");
    expect(section(md, "Under arbete")).toContain("| Rutin som skrivs just nu (rutin-utkast) | utkast | 0.2 | 2026-10-20 | – |");
    // With the default period (three months back) the repeal in July is outside it.
    expect(section((await runCli(["report", REPORT])).stdout, "Beslut och revideringar")).not.toContain("rutin-gammal");
  });

  it("shows overdue and coming revisions and follow-ups, and follow-ups done", async () => {
    const md = (await runCli(["report", REPORT])).stdout;
    expect(section(md, "Revidering och giltighet")).toContain(
      "| förfallen | 2026-10-01 | för 53 dagar sedan | revidering | Rutin som ska ha reviderats (rutin-aktiv) | Medicinskt ansvarig sjuksköterska |",
    );
    const followups = section(md, "Uppföljningar");
    expect(followups).toContain("| snart | 2027-01-15 | om 53 dagar | uppföljning: Uppföljning av hemgångar under hösten.");
    expect(followups).toContain(
      "| 2026-10-02 | Överenskommelse om hemgång (overenskommelse-hemgang) | Första avstämningen efter beslutet. | Alla parter hade utsett kontaktpersoner. |",
    );
  });

  it("shows which version applies to each party, and its adoption", async () => {
    const adoption = section((await runCli(["report", REPORT])).stdout, "Antagande hos parterna");
    expect(adoption).toContain("| Part | Följer version 2.0 | Version som gäller för parten | Antagande |");
    expect(adoption).toContain("| Region Sörmland | Ja | 2.0 | Regionstyrelsen, 2026-10-05, § 88 |");
    expect(adoption).toContain("| Nyköpings kommun | Nej | 1.0 | Socialnämnden, 2023-02-01 |");
    expect(adoption).toContain("| Eskilstuna kommun | Nej | – | har inte antagit |");
  });

  it("shows how the set serves the målbild, leaving out repealed documents", async () => {
    const malbild = section((await runCli(["report", REPORT])).stdout, "Hur dokumenten tjänar målbilden");
    expect(malbild).toContain("Räknat på de 3 dokument som inte är upphävda.");
    expect(malbild).toContain("| Invånare | 1 | overenskommelse-hemgang |");
    expect(malbild).toContain("| Tillit | 0 | – |");
    expect(malbild).toContain("**Värdeord som inget dokument bär:** tillit, hälsofrämjande.");
  });

  it("refuses --since after the report date (exit 2)", async () => {
    const r = await runCli(["report", REPORT, "--since", "2027-01-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--since 2027-01-01 ligger efter rapportdatumet 2026-11-23/);
  });
});

describe("samdok report (HTML)", () => {
  it("is one valid, accessible, self-contained page", async () => {
    const r = await runCli(["report", REPORT, "--format", "html"]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html.match(/<h1>/g)?.length).toBe(1);
    expect(html).toContain("<title>Statusrapport till Länsstyrgruppen 23 november 2026</title>");
    expect(html).not.toMatch(/<script|<img|<link|src=|href=/);
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).toContain('<th scope="row">Fastställd</th>');
    expect(html).toContain("<caption>Dokument per status</caption>");
    // Charts carry their figures as text.
    expect(html).toMatch(/<svg role="img" aria-labelledby="s1-status-t s1-status-d"/);
    expect(html).toContain('<desc id="s1-status-d">Utkast: 1, Fastställd: 2, Upphävd: 1</desc>');
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html);
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it("reports several sets under one heading, each in its own section", async () => {
    const r = await runCli(["report", REPORT, DATES, "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<h1>/g)?.length).toBe(1);
    expect(r.stdout.match(/<section>/g)?.length).toBe(2);
    expect(r.stdout).toContain("<h2>Testsamling</h2>");
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(r.stdout);
    expect(report.valid).toBe(true);
  });
});
