/**
 * Finds and loads `samdok.config.json`: in the document's folder or its
 * nearest parent. The folder that holds it is the document root of that set.
 */
import { createHash } from "node:crypto";
import { lstatSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, PositionMap } from "./types.js";
import { configValidator } from "./schema.js";
import { locate, schemaDiagnostics } from "./schema-explain.js";
import { decodeDocument } from "./read.js";
import { FileTooLargeError, NotRegularFileError, readRegular } from "./read-regular.js";
import { isSystemPath, megabytes } from "./safe-file.js";
import { toPosix } from "./paths.js";
import { looksLikeYaml, parseStrictJson } from "./strict-json.js";
import { closest } from "./suggest.js";
import { lookDiagnostics } from "./config-look.js";
import type { Lang } from "./types.js";
import { pick, type Localized } from "../i18n/text.js";
import { rules as allRules } from "../rules/index.js";

export {
  DOCUMENT_TYPES,
  DEFAULT_REVIEW_MONTHS,
  reviewMonths,
  partyCodes,
  partyName,
  roleName,
  bodyName,
  trackName,
} from "./config-model.js";
export type { DocumentType, EditionSettings, NamedEntry, Role, SamdokConfig } from "./config-model.js";
import type { SamdokConfig } from "./config-model.js";

export const CONFIG_FILE = "samdok.config.json";
/** A configuration is a few kB; anything larger is the wrong file (or an attack). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  /** Absolute path of the configuration file. */
  path: string;
  /** Absolute path of the document root (the configuration's folder). */
  root: string;
  config: SamdokConfig;
  /** sha256 of the file's bytes: part of every cache key. */
  hash: string;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/**
 * Walks up from `dir` to the file-system root; the first configuration found
 * wins. Anything named samdok.config.json counts, also a folder, a FIFO or a
 * broken symbolic link: loadConfig refuses it with a message, rather than the
 * walk passing it by in silence and using a configuration further up.
 */
