/**
 * LIX (läsbarhetsindex): words/sentences + 100 · long words/words, where a long
 * word has more than six letters. Counted over running text: paragraphs, list
 * items and block quotes; headings, tables and code are left out.
 */
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { LixBand, LixFigure, LixResult, LixSection } from "./types.js";
import type { Localized } from "../i18n/text.js";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?:;]+(?=\s|$|["”’)\]])/g;

export interface LixCount {
  words: number;
  sentences: number;
  longWords: number;
}

export function countText(text: string): LixCount {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return { words: 0, sentences: 0, longWords: 0 };
  let longWords = 0;
  for (const w of words) {
    const letters = w.replace(/[^\p{L}]/gu, "");
    if (letters.length > 6) longWords++;
  }
  const ends = text.trim().match(SENTENCE_END)?.length ?? 0;
  // A block of text that does not end with a full stop still ends a sentence.
  const trailing = /[.!?:;]["”’)\]]*\s*$/.test(text.trim()) ? 0 : 1;
  return { words: words.length, sentences: Math.max(1, ends + trailing), longWords };
}

export function lixOf(count: LixCount): LixFigure {
  const value = count.words === 0 ? 0 : count.words / Math.max(1, count.sentences) + (100 * count.longWords) / count.words;
  const rounded = Math.round(value * 10) / 10;
  return { value: rounded, band: lixBand(rounded), words: count.words, sentences: count.sentences, longWords: count.longWords };
}

export function lixBand(value: number): LixBand {
  if (value < 30) return "very-easy";
  if (value < 40) return "easy";
  if (value < 50) return "medium";
  if (value <= 60) return "difficult";
  return "very-difficult";
}

export const LIX_BAND_LABEL: Record<LixBand, Localized> = {
  "very-easy": { sv: "mycket lätt", en: "very easy" },
  easy: { sv: "lätt", en: "easy" },
  medium: { sv: "medelsvår", en: "medium" },
  difficult: { sv: "svår", en: "difficult" },
  "very-difficult": { sv: "mycket svår", en: "very difficult" },
};

function add(a: LixCount, b: LixCount): LixCount {
  return { words: a.words + b.words, sentences: a.sentences + b.sentences, longWords: a.longWords + b.longWords };
}

const ZERO: LixCount = { words: 0, sentences: 0, longWords: 0 };

function countBlock(node: RootContent): LixCount {
  switch (node.type) {
    case "paragraph":
      return countText(toString(node));
    case "list":
    case "listItem":
    case "blockquote":
    case "footnoteDefinition":
      return (node.children as RootContent[]).reduce((acc, child) => add(acc, countBlock(child)), ZERO);
    default:
      return ZERO;
  }
}

/** LIX for the whole text and for each top-level section. */
export function computeLix(tree: Root): LixResult {
  const depths = tree.children.filter((n) => n.type === "heading").map((n) => (n.type === "heading" ? n.depth : 9));
  const top = depths.length > 0 ? Math.min(...depths) : 0;
  const sections: { heading: string; line: number; count: LixCount }[] = [];
  let total = ZERO;
  let current: { heading: string; line: number; count: LixCount } | undefined;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === top) {
      current = { heading: toString(node), line: node.position?.start.line ?? 1, count: ZERO };
      sections.push(current);
      continue;
    }
    const c = countBlock(node);
    total = add(total, c);
    if (current) current.count = add(current.count, c);
  }
  const result: LixResult = { ...lixOf(total), sections: [] };
  result.sections = sections
    .filter((s) => s.count.words > 0)
    .map((s): LixSection => ({ heading: s.heading, line: s.line, ...lixOf(s.count) }));
  return result;
}
