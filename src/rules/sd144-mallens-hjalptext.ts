/**
 * SD144: the guidance `samdok new` writes under each heading ("Skriv varför
 * dokumentet finns …") is gone once the document goes on remiss or is
 * adopted. Left in place, it is published as if it were the text in force,
 * and no other rule sees it: it is ordinary Swedish prose under the right
 * heading.
 *
 * What counts as the guidance: a sentence of it whole, or its first six words
 * (a recognisable part, when the writer added to it or cut its end). A
 * sentence of six words or fewer counts only whole, so that "Skriv vem som
 * gör vad i planen" in a real rutin is not taken for the template's "Skriv
 * vem som gör vad." The guidance under a configured heading ("Skriv här om
 * samverkan.") counts when it stands alone on its line.
 */
import type { DocumentRule } from "./types.js";
import type { Localized } from "../i18n/text.js";
import { str } from "./lib/data.js";
import { lineIndex } from "./lib/text.js";
import { FALLBACK_GUIDANCE_OPENING, GUIDANCE } from "../core/template-guidance.js";

/** Words of a guidance sentence that make it recognisable. */
const OPENING_WORDS = 6;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern per guidance sentence: the sentence whole, or its opening; words may be split by any white space (a wrapped line). */
function sentencePatterns(): string[] {
  const sentences = new Set<string>();
  for (const text of Object.values(GUIDANCE)) for (const s of text.match(/[^.]+\./g) ?? []) sentences.add(s.trim());
  return [...sentences].map((sentence) => {
    const words = sentence.split(/\s+/);
    if (words.length <= OPENING_WORDS) return words.map(escape).join("\\s+");
    return `${words.slice(0, OPENING_WORDS).map(escape).join("\\s+")}(?![\\p{L}\\p{N}])`;
  });
}

const GUIDANCE_TEXT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${sentencePatterns().join("|")})` +
    // "Skriv här om samverkan." alone on its line (a list marker or emphasis around it allowed);
    // `check` then asks that the subject be the heading above it, as the template writes it.
    `|(?<=^[ \\t]*(?:[-*+][ \\t]+)?[*_]{0,2})${escape(FALLBACK_GUIDANCE_OPENING)}[ \\t]+(?<subject>[^\\n.]{1,80})\\.(?=[*_]{0,2}[ \\t]*$)`,
  "gimu",
);

export const rule: DocumentRule = {
  id: "SD144",
  name: "mallens-hjalptext",
  scope: "document",
  category: "innehall",
  defaultSeverity: "error",
  description: {
    sv: "Ett fastställt dokument eller ett dokument på remiss innehåller inte den hjälptext som `samdok new` skriver under rubrikerna.",
    en: "An adopted document, or one on remiss, does not contain the guidance text `samdok new` writes under the headings.",
  },
  docs: {
    sv: 'När `samdok new` skapar ett dokument står en mening med hjälp under varje rubrik, till exempel "Skriv varför dokumentet finns och vad det ska leda till för invånarna." under Syfte. Den ska ersättas med dokumentets egen text innan dokumentet går på remiss och senast när det fastställs: annars publiceras den som om den vore gällande text. Regeln hittar meningen hel eller dess sex första ord, och "Skriv här om …" när den står ensam på en rad under den rubrik den nämner. I ett fastställt dokument är det ett fel, i ett dokument på remiss en varning. Utkast kontrolleras inte.',
    en: 'When `samdok new` creates a document it writes a sentence of guidance under each heading, for example "Skriv varför dokumentet finns och vad det ska leda till för invånarna." under Syfte. It is to be replaced with the document\'s own text before the document goes on remiss and at the latest when it is adopted: otherwise it is published as if it were text in force. The rule finds the sentence whole or its first six words, and "Skriv här om …" standing alone on a line under the heading it names. In an adopted document it is an error, in one on remiss a warning. Drafts are not checked.',
  },
  check(ctx) {
    const status = str(ctx.data, "status");
    if (status !== "fastställd" && status !== "remiss") return;
    const index = lineIndex(ctx.text);
    // The body starts after the front matter's closing fence.
    let bodyStart = 0;
    for (let line = 0; line < ctx.closeLine; line++) {
      const next = ctx.text.indexOf("\n", bodyStart);
      bodyStart = next === -1 ? ctx.text.length : next + 1;
    }
    const fold = (t: string): string => t.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
    const headingAbove = (line: number) => [...ctx.facts.headings].reverse().find((h) => h.line < line);
    // The matches of one line make one finding ("Skriv vem som gör vad. Ange roller, inte namn.").
    const byLine = new Map<number, { start: number; end: number; shown: string[] }>();
    for (const m of ctx.text.slice(bodyStart).matchAll(GUIDANCE_TEXT)) {
      const start = bodyStart + m.index;
      const end = start + m[0].length;
      const line = index.range(start, end)[0];
      const subject = m.groups?.subject;
      if (subject !== undefined && fold(subject) !== fold(headingAbove(line)?.text ?? "")) continue;
      const found = m[0].replace(/\s+/g, " ");
      const shown = /[.]$/.test(found) ? found : `${found} …`;
      const seen = byLine.get(line);
      if (seen) {
        seen.end = end;
        seen.shown.push(shown);
      } else byLine.set(line, { start, end, shown: [shown] });
    }
    for (const [line, { start, end, shown: parts }] of byLine) {
      const shown = parts.join(" ");
      const heading = headingAbove(line);
      const under: Localized = heading ? { sv: ` under "${heading.text}"`, en: ` under "${heading.text}"` } : { sv: "", en: "" };
      ctx.report({
        range: index.range(start, end),
        ...(status === "remiss" ? { severity: "warning" as const } : {}),
        message:
          status === "fastställd"
            ? {
                sv: `Hjälptexten från \`samdok new\` ("${shown}") står kvar${under.sv} i ett fastställt dokument. Ersätt den med dokumentets egen text eller ta bort den; en ändring i ett fastställt dokument blir en ny version.`,
                en: `The guidance text from \`samdok new\` ("${shown}") remains${under.en} in an adopted document. Replace it with the document's own text or remove it; a change to an adopted document makes a new version.`,
              }
            : {
                sv: `Hjälptexten från \`samdok new\` ("${shown}") står kvar${under.sv} i ett dokument på remiss. Ersätt den med dokumentets egen text eller ta bort den, så att remissinstanserna läser det som är tänkt att gälla.`,
                en: `The guidance text from \`samdok new\` ("${shown}") remains${under.en} in a document on remiss. Replace it with the document's own text or remove it, so that the consulted parties read what is meant to apply.`,
              },
      });
    }
  },
};
