/**
 * `samdok report` per party: which version applies to each party (an
 * editorial change needs no new adoption), a version decided but not yet
 * adopted, and the remiss tally, in Markdown and HTML, Swedish and English.
 */
import { describe, expect, it } from "vitest";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { FIXTURES, runCli } from "../helpers/cli.js";

const ADOPTION = path.join(FIXTURES, "due-parter-antagande");
const REMISS = path.join(FIXTURES, "due-parter-remiss");
const LEAP = path.join(FIXTURES, "due-parter-skottdag");
const MARCH_1_2028 = new Date("2028-03-01T08:00:00Z");

/** The lines of one section of a Markdown report, from its heading to the next heading of the same level. */
function section(md: string, heading: string, level = 2): string {
  const marks = "#".repeat(level);
  const start = md.indexOf(`\n${marks} ${heading}`);
  if (start === -1) throw new Error(`no section ${heading}`);
  const end = md.indexOf(`\n${marks} `, start + 1);
  return md.slice(start + 1, end === -1 ? undefined : end);
}

async function validHtml(html: string): Promise<string[]> {
  const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html);
  return report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

describe("report: which version applies to each party", () => {
  it("counts the parties an editorial 2.1 covers as following 2.1", async () => {
    const r = await runCli(["report", ADOPTION]);
    expect(r.code).toBe(0);
    const summary = section(r.stdout, "Sammanfattning");
    expect(summary).toContain("- Överenskommelse med en redaktionell ändring: 2 av 4 parter följer gällande version 2.1.");
    expect(summary).not.toMatch(/har antagit gällande version/);
    const adoption = section(section(r.stdout, "Antagande hos parterna"), "Överenskommelse med en redaktionell ändring", 3);
    expect(adoption).toContain("| Part | Följer version 2.1 | Version som gäller för parten | Antagande |");
    expect(adoption).toContain(
      "| Region Sörmland | Ja | 2.1 (redaktionell ändring, antagen 2.0) | Regionstyrelsen, 2025-04-15, § 88, dnr RS 2025/101 |",
    );
    // Adopted 1.1 only: 2.0 was no editorial change.
    expect(adoption).toContain("| Nyköpings kommun | Nej | 1.1 | Socialnämnden, 2023-05-16, § 33 |");
    // 2.0 and 1.1 adopted at the same meeting: the newer version counts, whatever the order of the lines.
    expect(adoption).toContain(
      "| Eskilstuna kommun | Ja | 2.1 (redaktionell ändring, antagen 2.0) | Vård- och omsorgsnämnden, 2025-04-24, § 52 |",
    );
    expect(adoption).toContain("| Gnesta kommun | Nej | – | har inte antagit |");
  });

  it("says who has adopted a version decided to apply from a later date", async () => {
    const md = (await runCli(["report", ADOPTION])).stdout;
    expect(section(md, "Sammanfattning")).toContain(
      "- Överenskommelse som gäller från årsskiftet: 0 av 3 parter har antagit version 3.0, som gäller från 1 januari 2027.",
    );
    const adoption = section(section(md, "Antagande hos parterna"), "Överenskommelse som gäller från årsskiftet", 3);
    expect(adoption).toContain("| Region Sörmland | Nej | 2.0 | Regionstyrelsen, 2024-06-01 |");
    expect(adoption).toContain("| Eskilstuna kommun | Nej | – | har inte antagit |");
  });

  it("does not repeat the missing adoptions among revisions and validity", async () => {
    const md = (await runCli(["report", ADOPTION])).stdout;
    expect(section(md, "Revidering och giltighet")).not.toContain("antagande saknas");
    expect(section(md, "Sammanfattning")).toContain("- Förfallet: 0 revideringar eller giltighetstider och 0 uppföljningar.");
  });

  it("shows an item of a document with two responsible roles once, naming both", async () => {
    const md = (await runCli(["report", ADOPTION, "--within", "1000"])).stdout;
    const rows = section(md, "Revidering och giltighet")
      .split("\n")
      .filter((l) => l.includes("(overenskommelse-redaktionell)"));
    expect(rows).toEqual([
      "| snart | 2029-03-20 | om 848 dagar | revidering | Överenskommelse med en redaktionell ändring (overenskommelse-redaktionell) | Närvårdskoordinator, Medicinskt ansvarig sjuksköterska |",
    ]);
  });

  it("speaks English with --lang en", async () => {
    const md = (await runCli(["report", ADOPTION, "--lang", "en"])).stdout;
    expect(md).toContain("- Överenskommelse med en redaktionell ändring: 2 of 4 parties follow the current version 2.1.");
    expect(md).toContain(
      "- Överenskommelse som gäller från årsskiftet: 0 of 3 parties have adopted version 3.0, valid from 1 January 2027.",
    );
    expect(md).toContain("| Party | Follows version 2.1 | Version that applies to the party | Adoption |");
    expect(md).toContain(
      "| Region Sörmland | Yes | 2.1 (editorial change, adopted 2.0) | Regionstyrelsen, 2025-04-15, § 88, reg. no. RS 2025/101 |",
    );
    expect(md).toContain("| Gnesta kommun | No | – | has not adopted |");
  });

  it("says the same in HTML, marking the parties that do not follow", async () => {
    const r = await runCli(["report", ADOPTION, "--format", "html"]);
    expect(r.stdout).toContain("<li>Överenskommelse med en redaktionell ändring: 2 av 4 parter följer gällande version 2.1.</li>");
    expect(r.stdout).toContain(
      '<tr><th scope="row">Region Sörmland</th><td>Ja</td><td>2.1 (redaktionell ändring, antagen 2.0)</td><td>Regionstyrelsen, 2025-04-15, § 88, dnr RS 2025/101</td></tr>',
    );
    expect(r.stdout).toContain('<tr><th scope="row">Gnesta kommun</th><td class="no">Nej</td><td>–</td><td>har inte antagit</td></tr>');
    expect(await validHtml(r.stdout)).toEqual([]);
  });

  it("during a revision, shows the decided version that still applies and the one on remiss", async () => {
    const md = (await runCli(["report", REMISS])).stdout;
    expect(section(md, "Sammanfattning")).toContain(
      "- Överenskommelse som revideras: 2 av 3 parter följer gällande version 2.0; version 3.0 är på remiss.",
    );
    expect(section(md, "Antagande hos parterna")).toContain("| Eskilstuna kommun | Nej | – | har inte antagit |");
    const en = (await runCli(["report", REMISS, "--lang", "en"])).stdout;
    expect(en).toContain(
      "- Överenskommelse som revideras: 2 of 3 parties follow the current version 2.0; version 3.0 is out for consultation.",
    );
  });

  it("reads a leap-day adoption as the adoption it is", async () => {
    const md = (await runCli(["report", LEAP], { now: MARCH_1_2028 })).stdout;
    expect(md).toContain("- Överenskommelse som börjar gälla på skottdagen: 1 av 2 parter följer gällande version 1.0.");
    expect(md).toContain("| Region Sörmland | Ja | 1.0 | Regionstyrelsen, 2028-02-29, § 29, dnr RS 2028/29 |");
  });
});

