/**
 * What a redline edition compares each document with (issue 16), before any
 * rendering: `d.redline` on the published documents and `edition.redline`
 * for the edition. A set tagged v1, then edited in every way a set changes
 * (a paragraph and a field, a new document, one deleted, one repealed, a
 * file renamed); `in-force` for a remiss edition; a bad REF, sources outside
 * git, and a committed symbolic link, which is never read as a document.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync, cpSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  prepareEdition,
  PublishRefused,
  setEdition,
  setsWithDocuments,
  type Edition,
  type EditionDocument,
  type PrepareOptions,
} from "../../src/render/edition.js";
import { UsageError } from "../../src/core/errors.js";
import { FIXTURES, NOW } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";

const FIXTURE = path.join(FIXTURES, "redline-samling");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The text with each [from, to] replaced once (the test fails when a line is missing). */
function edit(file: string, pairs: [string, string][]): void {
  let out = readFileSync(file, "utf8");
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`not found in ${path.basename(file)}: ${from}`);
    out = out.replace(from, to);
  }
  writeFileSync(file, out);
}

function repo(): TestRepo {
  const r = makeRepo(FIXTURE);
  made.push(r.dir);
  return r;
}

const doc = (r: TestRepo, name: string): string => path.join(r.dir, "documents", name);

/** A new rutin, fastställd and in force. */
const NEW_DOC = readFileSync(path.join(FIXTURE, "rutin-larm.md"), "utf8")
  .replace("id: rutin-larm", "id: rutin-ny")
  .replace("titel: Rutin för trygghetslarm efter hemgång", "titel: Rutin för uppföljande hembesök")
  .replace("Patienten har ett fungerande trygghetslarm från första dagen hemma.", "Ett hembesök inom en vecka efter hemgången.");

/** v1 on 27 February 2025; on 20 November 2026 every kind of change at once. */
function editedSinceV1(): { r: TestRepo; v1: string; v2: string } {
  const r = repo();
  const v1 = r.commit("1.0 fastställd", "2025-02-27");
  r.git(["tag", "v1"]);
  edit(doc(r, "rutin-hemgang.md"), [
    ["revideras_senast: 2027-02-28", "revideras_senast: 2027-06-30"],
    ["1. Skicka inskrivningsmeddelande inom ett dygn.", "1. Skicka inskrivningsmeddelande inom två dygn."],
  ]);
  writeFileSync(doc(r, "rutin-ny.md"), NEW_DOC);
  unlinkSync(doc(r, "rutin-lakemedel.md"));
  edit(doc(r, "rutin-larm.md"), [
    ["status: fastställd", "status: upphävd"],
    ["revideras_senast: 2027-02-28\n", "revideras_senast: 2027-02-28\nupphavd_datum: 2026-10-01\n"],
  ]);
  renameSync(doc(r, "riktlinje-utskrivning.md"), doc(r, "riktlinje-utskrivning-slutenvard.md"));
  const v2 = r.commit("ändringar", "2026-11-20");
  return { r, v1, v2 };
}

