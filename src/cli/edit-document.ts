/**
 * What the commands that change or create documents (revise, followup, new:
 * src/cli/commands/<verb>/run.ts) share. Each one validates the new text
 * before it is written (atomically) and shows what validation says about it.
 *
 * An edit (revise, followup, the lifecycle steps) is written only when it adds no error to the
 * document (errors it already had do not stop it), and only when the file is
 * still exactly as it was read: a colleague's save in the meantime is kept
 * and the command asks to be run again (src/core/write-checked.ts).
 */
import { chmodSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Io } from "./io.js";
import { EXIT_FINDINGS, EXIT_OK, useColor } from "./io.js";
import { today } from "./options.js";
import { pick } from "../i18n/text.js";
import { UsageError } from "../core/errors.js";
import { writeFileAtomic } from "../core/write.js";
import { closest } from "../core/suggest.js";
import { runValidation } from "../core/pipeline/index.js";
import { analyzeDocument } from "../core/analyze.js";
import type { Diagnostic, DocumentResult } from "../core/types.js";
import type { SamDoc } from "../core/document.js";
import { FileChangedError, readWithSnapshot, writeFileChecked, type FileSnapshot } from "../core/write-checked.js";
import { stylish } from "../reporters/stylish.js";
import { documentRules, rules } from "../rules/index.js";
import { samdokVersion } from "../core/version.js";
import { loadDocuments } from "../core/store.js";
import { isUsable, PARSE_RULES, type LoadedDocument as LoadedDoc } from "../core/loaded-document.js";
import { safeMessage } from "../core/safe-text.js";
import { readDocumentFile } from "../core/read-regular.js";

/** Where to look for a document named by id: --in, else documents/, else the working folder. */
export function searchPaths(io: Io, flagIn: string | undefined): string[] {
  if (flagIn !== undefined) return [flagIn];
  return existsSync(path.join(io.cwd, "documents")) ? ["documents"] : ["."];
}

/** A document that cannot be edited until validation's errors in it are fixed. */
function brokenDocument(file: string, lang: Io["lang"]): UsageError {
  return new UsageError(
    pick(
      {
        sv: `${file} kan inte läsas eller har fel i YAML-huvudet. Rätta felen först (samdok validate ${file}).`,
        en: `${file} cannot be read or its front matter has errors. Fix them first (samdok validate ${file}).`,
      },
      lang,
    ),
  );
}

/** Finds the document an argument names: a file path or a document id. */
export async function resolveDocument(
  io: Io,
  arg: string,
  flagIn: string | undefined,
  options: { byFileName?: boolean } = {},
): Promise<LoadedDoc> {
  const lang = io.lang;
  const asFile = path.resolve(io.cwd, arg);
  const isFile = /\.md$/i.test(arg) && existsSync(asFile) && statSync(asFile).isFile();
  const load = (onlyFiles?: (abs: string) => boolean): ReturnType<typeof loadDocuments> =>
    loadDocuments({
      paths: isFile ? [arg] : searchPaths(io, flagIn),
      cwd: io.cwd,
      lang,
      today: today(io),
      ...(io.readFile ? { readFile: io.readFile } : {}),
      ...(onlyFiles ? { onlyFiles } : {}),
    });
  // The document alone when that is enough: the file named, or (for a command that only reads,
  // `byFileName`) the file named after the id, as SD008 asks; else every document is loaded, to
  // find the id, to refuse an id that two documents share, and to suggest one.
  if (isFile) {
    const alone = await load((abs) => abs === asFile);
    if (alone.docs.some((d) => d.absPath === asFile)) return alone.docs.find((d) => d.absPath === asFile) as LoadedDoc;
  } else if (options.byFileName === true && /^[a-z0-9][a-z0-9-]{2,63}$/.test(arg)) {
    const named = await load((abs) => path.basename(abs) === `${arg}.md`);
    const hits = named.docs.filter((d) => d.doc.id === arg);
    if (hits.length === 1 && named.skipped.length === 0) return hits[0] as LoadedDoc;
  }
  const loaded = await load();
  const broken = (r: DocumentResult): UsageError => brokenDocument(r.file, lang);
  if (isFile) {
    const hit = loaded.docs.find((d) => d.absPath === asFile);
    if (hit) return hit;
    const bad = loaded.skipped.find((r) => path.resolve(io.cwd, r.file) === asFile);
    if (bad) throw broken(bad);
  }
  const matches = loaded.docs.filter((d) => d.doc.id === arg);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(
      pick(
        {
          sv: `Flera dokument har id ${arg}: ${matches.map((m) => m.result.file).join(", ")}. Ange filen i stället.`,
          en: `Several documents have the id ${arg}: ${matches.map((m) => m.result.file).join(", ")}. Name the file instead.`,
        },
        lang,
      ),
    );
  }
  const bad = loaded.skipped.find((r) => r.data?.id === arg);
  if (bad) throw broken(bad);
  const guess = closest(
    arg,
    loaded.docs.map((d) => d.doc.id),
  );
  throw new UsageError(
    pick(
      {
        sv: `Hittade inget dokument med id eller fil "${arg}".${guess ? ` Menade du ${guess}?` : ""} Sökte i ${searchPaths(io, flagIn).join(", ")}; ange en annan mapp med --in.`,
        en: `No document with the id or file "${arg}".${guess ? ` Did you mean ${guess}?` : ""} Searched ${searchPaths(io, flagIn).join(", ")}; name another folder with --in.`,
      },
      lang,
    ),
  );
}

