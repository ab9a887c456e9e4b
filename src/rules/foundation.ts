/** The foundation's rules: reading, parsing, the schema, and the set's ids. */
import type { Rule } from "./types.js";
import { rule as sd001 } from "./sd001-fil-las.js";
import { rule as sd002 } from "./sd002-yaml-huvud.js";
import { rule as sd003 } from "./sd003-yaml-syntax.js";
import { rule as sd004 } from "./sd004-endast-yaml.js";
import { rule as sd005 } from "./sd005-schema.js";
import { rule as sd006 } from "./sd006-unikt-id.js";
import { rule as sd007 } from "./sd007-id-lankar.js";
import { rule as sd008 } from "./sd008-filnamn.js";
import { rule as sd009 } from "./sd009-filer-inom-roten.js";
import { rule as sd010 } from "./sd010-konfiguration.js";

export const foundationRules: Rule[] = [sd001, sd002, sd003, sd004, sd005, sd006, sd007, sd008, sd009, sd010];
