import { readFileSync, statSync } from "node:fs";

let version: string | undefined;

/** samdok's own version, from package.json. */
export function samdokVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return version;
}

/**
 * A fingerprint of samdok's own code, for cache keys: a rebuilt samdok (even
 * without a version bump) never reuses results of the old code.
 */
export function codeFingerprint(): string {
  const files = ["./analyze.js", "./schema.js", "../rules/index.js", "./run.js"].map((f) => new URL(f, import.meta.url));
  return files
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
