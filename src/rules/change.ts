/** Rules that compare a document with its version at a base git ref (pull-request mode). */
import type { Rule } from "./types.js";

export const changeRules: Rule[] = [];
