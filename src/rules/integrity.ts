/** The checks a schema cannot express (set integrity, dates, structure, content). */
import type { Rule } from "./types.js";

export const integrityRules: Rule[] = [];
