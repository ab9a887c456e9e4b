/**
 * The Word redline edition (issue 16): native tracked changes.
 *
 * First a hand-made merged tree (every kind of mark: words in a heading and
 * in a link, a formatting change, new and gone paragraphs, list items,
 * table rows, a code block, a rule, a footnote gone and one changed), put
 * in place of the diff's for one document, so that the Word markup is
 * checked for itself: w:ins / w:del / w:rPrChange / row and paragraph-mark
 * changes, valid nesting, unique ids, author and date, the same bytes twice.
 * Then a set in a temporary git repository, edited since a tag, built as
 * `samdok build --format docx --redline v1` builds it: the summary, the
 * fact box and history compared, the list of changed documents, and
 * accepting every change gives the edition of the new version paragraph by
 * paragraph, rejecting every change the edition at the tag.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import type { Data } from "mdast";
import { prepareEdition, type Edition, type EditionDocument } from "../../src/render/edition.js";
import { buildDocx } from "../../src/render/docx/index.js";
import { documentBookmark } from "../../src/render/docx/bookmarks.js";
import { summaryBookmark } from "../../src/render/docx/redline-chapter.js";
import { FIXTURES, NOW } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { needPrograms } from "../helpers/programs.js";
import { acceptXml, dropSummaries, paragraphTexts, rejectXml } from "./redline-helpers.js";

/** A merged tree made by hand, used instead of the diff's for the next build (then the real diff again). */
const handMade = vi.hoisted(() => ({ make: undefined as (() => { tree: Root; sections: Heading[] }) | undefined }));

vi.mock("../../src/redline/diff.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/redline/diff.js")>();
  return {
    ...real,
    redlineTree: (before: Root | undefined, after: Root) => {
      const made = handMade.make?.();
      return made ? { ...made, changed: true, words: { inserted: 0, deleted: 0 } } : real.redlineTree(before, after);
    },
  };
});

const FIXTURE = path.join(FIXTURES, "redline-samling");
const AUTHOR = "Närvårdskoordinator";
const DATE = "2026-11-20T12:00:00Z";
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samdok-redline-docx-"));
  made.push(dir);
  return dir;
}

// --- The hand-made merged tree ------------------------------------------------

const text = (value: string): PhrasingContent => ({ type: "text", value });
const ins = (...children: PhrasingContent[]): PhrasingContent => ({ type: "redlineInsert", children });
const del = (...children: PhrasingContent[]): PhrasingContent => ({ type: "redlineDelete", children });
const block = (kind: "insert" | "delete" | undefined): { data?: Data } => (kind ? { data: { redline: kind } } : {});
const para = (children: PhrasingContent[], kind?: "insert" | "delete"): RootContent & { type: "paragraph" } => ({
  type: "paragraph",
  children,
  ...block(kind),
});
const cell = (...children: PhrasingContent[]) => ({ type: "tableCell" as const, children });

function mergedTree(): { tree: Root; sections: Heading[] } {
  const renamed: Heading = { type: "heading", depth: 2, children: [text("Syfte och "), del(text("mål")), ins(text("omfattning"))] };
  const gone: Heading = { type: "heading", depth: 2, children: [del(text("Gammalt avsnitt"))], data: { redline: "delete" } };
  const tree: Root = {
    type: "root",
    children: [
      renamed,
      para([
        text("Läs "),
        { type: "link", url: "https://example.se/rutin", children: [del(text("gamla")), ins(text("nya")), text(" rutinen")] },
        text(" och "),
        { type: "redlineFormat", before: ["emphasis"], children: [{ type: "strong", children: [text("följ den")] }] },
        text("."),
        del({ type: "footnoteReference", identifier: "1", label: "1" }),
        { type: "footnoteReference", identifier: "2", label: "2" },
      ]),
      para([ins(text("Ett helt nytt stycke."))], "insert"),
      gone,
      para([del(text("Ett stycke som är borta."))], "delete"),
      {
        type: "list",
        ordered: true,
        start: 1,
        spread: false,
        children: [
          { type: "listItem", spread: false, children: [para([text("Ring patienten.")])] },
          { type: "listItem", spread: false, children: [para([del(text("Skicka brev."))], "delete")], data: { redline: "delete" } },
          { type: "listItem", spread: false, children: [para([ins(text("Skicka sms."))], "insert")], data: { redline: "insert" } },
        ],
      },
      {
        type: "table",
        align: [null, null],
        children: [
          { type: "tableRow", children: [cell(text("Roll")), cell(text("Ansvar"))] },
          { type: "tableRow", children: [cell(text("MAS")), cell(text("Följer upp "), ins(text("och rapporterar")))] },
          {
            type: "tableRow",
            children: [cell(ins(text("Biståndshandläggare"))), cell(ins(text("Beslutar")))],
            data: { redline: "insert" },
          },
          { type: "tableRow", children: [cell(del(text("Kurator"))), cell(del(text("Stödjer")))], data: { redline: "delete" } },
        ],
      },
      { type: "code", value: "gammal kod\nrad två", data: { redline: "delete" } },
      { type: "thematicBreak", data: { redline: "insert" } },
      {
        type: "footnoteDefinition",
        identifier: "1",
        label: "1",
        children: [para([del(text("En fotnot som är borta."))], "delete")],
        data: { redline: "delete" },
      },
      {
        type: "footnoteDefinition",
        identifier: "2",
        label: "2",
        children: [para([text("Enligt lagen "), ins(text("(2017:612)")), text(".")])],
      },
    ],
  };
  return { tree, sections: [renamed, gone] };
}

