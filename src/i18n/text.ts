/**
 * Swedish first: every text shown to a person is written in Swedish and
 * English side by side, and picked by the run's language.
 */
import type { Lang } from "../core/types.js";

export interface Localized {
  sv: string;
  en: string;
}

export type Text = string | Localized;

export function pick(text: Text, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}

/** Swedish thousands and decimals: 1 234,5. */
export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  })
    .format(value)
    .replace(/\u00a0|\u202f/g, " ");
}

/**
 * The word or phrase that agrees with a count, without the number: "Rätta det" /
 * "Rätta dem", "was" / "were". For a sentence whose other words follow the
 * count, so that one of something is never "1 filer" or "1 documents were".
 */
export function byCount(count: number, one: Text, many: Text, lang: Lang): string {
  return pick(count === 1 ? one : many, lang);
}

/** "1 fil" / "2 filer". */
export function plural(count: number, one: Text, many: Text, lang: Lang): string {
  return `${formatNumber(count, lang)} ${pick(count === 1 ? one : many, lang)}`;
}
