// The redline edition's two aims (issue 16), used by bench.mjs:
// - cost: a Word redline of `count` routines with a tenth of them changed
//   since a tag, against the plain Word edition of the same files;
// - minimality: on the hard fixture (test/fixtures/redline-hard), the words
//   marked as changed against the words that changed (facit.json), and the
//   same count for pandiff when it can be installed.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { writeRoutineSet } from "./routines.mjs";

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.se",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.se",
};

function git(dir, args, date) {
  const env = {
    ...process.env,
    ...GIT_ENV,
    ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
  };
  return execFileSync("git", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A repository of `count` routines tagged `bas`, then every tenth routine edited (a word changed, a sentence added) and committed. */
export function writeRedlineRepository(repo, dir, count) {
  writeRoutineSet(repo, dir, count);
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "Bas"], "2026-01-15");
  git(dir, ["tag", "bas"]);
  const folder = path.join(dir, "rutiner");
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .sort();
  let changed = 0;
  files.forEach((f, i) => {
    if (i % 10 !== 0) return;
    const file = path.join(folder, f);
    const text = readFileSync(file, "utf8");
    const body = text.indexOf("\n---\n", 4) + 5;
    // The first paragraph of the body that is prose: one word replaced, one sentence added.
    const lines = text.slice(body).split("\n");
    const at = lines.findIndex((l) => /^[A-ZÅÄÖ][a-zåäö]+ [a-zåäö]+ /.test(l));
    if (at < 0) return;
    lines[at] = lines[at].replace(/ ([a-zåäö]{4,}) /, " ändrat ") + " En mening är tillagd.";
    writeFileSync(file, text.slice(0, body) + lines.join("\n"));
    changed++;
  });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "Ändringar"], "2026-02-15");
  return { changed };
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s) => (s.match(WORD) ?? []).length;
const unescape = (s) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Words inside w:ins (w:t) and w:del (w:delText) of a Word file's body and footnotes. */
export function markedWords(docx) {
  const files = unzipSync(readFileSync(docx));
  let inserted = 0;
  let deleted = 0;
  for (const part of ["word/document.xml", "word/footnotes.xml"]) {
    if (!files[part]) continue;
    const xml = strFromU8(files[part]);
    for (const m of xml.matchAll(/<w:ins\b[^>]*>([\s\S]*?)<\/w:ins>/g)) {
      for (const t of m[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) inserted += words(unescape(t[1]));
    }
    for (const m of xml.matchAll(/<w:del\b[^>]*>([\s\S]*?)<\/w:del>/g)) {
      for (const t of m[1].matchAll(/<w:delText(?:\s[^>]*)?>([^<]*)<\/w:delText>/g)) deleted += words(unescape(t[1]));
    }
  }
  return { inserted, deleted };
}

/** The hard fixture in a repository: `fore` committed and tagged `fore`, then `efter` committed. */
export function writeHardRepository(repo, dir) {
  const fixture = path.join(repo, "test/fixtures/redline-hard");
  cpSync(path.join(fixture, "fore"), dir, { recursive: true });
  const config = path.join(dir, "samdok.config.json");
  writeFileSync(config, readFileSync(config, "utf8").replace(/"\$schema":[^\n]*\n/, ""));
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "Före"], "2026-01-15");
  git(dir, ["tag", "fore"]);
  cpSync(path.join(fixture, "efter"), dir, { recursive: true });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "Efter"], "2026-02-15");
  return JSON.parse(readFileSync(path.join(fixture, "facit.json"), "utf8"));
}

/**
 * pandiff's count on the same pair, when it can be installed (npm, into `dir`) and pandoc is there:
 * words inside CriticMarkup additions {++ ++}, deletions {-- --} and substitutions {~~ a ~> b ~~}.
 */
export function pandiffWords(repo, dir) {
  const fixture = path.join(repo, "test/fixtures/redline-hard");
  const bin = path.join(dir, "node_modules/.bin/pandiff");
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    const r = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error", "pandiff"], {
      encoding: "utf8",
      timeout: 180_000,
    });
    if (r.status !== 0 || !existsSync(bin))
      return { error: `pandiff could not be installed: ${(r.stderr || r.error || "").toString().trim().split("\n")[0]}` };
  }
  const body = (f) => {
    const text = readFileSync(f, "utf8");
    const out = path.join(dir, `${path.basename(path.dirname(f))}.md`);
    writeFileSync(out, text.slice(text.indexOf("\n---\n", 4) + 5));
    return out;
  };
  const r = spawnSync(bin, [body(path.join(fixture, "fore/rutin-svar.md")), body(path.join(fixture, "efter/rutin-svar.md"))], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) return { error: `pandiff failed: ${(r.stderr || r.error || "").toString().trim().split("\n")[0]}` };
  let inserted = 0;
  let deleted = 0;
  for (const m of r.stdout.matchAll(/\{\+\+([\s\S]*?)\+\+\}/g)) inserted += words(m[1]);
  for (const m of r.stdout.matchAll(/\{--([\s\S]*?)--\}/g)) deleted += words(m[1]);
  for (const m of r.stdout.matchAll(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g)) {
    deleted += words(m[1]);
    inserted += words(m[2]);
  }
  return { inserted, deleted, output: r.stdout };
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}