async function edition(outDir: string, keepBodies = true): Promise<Edition> {
  return prepareEdition({
    paths: [FIXTURE],
    cwd: FIXTURES,
    lang: "sv",
    today: "2026-11-23",
    outDir,
    filters: {},
    now: NOW,
    env: {},
    stderr: { write: () => true },
    keepBodies,
    jobs: 1,
  });
}

function byId(e: Edition, id: string): EditionDocument {
  const d = e.documents.find((x) => x.doc.id === id);
  if (!d) throw new Error(`${id} is not published`);
  return d;
}

/** The parts of a .docx (XML as text). */
function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(file))))) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) out[name] = strFromU8(data);
  }
  return out;
}

/** Builds the fixture set's Word edition with rutin-hemgang compared with a version made up for it, its tree the hand-made one. */
async function handMadeBuild(options: { perDocument?: boolean; keepBodies?: boolean } = {}): Promise<{ dir: string; files: string[] }> {
  const dir = tempDir();
  const e = await edition(dir, options.keepBodies ?? true);
  const d = byId(e, "rutin-hemgang");
  d.redline = {
    text: d.text.replace("inom ett dygn", "inom två dygn"),
    bodyLine: d.result.bodyLine ?? 1,
    doc: { ...d.doc, titel: "Rutin för enkel hemgång", revideras_senast: "2027-01-31" },
    author: AUTHOR,
    date: DATE,
  };
  e.redline = { ref: "v1", label: "v1 (abc1234)", changed: ["rutin-hemgang"], added: [], removed: [] };
  handMade.make = mergedTree;
  try {
    const files = await buildDocx(e, { perDocument: options.perDocument ?? false, tocField: false, pageNumbers: false });
    return { dir, files };
  } finally {
    handMade.make = undefined;
  }
}

/** The runs inside each w:ins / w:del around runs. */
function changeGroups(xml: string, kind: "ins" | "del"): string[] {
  return [...xml.matchAll(new RegExp(`<w:${kind} [^>]*[^/]>([\\s\\S]*?)</w:${kind}>`, "g"))].map((m) => m[1] ?? "");
}

/** The ids of a part's changes and of its bookmarks. */
function ids(xml: string): { changes: string[]; bookmarks: string[] } {
  return {
    changes: [...xml.matchAll(/<w:(?:ins|del|rPrChange) w:id="(\d+)"/g)].map((m) => m[1] ?? ""),
    bookmarks: [...xml.matchAll(/<w:bookmarkStart [^>]*w:id="(\d+)"/g)].map((m) => m[1] ?? ""),
  };
}

function expectValidMarkup(xml: string): void {
  // Marks go inside links, never around them; deleted runs hold w:delText, never w:t.
  expect(xml).not.toMatch(/<w:ins [^>]*[^/]>(?:(?!<\/w:ins>)[\s\S])*<w:hyperlink/);
  expect(xml).not.toMatch(/<w:del [^>]*[^/]>(?:(?!<\/w:del>)[\s\S])*<w:hyperlink/);
  for (const group of changeGroups(xml, "del")) expect(group).not.toMatch(/<w:t[ >]/);
  for (const group of changeGroups(xml, "ins")) expect(group).not.toMatch(/<w:delText/);
  // Only runs inside the marks.
  for (const group of [...changeGroups(xml, "ins"), ...changeGroups(xml, "del")]) expect(group).toMatch(/^(<w:r>[\s\S]*?<\/w:r>)+$/);
  // Every change has the author and date; ids are unique and never a bookmark's.
  for (const m of xml.matchAll(/<w:(ins|del|rPrChange) ([^>]*?)\/?>/g)) {
    expect(m[2]).toMatch(new RegExp(`^w:id="\\d+" w:author="${AUTHOR}" w:date="${DATE}"$`));
  }
  const { changes, bookmarks } = ids(xml);
  expect(new Set(changes).size).toBe(changes.length);
  expect(changes.filter((id) => bookmarks.includes(id))).toEqual([]);
}

