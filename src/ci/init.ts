/**
 * `samdok init [dir]`: sets up a document repository. Writes a starter
 * configuration into the documents' folder, the pull-request and weekly
 * workflows, and `.samdokcache` in .gitignore. An existing file is left
 * alone unless --force is given (.gitignore is only ever added to).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Io } from "../cli/io.js";
import { EXIT_OK } from "../cli/io.js";
import { CONFIG_FILE } from "../core/config.js";
import { UsageError } from "../core/errors.js";
import { toPosix, isInside } from "../core/paths.js";
import { writeFileAtomic } from "../core/write.js";
import { samdokVersion } from "../core/version.js";
import { CACHE_FILE } from "../core/cache.js";
import { pick } from "../i18n/text.js";
import { configTemplate, dueWorkflow, prWorkflow, PLACEHOLDER } from "./templates.js";

export interface InitFlags {
  force: boolean;
  docs: string;
}

export const PR_WORKFLOW = ".github/workflows/samdok-pr.yml";
export const DUE_WORKFLOW = ".github/workflows/samdok-due.yml";

export function initCommand(io: Io, dir: string | undefined, flags: InitFlags): number {
  const lang = io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const root = path.resolve(io.cwd, dir ?? ".");
  const docsAbs = path.resolve(root, flags.docs);
  if (!isInside(root, docsAbs)) {
    throw new UsageError(
      t(
        `Dokumentmappen "${flags.docs}" ligger utanför ${root}. Ange en mapp i arkivet, till exempel --docs documents.`,
        `The documents folder "${flags.docs}" lies outside ${root}. Name a folder inside the repository, for example --docs documents.`,
      ),
    );
  }
  const docs = toPosix(path.relative(root, docsAbs)) || ".";
  const configAbs = path.join(docsAbs, CONFIG_FILE);
  const schemaPath = toPosix(path.relative(docsAbs, path.join(root, "node_modules/samdok/schemas/samdok-config.schema.json")));
  const options = { docs, version: samdokVersion(), schemaPath };

  const files: { abs: string; content: string }[] = [
    { abs: configAbs, content: configTemplate(options) },
    { abs: path.join(root, PR_WORKFLOW), content: prWorkflow(options) },
    { abs: path.join(root, DUE_WORKFLOW), content: dueWorkflow(options) },
  ];
  const shown = (abs: string): string => toPosix(path.relative(io.cwd, abs)) || abs;
  const written: string[] = [];
  const kept: string[] = [];
  for (const f of files) {
    if (existsSync(f.abs) && !flags.force) {
      kept.push(shown(f.abs));
      continue;
    }
    writeFileAtomic(f.abs, f.content);
    written.push(shown(f.abs));
  }

  const gitignore = path.join(root, ".gitignore");
  const before = existsSync(gitignore) ? readFileSync(gitignore, "utf8") : "";
  const hasEntry = before.split(/\r?\n/).some((l) => ["/" + CACHE_FILE, CACHE_FILE].includes(l.trim()));
  if (!hasEntry) {
    const sep = before === "" || before.endsWith("\n") ? "" : "\n";
    writeFileAtomic(gitignore, `${before}${sep}# samdok: cache för validering\n${CACHE_FILE}\n`);
    written.push(`${shown(gitignore)} (${CACHE_FILE})`);
  }

  const out: string[] = [];
  if (written.length > 0) out.push(t("Skrev:", "Wrote:"), ...written.map((f) => `  ${f}`));
  if (kept.length > 0)
    out.push(
      t("Fanns redan och lämnades orörda (skriv över med --force):", "Already there and left alone (overwrite with --force):"),
      ...kept.map((f) => `  ${f}`),
    );
  out.push(
    "",
    t(
      `Nästa steg:\n  1. Fyll i allt som är märkt "${PLACEHOLDER}" i ${shown(configAbs)}: regionen, kommunerna, beslutsorganen, rollerna och spåren.\n  2. Lägg dokumenten i ${docs === "." ? "arkivet" : `${docs}/`} och kontrollera dem med: npx samdok validate ${docs}\n  3. Checka in och gör jobbet "Kontrollera ändrade dokument" obligatoriskt i grenskyddet för huvudgrenen.`,
      `Next steps:\n  1. Fill in everything marked "${PLACEHOLDER}" in ${shown(configAbs)}: the region, municipalities, decision bodies, roles and tracks.\n  2. Put the documents in ${docs === "." ? "the repository" : `${docs}/`} and check them with: npx samdok validate ${docs}\n  3. Commit, and make the job "Kontrollera ändrade dokument" required in the main branch's protection rules.`,
    ),
  );
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT_OK;
}
