/**
 * Swedish typography for the editions' running text: a reference such as
 * "§ 14/2025", "16 kap. 4 §" or "nr 5" is one unit, and a line that ends
 * after "§" or "kap." leaves the reader with half a reference. A
 * non-breaking space (U+00A0) keeps the parts together; it looks and copies
 * like a space. Only the space between a sign or abbreviation and its number
 * is touched: the document's text is otherwise left as written ("§14"
 * stays "§14", which no line breaks anyway).
 *
 * Shared by the editions so that they break the same text the same way: the
 * Word edition's runs (render/docx/inline.ts), the HTML edition's text
 * (render/html/markdown.ts), and both fact boxes' decision paragraph.
 */

const NBSP = "\u00a0";

/**
 * Each rule: a space (or several) between two parts that belong together.
 * The lookbehind `(?<![\p{L}\p{N}])` keeps "nr" and "kap" whole words
 * ("kapitel 3" and "Konr 5" are left alone).
 */
const RULES: readonly RegExp[] = [
  // "§ 14", "§§ 3–5": the sign before its number.
  /(?<=§) +(?=\d)/gu,
  // "4 §", "14 §§": the number before its sign.
  /(?<=\d) +(?=§)/gu,
  // "kap. 3", "nr 5", "Nr 5": the abbreviation before its number.
  /(?<=(?<![\p{L}\p{N}])(?:[Kk]ap\.|[Nn]r\.?)) +(?=\d)/gu,
  // "16 kap.": the number before the chapter.
  /(?<=\d) +(?=kap\.)/gu,
];

/** A quick test, so that text without any of the signs (the common case) is returned as it is. */
const ANY = /§|kap\.|[Nn]r/;

/** The text with non-breaking spaces inside legal references ("§ 14/2025", "16 kap. 4 §", "nr 5"). */
export function keepReferencesTogether(text: string): string {
  if (!ANY.test(text)) return text;
  let out = text;
  for (const rule of RULES) out = out.replace(rule, NBSP);
  return out;
}
