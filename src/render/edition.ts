/**
 * What every edition (HTML, Word) is made from: the validated documents of
 * one or more sets, filtered and in a stable order, with the edition's date
 * and source revision. A set with errors is never published.
 *
 * A default edition publishes, for each document, the version in force on
 * the edition's date (from git when the working copy is a draft, on remiss
 * or not yet valid; edition-versions.ts) and lists the documents with none;
 * `--as-of` does the same for another date. An explicit `--status` keeps the
 * older way: the working copies with that status, whatever applies.
 * `--redline REF` adds, to each published document, the earlier version its
 * changes are marked against (redline/base.ts).
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
import type { ComingVersion } from "../core/history/in-force.js";
import { chooseVersions } from "./edition-versions.js";
import type { RedlineBase, RedlineEdition } from "../redline/types.js";
import { redlineOfSet } from "../redline/per-set.js";
import { byCount, plural } from "../i18n/text.js";

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
  /** The version on its way (a draft, on remiss, decided but not yet valid), announced with the one published. */
  coming?: ComingVersion;
  /** Set when the published version is an older one from git rather than the working copy. */
  publishedFrom?: { version: string; commit: string; committed?: string };
  /** `--redline`: the version this document is compared with (its changes are marked). */
  redline?: RedlineBase;
}

/**
 * Why a document of the edition's selection is listed but not published: it
 * has no version in force on the edition's date. `utkast`, `remiss`: never
 * decided, a version is in progress; `beslutad`: decided, valid from `date`;
 * `upphävd`: repealed on `date`; `utgången`: its validity ended on `date`;
 * `ej-beslutad`: not decided on that date, as far as a point-in-time edition
 * can tell from the documents' own dates; `ej-läsbar`: the version in force could not be read from git.
 */
export type ListedReason = "utkast" | "remiss" | "beslutad" | "upphävd" | "utgången" | "ej-beslutad" | "ej-läsbar";

