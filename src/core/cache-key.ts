/**
 * The secret that signs the cache (cache.ts): 32 random bytes, made on first
 * use and kept in the user's own cache folder, outside every repository, so
 * that a `.samdokcache` that someone else wrote (a pull request, another
 * machine, another user) is never trusted.
 *
 * Where: `SAMDOK_CACHE_KEY_DIR` when set (tests, or a CI job that restores
 * its cache), else `%LOCALAPPDATA%\samdok` on Windows, else
 * `$XDG_CACHE_HOME/samdok`, else `~/.cache/samdok`. The folder is made with
 * mode 0700 and the file `key` with 0600. A key file that is not a regular
 * file of this user, readable by no one else, holding 64 hexadecimal digits,
 * is replaced by a new one. When no key can be kept, there is no cache.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

export const KEY_FILE = "key";

/** Where the key is kept, or undefined when there is no such folder (no home). */
export function cacheKeyDir(env: Env, platform: NodeJS.Platform = process.platform): string | undefined {
  const set = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== "" ? v : undefined);
  const explicit = set(env.SAMDOK_CACHE_KEY_DIR);
  if (explicit) return path.resolve(explicit);
  if (platform === "win32") {
    const local = set(env.LOCALAPPDATA);
    if (local) return path.join(local, "samdok");
  } else {
    // The XDG specification ignores a relative XDG_CACHE_HOME.
    const xdg = set(env.XDG_CACHE_HOME);
    if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "samdok");
  }
  let home = set(env.HOME) ?? set(env.USERPROFILE);
  if (!home) {
    try {
      home = os.homedir();
    } catch {
      return undefined;
    }
  }
  if (!home || !path.isAbsolute(home)) return undefined;
  return platform === "win32" ? path.join(home, "AppData", "Local", "samdok") : path.join(home, ".cache", "samdok");
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;
const POSIX = process.platform !== "win32";

/** The key in the file, when it is one this user alone could have written and can read. */
function readKey(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > 1024) return undefined;
    if (POSIX) {
      if (typeof process.getuid === "function" && st.uid !== process.getuid()) return undefined;
      // Readable by others: someone else could sign entries. Made private again, then used.
      if ((st.mode & 0o077) !== 0) fchmodSync(fd, 0o600);
    }
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n <= 0) break;
      got += n;
    }
    const text = buf.subarray(0, got).toString("latin1").trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, "hex") : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * This user's key in `dir`, made when missing or unusable; undefined when it
 * can be neither read nor written (then the run has no cache).
 */
export function loadCacheKey(dir: string): Buffer | undefined {
  const file = path.join(dir, KEY_FILE);
  const existing = readKey(file);
  if (existing) return existing;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    if (POSIX && typeof process.getuid === "function" && st.uid !== process.getuid()) return undefined;
  } catch {
    return undefined;
  }
  // Written whole under a name of its own, then put in place: another run
  // at the same moment sees no key or a whole one, never half of one.
  const temp = path.join(dir, `.${KEY_FILE}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
    let present = false;
    try {
      lstatSync(file);
      present = true;
    } catch {
      present = false;
    }
    if (present) {
      // An unusable key (damaged, another user's, a link …): replaced.
      renameSync(temp, file);
    } else {
      try {
        linkSync(temp, file);
      } catch (error) {
        // Another run made one first: that one is used.
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") renameSync(temp, file);
      }
    }
  } catch {
    return undefined;
  } finally {
    rmSync(temp, { force: true });
  }
  return readKey(file);
}
