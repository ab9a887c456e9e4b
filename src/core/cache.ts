/**
 * A content-keyed cache of per-document results, like ESLint's --cache: an
 * entry is reused only when the file's bytes, its configuration, the schemas,
 * samdok's code and version, the language and the run's date are all the
 * same. A file whose size and modification time are unchanged is not even
 * read again; a file that was only touched is read, hashed and still reused.
 *
 * The file is plain text, one line per entry: path, content hash, size and
 * time, configuration hash and the result as JSON, separated by tabs, after a
 * first line that says which samdok, schemas and date it belongs to.
 *
 * Re-validating a large set after a small change must be quick, so the cache
 * is neither parsed nor rewritten as a whole:
 * - reading indexes the lines by path and splits a line only when asked;
 * - saving appends the new entries (a later line for a path wins), and the
 *   file is rewritten, atomically, only when outdated lines make up half of
 *   it, or when it belongs to another samdok, schema or date.
 * An entry is whole only when its line ends in a line break: a write that was
 * cut short leaves a last line without one, and such a file is rewritten.
 */
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { writeFileAtomic } from "./write.js";
import { asciiJson } from "./result-text.js";

export const CACHE_FILE = ".samdokcache";
const MAGIC = "samdok-cache-4";

/**
 * The file is pure ASCII, so that reading it is a plain copy into a one-byte
 * string, several times faster than decoding UTF-8: results are written with
 * asciiJson (result-text.ts), and a path with \uXXXX for anything else
 * (and for a backslash), undone when read.
 */
function asciiPath(path: string): string {
  return path.replace(/[^\x20-\x7e]|\\/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function fromAscii(path: string): string {
  return path.includes("\\u") ? path.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : path;
}

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
  /** The file as read, when its first line matched. */
  private text = "";
  /** Where each path's latest line is in `text`: [start, end). */
  private readonly lines = new Map<string, [number, number]>();
  /** Entries made or changed in this run. */
  private readonly fresh = new Map<string, CacheEntry>();
  /** Those of them not yet written to the file. */
  private readonly unsaved = new Set<string>();
  /** Those of them written by an earlier save in this run. */
  private readonly written = new Set<string>();
  /** Lines in the file that a later line for the same path outdates. */
  private outdated = 0;
  /** Whether the file must be written whole (missing, another key, cut short). */
  private rewrite = true;

  constructor(
    private readonly location: string,
    private readonly globalKey: string,
  ) {
    let text: string;
    try {
      text = readFileSync(location, "latin1");
    } catch {
      return; // no cache yet
    }
    const header = `${MAGIC}\t${globalKey}\n`;
    if (!text.startsWith(header)) return; // another samdok, schema, date …: start afresh
    this.text = text;
    this.rewrite = !text.endsWith("\n");
    let start = header.length;
    while (start < text.length) {
      const end = text.indexOf("\n", start);
      if (end === -1) break; // cut short: not an entry
      const tab = text.indexOf("\t", start);
      if (tab > start && tab < end) {
        const file = fromAscii(text.slice(start, tab));
        if (this.lines.has(file)) this.outdated++;
        this.lines.set(file, [start, end]);
      }
      start = end + 1;
    }
  }

  static hash(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  private entry(file: string): CacheEntry | undefined {
    const made = this.fresh.get(file);
    if (made) return made;
    const at = this.lines.get(file);
    if (!at) return undefined;
    const parts = this.text.slice(at[0], at[1]).split("\t");
    if (parts.length !== 5) return undefined;
    const [, hash, stat, config, json] = parts as [string, string, string, string, string];
    // A result is one JSON object; anything else is not trusted.
    if (!json.startsWith("{") || !json.endsWith("}")) return undefined;
    return { hash, stat, config, json };
  }

  /** A result for an unchanged file (same size and time), without reading it. */
  byStat(file: string, stat: string, config: string): string | undefined {
    const entry = this.entry(file);
    return entry && stat !== "" && entry.stat === stat && entry.config === config ? entry.json : undefined;
  }

  /** A result for a file with these bytes. */
  byContent(file: string, hash: string, stat: string, config: string): string | undefined {
    const entry = this.entry(file);
    if (!entry || entry.hash !== hash || entry.config !== config) return undefined;
    if (entry.stat !== stat) this.put(file, { ...entry, stat });
    return entry.json;
  }

  set(file: string, hash: string, stat: string, config: string, json: string): void {
    // A path with a tab or line break cannot be a line of this file: not cached.
    if (/[\t\n\r]/.test(file)) return;
    this.put(file, { hash, stat, config, json });
  }

  private put(file: string, entry: CacheEntry): void {
    this.fresh.set(file, entry);
    this.unsaved.add(file);
  }

  /**
   * Another kind of result under a key that is not a document's path (for
   * example the set-wide rules' findings, under the configuration's path):
   * the entry is found only with the same `hash`.
   */
  lookUp(key: string, hash: string, config: string): string | undefined {
    const entry = this.entry(key);
    return entry && entry.hash === hash && entry.config === config ? entry.json : undefined;
  }

  /** Writes what changed since the last save: appended, or the whole file when that is due. */
  save(): void {
    if (this.unsaved.size === 0 && !(this.rewrite && this.lines.size > 0)) return;
    const line = (file: string, e: CacheEntry): string => `${asciiPath(file)}\t${e.hash}\t${e.stat}\t${e.config}\t${asciiJson(e.json)}\n`;
    const sorted = <T>(m: Map<string, T>): [string, T][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const replaced = [...this.unsaved].filter((f) => this.lines.has(f) || this.written.has(f)).length;
    const live = new Set([...this.lines.keys(), ...this.fresh.keys()]).size;
    try {
      if (!this.rewrite && (this.outdated + replaced) * 2 <= live) {
        const add = new Map([...this.unsaved].map((f) => [f, this.fresh.get(f) as CacheEntry]));
        appendFileSync(this.location, sorted(add).map(([f, e]) => line(f, e)).join(""));
        this.outdated += replaced;
      } else {
        const parts = [`${MAGIC}\t${this.globalKey}\n`];
        const all = new Map<string, CacheEntry | [number, number]>(this.lines);
        for (const [f, e] of this.fresh) all.set(f, e);
        for (const [f, e] of sorted(all)) parts.push(Array.isArray(e) ? `${this.text.slice(e[0], e[1])}\n` : line(f, e));
        writeFileAtomic(this.location, parts.join(""), { fsync: false });
        this.rewrite = false;
        this.outdated = 0;
      }
      for (const f of this.unsaved) this.written.add(f);
      this.unsaved.clear();
    } catch {
      // A cache that cannot be written is no reason to fail a run.
    }
  }
}
