/** Reporters by name, for `samdok validate --format NAME`. */
import type { Reporter } from "./types.js";
import { stylish } from "./stylish.js";
import { json } from "./json.js";
import { github } from "./github.js";
import { sarif } from "./sarif.js";
import { junit } from "./junit.js";

export const reporters: Record<string, Reporter> = {
  stylish,
  json,
  github,
  sarif,
  junit,
};

export const reporterNames = (): string[] => Object.keys(reporters);
