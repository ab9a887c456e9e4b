import path from "node:path";
import type { Io } from "../../io.js";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, useColor } from "../../io.js";
import type { BuildFlags } from "./register.js";
import { prepareEdition, PublishRefused, setEdition, setFolderNames, setsWithDocuments, type Edition, type EditionFormat } from "../../../render/edition.js";
import type { DocxOptions } from "../../../render/docx/index.js";
import { setTitle } from "../../../render/shared/edition-labels.js";
import { writeFileAtomic } from "../../../core/write.js";
import { cacheOptions } from "../../../core/cache.js";
import { today } from "../../options.js";
import { pick, plural } from "../../../i18n/text.js";
import { UsageError } from "../../../core/errors.js";
import { stylish } from "../../../reporters/stylish.js";
import { rules } from "../../../rules/index.js";
import { samdokVersion } from "../../../core/version.js";
import { defaultPaths } from "../../../core/pipeline/discover.js";
import { toPosix } from "../../../core/paths.js";
import { DOCX_MANIFEST, EditionFolder, PDF_MANIFEST, publicPath } from "../../../render/shared/edition-folder.js";
import { recordManifest } from "../../../render/shared/commit-files.js";
import { fsReason, shownPath } from "../../../core/fs-errors.js";
import { safeMessage, safeText } from "../../../core/safe-text.js";

/** What `--format` takes: the PDF edition is made from the Word edition (render/pdf/). */
type BuildFormat = EditionFormat | "pdf";

/** In the order they are written: the PDF after the Word edition, whose files it converts. */
const FORMATS: readonly BuildFormat[] = ["html", "docx", "pdf"];

export async function buildCommand(io: Io, paths: string[], flags: BuildFlags): Promise<number> {
  const lang = io.lang;
  const asked = new Set(flags.format ?? ["html"]);
  for (const f of asked) {
    if (!isFormat(f))
      throw new UsageError(
        pick({ sv: `Okänt format "${f}". Välj html, docx, pdf eller flera, till exempel html,docx,pdf.`, en: `Unknown format "${f}". Choose html, docx, pdf or several, for example html,docx,pdf.` }, lang),
      );
  }
  const formats = FORMATS.filter((f) => asked.has(f));
  // LibreOffice makes the PDF: without it, say so before anything is validated or written.
  let soffice: string | undefined;
  if (formats.includes("pdf")) {
    const { findSoffice, sofficeMissing } = await import("../../../render/pdf/soffice.js");
    soffice = findSoffice(programEnv(io));
    if (soffice === undefined) throw new UsageError(sofficeMissing(programEnv(io), lang));
  }
  if (flags.asOf !== undefined && flags.status?.length) {
    throw new UsageError(
      pick(
        {
          sv: "--as-of och --status går inte att kombinera: --as-of publicerar den version som gällde datumet, --status arbetskopiorna med en viss status. Välj en av dem.",
          en: "--as-of and --status cannot be combined: --as-of publishes the version in force on the date, --status the working copies with a status. Choose one.",
        },
        lang,
      ),
    );
  }
  const outDir = path.resolve(io.cwd, flags.out);
  const sources = paths.length > 0 ? paths : defaultPaths(io.cwd, lang, "build", (line) => io.stderr.write(`${safeMessage(line)}\n`));
  // The whole edition is written into a new folder beside outDir and swapped in at the end
  // (edition-folder.ts). Opening it fails fast, before validation, on a folder that cannot be written.
  const folder = EditionFolder.open(outDir, { cwd: io.cwd, sources: sources.map((p) => path.resolve(io.cwd, p)), lang });
  try {
    return await buildInto(io, folder, sources, formats, flags, soffice);
  } finally {
    folder.discard();
  }
}

function isFormat(format: string): format is BuildFormat {
  return (FORMATS as readonly string[]).includes(format);
}

/** The environment a program samdok starts runs in: the CLI's, with the process's PATH when the CLI's has none (tests). */
function programEnv(io: Io): Readonly<Record<string, string | undefined>> {
  return { PATH: process.env.PATH, ...io.env };
}

/** The editions that read the parsed bodies: the PDF reads them through the Word edition it is made from. */
function treeReaders(formats: readonly BuildFormat[]): EditionFormat[] {
  return [...new Set(formats.map((f) => (f === "pdf" ? "docx" : f)))];
}

/**
 * Writes one edition (the build's, or one set's) into edition.outDir in
 * every format asked for, each with its manifest there, so the stale-file
 * cleanup works per folder.
 */
