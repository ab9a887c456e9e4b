/**
 * Shared steps of the HTML edition's tests: build an edition into a
 * temporary folder, read its pages, check them with html-validate and with
 * axe-core in headless Chromium, and check that every link inside the
 * edition leads somewhere.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { chromium, type Browser } from "playwright-core";
import { FIXTURES, REPO, runCli, type CliResult, type RunCliOptions } from "../helpers/cli.js";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Every status: the working copies as they are (drafts, remisser, repealed ones too), as `--status` publishes them. */
export const EVERY_STATUS: string[] = ["utkast", "remiss", "fastställd", "upphävd"];
/** `--status` with every status: the tests of how each kind of document is rendered, which a default edition would only list. */
export const ALL_WORKING_COPIES: string[] = ["--status", EVERY_STATUS.join(",")];

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `samdok-${prefix}-`));
}

/** A copy of a fixture outside the repository (no git revision, nothing shared with other tests). */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(name), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export async function buildHtml(paths: string[], out: string, extra: string[] = [], options: RunCliOptions = {}): Promise<CliResult> {
  // `--format html` is the default (and passing it adds a second "html" to the default list).
  return runCli(["build", ...paths, "--out", out, ...extra], options);
}

/** Every file of a folder, relative POSIX paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(path.relative(dir, abs).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

export function pages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith(".html"));
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

/** The contents of every file, for comparing two editions. */
export function snapshot(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
}

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

/** html-validate's errors for every page, as "file:line:column rule message". */
export async function htmlValidateErrors(dir: string): Promise<string[]> {
  const errors: string[] = [];
  for (const file of pages(dir)) {
    const report = await validator.validateString(read(dir, file), file);
    for (const result of report.results) {
      for (const m of result.messages) if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return errors;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core violations (WCAG 2.1 A and AA) of every page, as "file rule (target)". */
export async function axeViolations(browser: Browser, dir: string, files: string[] = pages(dir)): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const found: string[] = [];
  try {
    for (const file of files) {
      await page.goto(`file://${path.join(dir, file)}`);
      await page.addScriptTag({ path: path.join(REPO, "node_modules/axe-core/axe.min.js") });
      const result = await page.evaluate(
        (tags) =>
          (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResult> } }).axe.run(document, {
            runOnly: { type: "tag", values: tags },
          }),
        AXE_TAGS,
      );
      for (const v of result.violations)
        found.push(
          `${file} ${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")})`,
        );
    }
  } finally {
    await page.close();
  }
  return found;
}

function decode(s: string): string {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, "&");
}

/** The ids of a page. */
export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? "")));
}

/** Every `href` of a page. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => decode(m[1] ?? ""));
}

/**
 * Links inside the edition that lead nowhere: a page or file that is not
 * there, or a `#fragment` that is no id of its page.
 */
export function brokenLinks(dir: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsFor = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      set = idsOf(read(dir, file));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of pages(dir)) {
    for (const href of hrefsOf(read(dir, file))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const [target = "", fragment] = href.split("#");
      // Relative to the page's own folder: an edition per set has its pages in the set's folder.
      const targetFile = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (!existsSync(path.join(dir, targetFile))) {
        broken.push(`${file}: ${href} (no file)`);
        continue;
      }
      if (fragment !== undefined && targetFile.endsWith(".html") && !idsFor(targetFile).has(decodeURIComponent(fragment))) {
        broken.push(`${file}: ${href} (no id)`);
      }
    }
  }
  return broken;
}

/** The heading levels of a page in order: [1, 2, 3, 2, ...]. */
export function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

export function skippedLevels(levels: number[]): string[] {
  const problems: string[] = [];
  let previous = 0;
  for (const level of levels) {
    if (level > previous + 1) problems.push(`h${previous} → h${level}`);
    previous = level;
  }
  return problems;
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

export { REPO, FIXTURES, runCli };

/** Copies an edition folder elsewhere (to compare it with a later build). */
export function copyDir(from: string): string {
  const to = path.join(tempDir("kopia"), "utgava");
  cpSync(from, to, { recursive: true });
  return to;
}

export function exists(p: string): boolean {
  return existsSync(p);
}

/**
 * The start tags of a page as written, `<name attr="…">`, found by reading
 * the markup the way a browser does: quoted attribute values may contain
 * `<` and `>`, text never holds a tag (rehype-stringify escapes `<` there),
 * and the contents of <script> and <style> are skipped.
 */
export function startTags(html: string): string[] {
  const tags: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    if (!/[a-zA-Z]/.test(html[lt + 1] ?? "")) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    let quote: string | undefined;
    for (; j < html.length; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    const tag = html.slice(lt, j + 1);
    tags.push(tag);
    i = j + 1;
    const name = /^<([a-zA-Z0-9]+)/.exec(tag)?.[1]?.toLowerCase();
    if (name === "script" || name === "style") {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      i = end === -1 ? html.length : end;
    }
  }
  return tags;
}

/** The attributes of a start tag: [name, value] (values as written, entities not decoded). */
export function attributesOf(tag: string): [string, string][] {
  const body = tag.replace(/^<[a-zA-Z0-9]+/, "").replace(/\/?>$/, "");
  return [...body.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((m) => [
    (m[1] ?? "").toLowerCase(),
    m[2] ?? m[3] ?? m[4] ?? "",
  ]);
}
