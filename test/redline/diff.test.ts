/**
 * The redline diff engine (src/redline/diff.ts, issue 16), tested the way the
 * issue asks: accepting every change of the merged tree gives the new
 * version block by block, rejecting every change gives the old one, for
 * hand-written edits of every kind and for random edits of the documents in
 * documents/; an unchanged pair has no marks; re-wrapped Markdown has none;
 * a moved paragraph is one deletion and one insertion; and on the hard
 * fixture of the issue the words marked are the words that changed.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Nodes, PhrasingContent, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { redlineTree, type RedlineResult } from "../../src/redline/diff.js";
import { acceptAll, rejectAll } from "../../src/redline/accept.js";
import { FIXTURES } from "../helpers/cli.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const processor = unified().use(remarkParse).use(remarkGfm);

/** A Markdown body parsed as src/core/markdown.ts parses it. */
function parse(markdown: string): Root {
  return processor.parse(markdown) as Root;
}

const parsed = new Map<string, Root>();
/**
 * A body parsed once for the checks (a parse costs more than a redline): the
 * checks assert that redlineTree leaves its trees as they were, so sharing
 * them is safe. The last few dozen are kept.
 */
function parseShared(markdown: string): Root {
  const known = parsed.get(markdown);
  if (known) return known;
  const tree = parse(markdown);
  if (parsed.size >= 32) parsed.delete(parsed.keys().next().value as string);
  parsed.set(markdown, tree);
  return tree;
}

/** The body of a document: what follows its front matter. */
function bodyOf(text: string): string {
  const match = /^---\n[\s\S]*?\n---\n/.exec(text);
  return match ? text.slice(match[0].length) : text;
}

/** The body of a fixture document, fore/ or efter/. */
function fixture(scenario: string, side: "fore" | "efter", file = "rutin-svar.md"): string {
  return bodyOf(readFileSync(path.join(FIXTURES, scenario, side, file), "utf8"));
}

/** Whitespace runs as one space, trimmed. */
const squash = (s: string): string => s.replace(/\s+/gu, " ").trim();

/**
 * Phrasing content as text with its formatting, independent of how the
 * Markdown nests it: each change of formatting (strong, emphasis,
 * strikethrough, code, link address) between two visible characters is
 * written as {…}; whitespace is one space whatever its formatting.
 */
function inline(children: readonly PhrasingContent[]): string {
  const chars: [string, string][] = [];
  const walk = (nodes: readonly Nodes[], marks: readonly string[]): void => {
    for (const node of nodes) {
      const add = (text: string, m: readonly string[]): void => {
        for (const ch of text) chars.push([ch, [...new Set(m)].sort().join(",")]);
      };
      if (node.type === "text") add(node.value, marks);
      else if (node.type === "inlineCode") add(node.value, [...marks, "code"]);
      else if (node.type === "link") walk(node.children, [...marks, `link=${node.url}`]);
      else if (node.type === "linkReference") walk(node.children, [...marks, `ref=${node.identifier}`]);
      else if ("children" in node) walk(node.children, [...marks, node.type]);
      else if (node.type === "image") add(`⟨img ${node.url} ${node.alt ?? ""}⟩`, marks);
      else if (node.type === "footnoteReference") add(`⟨fn ${node.identifier}⟩`, marks);
      else if (node.type === "html") add(`⟨html ${squash(node.value)}⟩`, marks);
      else add(`⟨${node.type}⟩`, marks);
    }
  };
  walk(children, []);
  let out = "";
  let current = "";
  let space = false;
  for (const [ch, marks] of chars) {
    if (/\s/u.test(ch)) {
      space = out !== "";
      continue;
    }
    if (space) out += " ";
    space = false;
    if (marks !== current) out += `{${marks}}`;
    current = marks;
    out += ch;
  }
  return out;
}

/**
 * A tree as its blocks in document order, each with its kind and its
 * normalised text (table cells included), and the root's link and footnote
 * definitions apart, sorted: the merged tree keeps definitions that are gone
 * at its end, where a renderer finds them just the same.
 */
