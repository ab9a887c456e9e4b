/** samdok's public API. */
export { main, type MainOptions } from "./cli/main.js";
export { runValidation, loadSets, type RunOptions, type ValidationRun, type DocumentSet } from "./core/pipeline/index.js";
export { analyzeDocument } from "./core/analyze.js";
export { loadConfig, findConfigPath, type SamdokConfig, type LoadedConfig } from "./core/config.js";
export type { Diagnostic, DocumentResult, Severity, Lang } from "./core/types.js";
export type { SamDoc } from "./core/document.js";
export { rules } from "./rules/index.js";
export { reporters } from "./reporters/index.js";
