/**
 * The history of the documents as git knows it, read with one `git log` for
 * all of them (however many there are) and their old texts with one
 * `git cat-file --batch`: a point-in-time edition of 1,000 documents must not
 * start 1,000 git processes.
 *
 * `git log --raw` gives, per commit, each changed path with its mode and blob
 * id; a rename (`-M`) names both paths, so a document is followed back through
 * its renames here, the way `git log --follow` does for one path. Only
 * regular files (mode 100644 or 100755) count as versions: a symbolic link in
 * the history is a link's target, never followed, never read as a document.
 */
import { type Git, GitFailure } from "../git.js";

/** One state of a file in one commit: its blob and the path it had there. */
export interface Snapshot {
  commit: string;
  /** The commit date (committer), YYYY-MM-DD. */
  committed: string;
  /** Path relative to the repository's root, POSIX. */
  path: string;
  blob: string;
}

interface Event {
  /** Index in the log, 0 = newest. */
  index: number;
  kind: "A" | "M" | "R" | "D";
  blob: string;
  regular: boolean;
  /** For a rename: the older path. */
  from?: string;
}

interface Commit {
  hash: string;
  committed: string;
}

/** The log of the paths under `prefixes` (repository-relative; "" for all), newest first. */
export class RepositoryLog {
  private readonly commits: Commit[] = [];
  private readonly events = new Map<string, Event[]>();

  constructor(raw: string) {
    for (const chunk of raw.split("\x1e")) {
      if (chunk === "") continue;
      const headerEnd = chunk.indexOf("\0");
      const header = headerEnd === -1 ? chunk : chunk.slice(0, headerEnd);
      const [hash = "", committed = ""] = header.split("\x1f");
      if (!/^[0-9a-f]{40}$/.test(hash)) continue;
      const index = this.commits.length;
      this.commits.push({ hash, committed: committed.trim() });
      if (headerEnd === -1) continue;
      const fields = chunk
        .slice(headerEnd + 1)
        .replace(/^\n/, "")
        .split("\0");
      for (let i = 0; i < fields.length;) {
        const meta = fields[i++] ?? "";
        if (!meta.startsWith(":")) continue;
        // ":100644 100644 <old blob> <new blob> M" (R and C carry a score: R100)
        const [, newMode = "", , newBlob = "", status = ""] = meta.slice(1).split(" ");
        const letter = status[0] ?? "";
        const regular = newMode === "100644" || newMode === "100755";
        if (letter === "R" || letter === "C") {
          const from = fields[i++] ?? "";
          const to = fields[i++] ?? "";
          this.push(to, { index, kind: letter === "R" ? "R" : "A", blob: newBlob, regular, ...(letter === "R" ? { from } : {}) });
        } else {
          const p = fields[i++] ?? "";
          const kind = letter === "A" ? "A" : letter === "D" ? "D" : "M";
          this.push(p, { index, kind, blob: newBlob, regular });
        }
      }
    }
  }

  private push(p: string, e: Event): void {
    const list = this.events.get(p);
    if (list) list.push(e);
    else this.events.set(p, [e]);
  }

  /** How many commits the log holds. */
  get size(): number {
    return this.commits.length;
  }

  /**
   * The states of the file now at `repoPath`, newest first, following its
   * renames back to where it was added. A commit that deleted the path ends
   * the trail: what had that name before is another file; so does a rename
   * from a path `inside` refuses (outside the document root).
   */
  snapshots(repoPath: string, inside: (repoPath: string) => boolean = () => true): Snapshot[] {
    const out: Snapshot[] = [];
    let name = repoPath;
    let from = 0;
    const seen = new Set<string>();
    for (;;) {
      if (seen.has(name)) break; // a rename cycle (a → b → a) is followed once
      seen.add(name);
      const events = (this.events.get(name) ?? []).filter((e) => e.index >= from);
      let next: { name: string; from: number } | undefined;
      for (const e of events) {
        if (e.kind === "D") return out;
        const commit = this.commits[e.index];
        if (commit && e.regular) out.push({ commit: commit.hash, committed: commit.committed, path: name, blob: e.blob });
        if (e.kind === "A") return out;
        if (e.kind === "R" && e.from !== undefined) {
          // Moved in from outside the document root: what it was there is not a version of this document.
          if (!inside(e.from)) return out;
          next = { name: e.from, from: e.index + 1 };
          break;
        }
      }
      if (!next) return out;
      name = next.name;
      from = next.from;
    }
    return out;
  }
}

const LOG_FORMAT = "--format=%x1e%H%x1f%cs";

/**
 * The log of everything under `prefixes` (repository-relative folders), or of
 * one file followed through its renames (`follow`). Undefined when git is not
 * there or `git.cwd` is in no repository with commits.
 */
export function readLog(git: Git, prefixes: readonly string[], follow?: string): RepositoryLog | undefined {
  // --no-show-signature: a repository's log.showSignature would run its gpg.program for every signed commit.
  const args = [
    "-c",
    "core.quotePath=false",
    "log",
    LOG_FORMAT,
    "-z",
    "--raw",
    "--no-abbrev",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-show-signature",
  ];
  if (follow !== undefined) args.push("--follow", "--", `:(literal,top)${follow}`);
  else args.push("--", ...(prefixes.length > 0 ? prefixes.map((p) => (p === "" ? ":/" : `:(literal,top)${p}`)) : [":/"]));
  try {
    return new RepositoryLog(git.text(args));
  } catch (error) {
    if (error instanceof GitFailure) return undefined;
    throw error;
  }
}

/** The blobs' contents, in one `git cat-file --batch`; a missing blob is absent from the map. */
export function readBlobs(git: Git, blobs: readonly string[], maxBytes: number): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  const wanted = [...new Set(blobs.filter((b) => /^[0-9a-f]{40}$/.test(b)))];
  if (wanted.length === 0) return result;
  const out = git.run(["cat-file", "--batch"], wanted.map((b) => `${b}\n`).join(""));
  let offset = 0;
  for (const blob of wanted) {
    const nl = out.indexOf(0x0a, offset);
    if (nl === -1) break;
    const header = out.subarray(offset, nl).toString("utf8");
    offset = nl + 1;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<blob> missing"
    const size = Number(m[3]);
    if (m[2] === "blob" && size <= maxBytes) result.set(blob, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return result;
}