describe("report: the remiss tally", () => {
  it("counts the answers, names who has not answered and the remiss end", async () => {
    const md = (await runCli(["report", REMISS])).stdout;
    expect(section(md, "Sammanfattning")).toContain(
      "- Rutin vars remisstid har gått ut: 1 av 3 remissinstanser har svarat; remisstiden slutade 20 november 2026.",
    );
    const tally = section(section(md, "Under arbete"), "Remissvar: Rutin vars remisstid har gått ut", 3);
    expect(tally).toContain(
      "Remisstiden för version 0.3 slutade 20 november 2026. 1 av 3 har svarat: tillstyrker 0, avstyrker 0, synpunkter 1, inte svarat 2 (Region Sörmland; Eskilstuna kommun).",
    );
    expect(tally).toContain("| Remissinstans | Ståndpunkt | Datum | Diarienummer | Kommentar |");
    expect(tally).toContain("| Nyköpings kommun | synpunkter | 2026-11-10 | SN 2026/77 | Vill ha tydligare ansvar under helger. |");
    expect(tally).toContain("| Eskilstuna kommun | inte svarat | – | – | – |");
  });

  it("says the remiss is still open before its end", async () => {
    const md = (await runCli(["report", REMISS, "--as-of", "2026-11-20"])).stdout;
    expect(md).toContain("1 av 3 remissinstanser har svarat; remisstiden slutar 20 november 2026.");
  });

  it("counts the latest answer of a party that answered twice, and an instans named in words, on a leap day", async () => {
    const md = (await runCli(["report", LEAP], { now: MARCH_1_2028 })).stdout;
    expect(md).toContain(
      "Remisstiden slutade 29 februari 2028. 1 av 3 har svarat: tillstyrker 1, avstyrker 0, synpunkter 0, inte svarat 2 (Nyköpings kommun; Brukarrådet för nära vård).",
    );
    expect(md).toContain("| Eskilstuna kommun | tillstyrker | 2028-02-29 | VON 2028/12 | – |");
    expect(md).toContain("| Brukarrådet för nära vård | inte svarat | – | – | – |");
  });

  it("says the same in English and in valid HTML", async () => {
    const en = (await runCli(["report", REMISS, "--lang", "en"])).stdout;
    expect(en).toContain(
      "The consultation on version 0.3 ended on 20 November 2026. 1 of 3 have answered: approve 0, reject 0, comments 1, not answered 2 (Region Sörmland; Eskilstuna kommun).",
    );
    expect(en).toContain("| Nyköpings kommun | comments | 2026-11-10 | SN 2026/77 | Vill ha tydligare ansvar under helger. |");
    const html = (await runCli(["report", REMISS, "--format", "html"])).stdout;
    expect(html).toContain("<h3>Remissvar: Rutin vars remisstid har gått ut</h3>");
    expect(html).toContain('<tr><th scope="row">Region Sörmland</th><td class="no">inte svarat</td><td>–</td><td>–</td><td>–</td></tr>');
    expect(await validHtml(html)).toEqual([]);
  });
});
