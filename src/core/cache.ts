/**
 * A content-keyed cache of per-document results, like ESLint's --cache: an
 * entry is reused only when the file's bytes, its configuration, the schemas,
 * the samdok version, the language and the run's date are all the same.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DocumentResult } from "./types.js";
import { writeFileAtomic } from "./write.js";

export const CACHE_FILE = ".samdokcache";

interface CacheEntry {
  /** sha256 of the file's bytes and its configuration. */
  key: string;
  result: DocumentResult;
}

interface CacheFile {
  key: string;
  entries: Record<string, CacheEntry>;
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly used: Record<string, CacheEntry> = {};
  private dirty = false;

  constructor(
    private readonly location: string,
    private readonly globalKey: string,
  ) {
    try {
      const file = JSON.parse(readFileSync(location, "utf8")) as CacheFile;
      if (file.key === globalKey && file.entries && typeof file.entries === "object") this.entries = file.entries;
    } catch {
      // No cache, or an unreadable one: start afresh.
    }
  }

  static entryKey(bytes: Uint8Array, configHash: string): string {
    return createHash("sha256").update(bytes).update("\0").update(configHash).digest("hex");
  }

  get(file: string, key: string): DocumentResult | undefined {
    const entry = this.entries[file];
    if (entry && entry.key === key) {
      this.used[file] = entry;
      return entry.result;
    }
    return undefined;
  }

  set(file: string, key: string, result: DocumentResult): void {
    this.used[file] = { key, result };
    this.dirty = true;
  }

  /** Writes the cache back when anything changed. */
  save(): void {
    if (!this.dirty) return;
    const file: CacheFile = { key: this.globalKey, entries: { ...this.entries, ...this.used } };
    try {
      writeFileAtomic(this.location, JSON.stringify(file));
    } catch {
      // A cache that cannot be written is no reason to fail a run.
    }
  }
}
