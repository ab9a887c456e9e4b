/**
 * The change rules (SD302–SD307, `validate --changed-since`) on commits that
 * are lifecycle steps (design of issue 15, §3): each step's front matter
 * before and after, as the command writes it, must pass without being asked
 * for more than the step wrote (a version, a change-history line). The same
 * rules still catch a real change of a decided document that hides behind a
 * step, so the tests can fail.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FIXTURES } from "../helpers/cli.js";
import { loadConfig } from "../../src/core/config.js";
import { runChangeRules } from "../../src/ci/changed/change-rules.js";
import type { BaseDocument, ChangedDocument } from "../../src/rules/lib/change-context.js";
import type { DocumentResult } from "../../src/core/types.js";

type Data = Record<string, unknown>;
interface State {
  data: Data;
  body: string;
}

const config = loadConfig(path.join(FIXTURES, "rules-livscykel-ratt/samdok.config.json"), FIXTURES, "sv").config;

/** Runs the comparison rules on one changed document; "SDnnn message" per finding. */
function findings(before: State, after: State): string[] {
  const result: DocumentResult = { file: "documents/dokument.md", rootPath: "dokument.md", data: after.data, diagnostics: [] };
  const base: BaseDocument = { repoPath: "documents/dokument.md", display: "documents/dokument.md", data: before.data, body: before.body };
  const changed: ChangedDocument = { head: { result, data: after.data, body: after.body }, base, moved: false };
  const found = runChangeRules({
    ref: "origin/main",
    lang: "sv",
    today: "2026-11-23",
    config,
    changed: [changed],
    deleted: [],
    baseById: new Map([[String(before.data.id), [base]]]),
    configFile: "documents/samdok.config.json",
  });
  return [...(found.onDocuments.get(result) ?? []), ...found.onSet].map((d) => `${d.ruleId} ${d.message}`);
}

/** A deep copy with `edit` applied: the next state of the document, as a command leaves it. */
function step(from: State, edit: (d: Data) => void, body = from.body): State {
  const data = structuredClone(from.data);
  edit(data);
  return { data, body };
}

/** The list under `key`, made when missing, to append to as a command does. */
const list = <T = Data>(d: Data, key: string): T[] => (d[key] ??= []) as T[];

/** Version 2.0 of an agreement, in force: the base of every round. */
const inForce: State = {
  data: parse(`
id: overenskommelse-hemgang
titel: Överenskommelse om trygg hemgång
dokumenttyp: överenskommelse
status: fastställd
version: "2.0"
spar: trygg-hemgang
parter: [region-04, "0480", "0484"]
dokumentansvarig: narvardskoordinator
faststalld_av: nsv
faststalld_datum: 2025-03-20
beslutsparagraf: "§ 14"
diarienummer: "NSV 2024/45"
antaganden:
  - {part: region-04, organ: Regionstyrelsen, datum: 2025-04-15, version: "2.0"}
giltig_fran: 2025-05-01
giltig_till: 2029-04-30
revideras_senast: 2028-12-31
uppfoljning:
  - {datum: 2026-10-31, ansvarig: narvardskoordinator, beskrivning: Dagar med betalningsansvar.}
  - {datum: 2027-10-31, ansvarig: mas, beskrivning: Avvikelser vid hemgång.}
andringshistorik:
  - {version: "1.0", datum: 2021-03-25, beskrivning: Första versionen.}
  - {version: "2.0", datum: 2025-03-20, beskrivning: Reviderad version.}
`) as Data,
  body: "## Syfte\n\nVersion 2.0.\n",
};

