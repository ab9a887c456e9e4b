/**
 * `samdok init [dir]`: sets up a document repository. Writes a starter
 * configuration into the documents' folder, the pull-request and weekly
 * workflows, and the .gitignore entries (installed packages, the editions in
 * dist/, `.samdokcache`). An existing file is left alone unless --force is
 * given (.gitignore is only ever added to).
 *
 * With `--from <source>` it also puts samdok itself into the repository, the
 * way the workflows install it: a package.json with samdok as a dev
 * dependency from that source (a registry version, a git URL, or a tarball
 * from `npm pack` copied into vendor/), and the package-lock.json that
 * `npm ci` needs, written by `npm install --package-lock-only`. This works
 * before samdok is published and keeps working after.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, openSync, readFileSync, readSync, closeSync, statSync } from "node:fs";
import path from "node:path";
import type { Io } from "../cli/io.js";
import { EXIT_FAILURE, EXIT_OK } from "../cli/io.js";
import { CONFIG_FILE } from "../core/config.js";
import { UsageError } from "../core/errors.js";
import { toPosix, isInside } from "../core/paths.js";
import { ensureDir, writeFileAtomic } from "../core/write.js";
import type { Lang } from "../core/types.js";
import { pick } from "../i18n/text.js";
import { configTemplate, dueWorkflow, GITIGNORE_ENTRIES, packageJsonTemplate, prWorkflow, PLACEHOLDER } from "./templates.js";

export interface InitFlags {
  force: boolean;
  docs: string;
  /** Where samdok comes from: a registry version or tag, a git URL, or the path of a tarball. */
  from?: string;
  /** Write package-lock.json with npm (true unless --no-lock). */
  lock: boolean;
}

export const PR_WORKFLOW = ".github/workflows/samdok-pr.yml";
export const DUE_WORKFLOW = ".github/workflows/samdok-due.yml";
/** Where a tarball named by --from is copied, relative to the repository's root. */
export const VENDOR_DIR = "vendor";

/** Where samdok comes from, and the dev dependency's spec that says so in package.json. */
export type SamdokSource = { kind: "registry"; spec: string } | { kind: "git"; spec: string } | { kind: "tarball"; file: string };

const HOSTED = /^(github|gitlab|bitbucket|gist):[^\s]+$/;
const GIT_URL = /^git\+[a-z]+:\/\/\S+$|^git:\/\/\S+$/;
const HTTPS_GIT = /^(https?|ssh):\/\/\S+?\.git(#\S*)?$/;
const SCP_GIT = /^[\w.-]+@[\w.-]+:[^\s/][^\s]*$/;
const VERSION_RANGE = /^(?=.*\d)[\dxX*.^~<>=|\s-]+$|^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const DIST_TAG = /^[a-z][a-z0-9._-]*$/i;

/**
 * Reads --from: a tarball (a file that exists, or a name ending in .tgz),
 * a git URL (git+https://…, https://….git, git@host:…, github:owner/repo),
 * or a registry version, range or dist-tag (0.2.0, ^0.2.0, latest; a leading
 * "samdok@" is allowed). Anything else is a usage error with examples.
 */
export function parseSource(from: string, cwd: string, lang: Lang): SamdokSource {
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const value = from.trim();
  const examples = t(
    "Ange en version (--from 0.2.0), en git-adress (--from git+https://github.com/ORG/samdok.git#v0.2.0) eller ett paket från npm pack (--from ../samdok/samdok-0.2.0.tgz).",
    "Give a version (--from 0.2.0), a git URL (--from git+https://github.com/ORG/samdok.git#v0.2.0) or a package from npm pack (--from ../samdok/samdok-0.2.0.tgz).",
  );
  if (value === "") throw new UsageError(t(`--from saknar värde. ${examples}`, `--from has no value. ${examples}`));
  const abs = path.resolve(cwd, value);
  const st = statSync(abs, { throwIfNoEntry: false });
  if (st?.isDirectory())
    throw new UsageError(
      t(
        `"${value}" är en mapp. Ange paketet som npm pack skriver i samdoks mapp (samdok-x.y.z.tgz), så kopieras det in i arkivet.`,
        `"${value}" is a folder. Give the package that npm pack writes in samdok's folder (samdok-x.y.z.tgz), and it is copied into the repository.`,
      ),
    );
  const isFile = st?.isFile() === true;
  if (isFile || /\.(tgz|tar\.gz)$/i.test(value)) {
    if (!isFile)
      throw new UsageError(
        t(
          `Paketet "${value}" finns inte (sökt som ${abs}). Skapa det med npm pack i samdoks egen mapp och ange sökvägen till samdok-x.y.z.tgz.`,
          `The package "${value}" does not exist (looked for as ${abs}). Make it with npm pack in samdok's own folder and give the path of samdok-x.y.z.tgz.`,
        ),
      );
    if (!isGzip(abs))
      throw new UsageError(
        t(
          `"${value}" är inget npm-paket (ingen gzip-fil). Ange filen samdok-x.y.z.tgz som npm pack skriver.`,
          `"${value}" is not an npm package (not a gzip file). Give the samdok-x.y.z.tgz file that npm pack writes.`,
        ),
      );
    return { kind: "tarball", file: abs };
  }
  if (HOSTED.test(value) || GIT_URL.test(value)) return { kind: "git", spec: value };
  // npm reads a bare https://….git as a tarball address, and git@host:path only with the git+ssh:// prefix.
  if (HTTPS_GIT.test(value)) return { kind: "git", spec: `git+${value}` };
  if (SCP_GIT.test(value)) return { kind: "git", spec: `git+ssh://${value}` };
  const version = value.replace(/^samdok@/, "");
  if (VERSION_RANGE.test(version) || DIST_TAG.test(version)) return { kind: "registry", spec: version };
  throw new UsageError(
    t(
      `--from "${value}" är varken en version, en git-adress eller ett paket. ${examples}`,
      `--from "${value}" is neither a version, a git URL nor a package. ${examples}`,
    ),
  );
}

/** Whether the file starts with gzip's magic bytes (what npm pack writes). */
function isGzip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** A package name npm accepts, from the repository folder's name. */
function packageName(root: string): string {
  const name = path
    .basename(root)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|-+$/g, "")
    .slice(0, 100);
  return name || "samverkansdokument";
}

