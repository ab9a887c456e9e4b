/**
 * Issue 16's own test: the redline editions are correct by construction.
 * The sample repository (documents/) is committed and tagged, then edited
 * with one edit of every kind, committed again, and built three times with
 * the same clock: the plain editions at the tag (a worktree of it) and at
 * the head, and the redline editions `--redline` the tag. For every
 * document in both:
 *
 * - Word: accepting every tracked change in the redline `<id>.docx` gives,
 *   paragraph by paragraph, the text of the plain file at the head;
 *   rejecting every change gives that at the tag (body and footnotes);
 * - HTML: removing <del> (and deleted blocks) and unwrapping <ins> gives the
 *   head page's text block by block; the inverse gives the tag's.
 *
 * Unchanged documents carry no marks; the new one is wholly inserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { REPO, runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { acceptXml, dropSummaries, paragraphTexts, rejectXml } from "../render-docx/redline-helpers.js";
import { acceptHtml, bodyTexts, rejectHtml } from "../render-html/redline-helpers.js";

/** 2026-11-23: the tests' clock, as SOURCE_DATE_EPOCH. */
const EPOCH = "1795420800";
const DOC = "documents/orebro/riktlinje-tvarprofessionellt-samarbete.md";
const CHANGED = "riktlinje-tvarprofessionellt-samarbete";
const UNCHANGED = "malbild-nara-vard";
const NEW = "rutin-ny-teamstart";

/** One edit of every kind the issue names, each on text that is there exactly once. */
const EDITS: readonly [string, string][] = [
  // Three one-word edits.
  ["Teamet träffas på fasta tider", "Teamet träffas på bestämda tider"],
  ["Erfarenheterna var goda.", "Erfarenheterna var mycket goda."],
  ["Ofta vet de olika yrkena inte", "Ofta vet de olika professionerna inte"],
  // A heading renamed.
  ["### Teamets möten", "### Teamets regelbundna möten"],
  // A list item removed, and one added to a numbered list.
  ["- rehabiliterande arbetssätt,\n", ""],
  [
    "6. Teamet följer upp målen minst var tredje månad.",
    "6. Teamet följer upp målen minst var tredje månad.\n7. Teamet avslutar arbetet när målen är nådda.",
  ],
  // A table row added and a cell changed.
  [
    "| Båda | Utser en teamsamordnare och ger tid för teamets möten. |",
    "| Båda | Utser en teamsamordnare och ger tid för teamets möten. |\n| Invånaren | Deltar i planeringen och säger vad som är viktigt. |",
  ],
  ["omsorg och handläggare.", "omsorg och biståndshandläggare."],
  // A footnote changed.
  ["16 kap. 4 § hälso- och sjukvårdslagen.", "16 kap. 4 § hälso- och sjukvårdslagen (2017:30)."],
  // A paragraph deleted, one added, one moved.
  [
    "Chefer i region och kommun ska planera så att medarbetarna har tid för teamet. Arbetet i team är en del av uppdraget, inte något extra.\n\n",
    "",
  ],
  ["- hur samordnad individuell plan används.\n", "- hur samordnad individuell plan används.\n\nIntroduktionen ges en gång per år.\n"],
  ["Riktlinjen gäller i hela länet. Varje kommun och vårdcentral anpassar arbetet till sina förutsättningar.\n\n", ""],
  [
    "## Ansvarsfördelning\n",
    "## Ansvarsfördelning\n\nRiktlinjen gäller i hela länet. Varje kommun och vårdcentral anpassar arbetet till sina förutsättningar.\n",
  ],
  // Formatting changed, and a block quote's text.
  ["> Invånaren är en lika viktig part i teamet som de andra.", "> **Invånaren** är en lika viktig part i teamet som alla andra."],
  // Re-wrapped only: no marks.
  [
    "Samordnaren kallar till möten och ser till att det som bestäms blir gjort. Samordnaren är också",
    "Samordnaren kallar till möten och ser till att det som bestäms blir gjort.\nSamordnaren är också",
  ],
  // A front-matter field.
  ["revideras_senast: 2028-04-30", "revideras_senast: 2028-06-30"],
];

let repo: TestRepo;
const dirs: string[] = [];
let outNew = "";
let outOld = "";
let outRed = "";

function edit(file: string, edits: readonly [string, string][]): void {
  let text = readFileSync(file, "utf8");
  for (const [from, to] of edits) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not there exactly once: ${from}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(file, text);
}

async function build(cwd: string, out: string, extra: string[] = []): Promise<void> {
  const res = await runCli(["build", "documents", "--format", "html,docx", "--per-document", "--out", out, "--no-cache", ...extra], {
    cwd,
    env: { SOURCE_DATE_EPOCH: EPOCH },
  });
  if (res.code !== 0) throw new Error(`build ${extra.join(" ")}: exit ${res.code}\n${res.stderr}`);
}

/** The one file named `name` in an edition folder (a set's edition may have a folder of its own). */
function find(out: string, name: string): string {
  const found = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === name);
  if (found.length !== 1) throw new Error(`${found.length} files named ${name} in ${out}`);
  const [file] = found;
  return path.join(file!.parentPath, file!.name);
}

