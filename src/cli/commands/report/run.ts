/**
 * `samdok report`: the status report for the steering group, as Markdown or e-mail-ready HTML.
 */
import type { Io } from "../../io.js";
import { EXIT_OK } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { outputTarget } from "../../output-file.js";
import { UsageError } from "../../../core/errors.js";
import { addMonths } from "../../../core/dates.js";
import { defaultWithin, parseWithin } from "../../../due/list/collect.js";
import { attachVersionsInForce, shallowNotice } from "../../../due/list/in-force.js";

import { loadNamed, mentionSkipped, writeOutput } from "../../load-documents.js";

export interface ReportFlags {
  asOf?: string;
  since?: string;
  within?: string;
  format: "markdown" | "html";
  output?: string;
  to?: string;
}

export async function reportCommand(io: Io, paths: string[], flags: ReportFlags): Promise<number> {
  const lang = io.lang;
  const asOf = flags.asOf ?? today(io);
  const since = flags.since ?? addMonths(asOf, -3);
  if (since > asOf) {
    throw new UsageError(
      pick({ sv: `--since ${since} ligger efter rapportdatumet ${asOf}.`, en: `--since ${since} is after the report date ${asOf}.` }, lang),
    );
  }
  const flagWithin = flags.within !== undefined ? parseWithin(flags.within, lang) : undefined;
  const target =
    flags.output !== undefined
      ? outputTarget(io, flags.output, flags.format === "html" ? "statusrapport.html" : "statusrapport.md")
      : undefined;
  const loaded = await loadNamed(io, paths, "report");
  mentionSkipped(io, loaded.skipped);
  const within = flagWithin ?? defaultWithin(loaded.sets.map((s) => s.loaded));
  {
    const note = shallowNotice(attachVersionsInForce(loaded.docs, asOf, lang).shallow, lang);
    if (note) io.stderr.write(`${note}\n`);
  }
  const { buildStatusReport } = await import("../../../due/report/report.js");
  const report = buildStatusReport(loaded, { asOf, since, within, ...(flags.to !== undefined ? { to: flags.to } : {}) });
  const text =
    flags.format === "html"
      ? (await import("../../../due/report/html.js")).reportHtml(report, lang)
      : (await import("../../../due/report/markdown.js")).reportMarkdown(report, lang);
  if (target !== undefined) {
    writeOutput(io, target, text, pick({ sv: `statusrapport ${asOf}`, en: `status report ${asOf}` }, lang));
  } else {
    io.stdout.write(text);
  }
  return EXIT_OK;
}
