import type { ParseRule } from "./types.js";

export const rule: ParseRule = {
  id: "SD010",
  name: "konfiguration",
  scope: "parse",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  description: {
    sv: "samdok.config.json finns, är giltig JSON och följer sitt schema.",
    en: "samdok.config.json exists, is valid JSON and follows its schema.",
  },
  docs: {
    sv: "Konfigurationen söks i dokumentets mapp och uppåt. Ett fel i den stoppar körningen med slutkod 2, eftersom inget dokument då kan bedömas rätt.",
    en: "The configuration is looked for in the document's folder and upwards. An error in it stops the run with exit code 2.",
  },
};
