/** Checking a front-matter value against one of the configuration's registries, with "Menade du …?". */
import type { NamedEntry } from "../../core/config.js";
import { closest } from "../../core/suggest.js";
import type { Localized } from "../../i18n/text.js";

/** The registry id closest to `value` (compared with ids and names), if any is close enough. */
export function suggestId(value: string, registry: readonly NamedEntry[]): NamedEntry | undefined {
  const guess = closest(value, [...registry.map((e) => e.id), ...registry.map((e) => e.namn)]);
  if (guess === undefined) return undefined;
  return registry.find((e) => e.id === guess) ?? registry.find((e) => e.namn === guess);
}

/** "Menade du `x` (Namn)?" or "" when nothing is close. */
export function didYouMean(value: string, registry: readonly NamedEntry[]): Localized {
  const entry = suggestId(value, registry);
  if (!entry || entry.id === value) return { sv: "", en: "" };
  return { sv: ` Menade du \`${entry.id}\` (${entry.namn})?`, en: ` Did you mean \`${entry.id}\` (${entry.namn})?` };
}

/** "`a` (A), `b` (B) …", at most `max` entries. */
export function listIds(registry: readonly NamedEntry[], max = 6): string {
  const shown = registry.slice(0, max).map((e) => `\`${e.id}\``);
  return registry.length > max ? `${shown.join(", ")} …` : shown.join(", ");
}
