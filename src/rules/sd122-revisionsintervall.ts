import type { DocumentRule } from "./types.js";
import { date, str } from "./lib/data.js";
import { reviewMonths } from "../core/config-model.js";
import { addMonths } from "../core/dates.js";

function span(months: number, lang: "sv" | "en"): string {
  if (months % 12 === 0) {
    const years = months / 12;
    return lang === "sv" ? `${years} år` : `${years} year${years === 1 ? "" : "s"}`;
  }
  return lang === "sv" ? `${months} månader` : `${months} months`;
}

export const rule: DocumentRule = {
  id: "SD122",
  name: "revisionsintervall",
  scope: "document",
  category: "datum",
  defaultSeverity: "warning",
  description: {
    sv: "`revideras_senast` ligger inte längre från `faststalld_datum` än konfigurationens revisionsintervall för dokumenttypen.",
    en: "`revideras_senast` is no further from `faststalld_datum` than the configuration's review interval for the document type.",
  },
  docs: {
    sv: "Revisionsintervallet anges i månader per dokumenttyp under `revisionsintervall` i samdok.config.json (utan inställning: rutin 24, riktlinje 36, handlingsplan 12, övriga 48). Exempel: en rutin fastställd 2025-03-01 ska revideras senast 2027-03-01. Upphävda dokument kontrolleras inte: de arkiveras som de var.",
    en: "The review interval is given in months per document type under `revisionsintervall` in samdok.config.json (default: rutin 24, riktlinje 36, handlingsplan 12, others 48). Example: a routine adopted on 2025-03-01 must be revised by 2027-03-01. Repealed documents are not checked: they are archived as they were.",
  },
  check(ctx) {
    const due = date(ctx.data, "revideras_senast");
    const decided = date(ctx.data, "faststalld_datum");
    const type = str(ctx.data, "dokumenttyp");
    // A repealed document is archived as it was; it is not revised any more.
    if (due === undefined || decided === undefined || type === undefined || str(ctx.data, "status") === "upphävd") return;
    const months = reviewMonths(ctx.config, type);
    const latest = addMonths(decided, months);
    if (due <= latest) return;
    ctx.report({
      path: "/revideras_senast",
      message: {
        sv: `En ${type} ska revideras inom ${span(months, "sv")} från beslutet (${decided}), alltså senast ${latest}, men \`revideras_senast\` är ${due}. Sätt \`revideras_senast: ${latest}\` eller tidigare. Intervallet ställs in under \`revisionsintervall\` i samdok.config.json.`,
        en: `A ${type} must be revised within ${span(months, "en")} of the decision (${decided}), that is by ${latest}, but \`revideras_senast\` is ${due}. Set \`revideras_senast: ${latest}\` or earlier. The interval is set under \`revisionsintervall\` in samdok.config.json.`,
      },
    });
  },
};
