import type { ParseRule } from "./types.js";

export const rule: ParseRule = {
  id: "SD004",
  name: "endast-yaml",
  scope: "parse",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  description: {
    sv: "YAML-huvudet är YAML; `---js`, `---json` och andra format avvisas och körs aldrig.",
    en: "The front matter is YAML; `---js`, `---json` and other formats are rejected and never run.",
  },
  docs: {
    sv: "Ett dokument får aldrig kunna köra kod på en handläggares dator eller i CI. Därför läses bara YAML.",
    en: "A document must never be able to run code on a coordinator's computer or in CI, so only YAML is read.",
  },
};
