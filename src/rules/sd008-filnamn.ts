import type { DocumentRule } from "./types.js";

export const rule: DocumentRule = {
  id: "SD008",
  name: "filnamn",
  scope: "document",
  category: "metadata",
  defaultSeverity: "warning",
  description: {
    sv: "Filens namn är dokumentets id följt av .md, så att dokumentet går att hitta och länka till.",
    en: "The file name is the document's id followed by .md, so that the document can be found and linked to.",
  },
  check(ctx) {
    const id = ctx.data.id;
    if (typeof id !== "string") return;
    const base = ctx.rootPath.split("/").pop() ?? "";
    if (base === `${id}.md`) return;
    ctx.report({
      path: "/id",
      message: {
        sv: `Filen heter \`${base}\` men dokumentets id är \`${id}\`. Byt namn på filen till \`${id}.md\` (id ändras aldrig).`,
        en: `The file is named \`${base}\` but the document's id is \`${id}\`. Rename the file to \`${id}.md\` (an id never changes).`,
      },
    });
  },
};
