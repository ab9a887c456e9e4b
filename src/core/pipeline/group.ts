/**
 * Step 2: each named document under the configuration that governs it (the
 * nearest samdok.config.json above it), and each configuration's whole set,
 * so that set-wide rules see every document even when only some were named.
 * A document without a configuration is a configuration error (exit 2).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, findConfigPath, loadConfig } from "../config.js";
import { listMarkdown } from "../discover.js";
import { toPosix } from "../paths.js";
import { pick } from "../../i18n/text.js";
import type { Found } from "./discover.js";
import type { RunOptions, SetPlan } from "./types.js";

export function groupByConfiguration(found: Found, options: Pick<RunOptions, "cwd" | "lang"> & { paths?: readonly string[] }): SetPlan[] {
  const { cwd, lang } = options;
  const byConfig = new Set<string>();
  // A named folder that holds a configuration is a set even before it has a document: its
  // configuration is checked (a fresh \`samdok init\` full of placeholders is not "no problems").
  for (const p of options.paths ?? []) {
    const own = path.join(path.resolve(cwd, p), "samdok.config.json");
    if (existsSync(own) && findConfigPath(path.dirname(own)) === own) byConfig.add(own);
  }
  const orphans: string[] = [];
  const dirConfig = new Map<string, string | undefined>();
  for (const file of found.files) {
    const dir = path.dirname(file);
    if (!dirConfig.has(dir)) dirConfig.set(dir, findConfigPath(dir));
    const configPath = dirConfig.get(dir);
    if (configPath) byConfig.add(configPath);
    else orphans.push(file);
  }
  if (orphans.length > 0) {
    const shown = orphans
      .slice(0, 3)
      .map((f) => toPosix(path.relative(cwd, f)))
      .join(", ");
    throw new ConfigError(
      pick(
        {
          sv: `Hittade ingen samdok.config.json för ${shown}${orphans.length > 3 ? ` (och ${orphans.length - 3} till)` : ""}. Konfigurationen söks i dokumentets mapp och i mapparna ovanför. Skapa en med \`samdok init\`.`,
          en: `No samdok.config.json found for ${shown}${orphans.length > 3 ? ` (and ${orphans.length - 3} more)` : ""}. It is looked for in the document's folder and the folders above. Create one with \`samdok init\`.`,
        },
        lang,
      ),
    );
  }
  return [...byConfig].sort().map((configPath) => {
    const loaded = loadConfig(configPath, cwd, lang);
    // The whole set, so that set-wide rules see every document.
    const files = new Set(listMarkdown(loaded.root));
    for (const f of found.files) if (dirConfig.get(path.dirname(f)) === configPath) files.add(f);
    return { loaded, files: [...files].sort() };
  });
}
