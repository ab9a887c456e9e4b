/**
 * What every edition (HTML, Word) is made from: the validated documents of
 * one or more sets, filtered and in a stable order, with the edition's date
 * and source revision. A set with errors is never published.
 */
import path from "node:path";
import type { Root } from "mdast";
import type { Lang } from "../core/types.js";
import type { LoadedConfig } from "../core/config.js";
import type { SamDoc } from "../core/document.js";
import type { LoadedDocument } from "../core/loaded-document.js";
import { TYPE_ORDER } from "../core/document.js";
import { runValidation, type RunOptions, type ValidationRun } from "../core/pipeline/index.js";
import { documentText } from "../core/store.js";
import { gitRevision } from "../core/git.js";
import { swedishDate } from "../core/dates.js";
import type { Out } from "../cli/io.js";

/** A loaded document (core/loaded-document.ts) with its text, as the editions need it. */
export interface EditionDocument extends LoadedDocument {
  /** The whole file text (NFC, LF); the body starts at `result.bodyLine`. */
  text: string;
  /**
   * The body as validation parsed it (`editionBody`, with the lines the HTML
   * edition's warnings name), when the build asked for it (`keepBodies`) and
   * the cache did not answer for the document. Every edition of the build
   * gets the same tree (`takeTree`): neither edition changes it.
   */
  tree?: Root;
  /** The editions that have yet to take `tree`; the last one lets it go. */
  treeReaders?: Set<EditionFormat>;
}

/** The editions samdok builds. */
export type EditionFormat = "html" | "docx";

/**
 * The parsed body validation left for this document, for `edition`, once;
 * undefined when there is none for it (then the edition parses the body).
 * The edition must not change the tree, which the other edition of the
 * build may read too (neither does: test/render-html/parse-once.test.ts);
 * the last to take it lets it go, so that a tree is held only until it is used.
 */
export function takeTree(d: EditionDocument, edition: EditionFormat): Root | undefined {
  const tree = d.tree;
  if (!tree || !d.treeReaders?.delete(edition)) return undefined;
  if (d.treeReaders.size === 0) {
    delete d.tree;
    delete d.treeReaders;
  }
  return tree;
}

export interface Edition {
  /** Documents in edition order: by set, track (configuration order), type, id. */
  documents: EditionDocument[];
  /** The sets the documents come from. */
  sets: LoadedConfig[];
  /** Every document of the sets (also those filtered out), for link resolution: rootPath → id. */
  all: EditionDocument[];
  outDir: string;
  lang: Lang;
  /** The edition's date, YYYY-MM-DD. */
  date: string;
  /** A fixed instant for file metadata (SOURCE_DATE_EPOCH, or the edition date at 00:00 UTC). */
  timestamp: Date;
  /** Git commit of the sources, when there is one. */
  revision?: string;
  /** stderr: warnings always; progress only when it is a terminal (isTTY). */
  stderr: Out;
}

export interface EditionFilters {
  status?: string[];
  type?: string[];
  spar?: string[];
}

export class PublishRefused extends Error {
  constructor(
    message: string,
    readonly run: ValidationRun,
  ) {
    super(message);
  }
}

/** The edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock's date. */
export function editionDate(now: Date, env: Readonly<Record<string, string | undefined>>): { date: string; timestamp: Date } {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const ts = new Date(Number(epoch) * 1000);
    return { date: swedishDate(ts), timestamp: ts };
  }
  const date = swedishDate(now);
  return { date, timestamp: new Date(`${date}T00:00:00Z`) };
}

export function compareEditionOrder(a: EditionDocument, b: EditionDocument): number {
  const setA = a.loaded.root;
  const setB = b.loaded.root;
  if (setA !== setB) return setA.localeCompare(setB);
  const tracks = a.loaded.config.spar.map((s) => s.id);
  const ta = tracks.indexOf(a.doc.spar);
  const tb = tracks.indexOf(b.doc.spar);
  if (ta !== tb) return (ta === -1 ? 999 : ta) - (tb === -1 ? 999 : tb);
  const ya = TYPE_ORDER.indexOf(a.doc.dokumenttyp);
  const yb = TYPE_ORDER.indexOf(b.doc.dokumenttyp);
  if (ya !== yb) return ya - yb;
  return a.doc.id.localeCompare(b.doc.id);
}

export interface PrepareOptions extends RunOptions {
  outDir: string;
  filters: EditionFilters;
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  stderr: Out;
  /**
   * Keep the bodies validation parses (`EditionDocument.tree`) for these
   * editions of the build, which then parse none of them again; `true` is
   * the Word edition alone.
   */
  keepBodies?: boolean | readonly EditionFormat[];
}

/** Validates, refuses a set with errors, filters and orders the documents. */
export async function prepareEdition(options: PrepareOptions): Promise<Edition> {
  const readers: readonly EditionFormat[] = options.keepBodies === true ? ["docx"] : options.keepBodies || [];
  const bodies = readers.length > 0 ? new Map<string, Root>() : undefined;
  const run = await runValidation({ ...options, ...(bodies ? { bodies } : {}) });
  if (run.summary.errors > 0) {
    throw new PublishRefused(
      options.lang === "sv"
        ? `Utgåvan publiceras inte: samlingen har ${run.summary.errors} fel. Rätta dem (se \`samdok validate\`) och bygg igen.`
        : `The edition is not published: the set has ${run.summary.errors} errors. Fix them (see \`samdok validate\`) and build again.`,
      run,
    );
  }
  const all: EditionDocument[] = [];
  for (const set of run.sets) {
    for (const result of set.documents) {
      // A document whose body was refused unparsed (limits.ts) is fatal: it is not parsed here either.
      if (!result.data || result.fatal) continue;
      const absPath = path.join(set.loaded.root, result.rootPath);
      const text = documentText(absPath);
      all.push({ doc: result.data as unknown as SamDoc, result, loaded: set.loaded, absPath, text });
    }
  }
  const named = new Set(run.results.map((r) => r.file));
  const f = options.filters;
  const documents = all
    .filter((d) => named.has(d.result.file))
    .filter((d) => !f.status?.length || f.status.includes(d.doc.status))
    .filter((d) => !f.type?.length || f.type.includes(d.doc.dokumenttyp))
    .filter((d) => !f.spar?.length || f.spar.includes(d.doc.spar))
    .sort(compareEditionOrder);
  // Only the documents of the edition keep their trees: the others are never rendered.
  for (const d of documents) {
    const tree = bodies?.get(path.resolve(d.absPath));
    if (!tree) continue;
    d.tree = tree;
    d.treeReaders = new Set(readers);
  }
  const { date, timestamp } = editionDate(options.now, options.env);
  const edition: Edition = {
    documents,
    sets: run.sets.map((s) => s.loaded),
    all: all.sort(compareEditionOrder),
    outDir: options.outDir,
    lang: options.lang,
    date,
    timestamp,
    stderr: options.stderr,
  };
  const revision = gitRevision(run.sets[0]?.loaded.root ?? options.cwd);
  if (revision) edition.revision = revision;
  return edition;
}