async function writeEdition(io: Io, edition: Edition, formats: readonly BuildFormat[], flags: BuildFlags, soffice: string | undefined): Promise<string[]> {
  const written: string[] = [];
  const docxOptions: DocxOptions = {
    perDocument: flags.perDocument === true,
    tocField: flags.tocField === true,
    pageNumbers: flags.pageNumbers === true,
    ...(flags.template ? { template: path.resolve(io.cwd, flags.template) } : {}),
  };
  const relative = (files: readonly string[]): string[] => files.map((f) => toPosix(path.relative(edition.outDir, f)));
  for (const format of formats) {
    if (format === "html") {
      const { buildHtml } = await import("../../../render/html/index.js");
      written.push(...(await buildHtml(edition)));
    } else if (format === "docx") {
      const { buildDocx } = await import("../../../render/docx/index.js");
      const docxFiles = await buildDocx(edition, docxOptions);
      // Like the HTML edition's manifest: per-document files of documents no longer in the edition go.
      recordManifest(edition.outDir, DOCX_MANIFEST, relative(docxFiles));
      written.push(...docxFiles);
    } else {
      const { buildPdf } = await import("../../../render/pdf/index.js");
      if (soffice === undefined) throw new Error("no LibreOffice for the PDF edition");
      const files = await buildPdf(edition, { docx: docxOptions, soffice, env: programEnv(io) });
      recordManifest(edition.outDir, PDF_MANIFEST, relative(files));
      written.push(...files);
    }
  }
  return written;
}

/** One set's edition of a build of several, its folder in the output folder, and the files written for it. */
interface SetPart {
  folder: string;
  edition: Edition;
  written: string[];
}

/**
 * A build that covers several sets writes an edition per set, each in its
 * own folder (`dist/orebro/`), unless `--sammanslagen` asks for one edition
 * of them all. Undefined: one edition in the output folder itself, as a
 * build of one set always was.
 */
function setParts(edition: Edition, flags: BuildFlags, stage: string): SetPart[] | undefined {
  if (flags.sammanslagen === true || flags.merged === true) return undefined;
  const sets = setsWithDocuments(edition);
  if (sets.length < 2) return undefined;
  const names = setFolderNames(sets);
  return sets.map((set) => {
    const folder = names.get(set) ?? "";
    return { folder, edition: setEdition(edition, set, path.join(stage, folder)), written: [] };
  });
}

/** The index of the sets (`index.html` beside their folders, when the HTML edition is written) and the sets' manifest. */
async function writeSetIndex(edition: Edition, parts: readonly SetPart[], formats: readonly BuildFormat[], folder: EditionFolder): Promise<string[]> {
  const files: string[] = [];
  if (formats.includes("html")) {
    const { setIndexPage } = await import("../../../render/html/index.js");
    const target = path.join(folder.stage, "index.html");
    writeFileAtomic(target, setIndexPage(edition, parts.map((p) => ({ folder: p.folder, edition: p.edition, formats }))));
    files.push(target);
  }
  folder.recordSets(
    parts.map((p) => p.folder),
    files.map((f) => path.basename(f)),
  );
  return files;
}

/** Where each set's edition is, one line a set, and the index of the sets. */
function setLines(io: Io, parts: readonly SetPart[], outDir: string, formats: readonly BuildFormat[]): string {
  const out = toPosix(path.relative(io.cwd, outDir)) || ".";
  const lines = parts.map((p) => {
    const config = p.edition.sets[0]?.config;
    // One line a set: a line break in the set's name is shown, not obeyed (safeText).
    const name = safeText(config ? setTitle(config) : p.folder);
    const n = p.edition.documents.length;
    return pick(
      {
        sv: `  ${name}: ${n} dokument, ${plural(p.written.length, "fil", "filer", "sv")} i ${out}/${p.folder}/\n`,
        en: `  ${name}: ${plural(n, "document", "documents", "en")}, ${plural(p.written.length, "file", "files", "en")} in ${out}/${p.folder}/\n`,
      },
      io.lang,
    );
  });
  if (formats.includes("html")) lines.push(pick({ sv: `  Samlingarna: ${out}/index.html\n`, en: `  The sets: ${out}/index.html\n` }, io.lang));
  return lines.join("");
}

