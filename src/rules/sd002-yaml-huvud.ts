import type { ParseRule } from "./types.js";

export const rule: ParseRule = {
  id: "SD002",
  name: "yaml-huvud",
  scope: "parse",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  description: {
    sv: "Dokumentet börjar med ett YAML-huvud mellan två rader `---`.",
    en: "The document starts with YAML front matter between two `---` lines.",
  },
  docs: {
    sv: "Exempel:\n\n```markdown\n---\nid: rutin-exempel\ntitel: Rutin för exempel\ndokumenttyp: rutin\n---\n\n## Syfte\n```",
    en: "Example:\n\n```markdown\n---\nid: rutin-exempel\ntitel: Rutin för exempel\ndokumenttyp: rutin\n---\n\n## Syfte\n```",
  },
};