async function prepare(dir: string, extra: Partial<PrepareOptions> = {}): Promise<{ edition: Edition; stderr: string }> {
  let stderr = "";
  try {
    const edition = await prepareEdition({
      paths: ["documents"],
      cwd: dir,
      lang: "sv",
      today: "2026-11-23",
      outDir: path.join(dir, "dist"),
      filters: {},
      now: NOW,
      env: {},
      stderr: { write: (s: string) => (stderr += s) },
      jobs: 1,
      ...extra,
    });
    return { edition, stderr };
  } catch (error) {
    if (error instanceof PublishRefused)
      throw new Error(
        error.run.results
          .flatMap((x) => x.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}: ${d.message}`))
          .join("\n"),
      );
    throw error;
  }
}

function byId(edition: Edition, id: string): EditionDocument {
  const d = edition.documents.find((x) => x.doc.id === id);
  if (!d) throw new Error(`${id} is not published`);
  return d;
}

describe("--redline with a git revision", () => {
  it("compares every published document with its version at the tag, and lists what changed, came and went", async () => {
    const { r, v1 } = editedSinceV1();
    const { edition, stderr } = await prepare(r.dir, { redline: "v1" });
    expect(stderr).toBe("");
    const short = v1.slice(0, 12);
    expect(edition.redline).toEqual({
      ref: "v1",
      label: `v1 (${short})`,
      changed: ["rutin-hemgang"],
      added: ["rutin-ny"],
      removed: [
        {
          id: "rutin-lakemedel",
          titel: "Rutin för läkemedelslista vid utskrivning",
          path: "documents/rutin-lakemedel.md",
          reason: "borttagen",
        },
        { id: "rutin-larm", titel: "Rutin för trygghetslarm efter hemgång", path: "documents/rutin-larm.md", reason: "upphävd" },
      ],
    });

    // A paragraph and a field changed: the text at v1, its front matter as the editions read it, where it came from.
    const hemgang = byId(edition, "rutin-hemgang");
    const base = hemgang.redline;
    expect(base?.text).toBe(readFileSync(path.join(FIXTURE, "rutin-hemgang.md"), "utf8"));
    expect(base?.text?.split("\n")[(base.bodyLine ?? 0) - 2]).toBe("---");
    expect(base?.doc?.revideras_senast).toBe("2027-02-28");
    expect(hemgang.doc.revideras_senast).toBe("2027-06-30");
    expect(base?.from).toEqual({ commit: short, path: "documents/rutin-hemgang.md" });
    // Word's change author and date: the responsible role, and the commit of the clean working copy.
    expect(base?.author).toBe("Närvårdskoordinator");
    expect(base?.date).toBe("2026-11-20T12:00:00Z");

    // Renamed, not changed: found by its id at its old path; the shared responsibility is both roles.
    const riktlinje = byId(edition, "riktlinje-utskrivning");
    expect(riktlinje.redline?.from).toEqual({ commit: short, path: "documents/riktlinje-utskrivning.md" });
    expect(riktlinje.redline?.text).toBe(riktlinje.text);
    expect(riktlinje.redline?.author).toBe("Närvårdskoordinator, Medicinskt ansvarig sjuksköterska");

    // New: nothing to compare with.
    const ny = byId(edition, "rutin-ny");
    expect(ny.redline).toEqual({ author: "Närvårdskoordinator", date: "2026-11-20T12:00:00Z" });

    // Unchanged: compared, and the same.
    const same = byId(edition, "rutin-oforandrad");
    expect(same.redline?.text).toBe(same.text);
    expect(same.redline?.date).toBe("2025-02-27T12:00:00Z");
    expect(edition.documents.every((d) => d.redline !== undefined)).toBe(true);
  });

  it("dates an uncommitted change with the edition's timestamp, and counts a re-wrapped paragraph as no change", async () => {
    const { r } = editedSinceV1();
    edit(doc(r, "rutin-oforandrad.md"), [
      ["Varje vårdgivare ansvarar för sin del.", "Varje vårdgivare ansvarar för sin del\noch för att informationen kommer fram."],
    ]);
    edit(doc(r, "rutin-hemgang.md"), [
      // Only the line breaks of the paragraph move: no change a reader sees.
      [
        "## Syfte\n\nRutinen beskriver hur slutenvården och kommunen planerar en trygg hemgång\nför",
        "## Syfte\n\nRutinen beskriver hur slutenvården och kommunen\nplanerar en trygg hemgång för",
      ],
      ["revideras_senast: 2027-06-30", "revideras_senast: 2027-02-28"],
      ["inom två dygn", "inom ett dygn"],
    ]);
    const { edition } = await prepare(r.dir, { redline: "v1", env: { SOURCE_DATE_EPOCH: "1795420800" } });
    expect(edition.redline?.changed).toEqual(["rutin-oforandrad"]);
    expect(byId(edition, "rutin-oforandrad").redline?.date).toBe("2026-11-23T08:00:00Z");
    expect(byId(edition, "rutin-hemgang").redline?.text).not.toBe(byId(edition, "rutin-hemgang").text);
  });

  it("follows the edition's filters, --spar and --type, also for what is removed", async () => {
    const { r } = editedSinceV1();
    const { edition } = await prepare(r.dir, { redline: "v1", filters: { spar: ["hs-rutiner"] } });
    expect(edition.documents.map((d) => d.doc.id)).toEqual(["rutin-oforandrad"]);
    // The deleted läkemedel rutin was of this track; the repealed larm rutin was not.
    expect(edition.redline?.removed.map((x) => x.id)).toEqual(["rutin-lakemedel"]);
    expect(edition.redline?.changed).toEqual([]);
    const riktlinjer = await prepare(r.dir, { redline: "v1", filters: { type: ["riktlinje"] } });
    expect(riktlinjer.edition.redline).toMatchObject({ changed: [], added: [], removed: [] });
    // A build of named files: what was deleted elsewhere in the set is not this edition's business.
    const one = await prepare(r.dir, { redline: "v1", paths: ["documents/rutin-hemgang.md"] });
    expect(one.edition.redline).toMatchObject({ changed: ["rutin-hemgang"], added: [], removed: [] });
  });

  it("keeps two sets apart: the same id in each is two documents, and each set's edition lists its own changes", async () => {
    const r = makeRepo(FIXTURE, "documents/sormland");
    made.push(r.dir);
    cpSync(FIXTURE, path.join(r.dir, "documents", "orebro"), { recursive: true });
    r.commit("två samlingar", "2025-02-27");
    r.git(["tag", "v1"]);
    edit(path.join(r.dir, "documents", "sormland", "rutin-hemgang.md"), [["inom ett dygn", "inom två dygn"]]);
    unlinkSync(path.join(r.dir, "documents", "orebro", "rutin-lakemedel.md"));
    r.commit("ändringar", "2026-11-20");
    const { edition } = await prepare(r.dir, { redline: "v1" });
    const hemgang = edition.documents.filter((d) => d.doc.id === "rutin-hemgang");
    expect(hemgang.map((d) => d.redline?.from?.path).sort()).toEqual([
      "documents/orebro/rutin-hemgang.md",
      "documents/sormland/rutin-hemgang.md",
    ]);
    expect(edition.redline?.changed).toEqual(["rutin-hemgang"]);
    // The läkemedel rutin is still in Sörmland: only Örebro's is gone.
    expect(edition.redline?.removed.map((x) => x.path)).toEqual(["documents/orebro/rutin-lakemedel.md"]);
    const perSet = setsWithDocuments(edition).map((set) => {
      const e = setEdition(edition, set, path.join(r.dir, "dist", path.basename(set.root)));
      return [path.basename(set.root), e.redline?.changed, e.redline?.removed.map((x) => x.id)];
    });
    expect(perSet).toEqual([
      ["orebro", [], ["rutin-lakemedel"]],
      ["sormland", ["rutin-hemgang"], []],
    ]);
  });

  it("matches a document whose id changed by its path", async () => {
    const r = repo();
    r.commit("1.0", "2025-02-27");
    r.git(["tag", "v1"]);
    edit(doc(r, "rutin-oforandrad.md"), [["id: rutin-oforandrad", "id: rutin-informationsoverforing"]]);
    r.commit("nytt id", "2026-11-20");
    const { edition } = await prepare(r.dir, { redline: "v1" });
    const d = byId(edition, "rutin-informationsoverforing");
    expect(d.redline?.from?.path).toBe("documents/rutin-oforandrad.md");
    expect(edition.redline).toMatchObject({ changed: ["rutin-informationsoverforing"], added: [], removed: [] });
  });

  it("with --as-of, compares the version in force on that date", async () => {
    const { r } = editedSinceV1();
    const { edition } = await prepare(r.dir, { redline: "v1", asOf: "2026-01-15" });
    // The larm rutin was repealed from 1 October 2026: on 15 January 2026 it still applied, so it is
    // published (its repeal decided, a changed field), not removed; the deleted one is gone all the same.
    const larm = byId(edition, "rutin-larm");
    expect(larm.doc.status).toBe("upphävd");
    expect(larm.redline?.doc?.status).toBe("fastställd");
    expect(edition.redline?.changed).toEqual(["rutin-hemgang", "rutin-larm"]);
    expect(edition.redline?.removed.map((x) => [x.id, x.reason])).toEqual([["rutin-lakemedel", "borttagen"]]);
  });

  it("refuses a REF git does not know, naming it (a usage error)", async () => {
    const { r } = editedSinceV1();
    await expect(prepare(r.dir, { redline: "v9" })).rejects.toThrow(UsageError);
    await expect(prepare(r.dir, { redline: "v9" })).rejects.toThrow(/"v9" är ingen version i git här/);
    // An option-like REF never reaches git as an option.
    await expect(prepare(r.dir, { redline: "--output=/tmp/x" })).rejects.toThrow(/"--output=\/tmp\/x" är ingen version i git/);
  });

  it("refuses sources outside git (a usage error)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-utan-git-"));
    made.push(dir);
    cpSync(FIXTURE, path.join(dir, "documents"), { recursive: true });
    await expect(prepare(dir, { redline: "v1" })).rejects.toThrow(
      /--redline v1 jämför med en version i git, men .* ligger inte i något git-arkiv/,
    );
    await expect(prepare(dir, { redline: "in-force" })).rejects.toThrow(UsageError);
  });

  it("never reads a committed symbolic link as a document, inside the root or out of it", async () => {
    const r = repo();
    writeFileSync(
      path.join(r.dir, "hemlig.md"),
      NEW_DOC.replace("id: rutin-ny", "id: rutin-lank").replace(
        "Ett hembesök inom en vecka efter hemgången.",
        "HEMLIG TEXT utanför samlingen.",
      ),
    );
    symlinkSync("../hemlig.md", doc(r, "rutin-lank.md"));
    symlinkSync("rutin-hemgang.md", doc(r, "rutin-kopia.md"));
    r.commit("länkar", "2025-02-27");
    r.git(["tag", "v1"]);
    unlinkSync(doc(r, "rutin-lank.md"));
    unlinkSync(doc(r, "rutin-kopia.md"));
    writeFileSync(doc(r, "rutin-lank.md"), NEW_DOC.replace("id: rutin-ny", "id: rutin-lank"));
    r.commit("en riktig fil", "2026-11-20");
    const { edition } = await prepare(r.dir, { redline: "v1" });
    expect(edition.redline).toMatchObject({ changed: [], added: ["rutin-lank"], removed: [] });
    expect(byId(edition, "rutin-lank").redline?.text).toBeUndefined();
    expect(JSON.stringify(edition.documents.map((d) => d.redline))).not.toContain("HEMLIG");
  });
});

describe("--redline in-force", () => {
  /** 1.0 in force since 2025; the working copy is 2.0 on remiss, with a paragraph changed; a new rutin on remiss too. */
  function onRemiss(): { r: TestRepo; v1: string } {
    const r = repo();
    const v1 = r.commit("1.0 fastställd", "2025-02-27");
    edit(doc(r, "rutin-hemgang.md"), [
      ['status: fastställd\nversion: "1.0"', 'status: remiss\nversion: "2.0"'],
      ['faststalld_av: lansstyrgruppen\nfaststalld_datum: 2025-02-27\nbeslutsparagraf: "§ 12"\n', ""],
      [
        "revideras_senast: 2027-02-28\n",
        'revideras_senast: 2027-02-28\nremiss:\n  fran: 2026-11-01\n  till: 2027-01-31\n  version: "2.0"\n',
      ],
      ["Regionen och kommunen delar på ansvaret för planeringen.", "Kommunen leder planeringen."],
    ]);
    writeFileSync(
      doc(r, "rutin-ny.md"),
      NEW_DOC.replace("status: fastställd", "status: remiss")
        .replace('version: "1.0"', 'version: "0.9"')
        .replace('faststalld_av: lansstyrgruppen\nfaststalld_datum: 2025-02-27\nbeslutsparagraf: "§ 15"\n', "")
        .replace("giltig_fran: 2025-03-01\ngiltig_till: tills vidare\n", "")
        .replace(/andringshistorik:\n( {2}.*\n)+/, "")
        .replace(
          "revideras_senast: 2027-02-28\n",
          'revideras_senast: 2027-02-28\nremiss:\n  fran: 2026-11-01\n  till: 2027-01-31\n  version: "0.9"\n',
        ),
    );
    r.commit("2.0 på remiss", "2026-11-01");
    return { r, v1 };
  }

  it("marks a remiss edition against the version in force: the proposal against what applies today", async () => {
    const { r, v1 } = onRemiss();
    const { edition, stderr } = await prepare(r.dir, { redline: "in-force", filters: { status: ["remiss"] } });
    expect(stderr).toBe("");
    expect(edition.documents.map((d) => d.doc.id)).toEqual(["rutin-hemgang", "rutin-ny"]);
    expect(edition.redline).toEqual({
      ref: "in-force",
      label: "gällande version",
      changed: ["rutin-hemgang"],
      added: ["rutin-ny"],
      removed: [],
    });
    const hemgang = byId(edition, "rutin-hemgang");
    expect(hemgang.doc.status).toBe("remiss");
    expect(hemgang.redline?.doc?.status).toBe("fastställd");
    expect(hemgang.redline?.text).toContain("Regionen och kommunen delar på ansvaret för planeringen.");
    expect(hemgang.redline?.from).toEqual({ commit: v1.slice(0, 12), path: "documents/rutin-hemgang.md" });
    expect(hemgang.redline?.date).toBe("2026-11-01T12:00:00Z");
    expect(byId(edition, "rutin-ny").redline?.text).toBeUndefined();
  });

  it("finds nothing changed in a default edition, which publishes the version in force itself", async () => {
    const { r } = onRemiss();
    const { edition } = await prepare(r.dir, { redline: "in-force" });
    // 1.0 is published, from git, and is the version in force: the same text, dated by its own commit.
    const hemgang = byId(edition, "rutin-hemgang");
    expect(hemgang.publishedFrom?.version).toBe("1.0");
    expect(edition.redline).toMatchObject({ changed: [], added: [] });
    expect(hemgang.redline?.date).toBe("2025-02-27T12:00:00Z");
  });
});