/** The paragraphs of a document's chapter: from its title to the next chapter's title (or the end of the body). */
function chapter(xml: string, id: string): string {
  const at = xml.indexOf(`w:name="${documentBookmark(id)}"`);
  if (at < 0) throw new Error(`no chapter ${id}`);
  const start = xml.lastIndexOf("<w:p>", at);
  const next = xml.indexOf('<w:pStyle w:val="Heading1"/>', at);
  const end = next < 0 ? xml.indexOf("<w:sectPr", xml.lastIndexOf("</w:p>")) : xml.lastIndexOf("<w:p>", next);
  return xml.slice(start, end);
}

describe("Word redline: a hand-made merged tree", () => {
  it("writes insertions and deletions around runs, inside links, with w:delText, and footnote references in them", async () => {
    const { dir } = await handMadeBuild();
    const xml = parts(path.join(dir, "samlad-utgava.docx"));
    const body = xml["word/document.xml"] ?? "";
    const hemgang = chapter(body, "rutin-hemgang");
    expectValidMarkup(body);
    // A word in the heading; words in a link, inside the w:hyperlink.
    expect(hemgang).toMatch(
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">mål<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">omfattning<\/w:t>/,
    );
    expect(hemgang).toMatch(
      /<w:hyperlink [^>]*><w:del [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:delText xml:space="preserve">gamla<\/w:delText>/,
    );
    // A footnote reference gone: its run is in a w:del.
    expect(hemgang).toMatch(
      /<w:del [^>]*><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/><\/w:r><\/w:del>/,
    );
    // The heading renamed keeps the bookmark of its new slug; the heading gone has none.
    expect(hemgang).toContain('w:name="h_syfte_och_omfattning_');
    expect(hemgang).not.toContain("h_gammalt_avsnitt");
  });

  it("writes a formatting change as w:rPrChange with the properties the text had", async () => {
    const { dir } = await handMadeBuild();
    const body = parts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expect(body).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><w:rPrChange w:id="\d+" w:author="[^"]+" w:date="[^"]+"><w:rPr><w:i\/><w:iCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">följ den<\/w:t><\/w:r>/,
    );
  });

  it("marks paragraphs, list items, a code block, a rule and table rows that are new or gone", async () => {
    const { dir } = await handMadeBuild();
    const hemgang = dropSummaries(chapter(parts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "", "rutin-hemgang"));
    const markOf = (words: string): string | undefined => {
      const p = [...hemgang.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((x) => x.includes(words));
      return p ? /<w:rPr><w:(ins|del) [^>]*\/><\/w:rPr><\/w:pPr>/.exec(p)?.[1] : undefined;
    };
    expect(markOf("Ett helt nytt stycke.")).toBe("ins");
    expect(markOf("Ett stycke som är borta.")).toBe("del");
    expect(markOf("Gammalt avsnitt")).toBe("del");
    expect(markOf("Skicka brev.")).toBe("del");
    expect(markOf("Skicka sms.")).toBe("ins");
    expect(markOf("gammal kod")).toBe("del");
    expect(markOf("Ring patienten.")).toBeUndefined();
    // The list item gone keeps its numbering; its mark is the last of w:pPr.
    expect(hemgang).toMatch(
      /<w:numPr>[\s\S]*?<\/w:numPr><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r><w:delText xml:space="preserve">Skicka brev\./,
    );
    // The rule: an empty paragraph, its mark inserted.
    expect(hemgang).toMatch(
      /<w:pBdr><w:bottom [^>]*\/><\/w:pBdr><w:spacing w:after="240"\/><w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><\/w:p>/,
    );
    // Rows: the change last in w:trPr, after cantSplit; the cells' text marked too.
    expect(hemgang).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:ins [^>]*\/><\/w:trPr>[\s\S]*?Biståndshandläggare/);
    expect(hemgang).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:del [^>]*\/><\/w:trPr>[\s\S]*?<w:delText xml:space="preserve">Kurator/);
    // A cell changed word by word, its row unmarked.
    expect(hemgang).toMatch(
      /<w:tr><w:trPr><w:cantSplit\/><\/w:trPr>(?:(?!<\/w:tr>)[\s\S])*<w:ins [^>]*><w:r><w:t xml:space="preserve">och rapporterar/,
    );
  });

  it("marks footnotes: a footnote gone has its paragraph mark and text deleted, a changed one its new words", async () => {
    const { dir } = await handMadeBuild();
    const notes = parts(path.join(dir, "samlad-utgava.docx"))["word/footnotes.xml"] ?? "";
    expectValidMarkup(notes);
    expect(notes).toMatch(
      /<w:pStyle w:val="FootnoteText"\/><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr>[\s\S]*?<w:delText xml:space="preserve">En fotnot som är borta\./,
    );
    expect(notes).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">\(2017:612\)<\/w:t><\/w:r><\/w:ins>/);
    expect(paragraphTexts(acceptXml(notes))).toContain(" Enligt lagen (2017:612).");
    expect(paragraphTexts(acceptXml(notes)).join("|")).not.toContain("borta");
    expect(paragraphTexts(rejectXml(notes))).toContain(" Enligt lagen .");
    expect(paragraphTexts(rejectXml(notes))).toContain(" En fotnot som är borta.");
  });

  it("compares the title, the fact box and names the changes first, in a hidden bookmark range", async () => {
    const { dir } = await handMadeBuild();
    const body = parts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    const hemgang = chapter(body, "rutin-hemgang");
    // The title: one word changed.
    expect(hemgang).toMatch(
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">enkel<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">trygg<\/w:t><\/w:r><\/w:ins>/,
    );
    // The summary: the version compared with, the changed sections as links (the one gone as text), the changed fields.
    const start = hemgang.indexOf(`w:name="${summaryBookmark("rutin-hemgang")}"`);
    expect(start).toBeGreaterThan(0);
    const summary = paragraphTexts(hemgang.slice(hemgang.lastIndexOf("<w:p>", start), hemgang.indexOf("<w:bookmarkEnd", start) + 200));
    expect(summary[0]).toBe("Ändringar sedan v1 (abc1234)");
    expect(summary).toContain("• Syfte och omfattning");
    expect(summary).toContain("• Gammalt avsnitt (borttaget avsnitt)");
    expect(summary.join("|")).toContain("Revideras senast|31 januari 2027|28 februari 2027");
    expect(hemgang).toMatch(/<w:hyperlink w:history="1" w:anchor="h_syfte_och_omfattning_[0-9a-f]{8}">/);
    // The fact box: the old value deleted and the new inserted in the same row.
    expect(hemgang).toMatch(
      /Revideras senast<\/w:t>[\s\S]*?<w:del [^>]*><w:r><w:delText xml:space="preserve">31 januari 2027<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">28 februari 2027<\/w:t>/,
    );
  });

  it("accepts to the new text and rejects to the old, paragraph by paragraph", async () => {
    const { dir } = await handMadeBuild();
    const hemgang = dropSummaries(chapter(parts(path.join(dir, "samlad-utgava.docx"))["word/document.xml"] ?? "", "rutin-hemgang"));
    const accepted = paragraphTexts(acceptXml(hemgang));
    const rejected = paragraphTexts(rejectXml(hemgang));
    expect(accepted).toContain("Rutin för trygg hemgång");
    expect(rejected).toContain("Rutin för enkel hemgång");
    expect(accepted).toContain("Syfte och omfattning");
    expect(rejected).toContain("Syfte och mål");
    expect(accepted).toContain("Läs nya rutinen och följ den.");
    expect(rejected).toContain("Läs gamla rutinen och följ den.");
    expect(accepted).toContain("Ett helt nytt stycke.");
    expect(rejected).not.toContain("Ett helt nytt stycke.");
    expect(accepted).not.toContain("Gammalt avsnitt");
    expect(rejected).toContain("Gammalt avsnitt");
    expect(accepted.filter((t) => /Skicka|Ring/.test(t))).toEqual(["Ring patienten.", "Skicka sms."]);
    expect(rejected.filter((t) => /Skicka|Ring/.test(t))).toEqual(["Ring patienten.", "Skicka brev."]);
    expect(accepted).toContain("Biståndshandläggare");
    expect(accepted).not.toContain("Kurator");
    expect(rejected).toContain("Kurator");
    expect(accepted).toContain("Följer upp och rapporterar");
    expect(rejected).toContain("Följer upp ");
    expect(accepted.join("|")).not.toContain("gammal kod");
    expect(rejected).toContain("gammal kod\nrad två");
    expect(accepted).toContain("28 februari 2027");
    expect(rejected).toContain("31 januari 2027");
    // Only when accepted: a paragraph, an item, a row of two cells, the rule; only when rejected: a heading, a
    // paragraph, an item, a row of two cells, the code block.
    expect(accepted.length - rejected.length).toBe(5 - 6);
  });

  it("leaves the other documents unmarked, keeps Word's markup shown and does not turn tracking on", async () => {
    const { dir } = await handMadeBuild();
    const xml = parts(path.join(dir, "samlad-utgava.docx"));
    const body = xml["word/document.xml"] ?? "";
    for (const id of ["riktlinje-utskrivning", "rutin-oforandrad"]) {
      expect(chapter(body, id)).not.toMatch(/<w:(ins|del|rPrChange) /);
      expect(chapter(body, id)).not.toContain("_Andringar_");
    }
    expect(xml["word/settings.xml"]).not.toMatch(/revisionView|trackRevisions/);
    // The cover names the comparison; the changed document is listed after the contents.
    const texts = paragraphTexts(body);
    expect(texts).toContain("Ändringar markerade sedan: v1 (abc1234)");
    expect(texts).toContain("Ändringar i utgåvan");
    expect(texts).toContain("Ändringar markerade sedan v1 (abc1234). Ändrade dokument: 1, nya: 0, upphävda eller borttagna: 0.");
    expect(xml["docProps/custom.xml"]).toMatch(/name="andringar_sedan"><vt:lpwstr>v1 \(abc1234\)</);
  });

  it("is the same byte for byte in two builds, with the bodies parsed in the Word step too, and per document", async () => {
    const a = await handMadeBuild({ perDocument: true });
    const b = await handMadeBuild({ perDocument: true, keepBodies: false });
    for (const name of ["samlad-utgava.docx", "rutin-hemgang.docx"]) {
      expect(Buffer.compare(readFileSync(path.join(a.dir, name)), readFileSync(path.join(b.dir, name))), name).toBe(0);
    }
    const single = parts(path.join(a.dir, "rutin-hemgang.docx"))["word/document.xml"] ?? "";
    expectValidMarkup(single);
    expect(single).toContain(`w:name="${summaryBookmark("rutin-hemgang")}"`);
    expect(single).toMatch(/<w:delText xml:space="preserve">mål<\/w:delText>/);
  });

  it("writes no marks at all without --redline", async () => {
    const dir = tempDir();
    await buildDocx(await edition(dir), { perDocument: false, tocField: false, pageNumbers: false });
    const xml = parts(path.join(dir, "samlad-utgava.docx"));
    for (const part of Object.values(xml)) expect(part).not.toMatch(/<w:(ins|del|rPrChange) |_Andringar_/);
  });
});