/**
 * Validates `text` as the content of `absPath` (the rest of the set as on
 * disk), writes it atomically unless that broke the front matter, and shows
 * the findings. Returns the exit code.
 */
export async function validateAndWrite(
  io: Io,
  absPath: string,
  text: string,
  before: DocumentResult | undefined,
  done: string,
): Promise<number> {
  const lang = io.lang;
  const bytes = new TextEncoder().encode(text);
  // A new file must exist before the set can be discovered with it.
  const isNew = !existsSync(absPath);
  if (isNew) writeFileAtomic(absPath, bytes);
  const readFile = (p: string): Uint8Array =>
    path.resolve(p) === absPath ? bytes : (io.readFile ?? ((q: string) => readDocumentFile(q)))(p);
  const run = await runValidation({ paths: [absPath], cwd: io.cwd, lang, today: today(io), readFile });
  const result = run.results[0];
  const hadParseErrors = before?.diagnostics.some((d) => d.severity === "error" && PARSE_RULES.has(d.ruleId)) ?? false;
  const broke = !hadParseErrors && (result?.diagnostics.some((d) => d.severity === "error" && PARSE_RULES.has(d.ruleId)) ?? true);
  const show = (): void => {
    if (result && result.diagnostics.length > 0) {
      io.stdout.write(
        stylish({ results: [result], summary: run.summary, lang, rules, color: useColor(io.stdout, io.env), version: samdokVersion() }),
      );
    }
  };
  if (broke && !isNew) {
    show();
    io.stderr.write(
      `samdok: ${pick({ sv: "Ändringen skulle göra YAML-huvudet ogiltigt och skrevs inte. Filen är orörd.", en: "The change would make the front matter invalid and was not written. The file is untouched." }, lang)}\n`,
    );
    return EXIT_FINDINGS;
  }
  if (!isNew) writeFileAtomic(absPath, bytes);
  io.stdout.write(`${safeMessage(done)}\n`);
  show();
  return run.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** A document as read for an edit: its bytes, what the file was, and what validation says about it. */
export interface Original {
  text: string;
  snapshot: FileSnapshot;
  /** The per-document validation of these bytes (the set-wide rules are not run). */
  result: DocumentResult;
  doc: SamDoc;
}

export function changedWhileWorking(io: Io, file: string): UsageError {
  return new UsageError(
    pick(
      {
        sv: `Filen ändrades medan samdok arbetade: ${file} sparades av någon annan under tiden. Ingenting skrevs; filen är som den sparades. Kör kommandot igen.`,
        en: `The file changed while samdok was working: ${file} was saved by someone else in the meantime. Nothing was written; the file is as it was saved. Run the command again.`,
      },
      io.lang,
    ),
  );
}

/** One document through the per-document rules, as `validate` runs them. */
function analyzeOne(io: Io, entry: LoadedDoc, bytes: Uint8Array): DocumentResult {
  return analyzeDocument({
    file: entry.result.file,
    rootPath: entry.result.rootPath,
    absPath: entry.absPath,
    bytes,
    loaded: entry.loaded,
    lang: io.lang,
    today: today(io),
    rules: documentRules(),
  });
}

/**
 * Reads the document to edit once, remembering what the file was; the edit
 * is planned from these bytes only, and they are what must still be on disk
 * when the new text replaces them.
 */
export function readOriginal(io: Io, entry: LoadedDoc): Original {
  let read: ReturnType<typeof readWithSnapshot>;
  try {
    read = readWithSnapshot(entry.absPath, io.readFile);
  } catch {
    throw changedWhileWorking(io, entry.result.file);
  }
  const result = analyzeOne(io, entry, read.bytes);
  // Loading read the front matter only: a body that cannot be parsed (over the
  // limits of limits.ts) shows first here, as it did when loading ran every rule.
  if (!isUsable(result)) throw brokenDocument(entry.result.file, io.lang);
  // Keep a byte-order mark: the editor writes it back as it was.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(read.bytes);
  return { text, snapshot: read.snapshot, result, doc: result.data as unknown as SamDoc };
}

/**
 * The errors `after` has that `before` did not: for each rule with more
 * errors than before, those whose message was not there before.
 */
export function addedErrors(before: DocumentResult, after: DocumentResult): Diagnostic[] {
  const errors = (r: DocumentResult): Diagnostic[] => r.diagnostics.filter((d) => d.severity === "error");
  const count = (list: Diagnostic[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const d of list) m.set(d.ruleId, (m.get(d.ruleId) ?? 0) + 1);
    return m;
  };
  const had = errors(before);
  const has = errors(after);
  const countBefore = count(had);
  const countAfter = count(has);
  const known = new Map<string, number>();
  for (const d of had) known.set(`${d.ruleId}\0${d.message}`, (known.get(`${d.ruleId}\0${d.message}`) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const d of has) {
    if ((countAfter.get(d.ruleId) ?? 0) <= (countBefore.get(d.ruleId) ?? 0)) continue;
    const key = `${d.ruleId}\0${d.message}`;
    const left = known.get(key) ?? 0;
    if (left > 0) known.set(key, left - 1);
    else added.push(d);
  }
  return added;
}

/**
 * Writes an edit of an existing document: refused (exit 2, nothing written)
 * when it adds an error to the document or when the file changed since it
 * was read; otherwise validated with its set, written, and the findings shown.
 */
export async function validateAndReplace(
  io: Io,
  entry: LoadedDoc,
  original: Original,
  text: string,
  done: string,
  hints: readonly string[] = [],
): Promise<number> {
  const lang = io.lang;
  const absPath = entry.absPath;
  const bytes = new TextEncoder().encode(text);
  const added = addedErrors(original.result, analyzeOne(io, entry, bytes));
  if (added.length > 0) {
    const list = added.map((d) => `  ${d.line}:${d.column}  ${d.message}  ${d.ruleId}/${d.ruleName}`).join("\n");
    throw new UsageError(
      [
        pick(
          {
            sv: `Ändringen skulle ge ${entry.result.file} ${added.length === 1 ? "ett nytt fel" : `${added.length} nya fel`} och skrevs inte; filen är orörd:`,
            en: `The change would give ${entry.result.file} ${added.length === 1 ? "a new error" : `${added.length} new errors`} and was not written; the file is untouched:`,
          },
          lang,
        ),
        list,
        ...hints,
      ].join("\n"),
    );
  }
  const readFile = (p: string): Uint8Array =>
    path.resolve(p) === absPath ? bytes : (io.readFile ?? ((q: string) => readDocumentFile(q)))(p);
  const run = await runValidation({ paths: [absPath], cwd: io.cwd, lang, today: today(io), readFile });
  const result = run.results[0];
  try {
    writeFileChecked(absPath, bytes, original.snapshot, io.beforeCommit ? { beforeCommit: io.beforeCommit } : {});
  } catch (error) {
    if (error instanceof FileChangedError) throw changedWhileWorking(io, entry.result.file);
    throw error;
  }
  io.stdout.write(`${safeMessage([done, ...hints].join("\n"))}\n`);
  if (result && result.diagnostics.length > 0) {
    io.stdout.write(
      stylish({ results: [result], summary: run.summary, lang, rules, color: useColor(io.stdout, io.env), version: samdokVersion() }),
    );
  }
  return run.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** One document's edit among several written together. */
export interface Replacement {
  entry: LoadedDoc;
  original: Original;
  text: string;
}

/**
 * Writes edits of several documents of one set that belong together (a
 * repeal and the `ersatter` of the replacing document): refused (exit 2,
 * nothing written) when they add an error to any of them, the set-wide rules
 * included, since what one file says is checked against the other; each
 * file is written only when it is still as it was read, in the order given
 * (so a caller puts first the edit that a second run would find done). The
 * set is validated as it stands before and after the edits; the findings of
 * the edited documents are shown.
 */
export async function validateAndReplaceAll(
  io: Io,
  edits: readonly Replacement[],
  done: string,
  hints: readonly string[] = [],
): Promise<number> {
  const lang = io.lang;
  const paths = edits.map((e) => e.entry.absPath);
  const validate = async (bytesOf: (e: Replacement) => Uint8Array): Promise<Awaited<ReturnType<typeof runValidation>>> => {
    const bytes = new Map(edits.map((e) => [e.entry.absPath, bytesOf(e)] as const));
    const readFile = (p: string): Uint8Array => bytes.get(path.resolve(p)) ?? (io.readFile ?? ((q: string) => readDocumentFile(q)))(p);
    return runValidation({ paths, cwd: io.cwd, lang, today: today(io), readFile });
  };
  const encoder = new TextEncoder();
  const before = await validate((e) => encoder.encode(e.original.text));
  const after = await validate((e) => encoder.encode(e.text));
  const byFile = (run: typeof before, file: string): DocumentResult | undefined => run.results.find((r) => r.file === file);
  const added = edits.flatMap((e) => {
    const was = byFile(before, e.entry.result.file) ?? e.original.result;
    const now = byFile(after, e.entry.result.file);
    return now ? addedErrors(was, now).map((d) => ({ file: e.entry.result.file, d })) : [];
  });
  if (added.length > 0) {
    const list = added.map(({ file, d }) => `  ${file}:${d.line}:${d.column}  ${d.message}  ${d.ruleId}/${d.ruleName}`).join("\n");
    throw new UsageError(
      [
        pick(
          {
            sv: `Ändringen skulle ge ${added.length === 1 ? "ett nytt fel" : `${added.length} nya fel`} och skrevs inte; filerna är orörda:`,
            en: `The change would give ${added.length === 1 ? "a new error" : `${added.length} new errors`} and was not written; the files are untouched:`,
          },
          lang,
        ),
        list,
        ...hints,
      ].join("\n"),
    );
  }
  // Each file is replaced atomically; when a later one cannot be written (a file locked by an
  // antivirus or a sync client on Windows), the ones already written get their old bytes back, so
  // that the pair is changed together or not at all.
  const written: (typeof edits)[number][] = [];
  for (const e of edits) {
    try {
      writeFileChecked(
        e.entry.absPath,
        encoder.encode(e.text),
        e.original.snapshot,
        io.beforeCommit ? { beforeCommit: io.beforeCommit } : {},
      );
      written.push(e);
    } catch (error) {
      const notRestored = written.filter((w) => {
        try {
          writeFileAtomic(w.entry.absPath, encoder.encode(w.original.text));
          chmodSync(w.entry.absPath, w.original.snapshot.mode);
          return false;
        } catch {
          return true;
        }
      });
      if (notRestored.length > 0) {
        const files = notRestored.map((w) => w.entry.result.file).join(", ");
        const reason = error instanceof Error ? error.message : String(error);
        throw new UsageError(
          pick(
            {
              sv: `${e.entry.result.file} kunde inte skrivas (${reason}), och ${files} som redan hade skrivits kunde inte återställas. Återställ den med git restore ${files} och kör kommandot igen.`,
              en: `${e.entry.result.file} could not be written (${reason}), and ${files}, already written, could not be restored. Restore it with git restore ${files} and run the command again.`,
            },
            lang,
          ),
        );
      }
      if (error instanceof FileChangedError) throw changedWhileWorking(io, e.entry.result.file);
      if (written.length > 0) {
        const reason = error instanceof Error ? error.message : String(error);
        const files = written.map((w) => w.entry.result.file).join(", ");
        throw new UsageError(
          pick(
            {
              sv: `${e.entry.result.file} kunde inte skrivas (${reason}). Ingenting ändrades: ${files} fick tillbaka sitt förra innehåll. Stäng det som håller filen öppen och kör kommandot igen.`,
              en: `${e.entry.result.file} could not be written (${reason}). Nothing changed: ${files} got its previous content back. Close whatever holds the file open and run the command again.`,
            },
            lang,
          ),
        );
      }
      throw error;
    }
  }
  io.stdout.write(`${safeMessage([done, ...hints].join("\n"))}\n`);
  const shown = after.results.filter((r) => r.diagnostics.length > 0);
  if (shown.length > 0) {
    io.stdout.write(
      stylish({ results: shown, summary: after.summary, lang, rules, color: useColor(io.stdout, io.env), version: samdokVersion() }),
    );
  }
  return after.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
