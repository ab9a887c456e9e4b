import type { ChangeRule } from "./lib/change-context.js";

export const rule: ChangeRule = {
  id: "SD305",
  name: "id-ateranvands-inte",
  scope: "change",
  category: "andring",
  defaultSeverity: "error",
  description: {
    sv: "Pull request: ett dokument tar inte ett id som ett annat dokument hade i basversionen.",
    en: "Pull request: a document does not take an id that another document had at the base version.",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Ett id som en gång använts hör för alltid till det dokumentet, också när det upphävts: gamla beslut, länkar och arkiverade utgåvor pekar på det. " +
      "Ett nytt dokument (eller ett dokument som byter id) får därför inte ta ett id som ett annat dokument hade i basversionen. Välj ett nytt id, till exempel med ett årtal: `rutin-utskrivning-2027`. " +
      "En fil som flyttas eller byter namn och behåller sitt id är samma dokument och berörs inte.",
    en:
      "Runs with `samdok validate --changed-since REF`. An id once used belongs to that document for ever, also after it is repealed: old decisions, links and archived editions point at it. " +
      "A new document (or one whose id changes) must not take an id another document had at the base version. Choose a new id, for example with a year: `rutin-utskrivning-2027`. " +
      "A file that is moved or renamed and keeps its id is the same document and is not affected.",
  },
  checkChange(ctx) {
    for (const c of ctx.changed) {
      const id = c.head.data?.id;
      if (typeof id !== "string" || c.base?.data?.id === id) continue;
      const owners = (ctx.baseById.get(id) ?? []).filter((b) => b !== c.base);
      const owner = owners[0];
      if (!owner) continue;
      const status = typeof owner.data?.status === "string" ? owner.data.status : undefined;
      ctx.report(c.head.result, {
        path: "/id",
        message: {
          sv: `Id \`${id}\` tillhörde ${owner.display} i basversionen (${ctx.ref})${status ? `, med status ${status}` : ""}. Ett id återanvänds aldrig; ge dokumentet ett eget id.`,
          en: `The id \`${id}\` belonged to ${owner.display} at the base version (${ctx.ref})${status ? `, with status ${status}` : ""}. An id is never reused; give the document an id of its own.`,
        },
      });
    }
  },
};