function part(docx: string, name: string): string {
  const files = unzipSync(readFileSync(docx));
  const bytes = files[name];
  return bytes ? strFromU8(bytes) : "";
}

/** The body of a Word file's main part: what a reader sees of the document, the redline's summaries left out. */
function body(xml: string): string[] {
  const inBody = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? "";
  return paragraphTexts(dropSummaries(inBody));
}

beforeAll(async () => {
  repo = makeRepo(path.join(REPO, "documents"));
  dirs.push(repo.dir);
  repo.commit("Utgåvan före", "2026-11-01");
  repo.git(["tag", "fore"]);
  edit(path.join(repo.dir, DOC), EDITS);
  // A new document, and one removed.
  const source = readFileSync(path.join(repo.dir, "documents/sormland/rutin-egenvardsbedomning.md"), "utf8");
  writeFileSync(
    path.join(repo.dir, `documents/sormland/${NEW}.md`),
    source.replace("id: rutin-egenvardsbedomning", `id: ${NEW}`).replace(/^titel: .*$/m, "titel: Rutin för start av team"),
  );
  unlinkSync(path.join(repo.dir, "documents/sormland/riktlinje-vardhygien.md"));
  repo.commit("Ändringar", "2026-11-20");
  const work = mkdtempSync(path.join(os.tmpdir(), "samdok-redline-"));
  dirs.push(work);
  const old = path.join(work, "fore");
  repo.git(["worktree", "add", "-q", old, "fore"]);
  outOld = path.join(work, "dist-fore");
  outNew = path.join(work, "dist-efter");
  outRed = path.join(work, "dist-redline");
  await build(old, outOld);
  await build(repo.dir, outNew);
  await build(repo.dir, outRed, ["--redline", "fore"]);
}, 300_000);

afterAll(() => {
  if (process.env.KEEP_REDLINE) return;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the Word redline: accept all = the new edition, reject all = the old one", () => {
  it("accepts and rejects to the plain editions, paragraph by paragraph, body and footnotes", () => {
    const red = find(outRed, `${CHANGED}.docx`);
    const xml = part(red, "word/document.xml");
    expect(xml).toMatch(/<w:ins /);
    expect(xml).toMatch(/<w:del /);
    expect(body(acceptXml(xml))).toEqual(body(part(find(outNew, `${CHANGED}.docx`), "word/document.xml")));
    expect(body(rejectXml(xml))).toEqual(body(part(find(outOld, `${CHANGED}.docx`), "word/document.xml")));
    const notes = part(red, "word/footnotes.xml");
    expect(notes).toMatch(/<w:ins /);
    expect(paragraphTexts(acceptXml(notes))).toEqual(paragraphTexts(part(find(outNew, `${CHANGED}.docx`), "word/footnotes.xml")));
    expect(paragraphTexts(rejectXml(notes))).toEqual(paragraphTexts(part(find(outOld, `${CHANGED}.docx`), "word/footnotes.xml")));
  });

  it("leaves an unchanged document unmarked and marks a new one wholly inserted", () => {
    const same = part(find(outRed, `${UNCHANGED}.docx`), "word/document.xml");
    expect(same).not.toMatch(/<w:(ins|del) /);
    expect(body(same)).toEqual(body(part(find(outNew, `${UNCHANGED}.docx`), "word/document.xml")));
    const added = part(find(outRed, `${NEW}.docx`), "word/document.xml");
    expect(added).toMatch(/<w:ins /);
    expect(added).not.toMatch(/<w:del /);
    expect(body(acceptXml(added))).toEqual(body(part(find(outNew, `${NEW}.docx`), "word/document.xml")));
  });

  it("marks the re-wrapped paragraph not at all", () => {
    const xml = part(find(outRed, `${CHANGED}.docx`), "word/document.xml");
    const paragraph = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes("Samordnaren kallar till möten"));
    expect(paragraph).toBeDefined();
    expect(paragraph).not.toMatch(/<w:(ins|del) /);
  });
});

describe("the HTML redline: without <del> the new page, without <ins> the old one", () => {
  it("accepts and rejects to the plain pages, block by block", () => {
    const page = readFileSync(find(outRed, `${CHANGED}.html`), "utf8");
    expect(page).toMatch(/<ins[ >]/);
    expect(page).toMatch(/<del[ >]/);
    expect(bodyTexts(acceptHtml(page))).toEqual(bodyTexts(readFileSync(find(outNew, `${CHANGED}.html`), "utf8")));
    expect(bodyTexts(rejectHtml(page))).toEqual(bodyTexts(readFileSync(find(outOld, `${CHANGED}.html`), "utf8")));
  });

  it("leaves an unchanged page unmarked and lists the removed document", () => {
    const same = readFileSync(find(outRed, `${UNCHANGED}.html`), "utf8");
    expect(same).not.toMatch(/<(ins|del)[ >]/);
    // The consolidated page and file of the set open with what changed, came and went.
    const whole = readFileSync(path.join(path.dirname(find(outRed, `${NEW}.html`)), "samlad-utgava.html"), "utf8");
    expect(whole).toContain("Riktlinje för vårdhygien");
    const word = part(path.join(path.dirname(find(outRed, `${NEW}.docx`)), "samlad-utgava.docx"), "word/document.xml");
    expect(word).toContain("Riktlinje för vårdhygien");
  });
});