function blocks(tree: Root): { blocks: string[]; definitions: string[] } {
  const out: string[] = [];
  const definitions: string[] = [];
  const walk = (node: Nodes, atRoot: boolean): void => {
    switch (node.type) {
      case "paragraph":
      case "tableCell":
        out.push(`${node.type}: ${inline(node.children)}`);
        return;
      case "heading":
        out.push(`h${node.depth}: ${inline(node.children)}`);
        return;
      case "code":
        out.push(`code ${node.lang ?? ""}: ${squash(node.value)}`);
        return;
      case "html":
        out.push(`html: ${squash(node.value)}`);
        return;
      case "thematicBreak":
        out.push("hr");
        return;
      case "definition":
        (atRoot ? definitions : out).push(`definition ${node.identifier}: ${node.url} ${node.title ?? ""}`);
        return;
      case "footnoteDefinition": {
        const inner = blocks({ type: "root", children: node.children });
        (atRoot ? definitions : out).push(`footnote ${node.identifier}: ${inner.blocks.join(" | ")}`);
        return;
      }
      case "list":
        out.push(`list ${node.ordered === true ? "ordered" : "bullets"}`);
        break;
      case "listItem":
        out.push(`item ${String(node.checked ?? "")}`);
        break;
      case "root":
        break;
      default:
        out.push(node.type);
    }
    if ("children" in node) for (const child of node.children) walk(child, node.type === "root");
    if (node.type !== "root") out.push(`/${node.type}`);
  };
  walk(tree, true);
  return { blocks: out, definitions: definitions.sort() };
}

/** The nodes of a tree, with whether each is inside something marked gone. */
function* nodes(node: Nodes, gone = false): Generator<[Nodes, boolean]> {
  const here = gone || node.type === "redlineDelete" || node.data?.redline === "delete";
  yield [node, here];
  if ("children" in node) for (const child of node.children) yield* nodes(child, here);
}

function marks(tree: Root): Nodes[] {
  return [...nodes(tree)].map(([n]) => n).filter((n) => n.type.startsWith("redline") || n.data?.redline !== undefined);
}

/**
 * The properties every redline must have: both trees left as they were,
 * accept = after and reject = before block by block, no position on what
 * is gone, no marks after accepting or rejecting, `changed` = any mark, and
 * no mark at all when the two versions read the same.
 */
function checkRedline(beforeMd: string | undefined, afterMd: string): RedlineResult {
  const before = beforeMd === undefined ? undefined : parseShared(beforeMd);
  const after = parseShared(afterMd);
  const snapshot = JSON.stringify([before, after]);
  const result = redlineTree(before, after);
  expect(JSON.stringify([before, after]), "the compared trees are left as they were").toBe(snapshot);
  const accepted = acceptAll(result.tree);
  const rejected = rejectAll(result.tree);
  expect(blocks(accepted)).toEqual(blocks(after));
  expect(blocks(rejected)).toEqual(blocks(before ?? { type: "root", children: [] }));
  expect(marks(accepted)).toEqual([]);
  expect(marks(rejected)).toEqual([]);
  expect(result.changed).toBe(marks(result.tree).length > 0);
  if (JSON.stringify(blocks(after)) === JSON.stringify(blocks(before ?? { type: "root", children: [] }))) {
    expect(result.changed, "versions that read the same have no marks").toBe(false);
  }
  for (const [node, gone] of nodes(result.tree)) {
    if (gone) expect(node.position, `${node.type} marked gone has no position`).toBeUndefined();
    if (node.type.startsWith("redline")) expect("children" in node && node.children.length > 0, "no empty redline node").toBe(true);
  }
  return result;
}

/** The text of the merged tree's marks of one kind, in order. */
function marked(result: RedlineResult, type: "redlineInsert" | "redlineDelete"): string[] {
  return [...nodes(result.tree)].map(([n]) => n).flatMap((n) => (n.type === type ? [toString(n)] : []));
}

/** A body with every kind of block the engine aligns. */
const base = [
  "# Rutin",
  "",
  "Kommunen skickar planen till regionen inom tre dagar. Den **fasta** vårdkontakten samordnar.",
  "",
  "## Ansvar",
  "",
  "- Sjuksköterskan skickar meddelanden.",
  "- Läkaren bedömer utskrivningsklar.",
  "  - Med stöd av [riktlinjen](riktlinje.md).",
  "- Kuratorn stödjer närstående.",
  "",
  "> Observera att rutinen gäller hela länet.",
  "",
  "| Roll | Ansvar |",
  "|---|---|",
  "| MAS | Följer upp avvikelser |",
  "| Läkare | Bedömer |",
  "",
  "```text",
  "kod rad ett",
  "```",
  "",
  "1. Första steget.",
  "2. Andra steget med ![karta](karta.png).",
  "",
  "- [ ] Uppgift kvar",
  "- [x] Uppgift klar",
  "",
  "> Citat med *betoning*.",
  ">",
  "> > Inre citat.",
  "",
  "<div>Ruta</div>",
  "",
  "Rad ett  ",
  "rad två med `kod` och ~~struket~~.",
  "",
  "***",
  "",
  "Se [lagen][sfs] och not.[^1] Se även noten.[^2]",
  "",
  "[sfs]: https://example.se/sfs",
  "",
  "[^1]: Lagen om samverkan.",
  "",
  "[^2]: Första stycket i noten.",
  "",
  "    Andra stycket i noten.",
  "",
].join("\n");

