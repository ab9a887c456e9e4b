/**
 * `samdok import`: Word files into a document set, one `<id>.md` each (and
 * its pictures in `<id>-bilder/` beside it), and a report per file of what
 * was recognised, what was guessed and what needs a person. Each file is
 * imported on its own: one that cannot be read is reported and the others
 * still come in. What is written is validated like any document of the set,
 * so the report also says whether the result passes `samdok validate`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import type { Io } from "../../io.js";
import { EXIT_FINDINGS, EXIT_OK } from "../../io.js";
import { today } from "../../options.js";
import { pick, type Localized } from "../../../i18n/text.js";
import { UsageError } from "../../../core/errors.js";
import { toPosix } from "../../../core/paths.js";
import { closest } from "../../../core/suggest.js";
import { safeMessage } from "../../../core/safe-text.js";
import { CONFIG_FILE, DOCUMENT_TYPES, findConfigPath, loadConfig, type DocumentType } from "../../../core/config.js";
import { loadDocuments, runValidation } from "../../../core/store.js";
import { writeFileAtomic } from "../../../core/write.js";
import { writesInside } from "../../../core/safe-file.js";
import { fold } from "../../../due/edit/template.js";
import type { Diagnostic } from "../../../core/types.js";
import type { ImportNote } from "../../../import/types.js";

export interface ImportFlags {
  out: string;
  type?: string;
  track?: string;
  dryRun?: boolean;
  force?: boolean;
}

/** What became of one file: imported (written or, with --dry-run, not), or not imported and why. */
interface FileOutcome {
  source: string;
  id?: string;
  target?: string;
  notes: ImportNote[];
  /** Why the file was not imported (or not written). */
  failure?: Localized;
  written: boolean;
  diagnostics: Diagnostic[];
}

/** Word formats LibreOffice turns into .docx first. */
const CONVERTED = new Set([".doc", ".odt", ".rtf"]);

/**
 * An old .doc, an .odt or an .rtf as .docx through LibreOffice, in a temporary
 * folder; undefined (and why) when LibreOffice is not installed or fails.
 */
