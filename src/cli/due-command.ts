/**
 * `samdok due` and `samdok report`: load the named documents, collect what is
 * due as of a date, and write it in the chosen format.
 */
import path from "node:path";
import type { Io } from "./io.js";
import { EXIT_FINDINGS, EXIT_OK, useColor } from "./io.js";
import { today } from "./options.js";
import { DEFAULT_PATHS } from "./validate-command.js";
import { pick } from "../i18n/text.js";
import { outputTarget, writeOutputFile } from "./output-file.js";
import { toPosix } from "../core/paths.js";
import { UsageError } from "../core/errors.js";
import { safeMessage, safeText } from "../core/safe-text.js";
import { addMonths } from "../core/dates.js";
import type { DocumentResult } from "../core/types.js";
import { collectDue, defaultWithin, parseWithin, resolveFilters } from "../due/collect.js";
import { loadDocuments, type LoadedDocuments } from "../core/store.js";
import { countsText, type FailOn, type GroupBy } from "../due/model.js";
import { dueReporter, type DueFormat } from "../due/format/index.js";

export interface DueFlags {
  asOf?: string;
  within?: string;
  owner?: string;
  spar?: string[];
  type?: string[];
  groupBy?: GroupBy;
  format: DueFormat;
  failOn: FailOn;
  output?: string;
}

export interface ReportFlags {
  asOf?: string;
  since?: string;
  within?: string;
  format: "markdown" | "html";
  output?: string;
  to?: string;
}

function load(io: Io, paths: string[]): Promise<LoadedDocuments> {
  return loadDocuments({
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    cwd: io.cwd,
    lang: io.lang,
    today: today(io),
    ...(io.readFile ? { readFile: io.readFile } : {}),
  });
}

/** Says which named documents were left out, and why, on stderr. */
function mentionSkipped(io: Io, skipped: readonly DocumentResult[]): void {
  if (skipped.length === 0) return;
  const shown = skipped.slice(0, 5).map((r) => safeText(r.file)).join(", ");
  const more = skipped.length > 5 ? pick({ sv: ` och ${skipped.length - 5} till`, en: ` and ${skipped.length - 5} more` }, io.lang) : "";
  io.stderr.write(
    `samdok: ${pick(
      {
        sv: `${skipped.length} dokument togs inte med eftersom de inte kan läsas eller har fel i YAML-huvudet: ${shown}${more}. Kör \`samdok validate\` för detaljer.`,
        en: `${skipped.length} documents were left out because they cannot be read or their front matter has errors: ${shown}${more}. Run \`samdok validate\` for details.`,
      },
      io.lang,
    )}\n`,
  );
}

/** The file name suggested when --output names a folder. */
const DUE_EXAMPLE: Record<DueFormat, string> = { table: "bevakning.txt", markdown: "bevakning.md", html: "bevakning.html", csv: "bevakning.csv", json: "bevakning.json", ics: "bevakning.ics" };

function writeOutput(io: Io, target: string, text: string, what: string): void {
  writeOutputFile(io, target, text);
  io.stdout.write(`${safeMessage(pick({ sv: `Skrev ${toPosix(path.relative(io.cwd, target))}: ${what}.`, en: `Wrote ${toPosix(path.relative(io.cwd, target))}: ${what}.` }, io.lang))}\n`);
}

export async function dueCommand(io: Io, paths: string[], flags: DueFlags): Promise<number> {
  const lang = io.lang;
  const asOf = flags.asOf ?? today(io);
  const flagWithin = flags.within !== undefined ? parseWithin(flags.within, lang) : undefined;
  // A folder named as the output file is said before the documents are read.
  const target = flags.output !== undefined ? outputTarget(io, flags.output, DUE_EXAMPLE[flags.format] ?? "bevakning.txt") : undefined;
  const loaded = await load(io, paths);
  mentionSkipped(io, loaded.skipped);
  const configs = loaded.sets.map((s) => s.loaded.config);
  const within = flagWithin ?? defaultWithin(configs.map((config) => ({ config })));
  const filters = resolveFilters({ ...(flags.owner !== undefined ? { owner: flags.owner } : {}), ...(flags.spar ? { spar: flags.spar } : {}), ...(flags.type ? { type: flags.type } : {}) }, configs, lang);
  const list = collectDue(loaded.docs, asOf, within, filters);
  const reporter = await dueReporter(flags.format);
  const toTerminal = flags.output === undefined;
  const text = reporter({
    list,
    lang,
    ...(flags.groupBy ? { groupBy: flags.groupBy } : {}),
    color: toTerminal && flags.format === "table" && useColor(io.stdout, io.env),
    ...(toTerminal && io.stdout.columns ? { columns: io.stdout.columns } : {}),
  });
  if (target !== undefined) writeOutput(io, target, text, countsText(list.items, lang));
  else io.stdout.write(text);
  if (flags.failOn === "due" && list.items.length > 0) return EXIT_FINDINGS;
  if (flags.failOn === "overdue" && list.items.some((i) => i.state === "overdue")) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** The short summary `samdok start` prints: counts and the first items. */
export async function dueSummary(io: Io, paths: string[], limit = 10): Promise<number> {
  const lang = io.lang;
  const loaded = await load(io, paths);
  const asOf = today(io);
  const within = defaultWithin(loaded.sets.map((s) => s.loaded));
  const list = collectDue(loaded.docs, asOf, within);
  const { table } = await import("../due/format/table.js");
  const shown = { ...list, items: list.items.slice(0, limit) };
  let text = table({ list: shown, lang, color: useColor(io.stdout, io.env), ...(io.stdout.columns ? { columns: io.stdout.columns } : {}) });
  if (list.items.length > limit) {
    text = text.replace(/\n[^\n]*\n$/, "\n");
    text += `${pick(
      {
        sv: `Visar ${limit} av ${list.items.length} (${countsText(list.items, "sv")}). Hela listan: samdok due`,
        en: `Showing ${limit} of ${list.items.length} (${countsText(list.items, "en")}). The full list: samdok due`,
      },
      lang,
    )}\n`;
  }
  io.stdout.write(text);
  return EXIT_OK;
}

export async function reportCommand(io: Io, paths: string[], flags: ReportFlags): Promise<number> {
  const lang = io.lang;
  const asOf = flags.asOf ?? today(io);
  const since = flags.since ?? addMonths(asOf, -3);
  if (since > asOf) {
    throw new UsageError(pick({ sv: `--since ${since} ligger efter rapportdatumet ${asOf}.`, en: `--since ${since} is after the report date ${asOf}.` }, lang));
  }
  const flagWithin = flags.within !== undefined ? parseWithin(flags.within, lang) : undefined;
  const target = flags.output !== undefined ? outputTarget(io, flags.output, flags.format === "html" ? "statusrapport.html" : "statusrapport.md") : undefined;
  const loaded = await load(io, paths);
  mentionSkipped(io, loaded.skipped);
  const within = flagWithin ?? defaultWithin(loaded.sets.map((s) => s.loaded));
  const { buildStatusReport } = await import("../due/report.js");
  const report = buildStatusReport(loaded, { asOf, since, within, ...(flags.to !== undefined ? { to: flags.to } : {}) });
  const text =
    flags.format === "html" ? (await import("../due/report-html.js")).reportHtml(report, lang) : (await import("../due/report-markdown.js")).reportMarkdown(report, lang);
  if (target !== undefined) {
    writeOutput(io, target, text, pick({ sv: `statusrapport ${asOf}`, en: `status report ${asOf}` }, lang));
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}