describe("hand-written edits of every kind", () => {
  const edit = (from: string, to: string): string => {
    expect(base).toContain(from);
    return base.replace(from, to);
  };

  it("an unchanged pair has no marks and is a copy of the new tree", () => {
    const result = checkRedline(base, base);
    expect(result).toMatchObject({ changed: false, sections: [], words: { inserted: 0, deleted: 0 } });
    expect(result.tree).toEqual(parse(base));
  });

  it("a one-word edit marks that word alone", () => {
    const result = checkRedline(base, edit("inom tre dagar", "inom fem dagar"));
    expect(marked(result, "redlineDelete")).toEqual(["tre"]);
    expect(marked(result, "redlineInsert")).toEqual(["fem"]);
    expect(result.words).toEqual({ inserted: 1, deleted: 1 });
    expect(result.sections.map((h) => toString(h))).toEqual(["Rutin"]);
  });

  it("two one-word edits a long word apart stay two edits", () => {
    const result = checkRedline(base, edit("skickar planen till", "lämnar planen hos"));
    expect(marked(result, "redlineDelete")).toEqual(["skickar", "till"]);
    expect(marked(result, "redlineInsert")).toEqual(["lämnar", "hos"]);
  });

  it("a rewritten sentence is one deletion and one insertion", () => {
    const result = checkRedline(
      base,
      edit("Kommunen skickar planen till regionen inom tre dagar.", "Regionen hämtar planen från kommunen senast efter fem dagar."),
    );
    expect(marked(result, "redlineDelete")).toEqual(["Kommunen skickar planen till regionen inom tre"]);
    expect(marked(result, "redlineInsert")).toEqual(["Regionen hämtar planen från kommunen senast efter fem"]);
  });

  it("a word inserted and a word deleted", () => {
    expect(marked(checkRedline(base, edit("skickar meddelanden", "skickar alla meddelanden")), "redlineInsert")).toEqual(["alla "]);
    // The deleted word is inside the bold, the space after it is not: formatting outermost, the mark innermost.
    const deleted = checkRedline(base, edit("Den **fasta** vårdkontakten", "Den vårdkontakten"));
    expect(marked(deleted, "redlineDelete")).toEqual(["fasta", " "]);
    expect(deleted.words).toEqual({ inserted: 0, deleted: 1 });
  });

  it("formatting changed on the same text is a format change with the old formatting", () => {
    const result = checkRedline(base, edit("Den **fasta** vårdkontakten", "Den *fasta* vårdkontakten"));
    const formats = marks(result.tree).filter((n) => n.type === "redlineFormat");
    expect(formats).toEqual([{ type: "redlineFormat", before: ["strong"], children: [{ type: "text", value: "fasta" }] }]);
    expect(result.words).toEqual({ inserted: 0, deleted: 0 });
    const plain = checkRedline(base, edit("Den **fasta** vårdkontakten", "Den fasta vårdkontakten"));
    expect(marks(plain.tree).map((n) => n.type)).toEqual(["redlineFormat"]);
    const code = checkRedline(base, edit("Den **fasta** vårdkontakten", "Den `fasta` vårdkontakten"));
    expect(marks(code.tree)).toMatchObject([
      { type: "redlineFormat", before: ["strong"], children: [{ type: "inlineCode", value: "fasta" }] },
    ]);
  });

  it("bold taken off two words is one format change, the space between included", () => {
    const result = checkRedline("Ett **två tre** fyra.", "Ett två tre fyra.");
    expect(marks(result.tree)).toEqual([{ type: "redlineFormat", before: ["strong"], children: [{ type: "text", value: "två tre" }] }]);
  });

  it("a link to another address is the link text deleted and inserted", () => {
    const result = checkRedline(base, edit("[riktlinjen](riktlinje.md)", "[riktlinjen](riktlinje-ny.md)"));
    expect(marked(result, "redlineDelete")).toEqual(["riktlinjen"]);
    expect(marked(result, "redlineInsert")).toEqual(["riktlinjen"]);
    const links = [...nodes(result.tree)].map(([n]) => n).filter((n) => n.type === "link");
    expect(links.map((l) => (l.type === "link" ? [l.url, l.children[0]?.type] : []))).toEqual([
      ["riktlinje.md", "redlineDelete"],
      ["riktlinje-ny.md", "redlineInsert"],
    ]);
  });

  it("a word changed inside a link keeps one link around the change", () => {
    const result = checkRedline("Se [gamla riktlinjen](r.md).", "Se [nya riktlinjen](r.md).");
    expect(result.tree.children[0]).toMatchObject({
      type: "paragraph",
      children: [
        { type: "text", value: "Se " },
        {
          type: "link",
          url: "r.md",
          children: [
            { type: "redlineDelete", children: [{ type: "text", value: "gamla" }] },
            { type: "redlineInsert", children: [{ type: "text", value: "nya" }] },
            { type: "text", value: " riktlinjen" },
          ],
        },
        { type: "text", value: "." },
      ],
    });
  });

  it("a renamed heading marks the renamed words; a heading of another level is replaced", () => {
    const renamed = checkRedline(base, edit("## Ansvar", "## Ansvar och roller"));
    expect(marked(renamed, "redlineInsert")).toEqual([" och roller"]);
    expect(renamed.sections.map((h) => toString(h))).toEqual(["Ansvar och roller"]);
    const other = checkRedline(base, edit("## Ansvar", "## Roller"));
    expect(marked(other, "redlineDelete")).toEqual(["Ansvar"]);
    expect(marked(other, "redlineInsert")).toEqual(["Roller"]);
    const level = checkRedline(base, edit("## Ansvar", "### Ansvar"));
    expect(
      marks(level.tree)
        .filter((n) => n.type === "heading")
        .map((n) => n.data?.redline),
    ).toEqual(["delete", "insert"]);
  });

  it("list items removed, added, edited and nested", () => {
    const removed = checkRedline(base, edit("- Kuratorn stödjer närstående.\n", ""));
    const items = marks(removed.tree).filter((n) => n.type === "listItem");
    expect(items.map((n) => [n.data?.redline, toString(n)])).toEqual([["delete", "Kuratorn stödjer närstående."]]);
    expect(removed.words).toEqual({ inserted: 0, deleted: 3 });
    const added = checkRedline(base, edit("- Kuratorn", "- Arbetsterapeuten bedömer hjälpmedel.\n- Kuratorn"));
    expect(
      marks(added.tree)
        .filter((n) => n.type === "listItem")
        .map((n) => n.data?.redline),
    ).toEqual(["insert"]);
    const nested = checkRedline(base, edit("Med stöd av", "Med hjälp av"));
    expect(marked(nested, "redlineInsert")).toEqual(["hjälp"]);
    checkRedline(
      base,
      edit("- Sjuksköterskan", "1. Sjuksköterskan").replace("- Läkaren", "2. Läkaren").replace("- Kuratorn", "3. Kuratorn"),
    );
    checkRedline("- [ ] Klar\n- [ ] Inte klar\n", "- [x] Klar\n- [ ] Inte klar\n");
  });

  it("table rows added and removed, cells changed word by word, columns changed", () => {
    const row = checkRedline(base, edit("| Läkare | Bedömer |", "| Läkare | Bedömer |\n| Kurator | Stödjer närstående |"));
    expect(
      marks(row.tree)
        .filter((n) => n.type === "tableRow")
        .map((n) => n.data?.redline),
    ).toEqual(["insert"]);
    expect(row.words).toEqual({ inserted: 3, deleted: 0 });
    const gone = checkRedline(base, edit("| Läkare | Bedömer |\n", ""));
    expect(
      marks(gone.tree)
        .filter((n) => n.type === "tableRow")
        .map((n) => n.data?.redline),
    ).toEqual(["delete"]);
    const cell = checkRedline(base, edit("Följer upp avvikelser", "Följer upp alla avvikelser"));
    expect(marked(cell, "redlineInsert")).toEqual(["alla "]);
    const columns = checkRedline(
      base,
      edit(
        "| Roll | Ansvar |\n|---|---|\n| MAS | Följer upp avvikelser |\n| Läkare | Bedömer |",
        "| Roll | Ansvar | Senast |\n|---|---|---|\n| MAS | Följer upp avvikelser | 2026 |\n| Läkare | Bedömer | 2027 |",
      ),
    );
    expect(
      marks(columns.tree)
        .filter((n) => n.type === "tableRow")
        .map((n) => n.data?.redline),
    ).toEqual(["delete", "delete", "delete", "insert", "insert", "insert"]);
    expect(marks(columns.tree).filter((n) => n.type === "table")).toEqual([]);
  });

  it("blockquotes, code, html and thematic breaks", () => {
    expect(marked(checkRedline(base, edit("hela länet", "hela regionen")), "redlineInsert")).toEqual(["regionen"]);
    const code = checkRedline(base, edit("kod rad ett", "kod rad två"));
    expect(marks(code.tree).map((n) => [n.type, n.data?.redline])).toEqual([
      ["code", "delete"],
      ["code", "insert"],
    ]);
    expect(code.words).toEqual({ inserted: 3, deleted: 3 });
    checkRedline(base, edit("# Rutin\n", "# Rutin\n\n<div>Tillägg</div>\n\n***\n"));
    checkRedline(base + "\n<div>Gammal</div>\n", base + "\n<div>Ny</div>\n");
  });

  it("footnotes changed, added and removed; a removed note stays for the deleted text that refers to it", () => {
    const changed = checkRedline(base, edit("[^1]: Lagen om samverkan.", "[^1]: Lagen om samverkan vid utskrivning."));
    expect(marked(changed, "redlineInsert")).toEqual([" vid utskrivning"]);
    const removed = checkRedline(base, edit(" och not.[^1]", ".").replace("[^1]: Lagen om samverkan.\n", ""));
    const note = removed.tree.children.find((n) => n.type === "footnoteDefinition" && n.identifier === "1");
    expect(note?.data?.redline).toBe("delete");
    expect(marks(removed.tree).some((n) => n.type === "redlineDelete" && n.children.some((c) => c.type === "footnoteReference"))).toBe(
      true,
    );
    const added = checkRedline(base, edit("Den **fasta**", "Den[^2] **fasta**") + "\n[^2]: Ny not.\n");
    expect(added.tree.children.filter((n) => n.type === "footnoteDefinition").map((n) => n.data?.redline)).toEqual([
      undefined,
      undefined,
      "insert",
    ]);
    // A note moved in the Markdown is the same note.
    expect(
      checkRedline(base, edit("[^1]: Lagen om samverkan.\n", "").replace("# Rutin\n", "# Rutin\n\n[^1]: Lagen om samverkan.\n")).changed,
    ).toBe(false);
  });

  it("a link definition changed keeps both: the new one first, the old one for deleted text", () => {
    const result = checkRedline(base, edit("[sfs]: https://example.se/sfs", "[sfs]: https://example.se/sfs-ny"));
    const definitions = result.tree.children.filter((n) => n.type === "definition");
    expect(definitions.map((d) => (d.type === "definition" ? [d.url, d.data?.redline] : []))).toEqual([
      ["https://example.se/sfs-ny", "insert"],
      ["https://example.se/sfs", "delete"],
    ]);
    const gone = checkRedline(base, edit("Se [lagen][sfs] och", "Se och").replace("[sfs]: https://example.se/sfs\n", ""));
    expect(gone.tree.children.filter((n) => n.type === "definition").map((n) => n.data?.redline)).toEqual(["delete"]);
  });

  it("images, hard breaks and inline html are atoms", () => {
    checkRedline("Bild ![karta](a.png) här.", "Bild ![karta](b.png) här.");
    const img = redlineTree(parse("Bild ![karta](a.png) här."), parse("Bild ![karta](b.png) här."));
    expect(marks(img.tree).map((n) => n.type)).toEqual(["redlineDelete", "redlineInsert"]);
    checkRedline("Rad ett  \nrad två.", "Rad ett\nrad två.");
    checkRedline("Text <abbr>SIP</abbr> här.", "Text <abbr>SVPL</abbr> här.");
  });

  it("a new document is inserted whole; an emptied one deleted whole", () => {
    const created = checkRedline(undefined, base);
    expect(marked(created, "redlineDelete")).toEqual([]);
    expect(created.tree.children.every((n) => n.data?.redline === "insert")).toBe(true);
    expect(created.sections.map((h) => toString(h))).toEqual(["Rutin", "Ansvar"]);
    expect(created.words.deleted).toBe(0);
    expect(created.words.inserted).toBeGreaterThan(40);
    const emptied = checkRedline(base, "");
    expect(emptied.tree.children.every((n) => n.data?.redline === "delete")).toBe(true);
    expect(checkRedline(undefined, "").changed).toBe(false);
  });

  it("a change before any heading has no section", () => {
    expect(checkRedline("Inledning.\n\n# Rubrik\n\nText.", "Inledningen.\n\n# Rubrik\n\nText.").sections).toEqual([]);
  });

  it("a paragraph split in two and two joined into one", () => {
    checkRedline("Första meningen här. Andra meningen där.", "Första meningen här.\n\nAndra meningen där.");
    checkRedline("Första meningen här.\n\nAndra meningen där.", "Första meningen här. Andra meningen där.");
  });
});