// --- A set in git, edited since a tag -------------------------------------------------

/** The text with each [from, to] replaced once (the test fails when a line is missing). */
function edit(file: string, pairs: [string, string][]): void {
  let out = readFileSync(file, "utf8");
  for (const [from, to] of pairs) {
    if (!out.includes(from)) throw new Error(`not found in ${path.basename(file)}: ${from}`);
    out = out.replace(from, to);
  }
  writeFileSync(file, out);
}

const NEW_DOC = readFileSync(path.join(FIXTURE, "rutin-larm.md"), "utf8")
  .replace("id: rutin-larm", "id: rutin-ny")
  .replace("titel: Rutin för trygghetslarm efter hemgång", "titel: Rutin för uppföljande hembesök")
  .replace("Patienten har ett fungerande trygghetslarm från första dagen hemma.", "Ett hembesök inom en vecka efter hemgången.");

/** v1, then a word, a list item, a section and a field changed, a new document, one removed and one repealed. */
function editedRepo(): { r: TestRepo; v1: string } {
  const r = makeRepo(FIXTURE);
  made.push(r.dir);
  const doc = (name: string): string => path.join(r.dir, "documents", name);
  const v1 = r.commit("1.0", "2025-02-27");
  r.git(["tag", "v1"]);
  edit(doc("rutin-hemgang.md"), [
    ["revideras_senast: 2027-02-28", "revideras_senast: 2027-06-30"],
    ['version: "1.0"', 'version: "1.1"'],
    [
      "    beskrivning: Första versionen.\n",
      '    beskrivning: Första versionen.\n  - version: "1.1"\n    datum: 2026-11-20\n    beskrivning: Kortare tider.\n',
    ],
    ["1. Skicka inskrivningsmeddelande inom ett dygn.", "1. Skicka inskrivningsmeddelande inom två dygn."],
    ["2. Kalla till samordnad planering vid behov.", "2. Kalla till samordnad planering vid behov.\n3. Följ upp efter en vecka."],
    [
      "## Ansvar\n\nRegionen och kommunen delar på ansvaret för planeringen.\n",
      "## Ansvar\n\nRegionen och kommunen delar på **ansvaret** för planeringen.\n",
    ],
  ]);
  writeFileSync(doc("rutin-ny.md"), NEW_DOC);
  unlinkSync(doc("rutin-lakemedel.md"));
  edit(doc("rutin-larm.md"), [
    ["status: fastställd", "status: upphävd"],
    ["revideras_senast: 2027-02-28\n", "revideras_senast: 2027-02-28\nupphavd_datum: 2026-10-01\n"],
  ]);
  r.commit("ändringar", "2026-11-20");
  return { r, v1 };
}

