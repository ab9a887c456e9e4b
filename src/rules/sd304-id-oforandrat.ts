import type { ChangeRule } from "./lib/change-context.js";

export const rule: ChangeRule = {
  id: "SD304",
  name: "id-oforandrat",
  scope: "change",
  category: "andring",
  defaultSeverity: "error",
  description: {
    sv: "Pull request: ett dokuments id är detsamma som i basversionen, också när filen bytt namn eller flyttats.",
    en: "Pull request: a document's id is the same as at the base version, also when the file was renamed or moved.",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Id är dokumentets identitet: länkar, ersättningar (`ersatter`, `ersatts_av`), utgåvor och diarieföring bygger på det. Ett id ändras därför aldrig. " +
      "Ska dokumentet få ett nytt namn är det titeln som ändras; ska det ersättas av ett nytt dokument får det nya dokumentet ett nytt id med `ersatter: [gammalt-id]`, och det gamla upphävs med `ersatts_av`.",
    en:
      "Runs with `samdok validate --changed-since REF`. The id is the document's identity: links, replacements (`ersatter`, `ersatts_av`), editions and registration rest on it, so it never changes. " +
      "To rename a document change its title; to replace it, give the new document a new id with `ersatter: [old-id]` and repeal the old one with `ersatts_av`.",
  },
  checkChange(ctx) {
    for (const c of ctx.changed) {
      const before = c.base?.data?.id;
      const now = c.head.data?.id;
      if (!c.base || typeof before !== "string" || typeof now !== "string" || before === now) continue;
      const where = c.moved
        ? { sv: ` (filen hette då ${c.base.display})`, en: ` (the file was then ${c.base.display})` }
        : { sv: "", en: "" };
      ctx.report(c.head.result, {
        path: "/id",
        message: {
          sv: `Id har ändrats från \`${before}\` till \`${now}\`: i basversionen (${ctx.ref}) hade dokumentet id \`${before}\`${where.sv}. Ett id ändras aldrig; sätt tillbaka \`id: ${before}\`. Ska dokumentet ersättas, skapa ett nytt dokument med \`ersatter: [${before}]\`.`,
          en: `The id has changed from \`${before}\` to \`${now}\`: at the base version (${ctx.ref}) the document had the id \`${before}\`${where.en}. An id never changes; put back \`id: ${before}\`. To replace the document, create a new one with \`ersatter: [${before}]\`.`,
        },
      });
    }
  },
};
