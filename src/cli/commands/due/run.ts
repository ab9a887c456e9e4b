/**
 * `samdok due`: what is due as of a date, in the chosen format; and the short summary `samdok start` prints.
 */
import type { Io } from "../../io.js";
import { EXIT_FINDINGS, EXIT_OK, useColor } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { outputTarget } from "../../output-file.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { CALENDAR_WITHIN_DAYS, collectDue, defaultWithin, isWithinUnit, parseWithin, resolveFilters } from "../../../due/list/collect.js";
import { attachVersionsInForce, shallowNotice } from "../../../due/list/in-force.js";
import { collapseParties, countsText, mergeOwners, type FailOn, type GroupBy } from "../../../due/list/model.js";
import { dueReporter, type DueFormat } from "../../../due/list/format/index.js";

import { loadNamed, mentionSkipped, writeOutput } from "../../load-documents.js";

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

/** The file name suggested when --output names a folder. */
const DUE_EXAMPLE: Record<DueFormat, string> = {
  table: "bevakning.txt",
  markdown: "bevakning.md",
  html: "bevakning.html",
  csv: "bevakning.csv",
  json: "bevakning.json",
  ics: "bevakning.ics",
};

/**
 * `--within 3 månader` without quotes reaches us as --within "3" and a path "månader": a bare number
 * and a unit word among the paths that names no file are read as one value.
 */
export function joinWithinUnit(io: Io, within: string | undefined, paths: string[]): { within: string | undefined; paths: string[] } {
  if (within === undefined || !/^\s*\d+\s*$/.test(within)) return { within, paths };
  // The paths come in the order written, the unit among them wherever --within stood.
  const at = paths.findIndex((p) => isWithinUnit(p) && !existsSync(path.resolve(io.cwd, p)));
  if (at < 0) return { within, paths };
  return { within: `${within.trim()} ${paths[at] as string}`, paths: paths.filter((_, i) => i !== at) };
}

export async function dueCommand(io: Io, named: string[], flags: DueFlags): Promise<number> {
  const lang = io.lang;
  const asOf = flags.asOf ?? today(io);
  const { within: withinText, paths } = joinWithinUnit(io, flags.within, named);
  const flagWithin = withinText !== undefined ? parseWithin(withinText, lang) : undefined;
  // A folder named as the output file is said before the documents are read.
  const target = flags.output !== undefined ? outputTarget(io, flags.output, DUE_EXAMPLE[flags.format] ?? "bevakning.txt") : undefined;
  const loaded = await loadNamed(io, paths);
  mentionSkipped(io, loaded.skipped);
  const configs = loaded.sets.map((s) => s.loaded.config);
  const configured = defaultWithin(configs.map((config) => ({ config })));
  // A calendar subscription is looked at months ahead: by default it covers a year.
  const within = flagWithin ?? (flags.format === "ics" ? Math.max(configured, CALENDAR_WITHIN_DAYS) : configured);
  const filters = resolveFilters(
    {
      ...(flags.owner !== undefined ? { owner: flags.owner } : {}),
      ...(flags.spar ? { spar: flags.spar } : {}),
      ...(flags.type ? { type: flags.type } : {}),
    },
    configs,
    lang,
  );
  {
    const note = shallowNotice(attachVersionsInForce(loaded.docs, asOf, lang).shallow, lang);
    if (note) io.stderr.write(`${note}\n`);
  }
  const list = collectDue(loaded.docs, asOf, within, filters);
  const reporter = await dueReporter(flags.format);
  const toTerminal = flags.output === undefined;
  const text = reporter({
    list,
    lang,
    ...(flags.groupBy ? { groupBy: flags.groupBy } : {}),
    skipped: loaded.skipped,
    color: toTerminal && flags.format === "table" && useColor(io.stdout, io.env),
    ...(toTerminal && io.stdout.columns ? { columns: io.stdout.columns } : {}),
  });
  if (target !== undefined) writeOutput(io, target, text, countsText(list.items, lang));
  else io.stdout.write(text);
  if (flags.failOn === "due" && list.items.length > 0) return EXIT_FINDINGS;
  if (flags.failOn === "overdue" && list.items.some((i) => i.state === "overdue")) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * The short summary `samdok start` prints: counts and the first items. One row
 * per task: a document with several roles is one row naming them all, and the
 * parties that have not adopted a version (or not answered a remiss) are one
 * row per document ("3 parter"), so that one agreement with many parties does
 * not hide everything else. `samdok due` lists them one by one.
 */
export async function dueSummary(io: Io, paths: string[], limit = 10): Promise<number> {
  const lang = io.lang;
  const loaded = await loadNamed(io, paths);
  const asOf = today(io);
  const within = defaultWithin(loaded.sets.map((s) => s.loaded));
  {
    const note = shallowNotice(attachVersionsInForce(loaded.docs, asOf, lang).shallow, lang);
    if (note) io.stderr.write(`${note}\n`);
  }
  const all = collectDue(loaded.docs, asOf, within);
  const list = { ...all, items: collapseParties(mergeOwners(all.items), lang) };
  const { table } = await import("../../../due/list/format/table.js");
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
