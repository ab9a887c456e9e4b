/**
 * One hand-built run for every reporter's snapshot: tricky characters in
 * paths and messages (åäö, %, :, ",", line breaks, XML specials, a control
 * character), a document without findings, one that could not be read, a
 * finding without an end position, and a finding on the configuration file.
 */
import type { ReportInput } from "../../src/reporters/types.js";
import type { RuleMeta } from "../../src/rules/types.js";

export const RULES: RuleMeta[] = [
  {
    id: "SD001",
    name: "fil-las",
    category: "fil",
    defaultSeverity: "error",
    configurable: false,
    description: { sv: "Filen går att läsa som UTF-8.", en: "The file can be read as UTF-8." },
  },
  {
    id: "SD005",
    name: "schema",
    category: "metadata",
    defaultSeverity: "error",
    description: {
      sv: "YAML-huvudet följer schemat: fält, typer & värden.",
      en: "The front matter follows the schema: fields, types & values.",
    },
    docs: {
      sv: "Schemat finns i schemas/.\nExempel: `status: fastställd`.",
      en: "The schema is in schemas/.\nExample: `status: fastställd`.",
    },
  },
  {
    id: "SD301",
    name: "revision-forfallen",
    category: "datum",
    defaultSeverity: "warning",
    description: { sv: "Revisionen är inte förfallen.", en: "The revision is not overdue." },
  },
  {
    id: "SD306",
    name: "dokument-tas-inte-bort",
    category: "andring",
    defaultSeverity: "error",
    description: { sv: "Ett dokument tas aldrig bort.", en: "A document is never deleted." },
  },
];

const file = "documents/sörmland/rutin för 100%, del: 1.md";

export const INPUT: Omit<ReportInput, "lang" | "color"> = {
  version: "9.9.9",
  rules: RULES,
  summary: { files: 4, errors: 4, warnings: 1 },
  results: [
    { file: "documents/sörmland/rutin-klar.md", rootPath: "rutin-klar.md", diagnostics: [] },
    {
      file,
      rootPath: "rutin för 100%, del: 1.md",
      diagnostics: [
        {
          file,
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 21,
          ruleId: "SD005",
          ruleName: "schema",
          severity: "error",
          message:
            "Värdet \"fastslagen\" är inte tillåtet för `status`: välj utkast, remiss, fastställd eller upphävd.\nÅÄÖ & <taggar> är 'citerade'; 100% säkert,\r\nny rad.",
        },
        {
          file,
          line: 14,
          column: 19,
          ruleId: "SD301",
          ruleName: "revision-forfallen",
          severity: "warning",
          message: "Revisionen är förfallen sedan 30 september 2026 (54 dagar): 5% kvar, a,b.",
        },
      ],
    },
    {
      file: "documents/sörmland/trasig.md",
      rootPath: "trasig.md",
      fatal: true,
      diagnostics: [
        {
          file: "documents/sörmland/trasig.md",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 2,
          ruleId: "SD001",
          ruleName: "fil-las",
          severity: "error",
          message: "Filen är inte sparad som UTF-8 (byte 0xF6\u0007 på rad 2).",
        },
      ],
    },
    {
      file: "documents/sörmland/samdok.config.json",
      rootPath: "samdok.config.json",
      diagnostics: [
        {
          file: "documents/sörmland/samdok.config.json",
          line: 1,
          column: 1,
          ruleId: "SD306",
          ruleName: "dokument-tas-inte-bort",
          severity: "error",
          message: "documents/sörmland/rutin-gammal.md har tagits bort, men i basversionen (origin/main) var versionen 2.1.",
        },
        {
          file: "documents/sörmland/samdok.config.json",
          line: 1,
          column: 1,
          ruleId: "SD999",
          ruleName: "okand-regel",
          severity: "error",
          message: "En regel som inte finns i listan.",
        },
      ],
    },
  ],
};
