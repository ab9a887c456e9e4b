/**
 * Message templates: every text samdok shows a person about a document it
 * cannot accept is written once, in Swedish and English side by side, with
 * `{name}` placeholders where the values go, in a module under src/messages/
 * (the way ESLint keeps a rule's messages apart from its logic). The logic
 * modules in src/core/ decide *which* message applies and with *what* values;
 * the wording, and both translations of it, live here, where a reader can
 * compare them and a test can check that no translation drops a value
 * (test/core/messages.test.ts).
 *
 * A placeholder is `{` + letters, digits or `_` + `}`. The placeholders of a
 * template are read from its type, so `fill` refuses, at compile time, a
 * missing or misspelt value. Values are filled in one pass: a value that
 * itself contains `{name}` (a YAML error text, say) is never filled again.
 */
import type { Lang } from "../core/types.js";
import { pick, type Localized, type Text } from "../i18n/text.js";

/** A message in Swedish and English, with the same `{name}` placeholders in both. */
export interface Template {
  readonly sv: string;
  readonly en: string;
}

/** The names of the `{name}` placeholders in a template string, as a union type. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/**
 * The values a template needs: one per placeholder, either in both languages
 * (a field's title, another filled template) or one for both (a number, a
 * value the user wrote).
 */
export type Values<T extends Template> = { readonly [Name in Placeholders<T["sv"]> | Placeholders<T["en"]>]: Text | number };

/** No values argument for a template without placeholders; the values otherwise. */
type ValuesArgument<T extends Template> = [Placeholders<T["sv"]> | Placeholders<T["en"]>] extends [never] ? [] : [values: Values<T>];

/** A placeholder in a template string; the test of the templates uses it too. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/** The template in one language, with its values filled in. */
export function fillIn<T extends Template>(template: T, lang: Lang, ...[values]: ValuesArgument<T>): string {
  const given = values as Record<string, Text | number> | undefined;
  return template[lang].replace(PLACEHOLDER, (whole, name: string) => {
    const value = given !== undefined && Object.hasOwn(given, name) ? given[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === "number" ? String(value) : pick(value, lang);
  });
}

/** The template in both languages, with its values filled in: a message ready for `pick`. */
export function fill<T extends Template>(template: T, ...values: ValuesArgument<T>): Localized {
  return { sv: fillIn(template, "sv", ...values), en: fillIn(template, "en", ...values) };
}
