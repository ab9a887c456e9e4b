/**
 * A content-keyed cache of per-document results, like ESLint's --cache: an
 * entry is reused only when the file's bytes, its configuration, the schemas,
 * samdok's code and version, the language and the run's date are all the
 * same. A file whose size and modification time are unchanged is not even
 * read again; a file that was only touched is read, hashed and still reused.
 *
 * The file is plain text, one line per entry: path, content hash, size and
 * time, configuration hash, the result as JSON and a signature, separated by
 * tabs, after a first line that says which samdok, schemas, date and key it
 * belongs to.
 *
 * Trust: the cache decides what a run reports, so an entry someone else wrote
 * must never count. A pull request can commit a `.samdokcache` that calls a
 * document with a personnummer clean. So every line is signed (HMAC-SHA256)
 * with a secret kept in the user's own cache folder (cache-key.ts), never in
 * a repository, and a line whose signature does not match is ignored, as is a
 * damaged one: the document is analysed again and the line written anew.
 * The set-wide findings (`set:` keys, see run.ts) are lines like any other.
 * On top of that (openResultCache): a cache file that git tracks is not used
 * at all, nor one that is not a regular file (a link, a FIFO, a device: never
 * opened, so nothing blocks) or is larger than 256 MB; and in CI the default
 * `.samdokcache` of the working tree is not read unless asked for
 * (cacheOptions).
 *
 * Re-validating a large set after a small change must be quick, so the cache
 * is neither parsed nor rewritten as a whole:
 * - reading indexes the lines by path and splits and checks a line only when
 *   asked;
 * - saving appends the new entries (a later line for a path wins), and the
 *   file is rewritten, atomically, only when outdated lines make up half of
 *   it, or when it belongs to another samdok, schema, date or key.
 * An entry is whole only when its line ends in a line break: a write that was
 * cut short leaves a last line without one, and such a file is rewritten.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { FileTooLargeError, NotRegularFileError, readRegular } from "./read-regular.js";
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import path from "node:path";
import { asciiJson } from "./pipeline/result-text.js";
import { cacheKeyDir, loadCacheKey } from "./cache-key.js";
import { toPosix } from "./paths.js";
import type { Lang } from "./types.js";
import { pick } from "../i18n/text.js";

export const CACHE_FILE = ".samdokcache";
const MAGIC = "samdok-cache-5";
/** A cache file larger than this is not read (and is written anew). */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;
/** Hex digits of a line's signature (128 bits). */
const MAC_LENGTH = 32;

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Why a cache file is not read: not there, not a regular file, too large, or unreadable. */
export type CacheFileProblem = "missing" | "special" | "too-large" | "unreadable";

/**
 * The cache file's text, read only when lstat says it is a regular file (no
 * link followed, no FIFO or device opened: opening a FIFO blocks) of at most
 * MAX_CACHE_BYTES, and the open file is checked again.
 */