// The revision round, step by step (design §3), each from the state the previous step left.
const started = step(
  inForce,
  (d) => {
    d.status = "utkast";
    d.version = "3.0";
    delete d.faststalld_av;
    delete d.faststalld_datum;
    delete d.beslutsparagraf;
  },
  "## Syfte\n\nVersion 3.0, under arbete.\n",
);
const consulted = step(started, (d) => {
  d.status = "remiss";
  d.remiss = { fran: "2026-11-23", till: "2027-01-31", version: "3.0", instanser: ["region-04", "0480", "0484"] };
});
const answered = step(consulted, (d) => {
  list(d.remiss as Data, "svar").push({ part: "0480", datum: "2026-12-10", standpunkt: "tillstyrker", diarienummer: "SN 2026/88" });
});
const answeredAgain = step(answered, (d) => {
  list(d.remiss as Data, "svar").push({ part: "0480", datum: "2026-12-20", standpunkt: "synpunkter", kommentar: "Helgerna." });
});
const extended = step(answeredAgain, (d) => {
  (d.remiss as Data).till = "2027-02-15";
});
const decided = step(extended, (d) => {
  d.status = "fastställd";
  d.faststalld_av = ["nsv", "lansstyrgruppen"];
  d.faststalld_datum = "2027-03-01";
  d.beslutsparagraf = "§ 9";
  d.giltig_fran = "2027-05-01";
  d.giltig_till = "tills vidare";
  d.revideras_senast = "2031-03-01";
  list(d, "andringshistorik").push({ version: "3.0", datum: "2027-03-01", beskrivning: "Ny version efter remiss." });
  delete d.remiss;
});
const adopted = step(decided, (d) => {
  list(d, "antaganden").push({ part: "0480", organ: "Socialnämnden", datum: "2027-03-20", version: "3.0", diarienummer: "SN 2027/12" });
});
const adoptedOld = step(decided, (d) => {
  // A party records late that it adopted 2.0 (`adopt --version 2.0`).
  list(d, "antaganden").push({ part: "0484", organ: "Vård- och omsorgsnämnden", datum: "2025-05-02", version: "2.0" });
});
const followedUp = step(adopted, (d) => {
  Object.assign(list(d, "uppfoljning")[0] ?? {}, { genomford: "2027-04-02", resultat: "Färre dagar än året innan." });
});
const repealed = step(adopted, (d) => {
  d.status = "upphävd";
  d.upphavd_datum = "2028-01-01";
  d.ersatts_av = "overenskommelse-hemgang-2028";
});
const replacing = step(decided, (d) => {
  // The other side of `repeal --replaced-by`: the replacing document names the repealed one.
  list<string>(d, "ersatter").push("overenskommelse-hemgang-2019");
});
const reviewed = step(inForce, (d) => {
  d.version = "2.1";
  d.revideras_senast = "2028-11-23";
  list(d, "andringshistorik").push({ version: "2.1", datum: "2026-11-23", beskrivning: "Granskad utan ändring.", redaktionell: true });
});
const editorialDraft = step(
  inForce,
  (d) => {
    d.status = "utkast";
    d.version = "2.1";
    delete d.faststalld_av;
    delete d.faststalld_datum;
    delete d.beslutsparagraf;
  },
  "## Syfte\n\nVersion 2.1, rättade länkar.\n",
);
const editorialDecided = step(editorialDraft, (d) => {
  d.status = "fastställd";
  d.faststalld_av = "nsv";
  d.faststalld_datum = "2026-11-23";
  d.beslutsparagraf = "§ 30";
  d.revideras_senast = "2029-04-30";
  list(d, "andringshistorik").push({ version: "2.1", datum: "2026-11-23", beskrivning: "Rättade länkar.", redaktionell: true });
});
/** A decided document with a consultation block left from its time on remiss (SD128 says to remove it). */
const leftover = step(inForce, (d) => {
  d.remiss = { fran: "2024-10-01", till: "2024-12-01", svar: [{ part: "0480", datum: "2024-11-01", standpunkt: "tillstyrker" }] };
});

describe("the change rules accept each lifecycle step's commit as it is", () => {
  const steps: [string, State, State][] = [
    ["revise --start --major (fastställd 2.0 → utkast 3.0, decision fields removed, text changed)", inForce, started],
    ["consult (utkast → remiss, remiss block)", started, consulted],
    ["respond (remiss.svar appended)", consulted, answered],
    ["respond again from the same party", answered, answeredAgain],
    ["consult on a document on remiss (period extended)", answeredAgain, extended],
    ["decide (remiss → fastställd 3.0, decision fields, history line, remiss removed)", extended, decided],
    ["adopt (antaganden appended, nothing else)", decided, adopted],
    ["adopt --version of an earlier version", decided, adoptedOld],
    ["followup (genomford and resultat on a follow-up)", adopted, followedUp],
    ["repeal (fastställd → upphävd, upphavd_datum, ersatts_av)", adopted, repealed],
    ["repeal --replaced-by, the replacing document (ersatter appended)", decided, replacing],
    ["revise --summary (review: minor version, editorial history line, new revideras_senast)", inForce, reviewed],
    ["revise --start (minor) then decide --editorial, in one pull request", inForce, editorialDecided],
    ["the whole round in one pull request (2.0 in force → 3.0 decided and adopted)", inForce, followedUp],
    ["removing a remiss block left on a decided document (SD128's advice)", leftover, inForce],
  ];

  it.each(steps)("%s", (_name, before, after) => {
    expect(after).not.toEqual(before);
    expect(findings(before, after)).toEqual([]);
  });
});

describe("a real change of a decided document is still caught behind a step", () => {
  it("adopt together with a changed text: SD302 and SD303 name the text, not the adoption", () => {
    const sneaky = step(adopted, () => undefined, "## Syfte\n\nVersion 3.0, ändrad i smyg.\n");
    const found = findings(decided, sneaky);
    expect(found.map((f) => f.slice(0, 5))).toEqual(["SD302", "SD303"]);
    expect(found[0]).toContain("texten har ändrats, men versionen är fortfarande 3.0");
    expect(found[0]).not.toContain("antaganden");
  });

  it("a follow-up whose plan changed, not only its outcome: SD302 names uppfoljning", () => {
    const changedPlan = step(followedUp, (d) => {
      Object.assign(list(d, "uppfoljning")[1] ?? {}, { datum: "2028-10-31" });
    });
    const found = findings(adopted, changedPlan);
    expect(found.map((f) => f.slice(0, 5))).toEqual(["SD302", "SD303"]);
    expect(found[0]).toContain("`uppfoljning` har ändrats");
  });

  it("an adoption together with new parties: SD302 names parter only", () => {
    const more = step(adopted, (d) => void (d.parter as string[]).push("0481"));
    const found = findings(decided, more);
    expect(found[0]).toMatch(/^SD302 Dokumentet är fastställt och `parter` har ändrats/);
  });

  it("moving only revideras_senast of a decided document is still a review to record (SD307)", () => {
    const moved = step(decided, (d) => void (d.revideras_senast = "2031-06-01"));
    expect(findings(decided, moved).map((f) => f.slice(0, 5))).toEqual(["SD307"]);
  });
});
