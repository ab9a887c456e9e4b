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

/** "1 fil" / "2 filer". */
export function plural(count: number, one: Text, many: Text, lang: Lang): string {
  return `${formatNumber(count, lang)} ${pick(count === 1 ? one : many, lang)}`;
}
