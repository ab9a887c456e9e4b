import type { DocumentRule } from "./types.js";

export const rule: DocumentRule = {
  id: "SD132",
  name: "en-huvudrubrik",
  scope: "document",
  category: "struktur",
  defaultSeverity: "error",
  description: {
    sv: "Texten har högst en huvudrubrik på nivå 1 (`#`).",
    en: "The text has at most one top-level heading (`#`).",
  },
  docs: {
    sv: "En sida har en enda huvudrubrik: dokumentets titel. Titeln står i `titel` i YAML-huvudet, så avsnitten i texten börjar med `##`. Två huvudrubriker gör sidan svår att överblicka med skärmläsare.",
    en: "A page has a single main heading: the document's title. The title is `titel` in the front matter, so sections in the text start with `##`. Two main headings make a page hard to navigate with a screen reader.",
  },
  check(ctx) {
    const top = ctx.facts.headings.filter((h) => h.depth === 1);
    const first = top[0];
    for (const h of top.slice(1)) {
      ctx.report({
        range: [h.line, h.column, h.endLine, h.endColumn],
        message: {
          sv: `Rubriken "${h.text}" är en andra huvudrubrik (\`#\`); den första står på rad ${first?.line ?? 1}. Ett dokument har högst en huvudrubrik. Gör den till ett avsnitt: \`## ${h.text}\`.`,
          en: `The heading "${h.text}" is a second main heading (\`#\`); the first is on line ${first?.line ?? 1}. A document has at most one. Make it a section: \`## ${h.text}\`.`,
        },
      });
    }
  },
};