export function readCacheFile(location: string): { text: string } | { problem: CacheFileProblem } {
  try {
    return { text: readRegular(location, MAX_CACHE_BYTES, { noFollow: true }).toString("latin1") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { problem: "missing" };
    if (error instanceof NotRegularFileError || code === "EISDIR" || code === "ELOOP") return { problem: "special" };
    if (error instanceof FileTooLargeError) return { problem: "too-large" };
    return { problem: "unreadable" };
  }
}

/** Appends to the file only when it is still a regular file (no link followed, nothing blocks); false when not. */
function appendRegular(location: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(location, constants.O_WRONLY | constants.O_APPEND | NOFOLLOW | NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fstatSync(fd).isFile()) return false;
    const buf = Buffer.from(text, "latin1");
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the file atomically: written under a new, unguessable name made
 * with O_EXCL (so no link or FIFO planted there is followed), then renamed
 * over the target (which replaces a link itself, not what it points to).
 */
function replaceFile(location: string, text: string): void {
  const temp = path.join(path.dirname(location), `.${path.basename(location)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let created = false;
  try {
    mkdirSync(path.dirname(location), { recursive: true });
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    created = true;
    try {
      const buf = Buffer.from(text, "latin1");
      let done = 0;
      while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, location);
  } catch (error) {
    if (created) rmSync(temp, { force: true });
    throw error;
  }
}

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
  /** Lines of `text` already split and checked: the entry, or null when not to be trusted. */
  private readonly checked = new Map<string, CacheEntry | null>();
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
  /** The first line: format, what the results depend on, and which key signs them. */
  private readonly header: string;

  /**
   * `secret` signs every line (see cache-key.ts); lines signed with another
   * secret, or for another `globalKey`, are not used.
   */
  constructor(
    private readonly location: string,
    private readonly globalKey: string,
    private readonly secret: Uint8Array,
  ) {
    const keyId = createHmac("sha256", secret).update("samdok-cache-key-id").digest("hex").slice(0, 16);
    this.header = `${MAGIC}\t${globalKey}\t${keyId}\n`;
    const read = readCacheFile(location);
    if (!("text" in read)) return; // no cache yet, or not one to read: start afresh
    const text = read.text;
    if (!text.startsWith(this.header)) return; // another samdok, schema, date, key …: start afresh
    this.text = text;
    this.rewrite = !text.endsWith("\n");
    let start = this.header.length;
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

  /** The signature of a line (without its own tab and signature). */
  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(this.globalKey).update("\n").update(body, "latin1").digest("hex").slice(0, MAC_LENGTH);
  }

  /** A line of the file as an entry, when it is whole and signed with this user's key. */
  private parse(line: string): CacheEntry | null {
    const cut = line.lastIndexOf("\t");
    if (cut === -1 || line.length - cut - 1 !== MAC_LENGTH) return null;
    const body = line.slice(0, cut);
    if (line.slice(cut + 1) !== this.sign(body)) return null; // written by someone else, or damaged
    const parts = body.split("\t");
    if (parts.length !== 5) return null;
    const [, hash, stat, config, json] = parts as [string, string, string, string, string];
    // A result is one JSON object; anything else is not trusted.
    if (!json.startsWith("{") || !json.endsWith("}")) return null;
    return { hash, stat, config, json };
  }

  private entry(file: string): CacheEntry | undefined {
    const made = this.fresh.get(file);
    if (made) return made;
    const at = this.lines.get(file);
    if (!at) return undefined;
    let entry = this.checked.get(file);
    if (entry === undefined) {
      entry = this.parse(this.text.slice(at[0], at[1]));
      this.checked.set(file, entry);
    }
    return entry ?? undefined;
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
    // A path or value with a tab or line break cannot be a line of this file: not cached.
    if (/[\t\n\r]/.test(file) || /[\t\n\r]/.test(hash + stat + config) || /[\t\n\r]/.test(json)) return;
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
    const line = (file: string, e: CacheEntry): string => {
      const body = `${asciiPath(file)}\t${e.hash}\t${e.stat}\t${e.config}\t${asciiJson(e.json)}`;
      return `${body}\t${this.sign(body)}\n`;
    };
    const sorted = <T>(m: Map<string, T>): [string, T][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const replaced = [...this.unsaved].filter((f) => this.lines.has(f) || this.written.has(f)).length;
    const live = new Set([...this.lines.keys(), ...this.fresh.keys()]).size;
    try {
      const add = (): string =>
        sorted(new Map([...this.unsaved].map((f) => [f, this.fresh.get(f) as CacheEntry])))
          .map(([f, e]) => line(f, e))
          .join("");
      if (!this.rewrite && (this.outdated + replaced) * 2 <= live && appendRegular(this.location, add())) {
        this.outdated += replaced;
      } else {
        const parts = [this.header];
        const all = new Map<string, CacheEntry | [number, number]>(this.lines);
        for (const [f, e] of this.fresh) all.set(f, e);
        for (const [f, e] of sorted(all)) {
          if (!Array.isArray(e)) parts.push(line(f, e));
          // An old line is kept only when it can be trusted: damaged and foreign lines go.
          else if (this.entry(f)) parts.push(`${this.text.slice(e[0], e[1])}\n`);
        }
        replaceFile(this.location, parts.join(""));
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

type Env = Readonly<Record<string, string | undefined>>;

/** Whether this is a CI job: CI set to anything but "", "false" or "0" (GitHub Actions, GitLab … set CI=true). */
export function inCi(env: Env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/**
 * Whether git tracks the file (committed or staged): then it came from, or
 * goes to, the repository, and anyone could have written it. False when git
 * is missing or the folder is not in a repository; undefined when git could
 * not tell (then the file is not used either).
 */
export function trackedByGit(location: string): boolean | undefined {
  try {
    execFileSync("git", ["ls-files", "--error-unmatch", "--", path.basename(location)], {
      cwd: path.dirname(location),
      stdio: ["ignore", "ignore", "ignore"],
      timeout: 10_000,
      windowsHide: true,
    });
    return true;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { status?: number | null };
    if (e.code === "ENOENT") return false; // no git: no repository either
    // 1: not tracked; 128: not a repository (or git will not look at it).
    if (e.status === 1 || e.status === 128) return false;
    return undefined;
  }
}

export interface OpenCacheOptions {
  cwd: string;
  lang: Lang;
  /** Folder of the key that signs the cache (cache-key.ts); default: the user's cache folder. */
  keyDir?: string | undefined;
  /** Where a one-line note goes when the cache is not used (stderr). */
  note?: ((line: string) => void) | undefined;
}

/**
 * The cache at `location`, or undefined when it must not be used: the file
 * is not a regular file (a link, FIFO, device or folder), git tracks it, or
 * no key can be kept. Each of these says so in one line through `note`. A
 * file over MAX_CACHE_BYTES is not read but written anew.
 */
export function openResultCache(location: string, globalKey: string, options: OpenCacheOptions): ResultCache | undefined {
  const { lang } = options;
  const shown = toPosix(path.relative(options.cwd, location)) || location;
  const note = (sv: string, en: string): void => options.note?.(`samdok: ${pick({ sv, en }, lang)}`);
  let st: Stats | undefined;
  try {
    st = lstatSync(location);
  } catch {
    st = undefined; // no cache yet
  }
  if (st && !st.isFile()) {
    note(
      `Cachen ${shown} är ingen vanlig fil (utan en länk, en mapp eller en specialfil) och används inte. Ta bort den, eller ange en annan fil med --cache-location.`,
      `The cache ${shown} is not a regular file (but a link, a folder or a special file) and is not used. Remove it, or name another file with --cache-location.`,
    );
    return undefined;
  }
  if (st) {
    const tracked = trackedByGit(location);
    if (tracked !== false) {
      note(
        tracked
          ? `Cachen ${shown} är incheckad i git och används inte, eftersom vem som helst kan ha skrivit den. Ta bort den ur git (git rm --cached ${shown}) och lägg den i .gitignore; samdok init gör det.`
          : `Cachen ${shown} används inte: git kunde inte svara på om den är incheckad.`,
        tracked
          ? `The cache ${shown} is tracked by git and is not used, since anyone could have written it. Remove it from git (git rm --cached ${shown}) and add it to .gitignore; samdok init does that.`
          : `The cache ${shown} is not used: git could not tell whether it is tracked.`,
      );
      return undefined;
    }
    if (st.size > MAX_CACHE_BYTES) {
      note(
        `Cachen ${shown} är större än 256 MB och läses inte; den byggs upp på nytt.`,
        `The cache ${shown} is larger than 256 MB and is not read; it is built anew.`,
      );
    }
  }
  const dir = options.keyDir ?? cacheKeyDir(process.env);
  const secret = dir !== undefined ? loadCacheKey(dir) : undefined;
  if (!secret) {
    const where = dir ?? "~/.cache/samdok";
    note(
      `Cachen används inte: samdok kunde inte spara sin nyckel i ${where}. Ange en mapp där du får skriva med miljövariabeln SAMDOK_CACHE_KEY_DIR.`,
      `The cache is not used: samdok could not keep its key in ${where}. Name a folder you can write to with the environment variable SAMDOK_CACHE_KEY_DIR.`,
    );
    return undefined;
  }
  return new ResultCache(location, globalKey, secret);
}

export interface CacheRequest {
  cwd: string;
  env: Env;
  lang: Lang;
  /** --cache (true), --no-cache (false), or neither (undefined). */
  cache?: boolean | undefined;
  /** --cache-location, as given. */
  location?: string | undefined;
  note: (line: string) => void;
}

/**
 * The cache options of a run (RunOptions) for the command line's flags:
 * none with --no-cache; in CI none either unless --cache or --cache-location
 * asks for one, since the working tree's `.samdokcache` may come from the
 * pull request being checked.
 */
export function cacheOptions(request: CacheRequest): {
  cacheLocation?: string;
  cacheKeyDir?: string;
  onCacheNote?: (line: string) => void;
} {
  const { cwd, env, lang } = request;
  if (request.cache === false) return {};
  const location = path.resolve(cwd, request.location ?? CACHE_FILE);
  if (inCi(env) && request.cache !== true && request.location === undefined) {
    let present = false;
    try {
      lstatSync(location);
      present = true;
    } catch {
      present = false;
    }
    if (present) {
      request.note(
        `samdok: ${pick(
          {
            sv: `${CACHE_FILE} läses inte i CI (CI=${env.CI ?? ""}), eftersom den kan komma från arkivet; alla dokument kontrolleras. Ange --cache-location om jobbet sparar en egen cache.`,
            en: `${CACHE_FILE} is not read in CI (CI=${env.CI ?? ""}), since it may come from the repository; every document is checked. Name --cache-location if the job keeps a cache of its own.`,
          },
          lang,
        )}`,
      );
    }
    return {};
  }
  const keyDir = cacheKeyDir(env);
  return { cacheLocation: location, ...(keyDir !== undefined ? { cacheKeyDir: keyDir } : {}), onCacheNote: request.note };
}
