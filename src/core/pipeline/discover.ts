/**
 * Step 1: the Markdown files under the paths a user named (core/discover.ts
 * does the walking), as absolute paths. A path that does not exist is a usage error.
 */
import { discover } from "../discover.js";
import { pick } from "../../i18n/text.js";
import type { RunOptions } from "./types.js";

export interface Found {
  /** Absolute paths of the named documents, sorted. */
  files: string[];
  named: Set<string>;
}

export function discoverNamed(options: Pick<RunOptions, "paths" | "cwd" | "lang">): Found {
  const { lang } = options;
  const found = discover(options.paths, options.cwd, {
    missing: (p) =>
      pick(
        {
          sv: `Sökvägen "${p}" finns inte. Ange en mapp eller en .md-fil, till exempel: samdok validate documents/`,
          en: `The path "${p}" does not exist. Name a folder or a .md file, for example: samdok validate documents/`,
        },
        lang,
      ),
  });
  return { files: found.files, named: new Set(found.files) };
}
