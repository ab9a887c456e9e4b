/**
 * Generated documentation: the README's rules table and fields table. Tests
 * compare README.md with these functions' output, so the README cannot drift.
 */
import type { Lang } from "../core/types.js";
import { rules } from "../rules/index.js";
import type { RuleMeta } from "../rules/types.js";
import { pick, type Localized } from "../i18n/text.js";

const CATEGORY: Record<RuleMeta["category"], Localized> = {
  fil: { sv: "fil", en: "file" },
  metadata: { sv: "metadata", en: "metadata" },
  samling: { sv: "samling", en: "set" },
  datum: { sv: "datum", en: "dates" },
  struktur: { sv: "struktur", en: "structure" },
  innehall: { sv: "innehåll", en: "content" },
  andring: { sv: "ändring", en: "change" },
};

export function categoryLabel(c: RuleMeta["category"]): Localized {
  return CATEGORY[c];
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function rulesMarkdownTable(lang: Lang = "sv"): string {
  const head =
    lang === "sv"
      ? "| Id | Namn | Område | Standardnivå | Kontrollerar |\n|---|---|---|---|---|\n"
      : "| Id | Name | Area | Default | Checks |\n|---|---|---|---|---|\n";
  return (
    head +
    rules
      .map((r) => {
        const sev =
          r.configurable === false
            ? pick({ sv: "fel (alltid)", en: "error (always)" }, lang)
            : r.defaultSeverity === "error"
              ? pick({ sv: "fel", en: "error" }, lang)
              : pick({ sv: "varning", en: "warning" }, lang);
        return `| ${r.id} | \`${r.name}\` | ${pick(CATEGORY[r.category], lang)} | ${sev} | ${cell(pick(r.description, lang))} |`;
      })
      .join("\n") +
    "\n"
  );
}
