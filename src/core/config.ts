/**
 * Finds and loads `samdok.config.json`: in the document's folder or its
 * nearest parent. The folder that holds it is the document root of that set.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument, LineCounter } from "yaml";
import type { Diagnostic, RuleSetting } from "./types.js";
import { configValidator, schemaDiagnostics } from "./schema.js";
import { normalizeText } from "./read.js";
import { toPosix } from "./paths.js";
import { positionsOf } from "./front-matter.js";
import type { Lang } from "./types.js";
import { pick } from "../i18n/text.js";

export const CONFIG_FILE = "samdok.config.json";

export type DocumentType = "överenskommelse" | "riktlinje" | "rutin" | "policy" | "målbild" | "färdplan" | "handlingsplan";
export const DOCUMENT_TYPES: readonly DocumentType[] = ["överenskommelse", "riktlinje", "rutin", "policy", "målbild", "färdplan", "handlingsplan"];

export interface NamedEntry {
  id: string;
  namn: string;
  beskrivning?: string;
}

export interface Role extends NamedEntry {
  organisation?: string;
  epost?: string;
}

export interface SamdokConfig {
  $schema?: string;
  namn?: string;
  region: { kod: string; namn: string; lanskod: string };
  parter: { kod: string; namn: string }[];
  beslutsorgan: NamedEntry[];
  roller: Role[];
  spar: NamedEntry[];
  malbild?: { perspektiv: string[]; vardeord: string[] };
  revisionsintervall?: Partial<Record<DocumentType, number>>;
  obligatoriska_rubriker?: Partial<Record<DocumentType, string[]>>;
  regler?: Record<string, RuleSetting>;
  lix?: { grans?: number };
  bevakning?: { inom_dagar?: number; forfallen_revision_ar_fel?: boolean };
}

export interface LoadedConfig {
  /** Absolute path of the configuration file. */
  path: string;
  /** Absolute path of the document root (the configuration's folder). */
  root: string;
  config: SamdokConfig;
  /** sha256 of the file's bytes: part of every cache key. */
  hash: string;
}

/** Default review intervals in months, used when the configuration sets none. */
export const DEFAULT_REVIEW_MONTHS: Record<DocumentType, number> = {
  överenskommelse: 48,
  riktlinje: 36,
  rutin: 24,
  policy: 48,
  målbild: 48,
  färdplan: 48,
  handlingsplan: 12,
};

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** Walks up from `dir` to the file-system root; the first configuration found wins. */
export function findConfigPath(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

const cache = new Map<string, { loaded: LoadedConfig; stamp: string }>();

/**
 * Loads and validates a configuration file. Throws ConfigError with located
 * diagnostics when it is unreadable or invalid: a broken configuration is a
 * configuration failure (exit 2), not a finding in the documents.
 */
export function loadConfig(configPath: string, cwd: string, lang: Lang): LoadedConfig {
  // Reuse a loaded configuration only while the file is unchanged (and in the same language).
  let stamp = "";
  try {
    const st = statSync(configPath);
    stamp = `${st.size}:${st.mtimeMs}:${lang}`;
  } catch {
    // reported below when it cannot be read
  }
  const cached = cache.get(configPath);
  if (cached && cached.stamp === stamp) return cached.loaded;
  const display = toPosix(path.relative(cwd, configPath)) || CONFIG_FILE;
  let raw: Buffer;
  try {
    raw = readFileSync(configPath);
  } catch (error) {
    throw new ConfigError(pick({ sv: `Kan inte läsa ${display}: ${(error as Error).message}`, en: `Cannot read ${display}: ${(error as Error).message}` }, lang));
  }
  const text = normalizeText(new TextDecoder().decode(raw));
  // JSON is YAML 1.2, and the yaml parser keeps positions for the messages.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0 || text.trim() === "") {
    const first = doc.errors[0];
    const pos = first ? lineCounter.linePos(first.pos[0]) : { line: 1, col: 1 };
    let json: unknown;
    let detail = first?.message.split("\n")[0] ?? "";
    try {
      json = JSON.parse(text);
      void json;
    } catch (error) {
      detail = (error as Error).message;
    }
    const diagnostic: Diagnostic = {
      file: display,
      line: pos.line,
      column: pos.col,
      ruleId: "SD010",
      ruleName: "konfiguration",
      severity: "error",
      message: pick({ sv: `Konfigurationen är inte giltig JSON: ${detail}`, en: `The configuration is not valid JSON: ${detail}` }, lang),
    };
    throw new ConfigError(diagnostic.message, [diagnostic]);
  }
  const data = doc.toJS() as unknown;
  const diagnostics = schemaDiagnostics({
    validate: configValidator(),
    data,
    positions: positionsOf(doc, lineCounter),
    file: display,
    lang,
    ruleId: "SD010",
    ruleName: "konfiguration",
  });
  if (diagnostics.length > 0) {
    throw new ConfigError(pick({ sv: `Konfigurationen ${display} har fel.`, en: `The configuration ${display} has errors.` }, lang), diagnostics);
  }
  const loaded: LoadedConfig = {
    path: configPath,
    root: path.dirname(configPath),
    config: data as SamdokConfig,
    hash: createHash("sha256").update(raw).digest("hex"),
  };
  cache.set(configPath, { loaded, stamp });
  return loaded;
}

/** Forgets loaded configurations (tests, and long-running callers). */
export function clearConfigCache(): void {
  cache.clear();
}

/** Review interval in months for a document type. */
export function reviewMonths(config: SamdokConfig, type: string): number {
  const set = config.revisionsintervall?.[type as DocumentType];
  return set ?? DEFAULT_REVIEW_MONTHS[type as DocumentType] ?? 24;
}

/** All party codes of a set: the region first, then the municipalities. */
export function partyCodes(config: SamdokConfig): string[] {
  return [config.region.kod, ...config.parter.map((p) => p.kod)];
}

/** Display name of a party code. */
export function partyName(config: SamdokConfig, code: string): string {
  if (code === config.region.kod) return config.region.namn;
  return config.parter.find((p) => p.kod === code)?.namn ?? code;
}

export function roleName(config: SamdokConfig, id: string): string {
  return config.roller.find((r) => r.id === id)?.namn ?? id;
}

export function bodyName(config: SamdokConfig, id: string): string {
  return config.beslutsorgan.find((b) => b.id === id)?.namn ?? id;
}

export function trackName(config: SamdokConfig, id: string): string {
  return config.spar.find((s) => s.id === id)?.namn ?? id;
}