/** Whether the repository's package.json already names samdok as a dependency. */
function hasSamdokDependency(packageJson: string): boolean {
  if (!existsSync(packageJson)) return false;
  try {
    const pkg = JSON.parse(readFileSync(packageJson, "utf8")) as Record<string, Record<string, unknown> | undefined>;
    return ["dependencies", "devDependencies"].some((k) => typeof pkg[k]?.samdok === "string");
  } catch {
    return false;
  }
}

/**
 * Writes samdok's source into package.json: a new private package.json, or
 * the samdok entry of an existing one (everything else in it is kept).
 */
function writePackageJson(file: string, root: string, spec: string, lang: Lang): void {
  if (!existsSync(file)) {
    writeFileAtomic(file, packageJsonTemplate(packageName(root), spec));
    return;
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(
      pick(
        {
          sv: `${file} är inte giltig JSON (${(error as Error).message}), så samdok kan inte lägga till sig där. Rätta filen, eller ta bort den så skriver samdok init en ny.`,
          en: `${file} is not valid JSON (${(error as Error).message}), so samdok cannot add itself there. Fix the file, or remove it and samdok init writes a new one.`,
        },
        lang,
      ),
    );
  }
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg))
    throw new UsageError(
      pick(
        { sv: `${file} är inget JSON-objekt. Rätta eller ta bort filen.`, en: `${file} is not a JSON object. Fix or remove the file.` },
        lang,
      ),
    );
  const record = pkg as Record<string, unknown>;
  const deps = record.dependencies as Record<string, unknown> | undefined;
  const key = typeof deps === "object" && deps !== null && "samdok" in deps ? "dependencies" : "devDependencies";
  const current = record[key];
  record[key] = { ...(typeof current === "object" && current !== null ? current : {}), samdok: spec };
  writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** Adds the missing GITIGNORE_ENTRIES to .gitignore; returns the ones added. */
