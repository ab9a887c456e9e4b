/**
 * Accept all / reject all of a merged redline tree (src/redline/accept.ts):
 * what a reader gets from Word's "Accept all changes" and "Reject all
 * changes". Trees are written by hand here, in the shapes types.ts
 * describes, so that these tests do not depend on the diff engine that the
 * property tests of diff.test.ts check through these functions.
 */
import { describe, expect, it } from "vitest";
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { acceptAll, rejectAll } from "../../src/redline/accept.js";

const text = (value: string): PhrasingContent => ({ type: "text", value });
const ins = (...children: PhrasingContent[]): PhrasingContent => ({ type: "redlineInsert", children });
const del = (...children: PhrasingContent[]): PhrasingContent => ({ type: "redlineDelete", children });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const root = (...children: RootContent[]): Root => ({ type: "root", children });

/** Whether any redline mark is left in a tree. */
function hasMarks(node: Nodes): boolean {
  if (node.type.startsWith("redline") || node.data?.redline !== undefined) return true;
  return "children" in node && node.children.some(hasMarks);
}

/** Both sides of a tree, checked to leave it as it was and to carry no mark. */
function sides(tree: Root): { accepted: Root; rejected: Root } {
  const snapshot = JSON.stringify(tree);
  const accepted = acceptAll(tree);
  const rejected = rejectAll(tree);
  expect(JSON.stringify(tree)).toBe(snapshot);
  expect(hasMarks(accepted)).toBe(false);
  expect(hasMarks(rejected)).toBe(false);
  return { accepted, rejected };
}

describe("acceptAll and rejectAll", () => {
  it("a tree without marks is the same tree on both sides, positions and data kept", () => {
    const tree: Root = root({
      type: "heading",
      depth: 2,
      data: { hProperties: { id: "syfte" } },
      position: { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } },
      children: [text("Syfte")],
    });
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(tree);
    expect(rejected).toEqual(tree);
    expect(accepted.children[0]).not.toBe(tree.children[0]);
  });

  it("changed words: the new ones accepted, the old ones rejected, the text around merged into one node", () => {
    const tree = root(paragraph(text("Kallelse inom "), del(text("tre")), ins(text("fem")), text(" dagar.")));
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(root(paragraph(text("Kallelse inom fem dagar."))));
    expect(rejected).toEqual(root(paragraph(text("Kallelse inom tre dagar."))));
  });

  it("marks inside formatting and links keep the formatting and the link", () => {
    const tree = root(
      paragraph({ type: "strong", children: [ins(text("Ny"))] }, text(" text, se "), {
        type: "link",
        url: "r.md",
        children: [del(text("gamla")), ins(text("nya")), text(" riktlinjen")],
      }),
    );
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(
      root(
        paragraph({ type: "strong", children: [text("Ny")] }, text(" text, se "), {
          type: "link",
          url: "r.md",
          children: [text("nya riktlinjen")],
        }),
      ),
    );
    expect(rejected).toEqual(root(paragraph(text(" text, se "), { type: "link", url: "r.md", children: [text("gamla riktlinjen")] })));
  });

  it("a format change: the formatting around it accepted, the formatting it names rejected", () => {
    const tree = root(
      paragraph(
        text("Den "),
        { type: "strong", children: [{ type: "redlineFormat", before: ["emphasis"], children: [text("fasta")] }] },
        text(" vårdkontakten "),
        { type: "redlineFormat", before: [], children: [{ type: "inlineCode", value: "SIP" }] },
        text(" och "),
        { type: "redlineFormat", before: ["strong", "inlineCode"], children: [text("SVPL")] },
      ),
    );
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(
      root(
        paragraph(
          text("Den "),
          { type: "strong", children: [text("fasta")] },
          text(" vårdkontakten "),
          { type: "inlineCode", value: "SIP" },
          text(" och SVPL"),
        ),
      ),
    );
    expect(rejected).toEqual(
      root(
        paragraph(text("Den "), { type: "emphasis", children: [text("fasta")] }, text(" vårdkontakten SIP och "), {
          type: "strong",
          children: [{ type: "inlineCode", value: "SVPL" }],
        }),
      ),
    );
  });

  it("blocks marked new or gone: dropped on one side, kept without the mark on the other", () => {
    const tree = root(
      { ...paragraph(del(text("Borttaget stycke."))), data: { redline: "delete" } },
      {
        type: "list",
        ordered: false,
        children: [
          { type: "listItem", children: [paragraph(text("Kvar."))] },
          {
            type: "listItem",
            data: { redline: "insert" },
            children: [{ ...paragraph(ins(text("Ny punkt."))), data: { redline: "insert" } }],
          },
        ],
      },
      {
        type: "table",
        children: [
          { type: "tableRow", children: [{ type: "tableCell", children: [text("Roll")] }] },
          {
            type: "tableRow",
            data: { redline: "delete", hProperties: { id: "rad" } },
            children: [{ type: "tableCell", data: { redline: "delete" }, children: [del(text("MAS"))] }],
          },
        ],
      },
      { type: "code", lang: "text", value: "ny kod", data: { redline: "insert" } },
      { type: "footnoteDefinition", identifier: "1", data: { redline: "delete" }, children: [paragraph(del(text("Not.")))] },
    );
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(
      root(
        {
          type: "list",
          ordered: false,
          children: [
            { type: "listItem", children: [paragraph(text("Kvar."))] },
            { type: "listItem", children: [paragraph(text("Ny punkt."))] },
          ],
        },
        { type: "table", children: [{ type: "tableRow", children: [{ type: "tableCell", children: [text("Roll")] }] }] },
        { type: "code", lang: "text", value: "ny kod" },
      ),
    );
    expect(rejected).toEqual(
      root(
        paragraph(text("Borttaget stycke.")),
        { type: "list", ordered: false, children: [{ type: "listItem", children: [paragraph(text("Kvar."))] }] },
        {
          type: "table",
          children: [
            { type: "tableRow", children: [{ type: "tableCell", children: [text("Roll")] }] },
            { type: "tableRow", data: { hProperties: { id: "rad" } }, children: [{ type: "tableCell", children: [text("MAS")] }] },
          ],
        },
        { type: "footnoteDefinition", identifier: "1", children: [paragraph(text("Not."))] },
      ),
    );
  });

  it("atoms (footnote references, images, breaks) follow the mark around them", () => {
    const tree = root(
      paragraph(
        text("Se"),
        del({ type: "footnoteReference", identifier: "1" }),
        ins({ type: "footnoteReference", identifier: "2" }, { type: "break" }, { type: "image", url: "a.png", alt: "karta" }),
      ),
    );
    const { accepted, rejected } = sides(tree);
    expect(accepted).toEqual(
      root(
        paragraph(
          text("Se"),
          { type: "footnoteReference", identifier: "2" },
          { type: "break" },
          { type: "image", url: "a.png", alt: "karta" },
        ),
      ),
    );
    expect(rejected).toEqual(root(paragraph(text("Se"), { type: "footnoteReference", identifier: "1" })));
  });
});