function convertWithLibreOffice(io: Io, abs: string): { bytes?: Uint8Array; failure?: Localized } {
  const soffice = io.env.SAMDOK_SOFFICE ?? "soffice";
  const tmp = mkdtempSync(path.join(os.tmpdir(), "samdok-import-"));
  try {
    const r = spawnSync(soffice, ["--headless", "--convert-to", "docx", "--outdir", tmp, abs], { timeout: 180_000, stdio: "ignore" });
    if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
      return {
        failure: {
          sv: `${path.extname(abs)}-filer behöver LibreOffice för att importeras, och det hittades inte (soffice). Installera LibreOffice, eller öppna filen i Word och spara den som .docx.`,
          en: `${path.extname(abs)} files need LibreOffice to be imported, and it was not found (soffice). Install LibreOffice, or open the file in Word and save it as .docx.`,
        },
      };
    }
    const produced = readdirSync(tmp).find((f) => f.toLowerCase().endsWith(".docx"));
    if (r.status !== 0 || !produced) {
      return {
        failure: {
          sv: "LibreOffice kunde inte göra om filen till .docx. Öppna den i Word eller LibreOffice och spara den som .docx.",
          en: "LibreOffice could not turn the file into .docx. Open it in Word or LibreOffice and save it as .docx.",
        },
      };
    }
    return { bytes: new Uint8Array(readFileSync(path.join(tmp, produced))) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function heading(kind: ImportNote["kind"]): Localized {
  switch (kind) {
    case "recognised":
      return { sv: "Igenkänt", en: "Recognised" };
    case "guessed":
      return { sv: "Gissat – kontrollera", en: "Guessed – check" };
    case "needs-person":
      return { sv: "Behöver en person", en: "Needs a person" };
    case "dropped":
      return { sv: "Borttaget", en: "Removed" };
  }
}

/** The import report of one file, in the run's language. */
function reportFile(io: Io, o: FileOutcome, dryRun: boolean): string {
  const t = (text: Localized): string => pick(text, io.lang);
  const shown = (abs: string): string => toPosix(path.relative(io.cwd, abs)) || ".";
  const lines: string[] = [];
  if (o.failure && !o.id) {
    lines.push(`${shown(o.source)}: ${t({ sv: "inte importerad", en: "not imported" })}`);
    lines.push(`  ${safeMessage(t(o.failure))}`);
    return lines.join("\n");
  }
  const target = o.target ? shown(o.target) : "";
  const state = o.failure
    ? t({ sv: "inte skriven", en: "not written" })
    : dryRun
      ? t({ sv: `skulle skrivas som ${target} (--dry-run)`, en: `would be written as ${target} (--dry-run)` })
      : t({ sv: `skriven som ${target}`, en: `written as ${target}` });
  lines.push(`${shown(o.source)} → ${o.id ?? ""}: ${state}`);
  if (o.failure) lines.push(`  ${safeMessage(t(o.failure))}`);
  for (const kind of ["needs-person", "guessed", "dropped", "recognised"] as const) {
    const notes = o.notes.filter((n) => n.kind === kind);
    if (notes.length === 0) continue;
    lines.push(`  ${t(heading(kind))}:`);
    for (const n of notes) lines.push(`    - ${safeMessage(t(n.message))}${n.where ? ` (${safeMessage(n.where)})` : ""}`);
  }
  if (o.written) {
    const errors = o.diagnostics.filter((d) => d.severity === "error");
    const warnings = o.diagnostics.filter((d) => d.severity === "warning");
    if (o.diagnostics.length === 0)
      lines.push(`  ${t({ sv: "samdok validate: inga fel eller varningar.", en: "samdok validate: no errors or warnings." })}`);
    else {
      lines.push(
        `  ${t({ sv: `samdok validate: ${errors.length} fel, ${warnings.length} varningar.`, en: `samdok validate: ${errors.length} errors, ${warnings.length} warnings.` })}`,
      );
      for (const d of o.diagnostics)
        lines.push(
          `    ${d.line}:${d.column} ${d.severity === "error" ? t({ sv: "fel", en: "error" }) : t({ sv: "varning", en: "warning" })} ${d.ruleId} ${safeMessage(d.message)}`,
        );
    }
  }
  return lines.join("\n");
}

export async function importCommand(io: Io, files: string[], flags: ImportFlags): Promise<number> {
  const lang = io.lang;
  const t = (text: Localized): string => pick(text, lang);
  let type: DocumentType | undefined;
  if (flags.type !== undefined) {
    type = DOCUMENT_TYPES.find((x) => fold(x) === fold(flags.type?.trim() ?? ""));
    if (!type) {
      const guess = closest(flags.type, DOCUMENT_TYPES);
      throw new UsageError(
        t({
          sv: `Dokumenttypen "${flags.type}" finns inte.${guess ? ` Menade du ${guess}?` : ""} Välj en av: ${DOCUMENT_TYPES.join(", ")}.`,
          en: `The document type "${flags.type}" does not exist.${guess ? ` Did you mean ${guess}?` : ""} Choose one of: ${DOCUMENT_TYPES.join(", ")}.`,
        }),
      );
    }
  }
  const outDir = path.resolve(io.cwd, flags.out);
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new UsageError(t({ sv: `--out ${flags.out} är ingen mapp.`, en: `--out ${flags.out} is not a folder.` }));
  const configPath = findConfigPath(outDir);
  if (!configPath) {
    throw new UsageError(
      t({
        sv: `${flags.out} ligger inte i någon dokumentsamling: det finns ingen ${CONFIG_FILE} där eller ovanför. Ange en mapp i en samling med --out, eller skapa en med samdok init.`,
        en: `${flags.out} is not in a document set: there is no ${CONFIG_FILE} there or above. Give a folder of a set with --out, or create one with samdok init.`,
      }),
    );
  }
  const config = loadConfig(configPath, io.cwd, lang).config;
  const setRoot = path.dirname(configPath);
  let track: string | undefined;
  if (flags.track !== undefined) {
    const hit = config.spar.find((s) => fold(s.id) === fold(flags.track ?? "") || fold(s.namn) === fold(flags.track ?? ""));
    if (!hit) {
      const ids = config.spar.map((s) => s.id);
      const guess = closest(flags.track, ids);
      throw new UsageError(
        t({
          sv: `Spåret "${flags.track}" finns inte i ${CONFIG_FILE}.${guess ? ` Menade du ${guess}?` : ""} Spår: ${ids.join(", ")}.`,
          en: `The track "${flags.track}" is not in ${CONFIG_FILE}.${guess ? ` Did you mean ${guess}?` : ""} Tracks: ${ids.join(", ")}.`,
        }),
      );
    }
    track = hit.id;
  }

  // Ids in use, except those whose file is the very file an import would write (that is an overwrite, refused without --force).
  const root = path.dirname(configPath);
  const existing = await loadDocuments({ paths: [root], cwd: io.cwd, lang, today: today(io) });
  const taken = new Set<string>();
  for (const set of existing.sets)
    for (const r of set.documents) {
      const abs = path.resolve(io.cwd, r.file);
      const ids = [typeof r.data?.id === "string" ? r.data.id : "", path.basename(abs, ".md")].filter(Boolean);
      for (const id of ids) if (path.resolve(outDir, `${id}.md`) !== abs) taken.add(id);
    }

  const { importWord } = await import("../../../import/run.js");
  const { ImportError } = await import("../../../import/word.js");
  const { MetadataError } = await import("../../../import/metadata.js");
  const outcomes: FileOutcome[] = [];
  const planned = new Set<string>();
  for (const file of files) {
    const abs = path.resolve(io.cwd, file);
    const outcome: FileOutcome = { source: abs, notes: [], written: false, diagnostics: [] };
    outcomes.push(outcome);
    try {
      if (!existsSync(abs) || !statSync(abs).isFile()) {
        outcome.failure = { sv: "Filen finns inte.", en: "The file does not exist." };
        continue;
      }
      let bytes: Uint8Array;
      if (CONVERTED.has(path.extname(abs).toLowerCase())) {
        const converted = convertWithLibreOffice(io, abs);
        if (!converted.bytes) {
          outcome.failure = converted.failure ?? { sv: "Filen kunde inte göras om.", en: "The file could not be converted." };
          continue;
        }
        bytes = converted.bytes;
        outcome.notes.push({
          kind: "recognised",
          message: { sv: "Filen gjordes om till .docx med LibreOffice.", en: "The file was converted to .docx with LibreOffice." },
        });
      } else bytes = new Uint8Array(readFileSync(abs));
      const doc = await importWord(bytes, {
        config,
        taken: new Set([...taken, ...planned]),
        today: today(io),
        fileName: path.basename(abs),
        ...(type !== undefined ? { type } : {}),
        ...(track !== undefined ? { track } : {}),
      });
      outcome.id = doc.id;
      outcome.notes.push(...doc.notes);
      const target = path.join(outDir, `${doc.id}.md`);
      outcome.target = target;
      planned.add(doc.id);
      if (existsSync(target) && !flags.force) {
        outcome.failure = {
          sv: `${toPosix(path.relative(io.cwd, target))} finns redan och skrevs inte över. Kör med --force för att ersätta den.`,
          en: `${toPosix(path.relative(io.cwd, target))} already exists and was not overwritten. Run with --force to replace it.`,
        };
        continue;
      }
      // Nothing is written through a link out of the set (the pictures' folder, or --out itself).
      const outside = [target, ...doc.pictures.map((p) => path.join(outDir, p.relPath))].find((f) => !writesInside(setRoot, f));
      if (outside !== undefined) {
        outcome.failure = {
          sv: `${toPosix(path.relative(io.cwd, outside))} leder via en symbolisk länk ut ur samlingen och skrevs inte. Ta bort länken och importera igen.`,
          en: `${toPosix(path.relative(io.cwd, outside))} leads out of the set through a symbolic link and was not written. Remove the link and import again.`,
        };
        continue;
      }
      if (flags.dryRun) continue;
      for (const p of doc.pictures) writeFileAtomic(path.join(outDir, p.relPath), p.bytes);
      writeFileAtomic(target, doc.text);
      outcome.written = true;
    } catch (error) {
      if (error instanceof ImportError || error instanceof MetadataError) outcome.failure = error.text;
      else {
        const e = error as Error;
        outcome.failure = {
          sv: `Filen kunde inte importeras: ${e?.message ?? String(e)}`,
          en: `The file could not be imported: ${e?.message ?? String(e)}`,
        };
      }
    }
  }

  const written = outcomes.filter((o) => o.written && o.target);
  if (written.length > 0) {
    const run = await runValidation({ paths: written.map((o) => o.target as string), cwd: io.cwd, lang, today: today(io), jobs: 1 });
    for (const o of written) {
      const rel = toPosix(path.relative(io.cwd, o.target as string));
      o.diagnostics = run.results.find((r) => r.file === rel)?.diagnostics ?? [];
    }
  }

  io.stdout.write(`${outcomes.map((o) => reportFile(io, o, flags.dryRun === true)).join("\n\n")}\n\n`);
  const failed = outcomes.filter((o) => o.failure).length;
  const attention = outcomes.filter(
    (o) => o.failure || o.notes.some((n) => n.kind === "needs-person") || o.diagnostics.some((d) => d.severity === "error"),
  ).length;
  const imported = outcomes.length - failed;
  io.stdout.write(
    `${t({
      sv: `${imported} av ${outcomes.length} filer importerade${flags.dryRun ? " (--dry-run: inget skrevs)" : ""}; ${attention} behöver en person.`,
      en: `${imported} of ${outcomes.length} files imported${flags.dryRun ? " (--dry-run: nothing written)" : ""}; ${attention} need a person.`,
    })}\n`,
  );
  return attention > 0 ? EXIT_FINDINGS : EXIT_OK;
}
