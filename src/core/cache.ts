/**
 * A content-keyed cache of per-document results, like ESLint's --cache: an
 * entry is reused only when the file's bytes, its configuration, the schemas,
 * samdok's code and version, the language and the run's date are all the
 * same. A file whose size and modification time are unchanged is not even
 * read again; a file that was only touched is read, hashed and still reused.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { DocumentResult } from "./types.js";
import { writeFileAtomic } from "./write.js";

export const CACHE_FILE = ".samdokcache";

interface CacheEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** sha256 of the configuration the result was made with. */
  config: string;
  /** Size and modification time when the entry was made. */
  stat: string;
  result: DocumentResult;
}

interface CacheFile {
  key: string;
  entries: Record<string, CacheEntry>;
}

export class ResultCache {
  private entries: Record<string, CacheEntry> = {};
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

  static hash(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  /** A result for an unchanged file (same size and time), without reading it. */
  byStat(file: string, stat: string, config: string): DocumentResult | undefined {
    const entry = this.entries[file];
    return entry && stat !== "" && entry.stat === stat && entry.config === config ? entry.result : undefined;
  }

  /** A result for a file with these bytes. */
  byContent(file: string, hash: string, stat: string, config: string): DocumentResult | undefined {
    const entry = this.entries[file];
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined;
    if (entry.stat !== stat) {
      entry.stat = stat;
      this.dirty = true;
    }
    return entry.result;
  }

  set(file: string, hash: string, stat: string, config: string, result: DocumentResult): void {
    this.entries[file] = { hash, stat, config, result };
    this.dirty = true;
  }

  /** Writes the cache back when anything changed. */
  save(): void {
    if (!this.dirty) return;
    const file: CacheFile = { key: this.globalKey, entries: this.entries };
    try {
      writeFileAtomic(this.location, JSON.stringify(file), { fsync: false });
    } catch {
      // A cache that cannot be written is no reason to fail a run.
    }
  }
}