/** A document the edition names without publishing it, and why. */
export interface ListedDocument {
  /** The working copy. */
  doc: EditionDocument;
  reason: ListedReason;
  /** The version the reason is about (the one in progress, decided, or that ended). */
  version?: string;
  /** remiss: the last day to answer; beslutad: valid from; upphävd: repealed on; utgången: valid until. */
  date?: string;
  /** upphävd: the id of the document that replaced it. */
  replacedBy?: string;
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
  /**
   * Every document of the sets (also those filtered out), for link resolution: rootPath → id.
   * A document published in an older version stands here in that version.
   */
  all: EditionDocument[];
  /** Documents of the selection with no version in force on the edition's date: named, not published (edition order). */
  listed: ListedDocument[];
  /** With `--as-of`: the date the edition shows the documents as in force on (the same as `date`). */
  asOf?: string;
  outDir: string;
  lang: Lang;
  /** The edition's date, YYYY-MM-DD: the clock's (or SOURCE_DATE_EPOCH's), or `--as-of`. */
  date: string;
  /** A fixed instant for file metadata (SOURCE_DATE_EPOCH, or the edition date at 00:00 UTC). */
  timestamp: Date;
  /** Git commit of the sources, when there is one. */
  revision?: string;
  /** `--redline REF`: the edition marks what changed since REF. */
  redline?: RedlineEdition;
  /** One set's edition in a build of several: the address of the index of the sets, from the set's folder. */
  setsIndex?: string;
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

/**
 * The edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock's date;
 * `asOf` (`--as-of`) instead, when given. The file timestamp is SOURCE_DATE_EPOCH's, else the
 * date's midnight: two builds of one point-in-time edition are alike whatever day they run.
 */
export function editionDate(
  now: Date,
  env: Readonly<Record<string, string | undefined>>,
  asOf?: string,
): { date: string; timestamp: Date } {
  const epoch = env.SOURCE_DATE_EPOCH;
  const fromEpoch = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (asOf !== undefined) return { date: asOf, timestamp: fromEpoch ?? new Date(`${asOf}T00:00:00Z`) };
  if (fromEpoch) return { date: swedishDate(fromEpoch), timestamp: fromEpoch };
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
  /** `--as-of`: publish the version of each document in force on this date (YYYY-MM-DD), its text from git. */
  asOf?: string;
  /** `--redline`: mark what changed since this git revision, or since the version in force ("in-force"). */
  redline?: string;
}

/** Validates, refuses a set with errors, filters and orders the documents. */
export async function prepareEdition(options: PrepareOptions): Promise<Edition> {
  const readers: readonly EditionFormat[] = options.keepBodies === true ? ["docx"] : options.keepBodies || [];
  const bodies = readers.length > 0 ? new Map<string, Root>() : undefined;
  const run = await runValidation({ ...options, ...(bodies ? { bodies } : {}) });
  if (run.summary.errors > 0) {
    throw new PublishRefused(
      options.lang === "sv"
        ? `Utgåvan publiceras inte: samlingen har ${run.summary.errors} fel. ${byCount(run.summary.errors, "Rätta det", "Rätta dem", "sv")} (se \`samdok validate\`) och bygg igen.`
        : `The edition is not published: the set has ${plural(run.summary.errors, "error", "errors", "en")}. ${byCount(run.summary.errors, "Fix it", "Fix them", "en")} (see \`samdok validate\`) and build again.`,
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
  const selected = all
    .filter((d) => named.has(d.result.file))
    .filter((d) => !f.type?.length || f.type.includes(d.doc.dokumenttyp))
    .filter((d) => !f.spar?.length || f.spar.includes(d.doc.spar))
    .sort(compareEditionOrder);
  const { date, timestamp } = editionDate(options.now, options.env, options.asOf);
  let documents: EditionDocument[];
  let listed: Edition["listed"] = [];
  let shown = all;
  if (f.status?.length) {
    // Asked for by status: the working copies with that status, as they are (a remiss edition).
    documents = selected.filter((d) => f.status?.includes(d.doc.status));
  } else {
    const choice = chooseVersions(selected, {
      date,
      asOf: options.asOf !== undefined,
      cwd: options.cwd,
      lang: options.lang,
      today: options.today,
      stderr: options.stderr,
    });
    listed = choice.listed;
    documents = choice.published.sort(compareEditionOrder);
    shown = all.map((d) => choice.replaced.get(d) ?? d);
  }
  // Only the working copies the edition publishes keep their trees: the others are never rendered,
  // and a version from git is parsed from its own text.
  for (const d of documents) {
    const tree = d.publishedFrom ? undefined : bodies?.get(path.resolve(d.absPath));
    if (!tree) continue;
    d.tree = tree;
    d.treeReaders = new Set(readers);
  }
  const edition: Edition = {
    documents,
    sets: run.sets.map((s) => s.loaded),
    all: shown.sort(compareEditionOrder),
    listed,
    outDir: options.outDir,
    lang: options.lang,
    date,
    timestamp,
    stderr: options.stderr,
  };
  if (options.asOf !== undefined) edition.asOf = options.asOf;
  const revision = gitRevision(run.sets[0]?.loaded.root ?? options.cwd);
  if (revision) edition.revision = revision;
  if (options.redline !== undefined) {
    // Only a redline build reads the earlier versions (redline/base.ts): the others never load it.
    const { attachRedline } = await import("../redline/base.js");
    const paths = options.paths.map((p) => path.resolve(options.cwd, p));
    attachRedline(edition, {
      ref: options.redline,
      paths,
      filters: f,
      cwd: options.cwd,
      lang: options.lang,
      today: options.today,
      stderr: options.stderr,
    });
  }
  return edition;
}

/**
 * The sets an edition has something of (a document published or listed), in
 * edition order. A build of two sets gets an edition per set by default
 * (`setEdition`); a filter that leaves a set with nothing leaves it out.
 */
export function setsWithDocuments(edition: Pick<Edition, "sets" | "documents" | "listed">): LoadedConfig[] {
  const roots = new Set([...edition.documents, ...edition.listed.map((l) => l.doc)].map((d) => d.loaded.root));
  return edition.sets.filter((s) => roots.has(s.root)).sort((a, b) => a.root.localeCompare(b.root));
}

/**
 * The edition of one set of a build that covers several: that set's
 * documents, listed documents and link targets, written into `outDir`. The
 * date, revision and everything else are the build's, so the sets' editions
 * agree; the title is the set's own (editionTitle sees one set).
 */
export function setEdition(edition: Edition, set: LoadedConfig, outDir: string): Edition {
  const mine = (d: EditionDocument): boolean => d.loaded.root === set.root;
  return {
    ...edition,
    documents: edition.documents.filter(mine),
    sets: [set],
    all: edition.all.filter(mine),
    listed: edition.listed.filter((l) => mine(l.doc)),
    outDir,
    setsIndex: "../index.html",
    ...redlineOfSet(edition.redline, edition.documents.filter(mine), set.root),
  };
}

/** Folder names an edition never gives a set: its own subfolder of linked files. */
const RESERVED_FOLDERS = new Set(["filer"]);

/**
 * The folder of each set's edition in the output folder: the name of the
 * set's own folder (`documents/orebro` → `orebro`), in lower case ASCII
 * (`Sörmland` → `sormland`), with `-2`, `-3` after a name already taken
 * (two sets in folders of the same name).
 */
export function setFolderNames(sets: readonly LoadedConfig[]): Map<LoadedConfig, string> {
  const names = new Map<LoadedConfig, string>();
  const taken = new Set<string>();
  for (const set of sets) {
    const base =
      path
        .basename(set.root)
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "samling";
    let name = base;
    for (let n = 2; taken.has(name) || RESERVED_FOLDERS.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(set, name);
  }
  return names;
}
