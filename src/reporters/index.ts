/** Reporters by name, for `samdok validate --format NAME`. */
import type { Reporter } from "./types.js";
import { stylish } from "./stylish.js";
import { json } from "./json.js";

export const reporters: Record<string, Reporter> = {
  stylish,
  json,
};

export const reporterNames = (): string[] => Object.keys(reporters);
