/**
 * The status report as Markdown: headings, short sentences and tables. Text
 * from the documents and the configuration is one line, shown as text
 * (`markdownText`, or `markdownTableCell` in tables, both in core/escape.ts),
 * and no line can be read as a CI log command.
 */
import type { Lang } from "../../core/types.js";
import { longDate } from "../../core/dates.js";
import { pick } from "../../i18n/text.js";
import { daysText, kindLabel, stateLabel, type DueItem } from "../list/model.js";
import { mdTable } from "../list/markdown-table.js";
import { neutralizeWorkflowCommands } from "../../core/safe-text.js";
import { markdownText } from "../../core/escape.js";
import type { StatusReport } from "./report.js";
import {
  adoptionSentence,
  appliesText,
  cap,
  COL,
  decisionText,
  followsText,
  H,
  NONE,
  periodText,
  remissRows,
  remissSentence,
  reportTitle,
  share,
  summaryLines,
} from "./text.js";

export function reportMarkdown(report: StatusReport, lang: Lang): string {
  const t = (text: { sv: string; en: string }): string => pick(text, lang);
  const out: string[] = [];
  /** Each block is followed by a blank line, so that no table runs into a paragraph. */
  const push = (...blocks: string[]): void => {
    for (const b of blocks) out.push(b, "");
  };
  if (report.sets.length === 0) {
    return `# ${t({ sv: "Statusrapport", en: "Status report" })}\n\n${t({ sv: "Inga dokument att rapportera.", en: "No documents to report." })}\n`;
  }
  const dueTable = (items: DueItem[]): string =>
    mdTable(
      [t(COL.state), t(COL.date), t(COL.when), t(COL.kind), t(COL.document), t(COL.owner)],
      items.map((i) => [
        stateLabel(i.state, lang),
        i.date,
        daysText(i.daysLeft, lang),
        kindLabel(i.kind, lang) + (i.detail ? `: ${i.detail}` : ""),
        `${i.title} (${i.id})`,
        i.ownerName || "–",
      ]),
    );
  const first = report.sets[0];
  const single = report.sets.length === 1;
  const sameRecipient = first !== undefined && report.sets.every((s) => s.recipient === first.recipient);
  push(`# ${first && sameRecipient ? markdownText(reportTitle(first, lang)) : t({ sv: "Statusrapport", en: "Status report" })}`);
  if (single && first) push(`**${markdownText(first.name)}**. ${periodText(report, lang)}`);
  else push(periodText(report, lang));
  // One set: sections are ##. Several: each set is ## and its sections ###.
  const deeper = single ? "" : "#";
  report.sets.forEach((set) => {
    if (!single) push(`## ${markdownText(set.name)}`);

    push(
      `${deeper}## ${t(H.summary)}`,
      summaryLines(set, report, lang)
        .map((l) => `- ${markdownText(l)}`)
        .join("\n"),
    );

    push(`${deeper}## ${t(H.figures)}`);
    push(
      `${deeper}### ${t(H.byStatus)}`,
      mdTable(
        [t(COL.status), t(COL.count), t(COL.share)],
        set.byStatus.map((s) => [cap(s.label), String(s.count), share(s.count, set.total)]),
        ["l", "r", "r"],
      ),
    );
    push(
      `${deeper}### ${t(H.byType)}`,
      mdTable(
        [t(COL.type), t(COL.count), t(COL.share)],
        set.byType.map((s) => [cap(s.label), String(s.count), share(s.count, set.total)]),
        ["l", "r", "r"],
      ),
    );
    push(
      `${deeper}### ${t(H.byTrack)}`,
      mdTable(
        [t(COL.track), ...set.byStatus.map((s) => cap(s.label)), t(COL.total)],
        set.byTrack.map((tr) => [
          tr.name,
          ...set.byStatus.map((s) => String(tr.byStatus[s.key as keyof typeof tr.byStatus] ?? 0)),
          String(tr.total),
        ]),
        ["l", ...set.byStatus.map(() => "r" as const), "r"],
      ),
    );

    push(`${deeper}## ${t(H.changes)} ${t({ sv: "sedan", en: "since" })} ${longDate(report.since, lang)}`);
    if (set.changes.length === 0) push(t(NONE.changes));
    else
      push(
        mdTable(
          [t(COL.date), t(COL.document), t(COL.version), t(COL.change)],
          set.changes.map((c) => [c.date, `${c.title} (${c.id})`, c.version, c.description]),
        ),
      );
    if (set.repealed.length > 0) {
      push(
        `${t({ sv: "Upphävda under perioden", en: "Repealed during the period" })}: ${markdownText(set.repealed.map((r) => `${r.title} (${r.id}, ${r.date})`).join("; "))}.`,
      );
    }

    push(`${deeper}## ${t(H.inProgress)}`);
    if (set.inProgress.length === 0) push(t(NONE.inProgress));
    else
      push(
        mdTable(
          [t(COL.document), t(COL.status), t(COL.version), t(COL.lastChange), t(COL.remissTill)],
          set.inProgress.map((w) => [`${w.title} (${w.id})`, w.status, w.version, w.lastChange ?? "–", w.remissTill ?? "–"]),
        ),
      );
    // Each document on remiss: who has answered, how, and who has not.
    for (const w of set.inProgress) {
      if (!w.tally) continue;
      push(
        `${deeper}### ${t(H.remissAnswers)}: ${markdownText(w.title)}`,
        markdownText(remissSentence(undefined, w.tally, report.asOf, lang)),
      );
      if (w.tally.entries.length > 0) {
        push(mdTable([t(COL.instans), t(COL.standpunkt), t(COL.date), t(COL.registration), t(COL.comment)], remissRows(w.tally, lang)));
      }
    }

    push(`${deeper}## ${t(H.due)}`);
    push(set.revisions.length === 0 ? t(NONE.due) : dueTable(set.revisions));

    push(`${deeper}## ${t(H.followups)}`, `${deeper}### ${t(H.followupsDue)}`);
    push(set.followups.length === 0 ? t(NONE.due) : dueTable(set.followups));
    push(`${deeper}### ${t(H.followupsDone)} ${t({ sv: "sedan", en: "since" })} ${longDate(report.since, lang)}`);
    if (set.followupsDone.length === 0) push(t(NONE.followupsDone));
    else
      push(
        mdTable(
          [t(COL.done), t(COL.document), t(COL.followup), t(COL.result)],
          set.followupsDone.map((f) => [f.done, `${f.title} (${f.id})`, f.description, f.result ?? "–"]),
        ),
      );

    push(`${deeper}## ${t(H.adoption)}`);
    if (set.adoption.length === 0) push(t(NONE.adoption));
    for (const a of set.adoption) {
      push(
        `${deeper}### ${markdownText(a.title)}`,
        markdownText(adoptionSentence(undefined, a, lang)),
        mdTable(
          [t(COL.party), t({ sv: `Följer version ${a.version}`, en: `Follows version ${a.version}` }), t(COL.applies), t(COL.adoption)],
          a.parties.map((p) => [p.name, followsText(p, lang), appliesText(p, lang), decisionText(p, lang)]),
        ),
      );
    }

    push(`${deeper}## ${t(H.malbild)}`);
    if (!set.malbild) push(t(NONE.malbild));
    else {
      const m = set.malbild;
      push(
        t({
          sv: `Räknat på de ${m.considered} dokument som inte är upphävda. Ett dokument kan bära flera perspektiv och värdeord.`,
          en: `Counted over the ${m.considered} documents that are not repealed. A document can carry several perspectives and value words.`,
        }),
      );
      push(
        `${deeper}### ${t(H.perspectives)}`,
        mdTable(
          [t(COL.perspective), t(COL.count), t(COL.docs)],
          m.perspectives.map((p) => [cap(p.name), String(p.docs.length), p.docs.map((d) => d.id).join(", ") || "–"]),
          ["l", "r", "l"],
        ),
      );
      push(
        `${deeper}### ${t(H.vardeord)}`,
        mdTable(
          [t(COL.word), t(COL.count), t(COL.docs)],
          m.vardeord.map((p) => [cap(p.name), String(p.docs.length), p.docs.map((d) => d.id).join(", ") || "–"]),
          ["l", "r", "l"],
        ),
      );
      push(
        m.unserved.length === 0
          ? t({ sv: "Alla värdeord bärs av minst ett dokument.", en: "Every value word is carried by at least one document." })
          : `**${t({ sv: "Värdeord som inget dokument bär", en: "Value words no document carries" })}:** ${markdownText(m.unserved.join(", "))}.`,
      );
    }
  });
  out.push(`_${t({ sv: "Skapad av `samdok report`.", en: "Written by `samdok report`." })}_`);
  return `${neutralizeWorkflowCommands(out.join("\n"), "markup")}\n`;
}
