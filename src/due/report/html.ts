/**
 * The status report as one self-contained, accessible HTML file: lang="sv",
 * one h1, tables with captions and real header cells, and simple inline SVG
 * bar charts whose text alternative carries the same figures as the table
 * beside them. No scripts, no external files.
 */
import type { Lang } from "../../core/types.js";
import { longDate } from "../../core/dates.js";
import { pick, type Localized } from "../../i18n/text.js";
import { daysText, kindLabel, stateLabel, type DueItem } from "../list/model.js";
import { htmlText as e } from "../../core/escape.js";
import { neutralizeWorkflowCommands } from "../../core/safe-text.js";
import type { Count, SetReport, StatusReport } from "./report.js";
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

const CSS = `
body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.75rem;margin:.5rem 0}
h2{font-size:1.4rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8eef5}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.overdue{color:#a3000b;font-weight:bold}
.due{color:#6b4400;font-weight:bold}
.no{color:#a3000b}
.meta{color:#444}
figure{margin:.5rem 0 1rem}
figcaption{color:#444;font-size:.9rem}
svg{max-width:100%;height:auto}
.nowrap{white-space:nowrap}
svg text{font-family:Arial,Helvetica,sans-serif;font-size:13px;fill:#1a1a1a}
footer{margin-top:2rem;color:#444;font-size:.9rem}
`;

