/**
 * The document store: what commands ask for instead of reading documents
 * themselves, each stage only as far as they need it (core/pipeline/types.ts).
 *
 * - `loadDocuments`: front matter read, parsed and checked against the
 *   schema; the body never parsed (`due`, `report`, `revise`, `followup`, `new`);
 * - `runValidation` (core/pipeline): every rule, bodies parsed (`validate`),
 *   and, for a build, the parsed bodies kept for the editions;
 * - `documentText`: a document's text as the editions print it.
 */
import path from "node:path";
import type { DocumentResult } from "./types.js";
import { isUsable, type LoadedDocument } from "./loaded-document.js";
import { loadSets, type DocumentSet, type RunOptions } from "./pipeline/index.js";
import { normalizeText } from "./read.js";
import { readDocumentFile } from "./read-regular.js";

export { runValidation } from "./pipeline/index.js";

export interface LoadedDocuments {
  docs: LoadedDocument[];
  /** Named documents that could not be read or whose front matter has errors. */
  skipped: DocumentResult[];
  sets: DocumentSet[];
}

/**
 * Loads the named documents (and their sets) as far as their front matter:
 * read, parsed and checked against the schema, the body never parsed.
 * Documents that cannot be used are listed apart.
 */
export async function loadDocuments(options: Omit<RunOptions, "stage">): Promise<LoadedDocuments> {
  const { sets, named } = await loadSets({ ...options, stage: "front-matter" });
  const docs: LoadedDocument[] = [];
  const skipped: DocumentResult[] = [];
  for (const set of sets) {
    for (const result of set.documents) {
      const absPath = path.join(set.loaded.root, result.rootPath);
      if (!named.has(path.resolve(options.cwd, result.file)) && !named.has(absPath)) continue;
      if (!isUsable(result)) {
        skipped.push(result);
        continue;
      }
      docs.push({ doc: result.data as unknown as LoadedDocument["doc"], result, loaded: set.loaded, absPath });
    }
  }
  return { docs, skipped, sets };
}

/**
 * A document's whole text as the editions print it (NFC, LF, no BOM). Only a
 * regular file is opened: a FIFO put there since validation would block.
 */
export function documentText(absPath: string): string {
  return normalizeText(
    readDocumentFile(absPath)
      .toString("utf8")
      .replace(/^\uFEFF/, ""),
  );
}
