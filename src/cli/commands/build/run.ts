import path from "node:path";
import type { Io } from "../../io.js";
import { EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK, useColor } from "../../io.js";
import type { BuildFlags } from "./register.js";
import { prepareEdition, PublishRefused, type Edition, type EditionFormat } from "../../../render/edition.js";
import { cacheOptions } from "../../../core/cache.js";
import { today } from "../../options.js";
import { pick, plural } from "../../../i18n/text.js";
import { UsageError } from "../../../core/errors.js";
import { stylish } from "../../../reporters/stylish.js";
import { rules } from "../../../rules/index.js";
import { samdokVersion } from "../../../core/version.js";
import { defaultPaths } from "../../../core/pipeline/discover.js";
import { toPosix } from "../../../core/paths.js";
import { DOCX_MANIFEST, EditionFolder, publicPath } from "../../../render/shared/edition-folder.js";
import { recordManifest } from "../../../render/shared/commit-files.js";
import { fsReason, shownPath } from "../../../core/fs-errors.js";
import { safeMessage } from "../../../core/safe-text.js";

const FORMATS: readonly EditionFormat[] = ["html", "docx"];

export async function buildCommand(io: Io, paths: string[], flags: BuildFlags): Promise<number> {
  const lang = io.lang;
  const formats: EditionFormat[] = [];
  for (const f of new Set(flags.format ?? ["html"])) {
    if (!isFormat(f)) throw new UsageError(pick({ sv: `Okänt format "${f}". Välj html, docx eller html,docx.`, en: `Unknown format "${f}". Choose html, docx or html,docx.` }, lang));
    formats.push(f);
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
    return await buildInto(io, folder, sources, formats, flags);
  } finally {
    folder.discard();
  }
}

function isFormat(format: string): format is EditionFormat {
  return (FORMATS as readonly string[]).includes(format);
}

async function buildInto(io: Io, folder: EditionFolder, sources: string[], formats: EditionFormat[], flags: BuildFlags): Promise<number> {
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
      keepBodies: formats,
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
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
  const written: string[] = [];
  try {
    for (const format of formats) {
      if (format === "html") {
        const { buildHtml } = await import("../../../render/html/index.js");
        written.push(...(await buildHtml(edition)));
      } else {
        const { buildDocx } = await import("../../../render/docx/index.js");
        const opts: { perDocument: boolean; template?: string; tocField: boolean; pageNumbers: boolean } = {
          perDocument: flags.perDocument === true,
          tocField: flags.tocField === true,
          pageNumbers: flags.pageNumbers === true,
        };
        if (flags.template) opts.template = path.resolve(io.cwd, flags.template);
        const files = await buildDocx(edition, opts);
        // Like the HTML edition's manifest: per-document files of documents no longer in the edition go.
        recordManifest(folder.stage, DOCX_MANIFEST, files.map((f) => toPosix(path.relative(folder.stage, f))));
        written.push(...files);
      }
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
  io.stdout.write(
    safeMessage(pick(
      {
        sv: `${edition.asOf ? "Utgåva gällande den" : "Utgåva"} ${edition.date}${edition.revision ? ` (källa ${edition.revision})` : ""}: ${edition.documents.length} dokument, ${plural(shown.length, "fil", "filer", "sv")} i ${toPosix(path.relative(io.cwd, outDir)) || "."}/${listedNote.sv}\n`,
        en: `${edition.asOf ? "Edition as of" : "Edition"} ${edition.date}${edition.revision ? ` (source ${edition.revision})` : ""}: ${plural(edition.documents.length, "document", "documents", "en")}, ${plural(shown.length, "file", "files", "en")} in ${toPosix(path.relative(io.cwd, outDir)) || "."}/${listedNote.en}\n`,
      },
      lang,
    )),
  );
  return EXIT_OK;
}
