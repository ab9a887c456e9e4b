import type { DocumentRule } from "./types.js";

export const rule: DocumentRule = {
  id: "SD131",
  name: "rubrikniva",
  scope: "document",
  category: "struktur",
  defaultSeverity: "error",
  description: {
    sv: "Rubriknivåerna hoppar inte över någon nivå (efter `##` kommer `##` eller `###`, inte `####`).",
    en: "Heading levels do not skip a level (after `##` comes `##` or `###`, not `####`).",
  },
  docs: {
    sv: "Skärmläsare och innehållsförteckningar bygger på rubriknivåerna (WCAG 1.3.1). Dokumentets titel är nivå 1 i utgåvorna, så texten börjar med `##`. En underrubrik är en nivå djupare än avsnittet den hör till.",
    en: "Screen readers and tables of contents rely on heading levels (WCAG 1.3.1). The title is level 1 in editions, so the text starts with `##`. A subheading is one level deeper than its section.",
  },
  check(ctx) {
    // The title from the front matter is the level-1 heading of every edition.
    let previous = 1;
    for (const h of ctx.facts.headings) {
      if (h.depth > previous + 1) {
        const expected = previous + 1;
        ctx.report({
          range: [h.line, h.column, h.endLine, h.endColumn],
          message: {
            sv: `Rubriken "${h.text}" har nivå ${h.depth} (\`${"#".repeat(h.depth)}\`) men ${previous === 1 ? "dokumentets titel är nivå 1" : `föregående rubrik har nivå ${previous}`}. Hoppa inte över nivåer: skriv \`${"#".repeat(expected)} ${h.text}\`.`,
            en: `The heading "${h.text}" is level ${h.depth} (\`${"#".repeat(h.depth)}\`) but ${previous === 1 ? "the document's title is level 1" : `the previous heading is level ${previous}`}. Do not skip levels: write \`${"#".repeat(expected)} ${h.text}\`.`,
          },
        });
      }
      previous = h.depth;
    }
  },
};
