import type { Io } from "../../io.js";
import { EXIT_FAILURE, EXIT_OK } from "../../io.js";
import { rules, findRule } from "../../../rules/index.js";
import { pick } from "../../../i18n/text.js";
import { safeMessage } from "../../../core/safe-text.js";
import { rulesMarkdownTable, categoryLabel } from "../../../docs/rules-table.js";
import type { Rule } from "../../../rules/types.js";

export function rulesCommand(io: Io, which: string | undefined, format: "text" | "markdown" | "json"): number {
  const lang = io.lang;
  const severity = (r: Rule): string =>
    r.defaultSeverity === "error" ? pick({ sv: "fel", en: "error" }, lang) : pick({ sv: "varning", en: "warning" }, lang);
  if (which) {
    const rule = findRule(which);
    if (!rule) {
      io.stderr.write(
        `samdok: ${safeMessage(pick({ sv: `Ingen regel heter "${which}". Se \`samdok rules\`.`, en: `No rule is called "${which}". See \`samdok rules\`.` }, lang))}\n`,
      );
      return EXIT_FAILURE;
    }
    if (format === "json") {
      io.stdout.write(
        `${JSON.stringify({ id: rule.id, name: rule.name, defaultSeverity: rule.defaultSeverity, category: rule.category, description: pick(rule.description, lang), docs: rule.docs ? pick(rule.docs, lang) : undefined }, null, 2)}\n`,
      );
      return EXIT_OK;
    }
    io.stdout.write(
      `${rule.id} ${rule.name} (${severity(rule)}, ${pick(categoryLabel(rule.category), lang)})\n\n${pick(rule.description, lang)}\n${rule.docs ? `\n${pick(rule.docs, lang)}\n` : ""}`,
    );
    return EXIT_OK;
  }
  if (format === "json") {
    io.stdout.write(
      `${JSON.stringify(
        rules.map((r) => ({
          id: r.id,
          name: r.name,
          defaultSeverity: r.defaultSeverity,
          category: r.category,
          configurable: r.configurable !== false,
          description: pick(r.description, lang),
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  if (format === "markdown") {
    io.stdout.write(rulesMarkdownTable(lang));
    return EXIT_OK;
  }
  const idW = Math.max(...rules.map((r) => r.id.length));
  const nameW = Math.max(...rules.map((r) => r.name.length));
  const sevW = Math.max(...rules.map((r) => severity(r).length));
  for (const r of rules) {
    io.stdout.write(`${r.id.padEnd(idW)}  ${r.name.padEnd(nameW)}  ${severity(r).padEnd(sevW)}  ${pick(r.description, lang)}\n`);
  }
  io.stdout.write(
    `\n${pick({ sv: 'Ändra en regels nivå i samdok.config.json: "regler": {"SD108": "off"}. Detaljer: samdok rules <id>.', en: 'Change a rule\'s severity in samdok.config.json: "regler": {"SD108": "off"}. Details: samdok rules <id>.' }, lang)}\n`,
  );
  return EXIT_OK;
}
