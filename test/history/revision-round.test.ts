/**
 * The whole revision round, in a git repository built in a temporary
 * folder, with the commands alone and a commit after each step (fixed
 * dates): the agreement's version 2.0 is in force; 3.0 is drafted, sent on
 * remiss, answered, decided to apply from a later date and adopted by one
 * party; then an editorial 3.1. A routine is decided on a leap day and
 * repealed before its new version came into force. At each step: validate
 * (no errors, no new warnings, also as a pull request against the step
 * before), history, due, report and both editions, including --as-of
 * before and after the new version's giltig_fran.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES, runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { xmlParts } from "../render-docx/helpers.js";

const AGREEMENT = "overenskommelse-hemgang";
const ROUTINE = "rutin-hemtagning";
const clock = (date: string): Date => new Date(`${date}T09:00:00Z`);

let repo: TestRepo;
const outs: string[] = [];
let baselineWarnings: string[] = [];
let previousCommit = "";

async function sam(args: string[], date: string, codes: number[] = [0]): Promise<{ stdout: string; stderr: string }> {
  const r = await runCli(args, { cwd: repo.dir, now: clock(date) });
  if (!codes.includes(r.code)) throw new Error(`samdok ${args.join(" ")} → ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

function fileOf(id: string): string {
  return path.join(repo.dir, "documents", `${id}.md`);
}

function editBody(id: string, from: string, to: string): void {
  const text = readFileSync(fileOf(id), "utf8");
  if (!text.includes(from)) throw new Error(`not in ${id}: ${from}`);
  writeFileSync(fileOf(id), text.replace(from, to));
}

/** Validation of the whole set: no errors, no warning that was not there at the start; and as a pull request against the step before. */
async function expectClean(date: string): Promise<void> {
  const r = await sam(["validate", "documents", "--format", "json", "--no-cache"], date, [0, 1]);
  const json = JSON.parse(r.stdout) as {
    summary: { errors: number };
    results: { file: string; diagnostics: { ruleId: string; severity: string; message: string }[] }[];
  };
  const findings = json.results.flatMap((f) => f.diagnostics.map((d) => `${d.severity} ${d.ruleId} ${f.file}: ${d.message}`));
  expect(findings.filter((f) => f.startsWith("error"))).toEqual([]);
  expect(findings.filter((f) => !baselineWarnings.includes(f))).toEqual([]);
  if (previousCommit !== "") {
    const pr = await sam(["validate", "documents", "--changed-since", previousCommit, "--format", "json", "--no-cache"], date, [0, 1]);
    const prJson = JSON.parse(pr.stdout) as typeof json;
    const prErrors = prJson.results.flatMap((f) =>
      f.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.ruleId} ${f.file}: ${d.message}`),
    );
    expect(prErrors).toEqual([]);
  }
}

function commit(message: string, date: string): void {
  previousCommit = repo.commit(message, date);
}

interface HistoryJson {
  id: string;
  file: string;
  in_force: string | null;
  repealed: string | null;
  coming: { version: string; kind: string; date: string | null } | null;
  versions: {
    version: string;
    status: string;
    commit: string | null;
    committed: string | null;
    faststalld_datum: string | null;
    giltig_fran: string | null;
    giltig_till: string | null;
  }[];
}

async function history(id: string, date: string, asOf?: string): Promise<HistoryJson> {
  const r = await sam(["history", id, "--format", "json", ...(asOf ? ["--as-of", asOf] : [])], date);
  return JSON.parse(r.stdout) as HistoryJson;
}

interface DueItem {
  id: string;
  kind: string;
  date: string;
  state: string;
  party?: string;
  version?: string;
  detail?: string;
}

async function due(date: string): Promise<DueItem[]> {
  const r = await sam(["due", "documents", "--format", "json", "--within", "3000d"], date);
  return (JSON.parse(r.stdout) as { items: DueItem[] }).items;
}

/** The text of an HTML page, tags removed and white space folded. */
function pageText(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/\s+/g, " ");
}

/** The text of the consolidated Word edition's body, runs joined. */
function wordText(file: string): string {
  const xml = xmlParts(file)["word/document.xml"] ?? "";
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
}

/** Builds both editions (as of `asOf` when given) and returns the agreement's page text, the index text and the Word text. */
async function editions(date: string, asOf?: string): Promise<{ page: (id: string) => string | undefined; index: string; word: string }> {
  const out = mkdtempSync(path.join(os.tmpdir(), "samdok-round-dist-"));
  outs.push(out);
  const dist = path.join(out, "dist");
  await sam(["build", "documents", "--format", "html,docx", "--out", dist, "--no-cache", ...(asOf ? ["--as-of", asOf] : [])], date);
  const word = wordText(path.join(dist, "samlad-utgava.docx"));
  return {
    page: (id) => (existsSync(path.join(dist, `${id}.html`)) ? pageText(path.join(dist, `${id}.html`)) : undefined),
    index: pageText(path.join(dist, "index.html")),
    word,
  };
}

beforeAll(async () => {
  repo = makeRepo(path.join(FIXTURES, "revisionsrunda"));
  const r = await runCli(["validate", "documents", "--format", "json", "--no-cache"], { cwd: repo.dir, now: clock("2026-08-01") });
  const json = JSON.parse(r.stdout) as {
    results: { file: string; diagnostics: { ruleId: string; severity: string; message: string }[] }[];
  };
  baselineWarnings = json.results.flatMap((f) => f.diagnostics.map((d) => `${d.severity} ${d.ruleId} ${f.file}: ${d.message}`));
  expect(baselineWarnings.filter((w) => w.startsWith("error"))).toEqual([]);
  commit("Version 2.0 av överenskommelsen och rutinen 1.0", "2026-08-01");
});

afterAll(() => {
  for (const out of outs) rmSync(out, { recursive: true, force: true });
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

describe("a revision round with the commands, step by step", () => {
  it("1. revise --start --major: 3.0 is drafted while 2.0 stays in force and is what the editions publish", async () => {
    await sam(["revise", AGREEMENT, "--start", "--major"], "2026-09-01");
    editBody(AGREEMENT, "Version två gäller.", "Version tre gäller.");
    await expectClean("2026-09-01");
    commit("Utkast till version 3.0", "2026-09-01");

    const h = await history(AGREEMENT, "2026-09-01");
    expect(h.versions.map((v) => [v.version, v.status])).toEqual([
      ["2.0", "fastställd"],
      ["3.0", "utkast"],
    ]);
    expect(h.versions.every((v) => /^[0-9a-f]{40}$/.test(v.commit ?? ""))).toBe(true);
    expect(h.in_force).toBe("2.0");
    expect(h.coming).toMatchObject({ version: "3.0", kind: "utkast" });

    // The in-force version's duties stay on the list while the draft is written.
    const items = await due("2026-09-01");
    expect(items.filter((i) => i.id === AGREEMENT).map((i) => i.kind)).toEqual(expect.arrayContaining(["revision", "expiry", "follow-up"]));

    const e = await editions("2026-09-01");
    expect(e.page(AGREEMENT)).toContain("Version två gäller.");
    expect(e.page(AGREEMENT)).not.toContain("Version tre gäller.");
    expect(e.page(AGREEMENT)).toContain("Version 3.0 är under arbete");
    expect(e.word).toContain("Version två gäller.");
    expect(e.word).not.toContain("Version tre gäller.");
  });

  it("2. consult: on remiss to every party; the editions announce it", async () => {
    await sam(["consult", AGREEMENT, "--until", "2026-10-31"], "2026-09-15");
    await expectClean("2026-09-15");
    commit("Version 3.0 på remiss", "2026-09-15");
    const h = await history(AGREEMENT, "2026-09-15");
    expect(h.coming).toEqual({ version: "3.0", kind: "remiss", date: "2026-10-31" });
    const e = await editions("2026-09-15");
    expect(e.page(AGREEMENT)).toContain("Version två gäller.");
    expect(e.page(AGREEMENT)).toContain("Version 3.0 är på remiss till 31 oktober 2026");
    expect(e.word).toContain("Version 3.0 är på remiss till 31 oktober 2026");
  });

  it("3. respond: two of three parties answer; after the remiss end the missing answer is due and the report tallies", async () => {
    await sam(
      ["respond", AGREEMENT, "--party", "0480", "--position", "approve", "--registration", "SN 2026/12", "--date", "2026-10-10"],
      "2026-10-10",
    );
    await sam(
      ["svara", AGREEMENT, "--party", "region-04", "--position", "synpunkter", "--comment", "Förtydliga ansvaret vid helger."],
      "2026-10-20",
    );
    await expectClean("2026-10-20");
    commit("Remissvar från Nyköping och regionen", "2026-10-20");

    const items = await due("2026-11-05");
    expect(items.filter((i) => i.kind === "remiss-answer").map((i) => [i.id, i.party, i.date])).toEqual([
      [AGREEMENT, "0484", "2026-10-31"],
    ]);
    const report = (await sam(["report", "documents"], "2026-11-05")).stdout;
    expect(report).toContain("Eskilstuna kommun");
    expect(report).toMatch(/tillstyrk/i);
  });

  it("4. decide, valid from a later date: 2.0 applies until 3.0's giltig_fran, in the default edition and point in time", async () => {
    await sam(["decide", AGREEMENT, "--body", "nsv", "--paragraph", "§ 40/2026", "--valid-from", "2027-02-01"], "2026-11-10");
    await expectClean("2026-11-10");
    commit("Version 3.0 fastställd", "2026-11-10");
    const text = readFileSync(fileOf(AGREEMENT), "utf8");
    expect(text).not.toMatch(/^remiss:/m);
    expect(text).toMatch(/^status: fastställd$/m);

    const h = await history(AGREEMENT, "2026-11-10");
    expect(h.versions.map((v) => [v.version, v.status, v.giltig_fran])).toEqual([
      ["2.0", "fastställd", "2025-05-01"],
      ["3.0", "fastställd", "2027-02-01"],
    ]);
    expect(h.in_force).toBe("2.0");
    expect(h.coming).toEqual({ version: "3.0", kind: "beslutad", date: "2027-02-01" });
    expect((await history(AGREEMENT, "2026-11-10", "2027-02-01")).in_force).toBe("3.0");

    const now = await editions("2026-11-10");
    expect(now.page(AGREEMENT)).toContain("Version två gäller.");
    expect(now.page(AGREEMENT)).toContain("1 februari 2027");
    const before = await editions("2026-11-10", "2027-01-31");
    expect(before.page(AGREEMENT)).toContain("Version två gäller.");
    expect(before.page(AGREEMENT)).toContain("Gällande den 31 januari 2027");
    expect(before.word).toContain("Version två gäller.");
    const after = await editions("2026-11-10", "2027-02-01");
    expect(after.page(AGREEMENT)).toContain("Version tre gäller.");
    expect(after.page(AGREEMENT)).not.toContain("Version två gäller.");
    expect(after.page(AGREEMENT)).toContain("Gällande den 1 februari 2027");
    expect(after.word).toContain("Version tre gäller.");
    expect(after.word).toMatch(/gällande den 1 februari 2027/i);
  });

  it("5. adopt: one party adopts 3.0; the others are due to, and the report says who follows what", async () => {
    await sam(
      ["adopt", AGREEMENT, "--party", "region-04", "--body", "Regionstyrelsen", "--paragraph", "§ 101", "--registration", "RS 2026/77"],
      "2026-12-01",
    );
    await expectClean("2026-12-01");
    commit("Regionen antar version 3.0", "2026-12-01");
    const text = readFileSync(fileOf(AGREEMENT), "utf8");
    expect(text).toContain("RS 2026/77");

    const adoptions = (await due("2026-12-01")).filter((i) => i.kind === "adoption");
    expect(adoptions.map((i) => [i.party, i.version, i.date]).sort()).toEqual([
      ["0480", "3.0", "2027-02-01"],
      ["0484", "3.0", "2027-02-01"],
    ]);
    const report = (await sam(["report", "documents"], "2026-12-01")).stdout;
    expect(report).toContain("Nyköpings kommun");
    expect(report).toMatch(/1 av 3 parter/);
  });

  it("6. an editorial 3.1 needs no new adoption: the party that adopted 3.0 follows 3.1", async () => {
    await sam(["revise", AGREEMENT, "--start"], "2027-03-01");
    editBody(AGREEMENT, "Regionen och kommunerna i länet.", "Regionen och kommunerna i länet, var och en för sig.");
    commit("Utkast 3.1", "2027-03-01");
    await sam(
      [
        "decide",
        AGREEMENT,
        "--body",
        "nsv",
        "--paragraph",
        "§ 5/2027",
        "--editorial",
        "--summary",
        "Redaktionell ändring av avsnittet Parter.",
      ],
      "2027-03-01",
    );
    await expectClean("2027-03-01");
    commit("Version 3.1, redaktionell", "2027-03-01");

    const h = await history(AGREEMENT, "2027-03-01");
    expect(h.versions.map((v) => v.version)).toEqual(["2.0", "3.0", "3.1"]);
    expect(h.in_force).toBe("3.1");
    const adoptions = (await due("2027-03-01")).filter((i) => i.kind === "adoption");
    expect(adoptions.map((i) => i.party).sort()).toEqual(["0480", "0484"]);
    const report = (await sam(["report", "documents"], "2027-03-01")).stdout;
    expect(report).toMatch(/1 av 3 parter följer gällande version 3\.1/);
  });

  it("7. a routine decided on a leap day and repealed before its new version came into force", async () => {
    await sam(["revise", ROUTINE, "--start", "--major"], "2028-01-10");
    editBody(ROUTINE, "Version ett gäller.", "Version två gäller.");
    await expectClean("2028-01-10");
    commit("Rutinen 2.0 utkast", "2028-01-10");
    await sam(["decide", ROUTINE, "--body", "lansstyrgruppen", "--paragraph", "§ 9", "--valid-from", "2028-04-01"], "2028-02-29");
    await expectClean("2028-02-29");
    commit("Rutinen 2.0 fastställd på skottdagen", "2028-02-29");
    expect((await history(ROUTINE, "2028-02-29")).versions.at(-1)).toMatchObject({
      version: "2.0",
      status: "fastställd",
      faststalld_datum: "2028-02-29",
    });
    await sam(["repeal", ROUTINE, "--date", "2028-03-15"], "2028-03-15");
    await expectClean("2028-03-15");
    commit("Rutinen upphävd", "2028-03-15");

    expect((await history(ROUTINE, "2028-03-15", "2028-03-14")).in_force).toBe("1.0");
    const gone = await history(ROUTINE, "2028-03-15", "2028-04-01");
    expect(gone.in_force).toBeNull();
    expect(gone.repealed).toBe("2028-03-15");

    const before = await editions("2028-03-15", "2028-03-14");
    expect(before.page(ROUTINE)).toContain("Version ett gäller.");
    const after = await editions("2028-03-15", "2028-04-01");
    expect(after.page(ROUTINE)).toBeUndefined();
    expect(after.index).toContain("Rutin för hemtagning efter utskrivning");
    expect(after.word).not.toContain("Version två gäller.");
    expect(after.word).not.toContain("Version ett gäller.");
  });
});
