/**
 * Builds Word editions the way `samdok build --format docx` does
 * (prepareEdition, then buildDocx) into a temporary folder, and reads the
 * parts of the files written.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { prepareEdition, type Edition } from "../../src/render/edition.js";
import { buildDocx, type DocxOptions } from "../../src/render/docx/index.js";
import { FIXTURES, NOW } from "../helpers/cli.js";

export const fixture = (name: string): string => path.join(FIXTURES, name);

const made: string[] = [];

export function tempDir(prefix = "samdok-docx-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface BuildResult {
  outDir: string;
  files: string[];
  edition: Edition;
}

/**
 * `keepBodies` (default true, as `samdok build --format docx` does): map the
 * trees validation parsed; false parses every body in the Word step, as when
 * the cache answers for the documents.
 */
export async function buildWord(
  paths: string[],
  options: Partial<DocxOptions> & {
    now?: Date;
    env?: Record<string, string | undefined>;
    outDir?: string;
    keepBodies?: boolean;
    jobs?: number;
  } = {},
): Promise<BuildResult> {
  const outDir = options.outDir ?? tempDir();
  const edition = await prepareEdition({
    paths,
    cwd: path.dirname(paths[0] ?? FIXTURES),
    lang: "sv",
    today: "2026-11-23",
    outDir,
    filters: {},
    now: options.now ?? NOW,
    env: options.env ?? {},
    stderr: { write: () => true },
    keepBodies: options.keepBodies ?? true,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
  });
  const files = await buildDocx(edition, {
    perDocument: options.perDocument ?? false,
    tocField: options.tocField ?? false,
    pageNumbers: options.pageNumbers ?? false,
    ...(options.template ? { template: options.template } : {}),
  });
  return { outDir, files, edition };
}

/** The XML parts of a .docx, by path. */
export function xmlParts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(file))))) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) out[name] = strFromU8(data);
  }
  return out;
}

/** Every match of a regular expression's first group. */
export function all(text: string, re: RegExp): string[] {
  return [...text.matchAll(re)].map((m) => m[1] ?? "");
}
