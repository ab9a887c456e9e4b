/**
 * The typed loaded document: a document whose front matter passed the schema,
 * with the set it belongs to and where it lies. What `due`, `report`, the
 * editing commands and the editions all work on (the editions add the text).
 */
import type { DocumentResult } from "./types.js";
import type { LoadedConfig } from "./config.js";
import type { SamDoc } from "./document.js";

export interface LoadedDocument {
  /** The front matter as a typed view (safe: the schema passed). */
  doc: SamDoc;
  result: DocumentResult;
  /** The set's configuration. */
  loaded: LoadedConfig;
  absPath: string;
  /**
   * For a document in progress (a draft, on remiss): the version that still
   * applies, from git (core/history), when a command asked for it
   * (due/list/in-force.ts). Absent when no earlier version is in force.
   */
  inForce?: { version: string; doc: SamDoc; commit?: string };
}

/** Reading, YAML and schema rules: with an error from these, the typed view cannot be trusted. */
export const PARSE_RULES: ReadonlySet<string> = new Set(["SD001", "SD002", "SD003", "SD004", "SD005"]);

/** True when a result's front matter can be read as a typed SamDoc. */
export function isUsable(result: DocumentResult): boolean {
  if (result.fatal || !result.data) return false;
  if (result.diagnostics.some((d) => d.severity === "error" && PARSE_RULES.has(d.ruleId))) return false;
  const d = result.data;
  return typeof d.id === "string" && typeof d.titel === "string" && typeof d.status === "string" && typeof d.dokumenttyp === "string";
}
