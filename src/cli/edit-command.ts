/**
 * `samdok revise`, `samdok followup` and `samdok new`: the commands that
 * change or create documents. Each one validates the new text before it is
 * written (atomically) and shows what validation says about it.
 *
 * An edit (revise, followup) is written only when it adds no error to the
 * document (errors it already had do not stop it), and only when the file is
 * still exactly as it was read: a colleague's save in the meantime is kept
 * and the command asks to be run again (src/core/write-checked.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Io } from "./io.js";
import { EXIT_FINDINGS, EXIT_OK, useColor } from "./io.js";
import { today } from "./options.js";
import { pick } from "../i18n/text.js";
import { UsageError } from "../core/errors.js";
import { writeFileAtomic } from "../core/write.js";
import { toPosix } from "../core/paths.js";
import { closest } from "../core/suggest.js";
import { CONFIG_FILE, DOCUMENT_TYPES, findConfigPath, loadConfig, partyCodes } from "../core/config.js";
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
import { planFollowup, planRevision } from "../due/revise.js";
import { fold, freshId, renderTemplate } from "../due/template.js";
import { safeMessage } from "../core/safe-text.js";
import { readDocumentFile } from "../core/read-regular.js";

export interface ReviseFlags {
  summary: string;
  major?: boolean;
  date?: string;
  in?: string;
}

export interface FollowupFlags {
  result: string;
  date?: string;
  index?: number;
  in?: string;
}

export interface NewFlags {
  type: string;
  title: string;
  spar?: string;
  out?: string;
  id?: string;
  ansvarig?: string;
  parter?: string[];
}

/** Where to look for a document named by id: --in, else documents/, else the working folder. */
function searchPaths(io: Io, flagIn: string | undefined): string[] {
  if (flagIn !== undefined) return [flagIn];
  return existsSync(path.join(io.cwd, "documents")) ? ["documents"] : ["."];
}