describe("fixtures", () => {
  it("the hard fixture: the words marked are the words that changed (≤ 1.2x)", () => {
    // facit.json states the true count: inserted 17, deleted 7 (24 words changed).
    const facit = JSON.parse(readFileSync(path.join(FIXTURES, "redline-hard/facit.json"), "utf8")) as { inserted: number; deleted: number };
    expect(facit).toMatchObject({ inserted: 17, deleted: 7 });
    const result = checkRedline(fixture("redline-hard", "fore"), fixture("redline-hard", "efter"));
    const truth = facit.inserted + facit.deleted;
    const counted = result.words.inserted + result.words.deleted;
    expect(counted).toBeGreaterThanOrEqual(truth);
    expect(counted).toBeLessThanOrEqual(1.2 * truth);
    expect(result.words).toEqual({ inserted: 17, deleted: 7 });
    expect(
      marks(result.tree)
        .filter((n) => n.type === "tableRow")
        .map((n) => n.data?.redline),
    ).toEqual(["insert"]);
    expect(
      marks(result.tree)
        .filter((n) => n.type === "listItem")
        .map((n) => toString(n)),
    ).toEqual(["Planeringen dokumenteras i journalen."]);
    expect(marked(result, "redlineDelete")).toEqual(["tre", "Planeringen dokumenteras i journalen.", "informerar", "dagen"]);
    expect(result.sections.map((h) => toString(h))).toEqual(["Ansvar", "Arbetsgång", "Information till den enskilde och närstående"]);
  });

  it("keeps the new side's positions on what stayed", () => {
    const after = parse(fixture("redline-hard", "efter"));
    const result = redlineTree(parse(fixture("redline-hard", "fore")), after);
    expect(result.tree.children[0]?.position).toEqual(after.children[0]?.position);
    const table = result.tree.children.find((n) => n.type === "table");
    expect(table?.position).toEqual(after.children.find((n) => n.type === "table")?.position);
  });

  it("re-wrapped lines and other Markdown for the same text give no marks", () => {
    const result = checkRedline(
      fixture("redline-rewrap", "fore", "rutin-exempel.md"),
      fixture("redline-rewrap", "efter", "rutin-exempel.md"),
    );
    expect(result.changed).toBe(false);
    expect(marks(result.tree)).toEqual([]);
  });

  it("a moved paragraph is one deletion and one insertion", () => {
    const result = checkRedline(
      fixture("redline-moved", "fore", "rutin-exempel.md"),
      fixture("redline-moved", "efter", "rutin-exempel.md"),
    );
    const blocksMarked = result.tree.children.filter((n) => n.data?.redline !== undefined);
    const moved = "Rutinen gäller alla vårdavdelningar i länet och alla kommuner i Sörmland.";
    expect(blocksMarked.map((n) => [n.type, n.data?.redline, toString(n)])).toEqual([
      ["paragraph", "delete", moved],
      ["paragraph", "insert", moved],
    ]);
    expect(marks(result.tree).filter((n) => n.type === "redlineInsert" || n.type === "redlineDelete")).toHaveLength(2);
    expect(result.words).toEqual({ inserted: 11, deleted: 11 });
    expect(result.sections.map((h) => toString(h))).toEqual(["Syfte", "Ansvar"]);
  });
});

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (body: string, pick: (n: number) => number) => string;

