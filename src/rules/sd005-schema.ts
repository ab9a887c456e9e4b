import type { DocumentRule } from "./types.js";
import { documentValidator } from "../core/schema.js";
import { schemaDiagnostics } from "../core/schema-explain.js";

export const rule: DocumentRule = {
  id: "SD005",
  name: "schema",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "YAML-huvudet följer schemat för samverkansdokument: rätt fält, typer, värden och datum, och de fält som status och dokumenttyp kräver.",
    en: "The front matter follows the governance-document schema: the right fields, types, values and dates, and the fields that status and type require.",
  },
  docs: {
    sv: "Schemat finns i schemas/samverkansdokument.schema.json och fälten beskrivs i README. Ett fastställt dokument kräver beslut, giltighet, revisionsdatum och dokumentansvarig; en överenskommelse minst två parter; ett upphävt dokument datum för upphävandet.",
    en: "The schema is schemas/samverkansdokument.schema.json; README describes the fields.",
  },
  check(ctx) {
    const lines = ctx.lines;
    const source = ([l1, c1, l2, c2]: [number, number, number, number]): string => {
      if (l1 === l2) return (lines[l1 - 1] ?? "").slice(c1 - 1, c2 - 1);
      return (lines[l1 - 1] ?? "").slice(c1 - 1);
    };
    for (const d of schemaDiagnostics({
      validate: documentValidator(),
      data: ctx.data,
      positions: ctx.positions,
      file: ctx.file,
      lang: ctx.lang,
      ruleId: rule.id,
      ruleName: rule.name,
      source,
    })) {
      ctx.report({ range: [d.line, d.column, d.endLine ?? d.line, d.endColumn ?? d.column], message: d.message });
    }
  },
};
