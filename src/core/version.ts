import { readdirSync, readFileSync, statSync } from "node:fs";

let version: string | undefined;

/** samdok's own version, from package.json. */
export function samdokVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return version;
}

/**
 * A fingerprint of samdok's own code, for cache keys: a rebuilt samdok (even
 * without a version bump) never reuses results of the old code. Sizes and
 * times of every script next to this module (build/core/ and its pipeline/,
 * or the chunks of build/bundle/ when samdok runs bundled) and of the rules' index.
 */
export function codeFingerprint(): string {
  const dir = new URL("./", import.meta.url);
  const names: string[] = [];
  for (const sub of ["", "pipeline/"]) {
    try {
      names.push(
        ...readdirSync(new URL(sub, dir))
          .filter((f) => f.endsWith(".js") || f.endsWith(".cjs"))
          .sort()
          .map((f) => sub + f),
      );
    } catch {
      // no folder to list: only the rules' index counts
    }
  }
  return [...names.map((f) => new URL(f, dir)), new URL("../rules/index.js", import.meta.url)]
    .map((u) => {
      try {
        const s = statSync(u);
        return `${s.size}:${s.mtimeMs}`;
      } catch {
        return "-";
      }
    })
    .join(",");
}