const WORDS = ["kommunen", "regionen", "planen", "alltid", "och", "senast", "vårdkontakten", "i", "närstående", "MAS"];

/** A random word of the body (two letters or more) and where it is. */
function someWord(body: string, pick: (n: number) => number): RegExpExecArray | undefined {
  const all = [...body.matchAll(/\p{L}{2,}/gu)];
  return all.length === 0 ? undefined : all[pick(all.length)];
}

function lines(body: string): string[] {
  return body.split("\n");
}

/** Random edits of Markdown text, of every kind the issue names (and some that break the structure). */
const EDITS: Record<string, Edit> = {
  replaceWord: (b, p) => {
    const w = someWord(b, p);
    return w ? b.slice(0, w.index) + (WORDS[p(WORDS.length)] as string) + b.slice(w.index + w[0].length) : b;
  },
  deleteWord: (b, p) => {
    const w = someWord(b, p);
    return w ? b.slice(0, w.index) + b.slice(w.index + w[0].length).replace(/^ /u, "") : b;
  },
  insertWords: (b, p) => {
    const w = someWord(b, p);
    return w
      ? `${b.slice(0, w.index + w[0].length)} ${WORDS[p(WORDS.length)]} ${WORDS[p(WORDS.length)]}${b.slice(w.index + w[0].length)}`
      : b;
  },
  emphasise: (b, p) => {
    const w = someWord(b, p);
    const mark = ["**", "_", "`", "~~"][p(4)] as string;
    return w ? `${b.slice(0, w.index)}${mark}${w[0]}${mark}${b.slice(w.index + w[0].length)}` : b;
  },
  deleteLine: (b, p) => {
    const l = lines(b);
    l.splice(p(l.length), 1);
    return l.join("\n");
  },
  duplicateLine: (b, p) => {
    const l = lines(b);
    l.splice(p(l.length), 0, l[p(l.length)] as string);
    return l.join("\n");
  },
  moveParagraph: (b, p) => {
    const parts = b.split("\n\n");
    const [moved] = parts.splice(p(parts.length), 1);
    parts.splice(p(parts.length + 1), 0, moved as string);
    return parts.join("\n\n");
  },
  rewrap: (b, p) => {
    const spaces = [...b.matchAll(/(?<=\p{L}) (?=\p{L})/gu)];
    const s = spaces[p(Math.max(1, spaces.length))];
    return s ? `${b.slice(0, s.index)}\n${b.slice(s.index + 1)}` : b;
  },
  rewrapParagraph: (b, p) => {
    // A space between two words of a line of running text (not a heading, table row or code) becomes a line break and an indent.
    const spaces = [...b.matchAll(/^(?:\p{L}|[-*] |\d+\. )[^|\n]*$/gmu)].flatMap((line) =>
      [...line[0].matchAll(/(?<=\p{L}) (?=\p{L})/gu)].map((m) => line.index + m.index),
    );
    const at = spaces[p(Math.max(1, spaces.length))];
    return at === undefined ? b : `${b.slice(0, at)}\n   ${b.slice(at + 1)}`;
  },
  renameHeading: (b, p) => {
    const l = lines(b);
    const headings = l.flatMap((line, i) => (line.startsWith("#") ? [i] : []));
    if (headings.length > 0) {
      const i = headings[p(headings.length)] as number;
      l[i] = `${l[i]} och ${WORDS[p(WORDS.length)]}`;
    }
    return l.join("\n");
  },
  tableRow: (b, p) => {
    const l = lines(b);
    const rows = l.flatMap((line, i) => (/^\|.*\p{L}/u.test(line) ? [i] : []));
    if (rows.length > 0) {
      const i = rows[p(rows.length)] as number;
      l.splice(i + 1, 0, (l[i] as string).replace(/\p{L}{3,}/u, WORDS[p(WORDS.length)] as string));
    }
    return l.join("\n");
  },
  tableColumn: (b, p) => {
    const l = lines(b);
    const rows = l.flatMap((line, i) => (line.startsWith("|") ? [i] : []));
    if (rows.length === 0) return b;
    let i = rows[p(rows.length)] as number;
    while (i > 0 && (l[i - 1] as string).startsWith("|")) i--;
    for (; i < l.length && (l[i] as string).startsWith("|"); i++)
      l[i] = `${l[i]}${/^\|[\s:|-]+$/u.test(l[i] as string) ? "---|" : " ny |"}`;
    return l.join("\n");
  },
  listItem: (b, p) => {
    const l = lines(b);
    const items = l.flatMap((line, i) => (/^\s*(?:[-*]|\d+\.) /u.test(line) ? [i] : []));
    if (items.length === 0) return b;
    const i = items[p(items.length)] as number;
    if (p(2) === 0) l.splice(i, 1);
    else l.splice(i, 0, (l[i] as string).replace(/\p{L}+/u, "Nytt"));
    return l.join("\n");
  },
  footnote: (b, p) => {
    const l = lines(b);
    const notes = l.flatMap((line, i) => (line.startsWith("[^") ? [i] : []));
    if (notes.length === 0) return `${b}\n\nTillägg.[^ny]\n\n[^ny]: En ny not.\n`;
    const i = notes[p(notes.length)] as number;
    if (p(2) === 0) l.splice(i, 1);
    else l[i] = `${l[i]} Med tillägg.`;
    return l.join("\n");
  },
  quote: (b, p) => {
    const l = lines(b);
    const i = p(l.length);
    l[i] = `> ${l[i]}`;
    return l.join("\n");
  },
  code: (b, p) => {
    const l = lines(b);
    const i = p(l.length);
    l.splice(i, 1, "```", l[i] as string, "```");
    return l.join("\n");
  },
  definition: (b, p) => {
    const l = lines(b);
    const defs = l.flatMap((line, i) => (/^\[[^\]^]+\]:/u.test(line) ? [i] : []));
    if (defs.length === 0) return `${b}\n\n[ny]: https://example.se/ny\n`;
    const i = defs[p(defs.length)] as number;
    l[i] = `${l[i]}-ny`;
    return l.join("\n");
  },
  link: (b, p) => {
    const links = [...b.matchAll(/\]\(([^)\s]+)\)/gu)];
    const link = links[p(Math.max(1, links.length))];
    return link ? `${b.slice(0, link.index)}](annan-${link[1]})${b.slice(link.index + link[0].length)}` : b;
  },
};

