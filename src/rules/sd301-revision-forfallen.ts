import type { DocumentRule } from "./types.js";
import { daysBetween, isIsoDate, longDate } from "../core/dates.js";

export const rule: DocumentRule = {
  id: "SD301",
  name: "revision-forfallen",
  scope: "document",
  category: "datum",
  defaultSeverity: "warning",
  description: {
    sv: "Ett fastställt dokument vars revideras_senast har passerats är förfallet: en varning, eller ett fel om konfigurationen säger så.",
    en: "An adopted document whose revideras_senast has passed is overdue: a warning, or an error where the configuration says so.",
  },
  docs: {
    sv:
      "Ett fastställt dokument ska revideras (aktualitetsprövas) senast det datum som står i `revideras_senast`. När datumet har passerats är revisionen förfallen. " +
      "Det är normalt en varning, eftersom den som ändrar något annat i en pull request inte ska stoppas av en revision som någon annan äger. " +
      'Vill samlingen att en förfallen revision ska stoppa (också utgåvor), sätt `"bevakning": {"forfallen_revision_ar_fel": true}` i samdok.config.json. ' +
      'Exempel: `revideras_senast: 2026-09-30` ger i november 2026 "Revisionen är förfallen sedan 30 september 2026 (54 dagar)". ' +
      "Åtgärd: revidera dokumentet (`samdok revise`), eller granska det och flytta `revideras_senast` med en rad i `andringshistorik`, till exempel `beskrivning: Granskad utan ändring.`",
    en:
      "An adopted document must be revised by the date in `revideras_senast`; after that date its revision is overdue. " +
      "It is a warning by default, because whoever changes something else in a pull request should not be stopped by a revision someone else owns. " +
      'To make an overdue revision an error (which also stops editions), set `"bevakning": {"forfallen_revision_ar_fel": true}` in samdok.config.json. ' +
      "Fix: revise the document (`samdok revise`), or review it and move `revideras_senast` with an `andringshistorik` entry such as `beskrivning: Granskad utan ändring.`",
  },
  check(ctx) {
    if (ctx.data.status !== "fastställd") return;
    const due = ctx.data.revideras_senast;
    if (!isIsoDate(due) || due >= ctx.today) return;
    const days = daysBetween(due, ctx.today);
    ctx.report({
      path: "/revideras_senast",
      severity: ctx.config.bevakning?.forfallen_revision_ar_fel === true ? "error" : "warning",
      message: {
        sv: `Revisionen är förfallen sedan ${longDate(due, "sv")} (${days} ${days === 1 ? "dag" : "dagar"}). Revidera dokumentet, eller granska det, flytta revideras_senast och skriv in granskningen i andringshistorik ("Granskad utan ändring").`,
        en: `The revision has been overdue since ${longDate(due, "en")} (${days} ${days === 1 ? "day" : "days"}). Revise the document, or review it, move revideras_senast and record the review in andringshistorik ("Granskad utan ändring").`,
      },
    });
  },
};
