/**
 * Writes a whole edition as one change: every file is first written to a
 * temporary file next to its target, and only when all of them are on disk
 * are they renamed over the targets. A build that fails while rendering or
 * writing leaves the previous edition as it was (and no temporary files).
 *
 * A manifest of the files written lets the next build remove pages that are
 * no longer part of the edition (a document filtered out or deleted), so an
 * edition folder never mixes two editions. Only files the manifest lists are
 * ever removed: other files in the folder (a Word edition, a README) stay.
 *
 * `samdok build` calls this on a fresh folder beside the output folder and
 * swaps that folder in when every format is written (edition-folder.ts), so
 * the output folder changes as a whole even when a build is killed.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDir, writeFileAtomic } from "../../core/write.js";
import { fsReason } from "../../core/fs-errors.js";
import { publicPath, readManifest } from "./edition-folder.js";
import { isInside } from "../../core/paths.js";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { pick } from "../../i18n/text.js";

export interface OutputFile {
  /** POSIX path relative to the output folder. */
  path: string;
  data: string | Uint8Array;
}

let counter = 0;

function resolveInside(outDir: string, rel: string): string {
  const abs = path.resolve(outDir, ...rel.split("/"));
  if (rel === "" || path.isAbsolute(rel) || rel.split("/").includes("..") || !isInside(outDir, abs) || abs === path.resolve(outDir)) {
    throw new Error(`unsafe output path: ${rel}`);
  }
  return abs;
}

/**
 * @param manifestName file name (in outDir) of the list of files this kind of
 *   edition wrote last time, e.g. `.samdok-html.txt`
 * @returns absolute paths of the files written, in the order given
 */
export function commitFiles(outDir: string, files: readonly OutputFile[], manifestName: string, lang: Lang = "sv"): string[] {
  const root = path.resolve(outDir);
  const targets = files.map((f) => resolveInside(root, f.path));
  if (new Set(targets).size !== targets.length) throw new Error("two output files have the same path");
  for (const target of targets) {
    if (existsSync(target) && !statSync(target).isFile()) {
      throw new UsageError(
        pick(
          {
            sv: `${publicPath(target)} finns redan och är inte en fil. Utgåvan skrevs inte; den tidigare utgåvan är orörd.`,
            en: `${publicPath(target)} already exists and is not a file. The edition was not written; the previous edition is untouched.`,
          },
          lang,
        ),
      );
    }
  }
  const temps: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const target = targets[i] as string;
      ensureDir(path.dirname(target));
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++counter}.tmp`);
      temps.push(temp);
      writeFileSync(temp, file.data);
      const fd = openSync(temp, "r+");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const temp of temps) rmSync(temp, { force: true });
    const where = (error as NodeJS.ErrnoException).path;
    const reason = `${fsReason(error, lang) ?? (error as Error).message}${typeof where === "string" ? ` (${publicPath(temps.includes(where) ? (targets[temps.indexOf(where)] as string) : where)})` : ""}`;
    throw new UsageError(
      pick(
        {
          sv: `Kunde inte skriva utgåvan i ${publicPath(root)}: ${reason}. Den tidigare utgåvan är orörd.`,
          en: `Could not write the edition in ${publicPath(root)}: ${reason}. The previous edition is untouched.`,
        },
        lang,
      ),
      { cause: error },
    );
  }
  for (const [i, temp] of temps.entries()) renameSync(temp, targets[i] as string);
  recordManifest(
    root,
    manifestName,
    files.map((f) => f.path),
  );
  return targets;
}

/**
 * Removes the files the folder's previous manifest lists that this edition
 * did not write (pages no longer part of it), then writes the new manifest.
 * @param written POSIX paths relative to outDir
 */
export function recordManifest(outDir: string, manifestName: string, written: Iterable<string>): void {
  const root = path.resolve(outDir);
  const manifest = path.join(root, manifestName);
  const kept = new Set(written);
  for (const old of readManifest(manifest)) {
    if (kept.has(old)) continue;
    let abs: string;
    try {
      abs = resolveInside(root, old);
    } catch {
      continue;
    }
    try {
      if (statSync(abs, { throwIfNoEntry: false })?.isFile()) rmSync(abs, { force: true });
    } catch {
      // A page that cannot be removed is left; the new edition no longer links to it.
    }
  }
  writeFileAtomic(manifest, [...kept].sort().join("\n") + "\n");
}
