/**
 * Step 1: the Markdown files under the paths a user named (core/discover.ts
 * does the walking), as absolute paths. A path that does not exist is a usage error.
 *
 * When no path is named, the set is found the way git finds its repository:
 * from the working folder up through its parents (nearestSet). A coordinator
 * runs samdok where she stands, in the repository's root, in `documents/` or
 * in `documents/sormland`, and a fixed `documents/` would work only in the first.
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { discover, UsageError } from "../discover.js";
import { CONFIG_FILE } from "../config.js";
import { toPosix } from "../paths.js";
import { pick } from "../../i18n/text.js";
import type { Lang } from "../types.js";
import type { RunOptions } from "./types.js";

export interface Found {
  /** Absolute paths of the named documents, sorted. */
  files: string[];
  named: Set<string>;
}

export function discoverNamed(options: Pick<RunOptions, "paths" | "cwd" | "lang">): Found {
  const { lang, cwd } = options;
  const found = discover(options.paths, cwd, {
    missing: (p) => {
      const nearest = nearestSet(cwd).found;
      const hint = nearest
        ? pick(
            {
              sv: ` Närmaste samling härifrån är ${shown(nearest, cwd)}: ange den, eller ange ingen sökväg alls.`,
              en: ` The nearest set from here is ${shown(nearest, cwd)}: name it, or name no path at all.`,
            },
            lang,
          )
        : "";
      return pick(
        {
          sv: `Sökvägen "${p}" finns inte i ${cwd}. Ange en mapp eller en .md-fil som finns.${hint}`,
          en: `The path "${p}" does not exist in ${cwd}. Name a folder or a .md file that exists.${hint}`,
        },
        lang,
      );
    },
  });
  return { files: found.files, named: new Set(found.files) };
}

/** What nearestSet found: the folder to read (absolute), and every folder it looked in, nearest first. */
export interface NearestSet {
  found?: string;
  searched: string[];
}

/**
 * The set nearest the working folder. In each folder, from `cwd` up: the
 * folder itself when it holds samdok.config.json (inside a set); its
 * `documents/` when that holds a configuration, directly or in a subfolder
 * (a repository's root); the folder itself when a subfolder holds one (a
 * `documents/` folder of several sets; only the working folder or a folder
 * named documents, so that the walk does not pick up a stranger's set from,
 * say, a sibling folder under /tmp). The walk ends at the folder that
 * holds `.git`, the repository's top, or at the file system's root: a set
 * found beyond the repository would belong to something else.
 */
export function nearestSet(cwd: string): NearestSet {
  const searched: string[] = [];
  const start = path.resolve(cwd);
  let current = start;
  for (;;) {
    searched.push(current);
    if (exists(path.join(current, CONFIG_FILE))) return { found: current, searched };
    const documents = path.join(current, "documents");
    if (isFolder(documents) && (exists(path.join(documents, CONFIG_FILE)) || subfolderHoldsConfig(documents))) {
      return { found: documents, searched };
    }
    const mayHoldSets = current === start || path.basename(current) === "documents";
    if (mayHoldSets && subfolderHoldsConfig(current)) return { found: current, searched };
    const parent = path.dirname(current);
    if (parent === current || exists(path.join(current, ".git"))) return { searched };
    current = parent;
  }
}

/**
 * The paths a command reads when none is named: the nearest set, said on
 * stderr through `note` when it is not the working folder's `documents/`
 * (so that the reader knows what was read). Nothing found is a usage error
 * that lists each folder searched and what to do; `command` is the
 * subcommand, for the example. The paths are relative to `cwd`, as a user
 * would have typed them, so that files are shown as before.
 */
export function defaultPaths(cwd: string, lang: Lang, command: string, note: (line: string) => void): string[] {
  const { found, searched } = nearestSet(cwd);
  if (found) {
    const relative = shown(found, cwd);
    if (relative !== "documents") {
      note(
        pick(
          {
            sv: `samdok: ingen sökväg angavs; läser samlingen i ${relative} (den närmaste med ${CONFIG_FILE}).`,
            en: `samdok: no path given; reading the set in ${relative} (the nearest with ${CONFIG_FILE}).`,
          },
          lang,
        ),
      );
    }
    return [relative];
  }
  // A documents/ without a configuration yet: read it, and each document says the configuration is missing (SD010).
  const documents = path.join(path.resolve(cwd), "documents");
  if (isFolder(documents)) return ["documents"];
  const list = searched.map((folder) => `  ${folder}`).join("\n");
  throw new UsageError(
    pick(
      {
        sv:
          `Hittade ingen samling att läsa. Ingen sökväg angavs, och ingen av de här mapparna har en ${CONFIG_FILE} eller en mapp documents/ med en:\n${list}\n` +
          `Gå till dokumentarkivet (cd sökväg/till/arkivet) och kör samdok ${command} där, ange samlingens mapp (samdok ${command} sökväg/till/samlingen), ` +
          `eller skapa ett nytt dokumentarkiv med samdok init.`,
        en:
          `Found no set to read. No path was given, and none of these folders has a ${CONFIG_FILE} or a documents/ folder with one:\n${list}\n` +
          `Go to the document repository (cd path/to/repository) and run samdok ${command} there, name the set's folder (samdok ${command} path/to/set), ` +
          `or create a new document repository with samdok init.`,
      },
      lang,
    ),
  );
}

/** A folder as the reader names it from `cwd`: relative, "." for the working folder itself. */
function shown(folder: string, cwd: string): string {
  return toPosix(path.relative(path.resolve(cwd), folder)) || ".";
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isFolder(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a folder directly under `dir` (not hidden, not node_modules) holds a configuration. */
function subfolderHoldsConfig(dir: string): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some(
    (e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules" && exists(path.join(dir, e.name, CONFIG_FILE)),
  );
}