/** The bodies of the documents in documents/, by path. */
function documentBodies(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".md")) out.push([path.relative(REPO, full), bodyOf(readFileSync(full, "utf8"))]);
    }
  };
  walk(path.join(REPO, "documents"));
  out.push(["every kind of block (hand-written)", base]);
  return out;
}

describe("random edits of the documents in documents/", () => {
  const bodies = documentBodies();
  const kinds = Object.keys(EDITS);

  it("finds the documents", () => {
    expect(bodies.length).toBeGreaterThanOrEqual(11);
  });

  it.each(bodies)("%s: accept gives the new version, reject the old one", (_file, body) => {
    const next = random([..._file].reduce((h, c) => Math.imul(h, 31) + (c.codePointAt(0) ?? 0), 7));
    const pick = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 24; round++) {
      let edited = body;
      const applied: string[] = [];
      const count = 1 + pick(4);
      for (let k = 0; k < count; k++) {
        const kind = kinds[round < kinds.length && k === 0 ? round : pick(kinds.length)] as string;
        applied.push(kind);
        edited = (EDITS[kind] as Edit)(edited, pick);
      }
      try {
        checkRedline(body, edited);
        checkRedline(edited, body);
      } catch (error) {
        throw new Error(`round ${round}, edits ${applied.join(", ")}: ${(error as Error).message}`);
      }
    }
  });

  it.each(bodies)("%s: re-wrapping gives no marks; one word replaced marks one word", (_file, body) => {
    const next = random(body.length);
    const pick = (n: number): number => Math.floor(next() * n);
    let wrapped = body;
    for (let k = 0; k < 5; k++) wrapped = (EDITS.rewrapParagraph as Edit)(wrapped, pick);
    expect(wrapped).not.toBe(body);
    expect(checkRedline(body, wrapped).changed).toBe(false);
    // A word of a line of plain text (no link, code, emphasis or table syntax around it).
    const plain = [...body.matchAll(/^\p{Lu}[^[\]`*_|<\n]*$/gmu)];
    for (let k = 0; k < 3 && plain.length > 0; k++) {
      const line = plain[pick(plain.length)] as RegExpExecArray;
      const words = [...line[0].matchAll(/\p{L}{4,}/gu)];
      if (words.length === 0) continue;
      const word = words[pick(words.length)] as RegExpExecArray;
      const at = line.index + word.index;
      const result = checkRedline(body, `${body.slice(0, at)}Ersättningsord${body.slice(at + word[0].length)}`);
      expect(result.words).toEqual({ inserted: 1, deleted: 1 });
      expect(marked(result, "redlineDelete")).toEqual([word[0]]);
    }
  });
});

describe("performance", () => {
  it("a long document with a few edits is compared quickly, an unchanged one without a word diff", () => {
    const bodies = documentBodies().map(([, b]) => b);
    const long = bodies.join("\n\n");
    const before = parse(long);
    const same = parse(long);
    const edited = parse(long.replace("kommunen", "kommunerna").replace(/regionen(?![\s\S]*regionen)/u, "Regionen"));
    let started = performance.now();
    const result = redlineTree(before, edited);
    const changedMs = performance.now() - started;
    expect(result.words).toEqual({ inserted: 2, deleted: 2 });
    started = performance.now();
    expect(redlineTree(before, same).changed).toBe(false);
    const unchangedMs = performance.now() - started;
    // About 125 kB of Markdown (21 documents): some 100 ms; generous bounds for a busy two-core machine.
    expect(changedMs).toBeLessThan(3000);
    expect(unchangedMs).toBeLessThan(1500);
  });
});