export function findConfigPath(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (entryExists(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function entryExists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, { loaded: LoadedConfig; stamp: string }>();

function configDiagnostic(file: string, line: number, column: number, message: string): Diagnostic {
  return { file, line, column, ruleId: "SD010", ruleName: "konfiguration", severity: "error", message };
}

/** A ConfigError located at `line:column` of the configuration. */
function located(display: string, line: number, column: number, message: Localized, lang: Lang): ConfigError {
  // The diagnostic carries the place and the explanation; the error itself only names the file.
  return new ConfigError(pick({ sv: `Konfigurationen ${display} har fel.`, en: `The configuration ${display} has errors.` }, lang), [
    configDiagnostic(display, line, column, pick(message, lang)),
  ]);
}

/**
 * The bytes of a configuration file. Only a regular file is read: it is
 * opened without blocking (a FIFO opens at once and is refused), checked on
 * the open file, and never read past MAX_CONFIG_BYTES.
 */
function readConfigBytes(configPath: string, display: string, lang: Lang): Buffer {
  const notRegular = (what: Localized): ConfigError =>
    located(
      display,
      1,
      1,
      {
        sv: `${display} är ${what.sv}, inte en vanlig fil. Konfigurationen ska vara en JSON-fil; ta bort eller byt namn på det som står där.`,
        en: `${display} is ${what.en}, not a regular file. The configuration must be a JSON file; remove or rename what is there.`,
      },
      lang,
    );
  let real = configPath;
  try {
    real = realpathSync.native(configPath);
  } catch {
    // a broken link: reported when it is read
  }
  if (isSystemPath(real)) throw notRegular({ sv: "en systemfil", en: "a system file" });
  try {
    return readRegular(configPath, MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw notRegular({ sv: "en mapp", en: "a folder" });
    if (error instanceof NotRegularFileError)
      throw notRegular({
        sv: "en specialfil (till exempel en namngiven pipe, en enhet eller en socket)",
        en: "a special file (for example a named pipe, a device or a socket)",
      });
    if (error instanceof FileTooLargeError) {
      const size = error.size;
      throw located(
        display,
        1,
        1,
        {
          sv: `${display} är ${size > MAX_CONFIG_BYTES * 10 ? "mer än 10" : megabytes(size, "sv")} MB. En konfiguration är normalt några kB och samdok läser högst ${MAX_CONFIG_BYTES / (1024 * 1024)} MB; kontrollera att det är rätt fil.`,
          en: `${display} is ${size > MAX_CONFIG_BYTES * 10 ? "more than 10" : megabytes(size, "en")} MB. A configuration is normally a few kB and samdok reads at most ${MAX_CONFIG_BYTES / (1024 * 1024)} MB; check that this is the right file.`,
        },
        lang,
      );
    }
    if (code === "ENOENT")
      throw located(
        display,
        1,
        1,
        {
          sv: `${display} går inte att öppna: filen finns inte (en trasig symbolisk länk?).`,
          en: `${display} cannot be opened: the file does not exist (a broken symbolic link?).`,
        },
        lang,
      );
    throw located(
      display,
      1,
      1,
      { sv: `Kan inte läsa ${display}: ${(error as Error).message}`, en: `Cannot read ${display}: ${(error as Error).message}` },
      lang,
    );
  }
}

/** Whether `a` becomes `b` by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** "SD001–SD008, SD010, SD101–SD143": the ids as runs of consecutive numbers. */
function ruleIdRanges(ids: readonly string[]): string {
  const numbers = ids.map((id) => Number(id.slice(2))).sort((a, b) => a - b);
  const name = (k: number): string => `SD${String(k).padStart(3, "0")}`;
  const runs: string[] = [];
  for (let k = 0; k < numbers.length;) {
    let end = k;
    while (end + 1 < numbers.length && (numbers[end + 1] as number) === (numbers[end] as number) + 1) end++;
    runs.push(end === k ? name(numbers[k] as number) : `${name(numbers[k] as number)}–${name(numbers[end] as number)}`);
    k = end + 1;
  }
  return runs.join(", ");
}

/**
 * The rule settings that cannot be what they say: an unknown rule (by id or
 * name, with the nearest one as a suggestion), a rule that cannot be changed,
 * and one rule given by both id and name with different levels.
 */
function ruleDiagnostics(regler: unknown, positions: PositionMap, display: string, lang: Lang): Diagnostic[] {
  if (typeof regler !== "object" || regler === null || Array.isArray(regler)) return [];
  const out: Diagnostic[] = [];
  const byKey = new Map<string, (typeof allRules)[number]>();
  for (const r of allRules) {
    byKey.set(r.id, r);
    byKey.set(r.name, r);
  }
  const candidates = allRules.flatMap((r) => [r.id, r.name]);
  const idRanges = ruleIdRanges(allRules.map((r) => r.id));
  const settings = regler as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    const [line, column] = locate(positions, `/regler/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, true);
    const rule = byKey.get(key);
    if (!rule) {
      const idShaped = /^sd[0-9]+$/i.test(key);
      let near = closest(key, candidates);
      // SD999 is not a typo of SD109: an id is suggested only for a case slip or one wrong character.
      if (idShaped && near !== undefined && !withinOneEdit(key.toUpperCase(), near)) near = undefined;
      const nearRule = near === undefined ? undefined : byKey.get(near);
      const hint: Localized =
        near !== undefined && nearRule
          ? {
              sv: ` Menade du "${near}" (${near === nearRule.id ? nearRule.name : nearRule.id})?`,
              en: ` Did you mean "${near}" (${near === nearRule.id ? nearRule.name : nearRule.id})?`,
            }
          : idShaped
            ? { sv: ` Reglernas id är ${idRanges}.`, en: ` The rules' ids are ${idRanges}.` }
            : {
                sv: " Ange regelns id (till exempel SD108) eller namn (till exempel filnamn).",
                en: " Give the rule's id (for example SD108) or name (for example filnamn).",
              };
      out.push(
        configDiagnostic(
          display,
          line,
          column,
          pick(
            {
              sv: `Det finns ingen regel "${key}" under "regler".${hint.sv} \`samdok rules\` listar alla regler.`,
              en: `There is no rule "${key}" under "regler".${hint.en} \`samdok rules\` lists every rule.`,
            },
            lang,
          ),
        ),
      );
      continue;
    }
    if (rule.configurable === false) {
      out.push(
        configDiagnostic(
          display,
          line,
          column,
          pick(
            {
              sv: `Regeln ${rule.id} (${rule.name}) går inte att ändra: den gäller alltid, eftersom den ser till att filerna går att läsa och att inget utanför samlingen läses eller publiceras. Ta bort raden.`,
              en: `The rule ${rule.id} (${rule.name}) cannot be changed: it always applies, since it makes sure that the files can be read and that nothing outside the set is read or published. Remove the line.`,
            },
            lang,
          ),
        ),
      );
      continue;
    }
    const other = key === rule.id ? rule.name : undefined;
    if (other !== undefined && other in settings && settings[other] !== settings[key]) {
      out.push(
        configDiagnostic(
          display,
          line,
          column,
          pick(
            {
              sv: `${rule.id} och ${rule.name} är samma regel men har olika nivåer (${String(settings[key])} och ${String(settings[other])}). Ange regeln en gång.`,
              en: `${rule.id} and ${rule.name} are the same rule but have different levels (${String(settings[key])} and ${String(settings[other])}). Give the rule once.`,
            },
            lang,
          ),
        ),
      );
    }
  }
  return out;
}

/**
 * What `samdok init` writes where the region must put its own value. A
 * configuration that still holds it validated as "no problems" and would
 * publish "ÄNDRA: Region Exempel" as the region's name; so every one left is
 * an error that names the field and what belongs there.
 */
export const CONFIG_PLACEHOLDER = "ÄNDRA:";

/**
 * The starter configuration's stand-ins in fields whose form forbids the
 * marker: codes that no region or municipality has (SCB numbers län from 01
 * and kommuner from 0114) and an address at example.se.
 */
export const PLACEHOLDER_VALUES = {
  regionKod: "region-00",
  lanskod: "00",
  kommunkod: "0000",
  epost: "andra-funktionsbrevlada@example.se",
} as const;

/** What belongs in a field that still has the marker, by the field's JSON pointer with indexes as `*`. */
const PLACEHOLDER_FIELDS: Record<string, Localized> = {
  "/namn": {
    sv: 'samlingens namn, till exempel "Samverkansdokument för Region Sörmland och länets kommuner"',
    en: 'the set\'s name, for example "Samverkansdokument för Region Sörmland och länets kommuner"',
  },
  "/region/namn": { sv: 'regionens namn, till exempel "Region Sörmland"', en: 'the region\'s name, for example "Region Sörmland"' },
  "/parter/*/namn": {
    sv: 'kommunens namn, till exempel "Eskilstuna kommun"',
    en: 'the municipality\'s name, for example "Eskilstuna kommun"',
  },
  "/beslutsorgan/*/namn": { sv: "beslutsorganets namn", en: "the decision body's name" },
  "/roller/*/organisation": { sv: "organisationen som har rollen", en: "the organisation that holds the role" },
  "/spar/*/namn": { sv: "spårets namn", en: "the track's name" },
};

/**
 * One error per value that `samdok init` left for the region to fill in: a
 * string with CONFIG_PLACEHOLDER, and the stand-in codes and address of
 * PLACEHOLDER_VALUES, each at its value's line.
 */
function placeholderDiagnostics(data: unknown, positions: PositionMap, display: string, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (pointer: string, message: Localized): void => {
    const [line, column] = locate(positions, pointer, false);
    out.push(configDiagnostic(display, line, column, pick(message, lang)));
  };
  const visit = (value: unknown, pointer: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`));
    else if (typeof value === "object" && value !== null)
      for (const [k, v] of Object.entries(value)) visit(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
    else if (typeof value === "string" && value.includes(CONFIG_PLACEHOLDER)) {
      const what = PLACEHOLDER_FIELDS[pointer.replace(/\/[0-9]+(?=\/)/g, "/*")] ?? { sv: "ert eget värde", en: "your own value" };
      const field = pointer
        .slice(1)
        .replace(/\/([0-9]+)/g, "[$1]")
        .replace(/\//g, ".");
      at(pointer, {
        sv: `"${field}" har kvar platshållaren ${CONFIG_PLACEHOLDER} från samdok init: "${value}". Skriv in ${what.sv}, utan ${CONFIG_PLACEHOLDER}.`,
        en: `"${field}" still has the placeholder ${CONFIG_PLACEHOLDER} from samdok init: "${value}". Write in ${what.en}, without ${CONFIG_PLACEHOLDER}.`,
      });
    }
  };
  visit(data, "");
  if (typeof data !== "object" || data === null || Array.isArray(data)) return out;
  const config = data as { region?: { kod?: unknown; lanskod?: unknown }; parter?: unknown; roller?: unknown };
  if (config.region?.kod === PLACEHOLDER_VALUES.regionKod)
    at("/region/kod", {
      sv: `Regionens kod "${PLACEHOLDER_VALUES.regionKod}" är startkonfigurationens exempel; ingen region har länskod 00. Skriv in regionens kod, till exempel "region-04" för Region Sörmland.`,
      en: `The region's code "${PLACEHOLDER_VALUES.regionKod}" is the starter configuration's example; no region has county code 00. Write in the region's code, for example "region-04" for Region Sörmland.`,
    });
  if (config.region?.lanskod === PLACEHOLDER_VALUES.lanskod)
    at("/region/lanskod", {
      sv: `Länskoden "${PLACEHOLDER_VALUES.lanskod}" är startkonfigurationens exempel; inget län har den. Skriv in länets tvåsiffriga kod enligt SCB, till exempel "04" för Södermanland.`,
      en: `The county code "${PLACEHOLDER_VALUES.lanskod}" is the starter configuration's example; no county has it. Write in the county's two-digit SCB code, for example "04" for Södermanland.`,
    });
  if (Array.isArray(config.parter))
    config.parter.forEach((p: unknown, i) => {
      if ((p as { kod?: unknown } | null)?.kod === PLACEHOLDER_VALUES.kommunkod)
        at(`/parter/${i}/kod`, {
          sv: `Kommunkoden "${PLACEHOLDER_VALUES.kommunkod}" är startkonfigurationens exempel; ingen kommun har den. Skriv in kommunens fyrsiffriga kod enligt SCB, till exempel "0484" för Eskilstuna.`,
          en: `The municipality code "${PLACEHOLDER_VALUES.kommunkod}" is the starter configuration's example; no municipality has it. Write in the municipality's four-digit SCB code, for example "0484" for Eskilstuna.`,
        });
    });
  if (Array.isArray(config.roller))
    config.roller.forEach((r: unknown, i) => {
      if ((r as { epost?: unknown } | null)?.epost === PLACEHOLDER_VALUES.epost)
        at(`/roller/${i}/epost`, {
          sv: `E-postadressen "${PLACEHOLDER_VALUES.epost}" är startkonfigurationens exempel. Skriv in rollens funktionsbrevlåda, eller ta bort "epost".`,
          en: `The address "${PLACEHOLDER_VALUES.epost}" is the starter configuration's example. Write in the role's shared mailbox, or remove "epost".`,
        });
    });
  return out;
}

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
  const raw = readConfigBytes(configPath, display, lang);
  const decoded = decodeDocument(raw);
  if (!decoded.ok) throw located(display, decoded.problem.line, decoded.problem.column, decoded.problem.message, lang);
  // Strict JSON: no YAML, comments or trailing commas, no key twice, a bounded depth.
  const parsed = parseStrictJson(decoded.text);
  if (!parsed.ok) {
    const yamlLine = looksLikeYaml(decoded.text);
    if (yamlLine !== undefined) {
      const column = (decoded.text.split("\n")[yamlLine - 1] ?? "").search(/\S/) + 1 || 1;
      throw located(
        display,
        yamlLine,
        column,
        {
          sv: `${CONFIG_FILE} ska vara JSON, inte YAML. Skriv konfigurationen som ett JSON-objekt med namnen inom citattecken, till exempel {"region": {"kod": "region-04", "namn": "Region Sörmland", "lanskod": "04"}, …}.`,
          en: `${CONFIG_FILE} must be JSON, not YAML. Write the configuration as a JSON object with quoted names, for example {"region": {"kod": "region-04", "namn": "Region Sörmland", "lanskod": "04"}, …}.`,
        },
        lang,
      );
    }
    const { line, column, message } = parsed.problem;
    throw located(
      display,
      line,
      column,
      { sv: `Konfigurationen är inte giltig JSON: ${message.sv}`, en: `The configuration is not valid JSON: ${message.en}` },
      lang,
    );
  }
  const data = parsed.value;
  const diagnostics = schemaDiagnostics({
    validate: configValidator(),
    data,
    positions: parsed.positions,
    file: display,
    lang,
    ruleId: "SD010",
    ruleName: "konfiguration",
  });
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    diagnostics.push(...ruleDiagnostics((data as Record<string, unknown>).regler, parsed.positions, display, lang));
  }
  diagnostics.push(...placeholderDiagnostics(data, parsed.positions, display, lang));
  // The region's look: a colour too light for white text, a logo that cannot be published.
  diagnostics.push(...lookDiagnostics(data, parsed.positions, display, path.dirname(configPath), lang));
  if (diagnostics.length > 0) {
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new ConfigError(
      pick({ sv: `Konfigurationen ${display} har fel.`, en: `The configuration ${display} has errors.` }, lang),
      diagnostics,
    );
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