/** Finds the document an argument names: a file path or a document id. */
export async function resolveDocument(io: Io, arg: string, flagIn: string | undefined): Promise<LoadedDoc> {
  const lang = io.lang;
  const asFile = path.resolve(io.cwd, arg);
  const isFile = /\.md$/i.test(arg) && existsSync(asFile) && statSync(asFile).isFile();
  const loaded = await loadDocuments({
    paths: isFile ? [arg] : searchPaths(io, flagIn),
    cwd: io.cwd,
    lang,
    today: today(io),
    ...(io.readFile ? { readFile: io.readFile } : {}),
  });
  const broken = (r: DocumentResult): UsageError =>
    new UsageError(
      pick(
        { sv: `${r.file} kan inte läsas eller har fel i YAML-huvudet. Rätta felen först (samdok validate ${r.file}).`, en: `${r.file} cannot be read or its front matter has errors. Fix them first (samdok validate ${r.file}).` },
        lang,
      ),
    );
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
        { sv: `Flera dokument har id ${arg}: ${matches.map((m) => m.result.file).join(", ")}. Ange filen i stället.`, en: `Several documents have the id ${arg}: ${matches.map((m) => m.result.file).join(", ")}. Name the file instead.` },
        lang,
      ),
    );
  }
  const bad = loaded.skipped.find((r) => r.data?.id === arg);
  if (bad) throw broken(bad);
  const guess = closest(arg, loaded.docs.map((d) => d.doc.id));
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
async function validateAndWrite(io: Io, absPath: string, text: string, before: DocumentResult | undefined, done: string): Promise<number> {
  const lang = io.lang;
  const bytes = new TextEncoder().encode(text);
  // A new file must exist before the set can be discovered with it.
  const isNew = !existsSync(absPath);
  if (isNew) writeFileAtomic(absPath, bytes);
  const readFile = (p: string): Uint8Array => (path.resolve(p) === absPath ? bytes : (io.readFile ?? ((q: string) => readDocumentFile(q)))(p));
  const run = await runValidation({ paths: [absPath], cwd: io.cwd, lang, today: today(io), readFile });
  const result = run.results[0];
  const hadParseErrors = before?.diagnostics.some((d) => d.severity === "error" && PARSE_RULES.has(d.ruleId)) ?? false;
  const broke = !hadParseErrors && (result?.diagnostics.some((d) => d.severity === "error" && PARSE_RULES.has(d.ruleId)) ?? true);
  const show = (): void => {
    if (result && result.diagnostics.length > 0) {
      io.stdout.write(stylish({ results: [result], summary: run.summary, lang, rules, color: useColor(io.stdout, io.env), version: samdokVersion() }));
    }
  };
  if (broke && !isNew) {
    show();
    io.stderr.write(`samdok: ${pick({ sv: "Ändringen skulle göra YAML-huvudet ogiltigt och skrevs inte. Filen är orörd.", en: "The change would make the front matter invalid and was not written. The file is untouched." }, lang)}\n`);
    return EXIT_FINDINGS;
  }
  if (!isNew) writeFileAtomic(absPath, bytes);
  io.stdout.write(`${safeMessage(done)}\n`);
  show();
  return run.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** A document as read for an edit: its bytes, what the file was, and what validation says about it. */
interface Original {
  text: string;
  snapshot: FileSnapshot;
  /** The per-document validation of these bytes (the set-wide rules are not run). */
  result: DocumentResult;
  doc: SamDoc;
}

function changedWhileWorking(io: Io, file: string): UsageError {
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
  return analyzeDocument({ file: entry.result.file, rootPath: entry.result.rootPath, absPath: entry.absPath, bytes, loaded: entry.loaded, lang: io.lang, today: today(io), rules: documentRules() });
}

/**
 * Reads the document to edit once, remembering what the file was; the edit
 * is planned from these bytes only, and they are what must still be on disk
 * when the new text replaces them.
 */
function readOriginal(io: Io, entry: LoadedDoc): Original {
  let read: ReturnType<typeof readWithSnapshot>;
  try {
    read = readWithSnapshot(entry.absPath, io.readFile);
  } catch {
    throw changedWhileWorking(io, entry.result.file);
  }
  const result = analyzeOne(io, entry, read.bytes);
  // It was usable when the set was loaded a moment ago.
  if (!isUsable(result)) throw changedWhileWorking(io, entry.result.file);
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
async function validateAndReplace(io: Io, entry: LoadedDoc, original: Original, text: string, done: string, hints: readonly string[] = []): Promise<number> {
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
  const readFile = (p: string): Uint8Array => (path.resolve(p) === absPath ? bytes : (io.readFile ?? ((q: string) => readDocumentFile(q)))(p));
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
    io.stdout.write(stylish({ results: [result], summary: run.summary, lang, rules, color: useColor(io.stdout, io.env), version: samdokVersion() }));
  }
  return run.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export async function reviseCommand(io: Io, target: string, flags: ReviseFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const date = flags.date ?? today(io);
  const original = readOriginal(io, entry);
  const plan = planRevision(original.text, original.doc, entry.loaded.config, { summary: flags.summary, major: flags.major === true, date, lang });
  const notes: string[] = [];
  if (plan.clampedTo) {
    notes.push(
      pick(
        {
          sv: `Revideras senast sattes till ${plan.clampedTo}, dagen då dokumentet slutar gälla (giltig_till). Förläng giltig_till om det ska gälla längre.`,
          en: `Revise-by was set to ${plan.clampedTo}, the day the document stops being valid (giltig_till). Extend giltig_till if it is to apply longer.`,
        },
        lang,
      ),
    );
  }
  if (plan.expired) {
    notes.push(pick({ sv: `Obs! Giltigheten (giltig_till ${plan.expired}) har redan gått ut. Ange ett nytt giltig_till.`, en: `Note: validity (giltig_till ${plan.expired}) has already ended. Set a new giltig_till.` }, lang));
  }
  if (original.doc.status === "fastställd") {
    notes.push(pick({ sv: "När den nya versionen fastställs: uppdatera faststalld_datum och beslutsparagraf.", en: "When the new version is adopted: update faststalld_datum and beslutsparagraf." }, lang));
  }
  const reviseBy = plan.reviseBy
    ? pick({ sv: `, revideras senast ${plan.reviseBy}`, en: `, revise by ${plan.reviseBy}` }, lang)
    : pick({ sv: " (revideras_senast ändras inte förrän dokumentet är fastställt)", en: " (revideras_senast is not changed until the document is adopted)" }, lang);
  const done = pick(
    {
      sv: `${entry.result.file}: version ${plan.from} → ${plan.to}, ändringshistoriken har fått en rad (${plan.date})${reviseBy}.`,
      en: `${entry.result.file}: version ${plan.from} → ${plan.to}, one line added to the change history (${plan.date})${reviseBy}.`,
    },
    lang,
  );
  return validateAndReplace(io, entry, original, plan.text, done, notes);
}

export async function followupCommand(io: Io, target: string, flags: FollowupFlags): Promise<number> {
  const lang = io.lang;
  const entry = await resolveDocument(io, target, flags.in);
  const now = today(io);
  const original = readOriginal(io, entry);
  const plan = planFollowup(original.text, original.doc, {
    date: flags.date ?? now,
    result: flags.result,
    today: now,
    lang,
    ...(flags.index !== undefined ? { index: flags.index } : {}),
  });
  const done = pick(
    {
      sv: `${entry.result.file}: uppföljning ${plan.index} (planerad ${plan.planned}) är genomförd ${flags.date ?? now}: ${plan.description}`,
      en: `${entry.result.file}: follow-up ${plan.index} (planned ${plan.planned}) done on ${flags.date ?? now}: ${plan.description}`,
    },
    lang,
  );
  return validateAndReplace(io, entry, original, plan.text, done);
}

/** Sets under documents/ (for the hint when --out is missing). */
function knownSets(io: Io): string[] {
  const docs = path.join(io.cwd, "documents");
  try {
    return readdirSync(docs)
      .filter((d) => existsSync(path.join(docs, d, CONFIG_FILE)))
      .sort()
      .map((d) => `documents/${d}`);
  } catch {
    return [];
  }
}

export async function newCommand(io: Io, flags: NewFlags): Promise<number> {
  const lang = io.lang;
  const type = DOCUMENT_TYPES.find((t) => fold(t) === fold(flags.type.trim()));
  if (!type) {
    const guess = closest(flags.type, DOCUMENT_TYPES);
    throw new UsageError(
      pick(
        {
          sv: `Dokumenttypen "${flags.type}" finns inte.${guess ? ` Menade du ${guess}?` : ""} Välj en av: ${DOCUMENT_TYPES.join(", ")}.`,
          en: `The document type "${flags.type}" does not exist.${guess ? ` Did you mean ${guess}?` : ""} Choose one of: ${DOCUMENT_TYPES.join(", ")}.`,
        },
        lang,
      ),
    );
  }
  const title = flags.title.trim().replace(/\s+/g, " ");
  if (title.length < 5 || title.length > 200) {
    throw new UsageError(pick({ sv: "--title ska vara dokumentets hela titel (5–200 tecken).", en: "--title must be the document's full title (5–200 characters)." }, lang));
  }
  const outDir = path.resolve(io.cwd, flags.out ?? ".");
  const configPath = findConfigPath(outDir);
  if (!configPath) {
    const sets = knownSets(io);
    throw new UsageError(
      pick(
        {
          sv: `Hittade ingen samdok.config.json för ${toPosix(path.relative(io.cwd, outDir)) || "."}. Ange mappen för samlingen med --out${sets.length > 0 ? `, till exempel --out ${sets[0]}` : ""}.`,
          en: `No samdok.config.json found for ${toPosix(path.relative(io.cwd, outDir)) || "."}. Name the set's folder with --out${sets.length > 0 ? `, for example --out ${sets[0]}` : ""}.`,
        },
        lang,
      ),
    );
  }
  const config = loadConfig(configPath, io.cwd, lang).config;
  const pickId = (flag: string, value: string, entries: { id: string; namn: string }[]): string => {
    const hit = entries.find((e) => fold(e.id) === fold(value) || fold(e.namn) === fold(value));
    if (hit) return hit.id;
    const guess = closest(value, entries.map((e) => e.id));
    throw new UsageError(
      pick(
        {
          sv: `${flag} "${value}" finns inte i ${CONFIG_FILE}.${guess ? ` Menade du ${guess}?` : ""} Möjliga värden: ${entries.map((e) => e.id).join(", ")}.`,
          en: `${flag} "${value}" is not in ${CONFIG_FILE}.${guess ? ` Did you mean ${guess}?` : ""} Possible values: ${entries.map((e) => e.id).join(", ")}.`,
        },
        lang,
      ),
    );
  };
  const spar = flags.spar !== undefined ? pickId("--spar", flags.spar, config.spar) : config.spar[0]?.id;
  if (!spar) throw new UsageError(pick({ sv: "Konfigurationen har inga spår (spar).", en: "The configuration has no tracks (spar)." }, lang));
  const owner = flags.ansvarig !== undefined ? pickId("--ansvarig", flags.ansvarig, config.roller) : undefined;
  const codes = partyCodes(config);
  const parter = flags.parter?.length ? flags.parter : codes;
  for (const p of parter) {
    if (!codes.includes(p)) {
      const guess = closest(p, codes);
      throw new UsageError(
        pick(
          { sv: `--parter "${p}" är ingen part i ${CONFIG_FILE}.${guess ? ` Menade du ${guess}?` : ""} Parter: ${codes.join(", ")}.`, en: `--parter "${p}" is not a party in ${CONFIG_FILE}.${guess ? ` Did you mean ${guess}?` : ""} Parties: ${codes.join(", ")}.` },
          lang,
        ),
      );
    }
  }
  if (type === "överenskommelse" && parter.length < 2) {
    throw new UsageError(pick({ sv: "En överenskommelse behöver minst två parter: regionen och minst en kommun.", en: "An agreement needs at least two parties: the region and at least one municipality." }, lang));
  }
  const root = path.dirname(configPath);
  const existing = await loadDocuments({ paths: [root], cwd: io.cwd, lang, today: today(io) });
  const taken = new Set<string>();
  for (const set of existing.sets) for (const r of set.documents) if (typeof r.data?.id === "string") taken.add(r.data.id);
  for (const r of existing.sets.flatMap((s) => s.documents)) taken.add(path.basename(r.rootPath, ".md"));
  let id: string;
  if (flags.id !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(flags.id)) {
      throw new UsageError(pick({ sv: "--id får bara innehålla a–z, 0–9 och bindestreck (3–64 tecken).", en: "--id may only contain a–z, 0–9 and hyphens (3–64 characters)." }, lang));
    }
    if (taken.has(flags.id)) throw new UsageError(pick({ sv: `Id ${flags.id} används redan i samlingen.`, en: `The id ${flags.id} is already used in the set.` }, lang));
    id = flags.id;
  } else {
    id = freshId(type, title, taken);
  }
  const target = path.join(outDir, `${id}.md`);
  if (existsSync(target)) throw new UsageError(pick({ sv: `${toPosix(path.relative(io.cwd, target))} finns redan.`, en: `${toPosix(path.relative(io.cwd, target))} already exists.` }, lang));
  const text = renderTemplate(config, { id, type, title, spar, parter, today: today(io), ...(owner !== undefined ? { owner } : {}) });
  const shown = toPosix(path.relative(io.cwd, target));
  const done = pick(
    {
      sv: `Skapade ${shown} (${type}, utkast, version 0.1, spår ${spar}). Skriv texten under rubrikerna och kör samdok validate.`,
      en: `Created ${shown} (${type}, draft, version 0.1, track ${spar}). Write the text under the headings and run samdok validate.`,
    },
    lang,
  );
  return validateAndWrite(io, target, text, undefined, done);
}
