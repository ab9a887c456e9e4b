import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { REPO } from "../helpers/cli.js";
import { editionBody, extractFacts, parseBody, parseBodyForRules, ruleParserTransforms } from "../../src/core/markdown.js";
import { withoutPositions } from "../helpers/mdast.js";
import { parseFrontMatter } from "../../src/core/front-matter.js";
import { normalizeText } from "../../src/core/read.js";
import { isExternal } from "../../src/core/links.js";

const TRICKY = `---
id: x
---

# Kontakt via www.regionsormland.se och narvard@regionsormland.se

Läs mer på https://www.regionsormland.se/vard_och_omsorg/*samverkan* eller www.example.se/a_b_c.
Skriv till registrator@kommun.se, se [rutinen](rutin.md#syfte) och <https://example.se>.

## Bilagor: https://example.se/fil_1_2.pdf

- Punkt med www.x.se, och en mening till. Ännu en lång mening med långaordet.
- Skriv till narvard&#64;example.se (ett @ som bara finns i texten, inte i källan) eller HTTPS://EXEMPEL.SE.
`;

/** The text (NFC, LF) of every Markdown file in the folders. */
function documentsIn(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((x) => x.endsWith(".md"))
      .map((f) => normalizeText(readFileSync(path.join(dir, f), "utf8"))),
  );
}

describe("the validation parser (GFM without the literal-autolink pass)", () => {
  it("has no literal-autolink pass, where the editions' parser has one", () => {
    const pass = gfmAutolinkLiteralFromMarkdown().transforms?.[0];
    expect(pass).toBeTypeOf("function");
    expect(ruleParserTransforms()).not.toContain(pass);
  });

  it("gives the same headings, LIX and document links as the full parser", () => {
    const texts = [TRICKY, ...documentsIn([path.join(REPO, "documents", "sormland"), path.join(REPO, "documents", "orebro")])];
    let links = 0;
    for (const text of texts) {
      const split = parseFrontMatter(text);
      if (!split.ok) throw new Error("front matter");
      const full = extractFacts(parseBody(text, split.value.bodyLine));
      const rules = extractFacts(parseBodyForRules(text, split.value.bodyLine));
      expect(rules.headings).toEqual(full.headings);
      expect(rules.lix).toEqual(full.lix);
      const internal = (links: typeof full.links) => links.filter((l) => !isExternal(l.url));
      expect(internal(rules.links)).toEqual(internal(full.links));
      links += internal(rules.links).length;
    }
    expect(links).toBeGreaterThan(20);
  });
});

describe("validation's trees for the editions (editionBody)", () => {
  it("are the full parser's trees without positions, literal autolinks and all", () => {
    const dirs = [
      path.join(REPO, "documents", "sormland"),
      path.join(REPO, "documents", "orebro"),
      path.join(REPO, "test", "fixtures", "docx-kantfall"),
      path.join(REPO, "test", "fixtures", "docx-allt"),
    ];
    const texts = [TRICKY, ...documentsIn(dirs)];
    let autolinks = 0;
    for (const text of texts) {
      const split = parseFrontMatter(text);
      if (!split.ok) throw new Error("front matter");
      const full = withoutPositions(parseBody(text, split.value.bodyLine));
      expect(editionBody(parseBodyForRules(text, split.value.bodyLine))).toEqual(full);
      autolinks += JSON.stringify(full).split('"url":"http://www.').length - 1;
    }
    // The pass the rule parser skips did find something to link.
    expect(autolinks).toBeGreaterThan(2);
    const tricky = JSON.stringify(editionBody(parseBodyForRules(TRICKY, 4)));
    expect(tricky).toContain('"url":"mailto:narvard@example.se"');
    expect(tricky).toContain('"url":"HTTPS://EXEMPEL.SE"');
    // Each kind alone (the pass runs only for a text that could hold a literal autolink).
    for (const [body, url] of [
      ["Skriv till narvard&#64;example.se.", "mailto:narvard@example.se"],
      ["Se WWW.EXEMPEL.SE.", "http://WWW.EXEMPEL.SE"],
      ["Se http://exempel.se/a.", "http://exempel.se/a"],
      ["Ingen länk här, bara text.", undefined],
    ] as const) {
      const text = `---\nid: x\n---\n\n${body}\n`;
      const tree = editionBody(parseBodyForRules(text, 4));
      expect(tree).toEqual(withoutPositions(parseBody(text, 4)));
      if (url) expect(JSON.stringify(tree)).toContain(`"url":"${url}"`);
      else expect(JSON.stringify(tree)).not.toContain('"type":"link"');
    }
  });
});
