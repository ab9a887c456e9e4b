/**
 * What samdok asks git, through `git` itself (execFileSync, no shell). For
 * pull-request mode (ci/changed.ts): the repository's root, the merge base
 * with a ref, what changed since it (committed, staged, unstaged and
 * untracked) and the files as they were at the base. For the editions
 * (render/edition.ts): the source revision they state. (Whether git tracks
 * the cache file is the cache's own question: cache.ts asks it.)
 */
import { execFileSync } from "node:child_process";
import { UsageError } from "./errors.js";
import type { Lang } from "./types.js";
import { pick } from "../i18n/text.js";

export type ChangeKind = "added" | "modified" | "deleted" | "renamed";

/** One changed path, relative to the repository's root (POSIX). */
export interface Change {
  kind: ChangeKind;
  path: string;
  /** For a rename: the path at the base. */
  from?: string;
}

export class Git {
  constructor(
    readonly cwd: string,
    readonly lang: Lang,
  ) {}

  private t(sv: string, en: string): string {
    return pick({ sv, en }, this.lang);
  }

  /** Runs git; returns stdout, or throws GitFailure with git's own message. */
  run(args: string[], input?: string): Buffer {
    try {
      return execFileSync("git", args, {
        cwd: this.cwd,
        input,
        maxBuffer: 256 * 1024 * 1024,
        stdio: ["pipe", "pipe", "pipe"],
        windowsHide: true,
      });
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
      if (e.code === "ENOENT") {
        throw new UsageError(
          this.t(
            "git hittades inte. --changed-since behöver git installerat och på PATH.",
            "git was not found. --changed-since needs git installed and on PATH.",
          ),
        );
      }
      throw new GitFailure(String(e.stderr ?? e.message).trim());
    }
  }

  text(args: string[]): string {
    return this.run(args).toString("utf8");
  }

  /** The repository's root (absolute). */
  toplevel(): string {
    try {
      return this.text(["rev-parse", "--show-toplevel"]).trim();
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      throw new UsageError(
        this.t(
          `--changed-since fungerar bara i ett git-arkiv, och ${this.cwd} är inte i något (${error.message}).`,
          `--changed-since works only inside a git repository, and ${this.cwd} is not in one (${error.message}).`,
        ),
      );
    }
  }

  /** The commit where the current branch left `ref` (`git merge-base ref HEAD`). */
  mergeBase(ref: string): string {
    const shallowHint = (): string => {
      let shallow = false;
      try {
        shallow = this.text(["rev-parse", "--is-shallow-repository"]).trim() === "true";
      } catch {
        shallow = false;
      }
      return shallow
        ? this.t(
            " Arkivet är en grund klon: hämta hela historiken (i GitHub Actions: actions/checkout med fetch-depth: 0, eller git fetch --unshallow).",
            " The repository is a shallow clone: fetch the whole history (in GitHub Actions: actions/checkout with fetch-depth: 0, or git fetch --unshallow).",
          )
        : "";
    };
    if (ref.startsWith("-")) throw new UsageError(this.t(`"${ref}" är ingen git-referens.`, `"${ref}" is not a git ref.`));
    try {
      this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      throw new UsageError(
        this.t(
          `Git-referensen "${ref}" finns inte här. Ange en gren, tagg eller commit, till exempel origin/main, och hämta den först (git fetch origin main).${shallowHint()}`,
          `The git ref "${ref}" does not exist here. Name a branch, tag or commit, for example origin/main, and fetch it first (git fetch origin main).${shallowHint()}`,
        ),
      );
    }
    try {
      return this.text(["merge-base", "--end-of-options", ref, "HEAD"]).trim();
    } catch (error) {
      if (!(error instanceof GitFailure)) throw error;
      throw new UsageError(
        this.t(
          `"${ref}" och HEAD har ingen gemensam historik, så det går inte att säga vad som ändrats.${shallowHint()}`,
          `"${ref}" and HEAD share no history, so what changed cannot be told.${shallowHint()}`,
        ),
      );
    }
  }

  /**
   * Everything that differs between `base` and the working tree: the
   * branch's commits, staged and unstaged changes (`git diff -M base`) and
   * untracked files. Paths are relative to the repository's root.
   */
  changesSince(base: string): Change[] {
    const out = this.text([
      "-c",
      "core.quotePath=false",
      "diff",
      "--name-status",
      "-z",
      "-M",
      "--no-color",
      "--no-ext-diff",
      "--no-relative",
      base,
      "--",
    ]);
    const fields = out.split("\0");
    const changes: Change[] = [];
    for (let i = 0; i < fields.length;) {
      const status = fields[i++] ?? "";
      if (status === "") continue;
      const letter = status[0];
      if (letter === "R") {
        const from = fields[i++] ?? "";
        const to = fields[i++] ?? "";
        changes.push({ kind: "renamed", path: to, from });
      } else if (letter === "C") {
        i++;
        changes.push({ kind: "added", path: fields[i++] ?? "" });
      } else {
        const p = fields[i++] ?? "";
        changes.push({ kind: letter === "A" ? "added" : letter === "D" ? "deleted" : "modified", path: p });
      }
    }
    const untracked = this.text(["ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--", ":/"])
      .split("\0")
      .filter((p) => p !== "");
    for (const p of untracked) changes.push({ kind: "added", path: p });
    return changes;
  }

  /** Paths of the files in `commit` under `prefix` ("" for the whole tree). */
  filesAt(commit: string, prefix: string): string[] {
    const args = ["ls-tree", "-r", "-z", "--name-only", "--full-tree", commit];
    if (prefix !== "") args.push("--", prefix);
    return this.text(args)
      .split("\0")
      .filter((p) => p !== "");
  }

  /** The contents of files at `commit`, in one `git cat-file --batch`; missing files are absent from the map. */
  readAt(commit: string, paths: readonly string[]): Map<string, Buffer> {
    const result = new Map<string, Buffer>();
    const usable = paths.filter((p) => !p.includes("\n"));
    if (usable.length === 0) return result;
    const out = this.run(["cat-file", "--batch"], usable.map((p) => `${commit}:${p}\n`).join(""));
    let offset = 0;
    for (const p of usable) {
      const nl = out.indexOf(0x0a, offset);
      if (nl === -1) break;
      const header = out.subarray(offset, nl).toString("utf8");
      offset = nl + 1;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) continue; // "<name> missing" or "ambiguous"
      const size = Number(m[2]);
      if (m[1] === "blob") result.set(p, out.subarray(offset, offset + size));
      offset += size + 1;
    }
    return result;
  }
}

/** git ran and refused: its message, for a caller to turn into something plainer. */
export class GitFailure extends Error {}

/**
 * The commit the sources are at, as an edition states it: the short hash
 * (12 digits), with "+ändrad" when tracked files have changes not yet
 * committed. Undefined when there is no git, `cwd` is in no repository, or
 * git answers anything else: an edition without a revision is still an
 * edition, so nothing here is an error.
 */
export function gitRevision(cwd: string): string | undefined {
  try {
    const out = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      encoding: "utf8",
    }).trim();
    if (!/^[0-9a-f]{7,40}$/.test(out)) return undefined;
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd,
      stdio: ["ignore", "pipe", "ignore"],
      encoding: "utf8",
    }).trim();
    return dirty ? `${out}+ändrad` : out;
  } catch {
    return undefined;
  }
}