async function buildIn(dir: string, outDir: string, redline?: string, perDocument = false): Promise<Edition> {
  const e = await prepareEdition({
    paths: ["documents"],
    cwd: dir,
    lang: "sv",
    today: "2026-11-23",
    outDir,
    filters: {},
    now: NOW,
    env: {},
    stderr: { write: () => true },
    jobs: 1,
    ...(redline ? { redline } : {}),
  });
  await buildDocx(e, { perDocument, tocField: false, pageNumbers: false });
  return e;
}

describe("Word redline of a set in git (--redline v1)", () => {
  it("marks what changed, lists the documents, and accepts to the new edition and rejects to the one at v1", async () => {
    const { r } = editedRepo();
    const redline = tempDir();
    await buildIn(r.dir, redline, "v1", true);
    const plain = tempDir();
    await buildIn(r.dir, plain);
    const body = parts(path.join(redline, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expectValidMarkup(body);

    // The consolidated edition opens with what changed.
    const texts = paragraphTexts(body);
    const listed = texts.slice(texts.indexOf("Ändringar i utgåvan"), texts.indexOf("Ändringar i utgåvan") + 9);
    expect(listed).toEqual([
      "Ändringar i utgåvan",
      expect.stringMatching(/^Ändringar markerade sedan v1 \([0-9a-f]+\)\. Ändrade dokument: 1, nya: 1, upphävda eller borttagna: 2\.$/),
      "Ändrade dokument",
      "Rutin för trygg hemgång",
      "Nya dokument",
      "Rutin för uppföljande hembesök",
      "Upphävda eller borttagna dokument",
      "Rutin för läkemedelslista vid utskrivning (rutin-lakemedel, borttaget)",
      "Rutin för trygghetslarm efter hemgång (rutin-larm, upphävt)",
    ]);

    // The changed document: a word, an item, a format change, a field, a history row; the new one wholly inserted.
    const hemgang = chapter(body, "rutin-hemgang");
    expect(hemgang).toMatch(
      /<w:delText xml:space="preserve">ett<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">två<\/w:t>/,
    );
    expect(hemgang).toMatch(
      /<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r><w:t xml:space="preserve">Följ upp efter en vecka\./,
    );
    expect(hemgang).toMatch(
      /<w:b\/><w:bCs\/><w:rPrChange [^>]*><w:rPr><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">ansvaret</,
    );
    expect(hemgang).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:ins [^>]*\/><\/w:trPr>[\s\S]*?Kortare tider\./);
    expect(paragraphTexts(hemgang)).toContain("• Arbetsgång");
    const ny = chapter(body, "rutin-ny");
    expect(ny).toMatch(/<w:pStyle w:val="Heading1"\/><w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(paragraphTexts(ny)[1]).toMatch(/^Nytt dokument sedan v1 \([0-9a-f]+\)$/);
    expect(ny.replace(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g, "")).not.toMatch(/<w:t xml:space="preserve">Ett hembesök/);
    for (const id of ["riktlinje-utskrivning", "rutin-oforandrad"]) expect(chapter(body, id)).not.toMatch(/<w:(ins|del|rPrChange) /);

    // Accepting every change gives the edition of the new version, paragraph by paragraph.
    const now = parts(path.join(plain, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expect(paragraphTexts(acceptXml(dropSummaries(body)))).toEqual(paragraphTexts(now));
    expect(paragraphTexts(acceptXml(dropSummaries(hemgang)))).not.toContain("Ändringar sedan");

    // Rejecting every change gives each changed document's chapter as the edition at v1 has it.
    r.git(["checkout", "-q", "v1"]);
    const old = tempDir();
    await buildIn(r.dir, old);
    const then = parts(path.join(old, "samlad-utgava.docx"))["word/document.xml"] ?? "";
    expect(paragraphTexts(rejectXml(dropSummaries(hemgang)))).toEqual(paragraphTexts(chapter(then, "rutin-hemgang")));

    // --per-document: the same marks in the document's own file.
    const single = parts(path.join(redline, "rutin-hemgang.docx"))["word/document.xml"] ?? "";
    expectValidMarkup(single);
    expect(paragraphTexts(acceptXml(dropSummaries(single)))).toEqual(paragraphTexts(chapter(now, "rutin-hemgang")));
  });
});

// --- LibreOffice: a real client lists the changes and accepts and rejects them -------------------------

// In CI a missing soffice or pdftotext fails this file; elsewhere these tests are skipped with a note.
const tools = needPrograms("LibreOffice opens the Word redline edition", ["soffice", "pdftotext"]);

/**
 * A Basic macro of the private profile, so that one LibreOffice run does
 * all the work (each run takes seconds): in the folder `work`, it saves
 * redline.docx as flat ODF text and as PDF, accepts every change of
 * bare.docx and saves that, rejects every change of it and saves that,
 * and saves old.docx as flat ODF text.
 */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveAs(source As String, target As String, mode As String, filter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  If mode = &quot;accept&quot; Then helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  If mode = &quot;reject&quot; Then helper.executeDispatch(doc.CurrentController.Frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = filter
  doc.storeToURL(ConvertToURL(target), save())
  doc.close(True)
End Sub

Sub All(work As String)
  Call SaveAs(work &amp; &quot;/redline.docx&quot;, work &amp; &quot;/redline.fodt&quot;, &quot;keep&quot;, &quot;OpenDocument Text Flat XML&quot;)
  Call SaveAs(work &amp; &quot;/redline.docx&quot;, work &amp; &quot;/redline.pdf&quot;, &quot;keep&quot;, &quot;writer_pdf_Export&quot;)
  Call SaveAs(work &amp; &quot;/bare.docx&quot;, work &amp; &quot;/accept.fodt&quot;, &quot;accept&quot;, &quot;OpenDocument Text Flat XML&quot;)
  Call SaveAs(work &amp; &quot;/bare.docx&quot;, work &amp; &quot;/reject.fodt&quot;, &quot;reject&quot;, &quot;OpenDocument Text Flat XML&quot;)
  Call SaveAs(work &amp; &quot;/old.docx&quot;, work &amp; &quot;/old.fodt&quot;, &quot;keep&quot;, &quot;OpenDocument Text Flat XML&quot;)
End Sub
</script:module>
`;

/** soffice with a private profile, so that it neither uses nor disturbs anyone else's. */
function soffice(profile: string, args: string[]): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { stdio: "ignore", timeout: 240_000 });
}

/** The paragraphs and headings of a flat ODF text's body, as text. */
function odfParagraphs(file: string): string[] {
  const xml = readFileSync(file, "utf8");
  const body = xml.slice(xml.indexOf("<office:text"));
  return [...body.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map((m) =>
    (m[2] ?? "")
      .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_s, n: string | undefined) => " ".repeat(Number(n ?? 1)))
      .replace(/<text:tab\/>/g, "\t")
      .replace(/<text:line-break\/>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&(amp|lt|gt|quot|apos);/g, (_e, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? ""),
  );
}

/** A copy of a .docx without the redline edition's own additions (the summary), as a reader would remove them. */
function withoutSummaries(file: string, target: string): void {
  const zipped = unzipSync(new Uint8Array(readFileSync(file)));
  const body = zipped["word/document.xml"];
  if (body) zipped["word/document.xml"] = strToU8(dropSummaries(strFromU8(body)));
  writeFileSync(target, zipSync(zipped, { level: 6 }));
}

describe.skipIf(!tools)("LibreOffice and the Word redline edition", () => {
  it(
    "lists the changes with their author, shows them in print, and accepts to the new version and rejects to v1",
    { timeout: 600_000 },
    async () => {
      const { r } = editedRepo();
      const redline = tempDir();
      await buildIn(r.dir, redline, "v1", true);
      const plain = tempDir();
      await buildIn(r.dir, plain, undefined, true);
      r.git(["checkout", "-q", "v1"]);
      const old = tempDir();
      await buildIn(r.dir, old, undefined, true);
      const work = tempDir();
      const profile = path.join(tempDir(), "profile");
      copyFileSync(path.join(redline, "rutin-hemgang.docx"), path.join(work, "redline.docx"));
      withoutSummaries(path.join(redline, "rutin-hemgang.docx"), path.join(work, "bare.docx"));
      copyFileSync(path.join(old, "rutin-hemgang.docx"), path.join(work, "old.docx"));
      copyFileSync(path.join(plain, "rutin-hemgang.docx"), path.join(work, "new.docx"));
      // The first run makes the profile (and converts the edition of the new version); the second runs the macro.
      soffice(profile, ["--convert-to", "fodt", "--outdir", work, path.join(work, "new.docx")]);
      writeFileSync(path.join(profile, "user/basic/Standard/Module1.xba"), MACRO);
      soffice(profile, [`macro:///Standard.Module1.All("${work}")`]);

      // LibreOffice reads the tracked changes, with their author and date.
      const fodt = readFileSync(path.join(work, "redline.fodt"), "utf8");
      const tracked = fodt.slice(fodt.indexOf("<text:tracked-changes"), fodt.indexOf("</text:tracked-changes>"));
      for (const kind of ["insertion", "deletion", "format-change"]) expect(tracked).toContain(`<text:${kind}>`);
      expect(tracked).toContain(`<dc:creator>${AUTHOR}</dc:creator>`);
      expect(tracked).toContain("<dc:date>2026-11-20T12:00:00</dc:date>");

      // Printed, the changes show: the word gone (struck through) next to the new one.
      const printed = execFileSync("pdftotext", ["-enc", "UTF-8", path.join(work, "redline.pdf"), "-"], { encoding: "utf8" });
      expect(printed.replace(/\s+/g, " ")).toContain("inom etttvå dygn");

      // Accept all gives the edition of the new version, Reject all the edition at v1, paragraph by paragraph.
      expect(readFileSync(path.join(work, "accept.fodt"), "utf8")).not.toContain("<text:changed-region");
      expect(odfParagraphs(path.join(work, "accept.fodt"))).toEqual(odfParagraphs(path.join(work, "new.fodt")));
      expect(odfParagraphs(path.join(work, "reject.fodt"))).toEqual(odfParagraphs(path.join(work, "old.fodt")));
    },
  );
});

describe("the accept and reject helpers the end-to-end tests use", () => {
  const change = 'w:id="9" w:author="A" w:date="D"';
  const xml =
    `<w:p><w:r><w:t>Ett </w:t></w:r><w:del ${change}><w:r><w:delText>gammalt</w:delText></w:r></w:del>` +
    `<w:ins ${change}><w:r><w:t>nytt</w:t></w:r></w:ins><w:r><w:rPr><w:b/><w:rPrChange ${change}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t> ord</w:t></w:r></w:p>` +
    `<w:p><w:pPr><w:rPr><w:del ${change}/></w:rPr></w:pPr><w:r><w:t>kvar</w:t></w:r><w:del ${change}><w:r><w:delText> borta</w:delText></w:r></w:del></w:p>` +
    `<w:p><w:r><w:t>Nästa.</w:t></w:r></w:p>` +
    `<w:tbl><w:tr><w:trPr><w:cantSplit/><w:ins ${change}/></w:trPr><w:tc><w:p><w:r><w:t>ny rad</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;

  it("accepts: gone text and rows out, new text unwrapped, a paragraph whose mark is gone joined to the next", () => {
    const accepted = acceptXml(xml);
    expect(paragraphTexts(accepted)).toEqual(["Ett nytt ord", "kvarNästa.", "ny rad"]);
    expect(accepted).toContain("<w:rPr><w:b/></w:rPr>");
    expect(accepted).not.toMatch(/w:ins|w:del|rPrChange/);
  });

  it("rejects: new text and rows out, gone text back as w:t, the old formatting back", () => {
    const rejected = rejectXml(xml);
    expect(paragraphTexts(rejected)).toEqual(["Ett gammalt ord", "kvar borta", "Nästa."]);
    expect(rejected).toContain("<w:rPr><w:i/></w:rPr><w:t> ord</w:t>");
    expect(rejected).not.toMatch(/w:ins|w:del|rPrChange|delText/);
  });

  it("drops the edition's own additions, moving a section's properties to the paragraph before", () => {
    const sect = '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>';
    const withSummary =
      `<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t>Innehåll</w:t></w:r></w:p>` +
      `<w:p><w:bookmarkStart w:name="_Andringar_utgava" w:id="3"/><w:r><w:t>Ändringar</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>` +
      `<w:p><w:pPr>${sect}</w:pPr><w:r><w:t>Sist</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p><w:p><w:r><w:t>Kapitel</w:t></w:r></w:p>`;
    expect(dropSummaries(withSummary)).toBe(
      `<w:p><w:pPr><w:pStyle w:val="TOC2"/>${sect}</w:pPr><w:r><w:t>Innehåll</w:t></w:r></w:p><w:p><w:r><w:t>Kapitel</w:t></w:r></w:p>`,
    );
  });
});
