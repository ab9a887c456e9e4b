/**
 * Finds the Markdown documents under the paths a user named. Folders are
 * searched recursively for *.md (a folder that happens to be named x.md is
 * searched, not read); hidden folders and node_modules are skipped, and
 * symbolic links to folders are not followed. Nothing is opened here: a
 * *.md that is not a regular file (a FIFO, say) is listed, and reported
 * without being read (run.ts, read-regular.ts).
 */
import { lstatSync, readdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";

import { UsageError } from "./errors.js";

export { UsageError };

const SKIP_DIRS = new Set(["node_modules"]);

export interface Discovered {
  /** Absolute paths, sorted. */
  files: string[];
}

export function isMarkdown(name: string): boolean {
  return name.toLowerCase().endsWith(".md");
}

export function listMarkdown(dir: string, out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
      listMarkdown(full, out);
    } else if (isMarkdown(entry.name)) {
      // Regular files and links, but also FIFOs, sockets and devices named *.md: these are
      // reported (SD001) and never opened (read-regular.ts), rather than silently left out.
      if (entry.isSymbolicLink()) {
        let target: Stats;
        try {
          target = statSync(full);
        } catch {
          out.push(full);
          continue;
        }
        if (target.isDirectory()) continue;
      }
      out.push(full);
    }
  }
  return out;
}

/** Resolves the named paths; a path that does not exist is a usage error. */
export function discover(paths: readonly string[], cwd: string, messages: { missing: (p: string) => string }): Discovered {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stats: Stats;
    try {
      stats = lstatSync(abs);
    } catch {
      throw new UsageError(messages.missing(p));
    }
    if (stats.isDirectory()) {
      for (const f of listMarkdown(abs)) files.add(f);
    } else {
      files.add(abs);
    }
  }
  return { files: [...files].sort() };
}
