/**
 * One LibreOffice run that turns Word files into tagged PDF files.
 *
 * - No shell: the program and its arguments are an array, so no file or
 *   folder name is ever read as a command.
 * - A private user profile in a temporary folder, removed afterwards: two
 *   builds at once (or a LibreOffice the user has open) do not share a
 *   profile, which LibreOffice would otherwise lock, and nothing of the
 *   user's settings changes the PDF.
 * - A time limit: a LibreOffice that hangs is stopped with its whole process
 *   group (soffice starts soffice.bin, which would outlive its parent).
 * - All files in one run: starting LibreOffice costs seconds, converting a
 *   short document a fraction of one.
 * - TZ=UTC: LibreOffice writes its clock into the PDF; in UTC the dates have
 *   a fixed length, which reproducible.ts overwrites in place.
 *
 * The export filter's options are given as JSON (LibreOffice 7.4 or later;
 * an older one ignores them and writes an untagged PDF, which
 * reproducible.ts refuses with a message naming the version needed).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../../core/types.js";
import { UsageError } from "../../core/errors.js";
import { pick } from "../../i18n/text.js";

/**
 * The PDF export filter's options. Tagged PDF with PDF/UA's requirements
 * (structure tree, document title shown, language, alternative texts);
 * bookmarks from the headings, open to the second level; Word bookmarks as
 * named destinations, so a link to `rutin.pdf#heading` can land on the
 * heading; links to other files relative, as they stand in the Word file,
 * never the temporary folder's absolute path; the standard fonts embedded.
 */
export const PDF_EXPORT_OPTIONS: Readonly<Record<string, { type: "boolean" | "long"; value: string }>> = {
  UseTaggedPDF: { type: "boolean", value: "true" },
  PDFUACompliance: { type: "boolean", value: "true" },
  ExportBookmarks: { type: "boolean", value: "true" },
  OpenBookmarkLevels: { type: "long", value: "2" },
  ExportBookmarksToPDFDestination: { type: "boolean", value: "true" },
  DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
  ExportLinksRelativeFsys: { type: "boolean", value: "true" },
  EmbedStandardFonts: { type: "boolean", value: "true" },
  ExportNotes: { type: "boolean", value: "false" },
};

/** `pdf:writer_pdf_Export:{…}`: the target format, the filter and its options, as `--convert-to` takes them. */
export function convertTarget(): string {
  return `pdf:writer_pdf_Export:${JSON.stringify(PDF_EXPORT_OPTIONS)}`;
}

export interface ConvertOptions {
  /** The LibreOffice program (soffice.ts). */
  soffice: string;
  /** The environment LibreOffice runs in. */
  env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds before LibreOffice is stopped; by default two minutes and ten seconds a file. */
  timeoutMs?: number;
  lang: Lang;
}

/** How long a run may take: LibreOffice's start, then each file. */
export function defaultTimeout(files: number): number {
  return 120_000 + 10_000 * files;
}

/** The last lines LibreOffice wrote, for a message: its own words about what went wrong. */
function tail(output: string): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^convert .* using filter/.test(l) && !/javaldx/.test(l));
  return lines.slice(-3).join(" / ").slice(0, 400);
}

/**
 * Converts `files` (.docx) into `outDir`, each as `<name>.pdf`. Resolves when
 * LibreOffice has ended, with the last lines it wrote (for a message when a
 * PDF is missing: LibreOffice ends with 0 also when it could not open a file).
 */
export async function convertToPdf(files: readonly string[], outDir: string, options: ConvertOptions): Promise<string> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "samdok-lo-profil-"));
  try {
    return await run(files, outDir, profile, options);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(files: readonly string[], outDir: string, profile: string, options: ConvertOptions): Promise<string> {
  const lang = options.lang;
  const timeout = options.timeoutMs ?? defaultTimeout(files.length);
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    convertTarget(),
    "--outdir",
    outDir,
    ...files,
  ];
  return new Promise((resolve, reject) => {
    let output = "";
    let timedOut = false;
    const child = spawn(options.soffice, args, {
      env: { ...options.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that a time-out stops soffice.bin too.
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    const keep = (chunk: Buffer): void => {
      if (output.length < 64_000) output += chunk.toString("utf8");
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      timedOut = true;
      stop(child.pid);
    }, timeout);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new UsageError(
          pick(
            {
              sv: `LibreOffice (${options.soffice}) gick inte att starta: ${error.message}.`,
              en: `LibreOffice (${options.soffice}) could not be started: ${error.message}.`,
            },
            lang,
          ),
          { cause: error },
        ),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new UsageError(
            pick(
              {
                sv: `LibreOffice blev inte klart med PDF-utgåvan på ${Math.round(timeout / 1000)} sekunder och stoppades. Den tidigare utgåvan är orörd.`,
                en: `LibreOffice did not finish the PDF edition in ${Math.round(timeout / 1000)} seconds and was stopped. The previous edition is untouched.`,
              },
              lang,
            ),
          ),
        );
        return;
      }
      if (code !== 0) {
        const said = tail(output);
        reject(
          new UsageError(
            pick(
              {
                sv: `LibreOffice kunde inte göra PDF-utgåvan (slutkod ${code ?? signal ?? "okänd"}${said ? `: ${said}` : ""}). Den tidigare utgåvan är orörd.`,
                en: `LibreOffice could not make the PDF edition (exit code ${code ?? signal ?? "unknown"}${said ? `: ${said}` : ""}). The previous edition is untouched.`,
              },
              lang,
            ),
          ),
        );
        return;
      }
      resolve(tail(output));
    });
  });
}

/** Stops LibreOffice and the processes it started (its process group). */
function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