function updateGitignore(file: string): string[] {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  const lines = new Set(before.split(/\r?\n/).map((l) => l.trim().replace(/^\//, "").replace(/\/$/, "")));
  const missing = GITIGNORE_ENTRIES.filter((e) => !lines.has(e.replace(/\/$/, "")));
  if (missing.length === 0) return [];
  const sep = before === "" || before.endsWith("\n") ? "" : "\n";
  writeFileAtomic(file, `${before}${sep}# samdok: installerade paket, utgåvorna och valideringens cache\n${missing.join("\n")}\n`);
  return missing;
}

/** The last lines of npm's output: enough to see why it failed. */
function tail(text: string, lines = 8): string {
  return text
    .trim()
    .split(/\r?\n/)
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join("\n");
}

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
  // Read --from before anything is written: a wrong source changes nothing.
  const source = flags.from === undefined ? undefined : parseSource(flags.from, io.cwd, lang);
  const docs = toPosix(path.relative(root, docsAbs)) || ".";
  const configAbs = path.join(docsAbs, CONFIG_FILE);
  const schemaPath = toPosix(path.relative(docsAbs, path.join(root, "node_modules/samdok/schemas/samdok-config.schema.json")));
  const options = { docs, schemaPath };

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
  const added = updateGitignore(gitignore);
  if (added.length > 0) written.push(`${shown(gitignore)} (${added.join(", ")})`);

  const packageJson = path.join(root, "package.json");
  const lockFile = path.join(root, "package-lock.json");
  let lockFailure = "";
  const toCommit: string[] = [];
  if (source) {
    let spec: string;
    if (source.kind === "tarball") {
      // The tarball goes into the repository, so that npm ci on any machine finds the same bytes.
      let inRepo = source.file;
      if (!isInside(root, source.file)) {
        inRepo = path.join(root, VENDOR_DIR, path.basename(source.file));
        ensureDir(path.dirname(inRepo));
        copyFileSync(source.file, inRepo);
        written.push(shown(inRepo));
      }
      spec = `file:${toPosix(path.relative(root, inRepo))}`;
      toCommit.push(shown(inRepo));
    } else spec = source.spec;
    writePackageJson(packageJson, root, spec, lang);
    written.push(`${shown(packageJson)} (samdok: ${spec})`);
    toCommit.push(shown(packageJson));
    if (flags.lock) {
      // --git=git: a repository's .npmrc could name another program as git, and npm would run it.
      const npm = spawnSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--git=git", "--no-audit", "--no-fund"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, ...io.env },
        shell: process.platform === "win32",
      });
      if (npm.error)
        lockFailure = t(
          `npm kunde inte startas (${npm.error.message}). Installera Node.js med npm och kör npm install i ${shown(root) || "."}.`,
          `npm could not be started (${npm.error.message}). Install Node.js with npm and run npm install in ${shown(root) || "."}.`,
        );
      else if (npm.status !== 0 || !existsSync(lockFile))
        lockFailure = t(
          `npm kunde inte skriva package-lock.json (slutkod ${npm.status ?? npm.signal}). Kontrollera källan i --from (finns versionen, går git-adressen att nå?) och kör samdok init --from igen, eller npm install i arkivet. npm skrev:\n${tail(npm.stderr || npm.stdout)}`,
          `npm could not write package-lock.json (exit ${npm.status ?? npm.signal}). Check the source in --from (does the version exist, can the git URL be reached?) and run samdok init --from again, or npm install in the repository. npm wrote:\n${tail(npm.stderr || npm.stdout)}`,
        );
      else {
        written.push(shown(lockFile));
        toCommit.push(shown(lockFile));
      }
    }
  }

  const out: string[] = [];
  if (written.length > 0) out.push(t("Skrev:", "Wrote:"), ...written.map((f) => `  ${f}`));
  if (kept.length > 0)
    out.push(
      t("Fanns redan och lämnades orörda (skriv över med --force):", "Already there and left alone (overwrite with --force):"),
      ...kept.map((f) => `  ${f}`),
    );

  const steps: string[] = [];
  const where = docs === "." ? t("arkivet", "the repository") : `${docs}/`;
  if (!source && !hasSamdokDependency(packageJson))
    steps.push(
      t(
        `Lägg in samdok i arkivet: arbetsflödena kör npm ci och npx samdok, och här finns ingen package.json med samdok. Kör samdok init --from <version | git-adress | sökväg till samdok-x.y.z.tgz från npm pack>; det skriver package.json och package-lock.json.`,
        `Put samdok into the repository: the workflows run npm ci and npx samdok, and there is no package.json with samdok here. Run samdok init --from <version | git URL | path of samdok-x.y.z.tgz from npm pack>; it writes package.json and package-lock.json.`,
      ),
    );
  if (source && !flags.lock)
    steps.push(
      t(
        "Skriv låsfilen med npm install (arbetsflödena kör npm ci, som kräver package-lock.json).",
        "Write the lock file with npm install (the workflows run npm ci, which needs package-lock.json).",
      ),
    );
  steps.push(
    t(
      `Fyll i allt som är märkt "${PLACEHOLDER}" i ${shown(configAbs)}: regionen, kommunerna, beslutsorganen, rollerna och spåren. Valideringen visar varje platshållare som står kvar som ett fel.`,
      `Fill in everything marked "${PLACEHOLDER}" in ${shown(configAbs)}: the region, municipalities, decision bodies, roles and tracks. Validation reports every placeholder left as an error.`,
    ),
  );
  steps.push(
    t(
      `Lägg dokumenten i ${where} och kontrollera dem med: ${source ? "npm ci && " : ""}npx samdok validate ${docs}`,
      `Put the documents in ${where} and check them with: ${source ? "npm ci && " : ""}npx samdok validate ${docs}`,
    ),
  );
  const commit = [...toCommit, shown(path.join(root, ".github")), shown(gitignore), shown(configAbs)];
  steps.push(
    t(
      `Checka in (git add ${commit.map(shellWord).join(" ")}) och gör jobbet "Kontrollera ändrade dokument" obligatoriskt i grenskyddet för huvudgrenen.`,
      `Commit (git add ${commit.map(shellWord).join(" ")}) and make the job "Kontrollera ändrade dokument" required in the main branch's protection rules.`,
    ),
  );
  out.push("", t("Nästa steg:", "Next steps:"), ...steps.map((s, i) => `  ${i + 1}. ${s}`));
  io.stdout.write(`${out.join("\n")}\n`);
  if (lockFailure) {
    io.stderr.write(`samdok: ${lockFailure}\n`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

/** A path as a POSIX shell reads it when pasted: quoted when it holds anything but plain characters. */
function shellWord(p: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(p) ? p : `'${p.replace(/'/g, "'\\''")}'`;
}
