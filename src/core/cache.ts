/**
 * A content-keyed cache of per-document results, like ESLint's --cache: an
 * entry is reused only when the file's bytes, its configuration, the schemas,
 * samdok's code and version, the language and the run's date are all the
 * same. A file whose size and modification time are unchanged is not even
 * read again; a file that was only touched is read, hashed and still reused.
 *
 * The file is plain text, one line per document: path, content hash, size
 * and time, configuration hash and the result as JSON, separated by tabs.
 * Results stay JSON text until the run needs them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeFileAtomic } from "./write.js";

export const CACHE_FILE = ".samdokcache";
const MAGIC = "samdok-cache-2";

interface CacheEntry {
  /** sha256 of the file's bytes. */
  hash: string;
  /** Size and modification time when the entry was made. */
  stat: string;
  /** sha256 of the configuration the result was made with. */
  config: string;
  /** The DocumentResult as JSON. */
  json: string;
}

export class ResultCache {
  private readonly entries = new Map<string, CacheEntry>();
  private dirty = false;

  constructor(
    private readonly location: string,
    private readonly globalKey: string,
  ) {
    let text: string;
    try {
      text = readFileSync(location, "utf8");
    } catch {
      return; // no cache yet
    }
    const lines = text.split("\n");
    if (lines[0] !== `${MAGIC}\t${globalKey}`) return; // another samdok, schema, date …: start afresh
    for (let i = 1; i < lines.length; i++) {
      const parts = (lines[i] ?? "").split("\t");
      if (parts.length !== 5) continue;
      const [file, hash, stat, config, json] = parts as [string, string, string, string, string];
      this.entries.set(file, { hash, stat, config, json });
    }
  }

  static hash(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  /** A result for an unchanged file (same size and time), without reading it. */
  byStat(file: string, stat: string, config: string): string | undefined {
    const entry = this.entries.get(file);
    return entry && stat !== "" && entry.stat === stat && entry.config === config ? entry.json : undefined;
  }

  /** A result for a file with these bytes. */
  byContent(file: string, hash: string, stat: string, config: string): string | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined;
    if (entry.stat !== stat) {
      entry.stat = stat;
      this.dirty = true;
    }
    return entry.json;
  }

  set(file: string, hash: string, stat: string, config: string, json: string): void {
    // A path with a tab or line break cannot be a line of this file: not cached.
    if (/[\t\n\r]/.test(file)) return;
    this.entries.set(file, { hash, stat, config, json });
    this.dirty = true;
  }

  /** Writes the cache back when anything changed. */
  save(): void {
    if (!this.dirty) return;
    const lines = [`${MAGIC}\t${this.globalKey}`];
    for (const [file, e] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      lines.push(`${file}\t${e.hash}\t${e.stat}\t${e.config}\t${e.json}`);
    }
    try {
      writeFileAtomic(this.location, `${lines.join("\n")}\n`, { fsync: false });
    } catch {
      // A cache that cannot be written is no reason to fail a run.
    }
  }
}