async function buildInto(io: Io, folder: EditionFolder, sources: string[], formats: BuildFormat[], flags: BuildFlags, soffice: string | undefined): Promise<number> {
  const lang = io.lang;
  const outDir = path.resolve(io.cwd, flags.out);
  let edition: Edition;
  try {
    edition = await prepareEdition({
      paths: sources,
      cwd: io.cwd,
      lang,
      today: today(io),
      outDir: folder.stage,
      filters: { ...(flags.status ? { status: flags.status } : {}), ...(flags.type ? { type: flags.type } : {}), ...(flags.spar ? { spar: flags.spar } : {}) },
      now: io.now,
      env: io.env,
      stderr: io.stderr,
      jobs: flags.jobs ?? "auto",
      // Both editions render the trees validation parses (the same tree, neither changes it),
      // instead of parsing each document again: a build parses each body once.
      keepBodies: treeReaders(formats),
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...(flags.redline !== undefined ? { redline: flags.redline } : {}),
      // The validation that guards publishing shares validate's cache: after `samdok validate`
      // (as in `npm start`) the documents are not parsed for it again. Not in CI unless asked for.
      ...cacheOptions({ cwd: io.cwd, env: io.env, lang, cache: flags.cache, location: flags.cacheLocation, note: (line) => io.stderr.write(`${line}\n`) }),
      ...(io.readFile ? { readFile: io.readFile } : {}),
    });
  } catch (error) {
    if (error instanceof PublishRefused) {
      const failing = error.run.results.filter((r) => r.diagnostics.some((d) => d.severity === "error"));
      io.stderr.write(stylish({ results: failing, summary: error.run.summary, lang, rules, color: useColor(io.stderr, io.env), version: samdokVersion() }));
      io.stderr.write(`samdok: ${safeMessage(error.message)}\n`);
      return EXIT_FINDINGS;
    }
    throw error;
  }
  // An edition that only lists (nothing applies yet, all drafts) is still written: its register says what is under way.
  if (edition.documents.length === 0 && edition.listed.length === 0) {
    io.stderr.write(`samdok: ${pick({ sv: "Inga dokument matchar urvalet; ingen utgåva skrevs.", en: "No documents match the selection; no edition was written." }, lang)}\n`);
    return EXIT_FAILURE;
  }
  folder.carryOver();
  const parts = setParts(edition, flags, folder.stage);
  folder.arrangeSets(parts?.map((p) => p.folder));
  const written: string[] = [];
  try {
    if (parts === undefined) {
      written.push(...(await writeEdition(io, edition, formats, flags, soffice)));
    } else {
      for (const part of parts) {
        part.written = await writeEdition(io, part.edition, formats, flags, soffice);
        written.push(...part.written);
      }
      written.push(...(await writeSetIndex(edition, parts, formats, folder)));
    }
  } catch (error) {
    // A full disk, a quota: said plainly, and the previous edition was never touched.
    const reason = fsReason(error, lang);
    if (reason === undefined) throw error;
    const where = (error as NodeJS.ErrnoException).path;
    const detail = typeof where === "string" ? ` (${shownPath(publicPath(where), io.cwd)})` : "";
    throw new UsageError(
      pick(
        {
          sv: `Kunde inte skriva utgåvan i ${shownPath(outDir, io.cwd)}: ${reason}${detail}. Den tidigare utgåvan är orörd.`,
          en: `Could not write the edition in ${shownPath(outDir, io.cwd)}: ${reason}${detail}. The previous edition is untouched.`,
        },
        lang,
      ),
      { cause: error },
    );
  }
  folder.commit();
  const shown = written.map((f) => toPosix(path.relative(io.cwd, f)));
  const listed = edition.listed.length;
  const listedNote =
    listed > 0
      ? {
          sv: `; ${listed} dokument som inte gäller listas i registret`,
          en: `; ${plural(listed, "document not in force is", "documents not in force are", "en")} listed in the register`,
        }
      : { sv: "", en: "" };
  if (edition.redline) {
    const { redlineNote } = await import("../../../redline/summary.js");
    const note = redlineNote(edition.redline);
    listedNote.sv += note.sv;
    listedNote.en += note.en;
  }
  io.stdout.write(
    safeMessage(pick(
      {
        sv: `${edition.asOf ? "Utgåva gällande den" : "Utgåva"} ${edition.date}${edition.revision ? ` (källa ${edition.revision})` : ""}: ${edition.documents.length} dokument, ${plural(shown.length, "fil", "filer", "sv")} i ${toPosix(path.relative(io.cwd, outDir)) || "."}/${listedNote.sv}\n`,
        en: `${edition.asOf ? "Edition as of" : "Edition"} ${edition.date}${edition.revision ? ` (source ${edition.revision})` : ""}: ${plural(edition.documents.length, "document", "documents", "en")}, ${plural(shown.length, "file", "files", "en")} in ${toPosix(path.relative(io.cwd, outDir)) || "."}/${listedNote.en}\n`,
      },
      lang,
    )),
  );
  if (parts) io.stdout.write(safeMessage(setLines(io, parts, outDir, formats)));
  return EXIT_OK;
}
