import type { DocumentRule } from "./types.js";
import { date, entries, str } from "./lib/data.js";
import { reviewMonths } from "../core/config-model.js";
import { addMonths } from "../core/dates.js";

function span(months: number, lang: "sv" | "en"): string {
  if (months % 12 === 0) {
    const years = months / 12;
    return lang === "sv" ? `${years} år` : `${years} year${years === 1 ? "" : "s"}`;
  }
  return lang === "sv" ? `${months} månader` : `${months} months`;
}

/**
 * The day the review clock last started: the decision (`faststalld_datum`) or
 * the latest change-history entry, whichever is later. A review recorded with
 * `samdok revise --summary` ("Granskad utan ändring.") is such an entry, and a
 * document reviewed today may be revised an interval from today.
 */
function clockStart(data: Record<string, unknown>): { day: string; review: boolean } | undefined {
  const decided = date(data, "faststalld_datum");
  let latest: string | undefined;
  for (const e of entries(data, "andringshistorik")) {
    const d = date(e.value, "datum");
    if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  }
  if (latest !== undefined && (decided === undefined || latest > decided)) return { day: latest, review: true };
  return decided === undefined ? undefined : { day: decided, review: false };
}

export const rule: DocumentRule = {
  id: "SD122",
  name: "revisionsintervall",
  scope: "document",
  category: "datum",
  defaultSeverity: "warning",
  description: {
    sv: "`revideras_senast` ligger inte längre från beslutet (`faststalld_datum`) eller den senaste raden i `andringshistorik` än konfigurationens revisionsintervall för dokumenttypen.",
    en: "`revideras_senast` is no further from the decision (`faststalld_datum`) or the latest `andringshistorik` entry than the configuration's review interval for the document type.",
  },
  docs: {
    sv: 'Revisionsintervallet anges i månader per dokumenttyp under `revisionsintervall` i samdok.config.json (utan inställning: rutin 24, riktlinje 36, handlingsplan 12, övriga 48). Intervallet räknas från beslutet eller från den senaste raden i ändringshistoriken, om den är senare: en granskning (`samdok revise --summary "Granskad utan ändring."`) startar om klockan. Exempel: en rutin fastställd 2025-03-01 ska revideras senast 2027-03-01; granskas den 2026-11-23 får den revideras senast 2028-11-23. Bara fastställda dokument kontrolleras: ett utkast eller en remissversion får sitt datum när det fastställs, och upphävda dokument arkiveras som de var.',
    en: 'The review interval is given in months per document type under `revisionsintervall` in samdok.config.json (default: rutin 24, riktlinje 36, handlingsplan 12, others 48). The interval counts from the decision or from the latest change-history entry, when that is later: a review (`samdok revise --summary "Granskad utan ändring."`) restarts the clock. Example: a routine adopted on 2025-03-01 must be revised by 2027-03-01; reviewed on 2026-11-23 it may be revised by 2028-11-23. Only adopted documents are checked: a draft or consultation version gets its date when it is adopted, and repealed documents are archived as they were.',
  },
  check(ctx) {
    // Only a decided document has a review clock: a draft's starts at its decision, a repealed one is archived as it was.
    if (str(ctx.data, "status") !== "fastställd") return;
    const due = date(ctx.data, "revideras_senast");
    const start = clockStart(ctx.data);
    const type = str(ctx.data, "dokumenttyp");
    if (due === undefined || start === undefined || type === undefined) return;
    const months = reviewMonths(ctx.config, type);
    const latest = addMonths(start.day, months);
    if (due <= latest) return;
    const from = start.review
      ? { sv: `den senaste raden i ändringshistoriken (${start.day})`, en: `the latest change-history entry (${start.day})` }
      : { sv: `beslutet (${start.day})`, en: `the decision (${start.day})` };
    ctx.report({
      path: "/revideras_senast",
      message: {
        sv: `En ${type} ska revideras inom ${span(months, "sv")} från ${from.sv}, alltså senast ${latest}, men \`revideras_senast\` är ${due}. Sätt \`revideras_senast: ${latest}\` eller tidigare, eller granska dokumentet med \`samdok revise --summary "Granskad utan ändring."\`, som skriver en rad i ändringshistoriken och ett nytt datum. Intervallet ställs in under \`revisionsintervall\` i samdok.config.json.`,
        en: `A ${type} must be revised within ${span(months, "en")} of ${from.en}, that is by ${latest}, but \`revideras_senast\` is ${due}. Set \`revideras_senast: ${latest}\` or earlier, or review the document with \`samdok revise --summary "Granskad utan ändring."\`, which writes a change-history entry and a new date. The interval is set under \`revisionsintervall\` in samdok.config.json.`,
      },
    });
  },
};