type Cell = { text: string; num?: boolean; cls?: string };

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (string | Cell)[])[],
  numeric: readonly number[] = [],
): string {
  const cell = (c: string | Cell, i: number, tag: "th" | "td"): string => {
    const v: Cell = typeof c === "string" ? { text: c } : c;
    const classes = [numeric.includes(i) || v.num ? "num" : "", v.cls ?? ""].filter(Boolean).join(" ");
    const attrs = `${tag === "th" ? ' scope="row"' : ""}${classes ? ` class="${classes}"` : ""}`;
    return `<${tag}${attrs}>${e(v.text)}</${tag}>`;
  };
  return (
    `<table>\n<caption>${e(caption)}</caption>\n<thead><tr>${head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ""}>${e(h)}</th>`).join("")}</tr></thead>\n<tbody>\n` +
    rows.map((r) => `<tr>${r.map((c, i) => cell(c, i, i === 0 ? "th" : "td")).join("")}</tr>`).join("\n") +
    `\n</tbody>\n</table>`
  );
}

/** A horizontal bar chart; the <title> and <desc> say in words what the bars show. */
function barChart(id: string, title: string, data: readonly Count[], lang: Lang): string {
  const rows = data.filter((d) => d.count > 0);
  if (rows.length === 0) return "";
  const max = Math.max(...rows.map((d) => d.count));
  const labelWidth = 190;
  const barWidth = 330;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 8;
  const desc = rows.map((d) => `${cap(d.label)}: ${d.count}`).join(", ");
  const bars = rows
    .map((d, i) => {
      const y = 4 + i * rowHeight;
      const w = Math.max(2, Math.round((barWidth * d.count) / max));
      return (
        `<text x="0" y="${y + 16}">${e(cap(d.label))}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="18" fill="#1f4e79"></rect>` +
        `<text x="${labelWidth + w + 6}" y="${y + 16}">${d.count}</text>`
      );
    })
    .join("\n");
  return (
    `<figure>\n<svg role="img" aria-labelledby="${id}-t ${id}-d" width="${labelWidth + barWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 50} ${height}" xmlns="http://www.w3.org/2000/svg">\n` +
    `<title id="${id}-t">${e(title)}</title>\n<desc id="${id}-d">${e(desc)}</desc>\n${bars}\n</svg>\n` +
    `<figcaption>${e(pick({ sv: "Diagram: samma siffror som i tabellen.", en: "Chart: the same figures as in the table." }, lang))}</figcaption>\n</figure>`
  );
}

function dueTable(caption: string, items: readonly DueItem[], lang: Lang): string {
  const t = (x: Localized): string => pick(x, lang);
  return table(
    caption,
    [t(COL.document), t(COL.state), t(COL.date), t(COL.when), t(COL.kind), t(COL.owner)],
    items.map((i) => [
      `${i.title} (${i.id})`,
      { text: stateLabel(i.state, lang), cls: i.state },
      { text: i.date, cls: "nowrap" },
      daysText(i.daysLeft, lang),
      kindLabel(i.kind, lang) + (i.detail ? `: ${i.detail}` : ""),
      i.ownerName || "–",
    ]),
  );
}

function setSection(set: SetReport, report: StatusReport, lang: Lang, level: number, prefix: string): string {
  const t = (x: Localized): string => pick(x, lang);
  const h = (n: number, text: string): string => `<h${level + n}>${e(text)}</h${level + n}>`;
  const p = (text: string): string => `<p>${e(text)}</p>`;
  const out: string[] = [];
  out.push(
    h(0, t(H.summary)),
    `<ul>\n${summaryLines(set, report, lang)
      .map((l) => `<li>${e(l)}</li>`)
      .join("\n")}\n</ul>`,
  );

  out.push(h(0, t(H.figures)));
  out.push(
    h(1, t(H.byStatus)),
    barChart(`${prefix}status`, t({ sv: "Dokument per status", en: "Documents by status" }), set.byStatus, lang),
  );
  out.push(
    table(
      t({ sv: "Dokument per status", en: "Documents by status" }),
      [t(COL.status), t(COL.count), t(COL.share)],
      set.byStatus.map((s) => [cap(s.label), String(s.count), share(s.count, set.total)]),
      [1, 2],
    ),
  );
  out.push(h(1, t(H.byType)), barChart(`${prefix}type`, t({ sv: "Dokument per dokumenttyp", en: "Documents by type" }), set.byType, lang));
  out.push(
    table(
      t({ sv: "Dokument per dokumenttyp", en: "Documents by type" }),
      [t(COL.type), t(COL.count), t(COL.share)],
      set.byType.map((s) => [cap(s.label), String(s.count), share(s.count, set.total)]),
      [1, 2],
    ),
  );
  const statusCols = set.byStatus.map((s) => s.key);
  out.push(
    h(1, t(H.byTrack)),
    table(
      t({ sv: "Dokument per spår och status", en: "Documents by track and status" }),
      [t(COL.track), ...set.byStatus.map((s) => cap(s.label)), t(COL.total)],
      set.byTrack.map((tr) => [
        tr.name,
        ...statusCols.map((s) => String(tr.byStatus[s as keyof typeof tr.byStatus] ?? 0)),
        String(tr.total),
      ]),
      statusCols.map((_, i) => i + 1).concat([statusCols.length + 1]),
    ),
  );

  const sinceText = `${t({ sv: "sedan", en: "since" })} ${longDate(report.since, lang)}`;
  out.push(h(0, `${t(H.changes)} ${sinceText}`));
  if (set.changes.length === 0) out.push(p(t(NONE.changes)));
  else
    out.push(
      table(
        `${t(H.changes)} ${sinceText}`,
        [t(COL.document), t(COL.date), t(COL.version), t(COL.change)],
        set.changes.map((c) => [`${c.title} (${c.id})`, { text: c.date, cls: "nowrap" }, c.version, c.description]),
      ),
    );
  if (set.repealed.length > 0)
    out.push(
      p(
        `${t({ sv: "Upphävda under perioden", en: "Repealed during the period" })}: ${set.repealed.map((r) => `${r.title} (${r.id}, ${r.date})`).join("; ")}.`,
      ),
    );

  out.push(h(0, t(H.inProgress)));
  if (set.inProgress.length === 0) out.push(p(t(NONE.inProgress)));
  else {
    out.push(
      table(
        t(H.inProgress),
        [t(COL.document), t(COL.status), t(COL.version), t(COL.lastChange), t(COL.remissTill)],
        set.inProgress.map((w) => [
          `${w.title} (${w.id})`,
          w.status,
          w.version,
          { text: w.lastChange ?? "–", cls: "nowrap" },
          { text: w.remissTill ?? "–", cls: "nowrap" },
        ]),
      ),
    );
    // Each document on remiss: who has answered, how, and who has not.
    for (const w of set.inProgress) {
      if (!w.tally) continue;
      out.push(h(1, `${t(H.remissAnswers)}: ${w.title}`), p(remissSentence(undefined, w.tally, report.asOf, lang)));
      if (w.tally.entries.length > 0) {
        out.push(
          table(
            `${t(H.remissAnswers)}: ${w.title}`,
            [t(COL.instans), t(COL.standpunkt), t(COL.date), t(COL.registration), t(COL.comment)],
            remissRows(w.tally, lang).map(([name = "", position = "", ...rest], i) => [
              name,
              { text: position, ...(w.tally?.entries[i]?.answer ? {} : { cls: "no" }) },
              ...rest,
            ]),
          ),
        );
      }
    }
  }

  out.push(h(0, t(H.due)));
  out.push(set.revisions.length === 0 ? p(t(NONE.due)) : dueTable(t(H.due), set.revisions, lang));

  out.push(h(0, t(H.followups)), h(1, t(H.followupsDue)));
  out.push(set.followups.length === 0 ? p(t(NONE.due)) : dueTable(t(H.followupsDue), set.followups, lang));
  out.push(h(1, `${t(H.followupsDone)} ${sinceText}`));
  if (set.followupsDone.length === 0) out.push(p(t(NONE.followupsDone)));
  else
    out.push(
      table(
        `${t(H.followupsDone)} ${sinceText}`,
        [t(COL.document), t(COL.done), t(COL.followup), t(COL.result)],
        set.followupsDone.map((f) => [`${f.title} (${f.id})`, { text: f.done, cls: "nowrap" }, f.description, f.result ?? "–"]),
      ),
    );

  out.push(h(0, t(H.adoption)));
  if (set.adoption.length === 0) out.push(p(t(NONE.adoption)));
  for (const a of set.adoption) {
    out.push(
      h(1, a.title),
      p(adoptionSentence(undefined, a, lang)),
      table(
        `${t({ sv: "Antagande av version", en: "Adoption of version" })} ${a.version}: ${a.title}`,
        [t(COL.party), t({ sv: `Följer version ${a.version}`, en: `Follows version ${a.version}` }), t(COL.applies), t(COL.adoption)],
        a.parties.map((party) => [
          party.name,
          { text: followsText(party, lang), ...(party.state === "current" ? {} : { cls: "no" }) },
          appliesText(party, lang),
          decisionText(party, lang),
        ]),
      ),
    );
  }

  out.push(h(0, t(H.malbild)));
  if (!set.malbild) out.push(p(t(NONE.malbild)));
  else {
    const m = set.malbild;
    out.push(
      p(
        t({
          sv: `Räknat på de ${m.considered} dokument som inte är upphävda. Ett dokument kan bära flera perspektiv och värdeord.`,
          en: `Counted over the ${m.considered} documents that are not repealed. A document can carry several perspectives and value words.`,
        }),
      ),
    );
    const coverageTable = (caption: string, first: string, list: typeof m.perspectives): string =>
      table(
        caption,
        [first, t(COL.count), t(COL.docs)],
        list.map((c) => [cap(c.name), String(c.docs.length), c.docs.map((d) => d.title).join("; ") || "–"]),
        [1],
      );
    out.push(
      h(1, t(H.perspectives)),
      barChart(
        `${prefix}persp`,
        t({ sv: "Dokument per perspektiv", en: "Documents by perspective" }),
        m.perspectives.map((c) => ({ key: c.name, label: c.name, count: c.docs.length })),
        lang,
      ),
    );
    out.push(coverageTable(t({ sv: "Dokument per perspektiv", en: "Documents by perspective" }), t(COL.perspective), m.perspectives));
    out.push(
      h(1, t(H.vardeord)),
      barChart(
        `${prefix}ord`,
        t({ sv: "Dokument per värdeord", en: "Documents by value word" }),
        m.vardeord.map((c) => ({ key: c.name, label: c.name, count: c.docs.length })),
        lang,
      ),
    );
    out.push(coverageTable(t({ sv: "Dokument per värdeord", en: "Documents by value word" }), t(COL.word), m.vardeord));
    out.push(
      m.unserved.length === 0
        ? p(t({ sv: "Alla värdeord bärs av minst ett dokument.", en: "Every value word is carried by at least one document." }))
        : `<p><strong>${e(t({ sv: "Värdeord som inget dokument bär", en: "Value words no document carries" }))}:</strong> ${e(m.unserved.join(", "))}.</p>`,
    );
  }
  return out.filter(Boolean).join("\n");
}

export function reportHtml(report: StatusReport, lang: Lang): string {
  const t = (x: Localized): string => pick(x, lang);
  const first = report.sets[0];
  const sameRecipient = first !== undefined && report.sets.every((s) => s.recipient === first.recipient);
  const title = first && sameRecipient ? reportTitle(first, lang) : t({ sv: "Statusrapport", en: "Status report" });
  const body: string[] = [`<h1>${e(title)}</h1>`];
  if (report.sets.length === 0) body.push(`<p>${e(t({ sv: "Inga dokument att rapportera.", en: "No documents to report." }))}</p>`);
  else if (report.sets.length === 1 && first) {
    body.push(
      `<p class="meta"><strong>${e(first.name)}</strong>. ${e(periodText(report, lang))}</p>`,
      setSection(first, report, lang, 2, "s1-"),
    );
  } else {
    body.push(`<p class="meta">${e(periodText(report, lang))}</p>`);
    report.sets.forEach((set, i) =>
      body.push(`<section>\n<h2>${e(set.name)}</h2>\n${setSection(set, report, lang, 3, `s${i + 1}-`)}\n</section>`),
    );
  }
  // Every value is escaped by `e` (controls shown as symbols); the lines are inert in a CI log.
  return neutralizeWorkflowCommands(
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${e(`${title} ${longDate(report.asOf, lang)}`)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body.join("\n")}\n</main>\n` +
      `<footer><p>${e(t({ sv: "Skapad av samdok report.", en: "Written by samdok report." }))}</p></footer>\n</body>\n</html>\n`,
    "markup",
  );
}
