import type { ParseRule } from "./types.js";

export const rule: ParseRule = {
  id: "SD003",
  name: "yaml-syntax",
  scope: "parse",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  description: {
    sv: "YAML-huvudet är giltig YAML 1.2: inga syntaxfel, inga dubbla fält, inga tabbar som indrag, inga aliasbomber.",
    en: "The front matter is valid YAML 1.2: no syntax errors, no duplicate keys, no tabs as indentation, no alias bombs.",
  },
  docs: {
    sv: "samdok läser YAML 1.2, där datum förblir text och `0480` inte blir ett tal i oktal form. Dubbla fält är fel eftersom det annars är oklart vilket värde som gäller. Värden nästlade i mer än 32 nivåer (listor i listor, fält under fält) och ett huvud större än 2 000 rader eller 64 kB läses inte.",
    en: "samdok reads YAML 1.2, where dates stay text. Duplicate keys are errors because it is otherwise unclear which value applies. Values nested more than 32 levels deep (lists in lists, fields under fields) and front matter larger than 2,000 lines or 64 kB are not read.",
  },
};
