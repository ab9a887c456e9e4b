import type { DocumentRule } from "./types.js";
import type { LixBand } from "../core/types.js";
import { LIX_BAND_LABEL } from "../core/lix.js";
import { formatNumber } from "../i18n/text.js";
import { str } from "./lib/data.js";

export const DEFAULT_LIX_LIMIT = 55;
/** Fewer words than this give no meaningful LIX: one long word alone scores 101. */
export const LIX_MIN_WORDS = 30;

const BAND_NOTE: Record<LixBand, { sv: string; en: string }> = {
  "very-easy": { sv: "under 30", en: "under 30" },
  easy: { sv: "30–40", en: "30–40" },
  medium: { sv: "40–50, som en dagstidning", en: "40–50, like a newspaper" },
  difficult: { sv: "50–60, som typisk myndighetstext", en: "50–60, typical official text" },
  "very-difficult": { sv: "över 60, byråkratsvenska", en: "over 60, bureaucratic Swedish" },
};

export const rule: DocumentRule = {
  id: "SD143",
  name: "lix",
  scope: "document",
  category: "innehall",
  defaultSeverity: "warning",
  description: {
    sv: "Läsbarheten (LIX) för hela texten och för varje huvudavsnitt ligger inte över gränsen i konfigurationen (standard 55).",
    en: "Readability (LIX) of the whole text and of each top-level section is not above the configured limit (default 55).",
  },
  docs: {
    sv: 'LIX = ord per mening + andelen långa ord (fler än sex bokstäver) i procent. Under 30 mycket lätt, 30–40 lätt, 40–50 medelsvår (dagstidning), 50–60 svår (typisk myndighetstext), över 60 mycket svår. Språklagen kräver vårdat, enkelt och begripligt språk. Sänk LIX med kortare meningar och vanliga ord: "Vid genomförandet av uppföljningen ska verksamhetsföreträdare medverka" blir "Cheferna är med när vi följer upp". Upphävda dokument bedöms inte. Text med färre än 30 ord (ett kort avsnitt) bedöms inte, eftersom LIX då inte säger något: ett enda långt ord ger LIX 101. Gränsen ställs in med `"lix": {"grans": 55}` i samdok.config.json; värdena finns i `samdok validate --format json`.',
    en: 'LIX = words per sentence + the share of long words (more than six letters) in per cent. Under 30 very easy, 30–40 easy, 40–50 medium (newspaper), 50–60 difficult (typical official text), over 60 very difficult. Lower it with shorter sentences and common words. Repealed documents are not judged. Text of fewer than 30 words (a short section) is not judged, since LIX then means nothing: a single long word scores 101. The limit is set with `"lix": {"grans": 55}` in samdok.config.json; the figures are in `samdok validate --format json`.',
  },
  check(ctx) {
    const lix = ctx.facts.lix;
    // A repealed document is archived as it was; its language is not reworked.
    if (!lix || str(ctx.data, "status") === "upphävd") return;
    const limit = ctx.config.lix?.grans ?? DEFAULT_LIX_LIMIT;
    const sv = (n: number): string => formatNumber(n, "sv", 1);
    const en = (n: number): string => formatNumber(n, "en", 1);
    const advice = {
      sv: 'Skriv kortare meningar (högst 15–20 ord) och byt långa ord mot vanliga, till exempel "när vi följer upp" i stället för "vid genomförandet av uppföljningen".',
      en: "Write shorter sentences (at most 15–20 words) and use common words instead of long ones.",
    };
    const headings = ctx.facts.headings;
    const sections = lix.sections.filter((s) => s.value > limit && s.words >= LIX_MIN_WORDS);
    // One section holding all the text: its figure is the document's, so say it once.
    const single = lix.sections.length === 1 && lix.sections[0]?.words === lix.words;
    if (lix.value > limit && lix.words >= LIX_MIN_WORDS) {
      const first = ctx.mdast().children.find((n) => n.position !== undefined && n.type !== "heading" && n.type !== "definition");
      const band = LIX_BAND_LABEL[lix.band];
      ctx.report({
        ...(first ? { node: first } : { range: [ctx.bodyLine, 1, ctx.bodyLine, 1] as [number, number, number, number] }),
        message: {
          sv: `Texten har LIX ${sv(lix.value)} (${band.sv}, ${BAND_NOTE[lix.band].sv}); gränsen är ${sv(limit)}. Den är räknad på ${lix.words} ord i ${lix.sentences} meningar, ${Math.round(lix.words / Math.max(1, lix.sentences))} ord per mening. ${advice.sv}`,
          en: `The text has LIX ${en(lix.value)} (${band.en}, ${BAND_NOTE[lix.band].en}); the limit is ${en(limit)}. It is counted on ${lix.words} words in ${lix.sentences} sentences, ${Math.round(lix.words / Math.max(1, lix.sentences))} words per sentence. ${advice.en}`,
        },
      });
    }
    if (single) return;
    for (const s of sections) {
      const heading = headings.find((h) => h.line === s.line);
      const band = LIX_BAND_LABEL[s.band];
      ctx.report({
        range: heading ? [heading.line, heading.column, heading.endLine, heading.endColumn] : [s.line, 1, s.line, 1],
        message: {
          sv: `Avsnittet "${s.heading}" har LIX ${sv(s.value)} (${band.sv}, ${BAND_NOTE[s.band].sv}); gränsen är ${sv(limit)}. ${advice.sv}`,
          en: `The section "${s.heading}" has LIX ${en(s.value)} (${band.en}, ${BAND_NOTE[s.band].en}); the limit is ${en(limit)}. ${advice.en}`,
        },
      });
    }
  },
};
